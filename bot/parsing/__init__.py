"""Turn what people type into structured values for the safety plan interview.

Pure Python (standard library, python-dateutil and rapidfuzz). Every public function
answers "not understood" (None, [], or a value with ``problem`` set) instead
of raising, whatever it is given, and none of them logs the text.
"""

from bot.parsing.closure_dates import ClosureDate, read_closure_date
from bot.parsing.dates import DateParse, format_uk_date, parse_uk_date
from bot.parsing.meetings import MeetingParse, parse_meeting
from bot.parsing.people import (
    NamedChild,
    NamedPerson,
    WhoDoesWhat,
    extract_contact,
    is_short_form,
    mentioned_names,
    parse_children,
    parse_people,
    parse_self,
    parse_who_does_what,
    who_does_what_parts,
)
from bot.parsing.scores import ScoreParse, parse_score
from bot.parsing.step_dates import StepDate, read_step_date
from bot.parsing.yesno import parse_yes_no

__all__ = [
    "ClosureDate",
    "DateParse",
    "MeetingParse",
    "NamedChild",
    "NamedPerson",
    "ScoreParse",
    "WhoDoesWhat",
    "extract_contact",
    "is_short_form",
    "format_uk_date",
    "mentioned_names",
    "parse_children",
    "parse_meeting",
    "parse_people",
    "parse_score",
    "parse_self",
    "parse_uk_date",
    "read_closure_date",
    "read_step_date",
    "StepDate",
    "parse_who_does_what",
    "who_does_what_parts",
    "parse_yes_no",
]
