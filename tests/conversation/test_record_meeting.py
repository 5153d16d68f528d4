"""Recording a meeting through the real Rasa server (issue 15, item 2).

The language model takes "we had a core group today" for the meeting pack;
at a question, the interview still records the meeting.
"""

from __future__ import annotations

import pytest

from bot.plan.model import MeetingStatus, MeetingType
from bot.storage.unit_of_work import SqlUnitOfWork

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def test_a_worker_records_a_meeting_at_a_question_through_rest(bot) -> None:  # noqa: ANN001
    sender = bot.new_sender("worker")

    def say(message: str) -> str:
        reply = bot.texts(bot.say(sender, message))
        print(f"> {message}\n{reply}")  # shown by pytest when a test fails
        return reply

    say("hello")
    say("no")
    say('/choose{"choice": "worker"}')
    say("/affirm")
    say("Sam Patel, social worker")  # now at the children question, in the form
    started = say("we had a core group today")
    assert "Recording the Core group" in started and "Who was at the Core group" in started
    assert "Saved: Sam Patel was there." in say("Sam Patel")
    assert "Saved: Grace was there." in say("Grace, Nan")
    assert "Who chaired the core group?" in say("that's everyone")
    assert "agree any new steps" in say("Sam Patel")
    assert "set a target date to close the case" in say("no new steps")
    assert "change anything else in the plan" in say("not set yet")
    read_back = say("no")
    assert "Who was there: Sam Patel (social worker), chair; Grace (Nan)." in read_back
    assert "is saved" in say('/choose{"choice": "finish"}')

    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        meeting = plan.meetings[-1]
        assert meeting.kind is MeetingType.CORE_GROUP
        assert meeting.status is MeetingStatus.COMPLETE
        assert [a.name for a in meeting.attendees] == ["Sam Patel", "Grace"]


def test_after_stop_the_request_brings_the_safety_question_then_the_meeting(bot) -> None:  # noqa: ANN001
    sender = bot.new_sender("worker")

    def say(message: str) -> str:
        reply = bot.texts(bot.say(sender, message))
        print(f"> {message}\n{reply}")
        return reply

    say("hello")
    say("no")
    say('/choose{"choice": "worker"}')
    say("/affirm")
    say("Sam Patel, social worker")
    say("stop")
    asked = say("record a meeting")
    assert "is anyone in danger right now?" in asked.lower()
    assert "Meeting pack" not in asked
    say("no")
    assert "Which kind of meeting was it?" in say("record a meeting")
    assert "When was the Core group?" in say('/choose{"choice": "core_group"}')
    assert "Who was at the Core group" in say("today")
