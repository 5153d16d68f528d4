"""Files only this account may read: the data folder, the SQLite file and its logs, the keys.

Set explicitly, whatever the umask: `var/` (and `var/keys/`) 0700, the
database with its write-ahead log and shared-memory file 0600, key files
0600. SQLite gives the `-wal` and `-shm` files the mode of the database file,
so creating that file 0600 before SQLite opens it keeps them private too;
files left with other modes by an older version are tightened at start-up.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bot.settings import Settings

DIRECTORY_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> Path:
    """The folder, made if needed, readable by this account only."""
    path.mkdir(parents=True, exist_ok=True, mode=DIRECTORY_MODE)
    os.chmod(path, DIRECTORY_MODE)
    return path


def private_file(path: Path) -> None:
    """Tightens an existing file to 0600 (nothing happens when it is not there)."""
    try:
        os.chmod(path, FILE_MODE)
    except FileNotFoundError:
        pass


def sqlite_files(database: Path) -> list[Path]:
    return [database, *(database.with_name(database.name + s) for s in SQLITE_SIDE_FILES)]


def prepare_sqlite_file(database: Path) -> None:
    """Creates the database file 0600 before SQLite does (so its WAL and SHM follow suit)."""
    database.parent.mkdir(parents=True, exist_ok=True, mode=DIRECTORY_MODE)
    try:
        fd = os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    for path in sqlite_files(database):
        private_file(path)


def read_or_create_secret(path: Path, nbytes: int = 48) -> str:
    """A random secret kept in a 0600 file under a 0700 folder, made on first use."""
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(nbytes))
    private_file(path)
    return path.read_text(encoding="ascii").strip()


def secure_var_dir(settings: Settings) -> None:
    """The data folder and everything secret in it, private whatever the umask."""
    private_dir(settings.var_dir)
    if settings.keys_dir.exists():
        private_dir(settings.keys_dir)
        for key in settings.keys_dir.iterdir():
            if key.is_file():
                private_file(key)
    from sqlalchemy.engine import make_url

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        prepare_sqlite_file(Path(url.database))
