"""Throwaway databases: a SQLite file, or a PostgreSQL database made and dropped for the test."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from tests.support.tools import require

# The PostgreSQL server the project's machines run (trust auth); POSTGRES_ADMIN_URL overrides.
ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")


def _admin_connection():  # noqa: ANN202
    import psycopg2
    from sqlalchemy.engine import make_url

    url = make_url(ADMIN_URL)
    connection = psycopg2.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password,
        dbname=url.database, connect_timeout=3,
    )
    connection.autocommit = True
    return connection


def postgres_available() -> bool:
    try:
        _admin_connection().close()
        return True
    except Exception:  # noqa: BLE001
        return False


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test; dropped afterwards so runs never collide."""
    require(postgres_available(), f"needs PostgreSQL at {ADMIN_URL} (set POSTGRES_ADMIN_URL)")
    from sqlalchemy.engine import make_url

    name = f"safetyplan_test_{secrets.token_hex(6)}"
    admin = _admin_connection()
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        from bot.storage import engine as engines

        for url, engine in list(engines._engines.items()):
            if name in url:
                engine.dispose()
                engines._engines.pop(url, None)
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
            )
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


def sqlite_database(folder: Path) -> str:
    return f"sqlite:///{folder / f'plans-{secrets.token_hex(4)}.db'}"
