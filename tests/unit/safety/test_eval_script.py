"""scripts/eval_urgent.py reports figures and indexes, never the messages."""

from __future__ import annotations

import subprocess
import sys

from tests.unit.safety._data import DEV_SET, ROOT, TEST_SET, load_set


def test_eval_script_prints_figures_and_no_message_text() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_urgent.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    out = done.stdout
    assert out.count("urgent recall") == 2
    assert out.count("false-positive rate") == 2
    assert "test set" in out and "dev set" in out
    for path in (TEST_SET, DEV_SET):
        urgent, not_urgent = load_set(path)
        for text in urgent + not_urgent:
            # Short answers ("yes", "no") are ordinary words; look for real sentences.
            if len(text) > 12:
                assert text not in out
