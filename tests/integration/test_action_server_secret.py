"""The action server answers only the Rasa server: a shared secret on every call, in every mode.

Issue 12, finding 2: `POST 127.0.0.1:5055/webhook` with a known sender id and
`next_action: action_export` used to return signed download links for that
case to anyone on the machine. Through the real servers started by the
project's launcher (development mode, as `make run`).
"""

from __future__ import annotations

import json
import os
import stat
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.access.action_secret import action_secret
from bot.private_files import secure_var_dir
from bot.runner import prepare_database
from bot.settings import Settings
from tests.support.family_walk import text_of
from tests.support.servers import settings_for

pytestmark = [pytest.mark.conversation]


def _call(port: int, body: dict, headers: dict[str, str] | None = None, query: str = ""):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhook{query}",
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _export_call(sender: str) -> dict:
    """What an attacker sent: run the export action for someone else's conversation."""
    return {
        "next_action": "action_export",
        "sender_id": sender,
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": sender,
            "slots": {},
            "latest_message": {"text": "download", "intent": {"name": "download"}},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_input_channel": "rest",
        },
    }


def test_a_call_without_the_secret_gets_401_and_runs_nothing(bot) -> None:
    settings: Settings = bot.settings
    sender = bot.new_sender("victim")
    # The assistant itself still works: Rasa sends the secret on every call.
    assert "couldn't" not in text_of(bot.say(sender, "hello")).lower()
    port = settings.action_port
    secret = action_secret(settings)

    for headers, query in (
        ({}, ""),
        ({"Authorization": "Bearer wrong-secret"}, ""),
        ({"Authorization": f"Basic {secret}"}, ""),
        ({"Authorization": "Bearer " + secret[:-1]}, ""),
        ({}, "?token=wrong"),
    ):
        status, body = _call(port, _export_call(sender), headers, query)
        assert status == 401, (headers, query, status, body)
        assert b"download" not in body and b"text" not in body

    # The list of actions is not open either; the liveness probe is, and says nothing.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/actions", timeout=30)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as reply:
        assert json.loads(reply.read()) == {"status": "ok"}

    # With the secret the same call gets past the door (header, or Rasa's `token` option).
    status, _ = _call(port, _export_call(sender), {"Authorization": f"Bearer {secret}"})
    assert status != 401
    status, _ = _call(port, _export_call(sender), query=f"?token={secret}")
    assert status != 401


def test_the_secret_exists_in_development_in_a_private_file(bot) -> None:
    if bot.settings.action_secret:
        pytest.skip("SAFETYPLAN_ACTION_SECRET is set, so no key file is made")
    key = bot.settings.keys_dir / "action.key"
    assert key.is_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().strip() == action_secret(bot.settings)
    # Never written into the endpoints file the Rasa server reads.
    endpoints = (bot.settings.var_dir / "runtime" / "endpoints.yml").read_text()
    assert action_secret(bot.settings) not in endpoints


def test_the_data_folder_database_and_keys_are_private_whatever_the_umask(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "var")
    previous = os.umask(0)
    try:
        prepare_database(settings)
        action_secret(settings)
        (settings.keys_dir / "signing.key").write_text("x")
        os.chmod(settings.keys_dir / "signing.key", 0o666)
        os.chmod(settings.var_dir, 0o777)
        secure_var_dir(settings)
    finally:
        os.umask(previous)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(settings.var_dir) == 0o700
    assert mode(settings.keys_dir) == 0o700
    database = settings.var_dir / "safetyplan.db"
    for path in (database, *database.parent.glob("safetyplan.db-*")):
        assert mode(path) == 0o600, path
    for key in settings.keys_dir.iterdir():
        assert mode(key) == 0o600, key
