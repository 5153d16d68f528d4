"""UK dates as people type them: "12/01/27", "the 12th", "next Friday", "end of March".

Day first, always. Decisions on readings that people disagree about:

* "next Friday" means the Friday of next week (weeks run Monday to Sunday).
  Said Monday to Thursday that skips this week's Friday; said on Friday,
  Saturday or Sunday it is the coming Friday. The same rule holds for every
  weekday. "Friday", "this Friday" and "on Friday" are the coming Friday,
  today excluded. "Friday week" is a week after the coming Friday.
* "last Tuesday" is the most recent Tuesday before today (1 to 7 days ago).
* "end of the week" is Friday of this week (today if it is Friday; the next
  Friday at the weekend). "the weekend" is the coming Saturday.
* A date without a year ("12/01", "the 12th", "end of March", "Christmas") is
  the next one that is not in the past, today included. With
  ``allow_past=True`` (meetings that already happened) it is whichever is
  nearest to today, so "3rd March" typed on 10 March means a week ago.
* Two-digit years are 20xx.
* "summer holidays", "half term", "asap", "soon" are too vague: "unclear".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from bot.parsing._text import fold, never_raises


@dataclass(frozen=True)
class DateParse:
    date: dt.date | None
    problem: str | None  # None, "unclear" or "past"


UNCLEAR = "unclear"
PAST = "past"

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MONTHS = {name.casefold(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update(
    {
        "jan": 1,
        "janurary": 1,
        "januray": 1,
        "janaury": 1,
        "janury": 1,
        "janruary": 1,
        "feb": 2,
        "febuary": 2,
        "feburary": 2,
        "febrary": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "septmber": 9,
        "septemeber": 9,
        "oct": 10,
        "octobre": 10,
        "nov": 11,
        "novemeber": 11,
        "dec": 12,
        "decemeber": 12,
    }
)
_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tues": 1,
    "tue": 1,
    "wednesday": 2,
    "wensday": 2,
    "wednsday": 2,
    "weds": 2,
    "wed": 2,
    "thursday": 3,
    "thurs": 3,
    "thur": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Abbreviations like "sat", "sun", "wed" are ordinary words too; they only
# count as weekdays after a cue word or when they are the whole answer.
_FULL_WEEKDAYS = [w for w in _WEEKDAYS if len(w) > 4 or w == "weds"]


def _alt(words: list[str] | dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MONTH = rf"(?P<month>{_alt(_MONTHS)})\.?"
WEEKDAY_ANY = rf"(?P<weekday>{_alt(_WEEKDAYS)})"
WEEKDAY_FULL = rf"(?P<weekday>{_alt(_FULL_WEEKDAYS)})"
ORD = r"(?:st|nd|rd|th)"
UNIT = (
    r"(?P<unit>days?|dys?|d|weeks?|wks?|wk|w|fortnights?|months?|mnths?|mths?|mos?|m|"
    r"years?|yrs?|yr|yeers?|yeres?)"
)
COUNT = r"(?P<count>\d{1,4}|an?)"

_SMALL_NUMBERS = {
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
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty": 20,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
for _unit_word, _unit in list(_ORDINAL_WORDS.items())[:9]:
    _ORDINAL_WORDS[f"twenty {_unit_word}"] = 20 + _unit
    _ORDINAL_WORDS[f"twenty-{_unit_word}"] = 20 + _unit
_ORDINAL_WORDS["thirty first"] = 31
_ORDINAL_WORDS["thirty-first"] = 31


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_NUMBER_WORD_RE = re.compile(rf"\b(?:{_alt(_SMALL_NUMBERS)})\b")
_COUPLE_RE = re.compile(r"\b(?:a\s+)?couple(?:\s+of)?\b")
# Ordinal words only become dates next to "the" or a month: "wait a second"
# must not turn into the 2nd of the month.
_ORDINAL_RE = re.compile(
    rf"\b(?P<the>the\s+)(?P<word>{_alt(_ORDINAL_WORDS)})\b"
    rf"|\b(?P<word2>{_alt(_ORDINAL_WORDS)})(?=\s+(?:of\s+)?(?:{_alt(_MONTHS)})\b)"
)


def _normalise(text: object) -> str:
    text = fold(text)
    text = _COUPLE_RE.sub("2", text)
    text = _NUMBER_WORD_RE.sub(lambda m: str(_SMALL_NUMBERS[m.group(0)]), text)

    def ordinal(m: re.Match[str]) -> str:
        word = m.group("word") or m.group("word2")
        n = _ORDINAL_WORDS[word]
        return (m.group("the") or "") + f"{n}{_suffix(n)}"

    return _ORDINAL_RE.sub(ordinal, text)


@dataclass(frozen=True)
class _Ctx:
    today: dt.date
    nearest: bool  # yearless dates: nearest to today, not next


Handler = Callable[[re.Match[str], _Ctx], dt.date | None]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _yearless(ctx: _Ctx, make: Callable[[int], dt.date | None]) -> dt.date | None:
    """Pick the year for a date typed without one."""
    year = ctx.today.year
    candidates = [d for d in (make(y) for y in range(year - 1, year + 9)) if d is not None]
    if not candidates:
        return None
    if ctx.nearest:
        return min(candidates, key=lambda d: (abs((d - ctx.today).days), d < ctx.today))
    future = [d for d in candidates if d >= ctx.today]
    return min(future) if future else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    year = int(digits)
    return 2000 + year if len(digits) == 2 else year


def _day_month(day: int, month: int, year_text: str | None, ctx: _Ctx) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year = _year(year_text)
    if year is not None:
        found = _safe_date(year, month, day)
        return found
    return _yearless(ctx, lambda y: _safe_date(y, month, day))


def _iso(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    found = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return found


def _numeric(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return _day_month(int(m.group("d")), int(m.group("m")), m.groupdict().get("y"), ctx)


def _day_name_month(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return _day_month(int(m.group("d")), _MONTHS[m.group("month")], m.groupdict().get("y"), ctx)


def _month_part(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    """A whole month, or its start, middle or end: "end of March", "March 2027"."""
    month = _MONTHS[m.group("month")]
    part = (m.groupdict().get("part") or "end").strip()

    def pick(y: int) -> dt.date | None:
        if part in ("start", "beginning", "early", "begining"):
            return _safe_date(y, month, 1)
        if part in ("mid", "middle"):
            return _safe_date(y, month, 15)
        return _safe_date(y, month, _last_day(y, month)) if 1 <= y <= 9999 else None

    year = _year(m.groupdict().get("y"))
    if year is not None:
        found = pick(year)
        return found
    return _yearless(ctx, pick)


def _ordinal_day(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    day = int(m.group("d"))
    if not 1 <= day <= 31:
        return None
    today = ctx.today
    candidates = []
    for offset in range(-2, 14):
        total = today.year * 12 + today.month - 1 + offset
        found = _safe_date(total // 12, total % 12 + 1, day)
        if found is not None:
            candidates.append(found)
    if ctx.nearest:
        return min(candidates, key=lambda d: abs((d - today).days))
    future = [d for d in candidates if d >= today]
    return min(future) if future else None


def _days(n: int) -> Handler:
    return lambda m, ctx: ctx.today + dt.timedelta(days=n)


def _coming(today: dt.date, weekday: int) -> dt.date:
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)


def _weekday(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    weekday = _WEEKDAYS[m.group("weekday")]
    cue = (m.groupdict().get("cue") or "").strip()
    week_after = bool(m.groupdict().get("week"))
    today = ctx.today
    if cue == "last":
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)
    found = _coming(today, weekday)
    if cue == "next" and weekday > today.weekday():
        # The coming one is still in this week; "next" means next week's.
        found += dt.timedelta(days=7)
    if week_after:
        found += dt.timedelta(days=7)
    return found


def _weeks_from(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    count_text = m.group("count")
    count = 1 if count_text in ("a", "an") else int(count_text)
    start = ctx.today + dt.timedelta(days=1 if m.group("from") == "tomorrow" else 0)
    return start + dt.timedelta(weeks=count)


def _working_days(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    left, day = int(m.group("count")), ctx.today
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _hours(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return ctx.today + dt.timedelta(days=-(-int(m.group("count")) // 24))


def _shift(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    count_text = m.group("count")
    count = 1 if count_text in ("a", "an") else int(count_text)
    unit = m.group("unit")
    sign = -1 if m.groupdict().get("ago") else 1
    if unit.startswith(("d",)):
        delta = relativedelta(days=count)
    elif unit.startswith("f"):
        delta = relativedelta(days=14 * count)
    elif unit.startswith("w"):
        delta = relativedelta(weeks=count)
    elif unit.startswith("y"):
        delta = relativedelta(years=count)
    else:
        delta = relativedelta(months=count)
    try:
        return ctx.today + sign * delta
    except (ValueError, OverflowError):
        return None


def _weekend(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    today = ctx.today
    if m.group("next"):
        monday = today - dt.timedelta(days=today.weekday())
        return monday + dt.timedelta(days=12)
    return today + dt.timedelta(days=(5 - today.weekday()) % 7)


def _next_month(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    step = -1 if m.group("cue") == "last" else 1
    return ctx.today + relativedelta(months=step)


def _fixed(month: int, day: int) -> Handler:
    return lambda m, ctx: _yearless(ctx, lambda y: _safe_date(y, month, day))


def _easter(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return _yearless(ctx, lambda y: easter(y) if 1583 <= y <= 4099 else None)


def _weekday_week(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    found = _coming(ctx.today, _WEEKDAYS[m.group("weekday")])
    return found + dt.timedelta(days=7)


def _next_week(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return ctx.today + dt.timedelta(days=-7 if m.group("cue") == "last" else 7)


def _end_of_any(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    which = m.group("which") or m.group("which2")
    return _end_of_which(which, bool(m.group("next")), ctx)


def _end_of_which(which: str, later: bool, ctx: _Ctx) -> dt.date | None:
    today = ctx.today
    if which == "week":
        friday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=4)
        if later:
            return friday + dt.timedelta(days=7)
        return friday if friday >= today else friday + dt.timedelta(days=7)
    if which == "month":
        first = today.replace(day=1) + relativedelta(months=1 if later else 0)
        return first.replace(day=_last_day(first.year, first.month))
    return dt.date(today.year + (1 if later else 0), 12, 31)


def _end_of_this_week(m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    return _end_of_which("week", False, ctx)


_TOMORROW = (
    r"(?:tomorrow|tomorow|tommorow|tommorrow|tomorro|tomoro|tmrw|tmw|tmr|tomoz|tmoz|"
    r"2moro|2morrow|2mrw|2morow)"
)
_TODAY = (
    r"(?:today|2day|tday|tonight|tonite|2nite|this\s+(?:morning|afternoon|evening)|earlier\s+today)"
)
_YEAR4 = r"(?P<y>\d{4}|'\d{2})"
_YEAR = r"(?P<y>\d{4}|'?\d{2}(?!\d|\s*(?:am|pm|:|\.\d|h\b|hrs?\b|o'clock)))"
_WD_PREFIX = rf"(?:(?:{_alt(_WEEKDAYS)})\.?,?\s+)?"


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Explicit dates win over relative words when both are typed.
_EXPLICIT: list[tuple[re.Pattern[str], Handler]] = [
    (_r(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/.\-])"), _iso),
    (
        _r(
            r"(?<![\d/.\-])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?"
            r"(?P<y>\d{4}|\d{2})(?![\d/.\-])"
        ),
        _numeric,
    ),
    (
        _r(
            r"(?<![\d/.\-])(?P<d>\d{1,2})\s?[/\-]\s?(?P<m>\d{1,2})(?![\d/.\-%]|\s?(?:%|am|pm|hrs?\b))"
        ),
        _numeric,
    ),
    (
        _r(
            rf"{_WD_PREFIX}\b(?:the\s+)?(?P<d>\d{{1,2}}){ORD}?\s*(?:of\s+|-)?{MONTH}\b"
            rf"(?:,?\s*-?{_YEAR})?"
        ),
        _day_name_month,
    ),
    (
        _r(
            rf"{_WD_PREFIX}\b{MONTH}\s*(?:the\s+)?(?P<d>\d{{1,2}}){ORD}?\b(?!\s*(?:days?|weeks?|"
            rf"months?|years?|people|times?|am|pm)\b)(?:,?\s*{_YEAR4})?"
        ),
        _day_name_month,
    ),
    (
        _r(
            rf"\b(?:the\s+)?(?P<part>end|start|beginning|begining|middle|mid|early|late)"
            rf"(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+month\s+of\s+)?{MONTH}\b(?:\s*{_YEAR4})?"
        ),
        _month_part,
    ),
    (_r(rf"\b{MONTH}\s+{_YEAR4}\b"), _month_part),
    (
        _r(
            rf"\b(?:by|in|before|until|till|til|around|during|for|of|about|start|"
            rf"through|thru)\s+(?:the\s+)?{MONTH}\b(?!\s*\d)"
        ),
        _month_part,
    ),
    (_r(rf"\b(?:the\s+)?(?P<d>\d{{1,2}}){ORD}\b"), _ordinal_day),
]

_RELATIVE: list[tuple[re.Pattern[str], Handler]] = [
    (_r(r"\bday\s+after\s+" + _TOMORROW + r"\b"), _days(2)),
    (_r(r"\bday\s+before\s+yesterday\b"), _days(-2)),
    (_r(r"\ba\s+week\s+today\b"), _days(7)),
    (_r(r"\ba\s+week\s+" + _TOMORROW + r"\b"), _days(8)),
    (_r(r"\b" + _TOMORROW + r"\b"), _days(1)),
    (_r(r"\b(?:yesterday|yday|yest|last\s+night)\b"), _days(-1)),
    (_r(r"\b" + _TODAY + r"\b"), _days(0)),
    # "Before Christmas" is done by Christmas Eve; "before new year" by New Year's Eve.
    (_r(r"\bbefore\s+(?:christmas|chrismas|christmass|xmas|xmass|crimbo)(?:\s+day)?\b(?!\s*(?:hol|break|term|eve))"),
     _fixed(12, 24)),
    (_r(r"\bbefore\s+(?:the\s+)?new\s+year'?s?(?:\s+day)?\b(?!\s*(?:hol|break|eve))"),
     _fixed(12, 31)),
    (
        _r(
            r"(?<!after\s)\b(?:christmas|chrismas|christmass|xmas|xmass|crimbo)\s+eve\b"
            r"|(?<!after\s)\b(?:christmas|chrismas|christmass|xmas|xmass|crimbo)(?:\s+day)?\b"
            r"(?!\s*(?:hol|break|term))"
        ),
        lambda m, ctx: _fixed(12, 24 if "eve" in m.group(0) else 25)(m, ctx),
    ),
    (_r(r"\bboxing\s+day\b"), _fixed(12, 26)),
    (_r(r"\bnew\s+(?:years?|yrs?)'?s?\s+eve\b|\bhogmanay\b"), _fixed(12, 31)),
    (
        # "in the new year" is weeks long, not New Year's Day.
        _r(
            r"(?<!after\s)(?<!the\s)\bnew\s+(?:years?|yrs?)'?s?(?:\s+day)?\b"
            r"(?!\s*(?:hol|break|resolution))"
        ),
        _fixed(1, 1),
    ),
    (
        _r(r"(?<!after\s)\beaster(?:\s+(?:sunday|day))?\b(?!\s*(?:hol|break|term|monday))"),
        _easter,
    ),
    (_r(r"\bhalloween\b"), _fixed(10, 31)),
    (_r(r"\bvalentine'?s?(?:\s+day)?\b"), _fixed(2, 14)),
    (_r(r"\bbonfire\s+night\b"), _fixed(11, 5)),
    (
        _r(
            rf"\b(?P<cue>next|this|coming|last|on|by|before|until|till)\s+(?:the\s+)?{WEEKDAY_ANY}\b"
        ),
        _weekday,
    ),
    (_r(rf"\b(?:a\s+week\s+(?:on|from)\s+){WEEKDAY_ANY}\b"), _weekday_week),
    (_r(rf"\b{WEEKDAY_FULL}\s+(?P<week>week)\b"), _weekday),
    (_r(rf"\b{WEEKDAY_FULL}\b"), _weekday),
    (_r(rf"\b(?:in|within|after)\s+(?:the\s+next\s+)?{COUNT}\s*{UNIT}\b"), _shift),
    (_r(rf"\b{COUNT}\s*{UNIT}(?:'?s)?\s+(?:time|from\s+(?:now|today))\b"), _shift),
    (_r(rf"\b{COUNT}\s*{UNIT}\s+(?P<ago>ago)\b"), _shift),
    # "two weeks tomorrow": a fortnight from tomorrow.
    (_r(rf"\b{COUNT}\s*(?P<unit>weeks?|wks?)\s+(?P<from>tomorrow|today)\b"), _weeks_from),
    # "5 working days", "within 10 working days": Monday to Friday, from tomorrow.
    (_r(r"\b(?P<count>\d{1,2})\s+(?:working|work|business)\s+days?\b"), _working_days),
    # "within 48hrs": the day it runs out.
    (_r(r"\b(?:in|within)\s+(?P<count>\d{1,3})\s*(?:hours?|hrs?|h)\b"), _hours),
    (_r(r"\b(?:a\s+)?fortnight\b(?!\s+(?:ago|since))"), _days(14)),
    (_r(r"\b(?P<cue>next|last)\s+(?:week|wk)\b(?!\s*end)"), _next_week),
    (_r(r"\b(?P<cue>next|last)\s+(?:month|mth|mnth)\b"), _next_month),
    (
        _r(
            r"\b(?:the\s+)?end\s+of\s+(?:(?:the|this|ths)\s+|(?P<next>next)\s+)?"
            r"(?P<which>week|month|year)\b"
            r"|\b(?P<which2>month|year)\s*-?\s*end\b"
        ),
        _end_of_any,
    ),
    (_r(r"\b(?:this\s+week)\b"), _end_of_this_week),
    (_r(r"\b(?:(?P<next>next)\s+|this\s+|the\s+)week\s*-?\s*end\b"), _weekend),
]

# Only when they are the whole answer, once filler words are gone.
_WHOLE: list[tuple[re.Pattern[str], Handler]] = [
    (_r(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})"), _numeric),
    (_r(rf"{MONTH}"), _month_part),
    (_r(rf"(?P<cue>){WEEKDAY_ANY}"), _weekday),
    (_r(rf"{COUNT}\s*{UNIT}"), _shift),
    (
        _r(r"(?:a\s+)?(?P<count>)(?P<unit>fortnight)"),
        lambda m, c: c.today + dt.timedelta(14),
    ),
    (_r(r"(?:a\s+)?week"), _days(7)),
    (_r(r"(?P<next>)week\s*-?\s*end"), _weekend),
]


_FILLER = re.compile(
    r"^(?:(?:hopefully|hopefuly|ideally|maybe|probably|prob|approx(?:imately)?|roughly|about|"
    r"around|by|before|on|no\s+later\s+than|not\s+later\s+than|at\s+the\s+(?:latest|earliest)|"
    r"latest|until|till|til|from|for|at|within|in|the|say|i\s+think|i'?d\s+say|i\s+guess|"
    r"sometime|some\s+time|um+|erm+|er|uh+|well|oh|ok|okay|so|it\s+was|it'?s|it\s+is|was|"
    r"is|be|should\s+be|will\s+be|we\s+said|they\s+said|hopefully\s+by|"
    # A guess after a shrug is still the guess: "dunno 6 months", "idk, a year".
    r"dunno|idk|not\s+sure|no\s+idea|(?:i\s+)?don'?t\s+know)\b[\s,:\-]*)+"
)
_TRAILING = re.compile(
    r"\b(?:hopefully|ideally|at\s+the\s+latest|latest|or\s+so|ish|please|i\s+think|i\s+hope|"
    r"maybe|probably|roughly|or\s+sooner|or\s+before|if\s+possible|if\s+progress|"
    r"if\s+(?:all|things|it|everything|the\s+plan)\s+goes?\s+well|if\s+it\s+works)$|-?ish$"
)
_TRAILING_PUNCT = " ,.!?:;-"


def _strip_filler(text: str) -> str:
    text = _FILLER.sub("", text)
    while True:
        text = text.rstrip(_TRAILING_PUNCT)
        # Only the tail can hold trailing filler; searching just the tail keeps
        # this linear on a long run of punctuation.
        tail = text[-30:]
        m = _TRAILING.search(tail)
        if m is None:
            return text
        text = text[: len(text) - len(tail) + m.start()]


def _first(rules: list[tuple[re.Pattern[str], Handler]], text: str, ctx: _Ctx) -> dt.date | None:
    """The earliest (then longest) match that makes a real date."""
    candidates: list[tuple[int, int, Handler, re.Match[str]]] = []
    for pattern, handler in rules:
        for m in pattern.finditer(text):
            candidates.append((m.start(), -(m.end() - m.start()), handler, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _start, _length, handler, m in candidates:
        found = _run(handler, m, ctx)
        if found is not None:
            return found
    return None


def _run(handler: Handler, m: re.Match[str], ctx: _Ctx) -> dt.date | None:
    # Arithmetic near year 1 or 9999 overflows; such a date is simply not understood.
    try:
        return handler(m, ctx)
    except (OverflowError, ValueError):
        return None


def _find(text: str, ctx: _Ctx) -> dt.date | None:
    whole = _strip_filler(text)
    for pattern, handler in _WHOLE:
        m = pattern.fullmatch(whole)
        if m:
            found = _run(handler, m, ctx)
            if found is not None:
                return found
    return _first(_EXPLICIT, text, ctx) or _first(_RELATIVE, text, ctx)


def _unclear(*_args: object, **_kwargs: object) -> DateParse:
    return DateParse(None, UNCLEAR)


def _parse(text: object, today: dt.date, allow_past: bool, nearest: bool) -> DateParse:
    if not isinstance(today, dt.date):
        return DateParse(None, UNCLEAR)
    if isinstance(today, dt.datetime):
        today = today.date()
    found = _find(_normalise(text), _Ctx(today=today, nearest=nearest))
    if found is None:
        return DateParse(None, UNCLEAR)
    if found < today and not allow_past:
        return DateParse(found, PAST)
    return DateParse(found, None)


@never_raises(_unclear)
def parse_uk_date(text: str, today: dt.date, allow_past: bool = False) -> DateParse:
    """Read a date the UK way; ``problem`` is None, "unclear" or "past"."""
    return _parse(text, today, allow_past, nearest=allow_past)


@never_raises(lambda *_a, **_k: "")
def format_uk_date(d: dt.date) -> str:
    """12 January 2027: no leading zero, month in full, no weekday."""
    if not isinstance(d, dt.date):
        return ""
    return f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"
