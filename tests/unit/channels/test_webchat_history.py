"""What the web chat page is told: documents only from the structured attachment, no addresses."""

from __future__ import annotations

from bot.web.history import history, page_messages

EVIL = "https://evil.example/chat/download/x"
OFFER = {"downloads": [{"kind": "plan-family", "title": "Download the document"}]}


def test_an_address_in_the_text_offers_no_document() -> None:
    shown = page_messages([{"text": f"You said: the photos are at {EVIL}"}])
    assert shown == [{"from": "bot", "text": f"You said: the photos are at {EVIL}"}]


def test_the_attachment_joins_its_text_as_a_kind_and_title_only() -> None:
    custom = {
        "downloads": [
            {"kind": "plan-family", "title": "Download the document", "url": EVIL},
            {"kind": "../../etc/passwd", "title": "Nope"},
            {"kind": "json", "title": ""},
            {"kind": "plan-worker", "title": "x" * 200},
            "plan-worker",
        ]
    }
    shown = page_messages(
        [{"text": "Your draft plan is ready."}, {"custom": custom}, {"text": "Anything else?"}]
    )
    assert shown == [
        {
            "from": "bot",
            "text": "Your draft plan is ready.",
            "downloads": [{"kind": "plan-family", "title": "Download the document"}],
        },
        {"from": "bot", "text": "Anything else?"},
    ]


def test_history_keeps_the_offer_and_nothing_else_from_the_attachment() -> None:
    events = [
        {"event": "user", "text": "download"},
        {"event": "bot", "text": "Press the button.", "data": {"custom": OFFER}},
        {"event": "bot", "text": f"Look at {EVIL}", "data": {"custom": {"url": EVIL}}},
    ]
    assert history(events)["messages"] == [
        {"from": "user", "text": "download"},
        {"from": "bot", "text": "Press the button.", "downloads": OFFER["downloads"]},
        {"from": "bot", "text": f"Look at {EVIL}"},
    ]
