"""Before a meeting, through the real servers (issue 15, items 3 and 4).

A worker sets the next core group in the chat; Mum, joining by her invite
link, gives her score and reason before it; the JSON export has that score on
the planned meeting, under Mum's own person record.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.access.invites import issue_invite
from bot.plan.model import Child, ColumnEntry, ColumnKind, Pair, Person, PlanRule, Role, RuleKind
from bot.storage.unit_of_work import SqlUnitOfWork
from exporters.json_plan import plan_to_dict
from tests.support.webchat import WebChat

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

QUESTION = "Where are things for Leo with Dad's drinking, from 0 to 10?"


def _case(settings) -> str:  # noqa: ANN001
    """A plan written up to the scores: Mum, Dad and the worker, one worry with its rules."""
    with SqlUnitOfWork(settings.database_url) as uow:
        plan = uow.plans.new_plan()
        plan.children.append(Child("Leo", 6))
        plan.people += [
            Person("Sarah Jones", "Mum"),
            Person("Dan", "Dad"),
            Person("Sam Patel", "Social worker", is_professional=True),
        ]
        plan.entries += [ColumnEntry(kind, f"{kind.value} text") for kind in ColumnKind]
        pair = Pair(
            danger_statement="Dad drinks and shouts at Leo",
            danger_confirmed=True,
            safety_goal="Dad is sober whenever he looks after Leo",
            goal_confirmed=True,
            scaling_question=QUESTION,
        )
        pair.rules += [PlanRule(kind, f"{kind.value} text") for kind in RuleKind]
        plan.pairs.append(pair)
        uow.commit()
        return plan.reference


def _chat(bot, reference: str, role: Role):  # noqa: ANN001, ANN202
    invitation = issue_invite(reference, role, settings=bot.settings)
    token = invitation.link.split("#invite=", 1)[1]
    chat = WebChat(f"http://127.0.0.1:{bot.settings.rasa_port}").open(token)
    chat.start()

    def say(message: str) -> str:
        reply = WebChat.texts(chat.say(message))
        print(f"[{role.value}] > {message}\n{reply}")  # shown by pytest when a test fails
        return reply

    return say


def test_mum_scores_before_the_core_group_and_it_is_hers_on_that_meeting(bot) -> None:  # noqa: ANN001
    reference = _case(bot.settings)
    day = dt.date.today() + dt.timedelta(days=14)
    typed = f"{day:%d/%m/%Y}"
    said = f"{day.day} {day:%B}" + (f" {day.year}" if day.year != dt.date.today().year else "")

    worker = _chat(bot, reference, Role.WORKER)
    worker("no")  # nobody in danger now
    worker("/affirm")
    worker("Sam Patel, social worker")
    asked = worker(f"the next core group is on {typed}")
    assert f"Save the next meeting as: Core group, {day:%A} {day.day} {day:%B} {day.year}?" in (
        asked
    )
    assert f"Saved: the next meeting is the Core group, {said}." in worker("yes")

    mum = _chat(bot, reference, Role.FAMILY)
    mum("no")  # nobody in danger now
    mum("/affirm")
    # Her first name is all the plan's "Sarah Jones" shares for sure: asked, not guessed.
    assert "Is that you: Sarah Jones (Mum)?" in mum("Sarah Jones, Leo's mum")
    question = mum('/choose{"choice": "0"}')
    assert f"Before the core group on {said}: {QUESTION}" in question
    saved = mum("5 because he has been sober at every visit")
    assert f"I've saved your score of 5 for the core group on {said}." in saved

    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.plans.get(reference)
        data = plan_to_dict(plan)
    [meeting] = data["meetings"]
    assert meeting["kind"] == "core_group" and meeting["status"] == "planned"
    assert meeting["held_on"] == day.isoformat()
    [score] = data["pairs"][0]["scores"]
    assert score["value"] == 5 and "sober at every visit" in score["reason"]
    assert score["meeting"] == 0
    assert data["people"][score["person"]]["name"] == "Sarah Jones"
    assert len(data["people"]) == 3  # Mum's own record, not a second Sarah
