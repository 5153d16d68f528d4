"""`safetyplan run` (what `make run` runs): ready message, a greeting over REST, both servers
stopped together on Ctrl-C, and a server killed mid-conversation started again while the
other keeps serving, the conversation carrying on at the same question."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

import pytest

from bot.faults import NOT_SAVED
from bot.runner import answers, free_port
from tests.support.family_walk import AT_STRENGTHS, FAULTS, STEPS, answer, text_of, walk

pytestmark = [pytest.mark.conversation, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> dict[str, int]:
    """The runner's child processes by role."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            if "bot.rasa_ext.action_server" in cmdline:
                found["actions"] = int(child)
            elif "bot.rasa_ext.server" in cmdline:
                found["rasa"] = int(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def _start(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    rasa_port = free_port()
    env = {
        **os.environ,
        "SAFETYPLAN_VAR_DIR": str(tmp_path),
        "SAFETYPLAN_RASA_PORT": str(rasa_port),
        "SAFETYPLAN_ACTION_PORT": str(free_port()),
    }
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Generous: the first run trains the model, which is slow on a busy machine.
    deadline = time.monotonic() + 1800
    output = ""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        output += line
        if "Press Ctrl-C to stop." in line:
            break
        if process.poll() is not None:
            pytest.fail(f"safetyplan run exited: {output}{process.stderr.read()}")
    assert f"http://localhost:{rasa_port}/chat/" in output
    assert "REST channel: POST" in output and "127.0.0.1 only" in output
    return process, rasa_port


def _stop(process: subprocess.Popen) -> None:
    """Ends the runner and, if a failed test left it running, both servers it started."""
    if process.poll() is None:
        children = _children(process.pid)
        process.kill()
        for pid in children.values():
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _say(port: int, text: str, sender: str = "run-test") -> list[dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as reply:
        return json.loads(reply.read())


def test_run_greets_and_ctrl_c_stops_both_servers(tmp_path: Path) -> None:
    process, port = _start(tmp_path)
    children = _children(process.pid)
    try:
        greeting = " ".join(m["text"] for m in _say(port, "hello"))
        assert "draft safety plan" in greeting
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert "Stopped." in process.stdout.read()
        assert not any(_alive(pid) for pid in children.values())
    finally:
        _stop(process)


class _Rest:
    def __init__(self, port: int) -> None:
        self.port = port

    def say(self, sender: str, message: str) -> list[dict]:
        return _say(self.port, message, sender)


def _claims_saved(reply: str) -> bool:
    for fault in FAULTS:
        reply = reply.replace(fault, "")
    return re.search(r"\bsaved\b|\bkept\b|\badded\b", reply, re.IGNORECASE) is not None


def _new_child(process: subprocess.Popen, role: str, old: int, deadline: float) -> int:
    while time.monotonic() < deadline:
        pid = _children(process.pid).get(role)
        if pid is not None and pid != old:
            return pid
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.1)
    pytest.fail(f"no new {role} server was started")


def _killed_in_flight(pid: int, send: Callable[[], list[dict]]) -> list[dict]:
    """Sends a message while the server is frozen, then kills it with the message in flight."""
    os.kill(pid, signal.SIGSTOP)
    with ThreadPoolExecutor(1) as pool:
        sent = pool.submit(send)
        time.sleep(1.5)  # the message is now waiting on the frozen server
        assert not sent.done()
        os.kill(pid, signal.SIGKILL)
        return sent.result(timeout=120)


class _Lines:
    """Reads the runner's stderr as it is written, so the test can wait for a report."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, phrase: str, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.text.count(phrase) < count:
            assert time.monotonic() < deadline, f"{phrase!r} not seen {count} times: {self.text}"
            time.sleep(0.25)


def test_a_killed_server_is_restarted_and_the_conversation_carries_on(tmp_path: Path) -> None:
    process, port = _start(tmp_path)
    stderr = _Lines(process.stderr)
    children = _children(process.pid)
    bot = _Rest(port)
    sender = f"restart-{secrets.token_hex(6)}"
    marker = "zqrestart" + secrets.token_hex(3)
    try:
        walk(bot, sender, AT_STRENGTHS, marker=marker)
        strengths = answer(STEPS[AT_STRENGTHS], marker)

        # The action server dies with an answer in flight: that person is told it wasn't
        # saved, the Rasa server keeps serving, and within 30 s the same question takes it.
        reply = text_of(_killed_in_flight(children["actions"], lambda: bot.say(sender, strengths)))
        killed = time.monotonic()
        assert NOT_SAVED in reply and not _claims_saved(reply), reply
        # Someone in danger now still gets the 999 reply with the action server down.
        urgent = text_of(bot.say(f"urgent-{secrets.token_hex(6)}", "he's hitting her right now"))
        assert "999" in urgent, urgent
        while True:
            reply = text_of(bot.say(sender, strengths))
            if NOT_SAVED not in reply:
                break
            assert time.monotonic() - killed < 30, "the action server was not back within 30 s"
            time.sleep(0.5)
        back = time.monotonic() - killed
        assert STEPS[AT_STRENGTHS].expect in reply.lower(), reply
        assert _alive(children["rasa"])
        actions = _new_child(process, "actions", children["actions"], time.monotonic() + 5)

        # The Rasa server dies: a message sent meanwhile fails (the web chat keeps the words
        # and says it wasn't saved); once it is back, the conversation is at the same question.
        following = STEPS[AT_STRENGTHS + 1].says
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            _killed_in_flight(children["rasa"], lambda: bot.say(sender, following))
        killed = time.monotonic()
        health = f"http://127.0.0.1:{port}/webhooks/rest/"
        while not answers(health, timeout=1.0):
            assert time.monotonic() - killed < 30, "the Rasa server was not back within 30 s"
            time.sleep(0.25)
        rasa_back = time.monotonic() - killed
        rasa = _new_child(process, "rasa", children["rasa"], time.monotonic() + 5)
        walk(bot, sender, AT_STRENGTHS + 2, marker=marker, start=AT_STRENGTHS + 1)
        assert _alive(actions)
        print(f"action server back in {back:.1f} s, Rasa server in {rasa_back:.1f} s")
        # The runner looks at its servers every quarter second (one second when a look is
        # slow on a busy machine): its report can come after the test has seen a server back.
        stderr.wait_for("is back", 2, timeout=30)

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        stderr.thread.join(timeout=10)
        error = stderr.text
        assert "The action server stopped unexpectedly (killed by SIGKILL)" in error
        assert "The Rasa server keeps serving; restarting the action server in 1 s" in error
        assert "The Rasa server stopped unexpectedly (killed by SIGKILL)" in error
        assert error.count("is back") == 2
        # Exit codes and timings only: nothing anyone typed.
        assert marker not in error
        assert not _alive(actions) and not _alive(rasa)
    finally:
        _stop(process)
