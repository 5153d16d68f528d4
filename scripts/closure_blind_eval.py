"""Closure dates read from answers to "when could children's services stop being involved?".

    .venv/bin/python scripts/closure_blind_eval.py [BATCH.yml ...] [--url REST_URL] [--show]

A batch (tests/data/closure_blind/, written by someone who has not read the
code) gives, for each answer, what a careful UK social worker would record: a
date, a month (any day in it), ask again, or accept "I don't know". Each
answer is typed at the closure question of a real interview (REST channel,
family or worker wording by who typed it) and the bot's reaction is read from
its reply. The batch's `today` must be the machine's date for spans ("in six
months") to be scored. Starts its own servers on free ports with a throwaway
database unless --url is given. --show prints the misread answers (only for a
batch already scored blind: it is development data from then on).

The worst misreading is a wrong date saved (a fact in the plan nobody chose);
asking again when the date was clear costs a turn.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BLIND_DIR = ROOT / "tests" / "data" / "closure_blind"
_SAVED = re.compile(r"the case could close by (\d{1,2} [A-Z][a-z]+ \d{4})")
SHOW = "--show" in sys.argv


def _reaction(reply: list[dict[str, Any]], slot: str | None) -> tuple[str, dt.date | None]:
    from tests.support.commands_blind import asks_to_confirm
    from tests.support.walk import is_urgent_reply, texts

    said = texts(reply)
    if is_urgent_reply(reply):
        return "urgent", None
    found = _SAVED.search(said)
    if found:
        return "date", dt.datetime.strptime(found.group(1), "%d %B %Y").date()
    if asks_to_confirm(reply):
        return "command_asked", None
    if slot in ("closure_date", None):
        # Asked again: the question itself, or a reason that ends in its own
        # question ("That date has already passed. What date did you mean?").
        return "ask", None
    return "moved_on", None


def _back(walker: Any) -> bool:
    """Bring the conversation back to the closure question after a reaction."""
    from tests.support.commands_blind import asks_to_confirm

    for _ in range(6):
        if walker.slot == "closure_date" and not asks_to_confirm(walker.last):
            return True
        if asks_to_confirm(walker.last) or walker.slot in ("check_danger", "restart_confirm"):
            walker.say("/deny")
        elif walker.slot == "safe_to_continue":
            walker.say("/affirm")
        elif walker.slot is None:
            walker.say("hello")
        elif walker.slot == "resume":
            walker.say("carry on")
        else:
            walker.say("/go_back")
    return walker.slot == "closure_date"


def _outcome(item: dict[str, Any], got: str, date: dt.date | None) -> str:
    expect = item["expect"]
    if got == "urgent":
        return "urgent reply"
    if expect in ("date", "month"):
        if got == "date" and date is not None:
            want = str(item.get("date") if expect == "date" else item["month"])
            return "right" if date.isoformat().startswith(want) else "wrong date saved"
        return "asked when clear" if got == "ask" else f"{got} when clear"
    if got == "date":
        return "date guessed" if expect == "ask" else "date saved for don't know"
    if expect == "ask":
        return "right" if got == "ask" else f"{got} when vague"
    return "right" if got == "moved_on" else f"{got} for don't know"


def _score(url: str, paths: list[Path], note: str) -> int:
    from tests.support.walk import RestChat, Walker

    chat = RestChat(url)
    for path in paths or sorted(BLIND_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        today = dt.date.fromisoformat(str(data["today"]))
        if today != dt.date.today():
            print(f"{path.stem}: written for {today}, today is {dt.date.today()}: spans "
                  "would be scored against the wrong day, so not scored")
            continue
        seats: dict[str, Walker] = {}
        outcomes: Counter[str] = Counter()
        by_kind: dict[str, list[int]] = {}
        for index, item in enumerate(data["items"]):
            role = "worker" if "worker" in str(item.get("who", "")).lower() else "family"
            walker = seats.get(role)
            if walker is None or not _back(walker):
                walker = Walker(chat, f"closure-blind-{secrets.token_hex(6)}", role)
                walker.start()
                walker.to("closure_date")
                seats[role] = walker
            reply = walker.say(str(item["text"]))
            got, date = _reaction(reply, walker.slot)
            if got == "ask":
                walker.slot = "closure_date"  # still asking, whatever its words
            outcome = _outcome(item, got, date)
            outcomes[outcome] += 1
            tally = by_kind.setdefault(item["expect"], [0, 0])
            tally[0] += outcome == "right"
            tally[1] += 1
            if SHOW and outcome != "right":
                print(f"  {outcome:26} #{index} expect {item['expect']} "
                      f"{item.get('date', item.get('month', ''))} got {got} {date or ''} "
                      f"{item['text']!r}")
        total = len(data["items"])
        print(f"{path.stem}: {outcomes['right']}/{total} right "
              f"({outcomes['right'] / total:.0%}) {note}")
        for kind, (right, n) in by_kind.items():
            print(f"  expect {kind:9} {right}/{n}")
        print("  " + "; ".join(f"{k} {v}" for k, v in sorted(outcomes.items()) if k != "right"))
    return 0


def main() -> int:
    from tests.support.eval_stack import main as run

    if SHOW:
        sys.argv.remove("--show")
    return run(__doc__, "safetyplan-closure-", _score)


if __name__ == "__main__":
    sys.exit(main())
