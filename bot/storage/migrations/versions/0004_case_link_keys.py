"""case ids are never reused; every case has a random link key that links carry

Issue 12, findings 1 and 3. Download links used to carry only the case's row
id, and SQLite hands out the highest id again after a delete, so an erased
case's links opened the next family's plan. Now:

- `cases.id` is AUTOINCREMENT on SQLite (PostgreSQL's serial never reuses);
- `cases.link_key` is random per case, and what download links carry; a full
  revoke replaces it, so every link made before stops working;
- `conversations.case_key` is the link key the conversation joined with: a
  conversation whose key is no longer the case's has been revoked.

Download links made before this upgrade carried row ids and no longer work
(people ask for the document again).

On SQLite, AUTOINCREMENT is added without rebuilding the table: rebuilding
means dropping `cases`, and with foreign keys on (they are on every
connection, and cannot be turned off inside the migration's transaction)
that would cascade into every table of every case. Instead the table's
definition gains `AUTOINCREMENT` the way SQLite documents for changes that
leave the stored rows as they are (writable_schema, then a new
schema_version), and `sqlite_sequence` starts from the highest id in use.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PRIMARY_KEY = re.compile(r"PRIMARY KEY \(id\)", re.IGNORECASE)
_AUTOINCREMENT = re.compile(r"PRIMARY KEY \(id AUTOINCREMENT\)", re.IGNORECASE)


def _new_key() -> str:
    while True:
        key = secrets.token_urlsafe(16)
        if "999" not in key:
            return key


def _set_cases_sql(bind: sa.engine.Connection, pattern: re.Pattern, replacement: str) -> None:
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'"
    ).scalar_one()
    changed, count = pattern.subn(replacement, sql, count=1)
    if count != 1:
        raise RuntimeError("the cases table's definition is not the one this migration expects")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'cases'"),
            {"sql": changed},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema=OFF")


def _sqlite_autoincrement(bind: sa.engine.Connection) -> None:
    # sqlite_sequence exists once any AUTOINCREMENT table has been made.
    bind.exec_driver_sql("CREATE TABLE _make_sqlite_sequence (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    bind.exec_driver_sql("DROP TABLE _make_sqlite_sequence")
    _set_cases_sql(bind, _PRIMARY_KEY, "PRIMARY KEY (id AUTOINCREMENT)")
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'cases'")
    bind.exec_driver_sql(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'cases', COALESCE(MAX(id), 0) FROM cases"
    )


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        _sqlite_autoincrement(bind)
        # SQLite adds a NOT NULL column only with a default; every row gets its own key below.
        bind.exec_driver_sql("ALTER TABLE cases ADD COLUMN link_key VARCHAR(32) NOT NULL DEFAULT ''")
    else:
        op.add_column("cases", sa.Column("link_key", sa.String(length=32), nullable=True))
    for (case_id,) in bind.execute(sa.text("SELECT id FROM cases")).all():
        bind.execute(
            sa.text("UPDATE cases SET link_key = :k WHERE id = :i"), {"k": _new_key(), "i": case_id}
        )
    if not sqlite:
        op.alter_column("cases", "link_key", existing_type=sa.String(length=32), nullable=False)
    op.create_index("ix_cases_link_key", "cases", ["link_key"], unique=True)
    # A plain ADD COLUMN on both: a batch rebuild of `conversations` would drop
    # it, and the drop would cascade to urgent_flags.
    op.add_column("conversations", sa.Column("case_key", sa.String(length=32), nullable=True))
    bind.execute(
        sa.text(
            "UPDATE conversations SET case_key = "
            "(SELECT link_key FROM cases WHERE cases.id = conversations.case_id) "
            "WHERE case_id IS NOT NULL"
        )
    )


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_cases_link_key", table_name="cases")
    if bind.dialect.name == "sqlite":
        # Not batch rebuilds, for the same reason as above.
        bind.exec_driver_sql("ALTER TABLE conversations DROP COLUMN case_key")
        bind.exec_driver_sql("ALTER TABLE cases DROP COLUMN link_key")
        _set_cases_sql(bind, _AUTOINCREMENT, "PRIMARY KEY (id)")
        bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'cases'")
        return
    op.drop_column("conversations", "case_key")
    op.drop_column("cases", "link_key")
