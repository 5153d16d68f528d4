"""Inside the Rasa server: a whole request for a past meeting's plan reaches the interview
as `inform` (whatever command the intent model heard), never as the meeting pack, the
review or a "Do you want to ...?" check; an answer that mentions a meeting is untouched."""

from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from bot.rasa_ext.message_guard import COMMAND_CHECK_KEY, MessageGuard  # noqa: E402
from bot.rasa_ext.question_context import QUESTION_KEY  # noqa: E402


def _guarded(text: str, intent: str, question: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "metadata": {QUESTION_KEY: question},
        }
    )
    MessageGuard({}).process([message])
    return message


@pytest.mark.parametrize("heard", ["meeting_pack", "review", "go_back", "export", "inform"])
def test_the_request_goes_to_the_interview_as_inform(heard: str) -> None:
    message = _guarded("show me the plan from the last conference", heard, "step_what")
    assert message.get("intent")["name"] == "inform"
    assert message.get(COMMAND_CHECK_KEY) is None


def test_an_answer_mentioning_a_meeting_is_left_to_the_other_rules() -> None:
    message = _guarded("at the core group Dad said he would stop", "inform", "strengths")
    assert message.get("intent")["name"] == "inform"
