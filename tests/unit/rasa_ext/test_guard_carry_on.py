"""Inside the Rasa server: going on with the chat is never read as a command.

A persona answered "Do you want to stop for now?" with "no im back now can i
carry on" and the chat stopped ("carry on" as in "carry on later"); "im back" was
taken as "go back". Both now go to the interview, which asks its question again.
"""

from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from bot.rasa_ext.message_guard import MessageGuard  # noqa: E402
from bot.rasa_ext.question_context import QUESTION_KEY  # noqa: E402


def _intent(text: str, intent: str, question: str) -> str:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.95},
            "metadata": {QUESTION_KEY: question},
        }
    )
    MessageGuard({}).process([message])
    return str(message.get("intent")["name"])


@pytest.mark.parametrize(
    "text", ["no im back now can i carry on", "im back", "can i carry on", "ok lets continue"]
)
@pytest.mark.parametrize("model_said", ["stop", "go_back", "inform"])
@pytest.mark.parametrize("question", ["supporters", "professionals", "harm", "rule_red_flags"])
def test_carrying_on_goes_to_the_interview(text: str, model_said: str, question: str) -> None:
    assert _intent(text, model_said, question) == "inform"


@pytest.mark.parametrize("text", ["can we carry on later", "carry on tomorrow", "gtg"])
def test_carrying_on_later_is_still_a_stop(text: str) -> None:
    assert _intent(text, "stop", "harm") == "stop"
