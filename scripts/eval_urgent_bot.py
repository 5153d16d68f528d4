"""Urgent-danger figures through a running bot: does the reply carry the 999 warning?

Where scripts/eval_urgent.py scores the rules alone, this types each labelled
message into a real conversation on a running server (REST channel), as the
answer to one interview question, and counts the replies with the emergency
number. Prints recall, the false-positive rate, and the index (never the text)
of each miss and false alarm, plus the messages the bot answered with its
"is someone in danger right now?" check instead.

    make run    # in another terminal (or any server: --url)
    .venv/bin/python scripts/eval_urgent_bot.py [--set test|dev] [--at harm] [--role family]

Outside development the REST channel needs SAFETYPLAN_REST_SECRET; it is read
from the environment. Each run opens new conversations (a few dozen) on that
server; they hold the labelled messages, so use a test server, not live data.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.error
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.interview.catalogue import slots  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from tests.support.urgent_probe import URGENT_SETS, load_set, measure  # noqa: E402
from tests.support.walk import ROLES, RestChat  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    settings = load_settings()
    parser = argparse.ArgumentParser(description="urgent-danger recall and false positives, "
                                     "measured through a running bot")
    parser.add_argument("--url", default=f"http://127.0.0.1:{settings.rasa_port}"
                        "/webhooks/rest/webhook", help="the REST webhook of the running server")
    parser.add_argument("--set", choices=sorted(URGENT_SETS), default="test", dest="which")
    parser.add_argument("--at", default="harm", choices=slots(),
                        help="the question each message answers (default: harm)")
    parser.add_argument("--role", default="family", choices=sorted(ROLES))
    parser.add_argument("--per-conversation", type=int, default=30,
                        help="messages before a fresh conversation is started")
    args = parser.parse_args(argv)

    chat = RestChat(args.url, secret=os.environ.get("SAFETYPLAN_REST_SECRET"))
    urgent, not_urgent = load_set(URGENT_SETS[args.which])

    def progress(done: int, total: int) -> None:
        if done % 25 == 0 or done == total:
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    try:
        figures = measure(chat, urgent, not_urgent, at=args.at, role=args.role,
                          per_conversation=args.per_conversation, progress=progress)
    except (urllib.error.URLError, ConnectionError) as error:
        print(f"Could not reach the bot at {args.url} ({error}). Start it with `make run`, "
              "or pass --url.", file=sys.stderr)
        return 2
    path = URGENT_SETS[args.which].relative_to(ROOT)
    print("\n".join(figures.lines(
        f"{args.which} set ({path}) through the bot at {args.url}, "
        f"as a {args.role} answering '{args.at}'"
    )))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
