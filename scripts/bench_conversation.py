"""Times a family member's whole two-worry interview through the real servers.

Prints the number of turns, and the median, 90th percentile and slowest reply
times. Starts its own servers on free ports with a throwaway database, unless
--url points at a running one.

    .venv/bin/python scripts/bench_conversation.py [--url http://127.0.0.1:5005/webhooks/rest/webhook]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A family member who answers plainly, uses no navigation, and accepts what is read back.
SCRIPT = [
    "hi",
    "no",
    '/choose{"choice": "family"}',
    "/affirm",
    "Priya, their mum",
    "Leo 7 and Mia 4",
    "Kelly, my sister",
    "/deny",
    "Sam Patel, social worker",
    "/deny",
    "I get the kids to school every day",
    "no",
    "Dad pushed me in March and Leo saw it",
    "we are behind on rent",
    "Dad needs help with his drinking",
    # worry 1
    "Sam and the school",
    "When Dad drinks he shouts and pushes me",
    "Leo and Mia could get hurt",
    '/choose{"choice": "accept"}',
    "Dad is sober when he has the kids",
    "Kelly and Sam",
    "six months",
    '/choose{"choice": "accept"}',
    "5 because he is trying",
    "going to meetings every week",
    "Dad sober at pick up",
    "payday",
    "cans in the bin",
    "Kelly will have the kids",
    "yes",
    # worry 2
    "Me and the health visitor",
    "when I'm low I stay in bed",
    "Mia could go hungry",
    '/choose{"choice": "accept"}',
    "I get up every morning",
    "Kelly",
    "three months",
    '/choose{"choice": "accept"}',
    "6 because I'm up most days",
    "a whole good week",
    "kids at school on time",
    "winter",
    "Leo late again",
    "Kelly will come round",
    "no",
    # the timeline
    "Dad to go to the alcohol service",
    "Dad",
    "in two weeks",
    "yes",
    "Family meeting",
    "Sam",
    "12/01/2027",
    "yes",
    "Check in with Kelly every Friday",
    "me",
    "next Friday",
    "yes",
    "Core group to check progress",
    "Sam",
    "end of March",
    "no",
    "in nine months",
    "yes",
]


def post(url: str, sender: str, message: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as reply:  # noqa: S310 - our own server
        return json.loads(reply.read())


def run(url: str) -> None:
    sender = "bench-" + secrets.token_hex(6)
    times: list[float] = []
    offers = 0
    for message in SCRIPT:
        started = time.perf_counter()
        reply = post(url, sender, message)
        times.append(time.perf_counter() - started)
        text = " ".join(m.get("text") or "" for m in reply)
        if "people who help yet" in text:
            # An offer to add someone named in an answer costs one more turn.
            started = time.perf_counter()
            post(url, sender, "/affirm")
            times.append(time.perf_counter() - started)
            offers += 1
    final = " ".join(m.get("text") or "" for m in reply)
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(f"turns (messages a family member sends): {len(times)}, of which {offers} offers")
    print(
        f"reply time: median {statistics.median(times):.3f} s, 90th percentile {p90:.3f} s, "
        f"slowest {ordered[-1]:.3f} s"
    )
    print("plan finished:", "draft plan is ready" in final.lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a running server's REST webhook")
    args = parser.parse_args()
    if args.url:
        run(args.url)
        return 0
    os.environ.setdefault("SAFETYPLAN_VAR_DIR", tempfile.mkdtemp(prefix="safetyplan-bench-"))
    os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
    import dataclasses

    from bot.runner import Stack, free_port, prepare_database, train
    from bot.settings import load_settings

    settings = dataclasses.replace(load_settings(), rasa_port=free_port(), action_port=free_port())
    prepare_database(settings)
    stack = Stack(settings)
    stack.start(train(settings))
    try:
        run(stack.rest_url)
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
