"""used_downloads: a download link works once, on every server sharing the database

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "used_downloads",
        sa.Column("token_id", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name=op.f("pk_used_downloads")),
    )
    with op.batch_alter_table("used_downloads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_used_downloads_expires_at"), ["expires_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("used_downloads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_used_downloads_expires_at"))
    op.drop_table("used_downloads")
