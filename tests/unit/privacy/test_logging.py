"""The Rasa launcher keeps message text out of logs: no DEBUG by default, text keys redacted."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.rasa_ext import server


@pytest.mark.parametrize(
    ("given", "allowed", "expected"),
    [
        (None, False, "INFO"),
        ("DEBUG", False, "INFO"),
        ("debug", False, "INFO"),
        ("NOTSET", False, "INFO"),
        ("WARNING", False, "WARNING"),
        ("DEBUG", True, "DEBUG"),
    ],
)
def test_debug_logging_stays_off_unless_allowed(
    monkeypatch: pytest.MonkeyPatch, given: str | None, allowed: bool, expected: str
) -> None:
    # Set first so that monkeypatch puts the process's own values back afterwards.
    monkeypatch.setenv("LOG_LEVEL", "INFO")
    if given is None:
        monkeypatch.delenv("LOG_LEVEL")
    else:
        monkeypatch.setenv("LOG_LEVEL", given)
    monkeypatch.setenv("LOG_LEVEL_LIBRARIES", "DEBUG")
    if allowed:
        monkeypatch.setenv(server.ALLOW_DEBUG, "true")
    else:
        monkeypatch.delenv(server.ALLOW_DEBUG, raising=False)
    server.prepare_environment()
    assert os.environ["LOG_LEVEL"].upper() == expected
    assert ("LOG_LEVEL_LIBRARIES" in os.environ) is allowed


def test_debug_switches_are_dropped(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(server.ALLOW_DEBUG, raising=False)
    assert server.without_debug_flags(["run", "--debug", "-vv", "-v", "--port", "1"]) == [
        "run", "-v", "--port", "1",
    ]
    assert server.ALLOW_DEBUG in capsys.readouterr().err
    monkeypatch.setenv(server.ALLOW_DEBUG, "1")
    assert server.without_debug_flags(["run", "--debug"]) == ["run", "--debug"]


def test_structured_log_events_lose_their_text() -> None:
    event = {"event": "message.parsing.failed", "user_text": "Nan hits him", "text": "x",
             "slot_values": "a", "level": "warning"}
    redacted = server._redact_event(None, "warning", dict(event))
    assert redacted["event"] == "message.parsing.failed" and redacted["level"] == "warning"
    assert {redacted[k] for k in ("user_text", "text", "slot_values")} == {server.REDACTED}


def test_rasa_warnings_and_structured_logs_do_not_quote_messages() -> None:
    # In a fresh interpreter: the patches change Rasa's module state for the whole process.
    script = """
import io, logging, sys
from bot.rasa_ext import server
server.prepare_environment()
server.keep_text_out_of_logs()
server.keep_text_out_of_logs()
from rasa.utils.log_utils import configure_structlog
configure_structlog(logging.INFO)
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
domain = Domain.from_dict({"intents": ["choose"], "entities": ["choice"]})
for text in ["/zqsecret", "/choose{zqsecret", '/choose{"zqsecret": 1}', "/choose@0.5{}zqsecret",
             "/ zqsecret"]:
    YAMLStoryReader.unpack_regex_message(Message({"text": text}), domain=domain)
print("done")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
    assert "zqsecret" not in result.stdout + result.stderr
    assert server.REDACTED in result.stdout + result.stderr
