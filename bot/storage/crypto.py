"""Encryption of free text at rest.

Plans hold special category data about children, so every free-text column
is stored as a Fernet token. Keys come from SAFETYPLAN_ENCRYPTION_KEYS
(comma-separated, the first encrypts, all decrypt) or from a key file that is
created on first run with 0600 permissions. Rotation adds a new first key and
re-encrypts rows (bot/storage/rotation.py); old keys keep decrypting until
`safetyplan keys drop-old` removes them once nothing needs them. A process
whose keys came from the key file notices a rotation within a second, so
running servers need no restart.
"""

from __future__ import annotations

import os
import threading
import time
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
        if not stored.startswith(PREFIX):
            raise DecryptionError("value is not encrypted with a known scheme")
        try:
            token = self._fernet.rotate(stored[len(PREFIX) :].encode("ascii"))
        except InvalidToken as error:
            raise DecryptionError("no key can decrypt this value") from error
        return PREFIX + token.decode("ascii")

    def primary_only(self) -> Keyring:
        """A keyring with just the key that encrypts: what is left after old keys are dropped."""
        return Keyring(self.keys[:1])


def key_file(settings: Settings) -> Path:
    return settings.keys_dir / "encryption.keys"


def _write_private(path: Path, content: str) -> None:
    """Writes the whole file or nothing: a key file cut short would make every plan unreadable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


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


def keep_only_primary_key(settings: Settings) -> Keyring:
    """Drops every key but the first from the key file (after a rotation has finished)."""
    if settings.encryption_keys:
        raise RuntimeError(
            "keys come from SAFETYPLAN_ENCRYPTION_KEYS: remove the old keys from that setting"
        )
    keyring = load_keyring(settings).primary_only()
    _write_private(key_file(settings), keyring.keys[0].decode("ascii") + "\n")
    return keyring


_lock = threading.Lock()
_active: Keyring | None = None
# The key file the active keyring came from and how it looked then, so a
# rotation by `safetyplan keys rotate` reaches running servers.
_source: Path | None = None
_signature: tuple[int, int, int] | None = None
_checked_at = 0.0
RELOAD_CHECK_SECONDS = 1.0


def _file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_size)


def active_keyring() -> Keyring:
    global _active, _source, _signature, _checked_at
    with _lock:
        now = time.monotonic()
        if _active is not None and _source is not None and now - _checked_at > RELOAD_CHECK_SECONDS:
            _checked_at = now
            signature = _file_signature(_source)
            if signature is not None and signature != _signature:
                try:
                    _active = Keyring(_read_key_file(_source))
                    _signature = signature
                except (OSError, ValueError):
                    # Keep the keys in hand rather than stop reading plans; the
                    # next check tries again.
                    pass
        if _active is None:
            settings = load_settings()
            _active = load_keyring(settings)
            _source = None if settings.encryption_keys else key_file(settings)
            _signature = _file_signature(_source) if _source else None
            _checked_at = now
        return _active


def use_keyring(keyring: Keyring | None) -> None:
    """Replace the process-wide keyring (after rotation, or in tests)."""
    global _active, _source, _signature
    with _lock:
        _active = keyring
        _source = _signature = None
