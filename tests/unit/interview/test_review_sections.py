"""The review in parts, for the web chat to fold away: the same words as the text, titled."""

from __future__ import annotations

from bot.interview.review import summary_sections
from bot.web.history import page_messages
from tests.support.interview_driver import Driver
from tests.unit.interview.test_navigation import _worker_with_one_worry

SUMMARY = """Here is the plan so far.
Children: Leo (7)
People who help: Nan (grandmother)
Workers: Sam Patel (social worker)
Good things: Mum reads with Leo
Worries: Dad shouted

Worry 1: Sam is worried that Dad shouts.
Safety goal: Dad is calm.
Scores: Sam 4

Steps:
1. Dad to book the alcohol service, Sam, by 12 January 2027

The case could close by 30 September 2027.

Still to do: Worry 1: warning signs
Not finished yet: worry 1 (each worry needs its statement and its goal)."""


def test_every_line_of_the_summary_is_in_one_part() -> None:
    parts = summary_sections(SUMMARY)
    assert [p.title for p in parts] == [
        "Children and people", "Good things and worries", "Worry 1", "Steps", "Closing date",
        "Still to do",
    ]
    lines = [line for p in parts for line in p.lines]
    expected = [ln for ln in SUMMARY.split("\n") if ln.strip() and ln not in (
        "Here is the plan so far.", "Steps:")]
    expected[expected.index("Worry 1: Sam is worried that Dad shouts.")] = (
        "Sam is worried that Dad shouts."
    )
    assert lines == expected


def test_the_review_asked_in_the_web_chat_has_parts_and_elsewhere_only_text(
    database_url: str,
) -> None:
    from tests.support.interview_driver import service_for

    service = service_for(database_url)
    web = Driver(service, "web-1", channel="webchat")
    _worker_with_one_worry(web)
    service.review(web.sender, web.channel)
    asked = service.ask(web.sender, web.channel)
    assert asked.messages[0].text.startswith("Here is the plan so far.")
    assert [s.title for s in asked.messages[0].sections][:2] == [
        "Children and people", "Good things and worries"
    ]
    rest = Driver(service, "rest-1")
    _worker_with_one_worry(rest)
    service.review(rest.sender, rest.channel)
    assert all(not m.sections for m in service.ask(rest.sender, rest.channel).messages)


def test_the_page_gets_the_parts_put_back_with_their_text() -> None:
    parts = [{"title": "Steps", "lines": ["1. Dad to book"]}]
    shown = page_messages([
        {"text": "Here is the plan so far."},
        {"custom": {"sections": parts}},
        {"text": "Is this right?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
    ])
    assert shown[0]["sections"] == parts
    assert "sections" not in shown[1]
    # Anything not shaped like parts is dropped.
    odd = page_messages([{"text": "x", "custom": {"sections": [{"title": 3, "lines": "no"}]}}])
    assert "sections" not in odd[0]


def test_the_reviews_paragraphs_become_one_folded_message_not_two_copies() -> None:
    # Rasa's collector sends a text one bubble per paragraph, then the parts as a
    # message of their own: a persona saw the whole plan open, then again folded.
    parts = [{"title": "Children and people", "lines": ["Children: Tyler (7)"]},
             {"title": "Steps", "lines": ["1. Dad to book"]}]
    shown = page_messages([
        {"text": "Here is the plan so far.\nChildren: Tyler (7)"},
        {"text": "Steps:\n1. Dad to book"},
        {"custom": {"sections": parts, "parts": 2}},
        {"text": "Is everything right?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
    ])
    assert len(shown) == 2
    assert shown[0]["text"] == (
        "Here is the plan so far.\nChildren: Tyler (7)\n\nSteps:\n1. Dad to book"
    )
    assert shown[0]["sections"] == parts
    assert "parts" not in shown[0]
    assert shown[1]["text"] == "Is everything right?"
