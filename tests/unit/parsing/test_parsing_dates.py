"""UK dates: day first, relative words, filler, and the past."""

import datetime as dt

import pytest

from bot.parsing import DateParse, format_uk_date, parse_uk_date

D = dt.date
THURSDAY = D(2026, 11, 26)


def ok(d: dt.date) -> DateParse:
    return DateParse(d, None)


@pytest.mark.parametrize(
    "text",
    [
        "12/01/2027",
        "12/1/27",
        "12-01-2027",
        "12.01.2027",
        "12 / 01 / 2027",
        "2027-01-12",
        "12 January 2027",
        "12th January 2027",
        "12 jan 2027",
        "Tuesday 12th January 2027",
        "12th of January 2027",
        "January 12th 2027",
        "January 12, 2027",
        "12th Jan",
        "Jan 12th",
        "12 jan",
        "12/01",
        "12.01",
        "the 12th of January",
        "twelfth of january",
    ],
)
def test_twelfth_of_january_every_way(text: str) -> None:
    assert parse_uk_date(text, THURSDAY) == ok(D(2027, 1, 12))


def test_day_always_comes_first() -> None:
    assert parse_uk_date("03/04/2027", THURSDAY) == ok(D(2027, 4, 3))
    assert parse_uk_date("4/3", THURSDAY) == ok(D(2027, 3, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", D(2026, 11, 26)),
        ("tonight", D(2026, 11, 26)),
        ("tomorrow", D(2026, 11, 27)),
        ("tmrw", D(2026, 11, 27)),
        ("tommorow", D(2026, 11, 27)),
        ("day after tomorrow", D(2026, 11, 28)),
        ("in two weeks", D(2026, 12, 10)),
        ("in 2 weeks", D(2026, 12, 10)),
        ("in 2 wks", D(2026, 12, 10)),
        ("2 weeks", D(2026, 12, 10)),
        ("two weeks time", D(2026, 12, 10)),
        ("in 3 days", D(2026, 11, 29)),
        ("in a couple of weeks", D(2026, 12, 10)),
        ("in a month", D(2026, 12, 26)),
        ("in six months", D(2027, 5, 26)),
        ("6 months from now", D(2027, 5, 26)),
        ("a fortnight", D(2026, 12, 10)),
        ("in a fortnight", D(2026, 12, 10)),
        ("fortnight", D(2026, 12, 10)),
        ("next week", D(2026, 12, 3)),
        ("next wk", D(2026, 12, 3)),
        ("a week today", D(2026, 12, 3)),
        ("next month", D(2026, 12, 26)),
        ("end of the month", D(2026, 11, 30)),
        ("end of this month", D(2026, 11, 30)),
        ("end of next month", D(2026, 12, 31)),
        ("end of the year", D(2026, 12, 31)),
        ("end of next year", D(2027, 12, 31)),
        ("christmas", D(2026, 12, 25)),
        ("Xmas", D(2026, 12, 25)),
        ("christmas eve", D(2026, 12, 24)),
        ("boxing day", D(2026, 12, 26)),
        ("new year", D(2027, 1, 1)),
        ("new year's day", D(2027, 1, 1)),
        ("new years eve", D(2026, 12, 31)),
        ("easter", D(2027, 3, 28)),
        ("the 12th", D(2026, 12, 12)),
        ("on the 30th", D(2026, 11, 30)),
        ("the first of march", D(2027, 3, 1)),
    ],
)
def test_relative_and_named_days(text: str, expected: dt.date) -> None:
    assert parse_uk_date(text, THURSDAY) == ok(expected)


@pytest.mark.parametrize(
    "text",
    [
        "by the end of March",
        "end of march",
        "End of March.",
        "in March",
        "March",
        "by march",
        "before the end of march",
        "hopefully by the end of march",
        "end of mar",
        "late march",
    ],
)
def test_a_month_means_its_last_day(text: str) -> None:
    assert parse_uk_date(text, THURSDAY) == ok(D(2027, 3, 31))


def test_month_parts() -> None:
    assert parse_uk_date("start of April", THURSDAY) == ok(D(2027, 4, 1))
    assert parse_uk_date("mid april", THURSDAY) == ok(D(2027, 4, 15))
    assert parse_uk_date("March 2028", THURSDAY) == ok(D(2028, 3, 31))


def test_this_months_name_is_the_end_of_this_month() -> None:
    assert parse_uk_date("end of november", THURSDAY) == ok(D(2026, 11, 30))
    assert parse_uk_date("november", D(2026, 11, 30)) == ok(D(2026, 11, 30))
    assert parse_uk_date("november", D(2026, 12, 1)) == ok(D(2027, 11, 30))


def test_february_end_follows_leap_years() -> None:
    assert parse_uk_date("end of feb", D(2027, 6, 1)) == ok(D(2028, 2, 29))


def test_next_month_is_clamped_to_the_end_of_a_short_month() -> None:
    assert parse_uk_date("next month", D(2027, 1, 31)) == ok(D(2027, 2, 28))
    assert parse_uk_date("in a month", D(2028, 1, 31)) == ok(D(2028, 2, 29))


# Week of Monday 23 November 2026. "next Friday" is the Friday of next week:
# Mon-Thu that skips this week's Friday; Fri-Sun it is the coming Friday.
@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 23), D(2026, 12, 4)),  # Monday
        (D(2026, 11, 24), D(2026, 12, 4)),  # Tuesday
        (D(2026, 11, 25), D(2026, 12, 4)),  # Wednesday
        (D(2026, 11, 26), D(2026, 12, 4)),  # Thursday
        (D(2026, 11, 27), D(2026, 12, 4)),  # Friday: a week today
        (D(2026, 11, 28), D(2026, 12, 4)),  # Saturday
        (D(2026, 11, 29), D(2026, 12, 4)),  # Sunday
    ],
)
def test_next_friday_is_friday_of_next_week(today: dt.date, expected: dt.date) -> None:
    assert parse_uk_date("next Friday", today) == ok(expected)
    assert parse_uk_date("next fri", today) == ok(expected)


def test_next_monday_said_on_a_monday_is_a_week_away() -> None:
    assert parse_uk_date("next monday", D(2026, 11, 23)) == ok(D(2026, 11, 30))
    assert parse_uk_date("next monday", D(2026, 11, 25)) == ok(D(2026, 11, 30))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 23), D(2026, 11, 27)),  # Monday
        (D(2026, 11, 26), D(2026, 11, 27)),  # Thursday
        (D(2026, 11, 27), D(2026, 12, 4)),  # Friday: today is excluded
        (D(2026, 11, 28), D(2026, 12, 4)),  # Saturday
    ],
)
@pytest.mark.parametrize("text", ["Friday", "this Friday", "on friday", "fri", "by Friday"])
def test_friday_is_the_coming_friday(text: str, today: dt.date, expected: dt.date) -> None:
    assert parse_uk_date(text, today) == ok(expected)


def test_friday_week_is_a_week_after_the_coming_friday() -> None:
    assert parse_uk_date("friday week", THURSDAY) == ok(D(2026, 12, 4))
    assert parse_uk_date("a week on friday", THURSDAY) == ok(D(2026, 12, 4))


def test_end_of_the_week_is_friday() -> None:
    assert parse_uk_date("end of the week", THURSDAY) == ok(D(2026, 11, 27))
    assert parse_uk_date("end of the week", D(2026, 11, 27)) == ok(D(2026, 11, 27))
    assert parse_uk_date("end of next week", THURSDAY) == ok(D(2026, 12, 4))


@pytest.mark.parametrize(
    "text",
    [
        "by 12/01/2027",
        "before 12/01/2027",
        "on 12/01/2027",
        "around 12/01/2027",
        "hopefully by 12/01/2027",
        "no later than 12/01/2027",
        "by the 12th of january",
        "12/01/2027 at the latest",
        "12th jan hopefully",
    ],
)
def test_filler_around_a_date_is_ignored(text: str) -> None:
    assert parse_uk_date(text, THURSDAY) == ok(D(2027, 1, 12))


def test_a_date_inside_a_sentence_is_found() -> None:
    text = "we agreed the review will be on 12/01/2027 at the school"
    assert parse_uk_date(text, THURSDAY) == ok(D(2027, 1, 12))


def test_an_explicit_date_wins_over_a_weekday() -> None:
    assert parse_uk_date("next friday, 11th december", THURSDAY) == ok(D(2026, 12, 11))


@pytest.mark.parametrize(
    "text",
    [
        "asap",
        "ASAP!",
        "soon",
        "by the summer holidays",
        "half term",
        "christmas holidays",
        "after christmas",
        "after march",
        "next year",
        "",
        "   ",
        "not sure",
        "nonsense",
        "wait a second",
        "31/02/2027",
        "32/01/2027",
        "12/13/2027",
        "🗓️",
        "in 99999 years",
    ],
)
def test_vague_or_impossible_dates_are_unclear(text: str) -> None:
    assert parse_uk_date(text, THURSDAY) == DateParse(None, "unclear")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/01/2020", D(2020, 1, 12)),
        ("1 January 2026", D(2026, 1, 1)),
        ("yesterday", D(2026, 11, 25)),
        ("last tuesday", D(2026, 11, 24)),
        ("last thursday", D(2026, 11, 19)),
        ("last week", D(2026, 11, 19)),
        ("3 days ago", D(2026, 11, 23)),
        ("a week ago", D(2026, 11, 19)),
        ("last month", D(2026, 10, 26)),
    ],
)
def test_past_dates_are_returned_and_flagged(text: str, expected: dt.date) -> None:
    assert parse_uk_date(text, THURSDAY) == DateParse(expected, "past")
    assert parse_uk_date(text, THURSDAY, allow_past=True) == ok(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/01", D(2027, 1, 12)),
        ("25/11", D(2027, 11, 25)),
        ("26/11", D(2026, 11, 26)),
        ("the 25th", D(2026, 12, 25)),
        ("3rd March", D(2027, 3, 3)),
        ("christmas", D(2026, 12, 25)),
    ],
)
def test_dates_without_a_year_roll_forward_and_are_never_past(text: str, expected: dt.date) -> None:
    assert parse_uk_date(text, THURSDAY) == ok(expected)


def test_the_31st_skips_months_without_one() -> None:
    assert parse_uk_date("the 31st", D(2026, 11, 5)) == ok(D(2026, 12, 31))


def test_29_february_without_a_year_is_the_next_leap_day() -> None:
    assert parse_uk_date("29/02", THURSDAY) == ok(D(2028, 2, 29))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25/11", D(2026, 11, 25)),  # yesterday, not next year
        ("3rd March", D(2027, 3, 3)),  # March 2027 is nearer than March 2026
        ("the 20th", D(2026, 11, 20)),
        ("1st december", D(2026, 12, 1)),
    ],
)
def test_with_allow_past_a_yearless_date_is_the_nearest_one(text: str, expected: dt.date) -> None:
    assert parse_uk_date(text, THURSDAY, allow_past=True) == ok(expected)


def test_allow_past_does_not_change_future_dates() -> None:
    assert parse_uk_date("12/01/2027", THURSDAY, allow_past=True) == ok(D(2027, 1, 12))
    assert parse_uk_date("next friday", THURSDAY, allow_past=True) == ok(D(2026, 12, 4))


def test_a_time_is_not_read_as_a_date() -> None:
    assert parse_uk_date("2-3pm", THURSDAY) == DateParse(None, "unclear")


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (D(2027, 1, 12), "12 January 2027"),
        (D(2027, 1, 2), "2 January 2027"),
        (D(2026, 12, 31), "31 December 2026"),
        (dt.datetime(2027, 5, 1, 9, 30), "1 May 2027"),
    ],
)
def test_format_uk_date(d: dt.date, text: str) -> None:
    assert format_uk_date(d) == text


def test_format_round_trips_through_the_parser() -> None:
    d = D(2027, 9, 3)
    assert parse_uk_date(format_uk_date(d), THURSDAY) == ok(d)


def test_format_of_not_a_date_is_empty() -> None:
    assert format_uk_date(None) == ""  # type: ignore[arg-type]
    assert format_uk_date("12/01/2027") == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guess after a shrug, and the shorthand of a hurried answer.
        ("dunno 6 months", dt.date(2027, 6, 6)),
        ("idk, a year", dt.date(2027, 12, 6)),
        ("a yeer", dt.date(2027, 12, 6)),
        ("6m if progress", dt.date(2027, 6, 6)),
    ],
)
def test_a_hedged_or_hurried_time_to_closure(text: str, expected: dt.date) -> None:
    assert parse_uk_date(text, dt.date(2026, 12, 6)).date == expected


@pytest.mark.parametrize("text", ["dunno", "idk", "not sure", "I don't know"])
def test_a_shrug_alone_is_still_no_date(text: str) -> None:
    assert parse_uk_date(text, dt.date(2026, 12, 6)).date is None
