"""What the server and its documents give away without being asked (issue 12, finding 8).

Through the real servers (development mode, as `make run`):
- a downloaded document's file properties name nobody;
- bidi and zero-width control characters typed into an answer are neither
  stored nor written into documents, while the letters around them are;
- `/` names no product version; Sanic's own error pages (404, 405) carry the
  same security headers as every other response;
- rate limits are off in development, so test drivers run at machine speed.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from bot.text import clean_text
from bot.web.security import HEADERS
from exporters.text import clean_text as document_text

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

LINK = re.compile(r"https?://[^\s]+/chat/download/[A-Za-z0-9_.-]+")
CONTROLS = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b",
            "\u2060", "\ufeff"]


def test_the_text_cleaner_drops_invisible_controls_and_keeps_every_script() -> None:
    for clean in (clean_text, document_text):
        assert clean("Leo\u202egnp.exe") == "Leognp.exe"
        assert clean("Mi\u200ba\u2060") == "Mia"
        assert clean("\u2067مريم\u2069 7") == "مريم 7"
        # Joiners are part of writing: emoji sequences, Persian.
        assert clean("👩\u200d👧") == "👩\u200d👧"
        assert clean("می\u200cخواهم") == "می\u200cخواهم"
        assert clean("שלום, Sarah") == "שלום, Sarah"


def test_documents_name_nobody_in_their_properties_and_carry_no_controls(bot) -> None:
    sender = bot.new_sender("leaks")
    for says in ["hi", "no", '/choose{"choice": "worker"}', "/affirm", "Sam Patel, social worker"]:
        bot.say(sender, says)
    bot.say(sender, "Ol\u200bly\u202e 7 and \u2066Zara\u2069 5")
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        names = [c.first_name for c in uow.conversations.get(sender).plan.children]
    assert names == ["Olly", "Zara"], names

    links = LINK.findall(bot.texts(bot.say(sender, "download")))
    documents = [link for link in links if "json" not in link]
    assert len(documents) >= 3
    for link in links:
        status, content, _ = bot.get(link)
        assert status == 200
        if content[:2] != b"PK":
            text = content.decode("utf-8")
            assert "Olly" in text
            assert not any(c in text for c in CONTROLS)
            continue
        props = docx.Document(io.BytesIO(content)).core_properties
        shown = " ".join(
            str(v or "") for v in (
                props.title, props.subject, props.keywords, props.comments, props.category,
                props.author, props.last_modified_by, props.identifier,
            )
        )
        assert "Olly" not in shown and "Zara" not in shown, shown
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = "".join(
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
            )
        assert "Olly" in xml
        assert not any(c in xml for c in CONTROLS)


def test_no_version_banner_and_headers_on_sanics_own_errors(bot) -> None:
    status, body, headers = bot.get("/")
    assert status == 200
    assert b"rasa" not in body.lower() and not re.search(rb"\d+\.\d+\.\d+", body)
    for path in ("/no-such-page", "/chat/no-such-page", "/webhooks/nosuch/webhook"):
        status, _, headers = bot.get(path)
        assert status == 404, path
        for name, value in HEADERS.items():
            assert headers.get(name) == value, (path, name, headers)
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{bot.settings.rasa_port}/chat/api/session", method="DELETE"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405
    for name, value in HEADERS.items():
        assert refused.value.headers.get(name) == value, name


def test_rate_limits_are_off_in_development(bot) -> None:
    statuses = {bot.get("/chat/")[0] for _ in range(250)}
    assert statuses == {200}
