"""The web chat channel: the families' chat page at /chat/, its small JSON API, and downloads.

The conversation's identity is never taken from the client: the server makes
a random sender id and hands it out inside a signed session token
(bot/access/sessions.py); every API call names its conversation only by that
token. An invite link (bot/access/invites.py) ties a new session to a case
and a role. Message text is never logged.

Routes (Rasa mounts the blueprint at /chat):
  GET  /chat/                   the page
  GET  /chat/static/<file>      its CSS and JavaScript
  POST /chat/api/session        {"invite"?: token} -> {"token": session token, ...}
  POST /chat/api/start          greets a new conversation -> {"messages": [...]}
  POST /chat/api/message        {"message": text} -> {"messages": [...]}
  GET  /chat/api/history        -> {"messages": [...], "buttons": [...]}
  POST /chat/api/download       {"kind": kind} -> {"url": a fresh single-use link}
  GET  /chat/download/<token>   the document a download link names, once

A session lasts SAFETYPLAN_IDLE_MINUTES from its last use: every answer from
the API carries a fresh token ("session") the page keeps instead of the old
one, so a chat nobody touches for that long is closed, with a kind message.

"Leave this page quickly" goes to a neutral page whose address does not say
"chat" (LeavePageInput, at /weather).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.access import invites, sessions
from bot.access.downloads import LinkUsed
from bot.access.invites import InviteRefused
from bot.access.signing import InvalidToken
from bot.channels.common import converse, refusal
from bot.settings import Settings, load_settings
from bot.text import clean_text, is_blank
from bot.web import history as page_history
from bot.web.pages import load_assets, message_page, page
from bot.web.security import secure

log = logging.getLogger(__name__)

CHANNEL = "webchat"
LEAVE_PREFIX = "/weather"
MAX_BODY_BYTES = 64 * 1024
GREETING = "hello"

Handler = Callable[..., Awaitable[HTTPResponse]]

IDLE_MESSAGE = (
    "This chat was closed because nothing happened for a while. That keeps it private on "
    "this device. Your answers are saved."
)
LINK_USED = (
    "This link has been used already",
    "Each link to a document works once, so nobody else can open it later.",
    "Go back to your chat and press the download button again for a new link.",
)
LINK_DOES_NOT_WORK = (
    "This link doesn't work",
    "The link to this document has run out, or it isn't complete. Links work for a few "
    "minutes, once.",
    "Go back to your chat and press the download button again, or say 'download'.",
)

INVITE_PROBLEMS = {
    "revoked": "This link has been withdrawn. Please ask your worker for a new one.",
    "expired": "This link has run out. Please ask your worker for a new one.",
    "unknown": "This link doesn't work. Please ask your worker for a new one.",
}


# -- responses ------------------------------------------------------------------------


class Refusal(Exception):
    """A request the channel turns down with a clear 4xx and a sentence saying why."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message

    def response(self) -> HTTPResponse:
        return response.json({"error": self.message, "code": self.code}, status=self.status)


def guarded(kind: str) -> Callable[[Handler], Handler]:
    """Security headers on every response; refusals as 4xx; any other failure as a plain 503."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def run(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            try:
                result = await handler(request, *args, **kwargs)
            except Refusal as refusal:
                result = refusal.response()
            except Exception as error:  # noqa: BLE001 - the person gets a sentence, not a stack
                log.error("web chat %s failed: %s", handler.__name__, type(error).__name__)
                if kind == "api":
                    result = response.json(
                        {
                            "error": "Something isn't working on our side just now. "
                            "Please try again in a minute.",
                            "code": "unavailable",
                        },
                        status=503,
                    )
                else:
                    result = response.html(
                        message_page(
                            "Sorry, there is a problem",
                            "Something isn't working on our side just now. "
                            "Please try again in a minute.",
                        ),
                        status=503,
                    )
            return secure(result)

        return run

    return wrap


# -- reading requests -------------------------------------------------------------------


def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object; unknown fields are the caller's business and ignored."""
    if len(request.body or b"") > MAX_BODY_BYTES:
        raise Refusal(413, "too_large", "The request is too large.")
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise Refusal(415, "not_json", "Send JSON with Content-Type: application/json.")
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        # RecursionError: JSON nested deeper than the parser goes ("[[[[...").
        raise Refusal(400, "bad_json", "The body must be a JSON object.") from error
    if not isinstance(body, dict):
        raise Refusal(400, "bad_json", "The body must be a JSON object.")
    return body


def bearer(request: Request) -> str:
    scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Refusal(
            401, "no_session", "This needs a chat session: 'Authorization: Bearer <token>'."
        )
    return token


async def session_of(request: Request, settings: Settings) -> sessions.WebSession:
    token = bearer(request)
    try:
        return await asyncio.to_thread(sessions.open_session, token, settings)
    except InviteRefused as refused:
        message = INVITE_PROBLEMS.get(refused.reason, INVITE_PROBLEMS["unknown"])
        raise Refusal(403, f"invite_{refused.reason}", message) from refused
    except InvalidToken as error:
        if str(error) == "expired":
            raise Refusal(401, "session_idle", IDLE_MESSAGE) from error
        raise Refusal(
            401, "session_ended", "This chat session has ended or is not valid. Start a new chat."
        ) from error


def with_session(
    body: dict[str, Any], session: sessions.WebSession, settings: Settings
) -> HTTPResponse:
    """An API answer carrying the session's fresh token: each use restarts the idle time."""
    body["session"] = sessions.issue(session, settings)
    body["idle_seconds"] = settings.idle_seconds
    return response.json(body)


def page_messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return page_history.page_messages(messages)


_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


# -- the channel ------------------------------------------------------------------------


class WebChatInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return CHANNEL

    def url_prefix(self) -> str:
        return "/chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        settings = load_settings()
        assets = load_assets()
        chat_page = page("chat.html")
        blueprint = Blueprint("safetyplan_webchat", __name__)

        @blueprint.route("/", methods=["GET"])
        @guarded("page")
        async def chat(request: Request) -> HTTPResponse:
            return response.html(chat_page)

        @blueprint.route("/static/<name:path>", methods=["GET"])
        @guarded("page")
        async def static(request: Request, name: str) -> HTTPResponse:
            asset = assets.get(name)
            if asset is None:
                return response.html(
                    message_page("Page not found", "There is nothing at this address."), status=404
                )
            return secure(
                response.raw(asset.content, content_type=asset.content_type), cache="no-cache"
            )

        @blueprint.route("/api/session", methods=["POST"])
        @guarded("api")
        async def new_session(request: Request) -> HTTPResponse:
            body = json_body(request) if request.body else {}
            invite_token = body.get("invite")
            sender_id = sessions.new_sender_id()
            invite_id: str | None = None
            role: str | None = None
            if invite_token is not None:
                if not isinstance(invite_token, str):
                    raise Refusal(400, "bad_invite", "'invite' must be the link's token.")
                invite_id, role = await self._join(sender_id, invite_token, settings)
            token = sessions.issue(sessions.WebSession(sender_id, invite_id), settings)
            return response.json(
                {"token": token, "role": role, "idle_seconds": settings.idle_seconds}, status=201
            )

        @blueprint.route("/api/start", methods=["POST"])
        @guarded("api")
        async def start(request: Request) -> HTTPResponse:
            session = await session_of(request, settings)
            messages = await converse(
                on_new_message,
                session.sender_id,
                GREETING,
                CHANNEL,
                metadata={page_history.START_MARK: True},
            )
            return with_session({"messages": page_messages(messages)}, session, settings)

        @blueprint.route("/api/message", methods=["POST"])
        @guarded("api")
        async def message(request: Request) -> HTTPResponse:
            session = await session_of(request, settings)
            body = json_body(request)
            text = body.get("message")
            if not isinstance(text, str):
                raise Refusal(400, "bad_message", "'message' must be text.")
            refused = refusal(text)
            if refused is not None:
                # Said as a problem, not a bot message, so the page keeps the words in the
                # box to shorten or split instead of clearing them.
                code = "empty" if is_blank(clean_text(text)) else "too_long"
                raise Refusal(422, code, refused)
            messages = await converse(on_new_message, session.sender_id, text, CHANNEL)
            return with_session({"messages": page_messages(messages)}, session, settings)

        @blueprint.route("/api/history", methods=["GET"])
        @guarded("api")
        async def conversation_so_far(request: Request) -> HTTPResponse:
            session = await session_of(request, settings)
            store = request.app.ctx.agent.tracker_store
            tracker = await store.retrieve_full_tracker(session.sender_id)
            events = [event.as_dict() for event in tracker.events] if tracker else []
            return with_session(page_history.history(events), session, settings)

        @blueprint.route("/api/download", methods=["POST"])
        @guarded("api")
        async def new_download_link(request: Request) -> HTTPResponse:
            # The link is made now, when the person pressed the button: it is not in
            # the conversation, and it runs out in minutes after working once.
            from bot.services import ConversationService

            session = await session_of(request, settings)
            kind = json_body(request).get("kind")
            if not isinstance(kind, str) or not page_history.is_kind(kind):
                raise Refusal(400, "bad_kind", "'kind' must name one of the documents.")
            link = await asyncio.to_thread(
                ConversationService(settings).download_link, session.sender_id, CHANNEL, kind
            )
            if link is None:
                raise Refusal(
                    404,
                    "no_document",
                    "There's no document to download here yet. Let's write some of the plan "
                    "first.",
                )
            return with_session({"url": link}, session, settings)

        @blueprint.route("/download/<token>", methods=["GET"])
        @guarded("page")
        async def download(request: Request, token: str) -> HTTPResponse:
            from bot.services import ConversationService

            try:
                document = await asyncio.to_thread(
                    ConversationService(settings).render_download, token
                )
            except LinkUsed:
                return response.html(message_page(*LINK_USED), status=410)
            except InvalidToken:
                return response.html(message_page(*LINK_DOES_NOT_WORK), status=404)
            filename = _FILENAME_UNSAFE.sub("-", document.filename)
            return response.raw(
                document.content,
                content_type=document.content_type,
                headers={
                    "Content-Disposition": f'attachment; filename="{filename}"',
                    "Cache-Control": "no-store",
                },
            )

        return blueprint

    @staticmethod
    async def _join(sender_id: str, invite_token: str, settings: Settings) -> tuple[str, str]:
        """Binds the new conversation to the invite's case; (invite id, role)."""
        from bot.services import ConversationService

        try:
            case_id, role, invite_id = await asyncio.to_thread(
                invites.check, invite_token, settings
            )
        except InviteRefused as refused:
            raise Refusal(
                403, f"invite_{refused.reason}", INVITE_PROBLEMS[refused.reason]
            ) from refused
        except InvalidToken as error:
            reason = "expired" if str(error) == "expired" else "unknown"
            raise Refusal(403, f"invite_{reason}", INVITE_PROBLEMS[reason]) from error
        try:
            reply = await asyncio.to_thread(
                ConversationService(settings).bind, sender_id, CHANNEL, case_id, role, invite_id
            )
        except (LookupError, PermissionError) as error:
            raise Refusal(403, "invite_unknown", INVITE_PROBLEMS["unknown"]) from error
        if not reply.saved:
            raise Refusal(
                503,
                "unavailable",
                "I couldn't open the plan just now. Please try the link again in a minute.",
            )
        return invite_id, role.value


class LeavePageInput(InputChannel):
    """The neutral page "Leave this page quickly" goes to: `/weather`, not under /chat.

    An input channel only so Rasa serves it at an address of its own; it takes
    no messages. Its address, title and words say nothing about the chat, and
    it loads only its own stylesheet from the same neutral address.
    """

    @classmethod
    def name(cls) -> str:
        return "leave_page"

    def url_prefix(self) -> str:
        return LEAVE_PREFIX

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        leave_page = page("leave.html")
        assets = load_assets()
        style = assets["weather.css"]
        blueprint = Blueprint("safetyplan_leave_page", __name__)

        @blueprint.route("/", methods=["GET"])
        @guarded("page")
        async def leave(request: Request) -> HTTPResponse:
            return response.html(leave_page)

        @blueprint.route("/weather.css", methods=["GET"])
        @guarded("page")
        async def leave_style(request: Request) -> HTTPResponse:
            return secure(
                response.raw(style.content, content_type=style.content_type), cache="no-cache"
            )

        return blueprint
