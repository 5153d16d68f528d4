"""A worker asks for the plan as it stood at a past meeting (issue 15, item 7).

"The plan as it was at the core group on 12 November", "show me the plan from
the last conference", "plan as at the ICPC". Like a request to record a
meeting, it counts only when the WHOLE message is one of the phrases in
plan_as_at.yml, so an answer that mentions a meeting stays an answer.

Which meeting: its kind and date as bot.parsing reads them ("the last ..."
picks the latest of that kind), among the plan's finished meetings. When one
meeting fits and it kept the plan as it stood (bot/snapshots.py), the service
sends the worker document made from that copy; otherwise the worker is told
kindly why not and shown the meetings that can be shown, as buttons.
The text is never logged or stored here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.interview.reply import Button
from bot.parsing import parse_meeting
from bot.plan.model import Meeting, MeetingType, Plan

REQUESTS_FILE = Path(__file__).with_name("plan_as_at.yml")

# A kind of meeting as said, and the recorded kinds it may mean ("the conference").
_MAY_MEAN = {
    MeetingType.CP_CONFERENCE.value: {
        MeetingType.CP_CONFERENCE,
        MeetingType.INITIAL_CONFERENCE,
        MeetingType.REVIEW_CONFERENCE,
    },
}
_LATEST = re.compile(r"\b(?:last|latest|most recent|previous)\b")
_FIRST = re.compile(r"\bfirst\b")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    raw = yaml.safe_load(REQUESTS_FILE.read_text(encoding="utf-8"))
    words: dict[str, str] = {str(k): str(v) for k, v in raw["words"].items()}
    compiled = []
    for phrase in raw["phrases"]:
        text = str(phrase)
        for name, pattern in words.items():
            text = text.replace("{" + name + "}", f"(?:{pattern})")
        compiled.append(re.compile(text))
    return tuple(compiled)


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())


def is_request(text: str) -> bool:
    """The whole message asks for the plan as it stood at a meeting."""
    said = _folded(text)
    return bool(said) and len(said) <= 200 and any(p.fullmatch(said) for p in _patterns())


@dataclass
class Found:
    """The meeting whose plan to send, or what to say instead (with buttons to pick one)."""

    meeting: Meeting | None = None
    say: list[str] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)


def _asking_words(meeting: Meeting) -> str:
    """The words a button sends: a whole request for this one meeting."""
    held = meeting.held_on
    return f"the plan as it stood at the {meeting.kind.label.lower()} on {held.day} {held:%B %Y}"


def showable(plan: Plan) -> list[Meeting]:
    """Meetings that kept the plan as it stood, oldest first."""
    return sorted((m for m in plan.meetings if m.snapshot is not None), key=lambda m: m.held_on)


def _kinds(said: str | None) -> set[MeetingType] | None:
    if said is None or said == MeetingType.OTHER.value:
        return None  # "the last meeting": any kind
    return _MAY_MEAN.get(said, {MeetingType(said)})


def _offer(plan: Plan, found: Found) -> Found:
    kept = showable(plan)
    if kept:
        found.say.append("These meetings can be shown as the plan stood then:")
        found.buttons = [Button(m.label, _asking_words(m)) for m in kept]
    else:
        found.say.append(
            "No meeting on this plan has a copy of the plan kept yet: one is kept each time "
            "a meeting's record is finished."
        )
    return found


def find(plan: Plan, text: str, today: dt.date) -> Found:
    """Which meeting the words name, or what to tell the worker."""
    parsed = parse_meeting(text, today)
    said = _folded(text)
    kinds = _kinds(parsed.kind)
    fits = [
        m
        for m in plan.meetings
        if (kinds is None or m.kind in kinds)
        and (parsed.date is None or m.held_on == parsed.date)
    ]
    fits.sort(key=lambda m: m.held_on)
    finished = [m for m in fits if m.is_complete]
    if parsed.date is None and finished:
        if _LATEST.search(said):
            finished = finished[-1:]
        elif _FIRST.search(said):
            finished = finished[:1]
    if len(finished) == 1:
        meeting = finished[0]
        if meeting.snapshot is not None:
            return Found(meeting=meeting)
        return _offer(
            plan,
            Found(
                say=[
                    f"Sorry, I don't have a copy of the plan from the {meeting.label}. "
                    "I keep one for each meeting recorded from now on."
                ]
            ),
        )
    if len(finished) > 1:
        return _offer(
            plan,
            Found(say=[f"More than one meeting fits those words ({len(finished)} of them)."]),
        )
    unfinished = [m for m in fits if not m.is_complete]
    if unfinished:
        return _offer(
            plan,
            Found(
                say=[
                    f"The record of the {unfinished[-1].label} isn't finished yet, so there is "
                    "no plan as it stood then; the current plan is the one to use."
                ]
            ),
        )
    return _offer(plan, Found(say=["Sorry, I couldn't find a meeting like that on this plan."]))
