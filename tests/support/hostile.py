"""Hostile input for the bad-input suite: texts people (or scripts) might send; a raw HTTP client.

The texts are what a message may contain; whatever they are, the reply must
be a clear 4xx or a kind bot message. None of them says a child is in danger
now, so none may bring the urgent reply (the only one with the emergency number).
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass, field
from typing import Any

from tests.support.family_walk import FAULTS

__all__ = ["FAULTS", "OVER_LIMIT", "TEXTS", "Raw", "as_json", "send"]

# (id, text): each is sent as a message on every channel that takes messages.
TEXTS: list[tuple[str, str]] = [
    # nothing, or nothing visible
    ("empty", ""),
    ("spaces", "   "),
    ("newlines-tabs", "\n\t\r\n"),
    ("zero-width-only", "\u200b\u200c\u200d\u2060\ufeff"),
    ("rtl-marks-only", "\u200f\u202e\u202c\u200e"),
    ("nul-only", "\x00"),
    ("controls-only", "\x01\x02\x07\x08\x1b\x7f"),
    # SQL-like
    ("sql-drop", "'; DROP TABLE cases; --"),
    ("sql-or", "1' OR '1'='1"),
    ("sql-bobby", "Robert'); DROP TABLE children;--"),
    ("sql-union", "x UNION SELECT data FROM events --"),
    ("sql-comment", "/* */ DELETE FROM conversations WHERE 1=1"),
    ("sql-pragma", "PRAGMA writable_schema=1; ATTACH DATABASE '/tmp/x' AS x"),
    # HTML, script, templates, format strings
    ("script", "<script>alert('x')</script>"),
    ("img-onerror", '<img src=x onerror="alert(1)">'),
    ("broken-html", "</p></div><h1>Nan</h1><!--"),
    ("entities", "&lt;b&gt; &amp; &#x27; &#0;"),
    ("jinja", "{{ config }} {% for x in y %}"),
    ("python-format", "{0} {name} %s %d %n %(x)s"),
    ("log4j", "${jndi:ldap://127.0.0.1/a}"),
    ("markdown-link", "[click](javascript:alert(1)) **bold** `code`"),
    ("json-in-text", '{"sender": "other", "message": "hi"}'),
    # Rasa's own syntax
    ("slash-unknown-intent", "/no_such_intent"),
    ("slash-bad-entities", "/choose{not json"),
    ("slash-unknown-entity", '/choose{"nosuch": "x"}'),
    ("slash-choice-traversal", '/choose{"choice": "../../etc/passwd"}'),
    ("slash-choice-null", '/choose{"choice": null}'),
    ("slash-choice-object", '/choose{"choice": {"a": [1, 2]}}'),
    ("slash-confidence", "/affirm@7.5"),
    ("slash-alone", "/"),
    ("slash-restart", "/restart"),
    ("slash-session-start", "/session_start"),
    ("slash-back", "/back"),
    ("slash-fallback", "/nlu_fallback"),
    # control characters inside text
    ("nul-inside", "Leo\x00 and Mia"),
    ("escape-codes", "\x1b[31mred\x1b[0m text"),
    ("vertical-tab", "line\x0bbreak\x0cfeed"),
    ("c1-controls", "next\x85line\x9bcsi"),
    ("line-separators", "one\u2028two\u2029three"),
    ("carriage-returns", "first\rsecond\r\nthird"),
    # zero-width, right-to-left, invisible
    ("zero-width-inside", "Le\u200bo 7 and M\u200dia 4"),
    ("bom-start", "\ufeffhello"),
    ("rtl-override", "Nan \u202egnipleh si\u202c"),
    ("bidi-isolates", "\u2066Dad\u2069 \u2067shouts\u2069"),
    ("word-joiner", "Sam\u2060Patel"),
    # emoji and symbols
    ("emoji", "\U0001f600\U0001f622"),
    ("family-zwj", "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 my family"),
    ("flags-skin-tones", "\U0001f1ec\U0001f1e7 \U0001f44d\U0001f3fd"),
    ("emoji-only-long", "\U0001f496" * 300),
    ("math-alphanumerics", "\U0001d4d7\U0001d4ee\U0001d4f5\U0001d4f9"),
    # other languages and scripts
    ("polish", "Zażółć gęślą jaźń, babcia pomaga"),
    ("welsh", "Mae Nain yn helpu gyda'r plant"),
    ("urdu", "میری بہن بچوں کی دیکھ بھال کرتی ہے"),
    ("arabic-digits", "أحمد عمره ٧ سنوات"),
    ("hebrew", "סבתא עוזרת לנו"),
    ("chinese", "我的孩子们很好，奶奶每天帮忙"),
    ("japanese", "おばあちゃんが毎日手伝ってくれます"),
    ("hindi", "मेरी माँ बच्चों की मदद करती हैं"),
    ("russian", "Бабушка помогает каждый день"),
    ("greek", "Η γιαγιά βοηθάει κάθε μέρα"),
    ("thai", "คุณยายช่วยดูแลเด็กๆ"),
    ("combining-zalgo", "Z\u0337\u0322\u0349a\u0336l\u0338g\u0335o\u0336" * 20),
    ("lone-surrogate", "Leo \ud800 7"),
    ("private-use", "\ue000\uf8ff\U000f0000"),
    ("noncharacters", "\ufffe\uffff\U0010ffff"),
    # long but within the limit
    ("one-long-word", "a" * 4999),
    ("many-names", "Nan, " * 999),
    ("many-lines", "Leo\n" * 1200),
    ("many-semicolons", "x;" * 2400),
    ("deep-brackets", "(" * 2000 + ")" * 2000),
    ("numbers", "7" * 4000),
    ("dates", "by 31/02/99999 or 0/0/0 or yesterday tomorrow " * 50),
]

# Over the limit (SAFETYPLAN_MAX_ANSWER_CHARS, 5000 by default): a kind refusal.
OVER_LIMIT: list[tuple[str, str]] = [
    ("over-limit-ascii", "a" * 5001),
    ("over-limit-accents", "é" * 5001),
    ("over-limit-emoji", "\U0001f600" * 5001),
    ("far-over-limit", "word " * 40000),
]


@dataclass
class Raw:
    """One HTTP request exactly as written: no path normalising, any bytes, any headers."""

    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


def send(port: int, raw: Raw, timeout: float = 120.0) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest(raw.method, raw.path, skip_accept_encoding=True)
        headers = dict(raw.headers)
        if raw.body is not None and "Content-Length" not in headers:
            headers["Content-Length"] = str(len(raw.body))
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(raw.body)
        reply = connection.getresponse()
        return reply.status, reply.read(), {k.lower(): v for k, v in reply.getheaders()}
    finally:
        connection.close()


def as_json(content: bytes) -> Any:
    try:
        return json.loads(content or b"null")
    except ValueError:
        return None
