"""An NLU component that runs after the classifiers and decides two things by rule.

1. Urgent danger: bot.safety.decide combines the danger rules, the meaning
   model over sentence vectors and the question being answered (put in the
   message's metadata by question_context.py). 999 -> the intent is
   `urgent_danger` (the 999 reply at once, rendered by the Rasa server). Not
   sure -> `possible_danger`: the assistant keeps the answer and asks whether
   someone is in danger now. A bare "help" at a question gets the same
   question as a choice: help with the question, or someone is in danger.
   The intent model's own `urgent_danger` vote is not used: on words nobody
   wrote down it alarmed on calm answers. A request to leave in which only
   the meaning model heard danger ("gotta go the baby is crying") stays
   `stop`, and the goodbye gives the emergency numbers.
2. Commands: a whole request for the plan as it stood at a past meeting
   (bot.interview.plan_as_at) goes to the interview as `inform`, which
   answers it. At an open question (free text, a list, a date or a score) a
   message is a command only when it is the command (bot.interview.commands);
   an answer that contains a command word is given back to the interview as
   `inform`, and a short message that could be either goes to it as `inform`
   with `COMMAND_CHECK_KEY` naming the command, so the interview asks ("Do
   you want to stop for now?") and keeps what was typed. Elsewhere, answers
   that only look like commands ("Dad needs help with his drinking") are given
   back as `inform` by bot.nlu.guard.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.interview import commands, plan_as_at, process_questions
from bot.interview.catalogue import catalogue
from bot.nlu.guard import refine_intent
from bot.rasa_ext.question_context import question_of
from bot.safety.decide import Outcome, decide, is_bare_help, says_nobody_is_in_danger

URGENT = "urgent_danger"
POSSIBLE = "possible_danger"
# Questions about danger itself: a bare "help" there (a second one, after the
# choice) is about the question.
_ALREADY_ASKING = {"check_danger", "safe_to_continue"}
# Questions about danger itself: what is said there is theirs alone to judge.
_SAFETY_QUESTIONS = {"danger_now", "check_danger", "safe_to_continue"}
# The parse-data key that carries the urgent-danger decision to the actions.
VERDICT_KEY = "urgent_verdict"
# The parse-data key naming the command a message may be (the interview asks).
COMMAND_CHECK_KEY = "command_check"
# Questions whose answer is typed freely: there, words are answers unless they
# are the command.
_OPEN_KINDS = {"text", "list", "date", "score"}


def _is_open(question: str | None) -> bool:
    found = catalogue().get(question or "")
    return found is not None and found.kind in _OPEN_KINDS


def _set_intent(message: Message, name: str, confidence: float) -> None:
    message.set("intent", {"name": name, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in (message.get("intent_ranking") or []) if r.get("name") != name]
    message.set(
        "intent_ranking", [{"name": name, "confidence": confidence}] + ranking, add_to_output=True
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class MessageGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageGuard:
        return cls(config)

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._guard(message)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        return training_data

    @staticmethod
    def _guard(message: Message) -> None:
        text = message.get("text") or ""
        intent = message.get("intent") or {}
        name = intent.get("name")
        confidence = float(intent.get("confidence") or 0.0)
        if text.startswith("/"):
            # A button's payload: what it means is in its name, not in words.
            return
        question = question_of(message.get("metadata"))
        if name == "help" and is_bare_help(text):
            if question in _ALREADY_ASKING:
                # Already asked about danger: a second "help" is about the question.
                _mark(message, Outcome.NONE)
                return
            # "help" alone may be a cry for help: ask which it is.
            _mark(message, Outcome.CHECK)
            _set_intent(message, POSSIBLE, 1.0)
            return
        decision = decide(text, question)
        _mark(message, decision.outcome)
        if decision.outcome is not Outcome.NONE and _leaving(text, name, confidence, question,
                                                             decision.reasons):
            # "gotta go the baby is crying", "i need to stop, he's back": a request to
            # leave. They are let go at once, the goodbye giving the emergency numbers
            # (the verdict tells action_stop), not held with "is someone in danger?".
            if name != "stop":
                _set_intent(message, "stop", 1.0)
            return
        if (
            decision.outcome is Outcome.NONE
            and _is_open(question)
            and question not in _SAFETY_QUESTIONS
            and commands.answer_before_leaving(text) is not None
        ):
            # "becky... sorry evie fell over gotta go": an answer cut short by having
            # to leave. They are let go now; the words before are offered back as
            # the answer when they return.
            if name != "stop":
                _set_intent(message, "stop", 1.0)
            return
        if decision.outcome is Outcome.URGENT:
            _set_intent(message, URGENT, 1.0)
            return
        if decision.outcome is Outcome.CHECK:
            _set_intent(message, POSSIBLE, 1.0)
            return
        if (
            question is not None
            and question not in _SAFETY_QUESTIONS
            and process_questions.which(text) is not None
        ):
            # "can dean see this": a question about the chat, which the interview
            # answers (never a command, never small talk, never saved as an answer).
            if name != "inform":
                _set_intent(message, "inform", confidence)
            return
        if (
            _is_open(question)
            and question not in _SAFETY_QUESTIONS
            and (commands.is_carry_on(text) or commands.is_hold_on(text))
        ):
            # "no im back now can i carry on": going on with the chat, never a stop
            # ("carry on" is in "carry on later") nor a go back ("back"). The
            # interview asks its question again, or takes it as a no to "stop?".
            if name != "inform":
                _set_intent(message, "inform", confidence)
            return
        if name == URGENT:
            # The intent model thought so, but the decision (rules, meaning and
            # the question being answered) says this is the plan being written.
            _set_intent(message, "inform", confidence)
            return
        if question == "danger_now" and says_nobody_is_in_danger(text):
            # "no danger now. before yes, not now" is a no to "is anyone in danger
            # right now?", not "I don't know" (which would be taken as a yes).
            _set_intent(message, "deny", confidence)
            return
        if question not in _SAFETY_QUESTIONS and plan_as_at.is_request(text):
            # The whole message asks for the plan as it stood at a past meeting ("the plan
            # as it was at the core group"): the interview answers it, not as a command
            # such as the meeting pack or the review, and never as an answer.
            if name != "inform":
                _set_intent(message, "inform", confidence)
            return
        if _is_open(question):
            command = commands.decide(text, name, confidence, question)
            if command is not None:
                _apply(message, command, name, confidence, text)
                return
        refined = refine_intent(text, name, confidence)
        if refined != name:
            _set_intent(message, refined, confidence)


# Reasons that only the meaning model heard danger: no danger rule fired.
_MEANING_ONLY = frozenset({"meaning", "score_list", "meaning_doubts"})


def _leaving(
    text: str, name: str | None, confidence: float, question: str | None, reasons: tuple[str, ...]
) -> bool:
    """A request to stop for now, where only the meaning model heard danger.

    A danger rule ("he's kicking off", "he's coming up the stairs") keeps the
    urgent reply: those words are the emergency, whatever else is said.
    """
    if not reasons or not set(reasons) <= _MEANING_ONLY:
        return False
    if _is_open(question) and commands.answer_before_leaving(text) is not None:
        return True  # "shit deans back gtg": let go now, the words offered back later
    command = commands.decide(text, name, confidence, question)
    return command is not None and command.kind == commands.COMMAND and command.command == "stop"


def _apply(
    message: Message, decision: commands.Decision, name: str | None, confidence: float, text: str
) -> None:
    if decision.kind == commands.COMMAND and decision.command:
        if decision.command == "help" and is_bare_help(text):
            # "help" alone may be a cry for help: ask which it is.
            _mark(message, Outcome.CHECK)
            _set_intent(message, POSSIBLE, 1.0)
        elif decision.command != name:
            _set_intent(message, decision.command, 1.0)
        return
    if decision.kind == commands.ASK and decision.command:
        message.set(COMMAND_CHECK_KEY, decision.command, add_to_output=True)
    if name != "inform":
        _set_intent(message, "inform", confidence)


def _mark(message: Message, outcome: Outcome) -> None:
    # Read by the actions (tracker.latest_message), so the decision is made once.
    message.set(VERDICT_KEY, outcome.value, add_to_output=True)
