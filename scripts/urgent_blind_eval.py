"""Scores blind batches of urgent and calm messages through the real servers.

    .venv/bin/python scripts/urgent_blind_eval.py [BATCH.yml ...] [--url REST_URL]
        [--every-question]

Without batch files, every batch in tests/data/urgent_blind/ is scored. Prints,
per batch and per question, how often urgent messages got the 999 reply (or
the "is someone in danger right now?" check) and how often calm plan answers
did, plus answers lost, and one row for docs/safety-evaluation.md. Starts its
own servers on free ports with a throwaway database unless --url is given.
Never prints message text, only item indexes. A batch still marked blind has
every urgent message sent at all five questions; a development batch one
question each, in turn, unless --every-question.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


EVERY_QUESTION = "--every-question" in sys.argv
if EVERY_QUESTION:
    sys.argv.remove("--every-question")


def _score(url: str, paths: list[Path], note: str) -> int:
    from tests.support.urgent_blind import batches, load_batch, score_batch, summary_row
    from tests.support.walk import RestChat

    chat = RestChat(url)
    chosen = [load_batch(p) for p in paths] if paths else batches()
    failed = 0
    for batch in chosen:
        result = score_batch(chat, batch, every_question=EVERY_QUESTION)
        print("\n".join(result.table()))
        print(summary_row(result, dt.date.today().isoformat(), note))
        misses = result.failures()
        for line in misses:
            print("  below target:", line)
        failed += bool(misses)
        print()
    return 1 if failed else 0


def main() -> int:
    from tests.support.eval_stack import main as run

    return run(__doc__, "safetyplan-blind-", _score)


if __name__ == "__main__":
    sys.exit(main())
