"""A marker typed into a real conversation is nowhere in clear on disk, and erasing forgets it.

Through the real servers: the marker goes in over REST as answers (and as
messages that make Rasa warn), then every byte under the stack's data folder
is searched: the SQLite file, its write-ahead log, the logs. After
`safetyplan erase CASE --yes` (the real command, run while the servers keep
running) neither the marker nor the ciphertexts that held it are anywhere.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.access.action_secret import action_secret
from bot.storage.crypto import active_keyring
from bot.storage.engine import engine_for
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.family_walk import STEPS, text_of, walk
from tests.support.privacy import all_ciphertexts, files_under, sqlite_files, where_found

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _events(database_url: str, sender: str) -> list[str]:
    with engine_for(database_url).connect() as connection:
        return list(
            connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
            ).scalars()
        )


def _files_except_database(var_dir: Path) -> dict[str, int]:
    return {
        str(p.relative_to(var_dir)): p.stat().st_size
        for p in files_under(var_dir)
        if not p.name.startswith("safetyplan.db") and p.parent.name not in ("logs", "matplotlib")
    }


def _post_action_server(port: int, body: bytes, secret: str) -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhook",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {secret}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_marker_phrase_is_nowhere_in_clear_and_erase_removes_every_trace(bot) -> None:
    settings = bot.settings
    database_url = settings.database_url
    var_dir = settings.var_dir
    marker = "zqmarker" + secrets.token_hex(5)
    sender = bot.new_sender("privacy")

    walk(bot, sender, len(STEPS), marker=marker)
    # Messages Rasa would quote whole in its warnings: a slash that is not an intent,
    # broken entity JSON, an entity the domain does not know.
    for tricky in [f"/{marker}", f"/choose{{{marker}", f'/choose{{"{marker}": "x"}}',
                   f"/inform@0.9{{}}{marker}"]:
        assert text_of(bot.say(sender, tricky))
    # The action server's own error path must not echo or log what it was sent.
    status, body = _post_action_server(
        settings.action_port,
        json.dumps({"next_action": "validate_interview_form", "marker": marker}).encode(),
        action_secret(settings),
    )
    assert status >= 400 and marker.encode() not in body

    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        plan = conversation.plan
        reference = plan.reference
        stored_text = json.dumps([e.text for e in plan.entries] + [plan.pairs[0].danger_statement])
    assert marker in stored_text, "the answers were saved (and read back decrypted)"

    # The tracker store encrypts: every stored event of this conversation is a Fernet token,
    # and the user's words are inside them.
    events = _events(database_url, sender)
    assert len(events) > 50 and all(e.startswith("f1:") for e in events)
    keyring = active_keyring()
    assert any(marker in keyring.decrypt(e) for e in events)
    assert not any(marker in e for e in events)

    files = files_under(var_dir)
    assert any(p.name == "rasa.log" for p in files) and any(p.name == "actions.log" for p in files)
    assert where_found(files, [marker]) == [], "the marker is on disk in clear"

    stored_before = all_ciphertexts(database_url)
    assert set(events) <= stored_before
    assert where_found(sqlite_files(database_url), events[-3:]), "found before erasing"

    before = _files_except_database(var_dir)
    erase = subprocess.run(
        [sys.executable, "-m", "bot.cli", "erase", reference, "--yes"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "SAFETYPLAN_VAR_DIR": str(var_dir)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert erase.returncode == 0, erase.stderr
    assert f"Erased case {reference}" in erase.stdout and marker not in erase.stdout

    assert _events(database_url, sender) == []
    with SqlUnitOfWork(database_url) as uow:
        assert uow.plans.get(reference) is None and uow.conversations.get(sender) is None
    gone = stored_before - all_ciphertexts(database_url)
    # The erased case held far more than its tracker events: its plan rows went too.
    assert set(events) <= gone and len(gone) > len(events) + 40
    files = files_under(var_dir)
    assert where_found(files, [marker]) == []
    assert where_found(sqlite_files(database_url), sorted(gone)) == [], "old ciphertext lingers"
    assert _files_except_database(var_dir) == before

    # The servers carry on: the erased person starts afresh, others are untouched.
    again = text_of(bot.say(sender, "hi"))
    assert "is anyone in danger right now" in again.lower() and "hello again" not in again.lower()


def test_documents_are_made_on_request_and_never_written_to_disk(bot) -> None:
    from bot.services import ConversationService

    settings = bot.settings
    marker = "zqdocmarker" + secrets.token_hex(4)
    sender = bot.new_sender("documents")
    walk(bot, sender, 14, marker=marker)
    links = text_of(bot.say(sender, "download"))
    tokens = [part.split("/chat/download/")[1].split()[0]
              for part in links.split() if "/chat/download/" in part]
    assert tokens, links
    before = {p: p.stat().st_size for p in files_under(settings.var_dir)}
    service = ConversationService(settings)
    for token in tokens:
        document = service.render_download(token)
        assert document.content[:2] in (b"PK", b"{\n", b'{"')
        status, _content, _headers = bot.get(f"/chat/download/{token}")
        # A link works once, wherever it is used: the server knows this one was.
        assert status == 410, status
    after = {p: p.stat().st_size for p in files_under(settings.var_dir)}
    new = [p for p in after if p not in before and p.parent.name not in ("matplotlib",)]
    assert new == [], f"files written while making documents: {new}"
    assert where_found(files_under(settings.var_dir), [marker]) == []
