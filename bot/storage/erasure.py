"""Erasing a case, and purging what has been left untouched past the retention period.

A case is erased with everything that belongs to it: the `cases` row (ON
DELETE CASCADE takes its children, people, column entries, pairs with their
scores and rules, steps, meetings, open questions, revisions, urgent flags,
invites and conversations), every Rasa tracker event of every conversation that belonged
to it (Rasa's `events` table, by sender id), and any file under the data
folder named after it. Exports are made on request and never written there,
so normally there is none; the sweep is there so a file left by hand cannot
outlive its case.

Deleting a row is not forgetting it. On SQLite, `secure_delete` (set on every
connection, bot/storage/engine.py) zeroes the freed cells, but the write-ahead
log still holds earlier copies of the pages, with the old ciphertext, until a
checkpoint overwrites them. So after deleting, `forget()` checkpoints and
truncates the log, VACUUMs (rebuilding the file without free pages), and
truncates the log again.

On PostgreSQL a deleted row is invisible at once but its bytes stay in the
table's pages until VACUUM lets them be overwritten; VACUUM FULL rewrites the
table so the old bytes leave the live files at once. Neither reaches the WAL
archive or backups, which keep them for their own retention time: everything
there is Fernet ciphertext, and backups must have a retention no longer than
the service's own. `forget()` does nothing on PostgreSQL by default.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.settings import Settings
from bot.storage import tables
from bot.storage.engine import engine_for

log = logging.getLogger(__name__)

# Rasa's tracker table; only the columns erasure needs (Rasa creates it).
EVENTS = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))
# Folders under var/ that hold no case data and are large (trained models).
_NOT_SWEPT = {"models", "keys"}


class ForgetIncomplete(RuntimeError):
    """Rows were deleted, but SQLite could not yet rewrite its files (another process is busy)."""


@dataclass
class Erased:
    """What one erasure removed. Holds no personal text: references and counts only."""

    reference: str | None
    conversations: int = 0
    events: int = 0
    files: list[Path] = field(default_factory=list)


@dataclass
class PurgePlan:
    """What a purge removes (or, on a dry run, would remove)."""

    cutoff: dt.datetime
    references: list[str] = field(default_factory=list)
    # Conversations without a case (no consent given), and tracker events of
    # senders the plan tables never heard of.
    loose_senders: list[str] = field(default_factory=list)
    erased: list[Erased] = field(default_factory=list)


def has_events_table(engine: Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def _delete_events(connection: Connection, senders: Iterable[str]) -> int:
    count = 0
    senders = list(senders)
    # In chunks: SQLite limits the number of bound parameters.
    for start in range(0, len(senders), 500):
        chunk = senders[start : start + 500]
        result = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id.in_(chunk)))
        count += max(result.rowcount or 0, 0)
    return count


def _case_files(var_dir: Path, reference: str) -> list[Path]:
    if not var_dir.is_dir():
        return []
    wanted = reference.casefold()
    found = []
    for child in var_dir.iterdir():
        if child.name in _NOT_SWEPT:
            continue
        candidates = child.rglob("*") if child.is_dir() else [child]
        found += [p for p in candidates if p.is_file() and wanted in p.name.casefold()]
    return found


def _erase_case_rows(connection: Connection, case_id: int, events_table: bool) -> tuple[int, int]:
    conversations = tables.conversations
    senders = list(
        connection.execute(
            sa.select(conversations.c.sender_id).where(conversations.c.case_id == case_id)
        ).scalars()
    )
    events = _delete_events(connection, senders) if events_table else 0
    # Everything else goes by ON DELETE CASCADE (SQLite enforces foreign keys on
    # every connection: bot/storage/engine.py); the tests check each table.
    connection.execute(sa.delete(tables.cases).where(tables.cases.c.id == case_id))
    return len(senders), events


def erase_case(settings: Settings, reference: str, forget_now: bool = True) -> Erased | None:
    """Removes one case and everything tied to it; None when there is no such case."""
    engine = engine_for(settings.database_url)
    wanted = reference.strip().upper()
    events_table = has_events_table(engine)
    with engine.begin() as connection:
        case_id = connection.execute(
            sa.select(tables.cases.c.id).where(tables.cases.c.reference == wanted)
        ).scalar_one_or_none()
        if case_id is None:
            return None
        conversations, events = _erase_case_rows(connection, case_id, events_table)
    erased = Erased(wanted, conversations, events)
    for path in _case_files(settings.var_dir, wanted):
        path.unlink(missing_ok=True)
        erased.files.append(path)
    if forget_now:
        forget(engine)
    log.info("erased case %s (%d conversations, %d events)", wanted, conversations, events)
    return erased


def erase_conversation(settings: Settings, sender_id: str, forget_now: bool = True) -> int:
    """Removes one conversation without a case, and its tracker events; returns events removed."""
    engine = engine_for(settings.database_url)
    events_table = has_events_table(engine)
    with engine.begin() as connection:
        count = _delete_events(connection, [sender_id]) if events_table else 0
        connection.execute(
            sa.delete(tables.conversations).where(tables.conversations.c.sender_id == sender_id)
        )
    if forget_now:
        forget(engine)
    return count


def plan_purge(
    settings: Settings, older_than: dt.timedelta, now: dt.datetime | None = None
) -> PurgePlan:
    """Which cases and loose conversations have been untouched for longer than `older_than`.

    A case counts as touched when its plan changed or when anyone's
    conversation on it moved on, so a case someone is working on now is never
    purged because its plan happens not to have changed lately.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    cutoff = now - older_than
    engine = engine_for(settings.database_url)
    cases, conversations = tables.cases, tables.conversations
    result = PurgePlan(cutoff=cutoff)
    with engine.connect() as connection:
        recent_talk = (
            sa.select(conversations.c.id)
            .where(conversations.c.case_id == cases.c.id)
            .where(conversations.c.updated_at >= cutoff)
        )
        result.references = list(
            connection.execute(
                sa.select(cases.c.reference)
                .where(cases.c.updated_at < cutoff)
                .where(~sa.exists(recent_talk))
                .order_by(cases.c.updated_at)
            ).scalars()
        )
        loose = set(
            connection.execute(
                sa.select(conversations.c.sender_id)
                .where(conversations.c.case_id.is_(None))
                .where(conversations.c.updated_at < cutoff)
            ).scalars()
        )
        if has_events_table(engine):
            # Tracker events of senders with no conversation row (the action
            # server never saw them), last heard of before the cutoff.
            known = sa.select(conversations.c.sender_id)
            stale = (
                sa.select(EVENTS.c.sender_id)
                .where(EVENTS.c.sender_id.not_in(known))
                .group_by(EVENTS.c.sender_id)
                .having(sa.func.max(EVENTS.c.timestamp) < cutoff.timestamp())
            )
            loose |= set(connection.execute(stale).scalars())
            # A caseless conversation still talking (events newer than the cutoff) stays.
            busy = set(
                connection.execute(
                    sa.select(EVENTS.c.sender_id)
                    .where(EVENTS.c.timestamp >= cutoff.timestamp())
                    .distinct()
                ).scalars()
            )
            loose -= busy
    result.loose_senders = sorted(loose)
    return result


def purge(
    settings: Settings,
    older_than: dt.timedelta,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> PurgePlan:
    """Erases every case and loose conversation untouched for longer than `older_than`."""
    found = plan_purge(settings, older_than, now)
    if dry_run or not (found.references or found.loose_senders):
        return found
    for reference in found.references:
        erased = erase_case(settings, reference, forget_now=False)
        if erased is not None:
            found.erased.append(erased)
    for sender in found.loose_senders:
        erase_conversation(settings, sender, forget_now=False)
    forget(engine_for(settings.database_url))
    return found


# -- making the database forget ---------------------------------------------------


def _checkpoint(connection: Connection, attempts: int = 20) -> None:
    """Copies the write-ahead log into the database and truncates it to nothing."""
    for _ in range(attempts):
        busy, _log_frames, _done = connection.exec_driver_sql(
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).one()
        if not busy:
            return
        # Another process is reading an older snapshot; it ends within moments.
        time.sleep(0.25)
    raise ForgetIncomplete(
        "The database's write-ahead log could not be emptied because another process kept "
        "it busy. The rows are deleted; run the command again to finish."
    )


def forget(engine: Engine) -> None:
    """Makes SQLite drop every copy of deleted rows from its files; nothing to do elsewhere."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
        _checkpoint(connection)
        connection.exec_driver_sql("VACUUM")
        _checkpoint(connection)
