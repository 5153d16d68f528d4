"""Re-encrypting every stored value under the first key, and checking nothing needs an old one.

The scheme (`safetyplan keys rotate`, then `safetyplan keys drop-old`):

1. a new key goes first in the key file; the old keys stay after it, so every
   value stays readable throughout (running servers pick the file up within a
   second, see crypto.active_keyring);
2. every encrypted column of every plan table, and the `data` of every Rasa
   tracker event, is decrypted and encrypted again under the new key, in
   small transactions. A value is only replaced if it is still the one that
   was read, so a server writing at the same moment is never overwritten (its
   own write uses the new key already, or is caught by step 3);
3. `drop-old` first reads every value with the new key alone and refuses if
   any still needs an old key; only then does it remove the old keys.

Nothing here decrypts into a log or a message: counts only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.storage import tables
from bot.storage.crypto import DecryptionError, Keyring
from bot.storage.erasure import has_events_table
from bot.storage.types import EncryptedJSON, EncryptedText

BATCH = 500


@dataclass
class Tally:
    values: int = 0
    # Changed by someone else between reading and writing: left as they wrote it.
    skipped: int = 0
    # No key at all can read these (or they are not in our format).
    unreadable: int = 0


def encrypted_columns(engine: Engine) -> list[tuple[str, list[str]]]:
    """(table, [encrypted columns]) for every table that has any, Rasa's events included."""
    found = []
    for table in tables.metadata.sorted_tables:
        names = [
            c.name for c in table.columns if isinstance(c.type, (EncryptedText, EncryptedJSON))
        ]
        if names:
            found.append((table.name, names))
    if has_events_table(engine):
        found.append(("events", ["data"]))
    return found


def _rows(engine: Engine, name: str, column: str) -> Iterator[list[tuple[int, str]]]:
    # A plain view of the table: the values exactly as stored, not decrypted by the column type.
    table = sa.table(name, sa.column("id"), sa.column(column))
    last = 0
    while True:
        with engine.connect() as connection:
            batch = [
                (int(row[0]), row[1])
                for row in connection.execute(
                    sa.select(table.c.id, table.c[column])
                    .where(table.c.id > last)
                    .where(table.c[column].is_not(None))
                    .order_by(table.c.id)
                    .limit(BATCH)
                )
            ]
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def reencrypt(engine: Engine, keyring: Keyring) -> Tally:
    """Every stored value encrypted again under the keyring's first key."""
    tally = Tally()
    for name, columns in encrypted_columns(engine):
        for column in columns:
            table = sa.table(name, sa.column("id"), sa.column(column))
            for batch in _rows(engine, name, column):
                with engine.begin() as connection:
                    for row_id, stored in batch:
                        try:
                            fresh = keyring.rotate(stored)
                        except DecryptionError:
                            tally.unreadable += 1
                            continue
                        result = connection.execute(
                            sa.update(table)
                            .where(table.c.id == row_id)
                            .where(table.c[column] == stored)
                            .values({column: fresh})
                        )
                        if result.rowcount == 1:
                            tally.values += 1
                        else:
                            tally.skipped += 1
    return tally


def needing_old_keys(engine: Engine, keyring: Keyring) -> Tally:
    """How many stored values the first key alone cannot read (`values` counts those it can)."""
    primary = keyring.primary_only()
    tally = Tally()
    for name, columns in encrypted_columns(engine):
        for column in columns:
            for batch in _rows(engine, name, column):
                for _row_id, stored in batch:
                    try:
                        primary.decrypt(stored)
                        tally.values += 1
                    except DecryptionError:
                        tally.unreadable += 1
    return tally
