"""Signed, expiring tokens: links and sessions carry their own proof, checked on every use.

A token is base64url(JSON payload) "." base64url(HMAC-SHA256), with the
payload naming its purpose so a token made for one use (a download link) is
refused for another (a chat session).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from pathlib import Path
from typing import Any

from bot.private_files import read_or_create_secret
from bot.settings import Settings, load_settings


class InvalidToken(ValueError):
    """The token is malformed, forged, expired or for another purpose."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _secret_file(settings: Settings) -> Path:
    return settings.keys_dir / "signing.key"


_lock = threading.Lock()
_cache: dict[str, bytes] = {}


def signing_secret(settings: Settings | None = None) -> bytes:
    settings = settings or load_settings()
    if settings.secret_key:
        return settings.secret_key.encode("utf-8")
    path = _secret_file(settings)
    with _lock:
        cached = _cache.get(str(path))
        if cached:
            return cached
        secret = read_or_create_secret(path).encode("ascii")
        _cache[str(path)] = secret
        return secret


def sign(
    purpose: str, data: dict[str, Any], lifetime_seconds: int, settings: Settings | None = None
) -> str:
    secret = signing_secret(settings)
    while True:
        payload = dict(
            data, p=purpose, e=int(time.time()) + lifetime_seconds, n=secrets.token_hex(4)
        )
        body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8"))
        mac = _b64(hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest())
        token = f"{body}.{mac}"
        # Tokens travel inside bot messages, which may show "999" only on the
        # urgent path; a fresh nonce gives a different token.
        if "999" not in token:
            return token


def verify(token: str, purpose: str, settings: Settings | None = None) -> dict[str, Any]:
    if not isinstance(token, str) or token.count(".") != 1 or len(token) > 2048:
        raise InvalidToken("malformed")
    body, mac = token.split(".")
    secret = signing_secret(settings)
    expected = _b64(hmac.new(secret, body.encode("ascii", "replace"), hashlib.sha256).digest())
    # As bytes: compare_digest refuses str with non-ASCII characters (a mangled link).
    if not hmac.compare_digest(expected.encode("ascii"), mac.encode("utf-8", "replace")):
        raise InvalidToken("bad signature")
    try:
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidToken("malformed") from error
    if not isinstance(payload, dict) or payload.get("p") != purpose:
        raise InvalidToken("wrong purpose")
    if int(payload.get("e", 0)) < time.time():
        raise InvalidToken("expired")
    return payload
