"""`safetyplan db upgrade` on an empty database gives exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.storage.engine import engine_for
from bot.storage.migrate import current_revision, head_revision, is_up_to_date, upgrade
from bot.storage.tables import metadata


def test_upgrade_head_matches_the_models(database_url: str) -> None:
    with engine_for(database_url).connect() as connection:
        context = MigrationContext.configure(
            connection,
            # As the migrations' own env.py: SQLite's sqlite_sequence (made for
            # AUTOINCREMENT) and Rasa's tables are not ours.
            opts={
                "compare_type": True,
                "include_object": lambda _o, name, kind, *_: kind != "table"
                or name in metadata.tables,
            },
        )
        differences = compare_metadata(context, metadata)
    assert differences == []
    assert is_up_to_date(database_url)
    assert current_revision(database_url) == head_revision(database_url)


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    upgrade(database_url)
    assert is_up_to_date(database_url)
