"""Commands only when the message is the command, through the running bot (issue 14, item 7).

Every batch in tests/data/commands_blind/ (written by people who had not read
the code; first scored blind, as recorded in docs/commands-evaluation.md) is
typed through the REST channel of the real servers, each message at its
question of a real interview. The target: no answer is ever taken as a
command. Where the bot asks ("Do you want to stop for now?"), "no" keeps what
was typed as the answer. Only item indexes are printed, never the messages.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.commands_blind import asks_to_confirm, batches, score_batch
from tests.support.walk import Walker, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

BATCHES = batches()


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_no_answer_in_a_blind_batch_is_taken_as_a_command(bot: Any, batch: Any) -> None:
    result = score_batch(bot, batch)
    print("\n" + "\n".join(result.table()))
    assert result.failures() == []


def _plan(bot: Any, sender: str) -> Any:
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        conversation = uow.conversations.get(sender)
        return conversation.plan if conversation else None


def test_the_issues_answers_are_answers(bot: Any) -> None:
    sender = bot.new_sender("commands-issue")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("step_what")
    reply = walker.say("dean to go to the alcohol place")
    assert "Take care" not in texts(reply)
    assert walker.slot in ("step_who", "step_when"), texts(reply)
    assert "dean to go to the alcohol place" in [s.what for s in _plan(bot, sender).steps]

    sender = bot.new_sender("commands-issue-score")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("scale_higher")
    reply = walker.say("Stopping altogether")
    assert "Take care" not in texts(reply) and walker.slot is not None, texts(reply)
    scores = _plan(bot, sender).pairs[0].scores
    assert scores[-1].one_point_higher == "Stopping altogether"


def test_asked_and_no_keeps_the_words_and_yes_stops(bot: Any) -> None:
    sender = bot.new_sender("commands-ask")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("rule_triggers")
    asked = walker.say("enough")
    assert asks_to_confirm(asked), texts(asked)
    assert [b["title"] for b in asked[-1]["buttons"]] == [
        "Yes, stop for now", "No, that was my answer"
    ]
    kept = walker.say("/deny")
    assert "saved" in texts(kept).lower()
    rules = [r.text for p in _plan(bot, sender).pairs for r in p.rules]
    assert "enough" in rules
    walker.say("/go_back")
    assert walker.slot == "rule_triggers"
    assert asks_to_confirm(walker.say("enough"))
    stopped = walker.say("/affirm")
    assert "Your answers are saved" in texts(stopped) and walker.slot is None
    assert "draft plan is ready" not in texts(stopped)
    again = walker.say("hello")
    assert "Hello again" in texts(again)


def test_go_back_and_a_new_score_replaces_the_old_one(bot: Any) -> None:
    sender = bot.new_sender("commands-score")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("scale_score")
    walker.say("3")
    walker.say("go back")
    assert walker.slot == "scale_score"
    walker.say("6")
    scores = [s.value for s in _plan(bot, sender).pairs[0].scores]
    assert scores == [6]
