"""The real Rasa server and action server, started on free ports for tests."""

from __future__ import annotations

import dataclasses
import json
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.runner import Stack, free_port, prepare_database, train
from bot.settings import Settings, load_settings

if TYPE_CHECKING:
    from tests.support.fake_bot_framework import FakeBotFramework


def settings_for(var_dir: Path, database_url: str | None = None) -> Settings:
    base = load_settings()
    rasa_port, action_port = free_port(), free_port()
    while action_port == rasa_port:
        action_port = free_port()
    return dataclasses.replace(
        base,
        var_dir=var_dir,
        database_url=database_url or f"sqlite:///{var_dir / 'safetyplan.db'}",
        rasa_port=rasa_port,
        action_port=action_port,
        public_url=f"http://127.0.0.1:{rasa_port}",
        host="127.0.0.1",
    )


class Bot:
    """A REST client for one running stack."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.settings = stack.settings

    @property
    def url(self) -> str:
        return self.stack.rest_url

    @staticmethod
    def new_sender(prefix: str = "test") -> str:
        return f"{prefix}-{secrets.token_hex(8)}"

    def post(self, body: Any, timeout: float = 120.0, raw: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = raw if raw is not None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as error:
            content = error.read()
            try:
                return error.code, json.loads(content or b"null")
            except ValueError:
                return error.code, content.decode("utf-8", "replace")

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        status, reply = self.post({"sender": sender, "message": message})
        assert status == 200, (status, reply)
        return reply

    @staticmethod
    def texts(reply: list[dict[str, Any]]) -> str:
        return "\n".join(m.get("text") or "" for m in reply)

    def get(self, path: str, timeout: float = 60.0) -> tuple[int, bytes, dict[str, str]]:
        url = path if path.startswith("http") else f"http://127.0.0.1:{self.settings.rasa_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as reply:
                return reply.status, reply.read(), dict(reply.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)


def start_stack(settings: Settings) -> Stack:
    prepare_database(settings)
    model = train(settings, quiet=True)
    stack = Stack(settings)
    stack.start(model)
    return stack


@contextmanager
def stack_talking_to(fake: FakeBotFramework, var_dir: Path) -> Iterator[Stack]:
    """A running stack whose Teams channel uses the local fake of the Bot Framework."""
    # The servers read their settings from the environment they start with.
    with pytest.MonkeyPatch.context() as patch:
        for name, value in fake.environment().items():
            patch.setenv(name, value)
        started = start_stack(settings_for(var_dir))
    try:
        yield started
    finally:
        started.stop()
