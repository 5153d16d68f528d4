"""The plan as it stood at a past meeting, through the real Rasa server (issue 15, item 7).

A worker records a core group, the plan then changes (the children are added), and
"show me the plan from the last core group" gives a single-use link to a worker document
of the plan as it stood at that meeting: titled so, without the children added since.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as read_docx

from bot.storage.unit_of_work import SqlUnitOfWork

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def test_a_worker_gets_the_plan_as_it_stood_at_the_core_group(bot) -> None:  # noqa: ANN001
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
    asked = say("we had a core group today")
    assert "Who was at the Core group" in asked
    say("Sam Patel")
    say("that's everyone")
    say("me")  # who chaired: the worker, Sam Patel
    say("no new steps")
    say("not set yet")
    say("no")
    assert "is saved" in say('/choose{"choice": "finish"}')
    # The plan changes after the meeting: the children are added.
    say("Leo 7 and Mia 4")
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        assert [c.first_name for c in plan.children] == ["Leo", "Mia"]
        [meeting] = plan.meetings
        assert meeting.snapshot is not None
        assert plan.revisions[-1].meeting is None  # the children: between meetings
        assert any(r.meeting is meeting for r in plan.revisions)

    said = say("show me the plan from the last core group")

    label = f"Core group, {meeting.held_on.day} {meeting.held_on:%B %Y}"
    assert f"The plan as it stood at the {label} (worker version)" in said
    [link] = re.findall(r"https?://\S+/chat/download/\S+", said)
    status, content, _headers = bot.get(link)
    assert status == 200
    document = read_docx(io.BytesIO(content))
    assert document.paragraphs[0].text == f"As it stood at the {label}"
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "This is not the current plan" in text
    assert "Leo" not in text and "Mia" not in text  # added after the meeting
    assert f"at the Core group, {meeting.held_on.day} {meeting.held_on:%b %Y}" in text
    # The link works once, like every download link.
    assert bot.get(link)[0] != 200
    # Nothing said was taken for an answer: the same question is asked again after it.
    assert said.rstrip().endswith(
        "Who is in the family's naturally connected network (family, friends, neighbours)? "
        "Name and relationship; one or several."
    )
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        assert [c.first_name for c in plan.children] == ["Leo", "Mia"]
