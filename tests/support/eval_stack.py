"""The command line shared by the scripts that score a labelled batch through the real servers."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

Score = Callable[[str, list[Path], str], int]


def main(description: str | None, prefix: str, score: Score) -> int:
    """Parse BATCH.yml ... [--url] [--note]; score against --url or a throwaway stack."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("batches", nargs="*", type=Path)
    parser.add_argument("--url", help="a running server's REST webhook")
    parser.add_argument("--note", default="", help="the last column of the summary row")
    args = parser.parse_args()
    if args.url:
        return score(args.url, args.batches, args.note)
    var_dir = Path(tempfile.mkdtemp(prefix=prefix))
    # Set before the stack's settings are read: its own database and files, the
    # models already trained in this checkout.
    os.environ.setdefault("SAFETYPLAN_VAR_DIR", str(var_dir))
    os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
    # The same throwaway stack the test suite starts (free ports, its own database).
    from tests.support.servers import settings_for, start_stack

    stack = start_stack(settings_for(var_dir / "stack"))
    try:
        return score(stack.rest_url, args.batches, args.note)
    finally:
        stack.stop()
