"""Where one conversation's interview has got to, kept with the conversation."""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class InterviewState:
    # Question keys that have been answered or skipped.
    done: list[str] = field(default_factory=list)
    # Keys in the order they were dealt with, for "go back".
    history: list[str] = field(default_factory=list)
    # A question asked out of order (go back, change an answer), and the
    # questions to return to once it is answered (last in, first out).
    cursor: str | None = None
    return_stack: list[str] = field(default_factory=list)
    danger_checked: bool = False
    resume_offer: bool = False
    reviewed: bool = False
    # Paused because someone said a child may be in danger now; the question
    # they were on is kept in `cursor` and asked again when they are safe.
    paused: bool = False
    # A message the model alone took for danger now: kept while the person is
    # asked, then used as the answer to `held_for` if they say no.
    held_answer: str | None = None
    held_for: str | None = None
    new_pair: bool = False
    new_step: bool = False
    # Names mentioned in answers that are not in the network yet.
    pending_people: list[str] = field(default_factory=list)
    declined_people: list[str] = field(default_factory=list)
    # The review menu section chosen at review_pick.
    review_section: str | None = None
    # The meeting (uid) that other people's scores are being recorded for.
    meeting_uid: str | None = None
    # Small per-question facts the flow needs (e.g. whether existing safety was given).
    flags: dict[str, Any] = field(default_factory=dict)
    # The last answer that could not be used, so the question is not repeated word for word.
    retry: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> InterviewState:
        # A deep copy: mutating the stored value in place would hide the change
        # from the database layer, which compares old and new values.
        data = copy.deepcopy(dict(data or {}))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def is_done(self, question_key: str) -> bool:
        return question_key in self.done

    def mark_done(self, question_key: str) -> None:
        if question_key not in self.done:
            self.done.append(question_key)

    def unmark(self, question_key: str) -> None:
        if question_key in self.done:
            self.done.remove(question_key)

    def forget_uid(self, uid: str) -> None:
        """Drop every trace of a removed pair or step."""
        suffix = "@" + uid
        self.done = [k for k in self.done if not k.endswith(suffix)]
        self.history = [k for k in self.history if not k.endswith(suffix)]
        self.return_stack = [k for k in self.return_stack if not k.endswith(suffix)]
        if self.cursor and self.cursor.endswith(suffix):
            self.cursor = self.return_stack.pop() if self.return_stack else None
