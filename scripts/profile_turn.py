"""Where a turn's time goes: both servers under cProfile for one family interview.

Starts the project's stack as `make run` would (free ports, a throwaway SQLite
database, the cached model), but each server runs under Python's cProfile.
One interview (the bench's SCRIPT) is replayed, then the servers are stopped
and each one's profile is printed: the functions with the most cumulative
time, per turn. Also printed: how many action calls and tracker saves one turn
made, and how big the conversation (what the action server is sent on every
call) was at the end.

    .venv/bin/python scripts/profile_turn.py [--top 25] [--turns N]
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import pstats
import stat
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--turns", type=int, default=0, help="only the first N messages")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="safetyplan-profile-"))
    os.environ.setdefault("SAFETYPLAN_VAR_DIR", str(work / "var"))
    os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
    profiles = work / "profiles"
    profiles.mkdir()
    # Each server is started through this wrapper: the same command, under cProfile.
    wrapper = work / "python-profiled"
    wrapper.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m cProfile -o "{profiles}/$2.prof" "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)

    import bench_conversation as bench

    import bot.runner as runner
    from bot.settings import load_settings

    settings = dataclasses.replace(
        load_settings(), rasa_port=runner.free_port(), action_port=runner.free_port()
    )
    runner.prepare_database(settings)
    model = runner.train(settings)
    runner.python = lambda: str(wrapper)  # type: ignore[assignment]
    stack = runner.Stack(settings)
    stack.start(model)
    sender = "profile-" + os.urandom(4).hex()
    script = bench.SCRIPT[: args.turns] if args.turns else bench.SCRIPT
    try:
        started = time.perf_counter()
        times, _ = bench.interview(stack.rest_url, sender, script)
        wall = time.perf_counter() - started
    finally:
        stack.stop()
    turns = len(times)
    print(f"{turns} turns in {wall:.1f} s (median {bench.ms(bench.percentile(times, 0.5))})")

    from sqlalchemy import text

    from bot.storage.crypto import active_keyring
    from bot.storage.engine import engine_for

    with engine_for(settings.database_url).connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, action_name, data FROM events WHERE sender_id = :s"),
            {"s": sender},
        ).all()
    keyring = active_keyring()
    size = sum(len(keyring.decrypt(row.data)) for row in rows)
    actions = [row.action_name for row in rows if row.type_name == "action"]
    sessions = sum(row.type_name == "session_started" for row in rows)
    print(f"conversation at the end: {len(rows)} events, {size / 1024:.0f} KiB of JSON, "
          f"{sessions} Rasa sessions (a turn reads only its session's events; an action "
          f"call carries only the current turn)")
    print(f"actions run: {len(actions)} ({len(actions) / turns:.1f} per turn); "
          f"most common: {sorted(set(actions), key=actions.count, reverse=True)[:6]}")

    for name in ("bot.rasa_ext.action_server", "bot.rasa_ext.server"):
        path = profiles / f"{name}.prof"
        if not path.exists():
            print(f"\n(no profile from {name}: it did not exit cleanly)")
            continue
        out = io.StringIO()
        stats = pstats.Stats(str(path), stream=out)
        stats.sort_stats("cumulative").print_stats(args.top)
        print(f"\n=== {name}: cumulative time, over {turns} turns ===")
        print(out.getvalue())
    print(f"profiles kept in {profiles} (open with python -m pstats)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
