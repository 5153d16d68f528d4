"""`safetyplan chat`: the interview in a terminal, over the REST channel.

Buttons are shown as numbered choices; typing the number sends the button.
When no server is running, the command starts both servers for the length
of the chat and stops them afterwards.
"""

from __future__ import annotations

import json
import secrets
import sys
import urllib.error
import urllib.request
from typing import Any

from bot.settings import load_settings


def post(url: str, sender: str, message: str, timeout: float = 120.0) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    # The user's own server: only http(s) addresses reach here.
    request = urllib.request.Request(  # noqa: S310
        url, data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
        return json.loads(reply.read().decode("utf-8"))


def show(messages: list[dict[str, Any]], out: Any = sys.stdout) -> list[dict[str, str]]:
    """Prints the bot's messages; returns the buttons of the last one."""
    buttons: list[dict[str, str]] = []
    for message in messages:
        text = message.get("text")
        if text:
            print(f"\nbot> {text}", file=out)
        buttons = message.get("buttons") or []
        for number, button in enumerate(buttons, start=1):
            print(f"  {number}. {button.get('title')}", file=out)
    out.flush()
    return buttons


def chat(url: str | None = None, sender: str | None = None, first: str = "hello") -> int:
    settings = load_settings()
    url = url or f"http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook"
    sender = sender or "terminal-" + secrets.token_hex(8)
    stack = None
    try:
        urllib.request.urlopen(url.rsplit("/webhook", 1)[0] + "/", timeout=3)  # noqa: S310
    except (urllib.error.URLError, OSError):
        from bot.runner import Stack, StartupError, prepare_database, train

        print("Starting the assistant (this can take a minute)...", flush=True)
        try:
            prepare_database(settings)
            stack = Stack(settings)
            stack.start(train(settings))
        except StartupError as error:
            print(str(error), file=sys.stderr)
            return 1
    print("Type your answers. Type a number to choose an option, or 'quit' to leave.")
    buttons: list[dict[str, str]] = []
    message = first
    try:
        while True:
            try:
                buttons = show(post(url, sender, message))
            except (urllib.error.URLError, OSError) as error:
                print(
                    f"\nCouldn't reach the assistant ({type(error).__name__}). Is it running?",
                    file=sys.stderr,
                )
                return 1
            try:
                typed = input("\nyou> ")
            except EOFError:
                return 0
            if typed.strip().lower() in {"quit", "exit"}:
                post(url, sender, "stop")
                return 0
            choice = typed.strip()
            if choice.isdigit() and buttons and 1 <= int(choice) <= len(buttons):
                message = buttons[int(choice) - 1]["payload"]
            else:
                message = typed
    except KeyboardInterrupt:
        return 130
    finally:
        if stack is not None:
            stack.stop()
