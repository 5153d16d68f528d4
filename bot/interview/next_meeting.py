"""Setting the next meeting in the chat (issue 15, item 3).

A worker on a case says "the next core group is on 14 January" or "next
meeting 14/01" at any question. Only a whole message counts (the phrases are
data, in meeting_requests.yml under ``next_meeting``), so "Dad to go to the
next core group" stays an answer. The kind is asked when not given, the date
when not given or already past (kindly), and the meeting is read back for a yes
before it is saved with bot.meetings.planning.plan_meeting. Like recording a
meeting it is asked out of the interview's order, through ``state.cursor``, and
the worker goes back to where they were.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import yaml

from bot.interview.answers import Answer, Outcome, ok, problem, yes_no
from bot.interview.context import Context
from bot.interview.meeting_answers import REQUESTS_FILE, _folded
from bot.interview.reply import Button, Message, choice
from bot.meetings.planning import PlanningError, plan_meeting, spoken_date
from bot.meetings.recording import meeting_type_choices
from bot.parsing import parse_meeting, parse_uk_date
from bot.plan.model import MeetingType

SLOTS = ("next_meeting_kind", "next_meeting_date", "next_meeting_confirm")
_FLAG = "next_meeting"
# Questions whose answer is a date: "next core group on 14 January" there is a
# deadline ("by when?"), not a request, unless it says set / book / change.
DATE_QUESTIONS = {"step_when", "closure_date"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    raw = yaml.safe_load(REQUESTS_FILE.read_text(encoding="utf-8"))
    words = raw["meeting_words"]
    kinds = "|".join(re.escape(k) for k in words["kinds"])
    nouns = "|".join(re.escape(n) for n in words["nouns"])
    meeting = f"(?:(?:{kinds})\\s+)*(?:{nouns})"

    def compiled(phrases: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p.replace("{meeting}", f"(?:{meeting})")) for p in phrases)

    spec = raw["next_meeting"]
    return compiled(spec["asked"]), compiled(spec["stated"])


def is_request(text: str, question: str | None = None) -> bool:
    """The whole message sets the next meeting ("next meeting 14/01", "set the next core group")."""
    said = _folded(text)
    if not said:
        return False
    asked, stated = _patterns()
    if any(p.fullmatch(said) for p in asked):
        return True
    if question in DATE_QUESTIONS:
        return False
    return any(p.fullmatch(said) for p in stated)


def can_set(ctx: Context) -> bool:
    """Workers on a case they agreed to keep set the next meeting: those who record them."""
    from bot.interview.meeting_answers import can_record

    return can_record(ctx)


def _data(ctx: Context) -> dict[str, Any]:
    data = ctx.state.flags.get(_FLAG)
    if not isinstance(data, dict):
        data = {}
        ctx.state.flags[_FLAG] = data
    return data


def begin(ctx: Context, text: str) -> list[str]:
    """ "The next core group is on 14 January": ask what is missing, then read it back."""
    state = ctx.state
    data = state.flags.get(_FLAG)
    pushed = bool(data.get("pushed")) if isinstance(data, dict) else False
    if state.cursor and state.cursor not in SLOTS:
        state.return_stack.append(state.cursor)
        pushed = True
    parsed = parse_meeting(text, ctx.today)
    kind = parsed.kind if parsed.kind and parsed.kind != MeetingType.OTHER.value else None
    state.flags[_FLAG] = {"pushed": pushed, "kind": kind, "date": None}
    return _next(ctx, parsed.date)


def _next(ctx: Context, date: dt.date | None) -> list[str]:
    data = _data(ctx)
    say: list[str] = []
    if date is not None and date < ctx.today:
        say.append(
            f"{spoken_date(date, ctx.today)} has already passed. "
            "The next meeting needs a date still to come."
        )
    elif date is not None:
        data["date"] = date.isoformat()
    if data.get("kind") is None:
        ctx.state.cursor = "next_meeting_kind"
    elif data.get("date") is None:
        ctx.state.cursor = "next_meeting_date"
    else:
        ctx.state.cursor = "next_meeting_confirm"
    return say


def _end(ctx: Context, *say: str) -> list[str]:
    data = ctx.state.flags.pop(_FLAG, None) or {}
    state = ctx.state
    state.cursor = None
    if data.get("pushed") and state.return_stack:
        state.cursor = state.return_stack.pop()
    return [s for s in say if s]


def next_meeting_kind(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    from bot.interview.meeting_answers import read_kind

    data = _data(ctx)
    kind, date = read_kind(answer, ctx.today)
    if kind is None:
        return problem("Please choose the kind of meeting from the list.")
    data["kind"] = kind
    return ok(*_next(ctx, date), again=True)


def next_meeting_date(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    text = answer.text
    date = parse_meeting(text, ctx.today).date or parse_uk_date(text, ctx.today, False).date
    if date is None:
        return problem(
            "I couldn't read that date. For example: '14 January', 'next Thursday' or '14/01/2027'."
        )
    return ok(*_next(ctx, date), again=True)


def next_meeting_confirm(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    data = _data(ctx)
    value = True if answer.choice == "yes" else False if answer.choice == "no" else yes_no(answer)
    if value is None:
        return problem("Please say yes to save it, or no to leave it.")
    if not value:
        return ok(*_end(ctx, "OK, I haven't saved it."), again=True)
    kind, date = MeetingType(data["kind"]), dt.date.fromisoformat(data["date"])
    try:
        meeting = plan_meeting(ctx.require_plan(), kind, date, ctx.actor, ctx.today)
    except PlanningError as error:
        data["date"] = None
        ctx.state.cursor = "next_meeting_date"
        return ok(str(error), again=True)
    return ok(
        *_end(
            ctx,
            f"Saved: the next meeting is the {kind.label}, "
            f"{spoken_date(meeting.held_on, ctx.today)}. Family members and network people "
            "with an invite can give their scores before it.",
        ),
        again=True,
    )


def skip(ctx: Context, slot: str) -> None:
    """ "I don't know" while setting the next meeting: nothing is saved."""
    _end(ctx)


HANDLERS = {
    "next_meeting_kind": next_meeting_kind,
    "next_meeting_date": next_meeting_date,
    "next_meeting_confirm": next_meeting_confirm,
}


def question(ctx: Context, slot: str) -> Message:
    data = _data(ctx)
    kind = MeetingType(data["kind"]) if data.get("kind") else None
    if slot == "next_meeting_kind":
        return Message(
            "Which kind of meeting is the next one?",
            [choice(c.label, c.value) for c in meeting_type_choices()],
        )
    if slot == "next_meeting_date":
        label = kind.label if kind else "meeting"
        return Message(
            f"When is the next {label}? For example '14 January' or '14/01/2027'.",
            [Button("Leave it", "/skip")],
        )
    assert kind is not None
    date = dt.date.fromisoformat(data["date"])
    return Message(
        f"Save the next meeting as: {kind.label}, {date:%A} {spoken_date(date)}?",
        [choice("Yes, save it", "yes"), choice("No", "no")],
    )
