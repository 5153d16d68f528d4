"""Database engines: one per URL per process, configured for two processes sharing SQLite."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from bot.private_files import prepare_sqlite_file

_lock = threading.Lock()
_engines: dict[str, Engine] = {}


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached; the message names the setting to fix."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the Rasa server (tracker) and the action server (plans) write
    # the same file without blocking readers; the busy timeout waits out
    # short write locks instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def create_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    options: dict[str, Any] = {"future": True, "pool_pre_ping": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            # 0600 before SQLite opens it, so its WAL and SHM files are 0600 too.
            prepare_sqlite_file(Path(parsed.database))
        options["connect_args"] = {"timeout": 10, "check_same_thread": False}
    else:
        options["connect_args"] = {"connect_timeout": 5}
    options.update(kwargs)
    engine = sa.create_engine(parsed, **options)
    if parsed.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def engine_for(url: str) -> Engine:
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = create_engine(url)
        return engine


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def check_connection(url: str) -> None:
    try:
        with engine_for(url).connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any driver error means the same to the user
        raise DatabaseUnavailable(
            f"Cannot reach the database at {describe(url)}. Check the DATABASE_URL setting "
            f"(or unset it to use the built-in SQLite file). The driver said: "
            f"{type(error).__name__}."
        ) from error
