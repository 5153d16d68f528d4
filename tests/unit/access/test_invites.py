"""Invite links: bound to one case and one role, working until they expire or are revoked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa

from bot.access.invites import (
    InviteRefused,
    UnknownCase,
    check,
    create_invite,
    issue_invite,
    list_invites,
    revoke,
)
from bot.access.signing import InvalidToken, sign
from bot.plan.model import Role
from bot.storage.engine import engine_for
from tests.support.webchat import make_case, token_payload, with_payload


def token_of(link: str) -> str:
    return link.split("#invite=", 1)[1]


def test_a_link_opens_the_web_chat_on_its_case(settings, case) -> None:
    case_id, reference = case
    link = create_invite(reference, "family", settings=settings)
    assert link.startswith("https://plans.example/chat/#invite=")
    assert check(token_of(link), settings) == (
        case_id,
        Role.FAMILY,
        token_payload(token_of(link))["v"],
    )


def test_the_token_names_only_the_invite(settings, case) -> None:
    _case_id, reference = case
    payload = token_payload(token_of(create_invite(reference, "worker", 3, settings=settings)))
    assert set(payload) == {"v", "p", "e", "n"}
    assert payload["p"] == "invite"
    assert len(payload["v"]) >= 12
    assert "999" not in payload["v"]


def test_roles_and_lifetimes(settings, case) -> None:
    _case_id, reference = case
    invitation = issue_invite(reference, Role.WORKER, 2, settings=settings)
    assert invitation.invite.role is Role.WORKER
    lifetime = invitation.invite.expires_at - invitation.invite.created_at
    assert lifetime == dt.timedelta(days=2)
    assert invitation.case_reference == reference
    default = issue_invite(reference, "family", settings=settings).invite
    assert default.expires_at - default.created_at == dt.timedelta(
        days=settings.link_lifetime_days
    )
    with pytest.raises(ValueError):
        issue_invite(reference, "practising", settings=settings)
    with pytest.raises(ValueError):
        issue_invite(reference, "admin", settings=settings)
    with pytest.raises(ValueError):
        issue_invite(reference, "family", 0, settings=settings)


def test_an_unknown_case_gets_no_link(settings) -> None:
    with pytest.raises(UnknownCase):
        create_invite("SP-NOSUCH", "family", settings=settings)
    with pytest.raises(UnknownCase):
        revoke("SP-NOSUCH", settings=settings)
    with pytest.raises(UnknownCase):
        list_invites("SP-NOSUCH", settings=settings)


def test_revoking_one_or_all(settings, case) -> None:
    _case_id, reference = case
    first = token_of(create_invite(reference, "family", settings=settings))
    second = token_of(create_invite(reference, "worker", settings=settings))
    third = token_of(create_invite(reference, "family", settings=settings))
    assert revoke(reference, token_payload(first)["v"], settings=settings) == 1
    with pytest.raises(InviteRefused) as refused:
        check(first, settings)
    assert refused.value.reason == "revoked"
    check(second, settings)
    assert revoke(reference, token_payload(first)["v"], settings=settings) == 0
    assert revoke(reference, settings=settings) == 2
    for token in (second, third):
        with pytest.raises(InviteRefused):
            check(token, settings)
    listed = list_invites(reference, settings=settings)
    assert [i.public_id for i in listed] == [token_payload(t)["v"] for t in (first, second, third)]
    assert all(i.revoked_at is not None for i in listed)


def test_revoking_on_one_case_leaves_another_alone(settings, case) -> None:
    _case_id, reference = case
    _other_id, other = make_case(settings, "Mia")
    mine = token_of(create_invite(reference, "family", settings=settings))
    theirs = token_of(create_invite(other, "family", settings=settings))
    # Naming another case's invite revokes nothing.
    assert revoke(reference, token_payload(theirs)["v"], settings=settings) == 0
    check(theirs, settings)
    check(mine, settings)


def test_an_expired_invite_is_refused(settings, case) -> None:
    _case_id, reference = case
    token = token_of(create_invite(reference, "family", settings=settings))
    with engine_for(settings.database_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE invites SET expires_at = :t"),
            {"t": dt.datetime(2001, 1, 1)},
        )
    with pytest.raises(InviteRefused) as refused:
        check(token, settings)
    assert refused.value.reason == "expired"
    # And a token past its own expiry, whatever the row says.
    stale = sign("invite", {"v": token_payload(token)["v"]}, -1, settings=settings)
    with pytest.raises(InvalidToken):
        check(stale, settings)


def test_tampered_and_foreign_tokens_are_refused(settings, case) -> None:
    case_id, reference = case
    token = token_of(create_invite(reference, "family", settings=settings))
    _other_id, other = make_case(settings, "Mia")
    other_token = token_of(create_invite(other, "worker", settings=settings))
    forged = with_payload(token, v=token_payload(other_token)["v"])
    other_secret = dataclasses.replace(settings, secret_key="another-secret-entirely-0123456789")
    for bad in (
        forged,
        sign("invite", {"v": token_payload(token)["v"]}, 3600, settings=other_secret),
        sign("session", {"v": token_payload(token)["v"]}, 3600, settings=settings),
        sign("download", {"c": case_id, "k": "plan-worker"}, 3600, settings=settings),
        sign("invite", {"v": "made-up-id"}, 3600, settings=settings),
        sign("invite", {"c": case_id}, 3600, settings=settings),
        "",
        "no-dot",
        token + "x",
    ):
        with pytest.raises(InvalidToken):
            check(bad, settings)


def test_erasing_a_case_takes_its_invites(settings, case) -> None:
    case_id, reference = case
    token = token_of(create_invite(reference, "family", settings=settings))
    with engine_for(settings.database_url).begin() as connection:
        connection.execute(sa.text("DELETE FROM cases WHERE id = :i"), {"i": case_id})
        left = connection.execute(sa.text("SELECT COUNT(*) FROM invites")).scalar_one()
    assert left == 0
    with pytest.raises(InviteRefused) as refused:
        check(token, settings)
    assert refused.value.reason == "unknown"
