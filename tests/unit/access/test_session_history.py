"""What a web session sees of its conversation: only what was said, and the last choices."""

from __future__ import annotations

from bot.web.history import START_MARK, history, page_message


def user(text, **metadata):
    return {"event": "user", "text": text, "metadata": metadata}


def bot(text, buttons=None):
    return {"event": "bot", "text": text, "data": {"buttons": buttons} if buttons else {}}


YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_the_greeting_the_page_sent_is_not_shown() -> None:
    shown = history([
        {"event": "action", "name": "action_session_start"},
        user("hello", **{START_MARK: True}),
        bot("Hello."),
        bot("Is anyone in danger?", YES_NO),
    ])
    assert shown["messages"] == [
        {"from": "bot", "text": "Hello."},
        {"from": "bot", "text": "Is anyone in danger?"},
    ]
    assert shown["buttons"] == YES_NO


def test_a_button_press_reads_as_its_title_and_typed_text_as_typed() -> None:
    shown = history([
        bot("Is anyone in danger?", YES_NO),
        user("/deny"),
        bot("Which of these is you?"),
        user("/deny"),
        user("<script>x</script>"),
    ])
    assert [m["text"] for m in shown["messages"] if m["from"] == "user"] == [
        "No",
        "/deny",
        "<script>x</script>",
    ]
    assert shown["buttons"] == []


def test_buttons_are_only_a_title_and_a_payload() -> None:
    odd = [
        {"title": "Yes", "payload": "/affirm", "url": "javascript:alert(1)"},
        {"title": 5, "payload": "/x"},
        "nonsense",
        {"title": "", "payload": "/y"},
    ]
    assert page_message({"text": "Q?", "buttons": odd, "image": "x.png"}) == {
        "from": "bot",
        "text": "Q?",
        "buttons": [{"title": "Yes", "payload": "/affirm"}],
    }
    assert page_message({"text": None}) is None
    assert page_message({"custom": {"a": 1}}) is None


def test_long_conversations_keep_the_latest_messages() -> None:
    shown = history([bot(f"message {n}") for n in range(1000)])
    assert len(shown["messages"]) == 400
    assert shown["messages"][-1]["text"] == "message 999"
