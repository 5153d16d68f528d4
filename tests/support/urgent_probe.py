"""Urgent-danger detection measured through the running bot, not the classifier alone.

Each labelled message is sent as the answer to one interview question (by
default `harm`, "what has happened that worries people?", where worries are
expected), and counts as flagged when the bot's reply carries the emergency
number. Between messages the conversation is brought back to that question
the way a person would: "yes, I'm safe" after an urgent reply, "go back" after
an answer was saved. If anything else happened (the message was taken as
"stop", "restart"...), a fresh conversation is walked to the question, so
every message is judged in the same place. A conversation is also replaced
after `per_conversation` messages: Rasa reads a conversation's whole history
on every message, so one very long conversation gets slower with each turn.

Only indexes into the labelled lists are ever reported, never message text.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.support.walk import Chat, Walker, is_urgent_reply

ROOT = Path(__file__).resolve().parents[2]
URGENT_SETS = {
    "test": ROOT / "tests" / "data" / "urgent_test.yml",
    "dev": ROOT / "tests" / "data" / "urgent_dev.yml",
}

# Back to the question after a reply, without the NLU model's help: button payloads.
GO_BACK = "/go_back"
SAFE = "/affirm"
# "No, it's about before" to the bot's check (asked when only the model heard danger
# now): the message is then kept as the answer it was.
NOT_NOW = "/deny"
CHECK = "check_danger"


def load_set(path: Path) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["urgent"]), list(data["not_urgent"])


@dataclass
class Figures:
    n_urgent: int = 0
    n_not_urgent: int = 0
    missed: list[int] = field(default_factory=list)  # indexes into "urgent"
    false_alarms: list[int] = field(default_factory=list)  # indexes into "not_urgent"
    # Answered with "is someone in danger right now?" instead (no emergency number yet).
    checked_urgent: list[int] = field(default_factory=list)
    checked_not_urgent: list[int] = field(default_factory=list)
    conversations: int = 0
    messages_sent: int = 0
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.n_urgent if self.n_urgent else 1.0

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_alarms) / self.n_not_urgent if self.n_not_urgent else 0.0

    def lines(self, title: str) -> list[str]:
        caught = self.n_urgent - len(self.missed)
        return [
            title,
            f"  urgent recall:        {self.recall:6.1%}  ({caught}/{self.n_urgent})",
            f"  false-positive rate:  {self.false_positive_rate:6.1%}  "
            f"({len(self.false_alarms)}/{self.n_not_urgent})",
            f"  missed urgent (index in 'urgent'):        {self.missed}",
            f"  false alarms (index in 'not_urgent'):     {self.false_alarms}",
            f"  asked 'is someone in danger now?' first:  urgent {self.checked_urgent}, "
            f"not urgent {self.checked_not_urgent}",
            f"  {self.messages_sent} messages in {self.conversations} conversations, "
            f"{self.seconds:.0f} s",
        ]


class Probe:
    """One conversation kept at the question under test, replaced when it wanders off."""

    def __init__(self, chat: Chat, at: str = "harm", role: str = "family",
                 prefix: str = "urgent-probe", per_conversation: int = 30) -> None:
        self.chat = chat
        self.at = at
        self.role = role
        self.prefix = prefix
        self.per_conversation = per_conversation
        self.walker: Walker | None = None
        self.conversations = 0
        self.sent = 0
        self._judged_here = 0

    def _fresh(self) -> Walker:
        walker = Walker(self.chat, f"{self.prefix}-{secrets.token_hex(6)}", self.role)
        walker.start()
        walker.to(self.at)
        self.sent += len(walker.asked)
        self.conversations += 1
        self._judged_here = 0
        return walker

    def _back_to_question(self, walker: Walker) -> bool:
        for _ in range(3):
            if walker.slot == self.at:
                return True
            if walker.slot == "safe_to_continue":
                walker.say(SAFE)
            elif walker.slot == CHECK:
                walker.say(NOT_NOW)
            else:
                walker.say(GO_BACK)
            self.sent += 1
        return walker.slot == self.at

    def send(self, message: str) -> tuple[bool, bool]:
        """Whether the bot answered this message, given at the question, with the urgent
        reply, and whether it asked first if someone is in danger now."""
        if (
            self.walker is None
            or self._judged_here >= self.per_conversation
            or not self._back_to_question(self.walker)
        ):
            self.walker = self._fresh()
        reply = self.walker.say(message)
        self.sent += 1
        self._judged_here += 1
        return is_urgent_reply(reply), self.walker.slot == CHECK


def measure(
    chat: Chat,
    urgent: list[str],
    not_urgent: list[str],
    at: str = "harm",
    role: str = "family",
    per_conversation: int = 30,
    progress: Callable[[int, int], None] | None = None,
) -> Figures:
    started = time.monotonic()
    probe = Probe(chat, at=at, role=role, per_conversation=per_conversation)
    figures = Figures(n_urgent=len(urgent), n_not_urgent=len(not_urgent))
    # Alternate the two lists so neither kind always follows the other.
    order: list[tuple[bool, int]] = []
    for i in range(max(len(urgent), len(not_urgent))):
        if i < len(urgent):
            order.append((True, i))
        if i < len(not_urgent):
            order.append((False, i))
    for done, (is_urgent, index) in enumerate(order, start=1):
        flagged, checked = probe.send(urgent[index] if is_urgent else not_urgent[index])
        if is_urgent and not flagged:
            figures.missed.append(index)
        if not is_urgent and flagged:
            figures.false_alarms.append(index)
        if checked:
            (figures.checked_urgent if is_urgent else figures.checked_not_urgent).append(index)
        if progress is not None:
            progress(done, len(order))
    figures.conversations = probe.conversations
    figures.messages_sent = probe.sent
    figures.seconds = time.monotonic() - started
    return figures
