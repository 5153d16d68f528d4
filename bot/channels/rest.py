"""The REST channel (`/webhooks/rest/webhook`), guarded.

It keeps Rasa's contract ({"sender", "message"} in, a list of bot messages
out) but never logs message text, answers bad requests with a clear 4xx, and
outside development needs `Authorization: Bearer <SAFETYPLAN_REST_SECRET>`
(with no secret set it is turned off).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.common import SENDER_PATTERN, converse
from bot.settings import load_settings

MAX_BODY_BYTES = 256 * 1024
RESERVED_PREFIXES = ("web-", "teams-")


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def authorised(request: Request) -> HTTPResponse | None:
    """None when the request may use the channel, else the refusal to send."""
    settings = load_settings()
    if settings.is_development:
        return None
    if not settings.rest_secret:
        return _error(403, "The REST channel is turned off. Set SAFETYPLAN_REST_SECRET to use it.")
    header = request.headers.get("authorization", "")
    expected = f"Bearer {settings.rest_secret}"
    if not hmac.compare_digest(header.encode("utf-8", "replace"), expected.encode("utf-8")):
        return _error(401, "A valid 'Authorization: Bearer <secret>' header is needed.")
    return None


def read_json_body(request: Request) -> tuple[dict[str, Any] | None, HTTPResponse | None]:
    if len(request.body or b"") > MAX_BODY_BYTES:
        return None, _error(413, "The request is too large.")
    content_type = (request.content_type or "").split(";")[0].strip().lower()
    if content_type not in ("application/json", ""):
        return None, _error(415, "Send JSON with Content-Type: application/json.")
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: JSON nested deeper than the parser goes ("[[[[...").
        return None, _error(400, 'The body must be JSON: {"sender": "...", "message": "..."}.')
    if not isinstance(body, dict):
        return None, _error(
            400, 'The body must be a JSON object: {"sender": "...", "message": "..."}.'
        )
    return body, None


class GuardedRestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("safetyplan_rest", __name__)

        @blueprint.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refused = authorised(request)
            if refused is not None:
                return refused
            body, problem = read_json_body(request)
            if problem is not None:
                return problem
            assert body is not None
            sender = body.get("sender")
            message = body.get("message")
            if not isinstance(sender, str) or not SENDER_PATTERN.match(sender):
                return _error(
                    400,
                    "'sender' must be 1 to 128 letters, digits or the characters _ . : @ + = -",
                )
            if sender.startswith(RESERVED_PREFIXES):
                # Web chat and Teams conversations are reached only through
                # their own channels, with their own proof of who is talking.
                return _error(403, "That sender id belongs to another channel.")
            if not isinstance(message, str):
                return _error(400, "'message' must be a string.")
            return response.json(await converse(on_new_message, sender, message, self.name()))

        return blueprint
