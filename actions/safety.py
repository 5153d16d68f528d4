"""The urgent path's record: the warning itself is sent by the Rasa server (utter_urgent_danger)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import latest_text, send, service, who


class ActionUrgentDanger(Action):
    def name(self) -> str:
        return "action_urgent_danger"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        text = latest_text(tracker)
        pressed = text.startswith("/urgent_danger")
        if pressed:
            text = "(pressed 'someone is in danger')"
        reply = service().urgent(sender_id, channel, text, typed=not pressed)
        # Nothing to add, unless saving failed or the plan calls for another helpline.
        send(dispatcher, reply)
        return []


class ActionPossibleDanger(Action):
    """Only the model heard danger now: the form asks first, and keeps what was typed."""

    def name(self) -> str:
        return "action_possible_danger"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        reply = service().possible_danger(sender_id, channel, latest_text(tracker))
        if not reply.saved:
            send(dispatcher, reply)
        return []
