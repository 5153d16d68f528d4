"""Bad input on every HTTP endpoint: a clear 4xx or a kind reply, never a 500, and the next works.

A stack of its own, with Teams pointed at the local fake Bot Framework so
its webhook is live, and the web chat API where that channel is mounted.
Each case is one row; after each, a plain message on a conversation parked
at a question must still get a proper answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.runner import Stack
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.fake_bot_framework import FakeBotFramework, message_activity
from tests.support.family_walk import AT_DANGER_BEHAVIOUR, AT_STRENGTHS, walk
from tests.support.hostile import FAULTS, OVER_LIMIT, TEXTS, Raw, as_json, send
from tests.support.servers import Bot, stack_talking_to

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

REST = "/webhooks/rest/webhook"
TEAMS = "/webhooks/teams/webhook"
JSON = {"Content-Type": "application/json"}
ANY_4XX = range(400, 500)


@dataclass
class Expect:
    statuses: range | tuple[int, ...]
    # A JSON body with an "error" sentence (our channels' refusals).
    explained: bool = False
    # A 200 whose body is the bot's messages, none of them a fault.
    kind: bool = False


REFUSED = Expect(ANY_4XX, explained=True)
NOT_THERE = Expect(ANY_4XX)
KIND = Expect((200,), kind=True)
REFUSED_OR_KIND = Expect((*ANY_4XX, 200))


# -- the stack -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeBotFramework]:
    with FakeBotFramework() as running:
        yield running


@pytest.fixture(scope="module")
def stack(fake: FakeBotFramework, var_dir: Path) -> Iterator[Stack]:
    with stack_talking_to(fake, var_dir / "bad-input-stack") as started:
        yield started


@pytest.fixture(scope="module")
def client(stack: Stack) -> Bot:
    return Bot(stack)


@pytest.fixture(scope="module")
def parked(client: Bot) -> list[str]:
    """Conversations waiting at a question: the children, the strengths, a danger statement."""
    senders = []
    for upto in (5, AT_STRENGTHS, AT_DANGER_BEHAVIOUR):
        sender = client.new_sender(f"parked{upto}")
        walk(client, sender, upto)
        senders.append(sender)
    return senders


def rest_body(message: Any = "help", sender: Any = "bad-input-http", **extra: Any) -> bytes:
    return json.dumps({"sender": sender, "message": message, **extra}).encode()


def check(status: int, content: bytes, expect: Expect) -> None:
    assert status != 500 and status < 500, (status, content[:300])
    assert status in expect.statuses, (status, content[:300])
    if expect.explained:
        body = as_json(content)
        assert isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]
    if expect.kind and status == 200:
        assert_kind(as_json(content))


def assert_kind(reply: Any) -> None:
    """The bot's answer: at least one message with words, none a fault, no emergency number."""
    assert isinstance(reply, list) and reply, reply
    texts = [m.get("text") for m in reply]
    assert all(isinstance(t, str) and t.strip() for t in texts), reply
    joined = "\n".join(texts)
    assert not any(fault in joined for fault in FAULTS), joined
    assert "999" not in joined, joined


def next_message_works(client: Bot, sender: str) -> None:
    status, reply = client.post({"sender": sender, "message": "help"})
    assert status == 200, (status, reply)
    assert_kind(reply)


# -- REST: the request itself ----------------------------------------------------------

# Deeper than the JSON parser recurses, small enough for every size limit.
DEEP = b"[" * 5_000 + b"]" * 5_000

REST_HTTP: list[tuple[str, Raw, Expect]] = [
    ("bad-json-brace", Raw("POST", REST, b"{", JSON), REFUSED),
    ("bad-json-trailing-comma", Raw("POST", REST, b'{"sender": "a", "message": "x",}', JSON),
     REFUSED),
    ("bad-json-single-quotes", Raw("POST", REST, b"{'sender': 'a', 'message': 'x'}", JSON),
     REFUSED),
    ("json-array", Raw("POST", REST, b"[]", JSON), REFUSED),
    ("json-string", Raw("POST", REST, b'"hello"', JSON), REFUSED),
    ("json-null", Raw("POST", REST, b"null", JSON), REFUSED),
    ("json-number", Raw("POST", REST, b"42", JSON), REFUSED),
    ("json-true", Raw("POST", REST, b"true", JSON), REFUSED),
    ("empty-body", Raw("POST", REST, b"", JSON), REFUSED),
    ("whitespace-body", Raw("POST", REST, b" \n\t ", JSON), REFUSED),
    ("invalid-utf8", Raw("POST", REST, b'{"sender": "a", "message": "\xff\xfe\xc3"}', JSON),
     REFUSED),
    ("nan-message", Raw("POST", REST, b'{"sender": "a", "message": NaN}', JSON), REFUSED),
    ("infinity-sender", Raw("POST", REST, b'{"sender": Infinity, "message": "x"}', JSON),
     REFUSED),
    ("deeply-nested-array", Raw("POST", REST, DEEP, JSON), REFUSED),
    ("deeply-nested-field",
     Raw("POST", REST, b'{"sender": "a", "message": "hi", "x": ' + DEEP + b"}", JSON), REFUSED),
    ("utf16-body", Raw("POST", REST, json.dumps({"sender": "u16", "message": "hi"})
                       .encode("utf-16"), JSON), REFUSED_OR_KIND),
    ("duplicate-keys", Raw("POST", REST, b'{"sender": "dup", "sender": "dup2", "message": "hi"}',
                           JSON), KIND),
    ("content-type-text", Raw("POST", REST, rest_body(), {"Content-Type": "text/plain"}), REFUSED),
    ("content-type-form", Raw("POST", REST, b"sender=a&message=hi",
                              {"Content-Type": "application/x-www-form-urlencoded"}), REFUSED),
    ("content-type-multipart", Raw("POST", REST, b"--x\r\n\r\nhi\r\n--x--",
                                   {"Content-Type": "multipart/form-data; boundary=x"}), REFUSED),
    ("content-type-xml", Raw("POST", REST, b"<message>hi</message>",
                             {"Content-Type": "application/xml"}), REFUSED),
    ("content-type-nonsense", Raw("POST", REST, rest_body(), {"Content-Type": "a/b/c; ;="}),
     REFUSED),
    ("content-type-with-charset", Raw("POST", REST, rest_body(),
                                      {"Content-Type": "application/json; charset=utf-8"}), KIND),
    ("content-type-upper-case", Raw("POST", REST, rest_body(),
                                    {"Content-Type": "APPLICATION/JSON"}), KIND),
    # Without a Content-Type, Sanic reports application/octet-stream: refused like the others.
    ("content-type-missing", Raw("POST", REST, rest_body()), REFUSED),
    ("sender-missing", Raw("POST", REST, b'{"message": "hi"}', JSON), REFUSED),
    ("message-missing", Raw("POST", REST, b'{"sender": "a"}', JSON), REFUSED),
    ("sender-empty", Raw("POST", REST, rest_body(sender=""), JSON), REFUSED),
    ("sender-too-long", Raw("POST", REST, rest_body(sender="a" * 129), JSON), REFUSED),
    ("sender-space", Raw("POST", REST, rest_body(sender="a b"), JSON), REFUSED),
    ("sender-traversal", Raw("POST", REST, rest_body(sender="../../etc/passwd"), JSON), REFUSED),
    ("sender-unicode", Raw("POST", REST, rest_body(sender="名前"), JSON), REFUSED),
    ("sender-sql", Raw("POST", REST, rest_body(sender="a' OR '1'='1"), JSON), REFUSED),
    ("sender-newline", Raw("POST", REST, rest_body(sender="a\nb"), JSON), REFUSED),
    ("sender-nul", Raw("POST", REST, rest_body(sender="a\x00"), JSON), REFUSED),
    ("sender-number", Raw("POST", REST, rest_body(sender=123), JSON), REFUSED),
    ("sender-null", Raw("POST", REST, rest_body(sender=None), JSON), REFUSED),
    ("sender-list", Raw("POST", REST, rest_body(sender=["a"]), JSON), REFUSED),
    ("sender-object", Raw("POST", REST, rest_body(sender={"id": "a"}), JSON), REFUSED),
    ("message-number", Raw("POST", REST, rest_body(message=7), JSON), REFUSED),
    ("message-null", Raw("POST", REST, rest_body(message=None), JSON), REFUSED),
    ("message-list", Raw("POST", REST, rest_body(message=["hi"]), JSON), REFUSED),
    ("message-object", Raw("POST", REST, rest_body(message={"text": "hi"}), JSON), REFUSED),
    ("message-bool", Raw("POST", REST, rest_body(message=True), JSON), REFUSED),
    ("unknown-fields", Raw("POST", REST, rest_body(metadata={"a": 1}, extra=[1, 2], x=None),
                           JSON), KIND),
    ("unknown-field-large", Raw("POST", REST, rest_body(blob=["x" * 100] * 1000), JSON), KIND),
    ("body-over-256k", Raw("POST", REST, rest_body(blob="x" * 300_000), JSON), REFUSED),
    ("body-5mb", Raw("POST", REST, b" " * 5_000_000, JSON), Expect(ANY_4XX)),
    ("query-string-junk", Raw("POST", REST + "?<script>=1&x=%zz&sender=other", rest_body(), JSON),
     KIND),
    ("authorization-junk", Raw("POST", REST, rest_body(),
                               {**JSON, "Authorization": "Bearer ' OR 1=1 --"}), KIND),
    ("large-header", Raw("POST", REST, rest_body(), {**JSON, "X-Junk": "x" * 7000}),
     REFUSED_OR_KIND),
    ("get-webhook", Raw("GET", REST), NOT_THERE),
    ("put-webhook", Raw("PUT", REST, rest_body(), JSON), NOT_THERE),
    ("delete-webhook", Raw("DELETE", REST), NOT_THERE),
    ("patch-webhook", Raw("PATCH", REST, rest_body(), JSON), NOT_THERE),
    ("head-webhook", Raw("HEAD", REST), NOT_THERE),
    ("options-webhook", Raw("OPTIONS", REST), Expect((*ANY_4XX, 200, 204))),
    ("dot-dot-in-path", Raw("POST", "/webhooks/rest/../rest/webhook", rest_body(), JSON),
     REFUSED_OR_KIND),
    ("encoded-dot-dot", Raw("GET", "/webhooks/rest/%2e%2e/%2e%2e/etc/passwd"), NOT_THERE),
    ("traversal-after-webhook", Raw("POST", REST + "/../../../etc/passwd", rest_body(), JSON),
     NOT_THERE),
    ("traversal-from-root", Raw("GET", "/../../../../etc/passwd"), NOT_THERE),
    ("encoded-nul-in-path", Raw("POST", REST + "%00", rest_body(), JSON), NOT_THERE),
    ("backslashes-in-path", Raw("GET", "/webhooks\\..\\..\\etc\\passwd"), NOT_THERE),
    ("very-long-path", Raw("GET", "/webhooks/" + "a" * 10_000), NOT_THERE),
    ("unknown-channel", Raw("POST", "/webhooks/nosuch/webhook", rest_body(), JSON), NOT_THERE),
    ("rest-health", Raw("GET", "/webhooks/rest/"), Expect((200,))),
    ("post-rest-health", Raw("POST", "/webhooks/rest/", rest_body(), JSON), NOT_THERE),
    ("rasa-root", Raw("GET", "/"), Expect((200,))),
    # Rasa's HTTP API is off: nobody can read a conversation or push events through it.
    ("rasa-api-tracker", Raw("GET", "/conversations/bad-input-http/tracker"), Expect((404,))),
    ("rasa-api-events", Raw("POST", "/conversations/x/tracker/events", b"[]", JSON),
     Expect((404, 405))),
    ("rasa-api-parse", Raw("POST", "/model/parse", b'{"text": "hi"}', JSON), Expect((404, 405))),
    ("rasa-api-model", Raw("PUT", "/model", b"{}", JSON), Expect((404, 405))),
    ("rasa-api-status", Raw("GET", "/status"), Expect((404,))),
]


@pytest.mark.parametrize(("name", "raw", "expect"), REST_HTTP, ids=[c[0] for c in REST_HTTP])
def test_rest_requests(client: Bot, parked: list[str], name: str, raw: Raw,
                       expect: Expect) -> None:
    status, content, _headers = send(client.settings.rasa_port, raw)
    check(status, content, expect)
    # The row's place in the table picks the conversation: the same one every run
    # (hash() of a string changes from run to run), spread over all of them.
    next_message_works(client, parked[[c[0] for c in REST_HTTP].index(name) % len(parked)])


# -- REST: what a message says -----------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), TEXTS + OVER_LIMIT,
                         ids=[c[0] for c in TEXTS + OVER_LIMIT])
def test_rest_messages(client: Bot, parked: list[str], name: str, text: str) -> None:
    sender = parked[[c[0] for c in TEXTS + OVER_LIMIT].index(name) % len(parked)]
    _back_to_the_plan(client, sender)
    status, content, _headers = send(
        client.settings.rasa_port, Raw("POST", REST, rest_body(text, sender), JSON)
    )
    check(status, content, KIND)
    next_message_works(client, sender)


def _back_to_the_plan(client: Bot, sender: str) -> None:
    """Off the danger questions, so each row is judged at an ordinary question.

    Rows share parked conversations, and a row may rightly be asked "is someone
    in danger right now?" ("𝓗𝓮𝓵𝓹" reads as "Help"): the person answers no.
    """
    from bot.services import ConversationService

    service = ConversationService(client.settings)
    for _ in range(3):
        slot = service.current_slot(sender, "rest")
        if slot == "check_danger":
            client.say(sender, "/deny")
        elif slot == "safe_to_continue":
            client.say(sender, "/affirm")
        else:
            return


def _strengths(database_url: str, sender: str) -> list[str]:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get(sender).plan
        return [e.text for e in plan.entries]


def test_an_over_long_answer_is_refused_kindly_and_nothing_is_lost(client: Bot) -> None:
    sender = client.new_sender("too-long")
    walk(client, sender, AT_STRENGTHS)
    before = _strengths(client.settings.database_url, sender)
    for _name, text in OVER_LIMIT:
        said = "\n".join(m["text"] for m in client.say(sender, text))
        assert "longer than I can take" in said and "Nothing you saved before is lost" in said
        assert _strengths(client.settings.database_url, sender) == before
    # Still at the same question: a proper answer is taken.
    after = "\n".join(m["text"] for m in client.say(sender, "she is kind to the children"))
    assert "kept the children safe" in after.lower(), after
    assert len(_strengths(client.settings.database_url, sender)) == len(before) + 1


# -- Teams -------------------------------------------------------------------------------


def _teams_raw(fake: FakeBotFramework, body: bytes, token: str | None = "valid",
               content_type: str = "application/json") -> Raw:
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = "Bearer " + (
            fake.mint(token, service_url=fake.service_url) if token in TOKEN_KINDS else token
        )
    return Raw("POST", TEAMS, body, headers)


TOKEN_KINDS = {"valid", "expired", "not_yet_valid", "wrong_key", "unknown_kid", "wrong_audience",
               "wrong_issuer", "alg_none", "hs256_public_key", "no_exp"}


def _activity(fake: FakeBotFramework, **changes: Any) -> bytes:
    activity = message_activity(fake.service_url, text="hello")
    for key, value in changes.items():
        if value is None:
            activity.pop(key, None)
        else:
            activity[key] = value
    return json.dumps(activity).encode()


TEAMS_HTTP: list[tuple[str, Callable[[FakeBotFramework], Raw], Expect]] = [
    ("no-token", lambda f: _teams_raw(f, _activity(f), token=None), REFUSED),
    ("garbage-token", lambda f: _teams_raw(f, _activity(f), token="a.b.c"), REFUSED),
    ("non-ascii-token", lambda f: _teams_raw(f, _activity(f), token="ä.ö.ü"), REFUSED),
    *[
        (f"token-{kind}", (lambda k: lambda f: _teams_raw(f, _activity(f), token=k))(kind),
         REFUSED)
        for kind in ("expired", "wrong_key", "unknown_kid", "wrong_audience", "wrong_issuer",
                     "alg_none", "hs256_public_key", "no_exp")
    ],
    ("bad-json", lambda f: _teams_raw(f, b"{"), REFUSED),
    ("deeply-nested", lambda f: _teams_raw(f, DEEP), REFUSED),
    ("json-array", lambda f: _teams_raw(f, b"[]"), REFUSED),
    ("empty-body", lambda f: _teams_raw(f, b""), REFUSED),
    ("no-type", lambda f: _teams_raw(f, b"{}"), REFUSED),
    ("no-service-url", lambda f: _teams_raw(f, _activity(f, serviceUrl=None)), REFUSED),
    ("no-conversation", lambda f: _teams_raw(f, _activity(f, conversation=None)), REFUSED),
    ("conversation-not-object", lambda f: _teams_raw(f, _activity(f, conversation="x")),
     REFUSED),
    ("from-is-list", lambda f: _teams_raw(f, _activity(f, **{"from": [1]})), REFUSED),
    ("entities-not-list", lambda f: _teams_raw(f, _activity(f, entities=5)), Expect((202,))),
    ("entities-junk", lambda f: _teams_raw(f, _activity(f, entities=[1, "x", {"type": 2}])),
     Expect((202,))),
    ("text-not-string", lambda f: _teams_raw(f, _activity(f, text={"a": 1})), Expect((202,))),
    ("value-junk", lambda f: _teams_raw(f, _activity(f, value={"kind": 5, "payload": []})),
     Expect((202,))),
    ("evil-service-url", lambda f: _teams_raw(f, _activity(f, serviceUrl="http://evil.example/")),
     REFUSED),
    ("body-over-256k", lambda f: _teams_raw(f, _activity(f, text="x" * 300_000)), REFUSED),
    ("typing-activity", lambda f: _teams_raw(f, _activity(f, type="typing")), Expect((200,))),
    ("typing-without-channel", lambda f: _teams_raw(f, b'{"type": "typing"}'), REFUSED),
    ("content-type-text", lambda f: _teams_raw(f, _activity(f), content_type="text/plain"),
     Expect((*ANY_4XX, 202))),
    ("get-webhook", lambda f: Raw("GET", TEAMS), NOT_THERE),
    ("traversal", lambda f: Raw("GET", "/webhooks/teams/../../../etc/passwd"), NOT_THERE),
]


@pytest.mark.parametrize(("name", "make", "expect"), TEAMS_HTTP, ids=[c[0] for c in TEAMS_HTTP])
def test_teams_requests(client: Bot, parked: list[str], fake: FakeBotFramework, name: str,
                        make: Callable[[FakeBotFramework], Raw], expect: Expect) -> None:
    status, content, _headers = send(client.settings.rasa_port, make(fake))
    check(status, content, expect)
    next_message_works(client, parked[0])


TEAMS_TEXTS = [c for c in TEXTS + OVER_LIMIT if c[0] in {  # a sample: each reply is posted back
    "empty", "zero-width-only", "sql-drop", "script", "slash-restart", "nul-inside",
    "rtl-override", "family-zwj", "urdu", "chinese", "lone-surrogate", "many-names",
    "over-limit-emoji",
}]


@pytest.mark.parametrize(("name", "text"), TEAMS_TEXTS, ids=[c[0] for c in TEAMS_TEXTS])
def test_teams_messages(client: Bot, fake: FakeBotFramework, name: str, text: str) -> None:
    activity = message_activity(fake.service_url, text=text)
    conversation = activity["conversation"]["id"]
    status, content, _headers = send(
        client.settings.rasa_port, _teams_raw(fake, json.dumps(activity).encode())
    )
    assert status == 202, (status, content[:300])
    posted = fake.wait_for(conversation, 1, timeout=90)
    time.sleep(0.5)
    words = "\n".join(p.body.get("text") or "" for p in fake.posted_to(conversation))
    assert words.strip() and not any(fault in words for fault in FAULTS), words
    assert "999" not in words
    # The same person carries on.
    follow = message_activity(fake.service_url, text="help", conversation_id=conversation,
                              user_id=activity["from"]["id"])
    status, _content, _headers = send(
        client.settings.rasa_port, _teams_raw(fake, json.dumps(follow).encode())
    )
    assert status == 202
    fake.wait_for(conversation, len(posted) + 1, timeout=90)


# -- the web chat (where that channel is mounted) -------------------------------------------


@pytest.fixture(scope="module")
def session(client: Bot) -> str:
    """A web chat session token (the channel is mounted in credentials.yml)."""
    status, content, _headers = send(client.settings.rasa_port, Raw("POST", "/chat/api/session"))
    assert status == 201, (status, content[:300])
    token = as_json(content)["token"]
    status, _content, _headers = send(client.settings.rasa_port, Raw(
        "POST", "/chat/api/start", None, {"Authorization": f"Bearer {token}"}))
    assert status == 200
    return token


def _chat(path: str, body: bytes | None = None, token: str | None = None,
          content_type: str | None = "application/json") -> Callable[[str], Raw]:
    def make(session: str) -> Raw:
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        bearer = session if token == "session" else token
        if bearer is not None:
            headers["Authorization"] = f"Bearer {bearer}"
        return Raw("POST" if body is not None else "GET", path, body, headers)

    return make


MESSAGE = "/chat/api/message"
WEBCHAT_HTTP: list[tuple[str, Callable[[str], Raw], Expect]] = [
    ("session-bad-json", _chat("/chat/api/session", b"{"), REFUSED),
    ("session-deeply-nested", _chat("/chat/api/session", DEEP), REFUSED),
    ("session-wrong-type", _chat("/chat/api/session", b"{}", content_type="text/plain"), REFUSED),
    ("session-invite-not-text", _chat("/chat/api/session", b'{"invite": 5}'), REFUSED),
    ("session-invite-traversal", _chat("/chat/api/session", b'{"invite": "../../etc/passwd"}'),
     REFUSED),
    ("session-invite-non-ascii", _chat("/chat/api/session", '{"invite": "ä.ö"}'.encode()),
     REFUSED),
    ("session-huge", _chat("/chat/api/session", b'{"x": "' + b"a" * 100_000 + b'"}'), REFUSED),
    ("message-no-session", _chat(MESSAGE, b'{"message": "hi"}'), REFUSED),
    ("message-garbage-session", _chat(MESSAGE, b'{"message": "hi"}', token="a.b"), REFUSED),
    ("message-non-ascii-session", _chat(MESSAGE, b'{"message": "hi"}', token="ä.ö"), REFUSED),
    ("message-long-session", _chat(MESSAGE, b'{"message": "hi"}', token="a" * 5000), REFUSED),
    ("message-bad-json", _chat(MESSAGE, b'{"message": ', token="session"), REFUSED),
    ("message-deeply-nested", _chat(MESSAGE, DEEP, token="session"), REFUSED),
    ("message-wrong-type", _chat(MESSAGE, b'{"message": "hi"}', token="session",
                                 content_type="text/plain"), REFUSED),
    ("message-not-text", _chat(MESSAGE, b'{"message": ["hi"]}', token="session"), REFUSED),
    ("message-missing", _chat(MESSAGE, b'{"text": "hi"}', token="session"), REFUSED),
    ("message-huge-body", _chat(MESSAGE, b'{"message": "' + b"a" * 100_000 + b'"}',
                                token="session"), REFUSED),
    ("message-unknown-fields", _chat(MESSAGE, b'{"message": "help", "sender": "someone-else",'
                                     b' "metadata": {"role": "worker"}}', token="session"),
     Expect((200,))),
    ("history-no-session", _chat("/chat/api/history", content_type=None), REFUSED),
    ("history-garbage-session", _chat("/chat/api/history", token="x.y", content_type=None),
     REFUSED),
    ("download-traversal", lambda s: Raw("GET", "/chat/download/../../etc/passwd"), NOT_THERE),
    ("download-encoded-traversal", lambda s: Raw("GET", "/chat/download/..%2f..%2fetc%2fpasswd"),
     NOT_THERE),
    ("download-garbage", lambda s: Raw("GET", "/chat/download/a.b"), NOT_THERE),
    ("download-non-ascii", lambda s: Raw("GET", "/chat/download/%C3%A4.%C3%B6"), NOT_THERE),
    ("download-nul", lambda s: Raw("GET", "/chat/download/a%00.b"), NOT_THERE),
    ("download-very-long", lambda s: Raw("GET", "/chat/download/" + "a" * 3000 + ".b"),
     NOT_THERE),
    ("download-session-token", lambda s: Raw("GET", f"/chat/download/{s}"), NOT_THERE),
    ("static-traversal", lambda s: Raw("GET", "/chat/static/../../bot/settings.py"), NOT_THERE),
    ("static-encoded-traversal",
     lambda s: Raw("GET", "/chat/static/%2e%2e/%2e%2e/pyproject.toml"), NOT_THERE),
    ("static-unknown", lambda s: Raw("GET", "/chat/static/nosuch.js"), NOT_THERE),
    ("page", lambda s: Raw("GET", "/chat/"), Expect((200,))),
]


@pytest.mark.parametrize(("name", "make", "expect"), WEBCHAT_HTTP,
                         ids=[c[0] for c in WEBCHAT_HTTP])
def test_webchat_requests(client: Bot, parked: list[str], session: str, name: str,
                          make: Callable[[str], Raw], expect: Expect) -> None:
    status, content, _headers = send(client.settings.rasa_port, make(session))
    check(status, content, expect)
    next_message_works(client, parked[1])


WEBCHAT_TEXTS = [c for c in TEXTS + OVER_LIMIT if c[0] in {
    "empty", "nul-only", "sql-bobby", "img-onerror", "slash-session-start", "escape-codes",
    "bidi-isolates", "emoji", "hebrew", "thai", "lone-surrogate", "one-long-word",
    "over-limit-ascii",
}]


@pytest.mark.parametrize(("name", "text"), WEBCHAT_TEXTS, ids=[c[0] for c in WEBCHAT_TEXTS])
def test_webchat_messages(client: Bot, session: str, name: str, text: str) -> None:
    for said in (text, "help"):
        status, content, _headers = send(client.settings.rasa_port, Raw(
            "POST", MESSAGE, json.dumps({"message": said}).encode(),
            {**JSON, "Authorization": f"Bearer {session}"}))
        if status == 422:
            # Empty or too long: the page shows the sentence and keeps the words in the box.
            check(status, content, REFUSED)
            assert said is text
            continue
        assert status == 200, (status, content[:300])
        messages = as_json(content)["messages"]
        assert_kind([{"text": m.get("text")} for m in messages if m.get("text")])
