from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.settings import Settings, load_settings
from bot.storage.migrate import upgrade
from tests.support.databases import sqlite_database


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """This test's own database, migrated, with the session's shared signing key."""
    url = sqlite_database(tmp_path)
    upgrade(url)
    return dataclasses.replace(
        load_settings(), var_dir=tmp_path, database_url=url, public_url="https://plans.example"
    )


@pytest.fixture()
def case(settings: Settings) -> tuple[int, str]:
    from tests.support.webchat import make_case

    return make_case(settings, "Leo")
