"""The answer to "By when?" for a step: a deadline, a step already done, or a question back.

    read_step_date("before xmas", today)   -> StepDate("date", 24 December)
    read_step_date("done last week", today) -> StepDate("done", the date a week ago)
    read_step_date("asap", today)           -> StepDate("asap", None): ask for a date

The interview turns each kind into what it says and asks (bot/interview/answers.py);
scripts/dates_blind_eval.py scores it on answers written by people who have not
read this.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.parsing.dates import parse_uk_date

# "As soon as possible": understood, but a plan needs a date to check by.
_ASAP = re.compile(
    r"^\W*(?:asap|a\.s\.a\.p\.?|as soon as(?: (?:possible|poss|we can|i can|they can"
    r"|he can|she can))?|straight ?away|right away|immediately|urgently|soon|now|right now)"
    r"\W*$",
    re.IGNORECASE,
)
# A season or school holiday: weeks long, so which day?
_SEASON = re.compile(
    r"\b(?:summer|spring|autumn|winter|half[\s-]?term|hols|holidays)\b", re.IGNORECASE
)
# "done", "already done last week", "yes it's happened", "Completed 02/12": the
# step is done. ("Done by Friday" is a deadline, so "by" after it is not.)
_DONE = re.compile(
    r"^\W*(?:yes\W+|yeah\W+|yep\W+|yup\W+|ok\W+)?(?:it'?s |its |it is |it has |that'?s "
    r"|thats |we'?ve |i'?ve |we have |i have |(?:he|she|they) (?:has|have) )?(?:already |all )?"
    r"(?:been )?(?:done|happened|finished|sorted|completed?|did it|done it)\b(?! by\b)"
    r"|\balready\b",
    re.IGNORECASE,
)
# Told in the past tense ("we did that yesterday", "she went on the 1st"): with a
# date that has gone by, the step has been done.
_PAST_TENSE = re.compile(
    # Not "was" or "had": "it was meant to be friday" is not done.
    r"\b(?:did|went|took|sent|saw|visited|attended|rang|called|phoned|met)\b",
    re.IGNORECASE,
)
# A deadline said loosely ("sometime next month", "mid jan ish"): ask for the day.
_LOOSE = re.compile(r"\b(?:sometime|some time|ish)\b|\w-ish\b", re.IGNORECASE)


# Something that keeps happening ("its every week already, ongoing"): no deadline,
# and not done (a persona's weekly step was recorded as done because of "already").
_ONGOING = re.compile(
    r"\b(?:ongoing|on-going|on\s+going|continuing|continues|carries\s+on|all\s+the\s+time|"
    r"every\s+(?:day|week|weekend|fortnight|month|morning|night|evening|"
    r"mon|tues|wednes|thurs|fri|satur|sun)\w*|each\s+(?:day|week|month)|weekly|daily|"
    r"fortnightly|monthly|regularly|no\s+end\s+date)\b",
    re.IGNORECASE,
)


_UNTIL = re.compile(r"\b(?:until|till|til|by|before|up\s+to|end\s+of|for\s+the\s+next)\b", re.I)


@dataclass(frozen=True)
class StepDate:
    # "date": a deadline; "done": already done (on `date` if said); "ongoing": keeps
    # happening, no deadline; "past": a date gone by, not said to be done; "asap",
    # "season", "unclear": ask again.
    kind: str
    date: dt.date | None = None


def read_step_date(text: str, today: dt.date) -> StepDate:
    if _ONGOING.search(text):
        ahead = parse_uk_date(text, today)
        # "weekly until the end of march" has a deadline; "every week, ongoing" none.
        # ("every saturday" names a day, not a deadline: only "until", "by" ... do.)
        if (
            ahead.date is not None
            and not ahead.problem
            and ahead.date > today
            and _UNTIL.search(text)
        ):
            return StepDate("date", ahead.date)
        return StepDate("ongoing")
    if _DONE.search(text):
        parsed = parse_uk_date(text, today, allow_past=True)
        when = parsed.date if parsed.date is not None and parsed.date <= today else None
        return StepDate("done", when)
    if _PAST_TENSE.search(text):
        before = parse_uk_date(text, today, allow_past=True)
        if before.date is not None and before.date <= today:
            return StepDate("done", before.date)
    parsed = parse_uk_date(text, today)
    if _LOOSE.search(text):
        return StepDate("unclear")
    if parsed.problem == "past":
        return StepDate("past", parsed.date)
    if parsed.date is not None and not parsed.problem:
        return StepDate("date", parsed.date)
    if _ASAP.search(text):
        return StepDate("asap")
    if _SEASON.search(text):
        return StepDate("season")
    return StepDate("unclear")
