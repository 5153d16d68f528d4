"""Web chat sessions: the conversation's identity is a random id inside a signed token.

The server makes the sender id, so it can be neither guessed nor chosen by a
client; the token carries it, with the invite it came from (if any), and is
checked on every request. A session from an invite stops working as soon as
the invite is revoked or runs out, and any session as soon as its case is
revoked.

A token lasts SAFETYPLAN_IDLE_MINUTES (30 by default). The web chat hands out a
fresh one with every answer, so a chat in use carries on and a chat left alone
on a shared phone closes by itself; the plan stays on the server.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from bot.access.invites import InviteRefused, grant_for
from bot.access.signing import InvalidToken, sign, verify
from bot.settings import Settings, load_settings

PURPOSE = "session"
SENDER_PREFIX = "web-"
_SENDER = re.compile(r"^web-[A-Za-z0-9_-]{24}$")


@dataclass(frozen=True)
class WebSession:
    sender_id: str
    invite_id: str | None = None


def new_sender_id() -> str:
    return SENDER_PREFIX + secrets.token_urlsafe(18)


def issue(session: WebSession, settings: Settings | None = None) -> str:
    settings = settings or load_settings()
    return sign(
        PURPOSE,
        {"s": session.sender_id, "i": session.invite_id},
        settings.idle_seconds,
        settings=settings,
    )


def open_session(token: str, settings: Settings | None = None) -> WebSession:
    """The session a token stands for; InvalidToken (or InviteRefused) when it may not be used."""
    payload = verify(token, PURPOSE, settings)
    sender_id = payload.get("s")
    invite_id = payload.get("i")
    if not isinstance(sender_id, str) or not _SENDER.match(sender_id):
        raise InvalidToken("malformed")
    if invite_id is not None:
        if not isinstance(invite_id, str):
            raise InvalidToken("malformed")
        grant_for(invite_id, settings)
    from bot.services import ConversationService

    if ConversationService(settings).conversation_ended(sender_id):
        # `safetyplan revoke CASE` ends every conversation on the case, the one
        # that created it included: its history can no longer be read either.
        raise InviteRefused("revoked")
    return WebSession(sender_id, invite_id)
