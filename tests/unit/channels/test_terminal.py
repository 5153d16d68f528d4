"""The terminal client's own logic: choices, what typing sends, clean output, plain errors."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from bot.channels.terminal import ChatError, chat, choices_for, clean, post, show, to_message

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_choices_are_numbered_and_typing_the_number_sends_the_payload() -> None:
    choices = choices_for([{"text": "Is that right?", "buttons": YES_NO}])
    assert [(c.label, c.title) for c in choices] == [("1", "Yes"), ("2", "No")]
    assert to_message("2", choices) == "/deny"
    assert to_message(" 1 ", choices) == "/affirm"
    assert to_message("no", choices) == "/deny"  # the button's words work too
    assert to_message("3", choices) == "3"
    assert to_message("No, not really", choices) == "No, not really"


def test_a_question_asking_for_a_number_gets_lettered_choices() -> None:
    buttons = [
        {"title": "Show me an example", "payload": "/example"},
        {"title": "Skip", "payload": "/skip"},
    ]
    choices = choices_for([{"text": "Your own score, 0 to 10?", "buttons": buttons}])
    assert [c.label for c in choices] == ["a", "b"]
    assert to_message("2", choices) == "2"
    assert to_message("b", choices) == "/skip"


def test_only_the_last_set_of_buttons_counts() -> None:
    messages = [
        {"text": "Earlier", "buttons": YES_NO},
        {"text": "Which?", "buttons": [{"title": "A worker", "payload": "/w"}]},
        {"text": "A note with no buttons"},
    ]
    assert [c.payload for c in choices_for(messages)] == ["/w"]


def test_output_is_clean_and_choices_stand_apart_from_numbered_text() -> None:
    out = io.StringIO()
    show(
        [
            {"text": "Steps:\n1. Dad books it\n\n2. Jo helps"},
            {"text": "Right?\x1b[2J\x07", "buttons": YES_NO},
        ],
        out,
    )
    printed = out.getvalue()
    assert "\x1b" not in printed and "\x07" not in printed
    assert "bot> Steps:\n     1. Dad books it\n\n     2. Jo helps" in printed
    assert "     [1] Yes\n     [2] No" in printed
    assert not any(line != line.rstrip() for line in printed.splitlines())


def test_clean_keeps_words_and_newlines() -> None:
    assert clean("Zoë's\r\nplan\tok") == "Zoë's\nplan\tok"


def test_an_unreachable_server_is_a_plain_message() -> None:
    with pytest.raises(ChatError, match="Couldn't reach the assistant.*connection refused"):
        post("http://127.0.0.1:9/webhooks/rest/webhook", "s", "hi", timeout=5)


class _Refusing(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        body = json.dumps({"error": "A valid 'Authorization: Bearer <secret>' header is needed."})
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


def test_a_refusal_says_what_to_set() -> None:
    server = HTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/webhooks/rest/webhook"
        with pytest.raises(ChatError, match="SAFETYPLAN_REST_SECRET"):
            post(url, "s", "hi", timeout=5)
    finally:
        server.shutdown()


def test_a_given_address_that_answers_nothing_is_not_replaced_by_a_local_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert chat(url="http://127.0.0.1:9/webhooks/rest/webhook", read=lambda _: "quit") == 1
    assert "Couldn't reach the assistant" in capsys.readouterr().err


def test_bad_arguments_are_refused_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert chat(url="file:///etc/passwd") == 2
    assert chat(url="http://127.0.0.1:9/x", sender="no spaces please") == 2
