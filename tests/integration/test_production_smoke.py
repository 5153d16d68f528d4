"""A production-mode stack, as a council would run it: the security controls hold.

Started by the project's own launcher with SAFETYPLAN_ENV=production (and a
REST secret) on free ports with a throwaway database; nothing turns the
limits on by hand, so this also shows they are on by default in production.
The tests run in file order: the ones that use up this address's allowance
(wrong secrets, then a burst) come last.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.access.action_secret import action_secret
from bot.runner import Stack
from bot.storage.engine import engine_for
from bot.web.limits import TOO_FAST, TOO_MANY_NEW, TOO_MANY_WRONG
from bot.web.security import HEADERS
from tests.support.servers import settings_for, start_stack

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

REST_SECRET = "rest-" + secrets.token_urlsafe(24)


@pytest.fixture(scope="module")
def stack(var_dir: Path) -> Iterator[Stack]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFETYPLAN_ENV", "production")
        patch.setenv("SAFETYPLAN_REST_SECRET", REST_SECRET)
        for name in (
            "SAFETYPLAN_RATE_LIMITS",
            "SAFETYPLAN_RATE_PER_IP_PER_MINUTE",
            "SAFETYPLAN_RATE_PER_CONVERSATION_PER_MINUTE",
            "SAFETYPLAN_NEW_CONVERSATIONS_PER_IP_PER_HOUR",
            "SAFETYPLAN_WRONG_SECRETS_PER_IP_PER_HOUR",
            "SAFETYPLAN_ACTION_SECRET",
        ):
            patch.delenv(name, raising=False)
        settings = settings_for(var_dir / "production-stack")
        started = start_stack(settings)
        try:
            yield started
        finally:
            started.stop()


def request(
    url: str,
    method: str = "GET",
    body: object = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    sent = {"Content-Type": "application/json"} if data is not None else {}
    sent.update(headers or {})
    req = urllib.request.Request(url, data=data, headers=sent, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as reply:
            return reply.status, reply.read(), {k.lower(): v for k, v in reply.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, error.read(), {k.lower(): v for k, v in error.headers.items()}


def base(stack: Stack) -> str:
    return f"http://127.0.0.1:{stack.settings.rasa_port}"


def assert_secure_headers(headers: dict[str, str], what: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name.lower()) == value, (what, name, headers)
    assert "cache-control" in headers, what


def rest(stack: Stack, sender: str, message: str, secret: str = REST_SECRET):
    return request(
        f"{base(stack)}/webhooks/rest/webhook",
        "POST",
        {"sender": sender, "message": message},
        {"Authorization": f"Bearer {secret}"},
    )


# -- the action server ------------------------------------------------------------------


def test_the_action_server_answers_401_without_the_secret(stack: Stack) -> None:
    port = stack.settings.action_port
    call = {"next_action": "action_export", "sender_id": "anyone", "tracker": {}, "domain": {}}
    status, body, _ = request(f"http://127.0.0.1:{port}/webhook", "POST", call)
    assert status == 401 and b"download" not in body
    status, _, _ = request(
        f"http://127.0.0.1:{port}/webhook", "POST", call, {"Authorization": "Bearer guess"}
    )
    assert status == 401
    # The Rasa server has it: a conversation runs its actions.
    status, reply, _ = rest(stack, "smoke-hello", "hello")
    assert status == 200
    assert "danger" in json.dumps(json.loads(reply)).lower()


def test_the_action_secret_was_made_for_this_installation(stack: Stack) -> None:
    secret = action_secret(stack.settings)
    assert len(secret) >= 32
    assert (stack.settings.keys_dir / "action.key").read_text().strip() == secret
    # Never written into the endpoints file the Rasa server reads.
    endpoints = (stack.settings.var_dir / "runtime" / "endpoints.yml").read_text()
    assert secret not in endpoints and "${SAFETYPLAN_ACTION_SECRET}" in endpoints


# -- files ------------------------------------------------------------------------------


def test_the_data_folder_database_and_keys_are_private(stack: Stack) -> None:
    var = stack.settings.var_dir
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(var) == 0o700
    assert mode(var / "keys") == 0o700
    database = var / "safetyplan.db"
    # A write from this process (umask 022): the write-ahead log and shared
    # memory file SQLite makes (they last as long as the connection) take the
    # database file's mode.
    previous = os.umask(0o022)
    try:
        with engine_for(stack.settings.database_url).begin() as connection:
            connection.exec_driver_sql("CREATE TABLE _mode_probe (x INTEGER)")
            connection.exec_driver_sql("INSERT INTO _mode_probe VALUES (1)")
            side = list(var.glob("safetyplan.db-*"))
            modes = {p.name: mode(p) for p in (database, *side)}
            connection.exec_driver_sql("DROP TABLE _mode_probe")
    finally:
        os.umask(previous)
    assert {n[len("safetyplan.db"):] for n in modes} >= {"", "-wal", "-shm"}, modes
    assert set(modes.values()) == {0o600}, modes
    keys = list((var / "keys").iterdir())
    assert keys
    for key in keys:
        assert mode(key) == 0o600, key


# -- responses ----------------------------------------------------------------------------


def test_every_response_carries_the_security_headers_even_sanics_own_errors(
    stack: Stack,
) -> None:
    url = base(stack)
    status, _, headers = request(f"{url}/no-such-page")
    assert status == 404
    assert_secure_headers(headers, "404")
    status, _, headers = request(f"{url}/chat/api/session", "PUT", {})
    assert status == 405
    assert_secure_headers(headers, "405")
    status, _, headers = request(f"{url}/webhooks/rest/webhook", "POST", {"sender": "x"})
    assert status == 401
    assert_secure_headers(headers, "REST 401")
    status, body, headers = request(f"{url}/")
    assert status == 200
    assert_secure_headers(headers, "/")
    assert b"rasa" not in body.lower() and b"3.6" not in body


# -- rate limits --------------------------------------------------------------------------


def test_one_conversation_is_slowed_down_with_a_kind_429(stack: Stack) -> None:
    sender = "smoke-" + secrets.token_hex(4)
    statuses = []
    for _ in range(40):
        # An empty message is answered without the model: a fast way to send many.
        status, body, headers = rest(stack, sender, " ")
        statuses.append(status)
        if status == 429:
            break
    assert statuses[-1] == 429 and statuses[0] == 200, statuses
    assert json.loads(body)["error"] == TOO_FAST
    assert int(headers["retry-after"]) >= 1
    assert_secure_headers(headers, "429")
    # Another conversation from the same address is not held up.
    assert rest(stack, "smoke-other", " ")[0] == 200


def test_wrong_rest_secrets_are_throttled(stack: Stack) -> None:
    statuses = [rest(stack, "smoke-guess", "hi", secret=f"guess-{n}")[0] for n in range(12)]
    assert 401 in statuses and statuses[-1] == 429, statuses
    # Past the limit even the right secret waits: guessing gains nothing.
    status, body, _ = rest(stack, "smoke-guess", " ")
    assert status == 429 and json.loads(body)["error"] == TOO_MANY_WRONG


def test_new_anonymous_chats_are_capped_per_address_per_hour(stack: Stack) -> None:
    url = f"{base(stack)}/chat/api/session"
    statuses = []
    for _ in range(40):
        status, body, _ = request(url, "POST", {})
        statuses.append(status)
        if status == 429:
            break
    assert statuses[-1] == 429 and statuses[0] == 201, statuses
    assert json.loads(body)["error"] == TOO_MANY_NEW


def test_a_burst_from_one_address_gets_429(stack: Stack) -> None:
    url = f"{base(stack)}/chat/"
    statuses = []
    for _ in range(300):
        status, body, headers = request(url)
        statuses.append(status)
        if status == 429:
            break
    assert statuses[0] == 200 and statuses[-1] == 429, statuses[-3:]
    assert b"faster than I can answer" in body
    assert_secure_headers(headers, "429 page")
