"""A change names the meeting it was made at, and a meeting keeps the plan as it stood:
both are kept and read back, the snapshot encrypted (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.plan.model import Meeting, MeetingStatus, MeetingType, Step
from bot.storage.engine import engine_for
from bot.storage.unit_of_work import SqlUnitOfWork


def test_changes_keep_their_meeting_and_the_meeting_keeps_its_snapshot(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        meeting = Meeting(MeetingType.CORE_GROUP, dt.date(2026, 11, 12))
        plan.meetings.append(meeting)
        plan.record("Sam Patel (social worker)", "added", meeting.label, meeting=meeting)
        plan.steps.append(Step("Dean to see the GP"))
        plan.record("Sam Patel (social worker)", "added", "step 1")
        meeting.status = MeetingStatus.COMPLETE
        meeting.snapshot = '{"marker": "snapshot-marker-text"}'
        reference = plan.reference
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        [meeting] = plan.meetings
        assert [(r.what, r.meeting is meeting, r.when) for r in plan.revisions] == [
            ("Core group, 12 November 2026", True, "at the Core group, 12 Nov 2026"),
            ("step 1", False, "between meetings"),
        ]
        assert meeting.snapshot == '{"marker": "snapshot-marker-text"}'
    with engine_for(database_url).connect() as connection:
        stored = connection.execute(sa.text("SELECT snapshot FROM meetings")).scalar_one()
    assert "snapshot-marker" not in stored and stored.startswith("f1:")


def test_a_meeting_that_goes_leaves_its_changes_between_meetings(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        meeting = Meeting(MeetingType.CORE_GROUP, dt.date(2026, 11, 12))
        plan.meetings.append(meeting)
        plan.record("Sam", "added", meeting.label, meeting=meeting)
        reference = plan.reference
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        plan.meetings.clear()
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None and len(plan.revisions) == 1
        assert plan.revisions[0].meeting is None
