"""Migration 0004 on a database with cases in it: nothing lost, ids never reused, keys per case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from bot.storage.engine import engine_for
from bot.storage.migrate import alembic_config, upgrade
from tests.support.databases import postgres_database, sqlite_database

NOW = dt.datetime(2026, 11, 30, 12, 0)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url_at_0003(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = sqlite_database(tmp_path)
        upgrade(url, "0003")
        yield url
    else:
        with postgres_database() as url:
            upgrade(url, "0003")
            yield url


def _add_case(connection: sa.engine.Connection, reference: str) -> int:
    connection.execute(
        sa.text(
            "INSERT INTO cases (reference, status, written_with, version, created_at, updated_at)"
            " VALUES (:r, 'draft', '[]', 1, :t, :t)"
        ),
        {"r": reference, "t": NOW},
    )
    case_id = connection.execute(
        sa.text("SELECT id FROM cases WHERE reference = :r"), {"r": reference}
    ).scalar_one()
    connection.execute(
        sa.text(
            "INSERT INTO children (case_id, position, first_name, age) VALUES (:c, 0, 'x', 7)"
        ),
        {"c": case_id},
    )
    connection.execute(
        sa.text(
            "INSERT INTO conversations (sender_id, case_id, channel, state, created_at, updated_at)"
            " VALUES (:s, :c, 'rest', '{}', :t, :t)"
        ),
        {"s": f"sender-{reference}", "c": case_id, "t": NOW},
    )
    return int(case_id)


def test_upgrading_keeps_every_case_and_ids_are_never_reused(url_at_0003: str) -> None:
    url = url_at_0003
    with engine_for(url).begin() as connection:
        first = _add_case(connection, "SP-AAA222")
        last = _add_case(connection, "SP-BBB333")
    upgrade(url)
    with engine_for(url).begin() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM children")).scalar_one() == 2
        rows = connection.execute(
            sa.text(
                "SELECT cases.id, cases.link_key, conversations.case_key FROM cases "
                "JOIN conversations ON conversations.case_id = cases.id ORDER BY cases.id"
            )
        ).all()
        assert [r[0] for r in rows] == [first, last]
        keys = [r[1] for r in rows]
        assert len(set(keys)) == 2 and all(len(k) >= 20 for k in keys)
        assert [r[2] for r in rows] == keys  # conversations keep their case
        if connection.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # The newest case goes; the next one does not get its id.
        connection.execute(sa.text("DELETE FROM cases WHERE id = :i"), {"i": last})
        connection.execute(
            sa.text(
                "INSERT INTO cases (reference, status, written_with, version, created_at, "
                "updated_at, link_key) VALUES ('SP-CCC444', 'draft', '[]', 1, :t, :t, 'k')"
            ),
            {"t": NOW},
        )
        newest = connection.execute(
            sa.text("SELECT id FROM cases WHERE reference = 'SP-CCC444'")
        ).scalar_one()
    assert newest > last


def test_downgrading_and_upgrading_again(url_at_0003: str) -> None:
    url = url_at_0003
    with engine_for(url).begin() as connection:
        _add_case(connection, "SP-DDD555")
    upgrade(url)
    config = alembic_config(url)
    with engine_for(url).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with engine_for(url).connect() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM children")).scalar_one() == 1
        assert "link_key" not in {c["name"] for c in sa.inspect(connection).get_columns("cases")}
    upgrade(url)
    with engine_for(url).connect() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM children")).scalar_one() == 1
