"""Recording a meeting, one answer per unit of work (issue 15).

Each method loads the case, makes one change through bot.meetings.recording,
commits, and returns what to ask next. So every answer is saved as it is
given, and stopping halfway leaves the meeting "in progress" with everything
said so far. The chat (not built here) keeps the meeting's uid and the uids or
ids the last ``Ask`` carried, and calls the method for the answer it got.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot import snapshots
from bot.meetings import recording
from bot.meetings.recording import Ask, MeetingError
from bot.plan.model import Meeting, MeetingType, Pair, Person, Plan, Step, StepStatus
from bot.storage.unit_of_work import SqlUnitOfWork


class MeetingRecorder:
    def __init__(
        self,
        uow_factory: Callable[[], SqlUnitOfWork],
        actor: str,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._uow_factory = uow_factory
        self.actor = actor  # who is recording, for the change log ("Sam Patel (social worker)")
        self.clock = clock

    @contextmanager
    def _case(self, reference: str) -> Iterator[tuple[SqlUnitOfWork, Plan]]:
        with self._uow_factory() as uow:
            plan = uow.plans.get(reference)
            if plan is None:
                raise MeetingError("no such case")
            yield uow, plan

    def start(self, reference: str, kind: MeetingType, held_on: dt.date) -> tuple[str, Ask]:
        """A new meeting on an existing case: its uid and the first question."""
        with self._case(reference) as (uow, plan):
            meeting = recording.start_meeting(plan, kind, held_on, self.actor, self.clock())
            uow.commit()
            return meeting.uid, recording.next_question(plan, meeting)

    def next_question(self, reference: str, meeting_uid: str) -> Ask:
        """Where a meeting's record has got to: for carrying on after a stop."""
        with self._case(reference) as (_uow, plan):
            return recording.next_question(plan, recording.find_meeting(plan, meeting_uid))

    def _step(
        self, reference: str, meeting_uid: str, change: Callable[[Plan, Meeting], Ask]
    ) -> Ask:
        with self._case(reference) as (uow, plan):
            ask = change(plan, recording.find_meeting(plan, meeting_uid))
            uow.commit()
            return ask

    def add_attendee(
        self,
        reference: str,
        meeting_uid: str,
        typed: str,
        role: str | None = None,
        chaired: bool = False,
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.add_attendee(plan, m, typed, self.actor, role, chaired),
        )

    def choose_person(
        self,
        reference: str,
        meeting_uid: str,
        typed: str,
        choice: str,
        role: str | None = None,
        chaired: bool = False,
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.choose_person(
                plan, m, typed, choice, self.actor, role, chaired
            ),
        )

    def attendees_complete(self, reference: str, meeting_uid: str) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.attendees_complete(plan, m, self.actor),
        )

    def answer_score(
        self, reference: str, meeting_uid: str, pair_uid: str, person_id: int, text: str
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.answer_score(
                plan, m, _pair(plan, pair_uid), _person(plan, person_id), text, self.actor
            ),
        )

    def give_reason(
        self, reference: str, meeting_uid: str, pair_uid: str, person_id: int, reason: str
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.give_reason(
                plan, m, _pair(plan, pair_uid), _person(plan, person_id), reason, self.actor
            ),
        )

    def not_scored(self, reference: str, meeting_uid: str, pair_uid: str, person_id: int) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.not_scored(
                plan, m, _pair(plan, pair_uid), _person(plan, person_id), self.actor
            ),
        )

    def mark_step(
        self,
        reference: str,
        meeting_uid: str,
        step_uid: str,
        status: StepStatus,
        note: str | None = None,
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.mark_step(
                plan, m, _step_of(plan, step_uid), status, self.actor, note
            ),
        )

    def add_step(self, reference: str, meeting_uid: str, what: str) -> Ask:
        return self._step(
            reference, meeting_uid, lambda plan, m: recording.add_step(plan, m, what, self.actor)
        )

    def step_who(self, reference: str, meeting_uid: str, step_uid: str, who: str | None) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.set_step_who(
                plan, m, _step_of(plan, step_uid), who, self.actor
            ),
        )

    def step_due(
        self, reference: str, meeting_uid: str, step_uid: str, due: dt.date | None
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.set_step_due(
                plan, m, _step_of(plan, step_uid), due, self.actor
            ),
        )

    def no_more_steps(self, reference: str, meeting_uid: str) -> Ask:
        return self._step(reference, meeting_uid, recording.no_more_steps)

    def check_closure(
        self, reference: str, meeting_uid: str, date: dt.date | None = None
    ) -> Ask:
        return self._step(
            reference,
            meeting_uid,
            lambda plan, m: recording.check_closure(plan, m, self.actor, date),
        )

    def check_changes(self, reference: str, meeting_uid: str) -> Ask:
        return self._step(reference, meeting_uid, recording.check_changes)

    def finish(self, reference: str, meeting_uid: str) -> Ask:
        def finish(plan: Plan, meeting: Meeting) -> Ask:
            were_in_progress = snapshots.in_progress(plan)
            ask = recording.finish_meeting(plan, meeting, self.actor)
            # The plan as it stood when the record was finished, kept with the meeting.
            snapshots.keep_finished(plan, were_in_progress)
            return ask

        return self._step(reference, meeting_uid, finish)


def _pair(plan: Plan, uid: str) -> Pair:
    pair = next((p for p in plan.pairs if p.uid == uid), None)
    if pair is None:
        raise MeetingError("no such pair in this plan")
    return pair


def _person(plan: Plan, person_id: int) -> Person:
    person = next((p for p in plan.people if p.id is not None and p.id == person_id), None)
    if person is None:
        raise MeetingError("no such person in this plan")
    return person


def _step_of(plan: Plan, uid: str) -> Step:
    step = next((s for s in plan.steps if s.uid == uid), None)
    if step is None:
        raise MeetingError("no such step on this plan's timeline")
    return step
