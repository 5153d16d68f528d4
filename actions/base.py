"""What every action shares: the service, who is talking, and how replies are sent."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.interview.reply import Reply, parse_choice_payload
from bot.services import ConversationService

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def service() -> ConversationService:
    return ConversationService()


def who(tracker: Tracker) -> tuple[str, str]:
    """The conversation's id and the channel it came in on."""
    channel = tracker.get_latest_input_channel() or "rest"
    return tracker.sender_id, channel


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def latest_intent(tracker: Tracker) -> str | None:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name")


def latest_verdict(tracker: Tracker) -> str | None:
    """The urgent-danger decision the Rasa server made for the message, if it made one."""
    value = tracker.latest_message.get("urgent_verdict")
    return value if isinstance(value, str) else None


def latest_command_check(tracker: Tracker) -> str | None:
    """The command the Rasa server thought the message may be, to be asked about."""
    value = tracker.latest_message.get("command_check")
    return value if isinstance(value, str) else None


def latest_choice(tracker: Tracker) -> str | None:
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "choice" and isinstance(entity.get("value"), str):
            return entity["value"]
    return parse_choice_payload(latest_text(tracker))


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    for message in reply.messages:
        buttons: list[dict[str, Any]] = [
            {"title": b.title, "payload": b.payload} for b in message.buttons
        ]
        # Documents go as a structured attachment, so a channel offers a download
        # only for what the server made, never for a link found in the text.
        custom: dict[str, Any] = {}
        if message.downloads:
            custom["downloads"] = [d.as_dict() for d in message.downloads]
        if message.sections:
            # The same words in parts, for the web chat to fold away (the review).
            custom["sections"] = [s.as_dict() for s in message.sections]
            # Rasa's collector sends the text as one bubble per paragraph, then this
            # as a message of its own: how many bubbles the folded parts replace.
            custom["parts"] = len([p for p in message.text.strip().split("\n\n") if p.strip()])
        dispatcher.utter_message(
            text=message.text,
            buttons=buttons or None,
            json_message=custom or None,
        )
