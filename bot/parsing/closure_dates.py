"""The answer to "when could children's services stop being involved?": a date, ask, or not known.

    read_closure_date("6 months i guess", today)          -> ClosureDate("date", today + 6 months)
    read_closure_date("6 months, sorry no, a year", today) -> ClosureDate("date", today + 1 year)
    read_closure_date("6/12", today)                       -> ClosureDate("date", today + 6 months)
    read_closure_date("after the court hearing", today)    -> ClosureDate("ask")
    read_closure_date("TBC", today)                        -> ClosureDate("dont_know")

A target closure date is a span from today more often than a day ("about a
year"), said with hedges, conditions and second thoughts, or in a worker's
shorthand (6/12 is six months, 12/52 twelve weeks). What is left once those are
read goes to the date reader (bot/parsing/dates.py). A span counted from an
event the plan has no date for ("six months from the conference"), a loose
amount ("a couple of months") or a range too wide to pick from is asked about,
never guessed: the date is a fact in the plan. The interview reads the date
back. scripts/closure_blind_eval.py scores this on answers written by people
who have not read it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.easter import easter
from rapidfuzz import fuzz, process

from bot.parsing._text import never_raises
from bot.parsing.dates import parse_uk_date

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()


# Characters: longer answers are asked about, not searched for a date.
_LONGEST = 200


@dataclass(frozen=True)
class ClosureDate:
    # "date": the target date; "ask": no date can fairly be taken from the words
    # (`why` says which kind, for the question back); "dont_know": not known yet.
    kind: str
    date: dt.date | None = None
    why: str = ""


# Not known yet, said any way ("TBC", "not a clue to be honest", "unknown at this stage").
_DONT_KNOW = re.compile(
    r"^\W*(?:(?:i\s+)?(?:really\s+)?(?:do\s*n'?t|dont|dnt|do not)\s+(?:really\s+)?know|dunno|idk|"
    r"no\s+idea|not\s+a\s+clue|no\s+clue|not\s+sure|unsure|tbc|tbd|to\s+be\s+confirmed|"
    r"unknown|not\s+known|can'?t\s+say|cannot\s+say|who\s+knows|no\s+one\s+knows|skip(?:\s+it)?|"
    r"pass|(?:can\s+we\s+|can\s+i\s+)?leave\s+(?:it|that|this)(?:\s+for\s+now)?)"
    r"(?:\s+(?:yet|at\s+the\s+moment|at\s+this\s+stage|at\s+present|right\s+now|to\s+be\s+honest|"
    r"tbh|really|sorry|mate|lol|x+))*\W*$",
    re.IGNORECASE,
)
# Second thoughts: what comes after the last of these is the answer.
_CORRECTION = re.compile(
    r"\b(?:sorry\s+no|no\s+sorry|no\s+wait|wait\s+no|wait|actually(?:\s+make\s+it)?|"
    r"make\s+it|i\s+mean|i\s+meant|correction|scratch\s+that|or\s+rather|no\s+no)\b[\s,:\-]*",
    re.IGNORECASE,
)
# "close by 9 months" inside a longer answer ("review at 3 months, close by ...").
_CLOSE_AT = re.compile(
    r"\b(?:close|closed|closing|closure|step\s+down)\b(?:\s+(?:by|at|in|after|around|for))?\s+"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
# A condition after the date ("6 months if i stay sober"): the date is the answer.
_CONDITION = re.compile(
    r"[\s,;\-(]+(?:but|if|as\s+long\s+as|so\s+long\s+as|provided|providing|assuming|depending|"
    r"subject\s+to|unless|cos|because|as|for)\b.*$",
    re.IGNORECASE,
)
# Hedges and asides around the date, at either end.
_HEDGE = re.compile(
    r"^(?:idk|dunno|not\s+sure|like|maybe|hopefully|ideally|probably|prob|approx\.?|approximately|"
    r"roughly|about|around|c\.?|ca\.?|circa|say|um+|erm+|well|no\s+longer\s+than|no\s+more\s+than|"
    r"not\s+more\s+than|under|within|in|by|before|the|at\s+most)\b[\s,.\-]*"
    r"|[\s,.\-]*\b(?:i\s+guess|i\s+think|i\s+hope|hopefully|maybe|max|tops|at\s+most|at\s+the\s+most|"
    r"they\s+said|she\s+said|he\s+said|we\s+said|apparently|approx\.?|or\s+so|ish|lol|haha|x+|"
    r"to\s+be\s+safe|please|pls|is\s+better|would\s+be\s+(?:good|nice|better|best|great)|"
    r"works|is\s+good|is\s+fine|is\s+ok)$",
    re.IGNORECASE,
)
# Counted from something the plan has no date for ("six months from the
# conference", "after the court hearing in feb"): ask which date.
_EVENT = (
    r"[^.]*\b(?:court|hearing|conference|icpc|rcpc|cp|review|assessment|panel|meeting|plan|"
    r"finish(?:es|ed)?|starts?|turns?|born|birth|birthday|comes|moves?|released|out|sentence|"
    r"course|programme|program|treatment|op|operation|say|says|said|decide|agree|happy|ready)\b"
)
_AFTER_EVENT = re.compile(
    r"\b(?:after|from|following|once)\b(?!\s+(?:now|today)\b)" + _EVENT, re.IGNORECASE
)
# "by the time he starts school", "when she turns 16 in august": a month said is
# the answer; without one, ask.
_BY_EVENT = re.compile(
    r"\b(?:when|by\s+the\s+time|before|until|till|by)\b" + _EVENT, re.IGNORECASE
)
_SAYS_WHEN = re.compile(
    r"\b(?:" + "|".join(_MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    r"|\d{1,2}\s*[/.]\s*\d{1,2}",
    re.IGNORECASE,
)
# Amounts too loose to be a date ("a couple of months", "a while", "at least a year").
_LOOSE = re.compile(
    r"\b(?:couple|few|several|some\s+time|sometime|a\s+while|awhile|ages|long\s+time|soon|sooner|"
    r"asap|as\s+soon\s+as|whenever|at\s+least|never|over|more\s+than|a\s+year\s+or\s+two|"
    r"q[1-4]|quarter|(?:in\s+)?the\s+new\s+year)\b",
    re.IGNORECASE,
)
# "6-12 months", "3 to 4 months", "a year maybe 2": a range.
_RANGE = re.compile(
    r"\b(?P<a>\d{1,2})\s*(?:-|–|to|or)\s*(?P<b>\d{1,2})\s*(?P<unit>months?|mths?|weeks?|wks?|"
    r"years?|yrs?)\b",
    re.IGNORECASE,
)
_TWO_SPANS = re.compile(r"\b(?:a|an|\d+)\s+(?:years?|months?)\b.*\b(?:maybe|or)\s+\d+\b", re.I)
# A worker's shorthand: 6/12 is six months, 12/52 twelve weeks.
_SHORTHAND = re.compile(r"^(?P<n>\d{1,2})\s*/\s*(?P<of>12|52)$")
# A month with a two-digit year or a four-digit one ("09/2027", "Sept 27").
_MONTH_YEAR = re.compile(r"^(?P<m>\d{1,2})\s*/\s*(?P<y>20\d\d)$")
_MONTH_WORD = (
    r"(?:" + "|".join(_MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
# "march or april", "end of march or april": two months, so which?
_TWO_MONTHS = re.compile(rf"\b{_MONTH_WORD}\s*(?:or|/|-|to)\s*{_MONTH_WORD}\b", re.I)
# "march next year", "next year in march": that month of next year.
_MONTH_NEXT_YEAR = re.compile(
    rf"^(?:(?P<a>{_MONTH_WORD})\s+next\s+year|next\s+year\s+(?:in\s+)?(?P<b>{_MONTH_WORD}))$",
    re.I,
)
_END_OF_YEAR = re.compile(r"^(?:the\s+)?end\s+of\s+(?P<y>20\d\d)$", re.I)
_EASTER = re.compile(r"\beaster\b", re.I)
_NUMBER_WORDS = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "nineteen": 19, "twenty one": 21, "twenty two": 22, "twenty three": 23,
    "twenty four": 24, "thirty": 30, "thirty six": 36,
}
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I
)
_HALF = re.compile(r"^(?:half\s+a|a\s+half)\s+(?:year|yr)$", re.I)
_YEAR_AND_HALF = re.compile(r"^(?:a|one|1)\s+(?:year|yr)\s+and\s+a\s+half$|^18\s+months$", re.I)
_THIS_TIME = re.compile(r"^(?:this\s+time|same\s+time)\s+next\s+year$", re.I)
_NEXT_YEAR_HOLIDAY = re.compile(r"\bnext\s+year\b|\b20(\d\d)\b", re.I)
_HOLIDAY = re.compile(r"\b(?:christmas|chrismas|xmas|crimbo|easter)\b", re.I)
_NEXT_NAMED = re.compile(
    r"\bnext\s+(?P<what>christmas|chrismas|xmas|crimbo|easter|" + "|".join(_MONTH_NAMES)
    + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b",
    re.I,
)
_SCHOOL_YEAR_END = re.compile(
    r"\b(?:(?:by|before|start\s+of)\s+(?:the\s+)?summer\s+(?:holidays|hols)|end\s+of\s+(?:the\s+)?"
    r"(?:school\s+year|summer\s+term)|(?:when|before)\s+(?:the\s+)?schools?\s+breaks?\s+up)\b",
    re.I,
)
_HALF_TERM = re.compile(r"\b(?P<month>[a-z]+)\s+half[\s-]?term\b", re.I)
_FINANCIAL_YEAR = re.compile(r"\bend\s+of\s+(?:the\s+)?(?:fy|financial\s+year)\b", re.I)
_UNIT_TYPOS = {
    "monts": "months", "mnths": "months", "munths": "months", "monthes": "months",
    "moths": "months", "months": "months", "yeat": "year", "yeer": "year", "yr": "year",
    "yrs": "years", "yeats": "years", "weks": "weeks", "wks": "weeks",
}


def _fix_words(text: str) -> str:
    """Unit typos, and month names spelt as heard ("marsh", "augest")."""
    out = []
    for word in text.split():
        bare = word.strip(",.!?").casefold()
        if bare in _UNIT_TYPOS:
            word = word.casefold().replace(bare, _UNIT_TYPOS[bare])
        elif len(bare) >= 5 and bare.isalpha() and bare not in _MONTH_NAMES:
            found = process.extractOne(bare, _MONTH_NAMES, scorer=fuzz.ratio, score_cutoff=80)
            if found is not None and _month_like(bare, found[0]):
                word = word.casefold().replace(bare, found[0])
        out.append(word)
    return " ".join(out)


def _month_like(word: str, month: str) -> bool:
    # Same first two letters: "marsh" is March, "match" is not.
    return word[:2] == month[:2] and word not in ("marks", "mayor", "junior", "julie")


def _add_months(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.month - 1 + months, 12)
    year += today.year
    # The same day, or the month's last day when it has fewer ("31 March + 1 month").
    return dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _strip(text: str) -> str:
    previous = None
    text = text.strip(" ,.!?;:-")
    while previous != text:
        previous = text
        text = _HEDGE.sub("", text).strip(" ,.!?;:-")
    return text


def _last_thought(text: str) -> str:
    """After "6 months, sorry no, a year": "a year". "make it 6" borrows the unit said before."""
    parts = [p for p in _CORRECTION.split(text) if p.strip(" ,.!?;:-")]
    if len(parts) < 2:
        return text
    last = _strip(parts[-1])
    if re.fullmatch(r"\d{1,2}", last):
        unit = re.search(r"\b(months?|weeks?|years?)\b", parts[-2], re.I)
        if unit:
            return f"{last} {unit.group(1)}"
    return last


def _future(date: dt.date | None, today: dt.date) -> ClosureDate:
    if date is None:
        return ClosureDate("ask", why="unclear")
    if date <= today:
        return ClosureDate("ask", why="past")
    return ClosureDate("date", date)


@never_raises(lambda *_a, **_k: ClosureDate("ask", why="unclear"))
def read_closure_date(text: str, today: dt.date) -> ClosureDate:
    said = " ".join(str(text).replace("\u2019", "'").split())
    if not said or len(said) > _LONGEST:
        # Nobody writes a closure date at this length; reading it would only risk
        # picking one date out of a story. Asked again instead, quickly.
        return ClosureDate("ask", why="unclear")
    if _DONT_KNOW.match(said):
        return ClosureDate("dont_know")
    sentences = [p for p in re.split(r"(?<=[.?!])\s+", said) if p.strip(" .?!")]
    if (
        len(sentences) > 1
        and not _CORRECTION.search(said)
        and not _TWO_MONTHS.search(re.sub(r"[.?!]", " ", said))
    ):
        # "idk like 6 months? is that how it works": the one sentence with a date in it.
        read = [read_closure_date.__wrapped__(p, today) for p in sentences]  # type: ignore[attr-defined]
        dates = [r for r in read if r.kind == "date"]
        if len(dates) == 1 and not any(r.why == "event" for r in read):
            return dates[0]
    said = _fix_words(said)
    said = _last_thought(said)
    close = _CLOSE_AT.search(said)
    if close and close.start() > 0:
        # "review at 3 months, close by 9 months": the closing part, when it has a date.
        closing = read_closure_date.__wrapped__(close.group("rest"), today)  # type: ignore[attr-defined]
        if closing.kind == "date":
            return closing
    # "6 months if i stay sober": the condition is not when to count from.
    said = _CONDITION.sub("", said)
    if _AFTER_EVENT.search(said) or (_BY_EVENT.search(said) and not _SAYS_WHEN.search(said)):
        return ClosureDate("ask", why="event")
    if _LOOSE.search(said):
        return ClosureDate("ask", why="loose")
    if _SCHOOL_YEAR_END.search(said):
        year = today.year + (today.month > 7)
        return _future(dt.date(year, 7, 31), today)
    said = _strip(said)
    ranged = _RANGE.search(said)
    if ranged:
        low, high = int(ranged.group("a")), int(ranged.group("b"))
        if high <= low or high - low > 1:
            return ClosureDate("ask", why="range")
        said = f"{high} {ranged.group('unit')}"
    if _LOOSE.search(said) or _TWO_SPANS.search(said):
        return ClosureDate("ask", why="loose")
    shorthand = _SHORTHAND.match(said)
    if shorthand:
        n, of = int(shorthand.group("n")), shorthand.group("of")
        if of == "52":
            return _future(today + dt.timedelta(weeks=n), today)
        as_date = parse_uk_date(said, today, allow_past=True).date
        if as_date is not None and as_date > today:
            # "18/12" is the 18th of December as well as 18 months: ask which.
            return ClosureDate("ask", why="unclear")
        return _future(_add_months(today, n), today)
    month_year = _MONTH_YEAR.match(said)
    if month_year and 1 <= int(month_year.group("m")) <= 12:
        said = f"{_MONTH_NAMES[int(month_year.group('m')) - 1]} {month_year.group('y')}"
    if _TWO_MONTHS.search(said):
        return ClosureDate("ask", why="range")
    said = _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(0).casefold()]), said)
    next_year = _MONTH_NEXT_YEAR.match(said)
    if next_year:
        said = f"{next_year.group('a') or next_year.group('b')} {today.year + 1}"
    end_of_year = _END_OF_YEAR.match(said)
    if end_of_year:
        return _future(dt.date(int(end_of_year.group("y")), 12, 31), today)
    if _HALF.match(said):
        return _future(_add_months(today, 6), today)
    if _YEAR_AND_HALF.match(said):
        return _future(_add_months(today, 18), today)
    if _THIS_TIME.match(said):
        return _future(_add_months(today, 12), today)
    if _FINANCIAL_YEAR.search(said):
        year = today.year + (today.month > 3)
        return _future(dt.date(year, 3, 31), today)
    half_term = _HALF_TERM.search(said)
    if half_term:
        said = half_term.group("month")
    named = _NEXT_NAMED.search(said)
    if named and not _NEXT_YEAR_HOLIDAY.search(said):
        found = parse_uk_date(named.group("what"), today).date
        if found is None:
            return ClosureDate("ask", why="unclear")
        if (found - today).days < 62:
            # "next christmas" in December: this one, or next year's? Ask.
            return ClosureDate("ask", why="unclear")
        return _future(found, today)
    # Yearless dates are the next one ("march" in December is next March).
    found = parse_uk_date(said, today).date
    if found is not None and _HOLIDAY.search(said) and _NEXT_YEAR_HOLIDAY.search(said):
        # "christmas next year", "easter 2028": the holiday in the year said.
        year_said = re.search(r"\b20(\d\d)\b", said)
        year = 2000 + int(year_said.group(1)) if year_said else today.year + 1
        found = easter(year) if _EASTER.search(said) else dt.date(year, found.month, found.day)
    return _future(found, today)
