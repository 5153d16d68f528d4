from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage.migrate import upgrade
from tests.support.databases import postgres_database, sqlite_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind the project supports, migrated to the latest schema."""
    if request.param == "sqlite":
        url = sqlite_database(tmp_path)
        upgrade(url)
        yield url
    else:
        with postgres_database() as url:
            upgrade(url)
            yield url
