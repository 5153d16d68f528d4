"""Maps the domain dataclasses onto the tables, without the domain knowing.

This is the classical (imperative) mapping of Architecture Patterns with
Python: bot.plan stays plain Python, and storage is a detail decided here.
"""

from __future__ import annotations

from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import registry, relationship

from bot.conversation.model import Conversation
from bot.plan import model
from bot.storage import tables

mapper_registry = registry(metadata=tables.metadata)
_mapped = False


def _ordered(cls: type, table, **kwargs):  # noqa: ANN001, ANN202 - SQLAlchemy's own types
    return relationship(
        cls,
        order_by=table.c.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        **kwargs,
    )


def start_mappers() -> None:
    """Idempotent: every process calls it once before using a session."""
    global _mapped
    if _mapped:
        return
    reg = mapper_registry
    reg.map_imperatively(model.Child, tables.children)
    reg.map_imperatively(model.Person, tables.people)
    reg.map_imperatively(model.ColumnEntry, tables.column_entries)
    reg.map_imperatively(
        model.Attendee,
        tables.meeting_attendees,
        properties={"person": relationship(model.Person, lazy="joined")},
    )
    reg.map_imperatively(
        model.StepReview,
        tables.step_reviews,
        properties={"step": relationship(model.Step, lazy="joined")},
    )
    reg.map_imperatively(
        model.Meeting,
        tables.meetings,
        properties={
            "attendees": _ordered(model.Attendee, tables.meeting_attendees),
            "step_reviews": relationship(
                model.StepReview,
                order_by=tables.step_reviews.c.id,
                cascade="all, delete-orphan",
                passive_deletes=True,
                lazy="selectin",
            ),
        },
    )
    reg.map_imperatively(
        model.Score,
        tables.scores,
        properties={
            "meeting": relationship(model.Meeting, lazy="joined"),
            "person": relationship(model.Person, lazy="joined"),
        },
    )
    reg.map_imperatively(model.PlanRule, tables.plan_rules)
    reg.map_imperatively(
        model.Pair,
        tables.pairs,
        properties={
            "scores": relationship(
                model.Score,
                order_by=tables.scores.c.id,
                cascade="all, delete-orphan",
                passive_deletes=True,
                lazy="selectin",
            ),
            "rules": _ordered(model.PlanRule, tables.plan_rules),
        },
    )
    reg.map_imperatively(model.Step, tables.steps)
    reg.map_imperatively(model.OpenQuestion, tables.open_questions)
    reg.map_imperatively(
        model.Revision,
        tables.revisions,
        properties={"meeting": relationship(model.Meeting, lazy="joined")},
    )
    reg.map_imperatively(model.UrgentFlag, tables.urgent_flags)

    def _collection(cls: type, order_by):  # noqa: ANN001, ANN202
        return relationship(
            cls,
            order_by=order_by,
            cascade="all, delete-orphan",
            passive_deletes=True,
            lazy="selectin",
        )

    reg.map_imperatively(
        model.Plan,
        tables.cases,
        properties={
            "children": _ordered(model.Child, tables.children),
            "people": _ordered(model.Person, tables.people),
            "entries": _ordered(model.ColumnEntry, tables.column_entries),
            "pairs": _ordered(model.Pair, tables.pairs),
            "steps": _ordered(model.Step, tables.steps),
            "meetings": _collection(model.Meeting, tables.meetings.c.held_on),
            "open_questions": _collection(model.OpenQuestion, tables.open_questions.c.id),
            "revisions": _collection(model.Revision, tables.revisions.c.id),
            "urgent_flags": relationship(
                model.UrgentFlag,
                order_by=tables.urgent_flags.c.id,
                cascade="all, delete-orphan",
                passive_deletes=True,
                lazy="selectin",
                primaryjoin=tables.cases.c.id == tables.urgent_flags.c.case_id,
            ),
        },
    )
    reg.map_imperatively(
        Conversation,
        tables.conversations,
        properties={
            "plan": relationship(model.Plan, lazy="joined"),
            "urgent_flags": relationship(
                model.UrgentFlag,
                order_by=tables.urgent_flags.c.id,
                cascade="all, delete-orphan",
                passive_deletes=True,
                lazy="selectin",
                primaryjoin=tables.conversations.c.id == tables.urgent_flags.c.conversation_id,
            ),
        },
    )
    _mapped = True
