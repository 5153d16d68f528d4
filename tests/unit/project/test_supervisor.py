"""`safetyplan run` keeps both servers up: a crashed one is started again, with backoff, while
the other keeps serving; repeated crashes make it give up and say why.

Real child processes stand in for the two servers (a tiny HTTP server that answers its
health check, and a program that exits at once), so this runs in a second or two; the
integration test in tests/integration/test_run_command.py does the same to the real servers.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runner import RestartPolicy, Server, Stack, Supervisor, answers, free_port
from bot.settings import load_settings


def test_each_crash_in_the_window_doubles_the_wait_and_the_fifth_gives_up() -> None:
    policy = RestartPolicy(first_delay=1, cap=30, give_up_after=5, window=300)
    assert [policy.crashed(t) for t in (0, 10, 20, 30, 40)] == [1, 2, 4, 8, None]


def test_crashes_long_ago_are_forgotten_and_the_wait_is_capped() -> None:
    policy = RestartPolicy(first_delay=1, cap=5, give_up_after=5, window=300)
    assert [policy.crashed(t) for t in (0, 1, 2, 3)] == [1, 2, 4, 5]
    # Hours later the count starts again.
    assert policy.crashed(10_000) == 1


def http_server(name: str, tmp_path: Path) -> Server:
    port = free_port()
    return Server(
        name,
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        f"http://127.0.0.1:{port}/",
        tmp_path / f"{name.replace(' ', '-')}.log",
    )


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    started = Stack(load_settings(), root=tmp_path)
    yield started
    started.stop(kill=True)


def start(stack: Stack, *servers: Server) -> None:
    stack.servers = list(servers)
    for server in servers:
        server.start(dict(os.environ), stack.root)
    stack.wait_ready(timeout=30)


def watch(supervisor: Supervisor, until: float) -> bool:
    deadline = time.monotonic() + until
    while time.monotonic() < deadline:
        if not supervisor.check():
            return False
        time.sleep(0.02)
    return True


def test_a_killed_server_is_started_again_and_the_other_keeps_serving(
    stack: Stack, tmp_path: Path
) -> None:
    actions, rasa = http_server("action server", tmp_path), http_server("Rasa server", tmp_path)
    start(stack, actions, rasa)
    out = io.StringIO()
    supervisor = Supervisor(stack, RestartPolicy(first_delay=0.1), out=out)
    rasa_pid = rasa.process.pid
    killed = actions.process.pid

    os.killpg(killed, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while "is back" not in out.getvalue():
        assert supervisor.check()
        assert time.monotonic() < deadline, out.getvalue()
        time.sleep(0.02)

    assert actions.process.pid != killed and answers(actions.health_url)
    assert rasa.process.pid == rasa_pid and answers(rasa.health_url)
    said = out.getvalue()
    assert "The action server stopped unexpectedly (killed by SIGKILL)" in said
    assert "The Rasa server keeps serving" in said
    assert "restarting the action server in 0.1 s" in said
    # The log of the crashed run is kept; the restart is added after it.
    assert "restarted by safetyplan run" in actions.log_file.read_text()


def test_after_repeated_crashes_it_gives_up_and_says_why(stack: Stack, tmp_path: Path) -> None:
    crashing = Server(
        "action server",
        [sys.executable, "-c", "print('cannot start'); raise SystemExit(3)"],
        "http://127.0.0.1:9/",
        tmp_path / "actions.log",
    )
    rasa = http_server("Rasa server", tmp_path)
    rasa.start(dict(os.environ), stack.root)
    crashing.start(dict(os.environ), stack.root)
    stack.servers = [crashing, rasa]
    out = io.StringIO()
    supervisor = Supervisor(stack, RestartPolicy(first_delay=0.05, give_up_after=5), out=out)

    assert not watch(supervisor, until=30)
    said = out.getvalue()
    assert said.count("stopped unexpectedly (exit code 3") == 5
    assert "5 crashes within 5 minutes, so safetyplan is giving up" in said
    assert "cannot start" in supervisor.gave_up
    # Until it gave up, the other server was left serving.
    assert answers(rasa.health_url)
