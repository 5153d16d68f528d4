"""What the interview says back: messages with optional buttons and document downloads."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Download:
    """A document the person may download, sent beside the text, never inside it.

    `url` is set for channels that show links (Teams); the web chat gets the
    kind only and asks the server for a fresh link when the button is pressed.
    """

    kind: str
    title: str
    url: str | None = None

    def as_dict(self) -> dict[str, str]:
        data = {"kind": self.kind, "title": self.title}
        if self.url:
            data["url"] = self.url
        return data


@dataclass(frozen=True)
class Section:
    """One part of a long message (the review), for a page that can fold it away."""

    title: str
    lines: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "lines": list(self.lines)}


@dataclass
class Message:
    text: str
    buttons: list[Button] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    # The same words as `text`, in parts; only the web chat shows them so.
    sections: list[Section] = field(default_factory=list)


@dataclass
class Reply:
    messages: list[Message] = field(default_factory=list)
    # The question now being asked (a Rasa slot name), or None when the
    # interview has nothing more to ask.
    slot: str | None = None
    # False when an answer could not be saved: nothing may claim it was.
    saved: bool = True
    # A request the interview cannot answer itself ("export", "meeting_pack"):
    # the service adds the documents.
    request: str | None = None
    # For "plan_as_at": the uid of the meeting whose kept plan is asked for.
    as_at: str | None = None

    def say(self, text: str, buttons: list[Button] | None = None) -> None:
        self.messages.append(Message(text, list(buttons or [])))

    def extend(self, other: Reply) -> None:
        self.messages.extend(other.messages)
        self.slot = other.slot
        self.saved = self.saved and other.saved


YES = Button("Yes", "/affirm")
NO = Button("No", "/deny")
HELP = Button("Help", "/help")
EXAMPLE = Button("Show me an example", "/example")
DONT_KNOW = Button("I don't know", "/skip")
SKIP = Button("Skip for now", "/skip")


def choice(title: str, value: str) -> Button:
    return Button(title, "/choose" + json.dumps({"choice": value}))


def parse_choice_payload(text: str) -> str | None:
    """The value of a '/choose{...}' button payload typed or sent by a client."""
    text = text.strip()
    if not text.startswith("/choose"):
        return None
    try:
        data = json.loads(text[len("/choose") :] or "{}")
    except ValueError:
        return None
    value = data.get("choice") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
