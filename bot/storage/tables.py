"""The database schema. Free text is encrypted (see types.py); identifiers are not."""

from __future__ import annotations

from enum import Enum

import sqlalchemy as sa
from sqlalchemy.ext.mutable import MutableDict, MutableList

from bot.plan.model import (
    CaseStatus,
    ColumnKind,
    MeetingStatus,
    MeetingType,
    Role,
    RuleKind,
    StepStatus,
)
from bot.storage.types import EncryptedJSON, EncryptedText, UTCDateTime

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _enum(kind: type[Enum], name: str) -> sa.Enum:
    return sa.Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


def _case_fk() -> sa.Column:
    return sa.Column(
        "case_id",
        sa.Integer,
        sa.ForeignKey("cases.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("reference", sa.String(16), nullable=False, unique=True),
    sa.Column("status", _enum(CaseStatus, "case_status"), nullable=False),
    sa.Column("target_closure_date", sa.Date),
    sa.Column("target_closure_text", EncryptedText),
    sa.Column("written_with", MutableList.as_mutable(EncryptedJSON), nullable=False),
    sa.Column("practice_case", sa.String(64)),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False, index=True),
    # Random, what download links carry (never the row id); a full revoke replaces it.
    sa.Column("link_key", sa.String(32), nullable=False, unique=True, index=True),
    # Ids are never handed out again after a delete, so nothing keyed by an
    # old id can reach a newer case.
    sqlite_autoincrement=True,
)

children = sa.Table(
    "children",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("first_name", EncryptedText, nullable=False),
    sa.Column("age", sa.Integer),
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", EncryptedText, nullable=False),
    sa.Column("relationship", EncryptedText),
    sa.Column("is_professional", sa.Boolean, nullable=False),
    sa.Column("contact", EncryptedText),
    sa.Column("role_in_plan", EncryptedText),
)

column_entries = sa.Table(
    "column_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", _enum(ColumnKind, "column_kind"), nullable=False),
    sa.Column("text", EncryptedText, nullable=False),
    sa.Column("how_long", EncryptedText),
)

pairs = sa.Table(
    "pairs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("uid", sa.String(16), nullable=False, unique=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("danger_who", EncryptedText),
    sa.Column("danger_behaviour", EncryptedText),
    sa.Column("danger_impact", EncryptedText),
    sa.Column("danger_statement", EncryptedText),
    sa.Column("danger_confirmed", sa.Boolean, nullable=False),
    sa.Column("goal_happening", EncryptedText),
    sa.Column("goal_who", EncryptedText),
    sa.Column("goal_duration", EncryptedText),
    sa.Column("safety_goal", EncryptedText),
    sa.Column("goal_confirmed", sa.Boolean, nullable=False),
    sa.Column("scaling_question", EncryptedText),
)

meetings = sa.Table(
    "meetings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("uid", sa.String(16), nullable=False, unique=True),
    sa.Column("kind", _enum(MeetingType, "meeting_type"), nullable=False),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("status", _enum(MeetingStatus, "meeting_status"), nullable=False),
    sa.Column("attendees_complete", sa.Boolean, nullable=False),
    sa.Column("new_steps_done", sa.Boolean, nullable=False),
    sa.Column("closure_checked", sa.Boolean, nullable=False),
    sa.Column("changes_checked", sa.Boolean, nullable=False),
    # The plan as it stood when the record was finished (its JSON export), encrypted
    # like all personal text; NULL for meetings finished before it was kept.
    sa.Column("snapshot", EncryptedText),
)

# Who was at a meeting, in the order they were named. `name` is as recorded;
# `person_id` is the plan's record of them (NULL only for attendees kept from
# before meetings linked people: nothing guesses who they were).
meeting_attendees = sa.Table(
    "meeting_attendees",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "meeting_id",
        sa.Integer,
        sa.ForeignKey("meetings.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", EncryptedText, nullable=False),
    sa.Column("role", EncryptedText),
    sa.Column("chaired", sa.Boolean, nullable=False),
    # Uids of the pairs this person did not score at this meeting (no personal text).
    sa.Column("not_scored", MutableList.as_mutable(sa.JSON), nullable=False),
)

scores = sa.Table(
    "scores",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "pair_id",
        sa.Integer,
        sa.ForeignKey("pairs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "meeting_id", sa.Integer, sa.ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    ),
    sa.Column("person_name", EncryptedText, nullable=False),
    # The plan's record of the person (NULL for scores from before this was kept).
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), index=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("reason", EncryptedText),
    sa.Column("one_point_higher", EncryptedText),
    sa.Column("scored_on", sa.Date, nullable=False),
    sa.CheckConstraint("value >= 0 AND value <= 10", name="score_range"),
)

plan_rules = sa.Table(
    "plan_rules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "pair_id",
        sa.Integer,
        sa.ForeignKey("pairs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", _enum(RuleKind, "rule_kind"), nullable=False),
    sa.Column("text", EncryptedText, nullable=False),
    sa.Column("person_name", EncryptedText),
    sa.Column("action", EncryptedText),
    sa.Column("contact", EncryptedText),
)

steps = sa.Table(
    "steps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("uid", sa.String(16), nullable=False, unique=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("what", EncryptedText, nullable=False),
    sa.Column("who", EncryptedText),
    sa.Column("due", sa.Date),
    sa.Column("due_text", EncryptedText),
    sa.Column("done", sa.Boolean, nullable=False),
)

# What each meeting said about each step on the timeline.
step_reviews = sa.Table(
    "step_reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "meeting_id",
        sa.Integer,
        sa.ForeignKey("meetings.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "step_id",
        sa.Integer,
        sa.ForeignKey("steps.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("status", _enum(StepStatus, "step_status"), nullable=False),
    sa.Column("note", EncryptedText),
)

open_questions = sa.Table(
    "open_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("noted_at", UTCDateTime, nullable=False),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _case_fk(),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("actor", EncryptedText, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("what", EncryptedText, nullable=False),
    sa.Column("detail", EncryptedText),
    # The meeting whose record the change was made in; NULL: between meetings.
    sa.Column(
        "meeting_id", sa.Integer, sa.ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    ),
)

urgent_flags = sa.Table(
    "urgent_flags",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True),
    sa.Column(
        "conversation_id",
        sa.Integer,
        sa.ForeignKey("conversations.id", ondelete="CASCADE"),
        index=True,
    ),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("message", EncryptedText, nullable=False),
    # "Reviewed: not urgent", by whom (a name, so encrypted like the message) and when.
    sa.Column("reviewed_at", UTCDateTime),
    sa.Column("reviewed_by", EncryptedText),
    sa.Column("review_note", EncryptedText),
)

conversations = sa.Table(
    "conversations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, unique=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True),
    sa.Column("invite_id", sa.String(32)),
    # The case's link key when this conversation took the case: once the case's
    # key changes (safetyplan revoke), the conversation no longer reaches it.
    sa.Column("case_key", sa.String(32)),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("role", _enum(Role, "user_role")),
    sa.Column("consent", sa.Boolean),
    sa.Column("user_name", EncryptedText),
    sa.Column("user_relationship", EncryptedText),
    sa.Column("state", MutableDict.as_mutable(EncryptedJSON), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False, index=True),
)

# Links that open the web chat on a case (bot/access/invites.py). The public id
# is what people see and what tokens carry; the row says whether it still works.
invites = sa.Table(
    "invites",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("public_id", sa.String(32), nullable=False, unique=True),
    _case_fk(),
    sa.Column("role", _enum(Role, "user_role"), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime),
)

# Download links work once (bot/access/downloads.py): each link's random id is
# written here when it is first used, so a second use is refused on every
# server sharing the database. Nothing here names a case or a person; a row
# is only needed until its link would have run out anyway.
used_downloads = sa.Table(
    "used_downloads",
    metadata,
    sa.Column("token_id", sa.String(64), primary_key=True),
    sa.Column("used_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False, index=True),
)
