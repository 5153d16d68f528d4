"""A worker records a meeting's scores in the web chat, in Chromium (issue 15, "Done when").

The worker opens their invite link to an existing case, says "we had a core
group today", names who was there, and types each person's score and reason,
tapping the buttons where the page offers them. Every score is in the database
with its reason and meeting, under the plan's record of the person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.access.invites import create_invite
from bot.plan.model import MeetingStatus, MeetingType, Pair, Person, Step
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.browser.test_webchat_page import (  # noqa: F401 - fixtures
    begin,
    bot_texts,
    browser,
    choose,
    open_page,
    origin,
    type_and_send,
)
from tests.support.browser import screenshot_path

pytestmark = [pytest.mark.browser, pytest.mark.conversation, pytest.mark.slow]


def _case(settings: Any) -> str:
    with SqlUnitOfWork(settings.database_url) as uow:
        plan = uow.plans.new_plan()
        plan.people += [Person("Kerry", "Mum"), Person("Jan", "Nan")]
        plan.pairs += [
            Pair(
                danger_statement="Sam is worried Leo is left alone at night.",
                safety_goal="Sam will know Leo has an adult with him every night.",
                scaling_question="How sure are we that Leo has an adult with him every night?",
            ),
            Pair(
                danger_statement="Sam is worried Leo misses school.",
                safety_goal="Sam will know Leo is at school every day.",
                scaling_question="How sure are we that Leo gets to school every day?",
            ),
        ]
        plan.steps.append(Step("Jan to stay over on Fridays", "Jan", dt.date.today()))
        uow.commit()
        return plan.reference


def _last(page: Any) -> str:
    return bot_texts(page)[-1]


def test_a_worker_records_a_core_groups_scores_in_the_web_chat(bot, open_page) -> None:  # noqa: F811
    reference = _case(bot.settings)
    page = open_page(width=412, height=915)  # a phone, as many workers use between visits
    begin(page, create_invite(reference, "worker", 7, settings=bot.settings))
    choose(page, "No")  # nobody in danger now
    if "keep your answers" in _last(page) or "OK to keep them?" in _last(page):
        choose(page, "Yes, that's OK")

    type_and_send(page, "we had a core group today")
    assert "Recording the Core group" in " ".join(bot_texts(page)[-2:])
    type_and_send(page, "Kerry")
    type_and_send(page, "Jan, Nan")
    type_and_send(page, "Sam Okafor, social worker, chair")
    choose(page, "That's everyone")
    assert "What score did Kerry give" in _last(page)
    assert "Leo has an adult with him every night" in _last(page)

    type_and_send(page, "6 because Jan has stayed every Friday")
    type_and_send(page, "7")
    assert "Why did Jan give 7?" in _last(page)
    type_and_send(page, "she has seen the routine settle")
    type_and_send(page, "5, one night he was alone in October")
    assert "Worry 2." in _last(page)
    type_and_send(page, "4 because he missed two days")
    choose(page, "Didn't score this one")  # Jan did not score worry 2
    type_and_send(page, "3.5 attendance is 80%")

    assert "Jan to stay over on Fridays" in _last(page)
    choose(page, "done")
    choose(page, "No new steps")
    choose(page, "Not set yet")
    choose(page, "No")
    read_back = _last(page)
    assert "Worry 1, Kerry: 6 (Jan has stayed every Friday)" in read_back
    assert "Worry 2, Jan: did not score" in read_back
    page.screenshot(path=str(screenshot_path("record-meeting-read-back-phone.png")))
    choose(page, "Yes, it's finished")
    # Then back to where the interview was.
    assert "The Core group, " in " ".join(bot_texts(page)[-3:])
    assert "is saved." in " ".join(bot_texts(page)[-3:])

    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.plans.get(reference)
        [meeting] = plan.meetings
        assert (meeting.kind, meeting.held_on, meeting.status) == (
            MeetingType.CORE_GROUP, dt.date.today(), MeetingStatus.COMPLETE)
        assert [(a.name, a.chaired) for a in meeting.attendees] == [
            ("Kerry", False), ("Jan", False), ("Sam Okafor", True)]
        scores = [
            (n, s.person.name, s.value, s.reason)
            for n, pair in enumerate(plan.pairs, start=1)
            for s in pair.scores
            if s.meeting is meeting
        ]
        assert scores == [
            (1, "Kerry", 6, "Jan has stayed every Friday"),
            (1, "Jan", 7, "she has seen the routine settle"),
            (1, "Sam Okafor", 5, "one night he was alone in October"),
            (2, "Kerry", 4, "he missed two days"),
            (2, "Sam Okafor", 3.5, "attendance is 80%"),
        ]
        # Kerry and Jan are the plan's own people: one person, one line of scores.
        assert [p.name for p in plan.people] == ["Kerry", "Jan", "Sam Okafor"]
        assert plan.steps[0].done
