"""Migration 0008 on a database with meetings, scores and a change log: all kept, nothing
invented (no change is guessed to have been made at a meeting; no old meeting gains a
snapshot of a plan it never saw)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

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
    sa.column("status"),
    sa.column("attendees_complete"),
)
_scores = sa.table(
    "scores",
    sa.column("pair_id"),
    sa.column("meeting_id"),
    sa.column("person_name", EncryptedText()),
    sa.column("value"),
    sa.column("scored_on"),
)
_revisions = sa.table(
    "revisions",
    sa.column("case_id"),
    sa.column("at"),
    sa.column("actor", EncryptedText()),
    sa.column("action"),
    sa.column("what", EncryptedText()),
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url_at_0007(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = sqlite_database(tmp_path)
        upgrade(url, "0007")
        yield url
    else:
        with postgres_database() as url:
            upgrade(url, "0007")
            yield url


def _fill(url: str) -> None:
    with engine_for(url).begin() as c:
        c.execute(
            sa.insert(_cases).values(
                id=1, reference="SP-OLD008", status="active", written_with=[], version=4,
                created_at=NOW, updated_at=NOW, link_key="k" * 22,
            )
        )
        c.execute(
            sa.insert(_pairs).values(
                id=1, case_id=1, uid="pairuid008", position=0,
                danger_confirmed=True, goal_confirmed=True,
            )
        )
        c.execute(
            sa.insert(_meetings).values(
                id=1, case_id=1, uid="meetuid008", kind="core_group",
                held_on=dt.date(2026, 11, 12), status="complete", attendees_complete=True,
            )
        )
        c.execute(
            sa.insert(_scores).values(
                pair_id=1, meeting_id=1, person_name="Sarah", value=4.0,
                scored_on=dt.date(2026, 11, 12),
            )
        )
        c.execute(
            sa.insert(_revisions),
            [
                {"case_id": 1, "at": NOW, "actor": "Sam (worker)", "action": "added",
                 "what": "Core group, 12 November 2026"},
                {"case_id": 1, "at": NOW, "actor": "Sam (worker)", "action": "added",
                 "what": "step 2"},
            ],
        )


def test_upgrading_keeps_the_log_and_meetings_and_invents_no_meeting_or_snapshot(
    url_at_0007: str,
) -> None:
    _fill(url_at_0007)
    upgrade(url_at_0007)
    with SqlUnitOfWork(url_at_0007) as uow:
        plan = uow.plans.get("SP-OLD008")
        assert plan is not None
        [meeting] = plan.meetings
        assert meeting.snapshot is None
        # The score still names its meeting: meetings was not rebuilt.
        assert plan.pairs[0].scores[0].meeting is meeting
        assert [(r.what, r.meeting, r.when) for r in plan.revisions] == [
            ("Core group, 12 November 2026", None, "between meetings"),
            ("step 2", None, "between meetings"),
        ]


def test_downgrading_to_0007_keeps_the_rest(url_at_0007: str) -> None:
    _fill(url_at_0007)
    upgrade(url_at_0007)
    command.downgrade(alembic_config(url_at_0007), "0007")
    with engine_for(url_at_0007).connect() as c:
        columns = {col["name"] for col in sa.inspect(c).get_columns("revisions")}
        assert "meeting_id" not in columns
        assert "snapshot" not in {col["name"] for col in sa.inspect(c).get_columns("meetings")}
        assert c.execute(sa.select(sa.func.count()).select_from(_revisions)).scalar_one() == 2
        assert c.execute(sa.select(_scores.c.meeting_id)).scalar_one() == 1
