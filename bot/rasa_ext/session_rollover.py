"""Starts a fresh Rasa session after a number of messages, carrying the interview on unchanged.

Rasa (3.6.21) reads, replays and featurises every event of the current
session on each message: loading the tracker, the form's temporary trackers
and the rule policy's states all grow with the conversation, so a worker who
keeps one long chat going would wait longer and longer for each reply
(docs/performance.md: 3.5x slower at turn 300 than at turn 30). A session
normally ends only after `session_expiration_time` idle minutes.

Nothing the interview needs lives in old events: the plan and its place are in
the database, the rules look only at the current message and the active form,
and the page's history reads every session. So once a session holds
`MESSAGES_PER_SESSION` messages, the next message starts a new session
before it is read, as after an idle spell, except that the form stays active
and the slots keep their current values (not every change to them, as Rasa's
own carry-over does). The person sees nothing of it: no message is added and
their message is answered at the same question.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from rasa.core.actions.action import ActionSessionStart
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)

# Long enough that a sitting's first questions never roll over, short enough that
# a turn's cost stays near the cost of a short conversation.
MESSAGES_PER_SESSION = 25

_MARK = "_safetyplan_session_rollover"
# Set while the session being started is a rollover (not an idle spell).
_rolling: ContextVar[bool] = ContextVar("safetyplan_session_rollover", default=False)


def messages_in_session(events: Any) -> int:
    """How many user messages the current session holds (events since its start)."""
    count = 0
    for event in reversed(events):
        if isinstance(event, SessionStarted):
            break
        if isinstance(event, UserUttered):
            count += 1
    return count


def carried_over(tracker: Any) -> list[Event]:
    """The new session's first events: each slot's current value, and the active form."""
    events: list[Event] = [SessionStarted()]
    for slot in tracker.slots.values():
        if slot.value != slot.initial_value:
            events.append(SlotSet(slot.name, slot.value))
    if tracker.active_loop_name:
        events.append(ActiveLoop(tracker.active_loop_name))
    events.append(ActionExecuted(ACTION_LISTEN_NAME))
    return events


def install() -> None:
    original_expired = MessageProcessor._has_session_expired
    if getattr(original_expired, _MARK, False):
        return
    original_start = ActionSessionStart.run

    def _has_session_expired(self: MessageProcessor, tracker: Any) -> bool:
        if original_expired(self, tracker):
            _rolling.set(False)
            return True
        long = messages_in_session(tracker.events) >= MESSAGES_PER_SESSION
        # Read by the session start that Rasa runs next, in this same task.
        _rolling.set(long)
        return long

    async def run(
        self: ActionSessionStart, output_channel: Any, nlg: Any, tracker: Any, domain: Any
    ) -> list[Event]:
        if _rolling.get():
            _rolling.set(False)
            return carried_over(tracker)
        return await original_start(self, output_channel, nlg, tracker, domain)

    setattr(_has_session_expired, _MARK, True)
    MessageProcessor._has_session_expired = _has_session_expired
    ActionSessionStart.run = run
