"""Erasing a case removes every row tied to it and its tracker events; purge does it by age."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.settings import load_settings
from bot.storage import tables
from bot.storage.engine import engine_for
from bot.storage.erasure import erase_case, erase_conversation, plan_purge, purge
from bot.storage.migrate import upgrade
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.databases import sqlite_database
from tests.support.privacy import (
    event_count,
    marked_case,
    save_messages,
    sqlite_files,
    stored_values,
    where_found,
)

# used_downloads names no case or person: only the random ids of download links
# already used, kept until those links would have run out anyway.
CASE_TABLES = [
    t.name for t in tables.metadata.sorted_tables if t.name not in ("cases", "used_downloads")
]


def _settings(database_url: str, var_dir: Path):  # noqa: ANN202
    return dataclasses.replace(load_settings(), database_url=database_url, var_dir=var_dir)


def _counts(database_url: str) -> dict[str, int]:
    with engine_for(database_url).connect() as connection:
        return {
            name: int(connection.execute(sa.text(f"SELECT COUNT(*) FROM {name}")).scalar_one())
            for name in ["cases", *CASE_TABLES, "events"]
        }


def _age(database_url: str, reference: str, days: int) -> None:
    """Makes a case and its conversations look untouched for `days` days."""
    then = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    with engine_for(database_url).begin() as connection:
        case_id = connection.execute(
            sa.select(tables.cases.c.id).where(tables.cases.c.reference == reference)
        ).scalar_one()
        connection.execute(
            sa.update(tables.cases).where(tables.cases.c.id == case_id).values(updated_at=then)
        )
        connection.execute(
            sa.update(tables.conversations)
            .where(tables.conversations.c.case_id == case_id)
            .values(updated_at=then)
        )


def test_erasing_a_case_removes_every_row_and_event_and_leaves_other_cases(
    database_url: str, tmp_path: Path
) -> None:
    kept_marker, gone_marker = "keptmarker", "gonemarker"
    kept = marked_case(database_url, kept_marker, ["kept-1"])
    gone = marked_case(database_url, gone_marker, ["gone-1", "gone-2"])
    save_messages(database_url, "kept-1", [f"{kept_marker} said this"])
    save_messages(database_url, "gone-1", [f"{gone_marker} one", f"{gone_marker} two"])
    save_messages(database_url, "gone-2", [f"{gone_marker} three"])
    before = _counts(database_url)
    assert all(before[name] >= 2 for name in ["cases", "children", "people", "pairs", "scores"])

    erased = erase_case(_settings(database_url, tmp_path), gone.lower())

    assert erased is not None and erased.reference == gone
    assert (erased.conversations, erased.events) == (2, 3)
    after = _counts(database_url)
    # Exactly what the kept case has is left: every table lost the erased case's rows.
    with SqlUnitOfWork(database_url) as uow:
        assert uow.plans.get(gone) is None
        plan = uow.plans.get(kept)
        assert plan is not None and plan.children[0].first_name == f"{kept_marker}child"
        assert plan.pairs[0].scores and plan.pairs[0].rules and plan.urgent_flags
        assert uow.conversations.get("gone-1") is None and uow.conversations.get("gone-2") is None
        assert uow.conversations.get("kept-1").plan.reference == kept
    for name in ["cases", *CASE_TABLES]:
        if name != "invites":
            assert after[name] >= 1 and after[name] < before[name], name
    assert event_count(database_url, "kept-1") == 1
    assert event_count(database_url, "gone-1") == event_count(database_url, "gone-2") == 0
    assert erase_case(_settings(database_url, tmp_path), gone) is None


def test_sqlite_forgets_the_erased_bytes_wal_included(tmp_path: Path) -> None:
    database_url = sqlite_database(tmp_path)
    upgrade(database_url)
    marker = "forgetme" + secrets.token_hex(4)
    reference = marked_case(database_url, marker, ["s-1"])
    save_messages(database_url, "s-1", [f"{marker} typed"])
    # open_questions.label is stored in clear (question labels, not personal text):
    # a clear value proves the file itself forgets, not only that ciphertext hides it.
    with engine_for(database_url).begin() as connection:
        connection.execute(sa.update(tables.open_questions).values(label=f"clear {marker}"))
    ciphertexts = [
        value
        for table, column in [("events", "data"), ("children", "first_name"),
                              ("pairs", "danger_statement"), ("conversations", "state"),
                              ("meetings", "snapshot")]
        for value in stored_values(database_url, table, column)
    ]
    files = sqlite_files(database_url)
    assert where_found(files, [marker]), "the clear marker should be on disk before erasing"
    assert where_found(files, ciphertexts[:1])

    erase_case(_settings(database_url, tmp_path), reference)

    files = sqlite_files(database_url)
    assert where_found(files, [marker, *ciphertexts]) == []
    wal = Path(f"{database_url.removeprefix('sqlite:///')}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_files_named_after_the_case_go_with_it(database_url: str, tmp_path: Path) -> None:
    reference = marked_case(database_url, "filemarker")
    left = tmp_path / "exports" / f"safety-plan-{reference}-worker.docx"
    left.parent.mkdir()
    left.write_bytes(b"PK")
    other = tmp_path / "exports" / "safety-plan-SP-OTHER2-worker.docx"
    other.write_bytes(b"PK")
    erased = erase_case(_settings(database_url, tmp_path), reference)
    assert erased is not None and erased.files == [left]
    assert not left.exists() and other.exists()


def test_erasing_a_conversation_without_a_case(database_url: str, tmp_path: Path) -> None:
    with SqlUnitOfWork(database_url) as uow:
        uow.conversations.get_or_create("no-consent", "rest").consent = False
        uow.commit()
    save_messages(database_url, "no-consent", ["no thanks"])
    assert erase_conversation(_settings(database_url, tmp_path), "no-consent") == 1
    with SqlUnitOfWork(database_url) as uow:
        assert uow.conversations.get("no-consent") is None
    assert event_count(database_url, "no-consent") == 0


def test_purge_takes_only_what_is_past_the_period(database_url: str, tmp_path: Path) -> None:
    settings = _settings(database_url, tmp_path)
    old = marked_case(database_url, "oldmarker", ["old-1"])
    recent = marked_case(database_url, "newmarker", ["new-1"])
    old_plan_busy_talk = marked_case(database_url, "busymarker", ["busy-1"])
    _age(database_url, old, 100)
    _age(database_url, old_plan_busy_talk, 100)
    # Someone is talking on this case today, though its plan has not changed for months.
    with SqlUnitOfWork(database_url) as uow:
        uow.conversations.get("busy-1").updated_at = dt.datetime.now(dt.timezone.utc)
        uow.commit()
    long_ago = time.time() - 100 * 86400
    save_messages(database_url, "old-1", ["old words"], timestamp=long_ago)
    save_messages(database_url, "new-1", ["new words"])
    # Messages the action server never saw (no conversation row): one old, one today.
    save_messages(database_url, "stray-old", ["stray"], timestamp=long_ago)
    save_messages(database_url, "stray-new", ["stray"])
    # A conversation that never consented, last touched long ago.
    with SqlUnitOfWork(database_url) as uow:
        uow.conversations.get_or_create("declined-old", "rest").consent = False
        uow.commit()
    with engine_for(database_url).begin() as connection:
        connection.execute(
            sa.update(tables.conversations)
            .where(tables.conversations.c.sender_id == "declined-old")
            .values(updated_at=dt.datetime.fromtimestamp(long_ago, dt.timezone.utc))
        )

    period = dt.timedelta(days=90)
    dry = purge(settings, period, dry_run=True)
    assert dry.references == [old]
    assert dry.loose_senders == ["declined-old", "stray-old"]
    assert event_count(database_url, "old-1") == 1, "a dry run erases nothing"

    done = purge(settings, period)
    assert [e.reference for e in done.erased] == [old]
    with SqlUnitOfWork(database_url) as uow:
        assert uow.plans.get(old) is None
        assert uow.plans.get(recent) is not None and uow.plans.get(old_plan_busy_talk) is not None
        assert uow.conversations.get("declined-old") is None
    assert event_count(database_url, "old-1") == event_count(database_url, "stray-old") == 0
    assert event_count(database_url, "new-1") == event_count(database_url, "stray-new") == 1
    assert plan_purge(settings, period).references == []


def test_purge_on_an_empty_database_does_nothing(tmp_path: Path) -> None:
    database_url = sqlite_database(tmp_path)
    upgrade(database_url)
    found = purge(_settings(database_url, tmp_path), dt.timedelta(days=90))
    assert found.references == [] and found.loose_senders == []


@pytest.mark.parametrize("text", ["90d", "90", "12w", "36h", " 7D "])
def test_periods_parse(text: str) -> None:
    from bot.commands.privacy import parse_period

    assert parse_period(text) > dt.timedelta(0)


@pytest.mark.parametrize("text", ["", "0d", "-5d", "ninety", "90y", "1.5d"])
def test_bad_periods_are_refused(text: str) -> None:
    import argparse

    from bot.commands.privacy import parse_period

    with pytest.raises(argparse.ArgumentTypeError):
        parse_period(text)
