"""The Teams connector's token rules, checked without any network: keys come from a stub."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import jwt
import pytest

from bot.teams.auth import (
    KeysUnavailable,
    SigningKeys,
    TokenRefused,
    bearer_token,
    endorses,
    verify_token,
)
from tests.support.fake_bot_framework import ISSUER, FakeBotFramework

METADATA = "https://login.example.test/v1/.well-known/openidconfiguration"
JWKS = "https://login.example.test/v1/keys"


@pytest.fixture(scope="module")
def fake() -> FakeBotFramework:
    # Only its key and token minting are used here; its server is never started.
    return FakeBotFramework()


class StubPublisher:
    """Serves the metadata and key set from memory and counts fetches."""

    def __init__(self, keys: list[dict[str, Any]], jwks_uri: str = JWKS) -> None:
        self.keys = keys
        self.jwks_uri = jwks_uri
        self.fetched: list[str] = []
        self.fail = False

    async def __call__(self, url: str) -> Any:
        self.fetched.append(url)
        if self.fail:
            raise KeysUnavailable("publisher down")
        if url == METADATA:
            return {"issuer": ISSUER, "jwks_uri": self.jwks_uri}
        if url == self.jwks_uri:
            return {"keys": self.keys}
        raise AssertionError(f"unexpected fetch of {url}")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def check(fake: FakeBotFramework, token: str, keys: SigningKeys | None = None) -> dict[str, Any]:
    keys = keys or SigningKeys(METADATA, fetch=StubPublisher([fake.jwk()]))
    verified = asyncio.run(verify_token(token, keys, fake.app_id, [ISSUER]))
    return verified.claims


def test_a_correctly_signed_token_passes(fake: FakeBotFramework) -> None:
    claims = check(fake, fake.mint("valid", service_url="https://smba.trafficmanager.net/uk/"))
    assert claims["aud"] == fake.app_id
    assert claims["serviceurl"] == "https://smba.trafficmanager.net/uk/"


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("expired", "token expired"),
        ("not_yet_valid", "token not yet valid"),
        ("wrong_key", "bad signature"),
        ("unknown_kid", "unknown signing key"),
        ("wrong_audience", "wrong audience"),
        ("wrong_issuer", "issuer not accepted"),
        ("alg_none", "algorithm not allowed"),
        ("hs256_public_key", "algorithm not allowed"),
        ("no_exp", "invalid token"),
    ],
)
def test_bad_tokens_are_refused(fake: FakeBotFramework, kind: str, reason: str) -> None:
    with pytest.raises(TokenRefused, match=reason):
        check(fake, fake.mint(kind))


def test_a_token_a_few_minutes_out_of_date_is_allowed_for_clock_skew(
    fake: FakeBotFramework,
) -> None:
    now = int(time.time())
    check(fake, fake.mint("valid", exp=now - 120))
    with pytest.raises(TokenRefused, match="expired"):
        check(fake, fake.mint("valid", exp=now - 600))


def test_an_hs256_token_is_refused_even_if_the_key_set_claims_hs256(
    fake: FakeBotFramework,
) -> None:
    # A key set that (wrongly) lists a symmetric key under our kid must not help.
    publisher = StubPublisher([{"kty": "oct", "kid": fake.kid, "k": "c2VjcmV0", "alg": "HS256"}])
    keys = SigningKeys(METADATA, fetch=publisher)
    with pytest.raises(TokenRefused):
        check(fake, fake.mint("hs256_public_key"), keys)
    with pytest.raises(TokenRefused, match="not RSA"):
        check(fake, fake.mint("valid"), keys)


def test_a_key_for_encryption_is_not_used_for_signatures(fake: FakeBotFramework) -> None:
    keys = SigningKeys(METADATA, fetch=StubPublisher([dict(fake.jwk(), use="enc")]))
    with pytest.raises(TokenRefused, match="not for RS256"):
        check(fake, fake.mint("valid"), keys)


def test_garbage_is_refused(fake: FakeBotFramework) -> None:
    for token in ["", "abc", "a.b.c", "x" * 100]:
        with pytest.raises(TokenRefused):
            check(fake, token)


def test_an_issuer_list_is_honoured(fake: FakeBotFramework) -> None:
    other = "https://sts.windows.net/tenant/"
    keys = SigningKeys(METADATA, fetch=StubPublisher([fake.jwk()]))
    token = fake.mint("valid", iss=other)
    asyncio.run(verify_token(token, keys, fake.app_id, [ISSUER, other]))
    with pytest.raises(TokenRefused, match="issuer"):
        asyncio.run(verify_token(token, keys, fake.app_id, [ISSUER]))


def test_no_app_id_refuses_everything(fake: FakeBotFramework) -> None:
    keys = SigningKeys(METADATA, fetch=StubPublisher([fake.jwk()]))
    with pytest.raises(TokenRefused):
        asyncio.run(verify_token(fake.mint("valid"), keys, "", [ISSUER]))


# -- the Authorization header --------------------------------------------------------


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer   ", "Basic abc", "token abc"])
def test_headers_without_a_bearer_token_are_refused(header: str | None) -> None:
    with pytest.raises(TokenRefused):
        bearer_token(header)


def test_the_bearer_token_is_read_whatever_the_case_of_the_scheme() -> None:
    assert bearer_token("bearer abc.def.ghi") == "abc.def.ghi"
    assert bearer_token("Bearer abc.def.ghi") == "abc.def.ghi"


def test_an_enormous_token_is_refused_before_decoding() -> None:
    with pytest.raises(TokenRefused, match="too long"):
        bearer_token("Bearer " + "a" * 20000)


# -- fetching and caching the keys ---------------------------------------------------


def test_keys_are_fetched_on_first_use_only_and_cached(fake: FakeBotFramework) -> None:
    publisher = StubPublisher([fake.jwk()])
    keys = SigningKeys(METADATA, fetch=publisher)
    assert publisher.fetched == []  # nothing at construction, i.e. at server start-up
    check(fake, fake.mint("valid"), keys)
    check(fake, fake.mint("valid"), keys)
    assert publisher.fetched == [METADATA, JWKS]


def test_keys_are_fetched_again_after_their_lifetime(fake: FakeBotFramework) -> None:
    publisher, clock = StubPublisher([fake.jwk()]), Clock()
    keys = SigningKeys(METADATA, fetch=publisher, ttl=3600, clock=clock)
    check(fake, fake.mint("valid"), keys)
    clock.now += 3601
    check(fake, fake.mint("valid"), keys)
    assert publisher.fetched == [METADATA, JWKS, METADATA, JWKS]


def test_an_unknown_kid_fetches_once_more_and_finds_a_rotated_key(
    fake: FakeBotFramework,
) -> None:
    publisher, clock = StubPublisher([fake.jwk()]), Clock()
    keys = SigningKeys(METADATA, fetch=publisher, min_refetch=60, clock=clock)
    check(fake, fake.mint("valid"), keys)
    rotated = FakeBotFramework(app_id=fake.app_id)
    publisher.keys = [fake.jwk(), rotated.jwk()]
    clock.now += 61
    check(rotated, rotated.mint("valid"), keys)
    assert publisher.fetched.count(JWKS) == 2


def test_unknown_kids_cannot_make_the_server_fetch_keys_on_every_request(
    fake: FakeBotFramework,
) -> None:
    publisher, clock = StubPublisher([fake.jwk()]), Clock()
    keys = SigningKeys(METADATA, fetch=publisher, min_refetch=60, clock=clock)
    check(fake, fake.mint("valid"), keys)
    for _ in range(5):
        with pytest.raises(TokenRefused, match="unknown signing key"):
            check(fake, fake.mint("unknown_kid"), keys)
    assert publisher.fetched.count(JWKS) == 1


def test_cached_keys_keep_working_while_the_publisher_is_down(fake: FakeBotFramework) -> None:
    publisher, clock = StubPublisher([fake.jwk()]), Clock()
    keys = SigningKeys(METADATA, fetch=publisher, ttl=10, clock=clock)
    check(fake, fake.mint("valid"), keys)
    publisher.fail = True
    clock.now += 11
    check(fake, fake.mint("valid"), keys)


def test_no_keys_at_all_is_reported_as_unavailable(fake: FakeBotFramework) -> None:
    publisher = StubPublisher([fake.jwk()])
    publisher.fail = True
    with pytest.raises(KeysUnavailable):
        check(fake, fake.mint("valid"), SigningKeys(METADATA, fetch=publisher))


def test_https_metadata_may_not_send_us_to_plain_http_keys(fake: FakeBotFramework) -> None:
    publisher = StubPublisher([fake.jwk()], jwks_uri="http://login.example.test/keys")
    with pytest.raises(KeysUnavailable, match="plain http"):
        check(fake, fake.mint("valid"), SigningKeys(METADATA, fetch=publisher))


def test_a_configured_keys_address_skips_the_metadata(fake: FakeBotFramework) -> None:
    publisher = StubPublisher([fake.jwk()])
    check(fake, fake.mint("valid"), SigningKeys(METADATA, jwks_url=JWKS, fetch=publisher))
    assert publisher.fetched == [JWKS]


def test_endorsements_name_the_channels_a_key_signs_for(fake: FakeBotFramework) -> None:
    assert endorses(fake.jwk(), "msteams")
    assert not endorses(fake.jwk(), "webchat")
    assert not endorses(fake.jwk(), None)
    assert endorses({"kty": "RSA"}, "msteams")


def test_the_minted_tokens_really_are_what_they_say(fake: FakeBotFramework) -> None:
    # Guards the fake itself: a "valid" token decodes with the fake's public key.
    token = fake.mint("valid")
    claims = jwt.decode(token, fake.key.public_key(), algorithms=["RS256"], audience=fake.app_id)
    assert claims["iss"] == ISSUER
    assert json.loads(jwt.utils.base64url_decode(token.split(".")[0]))["kid"] == fake.kid
