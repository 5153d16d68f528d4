"""Download links: short-lived, single-use, and made only by the server.

A download token is signed (bot/access/signing.py) and names the case, the
kind of document and, when the conversation came from an invite, that invite.
It also carries a random id of its own. The first time a link is used that id
is written to the `used_downloads` table; a second use finds it there and is
refused. The table is in the shared database, so "once" holds however many
servers answer the links.

Links run out after SAFETYPLAN_DOWNLOAD_LINK_MINUTES (5 by default). In the web
chat a link is only made when the person presses the download button, so it
is not kept in the conversation, in the page, or in the browser's history.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.access.signing import InvalidToken, sign, verify
from bot.settings import Settings, load_settings
from bot.storage import tables

PURPOSE = "download"
PATH = "/chat/download/"
_ID_BYTES = 18


class LinkUsed(InvalidToken):
    """The link has been used already: each works once."""

    def __init__(self) -> None:
        super().__init__("used")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _new_id() -> str:
    while True:
        candidate = secrets.token_urlsafe(_ID_BYTES)
        if "999" not in candidate:
            return candidate


def mint(
    case_key: str, kind: str, invite_id: str | None = None, settings: Settings | None = None
) -> str:
    """A fresh token for one document of one case, good for one use within the lifetime.

    The case is named by its random link key, never its row id: an id can come
    back after an erase, and a revoke replaces the key.
    """
    settings = settings or load_settings()
    data: dict[str, Any] = {"c": case_key, "k": kind, "d": _new_id()}
    if invite_id:
        # Turning the invite off turns its download links off too.
        data["v"] = invite_id
    return sign(PURPOSE, data, settings.download_link_seconds, settings=settings)


def path(token: str) -> str:
    """The link on this server, as the web page asks for it (same origin, no host)."""
    return PATH + token


def url(token: str, settings: Settings | None = None) -> str:
    """The full link, for channels that show it as text (REST, the terminal, Teams)."""
    settings = settings or load_settings()
    return settings.public_url + path(token)


def is_own_link(address: str, settings: Settings | None = None) -> bool:
    """True for a download link on this server's own public address."""
    settings = settings or load_settings()
    prefix = settings.public_url + PATH
    token = address[len(prefix) :] if address.startswith(prefix) else ""
    return bool(token) and "/" not in token and "?" not in token and "#" not in token


def read(token: str, settings: Settings | None = None) -> dict[str, Any]:
    """The token's payload when its signature and lifetime hold; InvalidToken otherwise."""
    payload = verify(token, PURPOSE, settings)
    token_id = payload.get("d")
    if not isinstance(token_id, str) or not token_id or len(token_id) > 64:
        # Links made before links worked once carry no id: they no longer work.
        raise InvalidToken("malformed")
    return payload


def claim(session: Session, payload: dict[str, Any]) -> None:
    """Marks the link used, in the caller's transaction; LinkUsed when it already was.

    The caller commits at once: until then another server's claim of the same
    link waits for this one, then fails. After LinkUsed the transaction is
    spoilt and must be dropped, not committed.
    """
    now = _now()
    used = tables.used_downloads
    # Rows of links that have run out are of no more use: a used link is refused anyway.
    session.execute(sa.delete(used).where(used.c.expires_at < now))
    expires_at = dt.datetime.fromtimestamp(int(payload["e"]), dt.timezone.utc)
    try:
        session.execute(
            sa.insert(used).values(token_id=payload["d"], used_at=now, expires_at=expires_at)
        )
    except IntegrityError as error:
        raise LinkUsed() from error
