"""Checking the bearer token the Bot Framework puts on every activity it sends us.

The rules (Bot Framework "authenticate requests from the Bot Connector"):

- the token is a JWT signed with RS256 by one of the keys the OpenID metadata
  document's `jwks_uri` publishes; no other algorithm is accepted, so neither
  `alg: none` nor an HS256 token "signed" with the public key can pass;
- `aud` is our app id, `iss` is one of the accepted issuers, `exp` is in the
  future and `nbf` (if present) in the past, with the five minutes of clock
  skew Microsoft allows;
- a key listing `endorsements` must endorse the activity's channel
  (checked by the caller, which knows the channel: see `endorses`).

Keys are fetched when first needed, never at start-up, kept for a day, and
fetched again (at most once a minute) when a token names a key we do not know,
which is how Microsoft's key rotation shows up.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

FetchJson = Callable[[str], Awaitable[Any]]

ALGORITHM = "RS256"
CLOCK_SKEW_SECONDS = 300
KEYS_TTL_SECONDS = 24 * 3600
MIN_REFETCH_SECONDS = 60.0
MAX_TOKEN_CHARS = 16 * 1024
MAX_DOCUMENT_BYTES = 1024 * 1024


class TokenRefused(Exception):
    """The request's token is missing or not one the Bot Framework made for us.

    The message is a short reason, safe to log: never the token itself.
    """


class KeysUnavailable(RuntimeError):
    """The signing keys could not be fetched, so no token can be checked just now."""


async def fetch_json(url: str, timeout: float = 10.0) -> Any:
    """GET a small JSON document (the OpenID metadata or the key set)."""
    import aiohttp

    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            async with session.get(url, headers={"Accept": "application/json"}) as reply:
                if reply.status != 200:
                    raise KeysUnavailable(f"HTTP {reply.status} from the key address")
                body = await reply.content.read(MAX_DOCUMENT_BYTES + 1)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        raise KeysUnavailable(type(error).__name__) from error
    if len(body) > MAX_DOCUMENT_BYTES:
        raise KeysUnavailable("key document too large")
    try:
        return json.loads(body)
    except ValueError as error:
        raise KeysUnavailable("key document is not JSON") from error


class SigningKeys:
    """The Bot Framework's published signing keys, fetched lazily and cached."""

    def __init__(
        self,
        metadata_url: str,
        jwks_url: str | None = None,
        fetch: FetchJson = fetch_json,
        ttl: float = KEYS_TTL_SECONDS,
        min_refetch: float = MIN_REFETCH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metadata_url = metadata_url
        self.jwks_url = jwks_url
        self._fetch = fetch
        self._ttl = ttl
        self._min_refetch = min_refetch
        self._clock = clock
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self, kid: str) -> dict[str, Any] | None:
        """The key with this id, or None when the publisher does not (or no longer) list it."""
        now = self._clock()
        stale = self._fetched_at is None or now - self._fetched_at > self._ttl
        # Keys rotate: an unknown id is worth one fresh look, not one per request.
        unknown = kid not in self._keys and (
            self._fetched_at is None or now - self._fetched_at >= self._min_refetch
        )
        if stale or unknown:
            try:
                await self._refresh(seen=self._fetched_at)
            except KeysUnavailable:
                if not self._keys:
                    raise
                # Yesterday's keys still check today's tokens while the publisher is away.
                log.warning("Teams signing keys could not be refreshed; using the cached ones")
        return self._keys.get(kid)

    async def _refresh(self, seen: float | None) -> None:
        async with self._lock:
            if self._fetched_at != seen:
                return  # another request fetched them while this one waited
            jwks_url = self.jwks_url or await self._jwks_url_from_metadata()
            document = await self._fetch(jwks_url)
            keys = document.get("keys") if isinstance(document, dict) else None
            if not isinstance(keys, list):
                raise KeysUnavailable("the key set has no 'keys' list")
            self._keys = {
                k["kid"]: k for k in keys if isinstance(k, dict) and isinstance(k.get("kid"), str)
            }
            self._fetched_at = self._clock()
            self.fetches += 1
            log.info("Teams signing keys fetched: %d keys", len(self._keys))

    async def _jwks_url_from_metadata(self) -> str:
        metadata = await self._fetch(self.metadata_url)
        jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, dict) else None
        if not isinstance(jwks_uri, str):
            raise KeysUnavailable("the OpenID metadata has no jwks_uri")
        if urlsplit(self.metadata_url).scheme == "https" and urlsplit(jwks_uri).scheme != "https":
            raise KeysUnavailable("the OpenID metadata points at keys over plain http")
        return jwks_uri


@dataclass(frozen=True)
class VerifiedToken:
    claims: dict[str, Any]
    key: dict[str, Any]

    @property
    def service_url(self) -> str | None:
        value = self.claims.get("serviceurl") or self.claims.get("serviceUrl")
        return value if isinstance(value, str) else None


def bearer_token(authorization: str | None) -> str:
    """The token from an `Authorization: Bearer ...` header."""
    if not authorization:
        raise TokenRefused("no Authorization header")
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise TokenRefused("not a bearer token")
    if len(token) > MAX_TOKEN_CHARS:
        raise TokenRefused("token too long")
    # A JWT is ASCII; other bytes reach us as surrogates the JWT library cannot encode.
    if not token.isascii():
        raise TokenRefused("malformed token")
    return token


def _public_key(jwk: dict[str, Any]) -> Any:
    if jwk.get("kty") != "RSA":
        raise TokenRefused("signing key is not RSA")
    if jwk.get("use", "sig") != "sig" or jwk.get("alg", ALGORITHM) != ALGORITHM:
        raise TokenRefused("signing key is not for RS256 signatures")
    try:
        key = RSAAlgorithm.from_jwk(jwk)
    except (jwt.PyJWTError, ValueError, KeyError, TypeError) as error:
        raise TokenRefused("signing key is malformed") from error
    # Only ever verify with the public half, whatever the key set holds.
    return key.public_key() if isinstance(key, RSAPrivateKey) else key


async def verify_token(
    token: str,
    keys: SigningKeys,
    app_id: str,
    issuers: Sequence[str],
    leeway: float = CLOCK_SKEW_SECONDS,
) -> VerifiedToken:
    """The token's claims and signing key when every rule holds; TokenRefused otherwise."""
    if not app_id:
        raise TokenRefused("no app id configured")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise TokenRefused("malformed token") from error
    if header.get("alg") != ALGORITHM:
        raise TokenRefused("algorithm not allowed")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenRefused("no key id")
    jwk = await keys.get(kid)
    if jwk is None:
        raise TokenRefused("unknown signing key")
    try:
        claims = jwt.decode(
            token,
            key=_public_key(jwk),
            algorithms=[ALGORITHM],
            audience=app_id,
            issuer=tuple(issuers),
            leeway=leeway,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenRefused("token expired") from error
    except jwt.ImmatureSignatureError as error:
        raise TokenRefused("token not yet valid") from error
    except jwt.InvalidAudienceError as error:
        raise TokenRefused("wrong audience") from error
    except jwt.InvalidIssuerError as error:
        raise TokenRefused("issuer not accepted") from error
    except jwt.InvalidSignatureError as error:
        raise TokenRefused("bad signature") from error
    except jwt.PyJWTError as error:
        raise TokenRefused(f"invalid token ({type(error).__name__})") from error
    return VerifiedToken(claims=claims, key=jwk)


def endorses(key: dict[str, Any], channel_id: str | None) -> bool:
    """Whether the signing key may sign for this channel (keys without a list sign for any)."""
    endorsements = key.get("endorsements")
    if endorsements is None:
        return True
    return isinstance(endorsements, list) and channel_id in endorsements
