#!/usr/bin/env python
"""Score the quality checks against the labelled set.

    .venv/bin/python scripts/eval_quality.py [path/to/labelled.yml] [--min 0.9]

Prints micro precision and recall over (item, code) findings, per-code counts
and every item where the checks and the labels disagree. Exits 1 when
precision or recall falls below --min (default: report only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.quality.labelled import DEFAULT_PATH, evaluate, load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--min", type=float, default=None, help="fail below this precision/recall")
    args = parser.parse_args(argv)

    items = load(args.path)
    for split in sorted({item.get("split", "main") for item in items}):
        part = evaluate(items, split).total
        print(
            f"[{split}] precision {part.precision:.3f}  recall {part.recall:.3f}"
            f"  (tp {part.tp}, fp {part.fp}, fn {part.fn})"
        )
    result = evaluate(items)
    total = result.total
    expected, found = total.tp + total.fn, total.tp + total.fp
    print(f"items: {result.items}   findings expected: {expected}   found: {found}")
    print(f"micro precision: {total.precision:.3f}   micro recall: {total.recall:.3f}")
    print()
    print(f"{'code':34} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6}")
    for code in sorted(result.per_code):
        c = result.per_code[code]
        print(f"{code:34} {c.tp:4} {c.fp:4} {c.fn:4} {c.precision:6.2f} {c.recall:6.2f}")
    print()
    if result.disagreements:
        print(f"disagreements ({len(result.disagreements)}):")
    for d in result.disagreements:
        item = d.item
        text = item.get("text") or item.get("step")
        print(f"  #{d.number} {item['kind']} ({item.get('audience', 'worker')}): {text}")
        if d.missed:
            print(f"      missed: {', '.join(sorted(d.missed))}")
        if d.extra:
            print(f"      extra:  {', '.join(sorted(d.extra))}")
    if args.min is not None and (total.precision < args.min or total.recall < args.min):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
