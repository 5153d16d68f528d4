"""Dates, times and scores written the way a UK reader expects them."""

from __future__ import annotations

import datetime as dt
import math
import re

try:  # Times are stored in UTC; people read them in UK time.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        _UK: dt.tzinfo | None = ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:  # no time zone database on this machine
        _UK = None
except ImportError:  # pragma: no cover - Python 3.10 always has zoneinfo
    _UK = None


def long_date(day: dt.date) -> str:
    """'3 March 2024' (``%-d`` is not portable, so the day is added by hand)."""
    return f"{day.day} {day:%B %Y}"


_DATE_WORDS = re.compile(r"^(?:by|on|before|until|for)\s+", re.IGNORECASE)


def words_beyond_date(words: str | None, day: dt.date | None) -> str | None:
    """The person's words for a date, or None when they only say the date shown beside them.

    "by 18 December" next to "18 December 2026" says nothing more; "by the end
    of term" does, and is kept as said.
    """
    if words is None or not words.strip():
        return None
    if day is None:
        return words
    said = " ".join(_DATE_WORDS.sub("", words.strip()).rstrip(".").casefold().split())
    same = {
        long_date(day).casefold(),
        f"{day.day} {day:%B}".casefold(),
        f"{day.day} {day:%b %Y}".casefold(),
        f"{day.day} {day:%b}".casefold(),
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%y}",
        f"{day:%d/%m}",
        day.isoformat(),
    }
    return None if said in same else words


def month_year(day: dt.date) -> str:
    return f"{day:%B %Y}"


def as_utc(moment: dt.datetime) -> dt.datetime:
    """The model keeps times in UTC; a time with no zone is taken to be UTC too."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def local_time(moment: dt.datetime) -> dt.datetime:
    utc = as_utc(moment)
    return utc.astimezone(_UK) if _UK is not None else utc


def long_datetime(moment: dt.datetime) -> str:
    """'3 March 2024 at 14:05' in UK time ('... UTC' when no zone data is installed)."""
    local = local_time(moment)
    suffix = "" if _UK is not None else " UTC"
    return f"{long_date(local.date())} at {local:%H:%M}{suffix}"


def local_date(moment: dt.datetime) -> dt.date:
    return local_time(moment).date()


def score_text(value: float) -> str:
    """7 rather than 7.0; 7.5 stays 7.5."""
    number = float(value)
    if not math.isfinite(number):
        return str(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:.2f}".rstrip("0").rstrip(".")
