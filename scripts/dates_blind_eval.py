"""Step deadlines read from answers to "By when?", scored on a batch written blind.

    .venv/bin/python scripts/dates_blind_eval.py tests/data/dates_blind/BATCH.yml [--show]

A batch (written by someone who has not read bot/parsing) gives, for each
answer, what a careful UK social worker would do with it: a deadline date,
ask again, or record the step as done. Today is the batch's `today`. Prints how
often the bot does the same; --show prints the misread answers (only for a
batch already scored blind: it is development data from then on).

The worst misreading is a wrong date saved (a fact in the plan nobody chose);
asking again when a date was clear costs a turn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batch", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from bot.parsing import read_step_date

    data = yaml.safe_load(args.batch.read_text(encoding="utf-8"))
    today = data["today"] if isinstance(data["today"], dt.date) else dt.date.fromisoformat(
        str(data["today"]))
    counts = {"right": 0, "wrong_date": 0, "asked_when_clear": 0, "guessed_when_vague": 0,
              "other": 0}
    by_kind: dict[str, list[int]] = {}
    for index, item in enumerate(data["items"]):
        expect = item["expect"]
        read = read_step_date(str(item["text"]), today)
        got = {"date": "date", "done": "done"}.get(read.kind, "ask")
        tally = by_kind.setdefault(expect, [0, 0])
        tally[1] += 1
        if expect == "date":
            wanted = item["date"] if isinstance(item["date"], dt.date) else dt.date.fromisoformat(
                str(item["date"]))
            if got == "date" and read.date == wanted:
                outcome = "right"
            elif got == "date":
                outcome = "wrong_date"
            else:
                outcome = "asked_when_clear" if got == "ask" else "other"
        elif expect == "ask":
            outcome = "right" if got == "ask" else (
                "guessed_when_vague" if got == "date" else "other")
        else:
            outcome = "right" if got == "done" else "other"
        counts[outcome] += 1
        tally[0] += outcome == "right"
        if args.show and outcome != "right":
            print(f"  {outcome:18} #{index} expect {expect} {item.get('date', '')} "
                  f"got {read.kind} {read.date} {item['text']!r}")
    total = len(data["items"])
    print(f"{args.batch.stem}: {counts['right']}/{total} right ({counts['right'] / total:.0%})")
    for kind, (right, n) in by_kind.items():
        print(f"  expect {kind:5} {right}/{n}")
    print(f"  wrong date saved {counts['wrong_date']}; asked when the date was clear "
          f"{counts['asked_when_clear']}; a date guessed from a vague answer "
          f"{counts['guessed_when_vague']}; other {counts['other']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
