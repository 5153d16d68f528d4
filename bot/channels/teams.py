"""Microsoft Teams, through the Bot Framework: `/webhooks/teams/webhook`.

Unlike Rasa's built-in `botframework` channel, every address is a setting and
nothing is fetched at start-up: the signing keys are fetched on the first
request, so the server starts without the internet and tests point it at a
local fake. Without TEAMS_APP_ID and TEAMS_APP_PASSWORD the channel answers
503 and contacts nothing.

A request is refused (401) unless its bearer token passes every rule in
`bot.teams.auth`; nothing from a refused request reaches Rasa. An accepted
message is answered 202 at once and handled in the background, one message
at a time per conversation, so Teams never waits on the interview; the
replies are posted to the activity's serviceUrl, which must be the one the
token vouches for (or one of Microsoft's when the token names none).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.common import converse
from bot.teams.activities import (
    BadActivity,
    Click,
    Incoming,
    ServiceUrlRefused,
    check_service_url,
    question_fingerprint,
    read_activity,
    reply_activity,
    reply_url,
    sender_id,
    with_attachments,
)
from bot.teams.auth import (
    KeysUnavailable,
    SigningKeys,
    TokenRefused,
    bearer_token,
    endorses,
    verify_token,
)
from bot.teams.config import TeamsConfig, load_teams_config
from bot.teams.connector import BotConnector

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
CHANNEL = "teams"
STALE_BUTTON = (
    "That button was for an earlier question, so I haven't used it. This is where we are now:"
)
_JOIN = re.compile(r"^\s*join\s+(\S+)\s*$", re.IGNORECASE)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


class _ConversationLocks:
    """One lock per conversation, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    async def run(self, key: str, work: Callable[[], Awaitable[None]]) -> None:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await work()
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class _RecentlySeen:
    """Activity ids handled lately: the Bot Framework may deliver one twice after a timeout.

    Kept in this process: right for one Rasa server. Several replicas share
    `_SharedRecentlySeen` instead, as a redelivery may reach another replica.
    """

    def __init__(self, size: int = 2048) -> None:
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._size = size

    async def first_time(self, incoming: Incoming) -> bool:
        key = (incoming.conversation_id, str(incoming.activity["id"]))
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True


class _SharedRecentlySeen:
    """The activity ids handled lately by any replica, in the Redis the replicas share.

    One atomic SET NX per activity: whichever replica sets it first answers. The
    key is a hash (conversation ids are Teams' own, but need not rest in Redis).
    If Redis cannot be reached the message is still answered, with this
    replica's own memory of what it saw: a rare double answer is better than
    none, and Rasa's lock store (the same Redis) is failing then anyway.
    """

    PREFIX = "safetyplan:teams-seen:"
    # Bot Framework redeliveries come within minutes; a day is ample.
    LIFETIME_SECONDS = 24 * 3600

    def __init__(self, url: str) -> None:
        import redis.asyncio

        self._redis = redis.asyncio.from_url(url, socket_timeout=5)
        self._local = _RecentlySeen()

    async def first_time(self, incoming: Incoming) -> bool:
        import redis

        identity = f"{incoming.conversation_id}\n{incoming.activity['id']}".encode()
        key = self.PREFIX + hashlib.sha256(identity).hexdigest()
        try:
            first = await self._redis.set(key, b"1", nx=True, ex=self.LIFETIME_SECONDS)
        except (redis.RedisError, OSError) as error:
            log.warning("Could not reach the shared store of Teams activities seen (%s)",
                        type(error).__name__)
            return await self._local.first_time(incoming)
        return bool(first)


def recently_seen(shared_store_url: str | None) -> _RecentlySeen | _SharedRecentlySeen:
    return _SharedRecentlySeen(shared_store_url) if shared_store_url else _RecentlySeen()


class TeamsInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self, config: TeamsConfig | None = None) -> None:
        # Reading settings touches no network; keys and tokens wait for the first request.
        self.config = config or load_teams_config()
        self.keys = SigningKeys(self.config.openid_metadata_url, self.config.jwks_url)
        self.connector = BotConnector(self.config)
        self._locks = _ConversationLocks()
        self._seen = recently_seen(self.config.shared_store_url)
        self._tasks: set[asyncio.Task] = set()

    # -- the request ---------------------------------------------------------------

    async def admit(self, request: Request) -> tuple[Incoming | None, HTTPResponse | None]:
        """The activity when the request may go further, else the refusal to send."""
        config = self.config
        if not config.configured:
            if config.problem:
                log.error("Teams settings can't be used: %s", config.problem)
            return None, _error(503, "Teams is not configured")
        try:
            token = bearer_token(request.headers.get("authorization"))
            verified = await verify_token(
                token, self.keys, config.app_id or "", config.allowed_issuers
            )
        except TokenRefused as refused:
            log.info("Teams request refused: %s", refused)
            return None, _error(401, "Unauthorized")
        except KeysUnavailable as error:
            log.error("Teams signing keys unavailable: %s", error)
            return None, _error(503, "The request's signature can't be checked just now.")
        if len(request.body or b"") > MAX_BODY_BYTES:
            return None, _error(413, "The activity is too large.")
        try:
            incoming = read_activity(json.loads(request.body or b""))
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            # RecursionError: JSON nested deeper than the parser goes ("[[[[...").
            message = str(error) if isinstance(error, BadActivity) else "The body must be JSON."
            return None, _error(400, message)
        if not endorses(verified.key, incoming.channel_id):
            log.info("Teams request refused: key does not endorse the channel")
            return None, _error(401, "Unauthorized")
        if not config.tenant_allowed(incoming.tenant_id):
            # Every activity, whatever its type: another organisation's people
            # never reach the assistant.
            log.info("Teams request refused: tenant not allowed")
            return None, _error(403, "This organisation's Teams may not use this bot.")
        if incoming.type == "message" and incoming.conversation_type not in (None, "personal"):
            # Plans and links must never be posted where a whole team reads them.
            log.info("Teams request refused: not a personal chat")
            return None, _error(403, "This bot works in personal chats only.")
        if incoming.type != "message":
            return incoming, None
        try:
            check_service_url(incoming.service_url, config, verified.service_url)
        except ServiceUrlRefused as refused:
            log.info("Teams request refused: %s", refused)
            status = 401 if verified.service_url is not None else 403
            return None, _error(status, "The serviceUrl is not allowed.")
        return incoming, None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = Blueprint("safetyplan_teams", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.config.configured})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            incoming, refusal = await self.admit(request)
            if refusal is not None:
                return refusal
            assert incoming is not None
            if incoming.type != "message":
                # conversationUpdate, typing, reactions...: nothing to answer.
                return response.empty(status=200)
            if not await self._seen.first_time(incoming):
                return response.empty(status=200)  # already answered once
            agent = getattr(request.app.ctx, "agent", None)
            sender = sender_id(incoming.activity)
            work = lambda: self.handle(incoming, sender, on_new_message, agent)  # noqa: E731
            task = asyncio.create_task(self._locks.run(sender, work))
            # Keep a reference until done, or the loop may drop the task half way.
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return response.empty(status=202)

        return blueprint

    # -- the conversation ----------------------------------------------------------

    async def handle(
        self, incoming: Incoming, sender: str, on_new_message: OnNewMessage, agent: Any
    ) -> None:
        try:
            messages = with_attachments(await self.answer(incoming, sender, on_new_message, agent))
            activities = [reply_activity(incoming, m) for m in messages]
            await self.connector.send(reply_url(incoming), activities)
        except Exception as error:  # noqa: BLE001 - a background task must log, not vanish
            log.error("Teams message handling failed: %s", type(error).__name__)

    async def answer(
        self, incoming: Incoming, sender: str, on_new_message: OnNewMessage, agent: Any
    ) -> list[dict[str, Any]]:
        if incoming.click is not None:
            latest = await latest_bot_messages(agent, sender)
            if latest is not None and not _click_is_current(incoming.click, latest):
                return [{"text": STALE_BUTTON}, *latest]
        joining = _JOIN.match(incoming.text) if incoming.click is None else None
        if joining:
            joined = await asyncio.to_thread(join_case, sender, joining.group(1))
            if joined is not None:
                return [{"text": joined}]
            return [
                {"text": "This conversation is now linked to the case you were invited to."},
                *await converse(on_new_message, sender, "hello", CHANNEL),
            ]
        return await converse(on_new_message, sender, incoming.text, CHANNEL)


def _click_is_current(click: Click, latest: list[dict[str, Any]]) -> bool:
    for message in latest:
        if click.question is not None and click.question != question_fingerprint(
            str(message.get("text") or "")
        ):
            continue
        if any(b.get("payload") == click.payload for b in message.get("buttons") or []):
            return True
    return False


async def latest_bot_messages(agent: Any, sender: str) -> list[dict[str, Any]] | None:
    """What the bot said since the person's last message, or None when it can't be read.

    Read from Rasa's tracker store, so it holds however many servers share the
    conversation; when it can't be read the click is let through, as typing
    the same words would be.
    """
    from rasa.shared.core.events import BotUttered, UserUttered

    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    try:
        tracker = await store.retrieve(sender)
    except Exception as error:  # noqa: BLE001 - a check that cannot run must not stop the reply
        log.warning("Teams button check skipped: %s", type(error).__name__)
        return None
    if tracker is None:
        return None
    messages: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            messages.append({"text": event.text or "", "buttons": event.data.get("buttons") or []})
    return list(reversed(messages))


# -- joining a case from an invite ---------------------------------------------------

JOIN_REFUSED = (
    "That invite doesn't work: it may have run out or been withdrawn, or part of it is missing. "
    "Ask the worker who sent it for a new one."
)


def invite_token(text: str) -> str:
    """The token from an invite link (`...#invite=TOKEN`, or `?invite=` from older links)
    or the token itself."""
    if "://" in text:
        parts = urlsplit(text)
        values = (
            parse_qs(parts.fragment).get("invite") or parse_qs(parts.query).get("invite") or [""]
        )
        return values[0]
    return text


def join_case(sender: str, text: str) -> str | None:
    """Links the conversation to an invite's case; a message saying why not, or None."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.access.invites import check
    from bot.access.signing import InvalidToken
    from bot.faults import NOT_AVAILABLE
    from bot.services import ConversationService
    from bot.storage.engine import DatabaseUnavailable

    try:
        case_id, role, invite_id = check(invite_token(text))
    except InvalidToken:
        return JOIN_REFUSED
    except (SQLAlchemyError, DatabaseUnavailable, OSError) as error:
        log.error("Teams join failed: %s", type(error).__name__)
        return NOT_AVAILABLE
    try:
        reply = ConversationService().bind(sender, CHANNEL, case_id, role, invite_id)
    except PermissionError:
        return (
            "This conversation is already working on a different case, so it can't join "
            "another one. Use the invite in a new chat instead."
        )
    except LookupError:
        return JOIN_REFUSED
    if not reply.saved:
        return reply.messages[0].text if reply.messages else JOIN_REFUSED
    return None
