"""The urgent decision on answers typed at every question of the interview.

    .venv/bin/python scripts/urgent_questions_eval.py [BATCH.yml ...] [--show]

The blind batches in tests/data/urgent_blind/ are sent at five questions
through the real servers. People type at about forty: their name ("im the
mum"), the children, who helps, "are you safe to carry on?". Batches in
tests/data/urgent_blind_questions/ hold answers written for each question
(`context` is the question's slot name) by someone who saw only the questions;
this runs the decision (bot/safety/decide.py, the same call the message guard
makes with the question in view) on each at its own question, in-process, and
prints per question how many calm answers got 999 or the check, and how many
urgent ones got neither. --show prints misjudged messages: only for batches
already scored once (their file says `status: development`).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FOLDER = ROOT / "tests" / "data" / "urgent_blind_questions"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batches", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    import yaml

    from bot.safety.decide import Outcome, decide

    paths = args.batches or sorted(FOLDER.glob("*.yml"))
    for path in paths:
        data = yaml.safe_load(path.read_text("utf-8"))
        show = args.show and data.get("status") == "development"
        # per question: calm n, calm 999, calm check, urgent n, urgent 999, urgent check
        rows: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
        for item in data["items"]:
            urgent = item["expect"] == "urgent"
            outcome = decide(item["text"], item["context"]).outcome
            row = rows[item["context"]]
            base = 3 if urgent else 0
            row[base] += 1
            row[base + 1] += outcome is Outcome.URGENT
            row[base + 2] += outcome is Outcome.CHECK
            wrong = outcome is not (Outcome.URGENT if urgent else Outcome.NONE)
            if show and wrong:
                label = "URGENT" if urgent else "CALM"
                print(f"  {label}->{outcome.value:6} {item['context']:18} {item['text']!r}")
        total = [sum(r[i] for r in rows.values()) for i in range(6)]
        print(f"{path.name} ({data.get('status', 'blind')})")
        print(f"  calm answers {total[0]} at {len(rows)} questions: 999 {total[1]} "
              f"({total[1] / max(total[0], 1):.1%}), check {total[2]} "
              f"({total[2] / max(total[0], 1):.1%})")
        print(f"  urgent {total[3]}: 999 {total[4]} ({total[4] / max(total[3], 1):.1%}), "
              f"999 or check {total[4] + total[5]} "
              f"({(total[4] + total[5]) / max(total[3], 1):.1%})")
        flagged = {q: r for q, r in rows.items() if r[1] or r[2] or (r[3] and r[4] + r[5] < r[3])}
        for question, r in sorted(flagged.items()):
            print(f"  {question:20} calm {r[0]}: 999 {r[1]} check {r[2]}"
                  + (f" | urgent {r[3]}: 999 {r[4]} check {r[5]}" if r[3] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
