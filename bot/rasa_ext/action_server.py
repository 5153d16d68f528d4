"""Starts the action server with the project's actions, bound where the settings say.

rasa-sdk's own error handler sends the whole request (with the conversation's
messages) back in its error response, which then ends up in logs; this one
answers with the error's type only.
"""

from __future__ import annotations

import logging
import os
import sys

from sanic import response
from sanic.request import Request

from bot.settings import load_settings


def main() -> None:
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = load_settings()
    from rasa_sdk.endpoint import create_app

    from bot.storage.orm import start_mappers

    start_mappers()
    app = create_app("actions", cors_origins=None)

    async def no_details(request: Request, exception: Exception) -> response.HTTPResponse:
        logging.getLogger(__name__).error("action failed: %s", type(exception).__name__)
        return response.json({"error": type(exception).__name__}, status=500)

    app.error_handler.add(Exception, no_details)
    port = settings.action_port
    logging.getLogger(__name__).info("Action server listening on %s:%s", settings.host, port)
    app.run(settings.host, port, workers=1, access_log=False)


if __name__ == "__main__":
    sys.exit(main())
