"""`safetyplan erase`, `purge` and `keys`: what an operator types and what they are told."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from bot.cli import main
from bot.storage import tables
from bot.storage.crypto import active_keyring, load_keyring, use_keyring
from bot.storage.engine import engine_for
from bot.storage.migrate import upgrade
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.databases import sqlite_database
from tests.support.privacy import event_count, marked_case, save_messages


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = sqlite_database(tmp_path)
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAFETYPLAN_VAR_DIR", str(tmp_path / "var"))
    return url


def test_erase_asks_first_and_does_nothing_without_a_yes(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = marked_case(database, "askmarker", ["ask-1"])
    # Under pytest stdin is not a terminal: no one can confirm, so nothing happens.
    assert main(["erase", reference]) == 1
    assert "--yes" in capsys.readouterr().err
    with SqlUnitOfWork(database) as uow:
        assert uow.plans.get(reference) is not None


def test_erase_with_yes(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    reference = marked_case(database, "yesmarker", ["yes-1"])
    save_messages(database, "yes-1", ["yesmarker words"])
    assert main(["erase", reference.lower(), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"Erased case {reference}" in out and "1 conversation(s)" in out
    assert "yesmarker" not in out
    with SqlUnitOfWork(database) as uow:
        assert uow.plans.get(reference) is None
    assert event_count(database, "yes-1") == 0


def test_erase_an_unknown_case(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["erase", "SP-NOSUCH", "--yes"]) == 1
    assert "No case with the reference SP-NOSUCH" in capsys.readouterr().err


def test_purge_dry_run_then_purge(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    old = marked_case(database, "purgemarker")
    kept = marked_case(database, "keepmarker")
    with engine_for(database).begin() as connection:
        connection.execute(
            sa.update(tables.cases)
            .where(tables.cases.c.reference == old)
            .values(updated_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=91))
        )
    assert main(["purge", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would erase 1 case(s)" in out and "90 days" in out and old in out
    assert main(["purge", "--older-than", "100d"]) == 0
    assert "Erased 0 case(s)" in capsys.readouterr().out
    assert main(["purge", "--older-than", "90d"]) == 0
    assert "Erased 1 case(s)" in capsys.readouterr().out
    with SqlUnitOfWork(database) as uow:
        assert uow.plans.get(old) is None and uow.plans.get(kept) is not None


def test_the_retention_setting_is_the_default_period(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SAFETYPLAN_RETENTION_DAYS", "30")
    assert main(["purge", "--dry-run"]) == 0
    assert "30 days" in capsys.readouterr().out


def test_rotating_keys_from_the_environment_needs_a_second_key(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = active_keyring()
    try:
        assert main(["keys", "rotate"]) == 1
        assert "Put a new key first" in capsys.readouterr().err
        marked_case(database, "envkeymarker")
        old = previous.keys[0].decode()
        new = Fernet.generate_key().decode()
        monkeypatch.setenv("SAFETYPLAN_ENCRYPTION_KEYS", f"{new},{old}")
        assert main(["keys", "rotate"]) == 0
        assert "Re-encrypted" in capsys.readouterr().out
        assert main(["keys", "drop-old"]) == 0
        assert "Remove the other keys" in capsys.readouterr().out
        monkeypatch.setenv("SAFETYPLAN_ENCRYPTION_KEYS", new)
        use_keyring(None)
        with SqlUnitOfWork(database) as uow:
            assert uow.plans.list()[0].children[0].first_name == "envkeymarkerchild"
    finally:
        use_keyring(previous)


def test_key_file_rotation_end_to_end(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("SAFETYPLAN_ENCRYPTION_KEYS")
    previous = active_keyring()
    use_keyring(None)
    try:
        marked_case(database, "filekeymarker")
        assert main(["keys", "drop-old"]) == 0
        assert "only one key" in capsys.readouterr().out
        assert main(["keys", "rotate"]) == 0
        assert "Added a new first key" in capsys.readouterr().out
        assert main(["keys", "drop-old"]) == 0
        assert "old keys are removed" in capsys.readouterr().out
        from bot.settings import load_settings

        assert len(load_keyring(load_settings()).keys) == 1
        use_keyring(None)
        with SqlUnitOfWork(database) as uow:
            assert uow.plans.list()[0].children[0].first_name == "filekeymarkerchild"
    finally:
        use_keyring(previous)


def test_generate_prints_a_usable_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "generate"]) == 0
    Fernet(capsys.readouterr().out.strip().encode())
