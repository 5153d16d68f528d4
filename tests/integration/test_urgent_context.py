"""The Rasa server decides with the question in view (bot/rasa_ext/question_context.py).

The same words, typed through the REST channel at two questions of a real
conversation: as the answer to "who will do what?" they are the plan being
written; as the answer to "is anyone in danger right now?" the bot asks.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.walk import Walker, is_urgent_reply, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

WORDS = "Nan comes to take the children"


def test_the_same_words_at_two_questions(bot: Any) -> None:
    at_rules = Walker(bot, bot.new_sender("context-rules"), "family")
    at_rules.start()
    at_rules.to("rule_who_does_what")
    reply = at_rules.say(WORDS)
    assert not is_urgent_reply(reply), texts(reply)
    assert at_rules.slot not in ("check_danger", "safe_to_continue", "rule_who_does_what"), (
        at_rules.slot, texts(reply)
    )

    at_opening = Walker(bot, bot.new_sender("context-opening"), "family")
    at_opening.start()
    assert at_opening.slot == "danger_now"
    reply = at_opening.say(WORDS)
    # Someone coming to take the children, said in answer to "is anyone in danger
    # right now?": not silence.
    assert is_urgent_reply(reply) or at_opening.slot == "check_danger", texts(reply)
