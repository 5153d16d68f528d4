"""Blind batches of answers and commands, scored through the running bot.

A batch (tests/data/commands_blind/<date>_<name>.yml) is written by someone who
has not read the code, briefed only with personas and the questions being
asked. Each item is a message typed at one question, with what it is: an
answer (`expect: none`) or a command (stop, go_back, skip, help, restart,
review, export). Every item is sent through the REST channel at its question
of a real interview, and the bot's reaction is read from its reply as the
person would see it:

- "answer": taken as the answer (saved, or asked again about the answer itself);
- a command: "stop", "go_back", "skip", "help", "example", "restart",
  "review", "export" (documents or the meeting pack), "chitchat";
- "question": a question about the chat ("who else gets to read this") answered,
  and the question asked again (not a command; nothing saved);
- "confirm": the bot asked whether they meant the command ("Do you want to
  stop for now?"), keeping what was typed;
- "urgent" (the 999 reply) or "check" (is someone in danger now?).

Between items the conversation is brought back to the question (button
payloads and "hello" after a stop); when that fails a fresh conversation is
walked there. Only item indexes are reported, never the text.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.interview.catalogue import catalogue
from bot.interview.process_questions import all_answers
from bot.safety.messages import HELP_OR_DANGER
from tests.support.walk import Chat, Reply, Walker, is_urgent_reply, texts

ROOT = Path(__file__).resolve().parents[2]
BLIND_DIR = ROOT / "tests" / "data" / "commands_blind"

# The batch's question names -> the interview question (slot) they are sent at.
# "timeline" has no question of its own: the nearest is the case-closure date
# ("when could children's services stop being involved?").
QUESTIONS: dict[str, str] = {
    "worries": "harm",
    "behaviour": "danger_behaviour",
    "goal": "goal_happening",
    "going_well": "rule_going_well",
    "triggers": "rule_triggers",
    "warning_signs": "rule_red_flags",
    "who_does_what": "rule_who_does_what",
    "score_up": "scale_higher",
    "score_reason": "scale_reason",
    "step": "step_what",
    "network": "supporters",
    "timeline": "closure_date",
}
COMMANDS = ("stop", "go_back", "skip", "help", "restart", "review", "export")
# A slot of its own for "did you mean the command?", should it ever have one.
CONFIRM_SLOT = "command_confirm"
PARALLEL_SEATS = 3

_STOP = re.compile(
    r"Your answers are saved\. To carry on later|Saved\. Say hello when|Nothing has been kept|"
    r"We've stopped for now"
)
# After "go back", skipping leaves the earlier answer as it was.
_SKIP = re.compile(
    r"I've noted it as something to come back to|Noted as still to do|I've left that as it was"
)
_BACK = re.compile(r"Let's go back|nothing to go back to")
_EXPORT = re.compile(
    r"Each link works once|no plan to download yet|The meeting pack|as a Word document"
)
_RESTART = re.compile(r"so I can't clear it")
_CHITCHAT = re.compile(
    r"^(Hello again\.|You're welcome\.|I'm a computer program|I can only help with writing)"
)
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
REVIEW_INTRO = "Here is the plan so far."


@lru_cache(maxsize=1)
def _helps() -> list[re.Pattern[str]]:
    found = []
    for spec in catalogue().values():
        for text in {spec.help.family, spec.help.worker}:
            parts = [p for p in _PLACEHOLDER.split(text) if p]
            if parts:
                found.append(re.compile(r"[\s\S]*?".join(re.escape(p) for p in parts)))
    return found


def _is_help(reply: Reply) -> bool:
    words = texts(reply)
    return any(p.search(words) for p in _helps())


@lru_cache(maxsize=1)
def _confirm_questions() -> tuple[str, ...]:
    """The bot's "did you mean the command?" questions (none before they existed)."""
    path = ROOT / "bot" / "interview" / "commands.yml"
    if not path.exists():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: list[str] = []
    for spec in (data.get("commands") or {}).values():
        for text in (spec.get("confirm") or {}).values():
            found.append(str(text))
    return tuple(found)


def asks_to_confirm(reply: Reply) -> bool:
    words = texts(reply)
    return any(question in words for question in _confirm_questions())


_PROCESS_ANSWERS = all_answers()


def classify(reply: Reply, slot: str | None, target: str | None = None) -> str:
    """What the bot did with a message sent at `target`, from its reply and the question
    it now asks.

    Only the bot's first words count for help and going back: a question asked
    again after "go back" starts "Let's go back", whatever came before it.
    """
    words = texts(reply)
    first = next((m.get("text") or "" for m in reply if m.get("text")), "")
    if is_urgent_reply(reply):
        return "urgent"
    if HELP_OR_DANGER in words:
        # "Help with this question, or is someone in danger?": asked, not assumed.
        return "confirm"
    if slot == "check_danger":
        return "check"
    if slot == CONFIRM_SLOT or asks_to_confirm(reply):
        return "confirm"
    if any(first.startswith(told) for told in _PROCESS_ANSWERS):
        # A question about the chat ("who else gets to read this"), answered, and the
        # question asked again: nothing saved, no command run.
        return "question"
    if _STOP.search(words):
        return "stop"
    if _SKIP.search(words):
        return "skip"
    if slot == "restart_confirm" or _RESTART.search(words):
        return "restart"
    if slot in ("review_pick", "review_item") or first.startswith(REVIEW_INTRO):
        # The review, asked for. (After the last question's answer the review is
        # the next question: that is the answer taken, with the review after it.)
        return "review"
    if _EXPORT.search(words) or any(m.get("custom") for m in reply):
        return "export"
    if first.startswith("For example") or first.startswith("You could"):
        return "example"
    if _CHITCHAT.search(first):
        return "chitchat"
    if _is_help([{"text": first}]):
        return "help"
    if _BACK.search(first) and (target is None or slot != target):
        return "go_back"
    return "answer"


@dataclass(frozen=True)
class Item:
    index: int
    text: str
    question: str
    expect: str  # "none" (an answer) or a command
    register: str


@dataclass(frozen=True)
class Batch:
    name: str
    path: Path
    status: str
    items: tuple[Item, ...]


def load_batch(path: Path) -> Batch:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = tuple(
        Item(i, str(raw["text"]), str(raw["question"]), str(raw["expect"]),
             str(raw.get("register") or ""))
        for i, raw in enumerate(data["items"])
    )
    return Batch(path.stem, path, str(data.get("status") or "blind"), items)


def batches(directory: Path = BLIND_DIR) -> list[Batch]:
    return [load_batch(p) for p in sorted(directory.glob("*.yml"))]


@dataclass
class Tally:
    answers: int = 0
    commands: int = 0
    answers_as_commands: list[int] = field(default_factory=list)  # the target: none
    answers_confirmed: list[int] = field(default_factory=list)  # asked "did you mean...?"
    answers_alarmed: list[int] = field(default_factory=list)  # 999 or the check
    commands_missed: list[int] = field(default_factory=list)  # taken as an answer
    commands_wrong: list[int] = field(default_factory=list)  # another command
    commands_confirmed: list[int] = field(default_factory=list)
    reactions: dict[int, str] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.answers += other.answers
        self.commands += other.commands
        for name in ("answers_as_commands", "answers_confirmed", "answers_alarmed",
                     "commands_missed", "commands_wrong", "commands_confirmed"):
            getattr(self, name).extend(getattr(other, name))
        self.reactions.update(other.reactions)


@dataclass
class Result:
    batch: str
    per_question: dict[str, Tally]
    seconds: float = 0.0

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.per_question.values():
            total.add(tally)
        return total

    def failures(self) -> list[str]:
        """The target of issue 14: no answer is ever taken as a command."""
        t = self.total
        if t.answers_as_commands:
            return [f"{self.batch}: answers taken as commands {sorted(t.answers_as_commands)}"]
        return []

    def table(self) -> list[str]:
        lines = [
            f"{self.batch} ({self.seconds:.0f} s)",
            "| question | answers | answers taken as commands | answers asked to confirm "
            "| commands | commands missed | commands asked to confirm | other command |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, t in list(self.per_question.items()) + [("all", self.total)]:
            lines.append(
                f"| {name} | {t.answers} | {len(t.answers_as_commands)} "
                f"| {len(t.answers_confirmed)} | {t.commands} | {len(t.commands_missed)} "
                f"| {len(t.commands_confirmed)} | {len(t.commands_wrong)} |"
            )
        t = self.total
        lines.append(f"  answers taken as commands: {sorted(t.answers_as_commands)}")
        lines.append(f"  answers asked to confirm: {sorted(t.answers_confirmed)}")
        lines.append(f"  answers given 999 or the check: {sorted(t.answers_alarmed)}")
        lines.append(f"  commands missed: {sorted(t.commands_missed)}")
        lines.append(f"  commands asked to confirm: {sorted(t.commands_confirmed)}")
        lines.append(f"  commands taken as another: {sorted(t.commands_wrong)}")
        return lines

    def summary_row(self, when: str, n: int, note: str = "") -> str:
        t = self.total
        per = ", ".join(
            f"{name} {len(c.answers_as_commands)}/{len(c.commands_missed)}/"
            f"{len(c.commands_confirmed)}"
            for name, c in self.per_question.items()
        )
        return (
            f"| {self.batch} | {when} | {n} ({t.answers} answers, {t.commands} commands) "
            f"| {len(t.answers_as_commands)} | {len(t.commands_missed)} "
            f"| {len(t.commands_confirmed)} | {len(t.answers_confirmed)} "
            f"| {len(t.commands_wrong)} | {per} | {note} |"
        )


class _Seat:
    """One conversation kept at one question, replaced when it cannot be brought back."""

    def __init__(self, chat: Chat, slot: str, per_conversation: int = 20) -> None:
        self.chat = chat
        self.slot = slot
        self.per_conversation = per_conversation
        self.walker: Walker | None = None
        self.used = 0

    def _fresh(self) -> Walker:
        walker = Walker(self.chat, f"commands-blind-{secrets.token_hex(6)}", "family")
        walker.start()
        walker.to(self.slot)
        self.used = 0
        return walker

    def _back(self, walker: Walker) -> bool:
        for _ in range(6):
            slot = walker.slot
            if asks_to_confirm(walker.last):
                # "No, that was my answer": what was typed is kept, then back again.
                walker.say("/deny")
                continue
            if slot == self.slot:
                return True
            if slot is None:
                walker.say("hello")
            elif slot == "resume":
                walker.say("carry on")
            elif slot == "danger_now":
                walker.say("no")
            elif slot in ("safe_to_continue", "review"):
                walker.say("/affirm")
            elif slot in ("check_danger", "restart_confirm", CONFIRM_SLOT):
                walker.say("/deny")
            else:
                walker.say("/go_back")
        return walker.slot == self.slot

    def walker_at_question(self) -> Walker:
        if self.walker is None or self.used >= self.per_conversation or not self._back(
            self.walker
        ):
            self.walker = self._fresh()
        self.used += 1
        return self.walker


def score_batch(
    chat: Chat, batch: Batch, progress: Callable[[int, int], None] | None = None
) -> Result:
    started = time.monotonic()
    per_question = {name: Tally() for name in QUESTIONS}
    by_question: dict[str, list[Item]] = {name: [] for name in QUESTIONS}
    for item in batch.items:
        by_question[item.question].append(item)
    done = [0]

    def run(name: str) -> None:
        seat = _Seat(chat, QUESTIONS[name])
        t = per_question[name]
        for item in by_question[name]:
            walker = seat.walker_at_question()
            reply = walker.say(item.text)
            reaction = classify(reply, walker.slot, seat.slot)
            t.reactions[item.index] = reaction
            if item.expect == "none":
                t.answers += 1
                if reaction == "confirm":
                    t.answers_confirmed.append(item.index)
                elif reaction in ("urgent", "check"):
                    t.answers_alarmed.append(item.index)
                elif reaction not in ("answer", "question"):
                    t.answers_as_commands.append(item.index)
            else:
                t.commands += 1
                if reaction == "confirm":
                    t.commands_confirmed.append(item.index)
                elif reaction in ("answer", "urgent", "check", "question"):
                    t.commands_missed.append(item.index)
                elif reaction != item.expect:
                    t.commands_wrong.append(item.index)
            done[0] += 1
            if progress is not None:
                progress(done[0], len(batch.items))

    with ThreadPoolExecutor(max_workers=PARALLEL_SEATS) as pool:
        for future in [pool.submit(run, name) for name in QUESTIONS]:
            future.result()
    return Result(batch.name, per_question, time.monotonic() - started)
