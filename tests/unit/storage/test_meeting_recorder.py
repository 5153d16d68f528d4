"""Recording a meeting through the database: each answer is saved as it is given."""

from __future__ import annotations

import datetime as dt

from bot.meeting_service import MeetingRecorder
from bot.meetings.recording import AskKind
from bot.plan.model import MeetingStatus, MeetingType, Pair, Person, Step, StepStatus
from bot.storage.unit_of_work import SqlUnitOfWork

WORKER = "Sam Patel (social worker)"


def _case(url: str) -> str:
    with SqlUnitOfWork(url) as uow:
        plan = uow.plans.new_plan()
        plan.people += [Person("Sarah", "Mum"), Person("Dan", "Dad")]
        plan.pairs += [Pair(danger_statement="one"), Pair(danger_statement="two")]
        plan.steps.append(Step("Dan goes to the group", "Dan", dt.date(2027, 1, 20)))
        uow.commit()
        return plan.reference


def test_each_answer_is_kept_and_a_stopped_meeting_carries_on_where_it_was(
    database_url: str,
) -> None:
    reference = _case(database_url)
    recorder = MeetingRecorder(
        lambda: SqlUnitOfWork(database_url), WORKER, clock=lambda: dt.date(2027, 2, 1)
    )
    uid, ask = recorder.start(reference, MeetingType.CORE_GROUP, dt.date(2027, 2, 1))
    assert ask.kind is AskKind.ATTENDEE
    recorder.add_attendee(reference, uid, "Sarah", chaired=False)
    ask = recorder.add_attendee(reference, uid, "Nan", role="Sarah's mum")
    assert ask.kind is AskKind.ATTENDEE
    ask = recorder.attendees_complete(reference, uid)
    assert ask.kind is AskKind.SCORE and ask.person is not None and ask.person.id is not None
    ask = recorder.answer_score(
        reference, uid, ask.pair_uid or "", ask.person.id, "6.5 because Dan has been twice"
    )
    # Stop here. A new unit of work (another server, the next day) sees it all.
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        meeting = plan.meetings[0]
        assert meeting.status is MeetingStatus.IN_PROGRESS
        assert [(a.name, a.role, a.person is not None) for a in meeting.attendees] == [
            ("Sarah", "Mum", True),
            ("Nan", "Sarah's mum", True),
        ]
        assert plan.people[-1].name == "Nan"  # joined the network
        [score] = [s for s in plan.pairs[0].scores if s.meeting is meeting]
        assert (score.value, score.reason, score.person) == (
            6.5,
            "Dan has been twice",
            plan.people[0],
        )
    again = recorder.next_question(reference, uid)
    assert again.kind is AskKind.SCORE and again.person is not None
    assert again.person.name == "Nan"
    for pair_uid, person_id in [(again.pair_uid, again.person.id)]:
        recorder.not_scored(reference, uid, pair_uid or "", person_id or 0)
    ask = recorder.next_question(reference, uid)
    while ask.kind is AskKind.SCORE:
        assert ask.person is not None and ask.person.id is not None
        ask = recorder.answer_score(reference, uid, ask.pair_uid or "", ask.person.id, "5 ok")
    assert ask.kind is AskKind.STEP
    ask = recorder.mark_step(reference, uid, ask.step_uid or "", StepStatus.DONE, "went twice")
    assert ask.kind is AskKind.NEW_STEP
    ask = recorder.add_step(reference, uid, "Nan to collect Leo on Fridays")
    assert ask.kind is AskKind.STEP_WHO
    ask = recorder.step_who(reference, uid, ask.step_uid or "", "Nan")
    ask = recorder.step_due(reference, uid, ask.step_uid or "", dt.date(2027, 1, 29))
    assert recorder.no_more_steps(reference, uid).kind is AskKind.CLOSURE
    # Stopped here: the questions answered so far are not asked again.
    assert recorder.next_question(reference, uid).kind is AskKind.CLOSURE
    assert recorder.check_closure(reference, uid).kind is AskKind.CHANGES
    assert recorder.next_question(reference, uid).kind is AskKind.CHANGES
    assert recorder.check_changes(reference, uid).kind is AskKind.FINISH
    recorder.finish(reference, uid)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        meeting = plan.meetings[0]
        assert meeting.status is MeetingStatus.COMPLETE
        assert [(r.step is plan.steps[0], r.status, r.note) for r in meeting.step_reviews] == [
            (True, StepStatus.DONE, "went twice"),
            (False, StepStatus.AGREED, None),
        ]
        new = plan.steps[-1]
        assert (new.what, new.who, new.due) == (
            "Nan to collect Leo on Fridays", "Nan", dt.date(2027, 1, 29))
        assert plan.steps[0].done
        assert meeting.attendees[1].not_scored == [plan.pairs[0].uid]
        assert any("Nan to the network" in r.what for r in plan.revisions)
