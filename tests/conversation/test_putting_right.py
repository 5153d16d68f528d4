"""Putting things right in the person's own words, through the real Rasa and action servers.

A persona's "no 900481 is my mums number not mine", typed to "Is there another
worry?", was read as "no" and lost; "idk like 6 months?" was not understood as
a closure date. Through the real NLU and message guard, the correction moves
the number and the question is asked again; a loose closure answer is read
and said back; "TBC" is left to come back to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.parsing import read_closure_date
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.walk import Walker, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def _people(bot: Any, sender: str) -> dict[str, str | None]:
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        return {p.name: p.contact for p in uow.conversations.get(sender).plan.people}


def test_a_number_put_right_at_a_yes_no_question_moves_it_and_asks_again(bot: Any) -> None:
    sender = bot.new_sender("number-fix")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("more_pairs")
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        # As a persona saw it: her mum's number saved under her own name.
        next(p for p in plan.people if p.name == "Sarah").contact = "07700 900481"
        uow.commit()
    said = texts(walker.say("no 900481 is my mums number not mine"))
    assert "I've put 07700 900481 under Nan (my mum) and taken it off Sarah." in said
    # Nan's own number, given earlier in who does what, is kept and said so.
    assert "Nan already had 07700 900123, so both are kept." in said
    assert walker.slot == "more_pairs", said
    people = _people(bot, sender)
    assert people["Nan"] == "07700 900123, 07700 900481" and people["Sarah"] is None


def test_a_loose_closure_date_is_read_and_not_known_is_left_open(bot: Any) -> None:
    walker = Walker(bot, bot.new_sender("closure-loose"), "family")
    walker.start()
    walker.to("closure_date")
    said = texts(walker.say("idk like 6 months?"))
    expected = read_closure_date("6 months", dt.date.today()).date
    assert expected is not None
    assert f"Saved: the case could close by {expected.day} {expected:%B %Y}." in said

    other = Walker(bot, bot.new_sender("closure-tbc"), "worker")
    other.start()
    other.to("closure_date")
    said = texts(other.say("TBC"))
    assert "Noted as still to do." in said and "could close by" not in said
