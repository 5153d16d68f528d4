"""One person's conversation with the assistant, and where it has got to.

A conversation is identified by the channel's sender id (for the web page and
Teams a random, server-issued value). It belongs to at most one plan; a plan
may be worked on in several conversations (a parent's and a worker's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.plan.model import Plan, Role, UrgentFlag


@dataclass(eq=False)
class Conversation:
    sender_id: str
    channel: str = "rest"
    role: Role | None = None
    consent: bool | None = None
    # The person's own name and relationship, when they chose to give them.
    user_name: str | None = None
    user_relationship: str | None = None
    # The interview engine's own state (cursor, history, pending offers), as JSON.
    state: dict[str, Any] = field(default_factory=dict)
    plan: Plan | None = None
    # The invite link this conversation joined its case through, if any: when
    # the worker turns the link off, the conversation loses the case too.
    invite_id: str | None = None
    # The plan's link key when this conversation took the plan: when the case
    # is revoked the key changes and the conversation no longer reaches it.
    case_key: str | None = None
    # Said before a plan existed too: a flag is kept even without consent.
    urgent_flags: list[UrgentFlag] = field(default_factory=list)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    updated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    id: int | None = None

    @property
    def actor(self) -> str:
        """How this person appears in the revision log."""
        if self.user_name and self.user_relationship:
            return f"{self.user_name} ({self.user_relationship})"
        if self.user_name:
            return self.user_name
        return {
            Role.FAMILY: "A family member",
            Role.WORKER: "A worker",
            Role.PRACTISING: "A learner",
            None: "Someone",
        }[self.role]
