"""When the action server cannot be reached, the person is told, instead of hearing nothing.

Rasa logs a failed custom action and carries on silently: a form then skips
its question and the user gets no reply. This wraps the one place Rasa calls
the action server so that a failure becomes a plain message, the answer is
not taken as saved, and the form stays on the same question.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered

from bot.faults import CANNOT_READ, NOT_AVAILABLE, NOT_SAVED

log = logging.getLogger(__name__)

REQUESTED_SLOT = "requested_slot"

# What the person is told when their message could not be taken in: once a turn.
_APOLOGIES = (NOT_SAVED, NOT_AVAILABLE, CANNOT_READ)

_original_run = RemoteAction.run
_installed = False


def _already_apologised(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.text in _APOLOGIES:
            return True
    return False


async def _guarded_run(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> list[Event]:
    try:
        returned = await _original_run(self, output_channel, nlg, tracker, domain)
        if _already_apologised(tracker):
            # An earlier action of this turn failed and the person was already
            # told to send it again: the action server saying the same thing
            # ("can't reach the saved plan") would be a second apology.
            returned = [
                e for e in returned if not (isinstance(e, BotUttered) and e.text in _APOLOGIES)
            ]
        return returned
    except ActionExecutionRejection:
        raise
    except Exception as error:  # noqa: BLE001 - any failure to reach the action server
        name = self.name()
        log.error("custom action %s failed: %s", name, type(error).__name__)
        if name == "action_urgent_danger":
            # The warning and numbers were already sent by the server; only
            # the flag for the worker could not be stored.
            return []
        if _already_apologised(tracker):
            return []
        if name.startswith("validate_"):
            requested = tracker.get_slot(REQUESTED_SLOT)
            events: list[Event] = [BotUttered(NOT_SAVED)]
            if requested:
                events += [SlotSet(requested, None), SlotSet(REQUESTED_SLOT, requested)]
            return events
        return [BotUttered(NOT_AVAILABLE)]


def install() -> None:
    global _installed
    if not _installed:
        RemoteAction.run = _guarded_run
        _installed = True
