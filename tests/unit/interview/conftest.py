from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage.migrate import upgrade
from tests.support.interview_driver import Driver, service_for


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'plans.db'}"
    upgrade(url)
    return url


@pytest.fixture
def driver(database_url: str) -> Driver:
    return Driver(service_for(database_url), "person-1")
