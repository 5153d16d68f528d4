"""The small fixes the bad-input suite led to, checked without servers.

Each of these was a 500 (or a misleading fault reply) through the real
servers: see tests/integration/test_bad_input.py for the cases themselves.
"""

from __future__ import annotations

import pytest

from bot.access.signing import InvalidToken, sign, verify
from bot.channels.common import _RASA_CONTROL
from bot.teams.activities import read_activity
from bot.teams.auth import TokenRefused, bearer_token


@pytest.mark.parametrize("mac", ["é", "\udce4\udcf6", "ä" * 43, "\x00"])
def test_a_mangled_link_is_an_invalid_token_not_a_crash(mac: str) -> None:
    token = sign("download", {"c": 1}, 60)
    body = token.split(".")[0]
    with pytest.raises(InvalidToken):
        verify(f"{body}.{mac}", "download")


@pytest.mark.parametrize("token", ["ä.ö.ü", "\udce4.\udcf6.x", "abc\u200b.def.ghi"])
def test_a_non_ascii_bearer_token_is_refused(token: str) -> None:
    with pytest.raises(TokenRefused):
        bearer_token(f"Bearer {token}")


@pytest.mark.parametrize("entities", [5, "mention", {"type": "mention"}, None, True])
def test_entities_that_are_not_a_list_are_ignored(entities: object) -> None:
    activity = {
        "type": "message", "id": "1", "serviceUrl": "https://smba.trafficmanager.net/uk/",
        "conversation": {"id": "c"}, "from": {"id": "u"}, "recipient": {"id": "b"},
        "text": "hello there",
    }
    plain = read_activity(activity).text
    assert read_activity({**activity, "entities": entities}).text == plain == "hello there"


@pytest.mark.parametrize(
    ("typed", "passed_on"),
    [
        ("/session_start", "session_start"),
        ("  /back", "back"),
        ("/session_start@0.9{}", "session_start@0.9{}"),
        ("/backup", "/backup"),
        ("/affirm", "/affirm"),
        ('/choose{"choice": "family"}', '/choose{"choice": "family"}'),
        ("go back", "go back"),
    ],
)
def test_rasa_control_intents_typed_by_someone_are_read_as_words(
    typed: str, passed_on: str
) -> None:
    assert _RASA_CONTROL.sub("", typed, count=1) == passed_on
