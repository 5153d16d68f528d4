"""Repositories: the only way the rest of the program reads and writes plans."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.conversation.model import Conversation
from bot.plan.model import Plan, UrgentFlag
from bot.plan.reference import new_reference
from bot.storage import tables


class PlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, plan: Plan) -> Plan:
        self.session.add(plan)
        return plan

    def new_plan(self, **fields: object) -> Plan:
        """A new, empty plan with a reference no other case has."""
        while True:
            reference = new_reference()
            if self.get(reference) is None:
                return self.add(Plan(reference=reference, **fields))  # type: ignore[arg-type]

    def get(self, reference: str) -> Plan | None:
        return self.session.execute(
            select(Plan).where(tables.cases.c.reference == reference.strip().upper())
        ).scalar_one_or_none()

    def get_by_id(self, plan_id: int) -> Plan | None:
        return self.session.get(Plan, plan_id)

    def get_by_link_key(self, link_key: str) -> Plan | None:
        """The plan a link names; links carry this random key, never the row id."""
        if not isinstance(link_key, str) or not link_key:
            return None
        return self.session.execute(
            select(Plan).where(tables.cases.c.link_key == link_key)
        ).scalar_one_or_none()

    def list(self) -> list[Plan]:
        return list(
            self.session.execute(select(Plan).order_by(tables.cases.c.updated_at.desc())).scalars()
        )

    def delete(self, plan: Plan) -> None:
        self.session.delete(plan)

    def flag(self, plan: Plan, flag_id: int) -> UrgentFlag | None:
        """One of this case's danger-now flags by its id; None when the id is another's."""
        if plan.id is None:
            return None
        return self.session.execute(
            select(UrgentFlag).where(
                tables.urgent_flags.c.id == flag_id,
                tables.urgent_flags.c.case_id == plan.id,
            )
        ).scalar_one_or_none()


class ConversationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, sender_id: str) -> Conversation | None:
        return self.session.execute(
            select(Conversation).where(tables.conversations.c.sender_id == sender_id)
        ).scalar_one_or_none()

    def get_or_create(self, sender_id: str, channel: str) -> Conversation:
        conversation = self.get(sender_id)
        if conversation is None:
            conversation = Conversation(sender_id=sender_id, channel=channel)
            self.session.add(conversation)
        return conversation

    def for_plan(self, plan: Plan) -> list[Conversation]:
        return list(
            self.session.execute(
                select(Conversation).where(tables.conversations.c.case_id == plan.id)
            ).scalars()
        )

    def delete(self, conversation: Conversation) -> None:
        self.session.delete(conversation)

    def flags_without_case(self) -> list[UrgentFlag]:
        """Urgent-danger flags raised before the person agreed to a plan being kept."""
        return list(
            self.session.execute(
                select(UrgentFlag).where(tables.urgent_flags.c.case_id.is_(None))
            ).scalars()
        )
