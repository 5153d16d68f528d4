"""A long conversation starts a new session with the form and the slots' values as they were."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.action import ActionSessionStart
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_ext import session_rollover
from bot.rasa_ext.session_rollover import MESSAGES_PER_SESSION, carried_over, messages_in_session
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _long_chat(domain: Domain, messages: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker("family-1", domain.slots)
    tracker.update(SessionStarted())
    tracker.update(ActiveLoop("interview_form"))
    for n in range(messages):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(f"answer {n}", {"name": "inform", "confidence": 0.9}))
        tracker.update(SlotSet("requested_slot", f"question_{n % 3}"))
    tracker.update(SlotSet("requested_slot", "harm"))
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def test_messages_are_counted_from_the_session_start(domain: Domain) -> None:
    tracker = _long_chat(domain, 7)
    assert messages_in_session(tracker.events) == 7
    tracker.update(SessionStarted())
    assert messages_in_session(tracker.events) == 0


def test_the_new_session_keeps_the_form_and_each_slots_last_value_once(domain: Domain) -> None:
    old = _long_chat(domain, MESSAGES_PER_SESSION)
    events = carried_over(old)
    new = DialogueStateTracker.from_events("family-1", list(old.events) + events, domain.slots)
    assert new.active_loop_name == "interview_form"
    assert new.get_slot("requested_slot") == "harm"
    assert new.latest_action_name == "action_listen"
    # One value per slot, not every change the old session made (Rasa's own carry-over).
    assert sum(isinstance(e, SlotSet) and e.key == "requested_slot" for e in events) == 1
    assert isinstance(events[0], SessionStarted)


def test_a_long_session_rolls_over_and_a_short_one_does_not(domain: Domain) -> None:
    from rasa.core.processor import MessageProcessor

    session_rollover.install()
    processor = MessageProcessor.__new__(MessageProcessor)
    processor.domain = domain
    assert processor._has_session_expired(_long_chat(domain, MESSAGES_PER_SESSION - 1)) is False
    long = _long_chat(domain, MESSAGES_PER_SESSION)

    async def expire_then_start() -> list:
        assert processor._has_session_expired(long) is True
        return await ActionSessionStart().run(None, None, long, domain)  # type: ignore[arg-type]

    started = asyncio.run(expire_then_start())
    assert ActiveLoop("interview_form") in started
    # An idle spell still starts an ordinary session: the form is not carried over.
    ordinary = asyncio.run(ActionSessionStart().run(None, None, long, domain))  # type: ignore[arg-type]
    assert not any(isinstance(e, ActiveLoop) for e in ordinary)
