"""urgent flags can be reviewed: not urgent, by whom (encrypted), when, with a note (encrypted)

Revision ID: 0006
Revises: 0003 (in branch flags-review; re-chain onto 0005 when 0004 and 0005 are merged)
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
# The branch was cut from 0003; 0004 and 0005 are being added in parallel
# branches. At merge this becomes "0005" so the chain stays linear.
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("urgent_flags", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("review_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("urgent_flags", schema=None) as batch_op:
        batch_op.drop_column("review_note")
        batch_op.drop_column("reviewed_by")
        batch_op.drop_column("reviewed_at")
