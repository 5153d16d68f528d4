"""The urgent-danger decision alone (bot/safety/decide.py), in-process, on labelled batches.

    .venv/bin/python scripts/urgent_decide_eval.py [BATCH.yml ...] [--show]

A fast companion to scripts/urgent_blind_eval.py (which talks to the real
servers): the same batches and questions, the decision function only, so
thresholds can be explored in seconds. Figures that count are the ones from
the real servers. --show prints the misjudged messages' text: use it only on
batches already scored blind (they are development data from then on).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batches", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from bot.safety.decide import Outcome, decide
    from bot.safety.meaning import urgent_probability
    from tests.support.urgent_blind import CONTEXTS, batches, load_batch

    chosen = [load_batch(p) for p in args.batches] if args.batches else batches()
    for batch in chosen:
        rows = {name: [0, 0, 0, 0, 0, 0] for name in CONTEXTS}  # u, u999, uchk, c, c999, cchk
        for item in batch.items:
            p = urgent_probability(item.text)
            names = list(CONTEXTS) if item.urgent else [item.context]
            for name in names:
                if name not in CONTEXTS:
                    continue
                d = decide(item.text, CONTEXTS[name], probability=p)
                r = rows[name]
                if item.urgent:
                    r[0] += 1
                    r[1] += d.outcome is Outcome.URGENT
                    r[2] += d.outcome is Outcome.CHECK
                    if args.show and d.outcome is not Outcome.URGENT:
                        print(f"  URGENT->{d.outcome.value:6} {name:13} p={p:.2f} "
                              f"{d.reasons} {item.text!r}")
                else:
                    r[3] += 1
                    r[4] += d.outcome is Outcome.URGENT
                    r[5] += d.outcome is Outcome.CHECK
                    if args.show and d.outcome is not Outcome.NONE:
                        print(f"  CALM->{d.outcome.value:6} {name:13} p={p:.2f} "
                              f"{d.reasons} {item.text!r}")
        total = [sum(r[i] for r in rows.values()) for i in range(6)]
        print(f"{batch.name}:")
        for name, r in [*rows.items(), ("all", total)]:
            u, u9, uc, c, c9, cc = r
            print(
                f"  {name:14} urgent 999 {u9}/{u} ({u9 / max(u, 1):.0%}) "
                f"999|check {(u9 + uc) / max(u, 1):.0%}   calm 999 {c9}/{c} check {cc}/{c} "
                f"({cc / max(c, 1):.0%})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
