"""Everything a step of the interview needs to see, in one object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.conversation.model import Conversation
from bot.interview.keys import split
from bot.interview.state import InterviewState
from bot.plan.model import Meeting, Pair, Plan, Role, Step


@dataclass
class Context:
    conversation: Conversation
    state: InterviewState
    today: dt.date
    # Makes a new, empty plan for this conversation (the storage layer decides how).
    new_plan: Callable[[], Plan]
    # Finds another case by its id (joining a plan through an invite).
    load_plan: Callable[[int], Plan | None] = lambda _case_id: None
    max_chars: int = 5000
    # Filled in by services for messages that link to the document.
    links: dict[str, str] = field(default_factory=dict)

    @property
    def plan(self) -> Plan | None:
        return self.conversation.plan

    def require_plan(self) -> Plan:
        if self.conversation.plan is None:
            self.conversation.plan = self.new_plan()
        return self.conversation.plan

    @property
    def role(self) -> Role:
        return self.conversation.role or Role.FAMILY

    @property
    def audience(self) -> str:
        return "family" if self.role is Role.FAMILY else "worker"

    @property
    def actor(self) -> str:
        return self.conversation.actor

    @property
    def scorer(self) -> str:
        """The name the person's own scores are recorded under."""
        if self.conversation.user_name:
            return self.conversation.user_name
        return "Family member" if self.role is Role.FAMILY else "Worker"

    def children(self) -> list[str]:
        return [c.first_name for c in self.plan.children] if self.plan else []

    def pair(self, uid: str | None) -> Pair | None:
        if not uid or not self.plan:
            return None
        return next((p for p in self.plan.pairs if p.uid == uid), None)

    def pair_number(self, pair: Pair | None) -> int:
        if pair is None or not self.plan:
            return len(self.plan.pairs) + 1 if self.plan else 1
        return self.plan.pairs.index(pair) + 1

    def step(self, uid: str | None) -> Step | None:
        if not uid or not self.plan:
            return None
        return next((s for s in self.plan.steps if s.uid == uid), None)

    def step_number(self, step: Step | None) -> int:
        if step is None or not self.plan:
            return len(self.plan.steps) + 1 if self.plan else 1
        return self.plan.steps.index(step) + 1

    def meeting(self, uid: str | None) -> Meeting | None:
        if not uid or not self.plan:
            return None
        return next((m for m in self.plan.meetings if m.uid == uid), None)

    def pair_for_key(self, question_key: str) -> Pair | None:
        return self.pair(split(question_key)[1])

    def step_for_key(self, question_key: str) -> Step | None:
        return self.step(split(question_key)[1])
