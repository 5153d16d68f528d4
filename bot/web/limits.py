"""Rate limits for the public routes: per address, per conversation, new chats, wrong secrets.

Counted in this process's memory (each Rasa replica counts for itself), in
sliding windows, with a bounded number of keys so a flood of addresses
cannot grow memory without end. On outside development unless
SAFETYPLAN_RATE_LIMITS=false; off in development unless turned on, so the
project's own test drivers can talk at machine speed.

- every request counts against its address (SAFETYPLAN_RATE_PER_IP_PER_MINUTE);
- messages count against their conversation too (the web chat session, the
  REST sender, the Teams conversation: SAFETYPLAN_RATE_PER_CONVERSATION_PER_MINUTE);
- a new anonymous conversation (a web chat session opened without an invite,
  a REST sender not seen before) counts against its address for an hour
  (SAFETYPLAN_NEW_CONVERSATIONS_PER_IP_PER_HOUR): each costs storage for 90 days;
- a request refused for a wrong secret or token (401 on /webhooks/) counts
  against its address for an hour (SAFETYPLAN_WRONG_SECRETS_PER_IP_PER_HOUR);
  past the limit the address gets 429 before its secret is even looked at.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from bot.settings import Settings

MAX_KEYS = 20_000
MAX_BODY_TO_READ = 256 * 1024

TOO_FAST = (
    "You're sending messages faster than I can answer them. Please wait a minute, then try "
    "again. Nothing you've saved is lost."
)
TOO_MANY_NEW = (
    "A lot of new chats have been started from this connection in the last hour, so I can't "
    "start another one just now. Please try again later. Nothing you've saved is lost."
)
TOO_MANY_WRONG = (
    "Too many requests with a wrong secret or token have come from this address. Please wait "
    "an hour and try again."
)


class Window:
    """At most `limit` events per `seconds` for each key, in a sliding window."""

    def __init__(
        self, limit: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = deque()
            if len(self._events) > MAX_KEYS:
                self._events.popitem(last=False)
        else:
            self._events.move_to_end(key)
        while events and events[0] <= now - self.seconds:
            events.popleft()
        return events

    def full(self, key: str) -> float:
        """Seconds until the key may go again; 0 when it may now (nothing is counted)."""
        if self.limit <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            events = self._recent(key, now)
            if len(events) < self.limit:
                return 0.0
            return max(1.0, events[0] + self.seconds - now)

    def add(self, key: str) -> None:
        with self._lock:
            self._recent(key, self.clock()).append(self.clock())

    def take(self, key: str) -> float:
        """Counts one event; the wait (and nothing counted) when the key is over its limit."""
        if self.limit <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            events = self._recent(key, now)
            if len(events) >= self.limit:
                return max(1.0, events[0] + self.seconds - now)
            events.append(now)
            return 0.0


@dataclass(frozen=True)
class Refused:
    status: int
    message: str
    retry_after: int
    code: str = "rate_limited"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


def _json_body(body: bytes) -> dict:
    if not body or len(body) > MAX_BODY_TO_READ:
        return {}
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


class Limits:
    """What the server's middleware asks before a request, and tells after it."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = settings.rate_limits
        self.per_ip = Window(settings.rate_per_ip_per_minute, 60, clock)
        self.per_conversation = Window(settings.rate_per_conversation_per_minute, 60, clock)
        self.new_conversations = Window(settings.new_conversations_per_ip_per_hour, 3600, clock)
        self.wrong_secrets = Window(settings.wrong_secrets_per_ip_per_hour, 3600, clock)
        self._known_senders: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def conversation_of(path: str, authorization: str, body: bytes) -> str | None:
        """The conversation a request speaks in, when it speaks in one."""
        if path.startswith("/chat/api/") and authorization:
            return "web:" + _digest(authorization)
        if path == "/webhooks/rest/webhook":
            sender = _json_body(body).get("sender")
            return "rest:" + _digest(sender) if isinstance(sender, str) else None
        if path == "/webhooks/teams/webhook":
            conversation = _json_body(body).get("conversation")
            if isinstance(conversation, dict) and isinstance(conversation.get("id"), str):
                return "teams:" + _digest(conversation["id"])
        return None

    def _known(self, key: str) -> bool:
        with self._lock:
            if key in self._known_senders:
                self._known_senders.move_to_end(key)
                return True
            return False

    def _remember(self, key: str) -> None:
        with self._lock:
            self._known_senders[key] = None
            if len(self._known_senders) > MAX_KEYS:
                self._known_senders.popitem(last=False)

    def _starts_anonymous_conversation(self, method: str, path: str, body: bytes) -> bool:
        if method != "POST":
            return False
        if path == "/chat/api/session":
            return not _json_body(body).get("invite")
        return False

    def before(
        self, ip: str, method: str, path: str, authorization: str, body: bytes
    ) -> Refused | None:
        """None when the request may go on; else why not, and for how long."""
        if not self.enabled:
            return None
        if path.startswith("/webhooks/"):
            wait = self.wrong_secrets.full(ip)
            if wait:
                return Refused(429, TOO_MANY_WRONG, math.ceil(wait))
        wait = self.per_ip.take(ip)
        if wait:
            return Refused(429, TOO_FAST, math.ceil(wait))
        conversation = self.conversation_of(path, authorization, body)
        if conversation is not None and method == "POST":
            wait = self.per_conversation.take(conversation)
            if wait:
                return Refused(429, TOO_FAST, math.ceil(wait))
        new = self._starts_anonymous_conversation(method, path, body)
        rest_sender = (
            conversation if conversation and conversation.startswith("rest:") else None
        )
        if rest_sender is not None and method == "POST" and not self._known(rest_sender):
            new = True
        if new:
            wait = self.new_conversations.take(ip)
            if wait:
                return Refused(429, TOO_MANY_NEW, math.ceil(wait))
            if rest_sender is not None:
                self._remember(rest_sender)
        return None

    def after(self, ip: str, path: str, status: int) -> None:
        """Counts a refused secret or token against the address."""
        if self.enabled and status == 401 and path.startswith("/webhooks/"):
            self.wrong_secrets.add(ip)
