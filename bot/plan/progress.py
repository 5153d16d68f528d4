"""Reading a plan across its meetings: score history, progress in plain words, step status.

Read by the exporters and by the meeting recorder, so it knows only the plan.
Scores from before every score had a meeting (or given in the chat outside
one) are shown as what they are, "not at a recorded meeting", with their
date: nobody invents which meeting they belonged to.

A planned meeting (set for a date to come) has not happened: it is never a
history column with a date in the future, nor "the previous meeting". Scores
given for it before it are kept and shown as that: "Before the core group",
on the day they were given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.plan.model import Meeting, Pair, Person, Plan, Score, Step, StepStatus

NOT_AT_A_MEETING = "Not at a recorded meeting"
BEFORE = "Before the {meeting}"


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def scorer(plan: Plan, score: Score) -> Person | str:
    """Whose score this is: the plan's record of them, or only the name kept with older scores."""
    if score.person is not None:
        return score.person
    person = plan.find_person(score.person_name)
    return person if person is not None else score.person_name


def scorer_name(who: Person | str) -> str:
    return who.name if isinstance(who, Person) else who


def _same(a: Person | str, b: Person | str) -> bool:
    if isinstance(a, Person) or isinstance(b, Person):
        return a is b
    return _key(a) == _key(b)


@dataclass(frozen=True)
class Column:
    """One column of a pair's history: a meeting, or the scores of one day without one."""

    on: dt.date
    meeting: Meeting | None
    # Scores given before a planned meeting, which has not happened yet.
    before: Meeting | None = None

    @property
    def date_text(self) -> str:
        """"6 Mar 2024": short enough to head a column."""
        return f"{self.on.day} {self.on:%b %Y}"

    def kind_label(self, family: bool = False) -> str:
        if self.before is not None:
            kind = self.before.kind.family_label if family else self.before.kind.label
            return BEFORE.format(meeting=f"{kind}, {_short_date(self.before.held_on)}")
        if self.meeting is None:
            return NOT_AT_A_MEETING
        return self.meeting.kind.family_label if family else self.meeting.kind.label

    def label(self, family: bool = False) -> str:
        return f"{self.kind_label(family)}, {self.date_text}"


@dataclass(frozen=True)
class History:
    """One pair's scores as a table: a row per person, a column per meeting, oldest first."""

    pair: Pair
    columns: tuple[Column, ...]
    people: tuple[Person | str, ...]
    cells: dict[tuple[int, int], Score]  # (row, column) -> the score given there

    def cell(self, row: int, column: int) -> Score | None:
        return self.cells.get((row, column))

    @property
    def names(self) -> list[str]:
        return [scorer_name(p) for p in self.people]


def _short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def meeting_order(plan: Plan) -> list[Meeting]:
    """Meetings that have happened (or are being recorded), oldest first; two on one day
    keep the order they were recorded in. Planned meetings have not happened: not here."""
    return sorted((m for m in plan.meetings if not m.is_planned), key=lambda m: m.held_on)


def given_before(score: Score) -> bool:
    """A score given for a planned meeting, before it happened."""
    return score.meeting is not None and score.meeting.is_planned


def _column_of(pair: Pair, score: Score) -> Column:
    if score.meeting is None:
        return Column(score.scored_on, None)
    if score.meeting.is_planned:
        # On the last day anyone scored for it: never on a date still to come.
        days = [s.scored_on for s in pair.scores if s.meeting is score.meeting]
        return Column(min(max(days), score.meeting.held_on), None, score.meeting)
    return Column(score.meeting.held_on, score.meeting)


def history(plan: Plan, pair: Pair) -> History:
    columns: list[Column] = []
    for score in pair.scores:
        column = _column_of(pair, score)
        if not any(_column_is(c, column) for c in columns):
            columns.append(column)
    order = {id(m): i for i, m in enumerate(meeting_order(plan))}
    columns.sort(key=lambda c: (c.on, order.get(id(c.meeting), -1)))
    people: list[Person | str] = []
    cells: dict[tuple[int, int], Score] = {}
    for score in pair.scores:
        who = scorer(plan, score)
        row = next((i for i, p in enumerate(people) if _same(p, who)), None)
        if row is None:
            people.append(who)
            row = len(people) - 1
        at = next(i for i, c in enumerate(columns) if _column_is(c, _column_of(pair, score)))
        cells[(row, at)] = score  # a later one the same day corrects the earlier
    # The plan's people in the plan's order, then names known only from older scores.
    plan_order = {id(p): i for i, p in enumerate(plan.people)}
    ranked = sorted(
        range(len(people)),
        key=lambda i: (plan_order.get(id(people[i]), len(plan_order)), i),
    )
    remap = {old: new for new, old in enumerate(ranked)}
    return History(
        pair=pair,
        columns=tuple(columns),
        people=tuple(people[i] for i in ranked),
        cells={(remap[r], c): s for (r, c), s in cells.items()},
    )


def _column_is(a: Column, b: Column) -> bool:
    if a.before is not None or b.before is not None:
        return a.before is b.before
    if a.meeting is not None or b.meeting is not None:
        return a.meeting is b.meeting
    return a.on == b.on


def scores_at(plan: Plan, meeting: Meeting, pair: Pair) -> list[tuple[Person | str, Score]]:
    """Each person's score for the pair at this meeting (the last given, if corrected)."""
    found: list[tuple[Person | str, Score]] = []
    for score in pair.scores:
        if score.meeting is not meeting:
            continue
        who = scorer(plan, score)
        found = [(p, s) for p, s in found if not _same(p, who)]
        found.append((who, score))
    return found


def previous_meeting(plan: Plan, meeting: Meeting, pair: Pair) -> Meeting | None:
    """The latest meeting before this one at which anyone scored this pair."""
    before = [
        m
        for m in meeting_order(plan)  # never a planned one: it has not happened
        if m is not meeting
        and (
            m.held_on < meeting.held_on
            or (m.held_on == meeting.held_on and _recorded_before(plan, m, meeting))
        )
        and scores_at(plan, m, pair)
    ]
    return before[-1] if before else None


def _recorded_before(plan: Plan, a: Meeting, b: Meeting) -> bool:
    return plan.meetings.index(a) < plan.meetings.index(b)


# -- progress in plain words ---------------------------------------------------------


@dataclass(frozen=True)
class Change:
    who: Person | str
    before: float
    now: float

    @property
    def direction(self) -> int:
        return (self.now > self.before) - (self.now < self.before)


@dataclass(frozen=True)
class PairProgress:
    number: int  # the worry's number in the plan, from 1
    since: Meeting | None  # the meeting compared with
    latest: Meeting | None
    changes: tuple[Change, ...]  # people who scored at both
    latest_scores: tuple[tuple[Person | str, Score], ...]

    def sentence(self, family: bool = False) -> str | None:
        return _family_sentence(self) if family else _worker_sentence(self)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _worker_sentence(progress: PairProgress) -> str | None:
    worry = f"worry {progress.number}"
    if progress.latest is None:
        return None
    if progress.since is None or not progress.changes:
        values = sorted(s.value for _, s in progress.latest_scores)
        if not values:
            return None
        spread = (
            f"a score of {_fmt(values[0])}"
            if values[0] == values[-1]
            else f"scores from {_fmt(values[0])} to {_fmt(values[-1])}"
        )
        return (
            f"{worry.capitalize()} was first scored at the {progress.latest.kind.short}: {spread}."
        )
    since = f"the {progress.since.kind.short}"
    ups = [c for c in progress.changes if c.direction > 0]
    downs = [c for c in progress.changes if c.direction < 0]
    sames = [c for c in progress.changes if c.direction == 0]
    if len(ups) == len(progress.changes):
        return f"Everyone's score for {worry} has gone up since {since}."
    if len(downs) == len(progress.changes):
        return f"Everyone's score for {worry} has gone down since {since}."
    if len(sames) == len(progress.changes) and len({c.now for c in sames}) == 1:
        return f"Everyone's score for {worry} is still {_fmt(sames[0].now)}, as at {since}."
    if len(sames) == len(progress.changes):
        each = ", ".join(f"{scorer_name(c.who)} {_fmt(c.now)}" for c in sames)
        return f"Everyone's score for {worry} is the same as at {since} ({each})."
    parts = []
    if ups:
        names = [_possessive(scorer_name(c.who)) for c in ups]
        verb = "score has" if len(ups) == 1 else "scores have"
        parts.append(f"{_names(names)} {verb} gone up")
    for change in sames:
        parts.append(f"{_possessive(scorer_name(change.who))} is still {_fmt(change.now)}")
    for change in downs:
        parts.append(
            f"{_possessive(scorer_name(change.who))} has gone down from "
            f"{_fmt(change.before)} to {_fmt(change.now)}"
        )
    return f"Since {since}, for {worry}: " + "; ".join(parts) + "."


def _family_sentence(progress: PairProgress) -> str | None:
    # Gentler, and without naming who went down: the family reads this at home.
    worry = f"worry {progress.number}"
    if progress.latest is None or progress.since is None or not progress.changes:
        return None
    since = f"the {progress.since.kind.family_label.lower()}"
    ups = [c for c in progress.changes if c.direction > 0]
    downs = [c for c in progress.changes if c.direction < 0]
    if len(ups) == len(progress.changes):
        return f"For {worry}, everyone feels things have got better since {since}."
    if not ups and not downs:
        return f"For {worry}, everyone feels things are about the same as at {since}."
    if ups:
        return (
            f"For {worry}, some people feel things have got better since {since}, "
            "and there is still work to do together."
        )
    return f"For {worry}, people feel there is still work to do since {since}."


def pair_progress(plan: Plan, pair: Pair) -> PairProgress:
    number = plan.pairs.index(pair) + 1 if pair in plan.pairs else 1
    scored = [m for m in meeting_order(plan) if scores_at(plan, m, pair)]
    if not scored:
        return PairProgress(number, None, None, (), ())
    latest = scored[-1]
    now = scores_at(plan, latest, pair)
    since = previous_meeting(plan, latest, pair)
    changes: list[Change] = []
    if since is not None:
        before = scores_at(plan, since, pair)
        for who, score in now:
            earlier = next((s for p, s in before if _same(p, who)), None)
            if earlier is not None:
                changes.append(Change(who, float(earlier.value), float(score.value)))
    return PairProgress(number, since, latest, tuple(changes), tuple(now))


def progress_reading(plan: Plan, family: bool = False) -> list[str]:
    """One sentence per pair that has been scored at a meeting, in plan order."""
    sentences = [pair_progress(plan, pair).sentence(family) for pair in plan.pairs]
    return [s for s in sentences if s]


# -- the timeline --------------------------------------------------------------------


def step_status(plan: Plan, step: Step) -> StepStatus | None:
    """What the latest meeting to review the step said; None when no meeting has."""
    status = None
    for meeting in meeting_order(plan):
        review = meeting.review_of(step)
        if review is not None:
            status = review.status
    if status is None and step.done:
        return StepStatus.DONE
    return status


def is_overdue(plan: Plan, step: Step, today: dt.date) -> bool:
    """Past its date and neither done nor dropped: derived, never stored."""
    if step.due is None or step.due >= today or step.done:
        return False
    return step_status(plan, step) not in (StepStatus.DONE, StepStatus.DROPPED)


def timeline(plan: Plan) -> list[Step]:
    """Steps by date; steps without one after, in plan order."""
    return sorted(plan.steps, key=lambda s: (s.due is None, s.due or dt.date.min))
