"""meetings remember the questions after the steps: new steps, closure date, other changes

Issue 15, item 2. Recording a meeting now ends with "any new steps?", "is the
target closure date still right?" and "did anything else change?". Each is
asked once per meeting; these flags say it was answered, so carrying on with a
meeting in progress does not ask again.

Meetings recorded before this were finished without these questions: they are
marked as answered, since nobody will be asked them about a meeting long past.
A meeting still in progress is left unanswered, so its recorder is asked.

Plain ADD COLUMN with a server default (no batch rebuild: see 0007 on why a
rebuild of `meetings` on SQLite would empty every score's meeting).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = ("new_steps_done", "closure_checked", "changes_checked")


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column(
            "meetings", sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
        )
    meetings = sa.table(
        "meetings", sa.column("status", sa.String), *(sa.column(n, sa.Boolean) for n in _COLUMNS)
    )
    op.execute(
        meetings.update()
        .where(meetings.c.status == "complete")
        .values({name: True for name in _COLUMNS})
    )


def downgrade() -> None:
    for name in reversed(_COLUMNS):
        op.drop_column("meetings", name)
