"""`safetyplan chat`: the interview in a terminal, over the REST channel.

Buttons are shown as numbered choices; typing the number (or the button's
words) sends the button. When a question asks for a number itself (a 0 to 10
score), the choices are lettered instead, so "2" is the score and "b" the
button. 'quit' leaves, saying 'stop' to the assistant first so it asks the
danger question again next time.

Without --url, when no server is running, the command starts both servers for
the length of the chat and stops them afterwards. With --url it only talks to
that address.
"""

from __future__ import annotations

import json
import re
import secrets
import socket
import string
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from bot.channels.common import SENDER_PATTERN
from bot.settings import load_settings

QUIT_WORDS = {"quit", "exit", "/quit", ":q"}
PROMPT = "\nyou> "
INDENT = "     "
# Control characters (escape sequences included) an answer could smuggle into the
# terminal through the bot's read-back; newlines and tabs are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ASKS_FOR_NUMBER = re.compile(r"\b(0|zero) to (10|ten)\b|\bscore\b", re.IGNORECASE)


class ChatError(RuntimeError):
    """The assistant could not be reached or refused the message; the text says what to do."""


@dataclass(frozen=True)
class Choice:
    label: str
    title: str
    payload: str


def post(
    url: str, sender: str, message: str, secret: str | None = None, timeout: float = 120.0
) -> list[dict[str, Any]]:
    """One message to the REST channel; the bot's messages back, or ChatError."""
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    # The user's own server: only http(s) addresses reach here (see chat()).
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
            messages = json.loads(reply.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise ChatError(_http_problem(error)) from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise ChatError(
                "The assistant took too long to answer. Please try again in a minute."
            ) from error
        raise ChatError(
            f"Couldn't reach the assistant at {url} ({_reason(reason)}). Is it running? "
            "Start it with `safetyplan run` (or `make run`), or give its address with --url."
        ) from error
    except ValueError as error:
        raise ChatError(f"The assistant at {url} sent something that isn't a reply.") from error
    if not isinstance(messages, list):
        raise ChatError(f"The assistant at {url} sent something that isn't a reply.")
    return [m for m in messages if isinstance(m, dict)]


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    return type(reason).__name__ if isinstance(reason, BaseException) else str(reason)


def _http_problem(error: urllib.error.HTTPError) -> str:
    try:
        detail = json.loads(error.read() or b"{}").get("error")
    except (ValueError, AttributeError, OSError):
        detail = None
    if error.code in (401, 403):
        return (
            f"The assistant refused the terminal (HTTP {error.code}): "
            f"{detail or 'not allowed'} Outside development, set SAFETYPLAN_REST_SECRET to "
            "the server's REST secret."
        )
    if error.code == 404:
        return f"There's no REST channel at {error.url}. Check the address given with --url."
    said = f": {detail}" if detail else "."
    return f"The assistant answered with an error (HTTP {error.code}){said}"


def clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def choices_for(messages: list[dict[str, Any]]) -> list[Choice]:
    """The buttons of the last message that has any, labelled for typing."""
    asked = ""
    buttons: list[dict[str, Any]] = []
    for message in messages:
        if message.get("buttons"):
            buttons = message["buttons"]
            asked = str(message.get("text") or "")
    lettered = bool(_ASKS_FOR_NUMBER.search(asked))
    labels = string.ascii_lowercase if lettered else [str(n) for n in range(1, 100)]
    usable = [b for b in buttons if isinstance(b, dict) and b.get("payload")][: len(labels)]
    return [
        Choice(label, clean(str(b.get("title") or b["payload"])), str(b["payload"]))
        for label, b in zip(labels, usable, strict=False)
    ]


def show(messages: list[dict[str, Any]], out: TextIO = sys.stdout) -> list[Choice]:
    """Prints the bot's messages and the choices; returns the choices."""
    choices = choices_for(messages)
    for message in messages:
        text = clean(str(message.get("text") or "")).strip()
        if text:
            lines = [INDENT + line if line.strip() else "" for line in text.split("\n")]
            print("\nbot> " + "\n".join(lines)[len(INDENT) :], file=out)
    for choice in choices:
        # Brackets keep choices apart from numbered lines in the bot's own text.
        print(f"{INDENT}[{choice.label}] {choice.title}", file=out)
    out.flush()
    return choices


def to_message(typed: str, choices: list[Choice]) -> str:
    """What to send for what was typed: a choice's payload, or the words themselves."""
    key = typed.strip()
    for choice in choices:
        if key.lower() == choice.label or key.casefold() == choice.title.casefold():
            return choice.payload
    return typed


def _server_answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url.rsplit("/webhook", 1)[0] + "/", timeout=3)  # noqa: S310
    except urllib.error.HTTPError:
        return True  # something is there; the first message will say what
    except (urllib.error.URLError, OSError, ValueError):
        return False
    return True


def chat(
    url: str | None = None,
    sender: str | None = None,
    first: str = "hello",
    read: Callable[[str], str] = input,
    out: TextIO = sys.stdout,
) -> int:
    settings = load_settings()
    own_server = url is None
    url = url or f"http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook"
    if not url.startswith(("http://", "https://")):
        print("The --url must start with http:// or https://.", file=sys.stderr)
        return 2
    if sender is not None and not SENDER_PATTERN.match(sender):
        print(
            "The --sender must be 1 to 128 letters, digits or the characters _ . : @ + = -",
            file=sys.stderr,
        )
        return 2
    sender = sender or "terminal-" + secrets.token_hex(8)
    stack = None
    if not _server_answers(url):
        if not own_server:
            print(
                f"Couldn't reach the assistant at {url}. Is it running? Start it with "
                "`safetyplan run`, or leave out --url to let this command start it.",
                file=sys.stderr,
            )
            return 1
        from bot.runner import Stack, StartupError, prepare_database, train

        print("Starting the assistant (this can take a minute)...", file=out, flush=True)
        try:
            prepare_database(settings)
            stack = Stack(settings)
            stack.start(train(settings))
        except StartupError as error:
            print(str(error), file=sys.stderr)
            return 1
    print(
        "Type your answers. Type a number to choose an option, or 'quit' to leave.\n"
        f"(This conversation is {sender}: `safetyplan chat --sender {sender}` carries on later.)",
        file=out,
        flush=True,
    )
    message = first
    try:
        while True:
            try:
                choices = show(post(url, sender, message, settings.rest_secret), out)
            except ChatError as error:
                print(f"\n{error}", file=sys.stderr, flush=True)
                return 1
            try:
                typed = read(PROMPT)
                while not typed.strip():
                    typed = read("you> ")
            except EOFError:
                print(file=out)
                return 0
            if typed.strip().lower() in QUIT_WORDS:
                try:
                    show(post(url, sender, "stop", settings.rest_secret, timeout=30), out)
                except ChatError:
                    pass  # leaving anyway; what was saved stays saved
                return 0
            message = to_message(typed, choices)
    except KeyboardInterrupt:
        print("\nStopped.", file=out)
        return 130
    finally:
        if stack is not None:
            stack.stop()
