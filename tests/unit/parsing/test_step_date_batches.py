"""Answers to "By when?" from batches written blind (tests/data/dates_blind/).

Each batch's first, blind score is in docs/step-dates-evaluation.md; once
scored it is development data, and this keeps every answer read as the
careful reader who wrote it would: the same deadline, a question back when it
is vague, or the step recorded as done. Cheapest failure first: a wrong date
saved is a fact in the plan nobody chose.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.parsing import read_step_date

ROOT = Path(__file__).resolve().parents[3]
BATCHES = sorted((ROOT / "tests" / "data" / "dates_blind").glob("*.yml"))


def _items() -> list[tuple[str, dict, dt.date]]:
    out = []
    for path in BATCHES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") != "development":
            continue  # a batch still blind is scored once by scripts/dates_blind_eval.py
        today = dt.date.fromisoformat(str(data["today"]))
        out += [(f"{path.stem}#{i}", item, today) for i, item in enumerate(data["items"])]
    return out


ITEMS = _items()


@pytest.mark.parametrize(("name", "item", "today"), ITEMS, ids=[i[0] for i in ITEMS])
def test_a_step_date_is_read_as_its_writer_meant(name: str, item: dict, today: dt.date) -> None:
    read = read_step_date(str(item["text"]), today)
    if item["expect"] == "date":
        assert (read.kind, read.date) == ("date", dt.date.fromisoformat(str(item["date"])))
    elif item["expect"] == "done":
        assert read.kind == "done"
    else:
        assert read.kind not in ("date", "done"), read
