"""One function per step of recording a meeting, each returning what to ask next.

The next question is always the first thing the meeting still lacks (as in
the interview): who was there, then pair by pair each attendee's score with a
reason (their score at the previous meeting beside it), then each step on the
timeline, then "is that everything?". So stopping halfway and coming back, or a
second worker picking it up, carries on from the same place; until someone says
it is finished the meeting stays "in progress".

Names typed for attendees are matched to the plan's people. Only an exact
match (name, or a role only one person has, like "Dad") is taken as that
person; anything else close is asked about, never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz import fuzz

from bot.meetings.planning import take_up
from bot.parsing.dates import format_uk_date
from bot.parsing.scores import parse_score
from bot.plan.model import (
    Attendee,
    Meeting,
    MeetingStatus,
    MeetingType,
    Pair,
    Person,
    Plan,
    Score,
    Step,
    StepReview,
    StepStatus,
)
from bot.plan.progress import previous_meeting, scores_at, step_status

# How alike a typed name and a recorded one must be (rapidfuzz WRatio, 0-100)
# for the recorder to ask "did you mean ...?" rather than add someone new.
SIMILAR = 80


class AskKind(str, Enum):
    ATTENDEE = "attendee"  # who else was there? (or "that's everyone")
    WHICH_PERSON = "which_person"  # the typed name could be one of these people
    SCORE = "score"  # this attendee's score for this pair
    REASON = "reason"  # why that score
    STEP = "step"  # done / not yet / changed / dropped
    NEW_STEP = "new_step"  # any new step agreed? (or "no new steps")
    STEP_WHO = "step_who"  # who will do the new step
    STEP_WHEN = "step_when"  # by when
    CLOSURE = "closure"  # is the target date to close the case still right?
    CHANGES = "changes"  # did anything else in the plan change?
    FINISH = "finish"  # everything is asked: is the meeting finished?
    FINISHED = "finished"  # nothing more to ask


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Previous:
    """A score from the previous meeting, shown beside today's question."""

    name: str
    value: float
    reason: str | None
    # The plan's record of them; None for an older score kept under a name only.
    person: Person | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Ask:
    kind: AskKind
    text: str
    meeting_uid: str
    choices: tuple[Choice, ...] = ()
    pair_uid: str | None = None
    step_uid: str | None = None
    person: Person | None = None
    # What was typed, carried while asking which person it means.
    typed: str | None = None
    role: str | None = None
    previous: tuple[Previous, ...] = ()
    previous_meeting: str | None = None  # its label
    # Set when the answer could not be used; the question is asked again.
    problem: str | None = None
    candidates: tuple[Person, ...] = field(default=(), compare=False)


class MeetingError(ValueError):
    """A request that does not fit this plan (a pair, step or person not in it)."""


NEW_PERSON = "new"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _describe(person: Person) -> str:
    return f"{person.name} ({person.relationship})" if person.relationship else person.name


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


# -- starting ------------------------------------------------------------------------


def meeting_type_choices() -> tuple[Choice, ...]:
    return tuple(Choice(kind.value, kind.label) for kind in MeetingType.offered())


def start_meeting(
    plan: Plan, kind: MeetingType, held_on: dt.date, actor: str, today: dt.date
) -> Meeting:
    """A new meeting record on this case, in progress until someone says it is finished.

    A meeting planned for this kind and date is taken up instead of a second one
    being made: the scores people gave before it are already there, and
    next_question does not ask for them again.
    """
    if held_on > today + dt.timedelta(days=366):
        raise MeetingError("a meeting more than a year ahead is probably a mistyped date")
    taken = take_up(plan, kind, held_on, actor)
    if taken is not None:
        return taken
    meeting = Meeting(kind=kind, held_on=held_on)
    plan.meetings.append(meeting)
    plan.record(actor, "added", meeting.label, meeting=meeting)
    return meeting


def in_progress(plan: Plan) -> list[Meeting]:
    """Meetings someone started recording and did not finish, oldest first.

    A planned meeting is not one of them: it has not happened yet.
    """
    return [m for m in plan.meetings if m.status is MeetingStatus.IN_PROGRESS]


def find_meeting(plan: Plan, uid: str) -> Meeting:
    meeting = next((m for m in plan.meetings if m.uid == uid), None)
    if meeting is None:
        raise MeetingError("no such meeting in this plan")
    return meeting


# -- who was there ---------------------------------------------------------------------


def match_person(plan: Plan, typed: str) -> tuple[Person | None, list[Person]]:
    """(the person, []) when the name is certain; (None, candidates) otherwise."""
    wanted = _key(typed)
    if not wanted:
        return None, []
    exact = [p for p in plan.people if _key(p.name) == wanted]
    if len(exact) == 1:
        return exact[0], []
    if len(exact) > 1:
        return None, exact
    by_role = [p for p in plan.people if p.relationship and _key(p.relationship) == wanted]
    if len(by_role) == 1:
        return by_role[0], []
    scored = []
    for person in plan.people:
        best = max(
            fuzz.WRatio(wanted, _key(person.name)),
            fuzz.WRatio(wanted, _key(person.relationship)) if person.relationship else 0,
        )
        if best >= SIMILAR:
            scored.append((best, person))
    scored.sort(key=lambda item: -item[0])
    return None, [p for _, p in scored] + [p for p in by_role if p not in [q for _, q in scored]]


def add_attendee(
    plan: Plan,
    meeting: Meeting,
    typed: str,
    actor: str,
    role: str | None = None,
    chaired: bool = False,
) -> Ask:
    """Someone named as being at the meeting: linked to the plan's record of them, or asked."""
    name = _clean(typed)
    if not name:
        return next_question(plan, meeting, problem="Please give the person's name or role.")
    person, candidates = match_person(plan, name)
    if person is not None:
        return _attend(plan, meeting, person, actor, role, chaired)
    if candidates:
        options = [Choice(str(plan.people.index(p)), _describe(p)) for p in candidates]
        options.append(Choice(NEW_PERSON, f"Someone else called {name}"))
        if len(candidates) == 1:
            text = f"Is {name} the same person as {_describe(candidates[0])}?"
        else:
            text = f"Which {name} do you mean?"
        return Ask(
            AskKind.WHICH_PERSON,
            text,
            meeting.uid,
            choices=tuple(options),
            typed=name,
            role=role,
            candidates=tuple(candidates),
        )
    person = plan.add_person(Person(name=name, relationship=_clean(role) or None))
    plan.record(actor, "added", f"{name} to the network", meeting=meeting)
    return _attend(plan, meeting, person, actor, role, chaired)


def choose_person(
    plan: Plan,
    meeting: Meeting,
    typed: str,
    choice: str,
    actor: str,
    role: str | None = None,
    chaired: bool = False,
) -> Ask:
    """The answer to WHICH_PERSON: a choice's value (an existing person) or NEW_PERSON."""
    name = _clean(typed)
    if choice == NEW_PERSON:
        person = Person(name=name, relationship=_clean(role) or None)
        plan.people.append(person)  # not add_person: that would merge by name
        plan.record(actor, "added", f"{name} to the network", meeting=meeting)
    else:
        try:
            person = plan.people[int(choice)]
        except (ValueError, IndexError) as error:
            raise MeetingError("no such person in this plan") from error
    return _attend(plan, meeting, person, actor, role, chaired)


def _attend(
    plan: Plan, meeting: Meeting, person: Person, actor: str, role: str | None, chaired: bool
) -> Ask:
    attendee = meeting.attendee_for(person)
    if attendee is None:
        attendee = Attendee(
            name=person.name, person=person, role=_clean(role) or person.relationship
        )
        meeting.attendees.append(attendee)
        plan.record(actor, "added", f"{person.name} at the {meeting.label}", meeting=meeting)
    elif role:
        attendee.role = _clean(role)
    if chaired:
        set_chair(plan, meeting, person, actor)
    return next_question(plan, meeting)


def set_chair(plan: Plan, meeting: Meeting, person: Person, actor: str) -> Ask:
    attendee = meeting.attendee_for(person)
    if attendee is None:
        raise MeetingError("the chair must be one of the people at the meeting")
    for other in meeting.attendees:
        other.chaired = other is attendee
    plan.record(actor, "changed", f"who chaired the {meeting.label}", meeting=meeting)
    return next_question(plan, meeting)


def attendees_complete(plan: Plan, meeting: Meeting, actor: str) -> Ask:
    """ "That's everyone": scoring starts."""
    if not meeting.attendees:
        return next_question(
            plan, meeting, problem="Please name at least one person who was at the meeting."
        )
    meeting.attendees_complete = True
    plan.record(actor, "changed", f"who was at the {meeting.label}", meeting=meeting)
    return next_question(plan, meeting)


# -- scores ----------------------------------------------------------------------------


def _check_value(value: float) -> str | None:
    if not math.isfinite(value) or value < 0 or value > 10:
        return "The scale goes from 0 to 10."
    if not float(value * 2).is_integer():
        return "Please give a whole number or a half, like 6 or 6.5."
    return None


def _pair(plan: Plan, pair: Pair) -> Pair:
    if not any(p is pair for p in plan.pairs):
        raise MeetingError("that pair is not one of this plan's")
    return pair


def record_score(
    plan: Plan,
    meeting: Meeting,
    pair: Pair,
    person: Person,
    value: float,
    reason: str | None,
    actor: str,
) -> Ask:
    """One attendee's score for one pair at this meeting; a second one corrects the first."""
    _pair(plan, pair)
    attendee = meeting.attendee_for(person)
    if attendee is None:
        raise MeetingError("only people at the meeting score at it")
    problem = _check_value(float(value))
    if problem:
        return _score_ask(plan, meeting, pair, attendee, problem=problem)
    reason = _clean(reason) or None
    existing = _score_of(meeting, pair, person)
    number = plan.pairs.index(pair) + 1
    if existing is not None:
        existing.value = float(value)
        existing.reason = reason if reason is not None else existing.reason
        plan.record(
            actor,
            "changed",
            f"{person.name}'s score for worry {number} ({meeting.label})",
            meeting=meeting,
        )
        score = existing
    else:
        score = Score(
            person_name=person.name,
            value=float(value),
            reason=reason,
            scored_on=meeting.held_on,
            meeting=meeting,
            person=person,
        )
        pair.scores.append(score)
        plan.record(
            actor,
            "added",
            f"{person.name}'s score for worry {number} ({meeting.label})",
            meeting=meeting,
        )
    if pair.uid in attendee.not_scored:
        attendee.not_scored = [u for u in attendee.not_scored if u != pair.uid]
    if score.reason is None:
        return Ask(
            AskKind.REASON,
            f"Why did {person.name} give {_fmt(score.value)}?",
            meeting.uid,
            pair_uid=pair.uid,
            person=person,
        )
    return next_question(plan, meeting)


def answer_score(
    plan: Plan, meeting: Meeting, pair: Pair, person: Person, text: str, actor: str
) -> Ask:
    """A typed answer like "6 because he's been to every session" (the chat's way in)."""
    parsed = parse_score(text)
    if parsed.value is None:
        attendee = meeting.attendee_for(person)
        if attendee is None:
            raise MeetingError("only people at the meeting score at it")
        return _score_ask(plan, meeting, pair, attendee, problem=parsed.problem)
    return record_score(plan, meeting, pair, person, parsed.value, parsed.reason, actor)


def give_reason(
    plan: Plan, meeting: Meeting, pair: Pair, person: Person, reason: str, actor: str
) -> Ask:
    score = _score_of(meeting, pair, person)
    if score is None:
        raise MeetingError("there is no score to give a reason for")
    text = _clean(reason)
    if text:
        score.reason = text
        plan.record(actor, "changed", f"the reason for {person.name}'s score", meeting=meeting)
    return next_question(plan, meeting)


def not_scored(plan: Plan, meeting: Meeting, pair: Pair, person: Person, actor: str) -> Ask:
    """This attendee did not score this pair (did not want to, or left early)."""
    _pair(plan, pair)
    attendee = meeting.attendee_for(person)
    if attendee is None:
        raise MeetingError("that person was not at the meeting")
    if pair.uid not in attendee.not_scored:
        attendee.not_scored = [*attendee.not_scored, pair.uid]
        plan.record(
            actor,
            "changed",
            f"{person.name} did not score worry {plan.pairs.index(pair) + 1}",
            meeting=meeting,
        )
    return next_question(plan, meeting)


def _score_of(meeting: Meeting, pair: Pair, person: Person) -> Score | None:
    mine = [s for s in pair.scores if s.meeting is meeting and s.person is person]
    return mine[-1] if mine else None


def previous_scores(
    plan: Plan, meeting: Meeting, pair: Pair
) -> tuple[Meeting | None, tuple[Previous, ...]]:
    """The previous meeting's scores for the same pair, to show beside today's."""
    before = previous_meeting(plan, meeting, pair)
    if before is None:
        return None, ()
    return before, tuple(
        Previous(
            who.name if isinstance(who, Person) else who,
            float(s.value),
            s.reason,
            who if isinstance(who, Person) else None,
        )
        for who, s in scores_at(plan, before, pair)
    )


def _score_ask(
    plan: Plan, meeting: Meeting, pair: Pair, attendee: Attendee, problem: str | None = None
) -> Ask:
    number = plan.pairs.index(pair) + 1
    before, previous = previous_scores(plan, meeting, pair)
    theirs = next(
        (p for p in previous if p.person is not None and p.person is attendee.person), None
    )
    question = pair.scaling_question or f"Where are things now for worry {number}, from 0 to 10?"
    if any(s.meeting is meeting for s in pair.scores):
        # The question was shown with the first score for this worry at this meeting.
        text = f"Worry {number}. What score did {attendee.name} give, and why?"
    else:
        text = f"Worry {number}. {question}\nWhat score did {attendee.name} give, and why?"
    if theirs is not None and before is not None:
        text += f"\n(At the {before.kind.short} {attendee.name} gave {_fmt(theirs.value)}.)"
    return Ask(
        AskKind.SCORE,
        text,
        meeting.uid,
        pair_uid=pair.uid,
        person=attendee.person,
        previous=previous,
        previous_meeting=before.label if before is not None else None,
        problem=problem,
    )


# -- the timeline ----------------------------------------------------------------------


def step_choices() -> tuple[Choice, ...]:
    return tuple(Choice(s.value, s.label) for s in StepStatus.verdicts())


def mark_step(
    plan: Plan,
    meeting: Meeting,
    step: Step,
    status: StepStatus,
    actor: str,
    note: str | None = None,
) -> Ask:
    if not any(s is step for s in plan.steps):
        raise MeetingError("that step is not on this plan's timeline")
    if status not in StepStatus.verdicts():
        raise MeetingError("a step is agreed by adding it, not by reviewing it")
    review = meeting.review_of(step)
    if review is None:
        meeting.step_reviews.append(StepReview(step=step, status=status, note=_clean(note) or None))
    else:
        review.status = status
        review.note = _clean(note) or review.note
    # The plan's own "done" follows the latest word on it.
    step.done = status is StepStatus.DONE
    number = plan.steps.index(step) + 1
    plan.record(
        actor, "changed", f"step {number}: {status.label} ({meeting.label})", meeting=meeting
    )
    return next_question(plan, meeting)


# -- new steps, the closure date, anything else -----------------------------------------


def added_at(meeting: Meeting) -> list[Step]:
    """The steps this meeting agreed, in the order they were added."""
    return [r.step for r in meeting.step_reviews if r.status is StepStatus.AGREED]


def _step_of(plan: Plan, step: Step) -> int:
    if not any(s is step for s in plan.steps):
        raise MeetingError("that step is not on this plan's timeline")
    return plan.steps.index(step) + 1


def add_step(plan: Plan, meeting: Meeting, what: str, actor: str) -> Ask:
    """A new step the meeting agreed, in the words given; then who will do it."""
    text = _clean(what)
    if not text:
        return next_question(plan, meeting, problem="Please say what will happen.")
    step = Step(what=text)
    plan.steps.append(step)
    meeting.step_reviews.append(StepReview(step=step, status=StepStatus.AGREED))
    number = len(plan.steps)
    plan.record(actor, "added", f"step {number}", meeting=meeting)
    return _who_ask(plan, meeting, step)


def _who_ask(plan: Plan, meeting: Meeting, step: Step, problem: str | None = None) -> Ask:
    number = _step_of(plan, step)
    people = [a.name for a in meeting.attendees]
    return Ask(
        AskKind.STEP_WHO,
        f"Step {number}: {step.what}. Who will do it?",
        meeting.uid,
        choices=tuple(Choice(name, name) for name in people[:6]),
        step_uid=step.uid,
        problem=problem,
    )


def _when_ask(plan: Plan, meeting: Meeting, step: Step, problem: str | None = None) -> Ask:
    number = _step_of(plan, step)
    return Ask(
        AskKind.STEP_WHEN,
        f"By when should step {number} be done? For example 'by 20 January' or 'in two weeks'.",
        meeting.uid,
        step_uid=step.uid,
        problem=problem,
    )


def set_step_who(plan: Plan, meeting: Meeting, step: Step, who: str | None, actor: str) -> Ask:
    """Who will do a new step, as said (None: not decided yet); then by when."""
    number = _step_of(plan, step)
    name = _clean(who) or None
    if name is not None:
        step.who = name
        plan.record(actor, "changed", f"who does step {number}", meeting=meeting)
    return _when_ask(plan, meeting, step)


def set_step_due(
    plan: Plan,
    meeting: Meeting,
    step: Step,
    due: dt.date | None,
    actor: str,
    said: str | None = None,
) -> Ask:
    """When a new step is due (None: no date agreed); then "any other new step?"."""
    number = _step_of(plan, step)
    if due is not None:
        step.due = due
        step.due_text = _clean(said) or None
        plan.record(actor, "changed", f"the date for step {number}", meeting=meeting)
    return next_question(plan, meeting)


def no_more_steps(plan: Plan, meeting: Meeting) -> Ask:
    meeting.new_steps_done = True
    return next_question(plan, meeting)


def check_closure(
    plan: Plan,
    meeting: Meeting,
    actor: str,
    date: dt.date | None = None,
    said: str | None = None,
) -> Ask:
    """The target date to close the case: kept as it is, or the new date the meeting set."""
    if date is not None:
        plan.target_closure_date = date
        plan.target_closure_text = _clean(said) or None
        plan.record(actor, "changed", "the target date for closing the case", meeting=meeting)
    meeting.closure_checked = True
    return next_question(plan, meeting)


def check_changes(plan: Plan, meeting: Meeting) -> Ask:
    """ "Did anything else change?" answered; the chat opens the plan when it did."""
    meeting.changes_checked = True
    return next_question(plan, meeting)


# -- finishing ------------------------------------------------------------------------


def finish_meeting(plan: Plan, meeting: Meeting, actor: str) -> Ask:
    meeting.status = MeetingStatus.COMPLETE
    plan.record(actor, "changed", f"the {meeting.label}: finished", meeting=meeting)
    return Ask(AskKind.FINISHED, f"The {meeting.label} is saved.", meeting.uid)


# -- what next ------------------------------------------------------------------------


def _settled_before(plan: Plan, step: Step) -> bool:
    """Done or dropped at an earlier meeting: not asked about again at every meeting."""
    return step.done or step_status(plan, step) is StepStatus.DROPPED


def next_question(plan: Plan, meeting: Meeting, problem: str | None = None) -> Ask:
    """The first thing this meeting's record still lacks."""
    if meeting.status is MeetingStatus.COMPLETE:
        return Ask(AskKind.FINISHED, f"The {meeting.label} is saved.", meeting.uid)
    if not meeting.attendees_complete:
        named = ", ".join(a.name for a in meeting.attendees)
        text = (
            f"Who was at the {meeting.label}? One person at a time, with their role."
            if not named
            else f"So far: {named}. Who else was there? Say 'that's everyone' when done."
        )
        return Ask(AskKind.ATTENDEE, text, meeting.uid, problem=problem)
    for pair in plan.pairs:
        for attendee in meeting.attendees:
            if pair.uid in attendee.not_scored:
                continue
            if attendee.person is not None and _score_of(meeting, pair, attendee.person) is None:
                return _score_ask(plan, meeting, pair, attendee, problem=problem)
    for step in plan.steps:
        if meeting.review_of(step) is None and not _settled_before(plan, step):
            number = plan.steps.index(step) + 1
            who = f" ({step.who})" if step.who else ""
            due = f", due {format_uk_date(step.due)}" if step.due else ""
            return Ask(
                AskKind.STEP,
                f"Step {number}: {step.what}{who}{due}. Is it done, not yet, changed or dropped?",
                meeting.uid,
                choices=step_choices(),
                step_uid=step.uid,
                problem=problem,
            )
    short = meeting.kind.short
    if not meeting.new_steps_done:
        if added_at(meeting):
            text = "Any other new step? Say what will happen, or 'no more'."
        else:
            text = (
                f"Did the {short} agree any new steps? Tell me one at a time: what will "
                "happen. Or say 'no new steps'."
            )
        return Ask(AskKind.NEW_STEP, text, meeting.uid, problem=problem)
    if not meeting.closure_checked:
        if plan.target_closure_date is not None:
            when = format_uk_date(plan.target_closure_date)
            text = (
                f"The target date to close the case is {when}. Is that still right? "
                "If the meeting changed it, give the new date."
            )
        else:
            text = (
                f"Did the {short} set a target date to close the case? "
                "Give the date, or say 'not yet'."
            )
        return Ask(AskKind.CLOSURE, text, meeting.uid, problem=problem)
    if not meeting.changes_checked:
        return Ask(
            AskKind.CHANGES,
            f"Did the {short} change anything else in the plan, like the plan rules "
            "or who is in the safety network?",
            meeting.uid,
            choices=(Choice("no", "No"), Choice("yes", "Yes, I'll change the plan")),
            problem=problem,
        )
    return Ask(
        AskKind.FINISH,
        f"That's everything for the {meeting.label}. Is the record finished?",
        meeting.uid,
        problem=problem,
    )
