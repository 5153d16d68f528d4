"""Whose phone number a message says it is, scored on a batch written blind.

    .venv/bin/python scripts/numbers_blind_eval.py tests/data/numbers_blind/BATCH.yml [--show]

A batch (written by someone who has not read bot/interview/contact_edits.py)
describes one plan's people and the numbers saved under them, some under the
wrong person, and gives messages typed at later questions with what should
happen: the number moved to its owner (`move`), nothing changed and the person
told how to fix it (`unclear`), or the message kept as the answer (`answer`).
The plan below is the batch's: Jodie typing (the children's mum), her mum
Tracey, the children's dad Dean, her friend Becky, a social worker and a
health visitor. --show prints the misread messages (only for a batch already
scored blind).

The worst misreading is a number moved to the wrong person; an answer taken
for a correction loses the answer (it is not saved).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batch", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from bot.interview.contact_edits import asked_to_move_number
    from tests.support.numbers_blind import batch_plan as _plan

    data = yaml.safe_load(args.batch.read_text(encoding="utf-8"))
    outcomes: Counter[str] = Counter()
    by_kind: dict[str, list[int]] = {}
    for index, item in enumerate(data["items"]):
        plan = _plan()
        # The worker typing is the social worker; otherwise Jodie.
        me = plan.people[4] if str(item.get("note", "")).startswith("SW") else plan.people[0]
        found = asked_to_move_number(plan, str(item["text"]), me)
        got = "answer" if found is None else "unclear" if found.owner is None else "move"
        expect = item["expect"]
        if got == expect == "move":
            same_number = re.sub(r"\D", "", found.number) == re.sub(r"\D", "", str(item["number"]))
            right_owner = found.owner is not None and found.owner.name == item["owner"]
            outcome = "right" if same_number and right_owner else "moved to the wrong person"
        elif got == expect:
            outcome = "right"
        elif got == "move":
            outcome = "moved when unclear" if expect == "unclear" else "answer taken for a move"
        elif got == "unclear":
            outcome = "asked when clear" if expect == "move" else "answer taken for a correction"
        else:
            outcome = "correction missed" if expect == "move" else "unclear kept as an answer"
        outcomes[outcome] += 1
        tally = by_kind.setdefault(expect, [0, 0])
        tally[0] += outcome == "right"
        tally[1] += 1
        if args.show and outcome != "right":
            owner = found.owner.name if found is not None and found.owner else ""
            print(f"  {outcome:30} #{index} expect {expect} {item.get('owner', '')} "
                  f"got {got} {owner} {item['text']!r}")
    total = len(data["items"])
    print(f"{args.batch.stem}: {outcomes['right']}/{total} right ({outcomes['right'] / total:.0%})")
    for kind, (right, n) in by_kind.items():
        print(f"  expect {kind:8} {right}/{n}")
    print("  " + "; ".join(f"{k} {v}" for k, v in sorted(outcomes.items()) if k != "right"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
