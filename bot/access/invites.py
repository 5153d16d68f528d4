"""Invite links: a signed token that opens the web chat on one case, for one role.

The token only names the invite (its random public id); the row in the
database says which case and role it stands for and whether it still works,
so a worker can revoke a link that has already been sent. Nothing a client
chooses (a sender id, a case number) ever picks the case.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from bot.access.signing import InvalidToken, sign, verify
from bot.plan.model import Role, new_link_key
from bot.settings import Settings, load_settings
from bot.storage.invites import Invite, InviteRepository
from bot.storage.unit_of_work import SqlUnitOfWork

PURPOSE = "invite"
INVITE_ROLES = (Role.FAMILY, Role.WORKER)


class UnknownCase(LookupError):
    """No case has the reference given."""


class InviteRefused(InvalidToken):
    """The invite exists but can no longer be used (revoked, expired, or its case is gone)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Grant:
    """What an invite allows: this case, in this role."""

    case_id: int
    role: Role
    invite_id: str


@dataclass(frozen=True)
class Invitation:
    invite: Invite
    case_reference: str
    link: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _new_public_id() -> str:
    # Shown to workers (`safetyplan invites`) and carried inside tokens; tokens
    # may travel in bot messages, which keep "999" for the urgent path.
    while True:
        candidate = secrets.token_urlsafe(9)
        if "999" not in candidate:
            return candidate


def _case_id(uow: SqlUnitOfWork, case_reference: str) -> int:
    plan = uow.plans.get(case_reference)
    if plan is None or plan.id is None:
        raise UnknownCase(case_reference)
    return int(plan.id)


def issue_invite(
    case_reference: str,
    role: Role | str,
    days: int | None = None,
    settings: Settings | None = None,
) -> Invitation:
    settings = settings or load_settings()
    role = Role(role)
    if role not in INVITE_ROLES:
        raise ValueError("an invite is for a family member or a worker")
    days = settings.link_lifetime_days if days is None else days
    if days < 1:
        raise ValueError("an invite must last at least one day")
    now = _now()
    with SqlUnitOfWork(settings.database_url) as uow:
        case_id = _case_id(uow, case_reference)
        invite = Invite(
            public_id=_new_public_id(),
            case_id=case_id,
            role=role,
            created_at=now,
            expires_at=now + dt.timedelta(days=days),
        )
        InviteRepository(uow.session).add(invite)
        reference = uow.plans.get_by_id(case_id).reference  # type: ignore[union-attr]
        uow.commit()
    token = sign(PURPOSE, {"v": invite.public_id}, days * 86400, settings=settings)
    # In the fragment: a browser never sends it to a server (ours, a proxy's logs,
    # another site as a Referer), and the page takes it out of the address at once.
    return Invitation(invite, reference, f"{settings.public_url}/chat/#invite={token}")


def create_invite(
    case_reference: str, role: Role | str, days: int | None = None, settings: Settings | None = None
) -> str:
    """The link that opens the web chat on the case, for the role."""
    return issue_invite(case_reference, role, days, settings).link


def list_invites(case_reference: str, settings: Settings | None = None) -> list[Invite]:
    settings = settings or load_settings()
    with SqlUnitOfWork(settings.database_url) as uow:
        return InviteRepository(uow.session).for_case(_case_id(uow, case_reference))


def revoke(
    case_reference: str, invite_id: str | None = None, settings: Settings | None = None
) -> int:
    """Stops one invite of a case, or every way into it; returns how many invites were open.

    Without `invite_id` the case's link key is replaced too, which ends every
    conversation on the case (the one that created it included) and every
    download link made before; access comes back only through a new invite.
    """
    settings = settings or load_settings()
    with SqlUnitOfWork(settings.database_url) as uow:
        case_id = _case_id(uow, case_reference)
        count = InviteRepository(uow.session).revoke(case_id, _now(), invite_id)
        if invite_id is None:
            plan = uow.plans.get_by_id(case_id)
            assert plan is not None
            plan.link_key = new_link_key()
        uow.commit()
    return count


def grant_for(invite_id: str, settings: Settings | None = None) -> Grant:
    """The grant of an invite that is still usable; InviteRefused otherwise."""
    settings = settings or load_settings()
    with SqlUnitOfWork(settings.database_url) as uow:
        invite = InviteRepository(uow.session).get(invite_id)
    if invite is None:
        raise InviteRefused("unknown")
    if invite.revoked_at is not None:
        raise InviteRefused("revoked")
    if not invite.usable(_now()):
        raise InviteRefused("expired")
    return Grant(invite.case_id, invite.role, invite.public_id)


def check(token: str, settings: Settings | None = None) -> tuple[int, Role, str]:
    """(case_id, role, invite_id) for a valid invite token; InvalidToken otherwise."""
    payload = verify(token, PURPOSE, settings)
    invite_id = payload.get("v")
    if not isinstance(invite_id, str) or not invite_id:
        raise InvalidToken("malformed")
    grant = grant_for(invite_id, settings)
    return grant.case_id, grant.role, grant.invite_id
