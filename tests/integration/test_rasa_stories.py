"""The dialogue policies replay every test story in tests/stories without a wrong prediction.

The stories are real conversations (tests/support/story_recorder.py): each
role's happy path, and help, example, go back, skip, stop, restart, review and
urgent danger at every stage of the form. `rasa test core` runs no action (the
form's validation lives in the action server), so this checks what the
policies decide: after each message, which action comes next.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.runner import PROJECT_ROOT, child_environment, runtime_endpoints, train
from bot.settings import load_settings

pytestmark = [pytest.mark.slow]

STORIES = PROJECT_ROOT / "tests" / "stories"
FAILED_FILE = "failed_test_stories.yml"


def _story_count() -> int:
    return sum(
        line.startswith("- story:")
        for path in STORIES.glob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def test_policies_predict_every_story(tmp_path: Path) -> None:
    assert _story_count() >= 13, "tests/stories has lost stories"
    settings = load_settings()
    model = train(settings, quiet=True)
    out = tmp_path / "results"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable, "-m", "bot.rasa_ext.server", "test", "core",
            "--model", str(model),
            "--stories", str(STORIES),
            # Only the action endpoint is read, and no action is run.
            "--endpoints", str(runtime_endpoints(settings)),
            "--fail-on-prediction-errors",
            "--no-plot",
            "--out", str(out),
        ],
        cwd=PROJECT_ROOT,
        env=child_environment(settings),
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    took = time.monotonic() - started
    report = out / "story_report.json"
    print(f"rasa test core: {_story_count()} stories, exit {done.returncode}, {took:.0f} s")
    if done.returncode != 0 or not report.exists():
        failed = out / FAILED_FILE
        details = failed.read_text(encoding="utf-8") if failed.exists() else ""
        # With --fail-on-prediction-errors Rasa stops at the first wrong prediction and
        # puts the failed story (predicted actions marked) in its error message.
        pytest.fail(
            f"rasa test core failed (exit {done.returncode}).\n{details}\n"
            f"--- output (last 6000 characters) ---\n{(done.stdout + done.stderr)[-6000:]}"
        )
    failed = out / FAILED_FILE
    if failed.exists():
        text = failed.read_text(encoding="utf-8")
        assert "- story:" not in text, f"stories with wrong predictions:\n{text}"
