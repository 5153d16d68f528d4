"""meetings are first-class: status, attendees as rows linked to people, step reviews, scores' person

Issue 15, item 1. A meeting now has a status (in progress / complete) and its
attendees are rows (name as recorded, role, who chaired, the plan's person
record); each meeting can say where each step stands; a score can name the
plan's record of the person who gave it.

What was there is kept as it was, and nothing is invented:
- every meeting recorded before this gets status "complete" (it was recorded
  by the old one-pass flow, which had no "in progress"), and its attendee
  names become attendee rows in the same order, with no person record linked
  (the old record held names only; guessing who "Nan" was is not ours to do);
- scores keep their meeting or none; `person_id` stays empty for them, and
  readers show a score without a meeting as "not at a recorded meeting".

`meetings` is changed with plain ALTER TABLE, not a batch rebuild: on SQLite a
rebuild drops the table, and with foreign keys on that would set every
score's meeting to NULL. `scores` can be rebuilt (nothing refers to it).
Attendee names are encrypted text, so they are moved with the project's
column types (the same keys the application uses).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.types import EncryptedJSON, EncryptedText

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_old_meetings = sa.table(
    "meetings", sa.column("id", sa.Integer), sa.column("attendees", EncryptedJSON())
)
_attendees = sa.table(
    "meeting_attendees",
    sa.column("meeting_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("name", EncryptedText()),
    sa.column("role", EncryptedText()),
    sa.column("chaired", sa.Boolean),
    sa.column("not_scored", sa.JSON),
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.create_table(
        "meeting_attendees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("chaired", sa.Boolean(), nullable=False),
        sa.Column("not_scored", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_attendees_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_meeting_attendees_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendees")),
    )
    op.create_index(
        op.f("ix_meeting_attendees_meeting_id"), "meeting_attendees", ["meeting_id"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_attendees_person_id"), "meeting_attendees", ["person_id"], unique=False
    )
    op.create_table(
        "step_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "done", "not_yet", "changed", "dropped",
                name="step_status", native_enum=False, length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_step_reviews_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["steps.id"], name=op.f("fk_step_reviews_step_id_steps"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_reviews")),
    )
    op.create_index(op.f("ix_step_reviews_meeting_id"), "step_reviews", ["meeting_id"], unique=False)
    op.create_index(op.f("ix_step_reviews_step_id"), "step_reviews", ["step_id"], unique=False)

    # Attendee names, in order, from the old list: names only, no person linked.
    for meeting_id, names in bind.execute(sa.select(_old_meetings.c.id, _old_meetings.c.attendees)):
        rows = [
            {
                "meeting_id": meeting_id,
                "position": position,
                "name": str(name),
                "role": None,
                "chaired": False,
                "not_scored": [],
            }
            for position, name in enumerate(names or [])
        ]
        if rows:
            bind.execute(sa.insert(_attendees), rows)

    if sqlite:
        # ADD COLUMN keeps the rows where they are; NOT NULL needs a default there.
        bind.exec_driver_sql(
            "ALTER TABLE meetings ADD COLUMN status VARCHAR(32) NOT NULL DEFAULT 'complete'"
        )
        bind.exec_driver_sql(
            "ALTER TABLE meetings ADD COLUMN attendees_complete BOOLEAN NOT NULL DEFAULT 1"
        )
        bind.exec_driver_sql("ALTER TABLE meetings DROP COLUMN attendees")
    else:
        op.add_column(
            "meetings",
            sa.Column(
                "status",
                sa.Enum("in_progress", "complete", name="meeting_status", native_enum=False, length=32),
                nullable=False,
                server_default="complete",
            ),
        )
        op.add_column(
            "meetings",
            sa.Column("attendees_complete", sa.Boolean(), nullable=False, server_default=sa.true()),
        )
        op.alter_column("meetings", "status", server_default=None)
        op.alter_column("meetings", "attendees_complete", server_default=None)
        op.drop_column("meetings", "attendees")

    with op.batch_alter_table("scores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_scores_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_scores_person_id_people"),
            "people",
            ["person_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    with op.batch_alter_table("scores", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_scores_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_scores_person_id"))
        batch_op.drop_column("person_id")
    if sqlite:
        bind.exec_driver_sql("ALTER TABLE meetings ADD COLUMN attendees TEXT NOT NULL DEFAULT ''")
    else:
        op.add_column("meetings", sa.Column("attendees", sa.Text(), nullable=True))
    names: dict[int, list[str]] = {}
    for meeting_id, name in bind.execute(
        sa.select(_attendees.c.meeting_id, _attendees.c.name).order_by(
            _attendees.c.meeting_id, _attendees.c.position
        )
    ):
        names.setdefault(meeting_id, []).append(name)
    for (meeting_id,) in bind.execute(sa.select(_old_meetings.c.id)).all():
        bind.execute(
            sa.update(_old_meetings)
            .where(_old_meetings.c.id == meeting_id)
            .values(attendees=names.get(meeting_id, []))
        )
    if sqlite:
        bind.exec_driver_sql("ALTER TABLE meetings DROP COLUMN attendees_complete")
        bind.exec_driver_sql("ALTER TABLE meetings DROP COLUMN status")
    else:
        op.alter_column("meetings", "attendees", existing_type=sa.Text(), nullable=False)
        op.drop_column("meetings", "attendees_complete")
        op.drop_column("meetings", "status")
    op.drop_index(op.f("ix_step_reviews_step_id"), table_name="step_reviews")
    op.drop_index(op.f("ix_step_reviews_meeting_id"), table_name="step_reviews")
    op.drop_table("step_reviews")
    op.drop_index(op.f("ix_meeting_attendees_person_id"), table_name="meeting_attendees")
    op.drop_index(op.f("ix_meeting_attendees_meeting_id"), table_name="meeting_attendees")
    op.drop_table("meeting_attendees")
