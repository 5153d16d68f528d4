"""Asking to leave, through the real Rasa server and action server.

"i need to stop, the kids are back" is a request to stop (held-out NLU data).
The urgent meaning model hears danger in it; the person is let go at once with
the emergency numbers, not held with "is someone in danger?", and the worker
sees the flag. Words a danger rule fires on still get the urgent reply.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.walk import Walker, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def test_leaving_when_danger_is_heard_saves_gives_999_and_comes_back(bot: Any) -> None:
    sender = bot.new_sender("leaving")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("harm")
    said = texts(walker.say("i need to stop, the kids are back"))
    assert "If anyone is in danger now, call 999." in said
    assert "Your answers are saved" in said
    assert walker.slot is None, said
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        flags = uow.conversations.get(sender).plan.urgent_flags
        assert [f.message for f in flags] == ["i need to stop, the kids are back"]
    walker.say("hello")
    assert walker.slot == "danger_now", texts(walker.last)
    walker.say("no")
    assert "carry on where you left off" in texts(walker.last)
    walker.say("yes")
    assert walker.slot == "harm", texts(walker.last)


def test_leaving_in_words_a_danger_rule_fires_on_gets_the_urgent_reply(bot: Any) -> None:
    walker = Walker(bot, bot.new_sender("leaving-rule"), "family")
    walker.start()
    walker.to("harm")
    said = texts(walker.say("i need to stop hes kicking off"))
    assert "call 999" in said
    assert "Your answers are saved" not in said
    assert walker.slot == "safe_to_continue", said
