"""Times the family interview through the real servers, against a bare-Rasa baseline.

In one run, on one machine, the same messages (a family member's whole
two-worry interview, SCRIPT) go over REST to the project and to a bare Rasa
3.6 bot made by `rasa init` (its default model, in-memory tracker store; made
and trained once under var/bench/, reused while its files are there). For each
it prints per-turn p50/p95 with 1 and with 10 conversations at once, messages
per second with 10, and per-turn time by position in one 300-turn
conversation; then the ratios against issue 16's targets.

The project runs as `make run` would, on free ports with a throwaway
database (SQLite under a temporary folder) and the cached model.

    .venv/bin/python scripts/bench_conversation.py            # the comparison
    .venv/bin/python scripts/bench_conversation.py --url URL  # one interview, a running server
    .venv/bin/python scripts/bench_conversation.py --phases one  # a quick look (no table)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
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


# What the long conversation says after SCRIPT, over and over: the person comes back,
# is not in danger, carries on (the plan is ready: its links again) and reads it over.
AFTER_SCRIPT = ["hi", "no", "/affirm", "review"]

BENCH_DIR = ROOT / "var" / "bench"
BARE_DIR = BENCH_DIR / "rasa-init"
CONCURRENT = 10
LONG_TURNS = 300
# The positions compared in the long conversation: the median of the 20 turns
# ending at each, as one turn's time is too noisy on a shared machine.
EARLY, LATE, WINDOW = 30, 300, 20
BLOCK = 30  # the by-position table's rows
OFFER = "people who help yet"  # an offer to add someone named in an answer: one more turn

# Issue 16's targets, as ratios of the project to bare Rasa measured in the same run.
TARGETS = (
    ("1 user: p50 per turn", "p50_1", "<=", 1.5),
    ("1 user: p95 per turn", "p95_1", "<=", 1.5),
    (f"{CONCURRENT} users: p50 per turn", "p50_n", "<=", 2.0),
    (f"{CONCURRENT} users: p95 per turn", "p95_n", "<=", 2.0),
    (f"{CONCURRENT} users: messages per second", "rate_n", ">=", 0.6),
)
FLAT_TARGET = 1.2  # turn 300 / turn 30 (p50), for the project


def post(url: str, sender: str, message: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=180) as reply:  # noqa: S310 - our own server
        return json.loads(reply.read())


def text(reply: list[dict]) -> str:
    return " ".join(m.get("text") or "" for m in reply)


def timed(url: str, sender: str, message: str) -> tuple[float, str]:
    started = time.perf_counter()
    reply = post(url, sender, message)
    return time.perf_counter() - started, text(reply)


def interview(url: str, sender: str, messages: list[str] | None = None) -> tuple[list[float], str]:
    """One conversation through `messages` (SCRIPT); the time of every turn and the last reply."""
    times: list[float] = []
    said = ""
    for message in messages or SCRIPT:
        took, said = timed(url, sender, message)
        times.append(took)
        if OFFER in said:
            took, said = timed(url, sender, "/affirm")
            times.append(took)
    return times, said


def long_messages(turns: int) -> Iterator[str]:
    """SCRIPT, then AFTER_SCRIPT round and round, until `turns` messages."""
    sent = 0
    source = list(SCRIPT)
    while sent < turns:
        for message in source:
            if sent == turns:
                return
            yield message
            sent += 1
        source = AFTER_SCRIPT or SCRIPT


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@dataclass
class Figures:
    turns_1: int
    p50_1: float
    p95_1: float
    turns_n: int
    p50_n: float
    p95_n: float
    rate_n: float
    early: float
    late: float
    finished: bool


class Measured:
    """What one server did in each phase; filled in phase by phase so the servers take turns."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url
        self.single: list[float] = []
        self.finished = False
        self.concurrent: list[float] = []
        self.rate = 0.0
        self.long: list[float] = []

    def sender(self, what: str) -> str:
        return f"bench-{what}-{secrets.token_hex(5)}"

    def warm_up(self) -> None:
        # The first turns load what the servers load lazily; not counted.
        interview(self.url, self.sender("warm"), SCRIPT[:6])

    def one_user(self) -> None:
        self.single, last = interview(self.url, self.sender("one"))
        self.finished = "draft plan is ready" in last.lower()

    def many_users(self) -> None:
        start = threading.Barrier(CONCURRENT + 1)

        def talk(_: int) -> list[float]:
            start.wait(timeout=60)
            return interview(self.url, self.sender("many"))[0]

        with ThreadPoolExecutor(max_workers=CONCURRENT) as pool:
            futures = [pool.submit(talk, n) for n in range(CONCURRENT)]
            start.wait(timeout=60)
            began = time.perf_counter()
            results = [f.result() for f in futures]
            wall = time.perf_counter() - began
        self.concurrent = [t for times in results for t in times]
        self.rate = len(self.concurrent) / wall

    def long_conversation(self) -> None:
        sender = self.sender("long")
        self.long = []
        messages = long_messages(LONG_TURNS)
        said = ""
        while len(self.long) < LONG_TURNS:
            # An offer's answer is one of the turns, not an extra one.
            message = "/affirm" if OFFER in said else next(messages)
            took, said = timed(self.url, sender, message)
            self.long.append(took)

    def figures(self) -> Figures:
        def window(end: int) -> float:
            return statistics.median(self.long[end - WINDOW : end])

        return Figures(
            turns_1=len(self.single),
            p50_1=percentile(self.single, 0.5),
            p95_1=percentile(self.single, 0.95),
            turns_n=len(self.concurrent),
            p50_n=percentile(self.concurrent, 0.5),
            p95_n=percentile(self.concurrent, 0.95),
            rate_n=self.rate,
            early=window(EARLY),
            late=window(LATE),
            finished=self.finished,
        )


# -- the servers ----------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def bare_model() -> Path:
    """The `rasa init` bot's model, made and trained once under var/bench/rasa-init/."""
    found = sorted((BARE_DIR / "models").glob("*.tar.gz"))
    if found:
        return found[-1]
    print(f"Making the bare-Rasa baseline in {BARE_DIR} (rasa init; once, about a minute)...",
          flush=True)
    shutil.rmtree(BARE_DIR, ignore_errors=True)
    BARE_DIR.mkdir(parents=True)
    with open(BENCH_DIR / "rasa-init.log", "w", encoding="utf-8") as log:
        subprocess.run(  # noqa: S603 - our own interpreter and Rasa
            [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(BARE_DIR)],
            cwd=BARE_DIR, env=child_env(), stdout=log, stderr=subprocess.STDOUT, check=True,
        )
    found = sorted((BARE_DIR / "models").glob("*.tar.gz"))
    if not found:
        raise SystemExit(f"rasa init made no model; see {BENCH_DIR / 'rasa-init.log'}")
    return found[-1]


@contextmanager
def bare_rasa() -> Iterator[str]:
    from bot.runner import Server, answers, free_port

    model = bare_model()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = Server(
        "bare Rasa server",
        [sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(port),
         "--interface", "127.0.0.1", "--credentials", str(BARE_DIR / "credentials.yml"),
         "--endpoints", str(BARE_DIR / "endpoints.yml")],
        f"{base}/webhooks/rest/",
        BENCH_DIR / "rasa-init-server.log",
    )
    server.start(child_env(), BARE_DIR)
    try:
        deadline = time.monotonic() + 300
        while not answers(server.health_url):
            if server.exit_code() is not None or time.monotonic() > deadline:
                raise SystemExit(f"The bare Rasa server did not start; see {server.log_file}")
            time.sleep(0.5)
        yield f"{base}/webhooks/rest/webhook"
    finally:
        server.stop()


@contextmanager
def project() -> Iterator[str]:
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
        yield stack.rest_url
    finally:
        stack.stop()


# -- the report -----------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        gib = f"{int(memory) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        gib = "unknown RAM"
    import rasa

    return (f"{os.cpu_count()} cores ({model}), {gib}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, Rasa {rasa.__version__}")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def report(
    bare: Figures, ours: Figures, bare_long: list[float], our_long: list[float]
) -> None:
    rows: list[tuple[str, Callable[[Figures], str], float, float]] = [
        ("1 user: p50 per turn", lambda f: ms(f.p50_1), bare.p50_1, ours.p50_1),
        ("1 user: p95 per turn", lambda f: ms(f.p95_1), bare.p95_1, ours.p95_1),
        (f"{CONCURRENT} users: p50 per turn", lambda f: ms(f.p50_n), bare.p50_n, ours.p50_n),
        (f"{CONCURRENT} users: p95 per turn", lambda f: ms(f.p95_n), bare.p95_n, ours.p95_n),
        (f"{CONCURRENT} users: messages per second", lambda f: f"{f.rate_n:.1f}",
         bare.rate_n, ours.rate_n),
        (f"turn {EARLY} of {LONG_TURNS} (p50 of turns {EARLY - WINDOW + 1}-{EARLY})",
         lambda f: ms(f.early), bare.early, ours.early),
        (f"turn {LATE} of {LONG_TURNS} (p50 of turns {LATE - WINDOW + 1}-{LATE})",
         lambda f: ms(f.late), bare.late, ours.late),
    ]
    print()
    print("| | bare Rasa | safetyplan | ratio |")
    print("|---|---|---|---|")
    for label, shown, b, o in rows:
        print(f"| {label} | {shown(bare)} | {shown(ours)} | {o / b:.2f}× |")
    print()
    print(f"Per-turn p50 by position in the {LONG_TURNS}-turn conversation "
          f"(turns 1-{len(SCRIPT)} are the interview, then {', '.join(AFTER_SCRIPT)} again "
          f"and again):")
    print("| turns | bare Rasa | safetyplan |")
    print("|---|---|---|")
    for start in range(0, LONG_TURNS, BLOCK):
        block = slice(start, start + BLOCK)
        print(f"| {start + 1}-{start + BLOCK} | {ms(statistics.median(bare_long[block]))}"
              f" | {ms(statistics.median(our_long[block]))} |")
    print()
    print(f"turns per interview: {ours.turns_1} (safetyplan), {bare.turns_1} (bare Rasa); "
          f"{ours.turns_n} and {bare.turns_n} turns at {CONCURRENT} users; "
          f"safetyplan's plan finished: {ours.finished}")
    print()
    print("Against issue 16's targets (ratios in this run):")
    values = dataclasses_asdict(bare), dataclasses_asdict(ours)
    for label, key, sense, target in TARGETS:
        ratio = values[1][key] / values[0][key]
        met = ratio <= target if sense == "<=" else ratio >= target
        print(f"  {label}: {ratio:.2f}× (target {sense} {target}×) {'met' if met else 'NOT met'}")
    growth = ours.late / ours.early
    print(f"  turn {LATE} / turn {EARLY} (safetyplan, p50): {growth:.2f}× "
          f"(target <= {FLAT_TARGET}×) {'met' if growth <= FLAT_TARGET else 'NOT met'}"
          f"; bare Rasa {bare.late / bare.early:.2f}×")


def dataclasses_asdict(figures: Figures) -> dict[str, float]:
    import dataclasses

    return {k: float(v) for k, v in dataclasses.asdict(figures).items()}


PHASES = ("one", "many", "long")


def compare(phases: tuple[str, ...] = PHASES) -> None:
    print(f"Machine: {machine()}")
    print(f"Load average at start (1/5/15 min): {load()}")
    started = time.monotonic()
    with bare_rasa() as bare_url, project() as our_url:
        servers = [Measured("bare Rasa", bare_url), Measured("safetyplan", our_url)]
        # The servers take turns phase by phase, so a change in the machine's other
        # load falls on both.
        for name, phase, what in (
            ("warm", "warm_up", "warming up"),
            ("one", "one_user", "1 conversation"),
            ("many", "many_users", f"{CONCURRENT} conversations at once"),
            ("long", "long_conversation", f"one {LONG_TURNS}-turn conversation"),
        ):
            if name != "warm" and name not in phases:
                continue
            for server in servers:
                print(f"  {server.name}: {what}...", flush=True)
                getattr(server, phase)()
    print(f"Load average at end (1/5/15 min): {load()}; took {time.monotonic() - started:.0f} s")
    if phases != PHASES:
        for server in servers:
            if server.single:
                print(f"{server.name}, 1 user: p50 {ms(percentile(server.single, 0.5))}, "
                      f"p95 {ms(percentile(server.single, 0.95))}")
            if server.concurrent:
                print(f"{server.name}, {CONCURRENT} users: p50 "
                      f"{ms(percentile(server.concurrent, 0.5))}, p95 "
                      f"{ms(percentile(server.concurrent, 0.95))}, {server.rate:.1f} msg/s")
        return
    report(servers[0].figures(), servers[1].figures(), servers[0].long, servers[1].long)


def run(url: str) -> None:
    times, final = interview(url, "bench-" + secrets.token_hex(6))
    print(f"turns (messages a family member sends): {len(times)}")
    print(f"reply time: median {ms(percentile(times, 0.5))}, 95th percentile "
          f"{ms(percentile(times, 0.95))}, slowest {ms(max(times))}")
    print("plan finished:", "draft plan is ready" in final.lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server's REST webhook: one interview, no baseline")
    parser.add_argument(
        "--phases", default=",".join(PHASES),
        help="some of one,many,long (default all; the comparison table needs all three)",
    )
    args = parser.parse_args()
    if args.url:
        run(args.url)
    else:
        phases = tuple(p for p in PHASES if p in args.phases.split(","))
        compare(phases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
