"""Scores blind batches of answers and commands through the real servers.

    .venv/bin/python scripts/commands_blind_eval.py [BATCH.yml ...] [--url REST_URL]

Without batch files, every batch in tests/data/commands_blind/ is scored. Each
item is typed at its question of a real interview (REST channel) and the
bot's reaction is read from its reply: taken as the answer, as which command,
or asked whether the command was meant. Prints a table per question and one
row for docs/commands-evaluation.md. Starts its own servers on free ports with
a throwaway database unless --url is given. Never prints message text, only
item indexes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _score(url: str, paths: list[Path], note: str) -> int:
    from tests.support.commands_blind import batches, load_batch, score_batch
    from tests.support.walk import RestChat

    chat = RestChat(url)
    chosen = [load_batch(p) for p in paths] if paths else batches()
    failed = 0
    for batch in chosen:
        result = score_batch(chat, batch)
        print("\n".join(result.table()))
        print(result.summary_row(dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                                 len(batch.items), note))
        reactions = result.total.reactions
        print("  reactions:", " ".join(f"{i}:{reactions[i]}" for i in sorted(reactions)))
        misses = result.failures()
        for line in misses:
            print("  below target:", line)
        failed += bool(misses)
        print()
    return 1 if failed else 0


def main() -> int:
    from tests.support.eval_stack import main as run

    return run(__doc__, "safetyplan-commands-", _score)


if __name__ == "__main__":
    sys.exit(main())
