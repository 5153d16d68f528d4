"""A step's or closure's words are printed beside the date only when they add to it."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters.formatting import words_beyond_date

DAY = dt.date(2026, 12, 18)


@pytest.mark.parametrize(
    "words",
    ["by 18 December", "18 December 2026", "on 18/12/2026", "18 Dec", "by 18/12"],
)
def test_words_that_only_say_the_date_are_not_printed_twice(words: str) -> None:
    assert words_beyond_date(words, DAY) is None


@pytest.mark.parametrize(
    "words", ["by the end of term", "before Leo's birthday", "Christmas", "in 1 week"]
)
def test_words_that_say_more_are_kept_exactly(words: str) -> None:
    assert words_beyond_date(words, DAY) == words


def test_without_a_date_the_words_are_all_there_is() -> None:
    assert words_beyond_date("in 1 week", None) == "in 1 week"
    assert words_beyond_date("  ", DAY) is None
