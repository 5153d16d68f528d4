"""Answers to "when could children's services stop being involved?" from blind batches.

The batches are in tests/data/closure_blind/ and each first, blind score is in
docs/closure-dates-evaluation.md. Once scored, a batch is development data,
and this keeps every answer read as the careful worker who wrote it meant: the
same date (any day of the month when only a month was said), a question back
when no date can fairly be taken, or "not known yet". The dates are counted
from the batch's own today, not the machine's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.parsing import read_closure_date

ROOT = Path(__file__).resolve().parents[3]
BATCHES = sorted((ROOT / "tests" / "data" / "closure_blind").glob("*.yml"))


def _items() -> list[tuple[str, dict, dt.date]]:
    out = []
    for path in BATCHES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") != "development":
            continue  # a batch still blind is scored once by scripts/closure_blind_eval.py
        today = dt.date.fromisoformat(str(data["today"]))
        out += [(f"{path.stem}#{i}", item, today) for i, item in enumerate(data["items"])]
    return out


ITEMS = _items()


@pytest.mark.parametrize(("name", "item", "today"), ITEMS, ids=[i[0] for i in ITEMS])
def test_a_closure_date_is_read_as_its_writer_meant(
    name: str, item: dict, today: dt.date
) -> None:
    read = read_closure_date(str(item["text"]), today)
    if item["expect"] == "date":
        assert (read.kind, read.date) == ("date", dt.date.fromisoformat(str(item["date"])))
    elif item["expect"] == "month":
        assert read.kind == "date" and read.date is not None
        assert read.date.strftime("%Y-%m") == str(item["month"])
    else:
        assert read.kind == item["expect"], read


TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("said", "kind", "date"),
    [
        # Second thoughts: the last one counts, and "make it 6" keeps the unit.
        ("in 6 months, sorry no, a year", "date", dt.date(2027, 12, 7)),
        ("3 months actually make it 6", "date", dt.date(2027, 6, 7)),
        # A worker's shorthand; "18/12" could be the 18th of December, so ask.
        ("6/12", "date", dt.date(2027, 6, 7)),
        ("12/52", "date", dt.date(2027, 3, 1)),
        ("18/12", "ask", None),
        # A holiday in a year said is that year's (Easter moves).
        ("christmas next year", "date", dt.date(2027, 12, 25)),
        ("easter 2028", "date", dt.date(2028, 4, 16)),
        ("next christmas", "ask", None),
        # Counted from something with no date in the plan: ask.
        ("six months after he finishes the course", "ask", None),
        ("a couple of months", "ask", None),
        ("6-12 months", "ask", None),
        ("today", "ask", None),
        ("TBC", "dont_know", None),
    ],
)
def test_closure_answers(said: str, kind: str, date: dt.date | None) -> None:
    read = read_closure_date(said, TODAY)
    assert read.kind == kind
    assert read.date == date


def test_anything_at_all_is_read_without_raising() -> None:
    for said in ("", "   ", "/" * 5000, "6" * 3000, "\x00", "next next next " * 200):
        assert read_closure_date(said, TODAY).kind in ("date", "ask", "dont_know")


def test_the_one_sentence_with_a_date_in_it_is_the_answer() -> None:
    # A persona: "idk like 6 months? is that how it works" was not understood.
    read = read_closure_date("idk like 6 months? is that how it works", TODAY)
    assert (read.kind, read.date) == ("date", dt.date(2027, 6, 7))
    assert read_closure_date("march. or april", TODAY).kind == "ask"


def test_a_date_before_the_words_about_closing_is_kept() -> None:
    # Fidelity d05: "step down to EH at that point" has no date of its own.
    read = read_closure_date("CIN review 08/03/27; aim to step down to EH at that point if stable.",
                             TODAY)
    assert (read.kind, read.date) == ("date", dt.date(2027, 3, 8))
