"""The conversation so far, as the page shows it, from Rasa's tracker events.

Only what was said is kept: user and bot texts, the buttons of the bot's last
turn so the page can offer them again after a reload, and the documents a bot
message offered. A button press is shown by its title, as it was when it was
pressed.

Documents come only from the structured attachment the action server sends
(`custom: {"downloads": [{"kind", "title"}]}`), reduced to a known kind and a
title: the page gets no address from a message, and makes no button from
anything in a message's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Set on the greeting the page sends for a new conversation: not something the
# person typed, so it is not shown back to them.
START_MARK = "webchat_start"
MAX_MESSAGES = 400
MAX_TITLE = 60
MAX_SECTIONS = 60
MAX_SECTION_TITLE = 80
# The documents the server makes (bot.services.DOCUMENT_KINDS).
KINDS = frozenset({"plan-family", "plan-worker", "meeting-pack", "json"})
# The plan as it stood at one past meeting: "plan-at:" and the meeting's uid.
AS_AT_KIND = re.compile(r"plan-at:[a-z2-8]{10}")


def is_kind(kind: Any) -> bool:
    """A kind of document the server makes."""
    return isinstance(kind, str) and (kind in KINDS or AS_AT_KIND.fullmatch(kind) is not None)


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


def clean_downloads(custom: Any) -> list[dict[str, str]]:
    """The documents a structured attachment offers: a known kind and a short title each."""
    offered = custom.get("downloads") if isinstance(custom, dict) else None
    clean: list[dict[str, str]] = []
    for item in offered if isinstance(offered, list) else []:
        if not isinstance(item, dict):
            continue
        kind, title = item.get("kind"), item.get("title")
        if (
            isinstance(kind, str)
            and is_kind(kind)
            and isinstance(title, str)
            and 0 < len(title) <= MAX_TITLE
        ):
            clean.append({"kind": kind, "title": title})
    return clean


def clean_sections(custom: Any) -> list[dict[str, Any]]:
    """The parts of a long message (the review): a short title and lines of text each."""
    offered = custom.get("sections") if isinstance(custom, dict) else None
    clean: list[dict[str, Any]] = []
    for item in (offered if isinstance(offered, list) else [])[:MAX_SECTIONS]:
        if not isinstance(item, dict):
            continue
        title, lines = item.get("title"), item.get("lines")
        if not isinstance(title, str) or not 0 < len(title) <= MAX_SECTION_TITLE:
            continue
        if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
            continue
        clean.append({"title": title, "lines": lines})
    return clean


def page_message(message: dict[str, Any]) -> dict[str, Any] | None:
    """A bot message from the channel's collector, reduced to what the page shows."""
    text = message.get("text")
    buttons = clean_buttons(message.get("buttons"))
    downloads = clean_downloads(message.get("custom"))
    sections = clean_sections(message.get("custom"))
    if not isinstance(text, str):
        text = ""
    if not text and not buttons and not downloads and not sections:
        return None
    shown: dict[str, Any] = {"from": "bot", "text": text}
    if buttons:
        shown["buttons"] = buttons
    if downloads:
        shown["downloads"] = downloads
    if sections:
        shown["sections"] = sections
        custom = message.get("custom")
        parts = custom.get("parts") if isinstance(custom, dict) else None
        if isinstance(parts, int) and not isinstance(parts, bool) and 0 < parts <= MAX_SECTIONS:
            shown["parts"] = parts
    return shown


def page_messages(messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The collector's messages as the page shows them.

    Rasa hands an attachment over as a message of its own after the text it
    came with: its documents are put back with that text.
    """
    shown: list[dict[str, Any]] = []
    for message in messages:
        item = page_message(message)
        if item is None:
            continue
        if not item["text"] and "buttons" not in item and shown:
            parts = item.pop("parts", 1)
            if item.get("sections"):
                # The review's paragraphs came one bubble each; folded, they are one
                # message (shown twice before: open, then folded, a persona found).
                plain = [
                    m for m in shown[-parts:]
                    if m.get("text") and not ({"buttons", "downloads", "sections"} & set(m))
                ]
                if parts > 1 and len(plain) == parts:
                    del shown[-parts:]
                    shown.append({"from": "bot", "text": "\n\n".join(m["text"] for m in plain)})
            previous = shown[-1]
            if item.get("downloads"):
                previous["downloads"] = previous.get("downloads", []) + item["downloads"]
            if item.get("sections"):
                previous["sections"] = item["sections"]
            continue
        item.pop("parts", None)
        shown.append(item)
    return shown


def history(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """{"messages": [{"from": "user"|"bot", "text": ...}], "buttons": [...]} from event dicts."""
    messages: list[dict[str, Any]] = []
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
            if not isinstance(data, dict):
                data = {}
            shown = page_message(
                {
                    "text": event.get("text"),
                    "buttons": data.get("buttons"),
                    "custom": data.get("custom"),
                }
            )
            if shown is None:
                continue
            buttons = shown.pop("buttons", None)
            if buttons:
                offered = buttons
            messages.append(shown)
    return {"messages": messages[-MAX_MESSAGES:], "buttons": offered}
