"""XML-safe text, UK formatting, and the score chart with its words."""

from __future__ import annotations

import datetime as dt
import io

import export_samples as samples
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from bot.plan.model import Meeting, MeetingType, Pair, Score
from exporters.charts import describe_change, render_score_chart
from exporters.formatting import long_date, long_datetime, score_text
from exporters.scores import score_rounds
from exporters.text import clean_text, is_blank, is_right_to_left, one_line


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain", "plain"),
        ("a\x00b\x01c\x08d\x0be\x0cf\x1fg", "abcdefg"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("windows\r\nold mac\r", "windows\nold mac\n"),
        ("lone \ud800 and \udfff", "lone  and "),
        ("\ufffe\uffff", ""),
        ("<script>{{ x }}&amp;", "<script>{{ x }}&amp;"),
        ("😀 ليلى", "😀 ليلى"),
        (None, ""),
        (7, "7"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@given(st.text())
def test_clean_text_always_gives_xml_safe_text(text):
    from lxml import etree

    element = etree.Element("t")
    element.text = clean_text(text)  # lxml refuses anything XML cannot hold
    assert clean_text(clean_text(text)) == clean_text(text)


def test_blank_and_direction():
    assert is_blank(None) and is_blank(" \x00\n") and not is_blank("x")
    assert is_right_to_left(samples.ARABIC) and is_right_to_left("  123 ليلى and Leo")
    assert not is_right_to_left("Leo ليلى") and not is_right_to_left("123 😀")
    assert one_line("a\n\n b", 10) == "a b" and one_line("x" * 20, 5) == "xxxx…"


def test_uk_formatting():
    assert long_date(dt.date(2024, 3, 3)) == "3 March 2024"
    summer = dt.datetime(2024, 7, 1, 13, 5, tzinfo=dt.timezone.utc)
    assert long_datetime(summer) == "1 July 2024 at 14:05"  # British Summer Time
    assert long_datetime(dt.datetime(2024, 1, 1, 13, 5)) == "1 January 2024 at 13:05"
    assert [score_text(v) for v in (7, 7.0, 7.5, 7.25, 0)] == ["7", "7", "7.5", "7.25", "0"]


def _pair(*scores) -> Pair:
    return Pair(scores=list(scores))


JAN = Meeting(MeetingType.CIN, dt.date(2024, 1, 10))
MAR = Meeting(MeetingType.CORE_GROUP, dt.date(2024, 3, 6))


def test_describe_change_for_one_person():
    pair = _pair(Score("Sarah", 3, scored_on=JAN.held_on, meeting=JAN),
                 Score("Sarah", 6, scored_on=MAR.held_on, meeting=MAR))
    assert describe_change("Worry 1", score_rounds(pair)) == (
        "Worry 1: from 3 in January 2024 to 6 in March 2024 (up 3)."
    )


def test_describe_change_going_down_and_same_month():
    pair = _pair(Score("Sam", 6, scored_on=dt.date(2024, 5, 2)),
                 Score("Sam", 4.5, scored_on=dt.date(2024, 5, 20)))
    assert describe_change("Worry 2", score_rounds(pair)) == (
        "Worry 2: from 6 on 2 May 2024 to 4.5 on 20 May 2024 (down 1.5)."
    )


def test_describe_change_many_people_and_rounds():
    plan = samples.large_plan()
    text = describe_change("Worry 1", score_rounds(plan.pairs[0]))
    assert text.startswith("Worry 1: average score from 3 in October 2023 to 4 in November 2023")
    assert "to 7 in February 2024 (up 4)." in text
    assert "Person 0 [P0] from 2 to 6" in text


def test_chart_is_a_png_of_a_sensible_size():
    pair = _pair(Score("Sarah", 3, scored_on=JAN.held_on, meeting=JAN),
                 Score("Sarah", 6, scored_on=MAR.held_on, meeting=MAR))
    image = Image.open(io.BytesIO(render_score_chart("Worry 1", score_rounds(pair))))
    assert image.format == "PNG" and 500 < image.width < 800 and 200 < image.height < 400


def test_chart_draws_hostile_names_literally():
    plan = samples.hostile_plan()
    png = render_score_chart("Worry 1", score_rounds(plan.pairs[0]))  # "$\\frac{1}{0}$" is a name
    assert png[:4] == b"\x89PNG"
