"""The conversation so far, as the page shows it, from Rasa's tracker events.

Only what was said is kept: user and bot texts, and the buttons of the bot's
last turn so the page can offer them again after a reload. A button press is
shown by its title, as it was when it was pressed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Set on the greeting the page sends for a new conversation: not something the
# person typed, so it is not shown back to them.
START_MARK = "webchat_start"
MAX_MESSAGES = 400


def clean_buttons(buttons: Any) -> list[dict[str, str]]:
    """Only a title and a payload, both text, whatever else a button carried."""
    clean: list[dict[str, str]] = []
    if not isinstance(buttons, list):
        return clean
    for button in buttons:
        if not isinstance(button, dict):
            continue
        title, payload = button.get("title"), button.get("payload")
        if isinstance(title, str) and isinstance(payload, str) and title and payload:
            clean.append({"title": title, "payload": payload})
    return clean


def page_message(message: dict[str, Any]) -> dict[str, Any] | None:
    """A bot message from the channel's collector, reduced to what the page shows."""
    text = message.get("text")
    buttons = clean_buttons(message.get("buttons"))
    if not isinstance(text, str):
        text = ""
    if not text and not buttons:
        return None
    shown: dict[str, Any] = {"from": "bot", "text": text}
    if buttons:
        shown["buttons"] = buttons
    return shown


def history(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """{"messages": [{"from": "user"|"bot", "text": ...}], "buttons": [...]} from event dicts."""
    messages: list[dict[str, str]] = []
    offered: list[dict[str, str]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            offered_now = {b["payload"]: b["title"] for b in offered}
            offered = []
            metadata = event.get("metadata") or {}
            if isinstance(metadata, dict) and metadata.get(START_MARK):
                continue
            text = event.get("text")
            if not isinstance(text, str) or not text:
                continue
            messages.append({"from": "user", "text": offered_now.get(text.strip(), text)})
        elif kind == "bot":
            data = event.get("data") or {}
            shown = page_message(
                {"text": event.get("text"), "buttons": data.get("buttons") if data else None}
            )
            if shown is None:
                continue
            buttons = shown.pop("buttons", None)
            if buttons:
                offered = buttons
            messages.append(shown)
    return {"messages": messages[-MAX_MESSAGES:], "buttons": offered}
