"""Key rotation: a new first key, everything re-encrypted under it, old keys dropped when safe."""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from bot.settings import Settings, load_settings
from bot.storage import crypto
from bot.storage.crypto import (
    DecryptionError,
    Keyring,
    active_keyring,
    add_primary_key,
    keep_only_primary_key,
    key_file,
    load_keyring,
    use_keyring,
)
from bot.storage.engine import engine_for
from bot.storage.rotation import needing_old_keys, reencrypt
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.privacy import all_ciphertexts, marked_case, save_messages, stored_values


@pytest.fixture
def file_keys(tmp_path: Path, database_url: str) -> Iterator[Settings]:
    """Settings whose keys live in a key file (not the environment), made active for the test."""
    settings = dataclasses.replace(
        load_settings(), var_dir=tmp_path / "var", encryption_keys=(), database_url=database_url
    )
    previous = active_keyring()
    use_keyring(load_keyring(settings))
    try:
        yield settings
    finally:
        use_keyring(previous)


def test_the_key_file_is_created_private(file_keys: Settings) -> None:
    path = key_file(file_keys)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_rotation_reencrypts_every_value_and_drop_old_keeps_only_the_new_key(
    file_keys: Settings, database_url: str
) -> None:
    reference = marked_case(database_url, "rotatemarker", ["rot-1"])
    save_messages(database_url, "rot-1", ["rotatemarker typed this"])
    old = load_keyring(file_keys)
    before = sorted(all_ciphertexts(database_url))
    assert len(before) > 30 and all(old.decrypt(v) for v in before)

    new = add_primary_key(file_keys)
    assert new.keys[1:] == old.keys
    use_keyring(new)
    tally = reencrypt(engine_for(database_url), new)

    assert tally.values == len(before) and tally.unreadable == tally.skipped == 0
    after = sorted(all_ciphertexts(database_url))
    only_new = Keyring(new.keys[:1])
    assert all(only_new.decrypt(v) for v in after)
    with pytest.raises(DecryptionError):
        old.decrypt(after[0])
    assert needing_old_keys(engine_for(database_url), new).unreadable == 0

    kept = keep_only_primary_key(file_keys)
    assert load_keyring(file_keys).keys == kept.keys == new.keys[:1]
    use_keyring(kept)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan.children[0].first_name == "rotatemarkerchild"
        assert plan.pairs[0].rules[0].contact == "rotatemarker contact"


def test_a_value_still_under_an_old_key_blocks_dropping_it(
    file_keys: Settings, database_url: str
) -> None:
    marked_case(database_url, "stragglermarker")
    old = load_keyring(file_keys)
    new = add_primary_key(file_keys)
    reencrypt(engine_for(database_url), new)
    # A server that had not yet noticed the new key wrote one more value.
    with engine_for(database_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE children SET first_name = :v"), {"v": old.encrypt("late")}
        )
    assert needing_old_keys(engine_for(database_url), new).unreadable == 1
    # Finishing the rotation without a new key clears it.
    assert reencrypt(engine_for(database_url), new).values > 0
    assert needing_old_keys(engine_for(database_url), new).unreadable == 0


def test_unreadable_values_are_counted_and_left_alone(
    file_keys: Settings, database_url: str
) -> None:
    marked_case(database_url, "unreadablemarker")
    stranger = Keyring([Fernet.generate_key()])
    with engine_for(database_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE children SET first_name = :v"), {"v": stranger.encrypt("x")}
        )
    keyring = load_keyring(file_keys)
    tally = reencrypt(engine_for(database_url), keyring)
    assert tally.unreadable == 1
    assert stored_values(database_url, "children", "first_name") != []


def test_a_running_process_picks_up_a_rotated_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFETYPLAN_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SAFETYPLAN_ENCRYPTION_KEYS")
    monkeypatch.setattr(crypto, "RELOAD_CHECK_SECONDS", 0.0)
    previous = crypto._active
    use_keyring(None)
    try:
        first = active_keyring()
        settings = load_settings()
        token = first.encrypt("written before the rotation")
        rotated = add_primary_key(settings)
        time.sleep(0.01)
        now = active_keyring()
        assert now.keys == rotated.keys
        assert now.decrypt(token) == "written before the rotation"
        assert Keyring(now.keys[:1]).decrypt(now.encrypt("after")) == "after"
    finally:
        use_keyring(previous)


def test_keys_from_the_environment_are_not_written_to_a_file(tmp_path: Path) -> None:
    settings = dataclasses.replace(
        load_settings(), var_dir=tmp_path, encryption_keys=(Fernet.generate_key().decode(),)
    )
    with pytest.raises(RuntimeError, match="SAFETYPLAN_ENCRYPTION_KEYS"):
        add_primary_key(settings)
    with pytest.raises(RuntimeError, match="SAFETYPLAN_ENCRYPTION_KEYS"):
        keep_only_primary_key(settings)
    assert not key_file(settings).exists()


def test_the_key_file_is_replaced_whole(file_keys: Settings) -> None:
    path = key_file(file_keys)
    add_primary_key(file_keys)
    assert len(path.read_text().split()) == 2
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file left"
    assert os.stat(path).st_mode & 0o077 == 0
