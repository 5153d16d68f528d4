"""The shared secret between the Rasa server and the action server.

The action server runs every action for any sender id it is told about, so
it answers only callers that prove they hold this secret: the Rasa server
sends it on every call (`Authorization: Bearer <secret>`, from the
`action_endpoint` headers the launcher writes; Rasa's own `token:` option,
sent as `?token=`, is accepted too). It exists in every mode, development
included: from SAFETYPLAN_ACTION_SECRET, or else a random one made on first
use in `var/keys/action.key` (0600).
"""

from __future__ import annotations

import hmac
from pathlib import Path

from bot.private_files import read_or_create_secret
from bot.settings import Settings

ENV = "SAFETYPLAN_ACTION_SECRET"
HEADER = "Authorization"


def secret_file(settings: Settings) -> Path:
    return settings.keys_dir / "action.key"


def action_secret(settings: Settings) -> str:
    if settings.action_secret:
        return settings.action_secret
    return read_or_create_secret(secret_file(settings))


def _same(given: str | None, secret: str) -> bool:
    if not given:
        return False
    # As bytes: compare_digest refuses str with non-ASCII characters.
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


def presented(authorization: str | None, token: str | None, secret: str) -> bool:
    """Whether a request carried the secret, in its Authorization header or `?token=`."""
    scheme, _, value = (authorization or "").partition(" ")
    by_header = _same(value.strip(), secret) if scheme.lower() == "bearer" else False
    by_query = _same(token, secret)
    return by_header or by_query
