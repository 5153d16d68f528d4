"""What every request to the Rasa server passes first, and what every response carries.

Installed into Rasa's own app factory (bot/rasa_ext/server.py), so it covers
every route: the channels, Rasa's own, and Sanic's error pages (404, 405,
500), which a channel's blueprint never sees.
- The security headers (bot/web/security.py) on every response; Cache-Control
  no-store unless the route chose otherwise.
- The rate limits (bot/web/limits.py): a clear 429 with Retry-After and a kind
  sentence, as JSON for the APIs and as a short page for pages.
- `/` says the server is running and nothing about which version of what.
"""

from __future__ import annotations

import logging
from typing import Any

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse

from bot.settings import Settings, load_settings
from bot.web.limits import Limits, Refused
from bot.web.security import HEADERS

log = logging.getLogger(__name__)

ROOT_TEXT = "The safety plan assistant is running."
_installed = False


def add_root_route(app: Sanic) -> None:
    """In place of Rasa's, which answers "Hello from Rasa: <version>"."""

    @app.get("/")
    async def hello(request: Request) -> HTTPResponse:
        return response.text(ROOT_TEXT)


def client_address(request: Request) -> str:
    # remote_addr is set only when Sanic is told to trust a proxy
    # (SANIC_PROXIES_COUNT, SANIC_REAL_IP_HEADER, SANIC_FORWARDED_SECRET).
    return request.remote_addr or request.ip or "unknown"


def _wants_json(path: str) -> bool:
    return path.startswith(("/chat/api/", "/webhooks/", "/conversations", "/model", "/status"))


def refusal_response(path: str, refused: Refused) -> HTTPResponse:
    headers = {"Retry-After": str(refused.retry_after)}
    if _wants_json(path):
        return response.json(
            {"error": refused.message, "code": refused.code},
            status=refused.status,
            headers=headers,
        )
    from bot.web.pages import message_page

    return response.html(
        message_page("Please wait a moment", refused.message),
        status=refused.status,
        headers=headers,
    )


def harden(app: Sanic, settings: Settings | None = None) -> Sanic:
    settings = settings or load_settings()
    limits = Limits(settings)
    https = settings.public_url.startswith("https://")

    async def check_limits(request: Request) -> HTTPResponse | None:
        refused = limits.before(
            client_address(request),
            request.method,
            request.path,
            request.headers.get("authorization") or "",
            request.body or b"",
        )
        if refused is None:
            return None
        log.info("rate limit: %s on %s", refused.code, request.path.split("/")[1] or "/")
        return refusal_response(request.path, refused)

    async def add_headers(request: Request, reply: BaseHTTPResponse) -> None:
        if reply is None:
            return
        limits.after(client_address(request), request.path, reply.status)
        for name, value in HEADERS.items():
            if name not in reply.headers:
                reply.headers[name] = value
        if "Cache-Control" not in reply.headers:
            reply.headers["Cache-Control"] = "no-store"
        if https and "Strict-Transport-Security" not in reply.headers:
            reply.headers["Strict-Transport-Security"] = "max-age=31536000"

    app.register_middleware(check_limits, "request")
    app.register_middleware(add_headers, "response")
    app.ctx.safetyplan_limits = limits
    return app


def install() -> None:
    """Puts the above into Rasa's server before `rasa run` builds it."""
    global _installed
    if _installed:
        return
    import rasa.core.run
    import rasa.server

    rasa.server.add_root_route = add_root_route
    build = rasa.core.run.configure_app

    def configure_app(*args: Any, **kwargs: Any) -> Sanic:
        return harden(build(*args, **kwargs))

    rasa.core.run.configure_app = configure_app
    _installed = True
