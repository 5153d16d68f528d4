"""A change names the meeting it was made at, and a meeting keeps the plan as it stood:
both are kept and read back, the snapshot encrypted (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.plan.model import Meeting, MeetingStatus, MeetingType, Step, StepStatus
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


def test_finishing_a_meeting_keeps_the_plan_as_it_stood_and_later_changes_do_not_reach_it(
    database_url: str,
) -> None:
    from bot import snapshots
    from bot.meeting_service import MeetingRecorder
    from bot.plan.model import Person

    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.people.append(Person("Sarah", "Mum"))
        plan.steps.append(Step("Dan goes to the group", "Dan"))
        reference = plan.reference
        uow.commit()
    recorder = MeetingRecorder(
        lambda: SqlUnitOfWork(database_url), "Sam Patel", clock=lambda: dt.date(2026, 11, 12)
    )
    uid, _ask = recorder.start(reference, MeetingType.CORE_GROUP, dt.date(2026, 11, 12))
    recorder.add_attendee(reference, uid, "Sarah")
    recorder.attendees_complete(reference, uid)
    recorder.mark_step(reference, uid, _step_uid(database_url, reference), StepStatus.NOT_YET)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None and plan.meetings[0].snapshot is None  # not finished yet
    recorder.finish(reference, uid)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        plan.steps.append(Step("Nan's number on the fridge"))
        plan.record("Sam Patel", "added", "step 2")
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        [meeting] = plan.meetings
        # Every change made while recording it names it; the later one is between meetings.
        assert {r.when for r in plan.revisions[:-1]} == {"at the Core group, 12 Nov 2026"}
        assert plan.revisions[-1].when == "between meetings"
        stood = snapshots.plan_as_it_stood(meeting)
        assert stood is not None
        assert [s.what for s in stood.steps] == ["Dan goes to the group"]
        assert len(plan.steps) == 2
        assert stood.meetings[0].is_complete and stood.meetings[0].label == meeting.label


def test_a_meeting_finished_before_snapshots_were_kept_gets_none_later() -> None:
    from bot import snapshots
    from bot.plan.model import Plan

    plan = Plan(reference="SP-OLD")
    old = Meeting(MeetingType.CORE_GROUP, dt.date(2026, 10, 1), status=MeetingStatus.COMPLETE)
    plan.meetings.append(old)
    before = snapshots.in_progress(plan)
    plan.steps.append(Step("something new"))
    assert snapshots.keep_finished(plan, before) == []
    assert old.snapshot is None and snapshots.plan_as_it_stood(old) is None


def _step_uid(url: str, reference: str) -> str:
    with SqlUnitOfWork(url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        return plan.steps[0].uid
