"""Posting replies to the Bot Connector, with a token from the client-credentials flow.

The access token is fetched when the first reply is due and kept until five
minutes before it expires. Status codes and error types are logged; message
text and tokens never are.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from bot.teams.config import TeamsConfig

log = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
TIMEOUT = aiohttp.ClientTimeout(total=15)
EARLY_RENEWAL_SECONDS = 300


class TokenUnavailable(RuntimeError):
    """No access token could be had from the token address."""


class BotConnector:
    def __init__(self, config: TeamsConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    async def access_token(self, session: aiohttp.ClientSession) -> str:
        async with self._lock:
            if self._token is not None and self._clock() < self._renew_at:
                return self._token
            form = {
                "grant_type": "client_credentials",
                "client_id": self.config.app_id or "",
                "client_secret": self.config.app_password or "",
                "scope": BOT_FRAMEWORK_SCOPE,
            }
            try:
                async with session.post(self.config.token_url, data=form) as reply:
                    if reply.status != 200:
                        raise TokenUnavailable(f"HTTP {reply.status} from the token address")
                    body = await reply.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError, ValueError) as error:
                raise TokenUnavailable(type(error).__name__) from error
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token:
                raise TokenUnavailable("the token address sent no access_token")
            try:
                lifetime = float(body.get("expires_in", 3600))
            except (TypeError, ValueError):
                lifetime = 3600.0
            self._token = token
            self._renew_at = self._clock() + max(
                0.0, lifetime - min(EARLY_RENEWAL_SECONDS, lifetime / 2)
            )
            return token

    def forget_token(self) -> None:
        self._token = None

    async def post(
        self, session: aiohttp.ClientSession, url: str, activity: dict[str, Any]
    ) -> bool:
        """Posts one activity; on a 401 fetches a new token and tries once more."""
        for attempt in (1, 2):
            token = await self.access_token(session)
            try:
                async with session.post(
                    url, json=activity, headers={"Authorization": f"Bearer {token}"}
                ) as reply:
                    status = reply.status
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                log.error("Teams reply not delivered: %s", type(error).__name__)
                return False
            if 200 <= status < 300:
                return True
            if status in (401, 403) and attempt == 1:
                self.forget_token()
                continue
            log.error("Teams reply not delivered: HTTP %s", status)
            return False
        return False

    async def send(self, url: str, activities: list[dict[str, Any]]) -> int:
        """Posts the activities in order; returns how many were delivered."""
        delivered = 0
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            for activity in activities:
                try:
                    ok = await self.post(session, url, activity)
                except TokenUnavailable as error:
                    log.error("Teams reply not delivered: no access token (%s)", error)
                    return delivered
                if not ok:
                    return delivered
                delivered += 1
        return delivered
