"""Score the rules layer of the urgent-danger detector on the test and dev sets.

Prints urgent recall, the non-urgent false-positive rate, and the index (never
the text) of each misclassified message, so the output can be pasted into a
ticket or a CI log without copying safeguarding content around.

    .venv/bin/python scripts/eval_urgent.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.detect import assess  # noqa: E402

DATA_SETS = {
    "test": ROOT / "tests" / "data" / "urgent_test.yml",
    "dev": ROOT / "tests" / "data" / "urgent_dev.yml",
}


@dataclass(frozen=True)
class Score:
    recall: float
    false_positive_rate: float
    missed: tuple[int, ...]  # indexes into "urgent" judged not urgent
    false_alarms: tuple[int, ...]  # indexes into "not_urgent" judged urgent
    n_urgent: int
    n_not_urgent: int


def load(path: Path) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["urgent"]), list(data["not_urgent"])


def score(urgent: list[str], not_urgent: list[str]) -> Score:
    """Rules layer only: no model intent is passed."""
    missed = tuple(i for i, text in enumerate(urgent) if not assess(text).urgent)
    false_alarms = tuple(i for i, text in enumerate(not_urgent) if assess(text).urgent)
    return Score(
        recall=1 - len(missed) / len(urgent),
        false_positive_rate=len(false_alarms) / len(not_urgent),
        missed=missed,
        false_alarms=false_alarms,
        n_urgent=len(urgent),
        n_not_urgent=len(not_urgent),
    )


def main() -> int:
    for name, path in DATA_SETS.items():
        result = score(*load(path))
        print(f"{name} set ({path.relative_to(ROOT)}), rules layer only")
        print(
            f"  urgent recall:        {result.recall:6.1%}  "
            f"({result.n_urgent - len(result.missed)}/{result.n_urgent})"
        )
        print(
            f"  false-positive rate:  {result.false_positive_rate:6.1%}  "
            f"({len(result.false_alarms)}/{result.n_not_urgent})"
        )
        print(f"  missed urgent (index in 'urgent'):        {list(result.missed)}")
        print(f"  false alarms (index in 'not_urgent'):     {list(result.false_alarms)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
