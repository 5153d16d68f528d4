"""`safetyplan run` (what `make run` runs): ready message, a greeting over REST, and both
servers stopped together, on Ctrl-C or when one of them dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.runner import free_port

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


def _say(port: int, text: str) -> list[dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": "run-test", "message": text}).encode(),
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
        if process.poll() is None:
            process.kill()


def test_when_one_server_dies_the_other_is_stopped_and_the_reason_printed(tmp_path: Path) -> None:
    process, _port = _start(tmp_path)
    children = _children(process.pid)
    try:
        os.kill(children["actions"], signal.SIGKILL)
        assert process.wait(timeout=60) == 1
        error = process.stderr.read()
        assert (
            "The action server stopped unexpectedly" in error
            and "stopping the Rasa server" in error
        )
        time.sleep(1)
        assert not _alive(children["rasa"])
    finally:
        if process.poll() is None:
            process.kill()
