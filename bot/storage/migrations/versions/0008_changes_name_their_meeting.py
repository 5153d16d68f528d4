"""changes name their meeting; a finished meeting keeps the plan as it stood

Issue 15, item 7. A change-log entry (`revisions`) can name the meeting whose
record it was made in (`meeting_id`; NULL means "between meetings"), and a
meeting keeps, once its record is finished, the plan as it stood then
(`snapshot`: the JSON export's text, encrypted like all personal text).

Nothing is invented for what was there before:
- every existing change keeps `meeting_id` NULL. Which changes were made while
  a meeting was being recorded was never kept, and guessing from the words of
  the log ("... (Core group, 12 November 2026)") would put some wrong;
- every existing meeting keeps `snapshot` NULL: the plan as it stood at a
  meeting finished before this cannot be rebuilt, and the chat says so.

`meetings` is changed with plain ALTER TABLE ADD COLUMN, not a batch rebuild
(as in 0007: on SQLite a rebuild drops the table, and with foreign keys on
that would set every score's meeting to NULL). `revisions` can be rebuilt
(nothing refers to it), which gives its new foreign key the project's name.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # ADD COLUMN keeps the rows where they are.
        bind.exec_driver_sql("ALTER TABLE meetings ADD COLUMN snapshot TEXT")
    else:
        op.add_column("meetings", sa.Column("snapshot", sa.Text(), nullable=True))

    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_revisions_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_revisions_meeting_id_meetings"),
            "meetings",
            ["meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_revisions_meeting_id_meetings"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_revisions_meeting_id"))
        batch_op.drop_column("meeting_id")
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("ALTER TABLE meetings DROP COLUMN snapshot")
    else:
        op.drop_column("meetings", "snapshot")
