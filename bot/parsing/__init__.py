"""Turn what people type into structured values for the safety plan interview.

Pure Python (standard library and python-dateutil). Every public function
answers "not understood" (None, [], or a value with ``problem`` set) instead
of raising, whatever it is given, and none of them logs the text.
"""

from bot.parsing.dates import DateParse, format_uk_date, parse_uk_date
from bot.parsing.scores import ScoreParse, parse_score
from bot.parsing.yesno import parse_yes_no

__all__ = [
    "DateParse",
    "ScoreParse",
    "format_uk_date",
    "parse_score",
    "parse_uk_date",
    "parse_yes_no",
]
