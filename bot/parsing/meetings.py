"""Which meeting, and when: "CIN meeting on 12/01/2027", "core group last tuesday"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.parsing._text import fold, never_raises
from bot.parsing.dates import _parse

TAF = "taf"
CIN = "cin"
INITIAL_CONFERENCE = "initial_conference"
REVIEW_CONFERENCE = "review_conference"
# A conference not said to be initial or review: which one is not guessed.
CP_CONFERENCE = "cp_conference"
CORE_GROUP = "core_group"
FAMILY_NETWORK = "family_network"
OTHER = "other"


@dataclass(frozen=True)
class MeetingParse:
    kind: str | None  # a bot.plan.model.MeetingType value, None when not said
    date: dt.date | None


# Earlier in the list wins when two match at the same place ("initial conference").
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (CORE_GROUP, re.compile(r"\bcore\s*-?\s*(?:group|grp)s?\b|\bcore\b|\bcgm?\b")),
    (
        INITIAL_CONFERENCE,
        re.compile(
            r"\bicpcs?\b|\binitial\s+(?:child\s+protection\s+)?(?:case\s+)?conference\b|"
            r"\binitial\s+cp\s+conference\b"
        ),
    ),
    (
        REVIEW_CONFERENCE,
        re.compile(
            r"\brcpcs?\b|\b(?:review|reveiw)\s+(?:child\s+protection\s+)?(?:case\s+)?conference\b|"
            r"\breview\s+cp\s+conference\b|\bcp\s+review\b"
        ),
    ),
    (
        FAMILY_NETWORK,
        re.compile(r"\bfamily\s+(?:and\s+friends\s+)?network\b|\bnetwork\s+meeting\b"),
    ),
    (
        CP_CONFERENCE,
        re.compile(
            r"\b(?:i|r)cpcs?\b|\bcpcc?\b|\bchild\s+protection\s+(?:case\s+)?conference\b|"
            r"\b(?:cp|case|review|initial|reveiw)\s+(?:child\s+protection\s+)?conference\b|"
            r"\bconference\b|\bconf\b|\bcp\s+(?:meeting|review)\b"
        ),
    ),
    (
        CIN,
        re.compile(r"\bc\.?\s?i\.?\s?n\b\.?|\bchild(?:ren)?\s+in\s+need\b"),
    ),
    (
        TAF,
        re.compile(
            r"\bt\.?a\.?[fc]\b\.?|\bteam\s+around\s+(?:the\s+)?(?:family|child|children)\b|"
            r"\bearly\s+help\s+(?:meeting|review|plan)\b"
        ),
    ),
]
# Answers that say nothing about the kind of meeting.
_NOTHING = re.compile(
    r"^(?:i\s+)?(?:don'?t|do\s+not)\s+know\b|^(?:not\s+sure|dunno|idk|no\s+idea|unsure|"
    r"can'?t\s+remember|don'?t\s+remember|none|nothing|n/?a|skip|pass)\b"
)


def _kind(text: str) -> str | None:
    hits = []
    for order, (kind, pattern) in enumerate(_KINDS):
        m = pattern.search(text)
        if m:
            hits.append((m.start(), order, kind))
    if hits:
        return min(hits)[2]
    if not any(ch.isalpha() for ch in text) or _NOTHING.search(text):
        return None
    return OTHER


def _none(*_args: object, **_kwargs: object) -> MeetingParse:
    return MeetingParse(None, None)


@never_raises(_none)
def parse_meeting(text: str, today: dt.date) -> MeetingParse:
    """The kind of meeting and its date; past dates are fine, it may have happened."""
    folded = fold(text)
    parsed = _parse(text, today, allow_past=True, nearest=True)
    kind = _kind(folded)
    if kind == OTHER and parsed.date is not None:
        # "12/01/2027" or "last tuesday" on its own says when, not what.
        leftover = re.sub(
            r"\b(?:on|the|at|was|it|it's|its|a|an|meeting|last|next|this|in|by|of)\b|[\d/.\-,]",
            " ",
            folded,
        )
        if not re.search(r"[^\W\d_]{3,}", _strip_date_words(leftover)):
            kind = None
    return MeetingParse(kind, parsed.date)


_DATE_WORDS = re.compile(
    r"\b(?:today|tomorrow|yesterday|week|weeks|month|months|year|days?|ago|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|"
    r"sat|sun|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|nd|rd|th|end|start|"
    r"christmas|easter|morning|afternoon|evening|night)\b"
)


def _strip_date_words(text: str) -> str:
    return _DATE_WORDS.sub(" ", text)
