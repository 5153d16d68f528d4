"""Sends the action server the current turn, not the whole conversation.

Rasa (3.6.21, `RemoteAction._action_call_format`) puts every event of the
conversation in each call to the action server, and the action server decodes
it all, so a call costs more the longer a chat runs (after 40 turns, 363
events and 125 KiB of JSON a call, docs/performance.md), and the whole
conversation's text crosses the wire on every turn.

The project's actions read only the latest message, the slots, the active
form and the events since the latest message (`slots_to_validate()` reads the
trailing slot events; `get_latest_input_channel()` the latest user event).
The plan itself lives in the database. So each call carries the events from
the latest user message on; the slots, latest message and form state are
sent in full as before. A call made before any user message in the session
still gets every event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

_MARK = "_safetyplan_current_turn_only"


def current_turn(events: Sequence[Event]) -> list[Event]:
    """The events from the latest user message on (all of them if there is none)."""
    turn: list[Event] = []
    for event in reversed(events):
        turn.append(event)
        if isinstance(event, UserUttered):
            break
    turn.reverse()
    return turn


def _action_call_format(
    self: RemoteAction, tracker: DialogueStateTracker, domain: Any
) -> dict[str, Any]:
    # Rasa's own format (3.6.21), with the events cut to the current turn.
    # Serialising only those (not every event, then cutting) keeps the call's
    # cost the same at turn 300 as at turn 3.
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in current_turn(tracker.events)]
    result: dict[str, Any] = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(
        self.name()
    ):
        result["domain"] = domain.as_dict()
    return result


def install() -> None:
    if getattr(RemoteAction._action_call_format, _MARK, False):
        return
    setattr(_action_call_format, _MARK, True)
    RemoteAction._action_call_format = _action_call_format
