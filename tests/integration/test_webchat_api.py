"""The web chat channel against the real running servers: sessions, messages, history,
invites, downloads, and everything a tamperer might try."""

from __future__ import annotations

import io
import re
import time

import pytest
import sqlalchemy as sa

from bot.access.invites import create_invite, revoke
from bot.access.signing import sign
from bot.storage.engine import engine_for
from tests.support.webchat import WebChat, make_case, token_payload, with_payload

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

DOWNLOAD = re.compile(r"https?://\S+?(/chat/download/[A-Za-z0-9_.-]+)")
SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.fixture(scope="module")
def base(bot) -> str:
    return f"http://127.0.0.1:{bot.settings.rasa_port}"


@pytest.fixture()
def chat(base: str) -> WebChat:
    return WebChat(base).open()


def events_for(bot, sender_id: str) -> int:
    """How many tracker events Rasa holds for a sender: none means nothing reached it."""
    with engine_for(bot.settings.database_url).connect() as connection:
        return connection.execute(
            sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender_id}
        ).scalar_one()


def lower(headers: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def assert_secure(headers: dict[str, str]) -> None:
    got = lower(headers)
    for name, expected in SECURITY_HEADERS.items():
        assert expected in got.get(name, ""), (name, got.get(name))
    assert "default-src 'self'" in got["content-security-policy"]
    assert "unsafe-inline" not in got["content-security-policy"]


def download_path(chat: WebChat, messages: list[dict], kind: str = "plan-family") -> str:
    """The link the page gets when the person presses the document's button."""
    assert kind in WebChat.offered(messages), messages
    # No address in what the page is told: only a button, whose link is made when pressed.
    assert not DOWNLOAD.search(WebChat.texts(messages)), WebChat.texts(messages)
    path = chat.download(kind)
    assert path.startswith("/chat/download/"), path
    return path


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def agree_to_start(chat: WebChat, family_invite: bool = False) -> list[dict]:
    """From the greeting to the first question about the plan."""
    chat.start()
    chat.say("/deny")  # nobody is in danger right now
    if not family_invite:
        chat.say('/choose{"choice": "family"}')
    return chat.say("/affirm")  # it's OK to keep the answers


# -- the page and its files ---------------------------------------------------------------


def test_page_is_served_with_its_own_files_only(bot, base: str) -> None:
    status, page, headers = WebChat(base).request("GET", "/chat/")
    assert status == 200
    html = page.decode("utf-8")
    assert '<html lang="en-GB">' in html
    assert "If anyone is in danger now, call 999" in html
    assert "Leave this page quickly" in html
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert "<script>" not in html and "style=" not in html  # nothing inline
    assert_secure(headers)
    assert lower(headers)["cache-control"] == "no-store"
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, html
    for reference in references:
        # A tap-to-call link is a call, not something fetched: only 999, in the banner.
        if reference.startswith("tel:"):
            assert reference == "tel:999", reference
            continue
        assert reference.startswith("/chat/") or reference.startswith("#"), reference
        if reference.startswith("/chat/static/"):
            status, _, asset_headers = WebChat(base).request("GET", reference)
            assert status == 200, reference
            assert_secure(asset_headers)


def test_static_files_are_a_fixed_list(base: str) -> None:
    client = WebChat(base)
    for path in (
        "/chat/static/nothing-here.js",
        "/chat/static/../chat.html",
        "/chat/static/%2e%2e/%2e%2e/credentials.yml",
        "/chat/static/..%2f..%2fsettings.py",
    ):
        status, _, headers = client.request("GET", path)
        assert status == 404, path


def test_leave_page_is_neutral(base: str) -> None:
    status, page, headers = WebChat(base).request("GET", "/weather")
    assert status == 200
    text = page.decode("utf-8").lower()
    # Not even in its addresses: someone reading the page's source sees nothing either.
    for word in ("safety", "999", "chat", "plan", "child", "social", "worker"):
        assert word not in text, word
    assert_secure(headers)
    status, _, headers = WebChat(base).request("GET", "/weather/weather.css")
    assert status == 200
    assert_secure(headers)
    # The old address says "chat": nothing is there any more.
    status, _, _ = WebChat(base).request("GET", "/chat/leave")
    assert status == 404


# -- sessions, messages and history ------------------------------------------------------


def test_the_server_chooses_the_conversation(bot, base: str) -> None:
    first = WebChat(base).open()
    status, reply, headers = WebChat(base).request(
        "POST", "/chat/api/session", body={"sender": "my-own-name", "case": 1}, token=""
    )
    assert status == 201
    assert_secure(headers)
    second = token_payload(reply["token"])["s"]
    mine = token_payload(first.token)["s"]
    assert mine != second
    for sender in (mine, second):
        assert re.fullmatch(r"web-[A-Za-z0-9_-]{24}", sender)
    assert reply["role"] is None


def test_message_and_history_after_reload(bot, chat: WebChat) -> None:
    welcome = chat.start()
    assert "danger" in WebChat.texts(welcome)
    assert welcome[-1]["buttons"]
    reply = chat.say("/deny")
    assert "Which of these is you?" in WebChat.texts(reply)
    # A reload: the same token, and the page asks what was said so far.
    again = WebChat(chat.base, chat.token).history()
    texts = [m["text"] for m in again["messages"]]
    froms = [m["from"] for m in again["messages"]]
    assert "hello" not in texts  # the page's own greeting is not the person's words
    assert froms.count("user") == 1
    # The button is shown by its title, as when it was pressed.
    assert {"from": "user", "text": "No"} in again["messages"]
    assert "Which of these is you?" in texts[-1]
    titles = [b["title"] for b in again["buttons"]]
    assert "A family member" in titles


def test_what_people_type_comes_back_as_the_same_text(chat: WebChat) -> None:
    chat.start()
    typed = "<script>alert(1)</script> & <b>bold</b>"
    chat.say(typed)
    said = [m["text"] for m in chat.history()["messages"] if m["from"] == "user"]
    assert typed in said


# -- tampering: nothing reaches Rasa ----------------------------------------------------------


def _post_message(client: WebChat, token: str) -> int:
    status, reply, headers = client.request(
        "POST", "/chat/api/message", body={"message": "hello"}, token=token
    )
    assert_secure(headers)
    assert reply.get("code") and reply.get("error"), reply
    return status


def test_a_changed_sender_inside_a_token_is_refused(bot, base: str) -> None:
    victim = WebChat(base).open()
    victim.start()
    before = len(victim.history()["messages"])
    attacker = WebChat(base).open()
    forged = with_payload(attacker.token, s=token_payload(victim.token)["s"])
    assert _post_message(attacker, forged) == 401
    made_up = "web-" + "A" * 24
    assert _post_message(attacker, with_payload(attacker.token, s=made_up)) == 401
    assert events_for(bot, made_up) == 0
    status, _, _ = attacker.request("GET", "/chat/api/history", token=forged)
    assert status == 401
    assert len(victim.history()["messages"]) == before


def test_forged_expired_and_misused_tokens_are_refused(bot, base: str) -> None:
    client = WebChat(base)
    sender = "web-" + "B" * 24
    forged = sign("session", {"s": sender, "i": None}, 3600, settings=_other_secret(bot))
    expired = sign("session", {"s": sender, "i": None}, -60)
    download_token = sign("download", {"c": 1, "k": "plan-family"}, 3600)
    wrong_sender = sign("session", {"s": "rest-chosen-name", "i": None}, 3600)
    for token in (forged, expired, download_token, wrong_sender, "nonsense", "a.b.c", "x" * 5000):
        assert _post_message(client, token) == 401, token[:40]
    assert events_for(bot, sender) == 0
    assert events_for(bot, "rest-chosen-name") == 0
    # Without any token at all.
    status, reply, _ = client.request("POST", "/chat/api/message", body={"message": "hi"})
    assert status == 401 and reply["code"] == "no_session"
    status, reply, _ = client.request(
        "GET", "/chat/api/history", headers={"Authorization": "Basic abc"}
    )
    assert status == 401


def _other_secret(bot):
    import dataclasses

    return dataclasses.replace(bot.settings, secret_key="not-the-servers-secret-at-all-0123456789")


# -- invites: one case, one role, until revoked -------------------------------------------------


def test_an_invite_opens_its_case_and_never_another(bot, base: str) -> None:
    case_a, reference_a = make_case(bot.settings, "Amira")
    case_b, _reference_b = make_case(bot.settings, "Bartholomew")
    link = create_invite(reference_a, "family", 7, settings=bot.settings)
    assert link.startswith(f"{bot.settings.public_url}/chat/#invite=")
    invite = link.split("invite=", 1)[1]
    chat = WebChat(base).open(invite)
    assert token_payload(chat.token)["i"]
    first = agree_to_start(chat, family_invite=True)
    assert "Which of these is you?" not in WebChat.texts(first)
    links = chat.say("download")
    path = download_path(chat, links)
    status, content, headers = chat.request("GET", path, token="")
    assert status == 200
    text = docx_text(content)
    assert "Amira" in text and "Bartholomew" not in text
    assert token_payload(path.rsplit("/", 1)[1])["k"] == "plan-family"
    # The same link with the other case's number keeps its old signature: refused.
    other = path.rsplit("/", 1)[0] + "/" + with_payload(path.rsplit("/", 1)[1], c=case_b)
    status, page, headers = chat.request("GET", other, token="")
    assert status == 404
    assert b"Bartholomew" not in page
    assert case_a != case_b
    # Nor can the session be pointed at another invite.
    other_invite = create_invite(_reference_b, "worker", 7, settings=bot.settings)
    other_id = token_payload(other_invite.split("invite=", 1)[1])["v"]
    assert _post_message(chat, with_payload(chat.token, i=other_id)) == 401


def test_a_worker_invite_gets_everything_on_the_case(bot, base: str) -> None:
    _case, reference = make_case(bot.settings, "Cerys")
    chat = WebChat(base).open(create_invite(reference, "worker", 7, settings=bot.settings)
                              .split("invite=", 1)[1])
    assert token_payload(chat.token)["i"]
    agree_to_start(chat, family_invite=True)
    kinds = set(WebChat.offered(chat.say("download")))
    assert {"plan-worker", "plan-family", "meeting-pack"} <= kinds
    for kind in kinds:
        assert token_payload(chat.download(kind).rsplit("/", 1)[1])["k"] == kind


def test_a_revoked_invite_stops_working_at_once(bot, base: str) -> None:
    _case, reference = make_case(bot.settings, "Dewi")
    invite = create_invite(reference, "family", 7, settings=bot.settings).split("invite=", 1)[1]
    chat = WebChat(base).open(invite)
    chat.start()
    assert revoke(reference, settings=bot.settings) >= 1
    sender = token_payload(chat.token)["s"]
    count = events_for(bot, sender)
    status, reply, _ = chat.request("POST", "/chat/api/message", body={"message": "no"})
    assert status == 403 and reply["code"] == "invite_revoked"
    assert "withdrawn" in reply["error"]
    status, reply, _ = chat.request("GET", "/chat/api/history")
    assert status == 403
    assert events_for(bot, sender) == count
    status, reply, _ = WebChat(base).request(
        "POST", "/chat/api/session", body={"invite": invite}, token=""
    )
    assert status == 403 and reply["code"] == "invite_revoked"


def test_an_expired_invite_is_refused(bot, base: str) -> None:
    _case, reference = make_case(bot.settings, "Efa")
    invite = create_invite(reference, "family", 7, settings=bot.settings).split("invite=", 1)[1]
    chat = WebChat(base).open(invite)
    public_id = token_payload(invite)["v"]
    with engine_for(bot.settings.database_url).begin() as connection:
        connection.execute(
            sa.text("UPDATE invites SET expires_at = :t WHERE public_id = :p"),
            {"t": "2000-01-01 00:00:00", "p": public_id},
        )
    status, reply, _ = chat.request("POST", "/chat/api/message", body={"message": "no"})
    assert status == 403 and reply["code"] == "invite_expired"
    status, reply, _ = WebChat(base).request(
        "POST", "/chat/api/session", body={"invite": invite}, token=""
    )
    assert status == 403 and reply["code"] == "invite_expired"
    stale = sign("invite", {"v": public_id}, -5)
    status, reply, _ = WebChat(base).request(
        "POST", "/chat/api/session", body={"invite": stale}, token=""
    )
    assert status == 403 and reply["code"] == "invite_expired"


def test_the_tracker_api_is_not_open(bot, base: str, chat: WebChat) -> None:
    chat.start()
    sender = token_payload(chat.token)["s"]
    for path in (f"/conversations/{sender}/tracker", f"/conversations/{sender}/messages"):
        status, _, _ = WebChat(base).request("GET", path, token="")
        assert status in (401, 403, 404), path


# -- downloads ---------------------------------------------------------------------------------


def test_the_download_link_from_the_page_works(bot, chat: WebChat) -> None:
    agree_to_start(chat)
    chat.say("Sarah, their mum")
    chat.say("Ffion 5")
    path = download_path(chat, chat.say("download"))
    status, content, headers = chat.request("GET", path, token="")
    assert status == 200
    got = lower(headers)
    assert got["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert re.fullmatch(r'attachment; filename="safety-plan-SP-[A-Z0-9]+-family\.docx"',
                        got["content-disposition"])
    assert got["cache-control"] == "no-store"
    assert_secure(headers)
    assert content[:2] == b"PK"
    assert "Ffion" in docx_text(content)
    # One character changed in the signature: a page in plain words, not the document.
    body, mac = path.rsplit("/", 1)[1].split(".")
    broken = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    status, page, headers = chat.request("GET", path.rsplit("/", 1)[0] + f"/{body}.{broken}",
                                         token="")
    assert status == 404
    assert b"This link doesn't work" in page
    assert_secure(headers)
    status, _, _ = chat.request("GET", "/chat/download/not-a-token", token="")
    assert status == 404


def test_a_download_link_works_once_and_only_for_its_own_document(bot, chat: WebChat) -> None:
    agree_to_start(chat)
    chat.say("Sarah, their mum")
    offered = chat.say("download")
    # The offer is kept with the conversation, so a reload shows the button again.
    assert "plan-family" in WebChat.offered(chat.history()["messages"])
    path = download_path(chat, offered)
    status, content, _ = chat.request("GET", path, token="")
    assert status == 200 and content[:2] == b"PK"
    status, page, headers = chat.request("GET", path, token="")
    assert status == 410
    assert b"used already" in page and b"PK" not in page[:2]
    assert_secure(headers)
    # Each press makes a new link that works.
    status, content, _ = chat.request("GET", chat.download("plan-family"), token="")
    assert status == 200 and content[:2] == b"PK"
    # A family member is offered the family version only, and can ask for nothing else.
    for kind in ("plan-worker", "meeting-pack", "json"):
        status, reply, _ = chat.request("POST", "/chat/api/download", body={"kind": kind})
        assert status == 404 and reply["code"] == "no_document", kind
    for kind in ("../x", ["plan-family"], {"k": 1}, None):
        status, reply, _ = chat.request("POST", "/chat/api/download", body={"kind": kind})
        assert status == 400 and reply["code"] == "bad_kind", kind
    status, reply, _ = chat.request(
        "POST", "/chat/api/download", body={"kind": "plan-family"}, token="nonsense"
    )
    assert status == 401


def test_no_document_before_there_is_a_plan(chat: WebChat) -> None:
    chat.start()
    status, reply, _ = chat.request("POST", "/chat/api/download", body={"kind": "plan-family"})
    assert status == 404 and reply["code"] == "no_document"


# -- bad input: a clear 4xx, never a 500 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "raw", "content_type", "status", "code"),
    [
        ("/chat/api/message", b"{not json", "application/json", 400, "bad_json"),
        ("/chat/api/message", b"[1, 2]", "application/json", 400, "bad_json"),
        ("/chat/api/message", b'"text"', "application/json", 400, "bad_json"),
        ("/chat/api/message", b'{"message": 5}', "application/json", 400, "bad_message"),
        ("/chat/api/message", b'{"message": null}', "application/json", 400, "bad_message"),
        ("/chat/api/message", b"{}", "application/json", 400, "bad_message"),
        ("/chat/api/message", b"message=hi", "application/x-www-form-urlencoded", 415, "not_json"),
        ("/chat/api/message", b'{"message": "hi"}', "text/plain", 415, "not_json"),
        ("/chat/api/message", b"\xff\xfe\x00", "application/json", 400, "bad_json"),
        ("/chat/api/message", b'{"message": "' + b"a" * 70000 + b'"}', "application/json",
         413, "too_large"),
        ("/chat/api/session", b"{oops", "application/json", 400, "bad_json"),
        ("/chat/api/session", b'{"invite": 12}', "application/json", 400, "bad_invite"),
        ("/chat/api/session", b'{"invite": "a.b"}', "application/json", 403, "invite_unknown"),
        ("/chat/api/session", b'{"invite": ""}', "application/json", 403, "invite_unknown"),
        ("/chat/api/session", b"<xml/>", "application/xml", 415, "not_json"),
    ],
)
def test_bad_input_gets_a_clear_4xx(
    chat: WebChat, path: str, raw: bytes, content_type: str, status: int, code: str
) -> None:
    got, reply, headers = chat.request("POST", path, raw=raw,
                                       headers={"Content-Type": content_type})
    assert (got, reply["code"]) == (status, code), reply
    assert reply["error"]
    assert_secure(headers)


def test_unknown_fields_are_ignored_and_odd_text_is_answered(chat: WebChat) -> None:
    status, reply, _ = chat.request(
        "POST", "/chat/api/message",
        body={"message": "hello", "sender": "someone-else", "case_id": 1, "extra": [1]},
    )
    assert status == 200 and reply["messages"]
    for odd in ("\ud83d\ude00" * 3, "\u0007 bell", "Ünïcödé – “quotes”"):
        status, reply, _ = chat.request("POST", "/chat/api/message", body={"message": odd})
        assert status == 200, odd[:10]
        assert reply["messages"] and all(m["text"] for m in reply["messages"])


def test_empty_and_too_long_messages_are_problems_the_page_can_show(bot, chat: WebChat) -> None:
    sender = token_payload(chat.token)["s"]
    for odd, code in (("", "empty"), ("   ", "empty"), ("\u0000\u200b", "empty"),
                      ("x" * (bot.settings.max_answer_chars + 1), "too_long")):
        status, reply, headers = chat.request("POST", "/chat/api/message", body={"message": odd})
        assert (status, reply["code"]) == (422, code), odd[:10]
        assert reply["error"]
        assert_secure(headers)
    assert "longer than I can take" in reply["error"]
    assert events_for(bot, sender) == 0


def test_wrong_methods_are_not_server_errors(base: str) -> None:
    client = WebChat(base)
    for method, path in (("GET", "/chat/api/message"), ("GET", "/chat/api/session"),
                         ("POST", "/chat/api/history"), ("DELETE", "/chat/")):
        status, _, _ = client.request(method, path, raw=b"" if method != "GET" else None)
        assert 400 <= status < 500, (method, path, status)


def test_nothing_typed_is_logged(bot, chat: WebChat) -> None:
    secret = f"Zebedee-{time.time_ns()}"
    chat.start()
    chat.say(f"my secret is {secret}")
    logs = bot.settings.var_dir / "logs"
    for log in logs.glob("*.log"):
        assert secret not in log.read_text(encoding="utf-8", errors="replace"), log.name


def test_urgent_mid_interview_on_the_web_chat_then_the_same_question(bot, chat: WebChat) -> None:
    from bot.storage.unit_of_work import SqlUnitOfWork

    agree_to_start(chat)
    chat.say("Priya, their mum")
    asked = WebChat.texts(chat.say("Leo 7 and Mia 4"))
    assert "Who helps and supports your family?" in asked
    said = "he's got a knife and he's coming for us"
    urgent = chat.say(said)
    assert urgent[0]["text"].startswith("If anyone is in danger now, call 999.")
    words = WebChat.texts(urgent)
    assert "0808 800 5000" in words and "0800 1111" in words
    resumed = WebChat.texts(chat.say("yes I'm safe"))
    assert "999" not in resumed
    assert "Who helps and supports your family?" in resumed
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(token_payload(chat.token)["s"]).plan
        assert [c.first_name for c in plan.children] == ["Leo", "Mia"]
        flag = plan.urgent_flags[-1]
        assert (flag.channel, flag.message) == ("webchat", said)
