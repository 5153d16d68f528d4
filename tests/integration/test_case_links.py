"""Links bind to something never reused, and revoke ends every way into a case.

Issue 12, findings 1 and 3, through the real servers:
- an erased case's download links (worker, family, meeting pack, JSON) get
  404 however many new cases are made after it, never another family's plan;
- `safetyplan revoke CASE` ends the conversation that created the case too,
  with its download links and its history; a new invite brings the worker back.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.faults import ACCESS_ENDED
from bot.settings import Settings
from bot.storage.erasure import erase_case
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.webchat import WebChat, make_case

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"https?://[^\s]+/chat/download/[A-Za-z0-9_.-]+")
WORKER_START = ["hi", "no", '/choose{"choice": "worker"}', "/affirm", "Sam Patel, social worker"]
FAMILY_START = ["hi", "no", '/choose{"choice": "family"}', "/affirm", "Sarah, I'm their mum"]


def _links(messages: list[dict]) -> list[str]:
    return LINK.findall("\n".join(m.get("text") or "" for m in messages))


def _case_of(settings: Settings, sender: str) -> tuple[int, str]:
    with SqlUnitOfWork(settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        return int(plan.id), plan.reference


def _status(bot, link: str) -> int:
    return bot.get(link)[0]


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": settings.database_url,
            "SAFETYPLAN_VAR_DIR": str(settings.var_dir),
            "SAFETYPLAN_PUBLIC_URL": settings.public_url,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _worker_case(bot, child: str) -> tuple[str, list[str]]:
    """A worker's REST conversation (no invite) that starts a case; its four download links."""
    sender = bot.new_sender("worker")
    for says in WORKER_START:
        bot.say(sender, says)
    bot.say(sender, f"{child} 7")
    links = _links(bot.say(sender, "download"))
    assert len(links) == 4, links  # worker, family, meeting pack, JSON
    return sender, links


def test_an_erased_cases_links_never_open_a_later_case(bot) -> None:
    settings = bot.settings
    sender, links = _worker_case(bot, "Olly")
    family = bot.new_sender("family")
    for says in FAMILY_START:
        bot.say(family, says)
    bot.say(family, "Ruby 5")
    family_links = _links(bot.say(family, "download"))
    assert len(family_links) == 1, family_links
    old_links = links + family_links
    assert all(_status(bot, link) == 200 for link in old_links)

    erased = []
    for who in (sender, family):
        case_id, reference = _case_of(settings, who)
        assert erase_case(settings, reference) is not None
        erased.append(case_id)

    # New families' cases, until SQLite would have handed an old id out again.
    new_ids: list[int] = []
    while not new_ids or max(new_ids) <= max(erased):
        new_ids.append(make_case(settings, "Mia")[0])
        assert len(new_ids) < 50
    assert not set(new_ids) & set(erased), "an erased case's id was given to a new case"

    for link in old_links:
        status, body, _ = bot.get(link)
        assert status == 404, (link, status)
        assert b"Mia" not in body


def test_revoke_ends_the_conversation_that_created_the_case_until_a_new_invite(bot) -> None:
    settings = bot.settings
    base = f"http://127.0.0.1:{settings.rasa_port}"
    # A worker's web chat, no invite: the conversation that creates the case.
    chat = WebChat(base).open()
    chat.start()
    for says in WORKER_START[1:]:
        chat.say(says)
    chat.say("Ava 6")
    # The web chat offers buttons; each press makes a fresh single-use link.
    kinds = WebChat.offered(chat.say("download"))
    assert len(kinds) == 4, kinds
    assert all(_status(bot, chat.download(kind)) == 200 for kind in kinds)
    # Links made before the revoke, not yet used.
    links = [chat.download(kind) for kind in kinds]
    # And a REST conversation on the same case would have the same fate; the
    # web chat's own session is what the issue found left open.
    case_id, reference = _case_of(settings, _web_sender(chat, settings))

    revoked = _cli(settings, "revoke", reference)
    assert revoked.returncode == 0, revoked.stderr
    assert "including the one that created it" in revoked.stdout

    for link in links:
        assert _status(bot, link) == 404, link
    status, reply, _ = chat.request("POST", "/chat/api/message", body={"message": "Ava 6"})
    assert status in (401, 403) or ACCESS_ENDED in WebChat.texts(reply["messages"]), reply
    status, reply, _ = chat.request("GET", "/chat/api/history")
    assert status in (401, 403), "the revoked conversation's history is still readable"
    assert "Ava" not in str(reply)

    # The worker comes back through a new invite, on the same case.
    invited = _cli(settings, "invite", reference, "--role", "worker")
    assert invited.returncode == 0, invited.stderr
    token = re.split(r"[?#]invite=", invited.stdout.strip(), maxsplit=1)[1]
    again = WebChat(base).open(token)
    again.start()
    again.say("no")  # nobody in danger now
    again.say("/affirm")  # the worker's own answers may be kept
    assert _case_of(settings, _web_sender(again, settings)) == (case_id, reference)
    fresh = [again.download(kind) for kind in WebChat.offered(again.say("download"))]
    assert fresh and all(_status(bot, link) == 200 for link in fresh)


def test_revoke_ends_a_rest_conversation_on_the_case(bot) -> None:
    settings = bot.settings
    sender, links = _worker_case(bot, "Noah")
    _case_id, reference = _case_of(settings, sender)
    assert _cli(settings, "revoke", reference).returncode == 0
    reply = bot.texts(bot.say(sender, "review"))
    assert ACCESS_ENDED in reply
    assert "Noah" not in reply
    assert not _links(bot.say(sender, "download"))
    assert all(_status(bot, link) == 404 for link in links)


def _web_sender(chat: WebChat, settings: Settings) -> str:
    from bot.access.sessions import open_session

    return open_session(chat.token, settings).sender_id
