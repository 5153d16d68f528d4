"""The invites table, read and written inside a unit of work's session.

Invites are plain rows rather than mapped domain objects: nothing in the plan
or the interview needs them, only the access rules in bot/access/invites.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.plan.model import Role
from bot.storage import tables


@dataclass(frozen=True)
class Invite:
    public_id: str
    case_id: int
    role: Role
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None = None

    def usable(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


def _invite(row: sa.engine.Row) -> Invite:
    return Invite(
        public_id=row.public_id,
        case_id=row.case_id,
        role=row.role,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


class InviteRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, invite: Invite) -> None:
        self.session.execute(
            sa.insert(tables.invites).values(
                public_id=invite.public_id,
                case_id=invite.case_id,
                role=invite.role,
                created_at=invite.created_at,
                expires_at=invite.expires_at,
                revoked_at=invite.revoked_at,
            )
        )

    def get(self, public_id: str) -> Invite | None:
        row = self.session.execute(
            sa.select(tables.invites).where(tables.invites.c.public_id == public_id)
        ).first()
        return _invite(row) if row is not None else None

    def for_case(self, case_id: int) -> list[Invite]:
        rows = self.session.execute(
            sa.select(tables.invites)
            .where(tables.invites.c.case_id == case_id)
            .order_by(tables.invites.c.created_at, tables.invites.c.id)
        )
        return [_invite(row) for row in rows]

    def revoke(self, case_id: int, at: dt.datetime, public_id: str | None = None) -> int:
        """Revokes one invite of the case, or all of them; returns how many were still open."""
        condition = sa.and_(
            tables.invites.c.case_id == case_id, tables.invites.c.revoked_at.is_(None)
        )
        if public_id is not None:
            condition = sa.and_(condition, tables.invites.c.public_id == public_id)
        result = self.session.execute(
            sa.update(tables.invites).where(condition).values(revoked_at=at)
        )
        return int(result.rowcount or 0)
