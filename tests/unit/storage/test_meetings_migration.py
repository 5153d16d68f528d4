"""Migration 0007 on a database with meetings and scores in it: all kept, nothing invented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from bot.plan.model import MeetingStatus
from bot.plan.progress import history, progress_reading
from bot.storage.engine import engine_for
from bot.storage.migrate import alembic_config, upgrade
from bot.storage.types import EncryptedJSON, EncryptedText
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.databases import postgres_database, sqlite_database

NOW = dt.datetime(2026, 11, 30, 12, 0)

_cases = sa.table(
    "cases",
    sa.column("id"),
    sa.column("reference"),
    sa.column("status"),
    sa.column("written_with", EncryptedJSON()),
    sa.column("version"),
    sa.column("created_at"),
    sa.column("updated_at"),
    sa.column("link_key"),
)
_people = sa.table(
    "people",
    sa.column("case_id"),
    sa.column("position"),
    sa.column("name", EncryptedText()),
    sa.column("relationship", EncryptedText()),
    sa.column("is_professional"),
)
_pairs = sa.table(
    "pairs",
    sa.column("id"),
    sa.column("case_id"),
    sa.column("uid"),
    sa.column("position"),
    sa.column("danger_confirmed"),
    sa.column("goal_confirmed"),
)
_meetings = sa.table(
    "meetings",
    sa.column("id"),
    sa.column("case_id"),
    sa.column("uid"),
    sa.column("kind"),
    sa.column("held_on"),
    sa.column("attendees", EncryptedJSON()),
)
_scores = sa.table(
    "scores",
    sa.column("pair_id"),
    sa.column("meeting_id"),
    sa.column("person_name", EncryptedText()),
    sa.column("value"),
    sa.column("reason", EncryptedText()),
    sa.column("scored_on"),
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url_at_0006(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = sqlite_database(tmp_path)
        upgrade(url, "0006")
        yield url
    else:
        with postgres_database() as url:
            upgrade(url, "0006")
            yield url


def _fill(url: str) -> None:
    with engine_for(url).begin() as c:
        c.execute(
            sa.insert(_cases).values(
                id=1,
                reference="SP-OLD001",
                status="active",
                written_with=[],
                version=3,
                created_at=NOW,
                updated_at=NOW,
                link_key="k" * 22,
            )
        )
        c.execute(
            sa.insert(_people),
            [
                {
                    "case_id": 1,
                    "position": 0,
                    "name": "Sarah",
                    "relationship": "Mum",
                    "is_professional": False,
                },
                {
                    "case_id": 1,
                    "position": 1,
                    "name": "Dan",
                    "relationship": "Dad",
                    "is_professional": False,
                },
            ],
        )
        c.execute(
            sa.insert(_pairs).values(
                id=1,
                case_id=1,
                uid="pairuid001",
                position=0,
                danger_confirmed=True,
                goal_confirmed=True,
            )
        )
        c.execute(
            sa.insert(_meetings).values(
                id=1,
                case_id=1,
                uid="meetuid001",
                kind="cp_conference",
                held_on=dt.date(2026, 10, 1),
                attendees=["Sarah", "Health visitor"],
            )
        )
        c.execute(
            sa.insert(_scores),
            [
                # Given in the chat before meetings were recorded.
                {
                    "pair_id": 1,
                    "meeting_id": None,
                    "person_name": "Sarah",
                    "value": 2.0,
                    "reason": "early days",
                    "scored_on": dt.date(2026, 9, 1),
                },
                {
                    "pair_id": 1,
                    "meeting_id": 1,
                    "person_name": "Sarah",
                    "value": 3.0,
                    "reason": None,
                    "scored_on": dt.date(2026, 10, 1),
                },
                {
                    "pair_id": 1,
                    "meeting_id": 1,
                    "person_name": "Health visitor",
                    "value": 4.5,
                    "reason": "he is trying",
                    "scored_on": dt.date(2026, 10, 1),
                },
            ],
        )


def test_upgrading_keeps_every_meeting_attendee_and_score_as_it_was(url_at_0006: str) -> None:
    _fill(url_at_0006)
    upgrade(url_at_0006)
    with SqlUnitOfWork(url_at_0006) as uow:
        plan = uow.plans.get("SP-OLD001")
        assert plan is not None
        [meeting] = plan.meetings
        # Recorded by the old one-pass flow: complete; which conference it was is not guessed.
        assert meeting.status is MeetingStatus.COMPLETE and meeting.attendees_complete
        assert meeting.kind.label == "Child protection conference"
        assert [(a.name, a.person, a.role, a.chaired) for a in meeting.attendees] == [
            ("Sarah", None, None, False),
            ("Health visitor", None, None, False),
        ]
        scores = plan.pairs[0].scores
        assert [
            (s.person_name, s.value, s.reason, s.meeting is meeting, s.person) for s in scores
        ] == [
            ("Sarah", 2.0, "early days", False, None),
            ("Sarah", 3.0, None, True, None),
            ("Health visitor", 4.5, "he is trying", True, None),
        ]
        table = history(plan, plan.pairs[0])
        assert [c.label() for c in table.columns] == [
            "Not at a recorded meeting, 1 Sep 2026",
            "Child protection conference, 1 Oct 2026",
        ]
        # Sarah's name matches the plan's Sarah exactly, so her two scores are one line.
        assert table.names == ["Sarah", "Health visitor"]
        assert progress_reading(plan) == [
            "Worry 1 was first scored at the conference: scores from 3 to 4.5."
        ]


def test_downgrading_gives_the_attendee_names_back(url_at_0006: str) -> None:
    _fill(url_at_0006)
    upgrade(url_at_0006)
    config = alembic_config(url_at_0006)
    with engine_for(url_at_0006).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    with engine_for(url_at_0006).connect() as c:
        [names] = c.execute(sa.select(_meetings.c.attendees)).scalars().all()
        assert names == ["Sarah", "Health visitor"]
        assert c.execute(sa.select(sa.func.count()).select_from(_scores)).scalar_one() == 3
    upgrade(url_at_0006)
