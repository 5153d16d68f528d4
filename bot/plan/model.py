"""The safety plan as the practice describes it, free of any framework.

A plan belongs to a case: the children, their safety network, the three
columns of the assessment map, danger statements paired one-to-one with
safety goals (each pair with its own scaling question, scores and plan
rules), a timeline of steps ending in a target closure date, the meetings
where people scored, and a revision log because the plan belongs to the
network and changes between meetings.

Entities are plain dataclasses with ``eq=False`` so that identity, not field
values, says whether two objects are the same thing; the storage layer maps
them onto tables without these classes knowing. A list's order is the truth;
``position`` fields are kept in step with it by the storage layer.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from enum import Enum

from bot.plan.meeting_types import meeting_kind, meeting_kinds


def new_uid() -> str:
    """A stable identity for things the interview refers back to, known before saving."""
    # No digit 9: identities can travel in button payloads, and bot replies
    # may contain "999" only on the urgent-danger path.
    return "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz2345678") for _ in range(10))


def new_link_key() -> str:
    """A random key for links to a plan: 128 bits, never derived from anything stored."""
    # Links travel in bot replies, which may contain "999" only on the urgent path.
    while True:
        key = secrets.token_urlsafe(16)
        if "999" not in key:
            return key


class Role(str, Enum):
    FAMILY = "family"
    WORKER = "worker"
    PRACTISING = "practising"

    @property
    def is_professional(self) -> bool:
        return self is not Role.FAMILY


class CaseStatus(str, Enum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class ColumnKind(str, Enum):
    """Which column of the assessment map an entry sits in, and what it is."""

    HARM = "harm"  # worried: harm that has happened
    COMPLICATING = "complicating"  # worried: things that make it harder to solve
    STRENGTH = "strength"  # working well: good things about the family
    EXISTING_SAFETY = "existing_safety"  # working well: protection shown when the worry was there
    NEEDS = "needs"  # what needs to happen

    @property
    def column(self) -> str:
        return {
            ColumnKind.HARM: "worried",
            ColumnKind.COMPLICATING: "worried",
            ColumnKind.STRENGTH: "working_well",
            ColumnKind.EXISTING_SAFETY: "working_well",
            ColumnKind.NEEDS: "needs_to_happen",
        }[self]


class RuleKind(str, Enum):
    GOING_WELL = "going_well"
    TRIGGER = "trigger"
    RED_FLAG = "red_flag"
    WHO_DOES_WHAT = "who_does_what"

    @property
    def heading(self) -> str:
        return {
            RuleKind.GOING_WELL: "How we'll know it's going well",
            RuleKind.TRIGGER: "Stresses and triggers",
            RuleKind.RED_FLAG: "Red flags",
            RuleKind.WHO_DOES_WHAT: "Who will do what",
        }[self]


class MeetingType(str, Enum):
    """The kinds of meeting; their words (and which are offered) are data: meeting_types.yml."""

    TAF = "taf"
    CIN = "cin"
    INITIAL_CONFERENCE = "initial_conference"
    REVIEW_CONFERENCE = "review_conference"
    CORE_GROUP = "core_group"
    FAMILY_NETWORK = "family_network"
    OTHER = "other"
    # Records from before initial and review conferences were told apart.
    CP_CONFERENCE = "cp_conference"

    @property
    def label(self) -> str:
        return meeting_kind(self.value).label

    @property
    def family_label(self) -> str:
        return meeting_kind(self.value).family_label

    @property
    def short(self) -> str:
        """The meeting in a sentence: "since the <short>"."""
        return meeting_kind(self.value).short

    @classmethod
    def offered(cls) -> list[MeetingType]:
        """The kinds a person may choose, in the data's order."""
        return [cls(kind.id) for kind in meeting_kinds() if kind.offered]


class MeetingStatus(str, Enum):
    # Set for a date to come: people may score before it; it has not happened.
    # (The status column is a non-native enum without a constraint: no migration.)
    PLANNED = "planned"
    # Stopping halfway keeps what was given; the meeting stays in progress.
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


class StepStatus(str, Enum):
    """Where a step on the timeline stands, as a meeting reviewed it."""

    DONE = "done"
    NOT_YET = "not_yet"
    CHANGED = "changed"
    DROPPED = "dropped"
    # A new step the meeting agreed: not a verdict on an older one, so never offered
    # as an answer to "is it done?", and nothing to review until the next meeting.
    AGREED = "agreed"

    @property
    def label(self) -> str:
        return {
            StepStatus.DONE: "done",
            StepStatus.NOT_YET: "not yet",
            StepStatus.CHANGED: "changed",
            StepStatus.DROPPED: "dropped",
            StepStatus.AGREED: "agreed (new)",
        }[self]

    @classmethod
    def verdicts(cls) -> tuple[StepStatus, ...]:
        """What a meeting can say about a step it reviews."""
        return (cls.DONE, cls.NOT_YET, cls.CHANGED, cls.DROPPED)


@dataclass(eq=False)
class Child:
    first_name: str
    age: int | None = None
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class Person:
    """Someone in the safety network: family, friends, neighbours, professionals."""

    name: str
    relationship: str | None = None
    is_professional: bool = False
    contact: str | None = None
    role_in_plan: str | None = None
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class ColumnEntry:
    kind: ColumnKind
    text: str
    # For existing safety: how long it has been shown (in the person's words).
    how_long: str | None = None
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class Attendee:
    """Someone at a meeting, in a role at that meeting: one of the plan's people.

    ``person`` is None only for attendees recorded before meetings linked
    people (their name is all that was kept, and nobody guesses who they were).
    """

    name: str
    person: Person | None = None
    # Their role at this meeting, in the words given ("Mum", "Independent chair").
    role: str | None = None
    chaired: bool = False
    # Pairs (by uid) this person was asked about and did not score, so nobody asks again.
    not_scored: list[str] = field(default_factory=list)
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class StepReview:
    """What one meeting said about one step on the timeline."""

    step: Step
    status: StepStatus
    note: str | None = None
    id: int | None = None


@dataclass(eq=False)
class Meeting:
    kind: MeetingType
    held_on: dt.date
    attendees: list[Attendee] = field(default_factory=list)
    status: MeetingStatus = MeetingStatus.IN_PROGRESS
    # Whoever records the meeting says when everyone present has been named.
    attendees_complete: bool = False
    # The questions after the steps, answered once each (so stopping halfway, or a
    # second worker carrying on, does not ask them again): "any new steps?",
    # "is the target closure date still right?", "anything else changed?".
    new_steps_done: bool = False
    closure_checked: bool = False
    changes_checked: bool = False
    step_reviews: list[StepReview] = field(default_factory=list)
    # The plan as it stood when the record was finished (the JSON export's text),
    # so a worker can see it later; None for meetings finished before this was kept
    # and for meetings still in progress.
    snapshot: str | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.kind.label}, {self.held_on.strftime('%-d %B %Y')}"

    @property
    def short_label(self) -> str:
        """ "Core group, 12 Nov 2026": where a change was made, in the change log."""
        return f"{self.kind.label}, {self.held_on.day} {self.held_on:%b %Y}"

    @property
    def chair(self) -> Attendee | None:
        return next((a for a in self.attendees if a.chaired), None)

    @property
    def is_complete(self) -> bool:
        return self.status is MeetingStatus.COMPLETE

    @property
    def is_planned(self) -> bool:
        """Set for a date to come and not yet recorded: it has not happened."""
        return self.status is MeetingStatus.PLANNED

    def attendee_for(self, person: Person) -> Attendee | None:
        return next((a for a in self.attendees if a.person is person), None)

    @property
    def attendee_names(self) -> list[str]:
        return [a.name for a in self.attendees]

    def review_of(self, step: Step) -> StepReview | None:
        return next((r for r in self.step_reviews if r.step is step), None)


@dataclass(eq=False)
class Score:
    """One person's judgement, 0 to 10, on one pair, at one time."""

    person_name: str
    value: float
    reason: str | None = None
    # What one point higher would look like, in this person's words.
    one_point_higher: str | None = None
    scored_on: dt.date = field(default_factory=dt.date.today)
    meeting: Meeting | None = None
    # The plan's record of the person; None for scores kept from before every
    # score had one (their name is all that is known, and nothing is guessed).
    person: Person | None = None
    id: int | None = None


@dataclass(eq=False)
class PlanRule:
    kind: RuleKind
    text: str
    # For "who will do what": the person, what they will do, how to reach them.
    person_name: str | None = None
    action: str | None = None
    contact: str | None = None
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class Pair:
    """A danger statement and the safety goal paired with it, with its scale and rules."""

    # Danger statement, from its parts.
    danger_who: str | None = None
    danger_behaviour: str | None = None
    danger_impact: str | None = None
    danger_statement: str | None = None
    danger_confirmed: bool = False
    # Safety goal, from its parts.
    goal_happening: str | None = None
    goal_who: str | None = None
    goal_duration: str | None = None
    safety_goal: str | None = None
    goal_confirmed: bool = False
    scaling_question: str | None = None
    scores: list[Score] = field(default_factory=list)
    rules: list[PlanRule] = field(default_factory=list)
    uid: str = field(default_factory=new_uid)
    position: int | None = None
    id: int | None = None

    def rules_of(self, kind: RuleKind) -> list[PlanRule]:
        return [r for r in self.rules if r.kind is kind]


@dataclass(eq=False)
class Step:
    """A step on the timeline: what, who, by when, and whether it is done."""

    what: str
    who: str | None = None
    due: dt.date | None = None
    # The words the person used for the date ("by the end of March").
    due_text: str | None = None
    done: bool = False
    uid: str = field(default_factory=new_uid)
    position: int | None = None
    id: int | None = None


@dataclass(eq=False)
class OpenQuestion:
    """A question skipped or left open: it shows in the plan as still to do."""

    key: str
    label: str
    noted_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    id: int | None = None


@dataclass(eq=False)
class Revision:
    """Who changed what and when: the plan belongs to the network."""

    actor: str
    action: str  # "added", "changed", "removed"
    what: str
    detail: str | None = None
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    # The meeting whose record this change was made in; None: between meetings.
    meeting: Meeting | None = None
    id: int | None = None

    @property
    def when(self) -> str:
        """ "at the Core group, 12 Nov 2026" or "between meetings"."""
        if self.meeting is None:
            return "between meetings"
        return f"at the {self.meeting.short_label}"

    @property
    def is_flag_review(self) -> bool:
        """A worker reviewed a danger-now flag: worker-only, like the flags themselves."""
        return self.action == FLAG_REVIEWED[0] and self.what == FLAG_REVIEWED[1]


# (action, what) of the change-log entry a flag review leaves.
FLAG_REVIEWED = ("reviewed", "a danger-now flag: not urgent")


class AlreadyReviewed(ValueError):
    """The flag was reviewed before; a review is not changed or repeated."""


@dataclass(eq=False)
class UrgentFlag:
    """A moment when someone said a child might be in danger now.

    A worker who has looked into it may mark it "reviewed: not urgent", with
    their name, when, and an optional note; until then it stays in view.
    """

    message: str
    channel: str
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    reviewed_at: dt.datetime | None = None
    # The reviewer's name, as they gave it ("Sam Patel").
    reviewed_by: str | None = None
    review_note: str | None = None
    id: int | None = None

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None

    def mark_reviewed(
        self, by: str, note: str | None = None, at: dt.datetime | None = None
    ) -> None:
        """Reviewed: not urgent, by this person (a name is required), now unless ``at`` says."""
        if self.is_reviewed:
            raise AlreadyReviewed("this flag has been reviewed already")
        name = " ".join((by or "").split())
        if not name:
            raise ValueError("a review needs the name of the person who reviewed the flag")
        if at is not None and at.tzinfo is None:
            raise ValueError("the time of a review must be timezone-aware")
        note = (note or "").strip()
        self.reviewed_by = name
        self.review_note = note or None
        self.reviewed_at = at or dt.datetime.now(dt.timezone.utc)


@dataclass(eq=False)
class Plan:
    reference: str
    status: CaseStatus = CaseStatus.DRAFT
    target_closure_date: dt.date | None = None
    target_closure_text: str | None = None
    # Who the plan was written with, in the order they joined ("Sarah (mum)").
    written_with: list[str] = field(default_factory=list)
    # The id of a fictional case when this plan was drafted in practice mode.
    practice_case: str | None = None
    version: int = 1
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    updated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    children: list[Child] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    entries: list[ColumnEntry] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    urgent_flags: list[UrgentFlag] = field(default_factory=list)
    # A random key that links to this plan carry instead of its id; replaced
    # when every link and conversation of the case is revoked.
    link_key: str = field(default_factory=new_link_key)
    id: int | None = None

    # -- reading -------------------------------------------------------------

    @property
    def children_names(self) -> str:
        return join_names([c.first_name for c in self.children])

    def entries_of(self, kind: ColumnKind) -> list[ColumnEntry]:
        return [e for e in self.entries if e.kind is kind]

    def find_person(self, name: str) -> Person | None:
        wanted = _name_key(name)
        for person in self.people:
            if _name_key(person.name) == wanted:
                return person
        return None

    def open_question(self, key: str) -> OpenQuestion | None:
        return next((q for q in self.open_questions if q.key == key), None)

    @property
    def is_practice(self) -> bool:
        return self.practice_case is not None

    @property
    def unreviewed_flags(self) -> list[UrgentFlag]:
        """Danger-now flags nobody has reviewed yet, in the order they were raised."""
        return [f for f in self.urgent_flags if not f.is_reviewed]

    @property
    def reviewed_flags(self) -> list[UrgentFlag]:
        """Danger-now flags a worker has reviewed as not urgent, in the order they were raised."""
        return [f for f in self.urgent_flags if f.is_reviewed]

    def find_flag(self, flag_id: int) -> UrgentFlag | None:
        return next((f for f in self.urgent_flags if f.id is not None and f.id == flag_id), None)

    # -- changing (each change is recorded in the revision log) ---------------

    def record(
        self,
        actor: str,
        action: str,
        what: str,
        detail: str | None = None,
        meeting: Meeting | None = None,
    ) -> None:
        """One change in the log: who, what, and the meeting it was made at (None: between)."""
        if meeting is not None and not any(m is meeting for m in self.meetings):
            raise ValueError("that meeting is not one of this plan's")
        self.revisions.append(
            Revision(actor=actor, action=action, what=what, detail=detail, meeting=meeting)
        )
        self.version += 1
        self.updated_at = dt.datetime.now(dt.timezone.utc)

    def note_open(self, key: str, label: str) -> None:
        if self.open_question(key) is None:
            self.open_questions.append(OpenQuestion(key=key, label=label))

    def resolve_open(self, key: str) -> None:
        question = self.open_question(key)
        if question is not None:
            self.open_questions.remove(question)

    def review_flag(
        self,
        flag: UrgentFlag,
        by: str,
        note: str | None = None,
        at: dt.datetime | None = None,
    ) -> UrgentFlag:
        """Mark one of this plan's flags "reviewed: not urgent" and say so in the change log."""
        if not any(f is flag for f in self.urgent_flags):
            raise ValueError("that flag is not one of this plan's")
        flag.mark_reviewed(by, note, at)
        raised = flag.at.astimezone(dt.timezone.utc) if flag.at.tzinfo else flag.at
        # The note stays with the flag (the worker document's appendix), not in the log.
        detail = f"The flag raised {raised.day} {raised:%b %Y %H:%M} UTC via {flag.channel}."
        action, what = FLAG_REVIEWED
        self.record(flag.reviewed_by or by, action, what, detail)
        if flag.reviewed_at is not None:
            self.revisions[-1].at = flag.reviewed_at
        return flag

    def add_person(self, person: Person) -> Person:
        existing = self.find_person(person.name)
        if existing is not None:
            return existing
        self.people.append(person)
        return person


def join_names(names: list[str]) -> str:
    """'Leo', 'Leo and Mia', 'Leo, Mia and Sam'."""
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())
