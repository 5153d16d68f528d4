"""Inside the Rasa server: going on with the chat is never read as a command.

A persona answered "Do you want to stop for now?" with "no im back now can i
carry on" and the chat stopped ("carry on" as in "carry on later"); "im back" was
taken as "go back". Both now go to the interview, which asks its question again.
"""

from __future__ import annotations

import pytest

pytest.importorskip("rasa")

from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from bot.rasa_ext.message_guard import COMMAND_CHECK_KEY, MessageGuard  # noqa: E402
from bot.rasa_ext.question_context import QUESTION_KEY  # noqa: E402


def _guarded(text: str, intent: str, confidence: float, question: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "metadata": {QUESTION_KEY: question},
        }
    )
    MessageGuard({}).process([message])
    return message


def _intent(text: str, intent: str, question: str) -> str:
    return str(_guarded(text, intent, 0.95, question).get("intent")["name"])


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


@pytest.mark.parametrize(
    "text",
    ["who else gets to read this", "is this going to be used in court", "can dean see it tho"],
)
@pytest.mark.parametrize("model_said", ["out_of_scope", "stop", "review", "inform"])
def test_a_question_about_the_chat_goes_to_the_interview(text: str, model_said: str) -> None:
    assert _intent(text, model_said, "harm") == "inform"



@pytest.mark.parametrize(
    "text", ["becky… sorry evie fell over gotta go", "my mum sandra 07700 900123 brb",
             "nan, i have to go now x"]
)
def test_an_answer_cut_short_by_having_to_go_is_a_stop(text: str) -> None:
    # The words before are offered back when they return (the interview's part).
    assert _guarded(text, "inform", 0.9, "supporters").get("intent")["name"] == "stop"


@pytest.mark.parametrize(
    "text", ["if he turns up, i have to go", "when he kicks off i have to go", "dean has to go"]
)
def test_having_to_go_inside_an_answer_stays_the_answer(text: str) -> None:
    assert _guarded(text, "inform", 0.9, "rule_who_does_what").get("intent")["name"] == "inform"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("brb kids", "stop"), ("how do i get the pdf", "export"),
     ("go bak to the last qestion", "go_back")],
)
def test_a_request_the_model_is_certain_of_is_asked_about_not_saved(
    text: str, intent: str
) -> None:
    message = _guarded(text, intent, 0.995, "rule_red_flags")
    assert message.get("intent")["name"] == "inform"
    assert message.get(COMMAND_CHECK_KEY) == intent


def test_a_request_the_model_is_unsure_of_is_left_as_the_answer() -> None:
    message = _guarded("email this to my social worker", "export", 0.9, "rule_red_flags")
    assert message.get(COMMAND_CHECK_KEY) is None


@pytest.mark.parametrize("question", ["user_role", "consent", "resume"])
def test_a_question_about_the_chat_at_a_choice_is_answered_not_obeyed(question: str) -> None:
    # A persona asked "why do i have to do this" at "Who are you?" and the chat ended.
    assert _intent("why do i have to do this", "stop", question) == "inform"
