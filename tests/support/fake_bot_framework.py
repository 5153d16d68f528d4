"""A local stand-in for Microsoft's Bot Framework, on 127.0.0.1, for the Teams tests.

It publishes OpenID metadata and a key set with a freshly generated RSA key,
hands out access tokens by client credentials, and records every activity
posted to its `/v3/conversations/<id>/activities/<id>` address. `mint()`
makes the tokens Teams would put on an activity, good and bad.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
CHANNEL = "msteams"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Posted:
    conversation_id: str
    activity_id: str
    authorization: str
    body: dict[str, Any]


@dataclass
class FakeBotFramework:
    app_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    app_password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    kid: str = field(default_factory=lambda: "fake-" + secrets.token_hex(6))
    endorsements: list[str] = field(default_factory=lambda: [CHANNEL])

    def __post_init__(self) -> None:
        self.key = new_rsa_key()
        self.port = 0
        self.posted: list[Posted] = []
        self.refused_posts: list[Posted] = []
        self.access_tokens: list[str] = []
        self.hits: dict[str, int] = {"metadata": 0, "keys": 0, "token": 0}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None

    # -- addresses -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/.well-known/openidconfiguration"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    @property
    def service_url(self) -> str:
        return f"{self.base_url}/teams/"

    def environment(self) -> dict[str, str]:
        """The settings that point the connector at this fake."""
        return {
            "TEAMS_APP_ID": self.app_id,
            "TEAMS_APP_PASSWORD": self.app_password,
            "TEAMS_OPENID_METADATA_URL": self.metadata_url,
            "TEAMS_TOKEN_URL": self.token_url,
            "TEAMS_ALLOWED_ISSUERS": ISSUER,
            "TEAMS_ALLOW_INSECURE_SERVICE_URL": "true",
            # The tenant message_activity() says every activity comes from.
            "TEAMS_ALLOWED_TENANTS": "tenant-1",
        }

    # -- the server ------------------------------------------------------------------

    def jwk(self) -> dict[str, Any]:
        data = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        data.update(kid=self.kid, use="sig", endorsements=list(self.endorsements))
        return data

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/keys", self._keys)
        app.router.add_post("/token", self._token)
        app.router.add_post(
            "/teams/v3/conversations/{conversation}/activities/{activity}", self._activity
        )
        return app

    async def _metadata(self, request: web.Request) -> web.Response:
        self._count("metadata")
        return web.json_response(
            {
                "issuer": ISSUER,
                "jwks_uri": f"{self.base_url}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        self._count("keys")
        return web.json_response({"keys": [self.jwk()]})

    async def _token(self, request: web.Request) -> web.Response:
        self._count("token")
        form = await request.post()
        if (
            form.get("grant_type") != "client_credentials"
            or form.get("client_id") != self.app_id
            or form.get("client_secret") != self.app_password
        ):
            return web.json_response({"error": "invalid_client"}, status=401)
        token = "fake-access-" + secrets.token_urlsafe(16)
        with self._lock:
            self.access_tokens.append(token)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3600, "access_token": token}
        )

    async def _activity(self, request: web.Request) -> web.Response:
        posted = Posted(
            conversation_id=request.match_info["conversation"],
            activity_id=request.match_info["activity"],
            authorization=request.headers.get("Authorization", ""),
            body=await request.json(),
        )
        with self._lock:
            valid = posted.authorization in {f"Bearer {t}" for t in self.access_tokens}
            (self.posted if valid else self.refused_posts).append(posted)
        if not valid:
            return web.json_response({"error": "Unauthorized"}, status=401)
        return web.json_response({"id": secrets.token_hex(8)})

    def _count(self, name: str) -> None:
        with self._lock:
            self.hits[name] += 1

    def start(self) -> FakeBotFramework:
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            self._runner = web.AppRunner(self._app(), access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=serve, name="fake-bot-framework", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fake Bot Framework did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> FakeBotFramework:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what it received ------------------------------------------------------------

    def posted_to(self, conversation_id: str) -> list[Posted]:
        with self._lock:
            return [p for p in self.posted if p.conversation_id == conversation_id]

    def wait_for(self, conversation_id: str, count: int, timeout: float = 60.0) -> list[Posted]:
        """The activities posted to a conversation, once there are at least `count`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.posted_to(conversation_id)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        got = len(self.posted_to(conversation_id))
        raise AssertionError(f"expected {count} activities for the conversation, got {got}")

    def anything_for(self, conversation_id: str) -> bool:
        with self._lock:
            return any(
                p.conversation_id == conversation_id for p in self.posted + self.refused_posts
            )

    # -- tokens as the Bot Connector makes them ------------------------------------

    def mint(self, kind: str = "valid", service_url: str | None = None, **claims: Any) -> str:
        """A token for an activity: "valid", or one of the ways a token can be wrong.

        Kinds: valid, expired, not_yet_valid, wrong_key, unknown_kid, wrong_audience,
        wrong_issuer, alg_none, hs256_public_key, no_exp.
        """
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": ISSUER,
            "aud": self.app_id,
            "iat": now - 10,
            "nbf": now - 10,
            "exp": now + 3600,
        }
        if service_url is not None:
            payload["serviceurl"] = service_url
        header = {"kid": self.kid, "typ": "JWT"}
        key: Any = self.key
        if kind == "expired":
            payload.update(iat=now - 7200, nbf=now - 7200, exp=now - 3600)
        elif kind == "not_yet_valid":
            payload.update(nbf=now + 3600, exp=now + 7200)
        elif kind == "wrong_key":
            key = new_rsa_key()
        elif kind == "unknown_kid":
            key = new_rsa_key()
            header["kid"] = "unknown-" + secrets.token_hex(4)
        elif kind == "wrong_audience":
            payload["aud"] = str(uuid.uuid4())
        elif kind == "wrong_issuer":
            payload["iss"] = "https://sts.windows.net/someone-else/"
        elif kind == "no_exp":
            payload.pop("exp")
        payload.update(claims)
        if kind == "alg_none":
            head = _b64(json.dumps({"alg": "none", **header}).encode())
            return f"{head}.{_b64(json.dumps(payload).encode())}."
        if kind == "hs256_public_key":
            # The old trick: an HMAC "signed" with the published public key as the secret.
            secret = self.key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            head = _b64(json.dumps({"alg": "HS256", **header}).encode())
            body = _b64(json.dumps(payload).encode())
            mac = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
            return f"{head}.{body}.{_b64(mac)}"
        return jwt.encode(payload, key, algorithm="RS256", headers=header)


def message_activity(
    service_url: str,
    text: str = "hello",
    conversation_id: str | None = None,
    user_id: str | None = None,
    bot_id: str = "28:fake-bot",
    value: dict[str, Any] | None = None,
    conversation_type: str = "personal",
) -> dict[str, Any]:
    """A Teams message activity as the Bot Connector posts it."""
    user_id = user_id or "29:" + secrets.token_hex(12)
    activity: dict[str, Any] = {
        "type": "message",
        "id": f"{int(time.time() * 1000)}{secrets.randbelow(1000):03d}",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "serviceUrl": service_url,
        "channelId": CHANNEL,
        "from": {
            "id": user_id,
            "name": "A Worker",
            "aadObjectId": str(uuid.uuid5(uuid.NAMESPACE_OID, user_id)),
        },
        "conversation": {
            "conversationType": conversation_type,
            "tenantId": "tenant-1",
            "id": conversation_id or "a:" + secrets.token_urlsafe(24),
        },
        "recipient": {"id": bot_id, "name": "Safety plan helper"},
        "textFormat": "plain",
        "locale": "en-GB",
        "text": text,
        "channelData": {"tenant": {"id": "tenant-1"}},
    }
    if value is not None:
        activity["value"] = value
    return activity
