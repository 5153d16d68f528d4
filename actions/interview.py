"""The interview form: validation hands each answer to the interview, asks render its question."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import (
    latest_choice,
    latest_command_check,
    latest_intent,
    latest_text,
    latest_verdict,
    send,
    service,
    who,
)
from bot.interview.catalogue import slots

REQUESTED_SLOT = "requested_slot"
# Set to the question this validation has already asked (bot.rasa_ext.form_question),
# so the Rasa server does not make a second call to the action server to ask it.
QUESTION_ASKED = "question_asked"


class InterviewFormValidation(FormValidationAction, ABC):
    """The form's one validation: every answer goes to the interview, which says what to ask next.

    The slots only carry the latest answer into this action; the plan in the
    database holds the answers, so each slot is emptied once it is used and
    `requested_slot` is set from the interview's own checklist.
    """

    @abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        requested = tracker.get_slot(REQUESTED_SLOT)
        fresh = tracker.slots_to_validate()
        events: list[dict[str, Any]] = []
        if requested and fresh.get(requested) is not None:
            reply, asked = service().answer_then_ask(
                sender_id,
                channel,
                latest_text(tracker),
                latest_intent(tracker),
                latest_choice(tracker),
                latest_verdict(tracker),
                latest_command_check(tracker),
            )
            send(dispatcher, reply)
            events.append(SlotSet(requested, None))
            next_slot = reply.slot if reply.saved else requested
            if next_slot:
                # The form asks next_slot's question straight after this action: ask
                # it here, in the same call, and say so. One round trip a turn, not two.
                send(dispatcher, asked if asked is not None else service().ask(sender_id, channel))
                events.append(SlotSet(QUESTION_ASKED, next_slot))
        else:
            # Back to the form after an interruption (help, go back, review...):
            # ask whatever the plan now lacks.
            next_slot = service().current_slot(sender_id, channel) or None
            if next_slot is None and requested and not _store_reachable(sender_id, channel):
                next_slot = requested
        for slot_name in fresh:
            if slot_name != requested:
                events.append(SlotSet(slot_name, None))
        events.append(SlotSet(REQUESTED_SLOT, next_slot))
        # With no answer (a command such as "skip" said at the question), only
        # requested_slot is set, so Rasa rejects the form and the command's rule
        # runs; any other slot set here would count as an answer validated.
        return events


def _store_reachable(sender_id: str, channel: str) -> bool:
    return service().ask(sender_id, channel).saved


class ValidateInterviewForm(InterviewFormValidation):
    def name(self) -> str:
        return "validate_interview_form"


class AskQuestion(Action, ABC):
    """Asks the interview's current question, whichever slot Rasa thinks is next."""

    @abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        send(dispatcher, service().ask(sender_id, channel))
        return []


def _ask_action(slot: str) -> type[AskQuestion]:
    return type(f"Ask_{slot}", (AskQuestion,), {"name": lambda self: f"action_ask_{slot}"})


ASK_ACTIONS = {slot: _ask_action(slot) for slot in slots()}
