"""Each call to the action server carries the current turn, not the whole conversation."""

from __future__ import annotations

import json

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker

from bot.rasa_ext import action_payload
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _conversation(domain: Domain, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker("family-1", domain.slots)
    for turn in range(turns):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(
            UserUttered(
                f"answer number {turn}",
                {"name": "inform", "confidence": 0.9},
                input_channel="rest",
            )
        )
        tracker.update(ActionExecuted("interview_form"))
        tracker.update(BotUttered(f"question {turn}"))
    # What the form adds before calling its validation: the answer as a slot candidate.
    tracker.update(SlotSet("requested_slot", "harm"))
    tracker.update(SlotSet("harm", f"answer number {turns - 1}"))
    return tracker


def _payload(domain: Domain, turns: int) -> dict:
    action_payload.install()
    return RemoteAction("validate_interview_form", None)._action_call_format(
        _conversation(domain, turns), domain
    )


def test_the_action_sees_the_same_answer_slots_and_channel_as_with_every_event(
    domain: Domain,
) -> None:
    full = _conversation(domain, 5).current_state()
    full_tracker = Tracker.from_dict(
        {**full, "events": [e.as_dict() for e in _conversation(domain, 5).events]}
    )
    sent = Tracker.from_dict(_payload(domain, 5)["tracker"])
    assert sent.latest_message["text"] == "answer number 4"
    assert (
        sent.slots_to_validate()
        == full_tracker.slots_to_validate()
        == {
            "requested_slot": "harm",
            "harm": "answer number 4",
        }
    )
    assert sent.get_latest_input_channel() == "rest"
    assert sent.get_slot("requested_slot") == "harm"
    assert sent.sender_id == "family-1"
    # Only the current turn: earlier answers do not cross the wire again.
    assert "answer number 3" not in json.dumps(sent.events)


def test_a_call_costs_the_same_at_turn_300_as_at_turn_3(domain: Domain) -> None:
    early = _payload(domain, 3)["tracker"]["events"]
    late = _payload(domain, 300)["tracker"]["events"]
    assert [e["event"] for e in late] == [e["event"] for e in early]
    assert len(json.dumps(late)) < 1.05 * len(json.dumps(early))


def test_before_any_user_message_every_event_is_sent(domain: Domain) -> None:
    tracker = DialogueStateTracker("family-1", domain.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(ActionExecuted("action_listen"))
    action_payload.install()
    sent = RemoteAction("action_welcome", None)._action_call_format(tracker, domain)
    assert [e["event"] for e in sent["tracker"]["events"]] == ["action", "action"]
