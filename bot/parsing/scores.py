"""Scaling answers: "about a 6 because he's calmer" -> 6, "he's calmer"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.parsing._text import clean, never_raises

# Nobody types a score in more than a few lines; the first number is what counts.
_LIMIT = 2_000


@dataclass(frozen=True)
class ScoreParse:
    value: float | None
    reason: str | None
    problem: str | None


NOT_A_NUMBER = "Please give a number from 0 to 10, like 4 or 7."
PERCENTAGE = "Please give a number from 0 to 10 rather than a percentage, like 4 or 7."
SCALE = "The scale goes from 0 to 10."

_WORDS = {
    "zero": 0,
    "nought": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    # Past the top of the scale, so that "eleven" gets the out-of-range answer
    # rather than "I didn't understand".
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
_WORD_ALT = "|".join(sorted(_WORDS, key=len, reverse=True))
_HALF = r"(?:\s*½|\s*1/2|\s+(?:and\s+)?a\s+half|\s+and\s+half)"
_NUM = (
    rf"(?:\d{{1,12}}(?:\.\d{{1,6}}|,\d(?!\d))?{_HALF}?"
    rf"|(?:{_WORD_ALT}){_HALF}?"
    r"|½)"
)
_NUM_RE = re.compile(rf"(?<![\w.,½])(?P<num>{_NUM})(?:\s*-?\s*ish)?(?![\w½])", re.IGNORECASE)
# "6, no 5", "6 sorry i mean 5", "3 actually make it 5": the second number is the score.
_CORRECTED_RE = re.compile(
    rf"\s*[,.]?\s*(?:no|nah|sorry|actually|wait|i\s+mean|make\s+it|or\s+rather)\b"
    rf"(?:\W+(?:no|sorry|actually|i\s+mean|make\s+it|put|its|it'?s))*\W*(?P<num>{_NUM})"
    r"(?:\s*-?\s*ish)?(?![\w½])"
    # "5, no 2 weeks ago it was worse": a number of something is not a score.
    r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|times?|hours?|hrs?|am|pm|o'?clock|kids|"
    r"children|people|of|out))",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(
    rf"\s*(?:-|to|or|and|&|,?\s*maybe|,?\s*possibly|,?\s*perhaps)\s*(?:maybe\s+|possibly\s+|perhaps\s+)?(?:an?\s+)?(?P<num>{_NUM})"
    r"(?:\s*-?\s*ish)?(?![\w½])",
    re.IGNORECASE,
)
_OUT_OF_RE = re.compile(
    rf"\s*(?:/|out\s+of|outta|oughta|oot\s+o|from|of)\s*(?P<num>{_NUM})(?![\w½])",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"\s*(?:%|per\s*cent\b|pc\b)", re.IGNORECASE)
_NEGATIVE_RE = re.compile(r"(?:^|[\s(:=])(?:-|minus\s+|negative\s+|neg\s+)$", re.IGNORECASE)
# "one" is the number word most often used as an ordinary word.
_NOT_ONE_BEFORE = re.compile(
    r"\b(?:no|the|that|this|any|every|each|which|only|little|other|last|next|another|big|"
    r"small|right|wrong|same|loved|special|young|older|younger|baby)\s+$",
    re.IGNORECASE,
)
_NOT_ONE_AFTER = re.compile(
    r"\s+(?:of|day|days|time|thing|more|another|minute|sec|second|way|bit|who|that|person|"
    r"night|week|morning|evening|moment|point|side|hand|parent|child|kid|too)\b",
    re.IGNORECASE,
)
_REASON_LEAD = re.compile(
    r"^(?:[\s,.;:!)\-–/]+|(?:because|becos|becuase|bcos|cos|coz|cuz|cause|'cause|bc|b/c|as|"
    r"since|and|but|i\s+think|i\s+reckon|i\s+guess|i'd\s+say|i\s+would\s+say|"
    r"probably|prob|maybe|really|tbh|to\s+be\s+honest|honestly|at\s+the\s+moment|atm|"
    r"right\s+now|out\s+of\s+(?:10|ten))\b)",
    re.IGNORECASE,
)
_BEFORE_FILLER = re.compile(
    r"(?:[\s,.;:\-]+|\b(?:a|an|it'?s|it\s+is|i'?d\s+say|i\s+would\s+say|i'?d\s+give\s+(?:it|him|her|"
    r"them|things)|i\s+would\s+give\s+(?:it|him|her|them|things)|give\s+it|i\s+think|"
    r"i\s+reckon|about|around|roughly|prob|probably|maybe|like|say|at|on|is|so\s+i'?d\s+say|"
    r"i'?m\s+going\s+with|i'?ll\s+go\s+with|go\s+with)\b)$",
    re.IGNORECASE,
)
_BEFORE_SO = re.compile(
    r"^(?:because|cos|coz|cuz|cause|as|since)?\s*(?P<reason>.+?)"
    r"(?:\s*,?\s*\b(?:so|that'?s\s+why|which\s+is\s+why|hence|therefore))\s*$",
    re.IGNORECASE | re.DOTALL,
)
_BEFORE_BECAUSE = re.compile(
    r"^(?:because|cos|coz|cuz|cause)\s+(?P<reason>.+?)[\s,.;:\-]*$",
    re.IGNORECASE | re.DOTALL,
)


def _value(num: str) -> float:
    text = num.strip().casefold()
    if text == "½":
        return 0.5
    half = 0.0
    stripped = re.sub(_HALF + r"$", "", text)
    if stripped != text:
        half = 0.5
        text = stripped.strip()
    if text in _WORDS:
        return _WORDS[text] + half
    return float(text.replace(",", ".")) + half


def _shown(value: float) -> str:
    if math.isfinite(value) and abs(value) < 1_000_000:
        return f"{value:g}"
    return "That number"


def _round_half(value: float) -> float:
    # Scores are recorded in half points; 6.3 is read as 6.5, 6.2 as 6.
    return math.floor(value * 2 + 0.5) / 2


def _first_number(text: str) -> re.Match[str] | None:
    for match in _NUM_RE.finditer(text):
        word = match.group("num").casefold()
        if word.startswith("one"):
            before = text[: match.start()]
            after = text[match.end() :]
            if _NOT_ONE_BEFORE.search(before) or _NOT_ONE_AFTER.match(after):
                continue
        return match
    return None


def _reason_after(rest: str) -> str | None:
    # A keycap emoji ("6️⃣") leaves its combining marks behind the digit.
    rest = rest.lstrip("\ufe0f\u20e3")
    previous = None
    while previous != rest:
        previous = rest
        rest = _REASON_LEAD.sub("", rest, count=1)
    rest = rest.strip()
    # "5?" or "6!!" has no reason in it, only punctuation.
    return rest if any(ch.isalnum() for ch in rest) else None


def _reason_before(before: str) -> str | None:
    previous = None
    while previous != before:
        previous = before
        before = _BEFORE_FILLER.sub("", before, count=1)
    before = before.strip()
    if not before:
        return None
    for pattern in (_BEFORE_SO, _BEFORE_BECAUSE):
        match = pattern.match(before)
        if match:
            reason = match.group("reason").strip(" ,.;:-")
            return reason or None
    return None


def _not_understood(*_args: object, **_kwargs: object) -> ScoreParse:
    return ScoreParse(None, None, NOT_A_NUMBER)


@never_raises(_not_understood)
def parse_score(text: str) -> ScoreParse:
    """Read a 0-10 safety scale answer, with any reason typed alongside it."""
    text = clean(text, _LIMIT)
    match = _first_number(text)
    if match is None:
        return ScoreParse(None, None, NOT_A_NUMBER)
    before, end = text[: match.start()], match.end()
    first = _value(match.group("num"))
    if _NEGATIVE_RE.search(before):
        first = -first
        before = _NEGATIVE_RE.sub("", before)
    values = [first]

    corrected = _CORRECTED_RE.match(text, end)
    range_match = None if corrected else _RANGE_RE.match(text, end)
    if corrected:
        values = [_value(corrected.group("num"))]
        end = corrected.end()
    if range_match:
        values.append(_value(range_match.group("num")))
        end = range_match.end()

    out_of = _OUT_OF_RE.match(text, end)
    if out_of:
        top = _value(out_of.group("num"))
        if top != 10:
            return ScoreParse(
                None,
                None,
                f"That looks like a score out of {_shown(top)}. {SCALE} "
                "Please give a number like 4 or 7.",
            )
        end = out_of.end()
    elif _PERCENT_RE.match(text, end):
        return ScoreParse(None, None, PERCENTAGE)

    for value in values:
        if not math.isfinite(value) or value > 10:
            return ScoreParse(None, None, f"{_shown(value)} is above the top of the scale. {SCALE}")
        if value < 0:
            return ScoreParse(
                None, None, f"{_shown(value)} is below the bottom of the scale. {SCALE}"
            )
    if len(values) == 2 and abs(values[0] - values[1]) > 1:
        low, high = sorted(values)
        return ScoreParse(
            None,
            None,
            f"{_shown(low)} and {_shown(high)} are quite far apart. "
            "Please choose the one number from 0 to 10 that fits best.",
        )

    reason = _reason_after(text[end:]) or _reason_before(before)
    return ScoreParse(_round_half(sum(values) / len(values)), reason, None)
