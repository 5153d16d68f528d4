"""Which meeting and when."""

import datetime as dt

import pytest

from bot.parsing import MeetingParse, parse_meeting
from bot.plan.model import MeetingType

THURSDAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CIN meeting on 12/01/2027", MeetingParse("cin", dt.date(2027, 1, 12))),
        ("core group today", MeetingParse("core_group", THURSDAY)),
        (
            "child protection conference last tuesday",
            MeetingParse("cp_conference", dt.date(2026, 11, 24)),
        ),
        ("TAF 3rd March", MeetingParse("taf", dt.date(2027, 3, 3))),
        ("TAF 3rd November", MeetingParse("taf", dt.date(2026, 11, 3))),
        ("team around the family", MeetingParse("taf", None)),
        ("Team Around the Child meeting", MeetingParse("taf", None)),
        ("review conference", MeetingParse("review_conference", None)),
        ("ICPC", MeetingParse("initial_conference", None)),
        ("RCPC yesterday", MeetingParse("review_conference", dt.date(2026, 11, 25))),
        ("initial child protection conference", MeetingParse("initial_conference", None)),
        # Not said which conference: not guessed.
        ("conference last week", MeetingParse("cp_conference", dt.date(2026, 11, 19))),
        ("family network meeting today", MeetingParse("family_network", THURSDAY)),
        ("child in need review last week", MeetingParse("cin", dt.date(2026, 11, 19))),
        ("c.i.n.", MeetingParse("cin", None)),
        ("core grp", MeetingParse("core_group", None)),
        ("just a chat", MeetingParse("other", None)),
        ("strategy meeting yesterday", MeetingParse("other", dt.date(2026, 11, 25))),
        ("core group after the conference", MeetingParse("core_group", None)),
    ],
)
def test_kind_and_date(text: str, expected: MeetingParse) -> None:
    assert parse_meeting(text, THURSDAY) == expected


@pytest.mark.parametrize("text", ["12/01/2027", "last tuesday", "on the 3rd", "yesterday"])
def test_a_date_alone_does_not_say_which_kind(text: str) -> None:
    result = parse_meeting(text, THURSDAY)
    assert result.kind is None
    assert result.date is not None


@pytest.mark.parametrize("text", ["", "I don't know", "not sure", "🙂", "123"])
def test_nothing_said(text: str) -> None:
    assert parse_meeting(text, THURSDAY) == MeetingParse(None, None)


def test_kinds_are_the_model_meeting_types() -> None:
    texts = [
        "TAF", "CIN", "ICPC", "RCPC", "conference", "core group", "family network meeting", "a chat"
    ]
    kinds = {parse_meeting(t, THURSDAY).kind for t in texts}
    assert kinds == {m.value for m in MeetingType}
