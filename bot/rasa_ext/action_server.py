"""Starts the action server with the project's actions, bound where the settings say.

Every call but the liveness probe (`GET /health`) must carry the shared
secret (bot/access/action_secret.py), checked in constant time before any
action runs; without it the answer is 401 and nothing is read. The server
listens on loopback (SAFETYPLAN_ACTION_HOST to change it).

rasa-sdk's own error handler sends the whole request (with the conversation's
messages) back in its error response, which then ends up in logs; this one
answers with the error's type only.
"""

from __future__ import annotations

import logging
import os

from sanic import response
from sanic.request import Request

from bot.access.action_secret import action_secret, presented
from bot.private_files import secure_var_dir
from bot.rasa_ext.server import KEEP_ALIVE_SECONDS
from bot.settings import load_settings

OPEN_PATHS = frozenset({"/health"})


def main() -> None:
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    # As for the Rasa server (see KEEP_ALIVE_SECONDS): read when the app is made.
    os.environ.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", KEEP_ALIVE_SECONDS)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = load_settings()
    secure_var_dir(settings)
    secret = action_secret(settings)
    from rasa_sdk.endpoint import create_app

    from bot.storage.orm import start_mappers

    start_mappers()
    app = create_app("actions", cors_origins=None)

    async def no_details(request: Request, exception: Exception) -> response.HTTPResponse:
        logging.getLogger(__name__).error("action failed: %s", type(exception).__name__)
        return response.json({"error": type(exception).__name__}, status=500)

    async def require_secret(request: Request) -> response.HTTPResponse | None:
        if request.method == "GET" and request.path in OPEN_PATHS:
            return None
        if presented(request.headers.get("authorization"), request.args.get("token"), secret):
            return None
        return response.json({"error": "Unauthorized"}, status=401)

    app.register_middleware(require_secret, "request")
    app.error_handler.add(Exception, no_details)
    port = settings.action_port
    host = settings.action_host
    logging.getLogger(__name__).info("Action server listening on %s:%s", host, port)
    app.run(host, port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
