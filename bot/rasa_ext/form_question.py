"""Lets the form's validation ask the next question itself: one action call a turn, not two.

In Rasa (3.6.21) a form turn calls the action server twice: the validation
action (`validate_interview_form`, which saves the answer), then the question
(`action_ask_<slot>`). Each call carries the tracker, loads the plan and
commits. The validation action already knows the next question, so it asks
it and returns `SlotSet(QUESTION_ASKED, <slot>)`; when the form then goes to
ask that same slot in the same run, this skips the second call. When the
validation did not ask (or asked another slot), Rasa asks as before.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from rasa.core.actions.forms import FormAction
from rasa.shared.core.events import SlotSet

# actions.interview.QUESTION_ASKED; the domain slot is written by domain_builder.
from bot.rasa_ext.domain_builder import QUESTION_ASKED

_MARK = "_safetyplan_question_asked"
# The slot whose question this form run's validation already asked, if any.
_asked: ContextVar[str | None] = ContextVar("safetyplan_question_asked", default=None)


def asked_in(events: list[Any]) -> str | None:
    """The slot the validation said it asked, from this run's events (the last word wins)."""
    asked = None
    for event in events:
        if isinstance(event, SlotSet) and event.key == QUESTION_ASKED:
            asked = event.value if isinstance(event.value, str) else None
    return asked


def install() -> None:
    original_request = FormAction.request_next_slot
    if getattr(original_request, _MARK, False):
        return
    original_ask = FormAction._ask_for_slot

    async def request_next_slot(
        self: FormAction,
        tracker: Any,
        domain: Any,
        output_channel: Any,
        nlg: Any,
        events_so_far: list[Any],
    ) -> list[Any]:
        token = _asked.set(asked_in(events_so_far))
        try:
            return await original_request(self, tracker, domain, output_channel, nlg, events_so_far)
        finally:
            _asked.reset(token)

    async def _ask_for_slot(
        self: FormAction,
        domain: Any,
        nlg: Any,
        output_channel: Any,
        slot_name: str,
        tracker: Any,
    ) -> list[Any]:
        if slot_name and _asked.get() == slot_name:
            return []
        return await original_ask(self, domain, nlg, output_channel, slot_name, tracker)

    setattr(request_next_slot, _MARK, True)
    FormAction.request_next_slot = request_next_slot
    FormAction._ask_for_slot = _ask_for_slot
