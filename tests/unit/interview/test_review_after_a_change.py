"""The review after a change, and the closure date, as a parent on a phone meets them.

A persona in the web chat had the whole plan printed again after every edit,
saw herself listed among "People who help", and had "asap lol idk like 6
months?" not understood as a date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.plan.model import ColumnKind
from bot.storage.migrate import upgrade
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver, service_for
from tests.unit.interview.test_a_parent_on_a_phone import _to_another_worry

# Monday 7 December 2026: the closure batches' today.
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def monday(tmp_path: Path) -> tuple[Driver, str]:
    url = f"sqlite:///{tmp_path / 'plans.db'}"
    upgrade(url)
    return Driver(service_for(url, TODAY), "person-1"), url


def _plan(database_url: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.conversations.get("person-1").plan


def _to_closure(driver: Driver) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks", "no thats it"):
        driver.say(said)
    assert driver.current_slot() == "closure_date"


def test_after_a_change_only_what_changed_is_shown(monday: tuple[Driver, str]) -> None:
    driver, url = monday
    _to_closure(driver)
    whole = driver.say("in nine months")
    assert "Here is the plan so far." in whole and "You: Kerry (mum)" in whole
    assert "People who help: Jan (my mum, 07700 900123)" in whole
    driver.say('/choose{"choice": "change"}')
    driver.say('/choose{"choice": "columns"}')
    driver.say('/choose{"choice": "edit:strengths"}')
    changed = driver.say("we go to the park every Sunday")
    assert "Here is what changed:\nWhat's going well: we go to the park every Sunday" in changed
    assert "Here is the plan so far." not in changed and "Worry 1" not in changed
    assert "Show the whole plan" in [b.title for b in driver.last_buttons]
    again = driver.say('/choose{"choice": "show_all"}')
    assert "Here is the plan so far." in again and "Worry 1:" in again
    assert [e.text for e in _plan(url).entries_of(ColumnKind.STRENGTH)] == [
        "we go to the park every Sunday"
    ]


def test_a_change_inside_a_worry_says_which_worry(monday: tuple[Driver, str]) -> None:
    driver, _url = monday
    _to_closure(driver)
    driver.say("in nine months")
    driver.say('/choose{"choice": "change"}')
    worry = next(b for b in driver.last_buttons if b.title == "Worry 1")
    driver.say(worry.payload)
    signs = next(b for b in driver.last_buttons if "going well" in b.title)
    driver.say(signs.payload)
    changed = driver.say("dad home by 7 and calm")
    lines = changed.split("Here is what changed:\n", 1)[1].split("\n")
    assert lines[0].startswith("Worry 1: Sam and the school are worried")
    assert lines[1] == "Signs it's going well: dad home by 7 and calm"
    assert "Steps:" not in changed


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("asap lol idk like 6 months?", "Saved: the case could close by 7 June 2027."),
        ("6 months, sorry no, a year", "Saved: the case could close by 7 December 2027."),
        ("christmas next year", "Saved: the case could close by 25 December 2027."),
    ],
)
def test_a_closure_date_said_loosely_is_read_and_said_back(
    monday: tuple[Driver, str], said: str, shown: str
) -> None:
    driver, url = monday
    _to_closure(driver)
    reply = driver.say(said)
    if said.startswith("asap"):
        # "asap" first: how soon is asked about, and the "6 months" after it is not lost.
        assert "Roughly how long" in reply
        reply = driver.say("6 months")
        said = "6 months"
    assert shown in reply
    plan = _plan(url)
    assert plan.target_closure_text == said


def test_not_known_yet_is_left_to_come_back_to(monday: tuple[Driver, str]) -> None:
    driver, url = monday
    _to_closure(driver)
    assert "I've noted it as something to come back to." in driver.say("TBC")
    plan = _plan(url)
    assert plan.target_closure_date is None
    assert [q.label for q in plan.open_questions] == ["When the case could close"]


def test_a_date_counted_from_an_unknown_event_is_asked_about(
    monday: tuple[Driver, str],
) -> None:
    driver, url = monday
    _to_closure(driver)
    reply = driver.say("six months after the court hearing")
    assert "the plan doesn't have its date" in reply
    assert driver.current_slot() == "closure_date"
    assert _plan(url).target_closure_date is None
