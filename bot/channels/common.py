"""What every channel does with a message before and after Rasa sees it."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.faults import NO_REPLY, NOTHING_SENT, too_long
from bot.settings import load_settings
from bot.text import clean_text, is_blank

log = logging.getLogger(__name__)

SENDER_PATTERN = re.compile(r"^[A-Za-z0-9_.:@+=-]{1,128}$")
# Rasa runs its own actions when a message names these intents ("/session_start"
# starts a new session and says nothing, "/back" rewinds the conversation). No
# button sends them, so someone typed them: they are read as words instead.
_RASA_CONTROL = re.compile(r"^\s*/(?=(?:session_start|back)\b)", re.IGNORECASE)


def refusal(text: str) -> str | None:
    """A kind reply for a message that should not go further, or None when it can."""
    if is_blank(clean_text(text)):
        return NOTHING_SENT
    limit = load_settings().max_answer_chars
    if len(text) > limit:
        return too_long(limit)
    return None


def bot_message(recipient: str, text: str) -> dict[str, Any]:
    return {"recipient_id": recipient, "text": text}


async def converse(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    sender_id: str,
    text: str,
    input_channel: str,
    metadata: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Hands one message to Rasa and returns what the bot said, never nothing."""
    refused = refusal(text)
    if refused:
        return [bot_message(sender_id, refused)]
    collector = CollectingOutputChannel()
    try:
        await on_new_message(
            UserMessage(
                _RASA_CONTROL.sub("", clean_text(text), count=1),
                collector,
                sender_id,
                input_channel=input_channel,
                metadata=metadata,
            )
        )
    except Exception as error:  # noqa: BLE001 - the person must hear something, whatever failed
        log.error("message handling failed on %s: %s", input_channel, type(error).__name__)
    messages = list(collector.messages)
    if not messages:
        messages = [bot_message(sender_id, NO_REPLY)]
    return messages
