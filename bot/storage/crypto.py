"""Encryption of free text at rest.

Plans hold special category data about children, so every free-text column
is stored as a Fernet token. Keys come from SAFETYPLAN_ENCRYPTION_KEYS
(comma-separated, the first encrypts, all decrypt) or from a key file that is
created on first run with 0600 permissions. Rotation adds a new first key and
re-encrypts rows; old keys keep decrypting until they are removed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.settings import Settings, load_settings

# Marks a stored value as ours and says which scheme wrote it, so a later
# scheme can be introduced without guessing.
PREFIX = "f1:"


class DecryptionError(RuntimeError):
    """A stored value could not be decrypted with any known key."""


class Keyring:
    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise ValueError("at least one encryption key is needed")
        self.keys = list(keys)
        self._fernet = MultiFernet([Fernet(k) for k in keys])

    def encrypt(self, text: str) -> str:
        return PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            raise DecryptionError("value is not encrypted with a known scheme")
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise DecryptionError("no key can decrypt this value") from error

    def rotate(self, stored: str) -> str:
        """The same value, encrypted again under the first key."""
        token = self._fernet.rotate(stored[len(PREFIX) :].encode("ascii"))
        return PREFIX + token.decode("ascii")


def key_file(settings: Settings) -> Path:
    return settings.keys_dir / "encryption.keys"


def _write_private(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(content)
    os.chmod(path, 0o600)


def _read_key_file(path: Path) -> list[bytes]:
    return [line.strip().encode("ascii") for line in path.read_text().splitlines() if line.strip()]


def load_keyring(settings: Settings) -> Keyring:
    if settings.encryption_keys:
        return Keyring([k.encode("ascii") for k in settings.encryption_keys])
    path = key_file(settings)
    if not path.exists():
        _write_private(path, Fernet.generate_key().decode("ascii") + "\n")
    return Keyring(_read_key_file(path))


def add_primary_key(settings: Settings) -> Keyring:
    """Put a new key first in the key file; the old keys stay to decrypt old rows."""
    if settings.encryption_keys:
        raise RuntimeError(
            "keys come from SAFETYPLAN_ENCRYPTION_KEYS: put a new key first in that setting instead"
        )
    path = key_file(settings)
    old = _read_key_file(path) if path.exists() else []
    new = [Fernet.generate_key()] + old
    _write_private(path, "".join(k.decode("ascii") + "\n" for k in new))
    return Keyring(new)


_lock = threading.Lock()
_active: Keyring | None = None


def active_keyring() -> Keyring:
    global _active
    with _lock:
        if _active is None:
            _active = load_keyring(load_settings())
        return _active


def use_keyring(keyring: Keyring | None) -> None:
    """Replace the process-wide keyring (after rotation, or in tests)."""
    global _active
    with _lock:
        _active = keyring
