"""Web chat sessions: a server-made random id in a signed token, tied to an invite if any."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bot.access import sessions
from bot.access.invites import InviteRefused, create_invite, revoke
from bot.access.signing import InvalidToken, sign
from tests.support.webchat import token_payload, with_payload


def test_sender_ids_are_random_and_never_repeat() -> None:
    made = {sessions.new_sender_id() for _ in range(2000)}
    assert len(made) == 2000
    for sender in list(made)[:50]:
        assert re.fullmatch(r"web-[A-Za-z0-9_-]{24}", sender)


def test_a_session_round_trip(settings) -> None:
    session = sessions.WebSession(sessions.new_sender_id())
    token = sessions.issue(session, settings)
    assert sessions.open_session(token, settings) == session
    payload = token_payload(token)
    assert payload["p"] == "session" and payload["i"] is None
    lifetime = payload["e"] - token_payload(sessions.issue(session, settings))["e"]
    assert abs(lifetime) <= 2


def test_a_session_lasts_the_idle_time(settings) -> None:
    import time

    token = sessions.issue(sessions.WebSession(sessions.new_sender_id()), settings)
    expected = time.time() + settings.idle_minutes * 60
    assert abs(token_payload(token)["e"] - expected) < 5


def test_tampered_sessions_are_refused(settings) -> None:
    session = sessions.WebSession(sessions.new_sender_id())
    token = sessions.issue(session, settings)
    other = dataclasses.replace(settings, secret_key="another-secret-entirely-0123456789")
    for bad in (
        with_payload(token, s=sessions.new_sender_id()),
        with_payload(token, i="someinvite"),
        with_payload(token, e=token_payload(token)["e"] + 10**6),
        sessions.issue(session, other),
        sign("session", {"s": session.sender_id, "i": None}, -1, settings=settings),
        sign("download", {"s": session.sender_id, "i": None}, 60, settings=settings),
        sign("session", {"s": "rest-chosen", "i": None}, 60, settings=settings),
        sign("session", {"s": "web-short", "i": None}, 60, settings=settings),
        sign("session", {"s": session.sender_id, "i": 5}, 60, settings=settings),
        sign("session", {"i": None}, 60, settings=settings),
    ):
        with pytest.raises(InvalidToken):
            sessions.open_session(bad, settings)


def test_a_session_from_an_invite_ends_with_the_invite(settings, case) -> None:
    _case_id, reference = case
    invite = token_payload(create_invite(reference, "family", settings=settings).split("=", 1)[1])
    session = sessions.WebSession(sessions.new_sender_id(), invite["v"])
    token = sessions.issue(session, settings)
    assert sessions.open_session(token, settings) == session
    revoke(reference, settings=settings)
    with pytest.raises(InviteRefused) as refused:
        sessions.open_session(token, settings)
    assert refused.value.reason == "revoked"


def test_a_session_naming_an_unknown_invite_is_refused(settings) -> None:
    token = sessions.issue(sessions.WebSession(sessions.new_sender_id(), "not-an-invite"), settings)
    with pytest.raises(InviteRefused):
        sessions.open_session(token, settings)
