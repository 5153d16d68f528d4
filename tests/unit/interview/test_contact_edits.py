"""Putting a phone number right in words, at any question (a persona's "no 900481 is my
mums number not mine", typed to "Is there another worry?", was read as "no" and lost).

The blind batches in tests/data/numbers_blind/ (first scores in
docs/fidelity-evaluation.md) are held here: no answer is ever taken for a
correction (it would not be saved), no number is ever moved to the wrong
person, and each message read right when this was written stays right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.interview.contact_edits import asked_to_move_number
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver
from tests.support.numbers_blind import batch_plan as _plan

ROOT = Path(__file__).resolve().parents[3]

BATCHES = sorted((ROOT / "tests" / "data" / "numbers_blind").glob("*.yml"))
# Read as unclear (nothing changed, and said so) though the writer knew whose it
# was: "nan", "grandma" and "MGM" are nobody's relationship in the plan, and "her
# mum" from a worker could be either mum. Asking is the safe side.
ASKED_WHEN_CLEAR = {
    "2026-12-07_numbers_a#11", "2026-12-07_numbers_a#17", "2026-12-07_numbers_a#33",
    "2026-12-07_numbers_a#37", "2026-12-07_numbers_a#38",
}
# Not seen as corrections: saved as the answer, which "go back" undoes.
MISSED = {
    "2026-12-07_numbers_a#28", "2026-12-07_numbers_a#46", "2026-12-07_numbers_a#50",
    "2026-12-07_numbers_a#53",
}


def _items() -> list[tuple[str, dict]]:
    out = []
    for path in BATCHES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") == "development":
            out += [(f"{path.stem}#{i}", item) for i, item in enumerate(data["items"])]
    return out


ITEMS = _items()


@pytest.mark.parametrize(("name", "item"), ITEMS, ids=[i[0] for i in ITEMS])
def test_a_number_correction_is_read_as_its_writer_meant(name: str, item: dict) -> None:
    plan = _plan()
    me = plan.people[4] if str(item.get("note", "")).startswith("SW") else plan.people[0]
    found = asked_to_move_number(plan, str(item["text"]), me)
    if item["expect"] == "answer":
        assert found is None, "an answer taken for a correction would not be saved"
        return
    if found is not None and found.owner is not None:
        # Never to the wrong person, whatever else.
        assert item["expect"] == "move" and found.owner.name == item["owner"]
        assert re.sub(r"\D", "", str(found.number)) == re.sub(r"\D", "", str(item["number"]))
    if name in MISSED:
        assert found is None
    elif name in ASKED_WHEN_CLEAR:
        assert found is not None and found.owner is None
    elif item["expect"] == "move":
        assert found is not None and found.owner is not None
    else:
        assert found is not None and found.owner is None


def _plan_of(database_url: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.conversations.get("person-1").plan


def _to_worries_with_a_number_misfiled(driver: Driver, database_url: str) -> None:
    driver.start()
    for said in (
        "no", '/choose{"choice": "family"}', "yes", "Jodie, their mum", "kai 6 and evie 3",
        "my mum tracey", "no thats it", "Sam Patel, social worker", "no", "we love each other",
    ):
        driver.say(said)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        # As the persona saw it: her mum's number saved under her own name.
        next(p for p in plan.people if p.name == "Jodie").contact = "07700 900481"
        uow.commit()


def test_a_number_is_moved_to_the_person_it_belongs_to_and_said_back(
    driver: Driver, database_url: str
) -> None:
    _to_worries_with_a_number_misfiled(driver, database_url)
    asked = driver.transcript[-1]
    reply = driver.say("no 900481 is my mums number not mine")
    assert "I've put 07700 900481 under Tracey (my mum) and taken it off Jodie." in reply
    # Nothing was answered: the same question is asked again.
    assert asked.split("\n")[-1] in reply
    contacts = {p.name: p.contact for p in _plan_of(database_url).people}
    assert contacts["Tracey"] == "07700 900481" and contacts["Jodie"] is None
    # And the review shows it.
    assert "Tracey (my mum, 07700 900481)" in driver.say("review")


def test_an_unclear_correction_changes_nothing_and_says_how(
    driver: Driver, database_url: str
) -> None:
    _to_worries_with_a_number_misfiled(driver, database_url)
    reply = driver.say("900481 is my aunties")
    assert "I couldn't tell who" in reply and "haven't changed 07700 900481" in reply
    contacts = {p.name: p.contact for p in _plan_of(database_url).people}
    assert contacts["Jodie"] == "07700 900481" and contacts["Tracey"] is None


def test_a_workers_statement_with_a_date_and_a_child_in_it_is_the_answer() -> None:
    # "is not feeding Harley ... on 26/11/2026": a date, and a child after "not",
    # were read as an unclear correction and the whole statement was lost
    # (fidelity batch a, a11).
    plan = _plan()
    said = (
        "Jodie is not feeding Kai enough, and on 26/11/2026 left him alone in the flat "
        "for about 20 minutes."
    )
    assert asked_to_move_number(plan, said, plan.people[4]) is None


def test_who_does_what_with_a_new_number_and_move_in_it_is_the_answer() -> None:
    # Fidelity b07: "she'll move us" is not putting a number right, and a number at
    # the end of a sentence is not part of a date.
    plan = _plan()
    said = (
        "If he finds out where we are I ring 999 first and then Becky, she'll move us "
        "somewhere else. Tracey will have the kids, her number is 07700 900999. "
        "I'm not giving his number"
    )
    assert asked_to_move_number(plan, said, plan.people[0]) is None


def test_an_answer_with_a_number_in_it_is_still_the_answer(
    driver: Driver, database_url: str
) -> None:
    _to_worries_with_a_number_misfiled(driver, database_url)
    reply = driver.say("I ring Tracey on 07700 900481 when Dean turns up")
    assert "I've put" not in reply and "couldn't tell" not in reply
    plan = _plan_of(database_url)
    assert any("07700 900481" in e.text for e in plan.entries)
