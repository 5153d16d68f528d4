"""Inside the Rasa server: a request to leave in which only the meaning model hears danger
stays `stop` (the goodbye then gives the emergency numbers); one in which a danger rule
fires gets the urgent reply. Held-out NLU examples ("gotta go the baby is crying") had
been held with "is someone in danger?" or given the 999 reply instead of being let go."""

from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from bot.rasa_ext.message_guard import VERDICT_KEY, MessageGuard  # noqa: E402
from bot.rasa_ext.question_context import QUESTION_KEY  # noqa: E402
from bot.safety.decide import decide  # noqa: E402


def _guarded(text: str, intent: str, question: str | None) -> Message:
    metadata = {QUESTION_KEY: question} if question else {}
    message = Message(
        data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": metadata}
    )
    MessageGuard({}).process([message])
    return message


@pytest.mark.parametrize("question", [None, "harm", "rule_red_flags"])
def test_a_request_to_leave_the_model_hears_danger_in_is_let_go(question: str | None) -> None:
    text = "i need to stop, the kids are back"
    # The meaning model alone hears danger in it (the reason this case exists).
    assert decide(text, question).reasons == ("meaning",)
    message = _guarded(text, "stop", question)
    assert message.get("intent")["name"] == "stop"
    # The verdict goes with it, so the goodbye carries the emergency numbers.
    assert message.get(VERDICT_KEY) in ("urgent", "check")


def test_the_intent_model_hearing_an_answer_does_not_stop_it() -> None:
    # Only a message that is the stop command is let go: an answer stays an answer.
    text = "he leaves when the kids are back and we stop talking"
    message = _guarded(text, "inform", "harm")
    assert message.get("intent")["name"] != "stop"


def test_a_request_to_leave_with_a_danger_rule_gets_the_urgent_reply() -> None:
    message = _guarded("i need to stop hes kicking off", "stop", "harm")
    assert message.get("intent")["name"] == "urgent_danger"
