"""The next meeting, set before it happens (issue 15, item 3).

A worker says "the next core group is on 14 January"; the plan then holds a
meeting with status PLANNED. It has not happened: it is never a column of the
score history with a date to come, nor "the previous meeting". What it is for:
family members and network people who joined through an invite can give their
own scores for it before it ("Before the core group on 14 January: ..."), so
their view is in the room even if they find it hard to speak there. When the
worker records that meeting (recording.start_meeting, same kind and date) the
planned meeting is taken up, and the scores given before it are already there.

Free of Rasa and SQL, like the rest of bot/meetings.
"""

from __future__ import annotations

import datetime as dt

from bot.plan.model import Meeting, MeetingStatus, MeetingType, Plan

# As for recording: a date further ahead than this is probably mistyped.
FURTHEST_AHEAD = dt.timedelta(days=366)


class PlanningError(ValueError):
    """A next meeting that cannot be set; the message can be shown as it is."""


def planned(plan: Plan) -> list[Meeting]:
    """Every planned meeting of the plan, soonest first."""
    return sorted(
        (m for m in plan.meetings if m.status is MeetingStatus.PLANNED), key=lambda m: m.held_on
    )


def find_planned(plan: Plan, kind: MeetingType, held_on: dt.date) -> Meeting | None:
    return next((m for m in planned(plan) if m.kind is kind and m.held_on == held_on), None)


def next_planned(plan: Plan, today: dt.date) -> Meeting | None:
    """The soonest planned meeting from today on; None when none is set.

    A planned meeting whose day has passed without being recorded is not the
    next one (its scores stay with it, given before it).
    """
    return next((m for m in planned(plan) if m.held_on >= today), None)


def plan_meeting(
    plan: Plan, kind: MeetingType, held_on: dt.date, actor: str, today: dt.date
) -> Meeting:
    """Set the next meeting of a kind: today or later, never a second one on the same date.

    Setting a new date for a kind that already has a meeting planned from today
    on moves that meeting (and any scores given for it): one next core group,
    not two, when a date is corrected.
    """
    if held_on < today:
        raise PlanningError("That date has passed. The next meeting needs a date still to come.")
    if held_on > today + FURTHEST_AHEAD:
        raise PlanningError("That date is more than a year away. When is the next meeting?")
    same = find_planned(plan, kind, held_on)
    if same is not None:
        return same
    recorded = next(
        (
            m
            for m in plan.meetings
            if m.kind is kind and m.held_on == held_on and m.status is not MeetingStatus.PLANNED
        ),
        None,
    )
    if recorded is not None:
        raise PlanningError(f"The {recorded.label} is already being recorded.")
    moving = next((m for m in planned(plan) if m.kind is kind and m.held_on >= today), None)
    if moving is not None:
        before = moving.label
        moving.held_on = held_on
        plan.record(actor, "changed", f"the next {kind.short}: {moving.label}", f"Was {before}.")
        return moving
    meeting = Meeting(kind=kind, held_on=held_on, status=MeetingStatus.PLANNED)
    plan.meetings.append(meeting)
    plan.record(actor, "added", f"the next meeting: {meeting.label}")
    return meeting


def take_up(plan: Plan, kind: MeetingType, held_on: dt.date, actor: str) -> Meeting | None:
    """The planned meeting of this kind and date, now being recorded; None when none was planned."""
    meeting = find_planned(plan, kind, held_on)
    if meeting is None:
        return None
    meeting.status = MeetingStatus.IN_PROGRESS
    plan.record(actor, "changed", f"the {meeting.label}: recording started")
    return meeting


def spoken_date(day: dt.date, today: dt.date | None = None) -> str:
    """ "14 January", with the year only when it is not this year's."""
    text = f"{day.day} {day:%B}"
    if today is None or day.year != today.year:
        text += f" {day.year}"
    return text


def meeting_words(meeting: Meeting) -> str:
    """The meeting in a sentence: "core group" (and "meeting", not "last meeting", for others)."""
    return "meeting" if meeting.kind is MeetingType.OTHER else meeting.kind.short


def before_label(meeting: Meeting, today: dt.date | None = None) -> str:
    """ "Before the core group on 14 January": how a score given before it is introduced."""
    return f"Before the {meeting_words(meeting)} on {spoken_date(meeting.held_on, today)}"
