"""The fidelity corpus of issue 14: whole conversations, driven through the REST channel,
and the facts each should leave in the plan, checked against the plan's JSON export.

A corpus file (tests/fidelity/*.yml, format in docs/fidelity-evaluation.md) holds
conversations written by people who have not read the code: a persona, the
answers to the interview's questions (per worry and per step for those
questions) and `expect`, the facts a careful reader would expect the plan to
hold. `drive` answers whichever question the bot asks (identified from its
wording, tests.support.walk.asked_slot) with the persona's answer for it, stops
at the review and returns the plan's JSON (exporters.json_plan.plan_to_dict).
`check` compares `expect` with that JSON, fact by fact: right, missing or wrong
(a wrong value, or attached to the wrong person), and finds answers lost (typed,
and nowhere in the plan).

Results name facts by kind and number ("people/2", "phone/1", "lost/worries/1/harm"),
never by what was typed, so a blind batch can be scored without printing it.
"""

from __future__ import annotations

import re
import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.safety.messages import FIRST_LINE
from tests.support.walk import Chat, Reply, asked_slot, texts

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = ROOT / "tests" / "fidelity"
KNOWN_GAPS = CORPUS_DIR / "known_gaps.yml"

PlanJson = dict[str, Any]

# Questions asked once per worry, and once per step.
WORRY_SLOTS = frozenset({
    "danger_who", "danger_behaviour", "danger_impact", "goal_happening", "goal_who",
    "goal_duration", "scale_score", "scale_reason", "scale_higher", "scale_others",
    "rule_going_well", "rule_triggers", "rule_red_flags", "rule_who_does_what",
})
STEP_SLOTS = frozenset({"step_what", "step_who", "step_when"})
# "Anyone else?" after the first answer: the persona has said everyone.
LIST_SLOTS = frozenset({"supporters", "professionals"})
# The opening, before the interview proper: not counted in turns per answer.
OPENING = frozenset({"danger_now", "user_role", "consent"})
# Questions the persona never answers from the file.
FIXED: dict[str, str] = {
    "danger_now": "no",
    "consent": "yes",
    "resume": "carry on",
    "check_danger": "no, it's about before",
    "safe_to_continue": "yes I'm safe",
    "restart_confirm": "no",
    "scale_others": "no",
    "danger_check": "yes",
    "goal_check": "yes",
}
ROLE_CHOICE = {"family": '/choose{"choice": "family"}', "worker": '/choose{"choice": "worker"}'}
DONT_KNOW = "I don't know"
SKIP = "skip"
NOT_A_PERSON = "no, that's not a person"
# Answers that mean "nothing to say": never counted as lost.
SKIP_ANSWERS = frozenset({
    "dunno", "i dont know", "i don't know", "idk", "not sure", "skip", "no", "none", "n a",
    "nothing", "pass", "no idea", "dont know", "don't know", "no one", "nobody", "not yet",
})
# Free-text answers whose words the plan keeps: a 3-word span of each must be somewhere
# in the plan. (Names, yes/no, scores and dates become structure: checked as facts.)
KEPT_AS_TEXT = frozenset({
    "strengths", "existing_safety", "safety_how_long", "harm", "complicating", "needs",
    "danger_who", "danger_behaviour", "danger_impact", "goal_happening", "goal_who",
    "goal_duration", "scale_reason", "scale_higher", "rule_going_well", "rule_triggers",
    "rule_red_flags", "rule_who_does_what", "step_what",
})
MAX_TURNS = 160  # per conversation
RESTART = "hi"  # said when the interview stopped asking, to carry on
MAX_RESTARTS = 3
STUCK_AFTER = 3  # the same question this many times in a row
GIVE_UP_AFTER = 6  # ... and this many: the conversation cannot go on


# -- the corpus --------------------------------------------------------------------------


@dataclass(frozen=True)
class Conversation:
    id: str
    persona: str
    role: str
    answers: dict[str, Any]
    worries: tuple[dict[str, Any], ...]
    steps: tuple[dict[str, Any], ...]
    expect: dict[str, Any]

    @property
    def n_answers(self) -> int:
        """How many answers the file gives: the questions the persona had to answer."""
        given = [v for k, v in self.answers.items() if k not in ("worries", "steps")]
        for group in (*self.worries, *self.steps):
            given.extend(group.values())
        return sum(1 for v in given if v is not None and str(v).strip())

    def typed(self, slot: str, scope: int) -> str | None:
        """The persona's answer to a question (for worry or step number `scope`, from 0)."""
        if slot in WORRY_SLOTS:
            source = self.worries[scope] if scope < len(self.worries) else {}
        elif slot in STEP_SLOTS:
            source = self.steps[scope] if scope < len(self.steps) else {}
        else:
            source = self.answers
        value = source.get(slot)
        return None if value is None or not str(value).strip() else str(value)


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path
    status: str
    conversations: tuple[Conversation, ...]
    # The day the conversations were written ("in two weeks" is read from it), YYYY-MM-DD.
    written: str | None = None


def load_corpus(path: Path) -> Corpus:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations = []
    for raw in data["conversations"]:
        answers = dict(raw.get("answers") or {})
        conversations.append(Conversation(
            id=str(raw["id"]),
            persona=str(raw.get("persona") or ""),
            role=str(raw.get("role") or "family"),
            answers=answers,
            worries=tuple(dict(w or {}) for w in answers.get("worries") or []),
            steps=tuple(dict(s or {}) for s in answers.get("steps") or []),
            expect=dict(raw.get("expect") or {}),
        ))
    ids = Counter(c.id for c in conversations)
    repeated = [i for i, n in ids.items() if n > 1]
    if repeated:
        raise ValueError(f"{path.name}: conversation ids used twice: {repeated}")
    written = str(data.get("written") or "").strip() or None
    return Corpus(path.stem, path, str(data.get("status") or "blind"), tuple(conversations),
                  written)


def corpora(directory: Path = CORPUS_DIR, status: str | None = None) -> list[Corpus]:
    found = [load_corpus(p) for p in sorted(directory.glob("*.yml")) if p != KNOWN_GAPS]
    return [c for c in found if status is None or c.status == status]


# -- driving one conversation ----------------------------------------------------------


@dataclass
class Turn:
    slot: str | None  # the question answered
    scope: int
    said: str
    reply: str


@dataclass
class Run:
    conversation: Conversation
    sender: str
    turns: list[Turn] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)  # "stuck at <slot>", in order
    urgent: list[str] = field(default_factory=list)  # questions answered with the 999 reply
    # The interview stopped asking before the review (an answer read as "stop", say):
    # the question after which it did. The harness says "hi" to carry on.
    ended: list[str] = field(default_factory=list)
    error: str | None = None  # the review was not reached
    plan: PlanJson | None = None
    seconds: float = 0.0

    @property
    def bot_turns(self) -> int:
        """Messages sent in the interview proper (after the opening), up to the review."""
        return sum(1 for t in self.turns if t.slot not in OPENING)

    def sent(self) -> Iterator[Turn]:
        """The persona's own answers from the file, as sent (not the harness's fillers)."""
        return (t for t in self.turns if t.slot is not None and t.said == self.conversation.typed(
            t.slot, t.scope))


class Persona:
    """Chooses what to send for each question the bot asks."""

    def __init__(self, conversation: Conversation) -> None:
        self.c = conversation
        self.worry = 0
        self.step = 0
        self.used: Counter[tuple[str, int]] = Counter()
        self.previous: str | None = None
        self.decided: dict[str, str] = {}

    def scope(self, slot: str) -> int:
        return self.worry if slot in WORRY_SLOTS else self.step if slot in STEP_SLOTS else 0

    def answer(self, slot: str, reply: Reply) -> str:
        again = self.previous == slot
        self.previous = slot
        if slot == "user_role":
            return ROLE_CHOICE.get(self.c.role, ROLE_CHOICE["family"])
        if slot in FIXED:
            return FIXED[slot]
        if slot in ("more_pairs", "more_steps"):
            if again:  # the yes or no was not taken: say it again
                return self.decided.get(slot, "no")
            if slot == "more_pairs":
                more = self.worry + 1 < len(self.c.worries)
                self.worry += more
            else:
                more = self.step + 1 < len(self.c.steps)
                self.step += more
            self.decided[slot] = "yes" if more else "no"
            return self.decided[slot]
        if slot == "add_person":
            names = _pending_names(reply)
            avoid = [str(w).casefold() for w in self.c.expect.get("not_people") or []]
            if any(w in n.casefold() or n.casefold() in w for n in names for w in avoid):
                return NOT_A_PERSON
            return "yes"
        key = (slot, self.scope(slot))
        self.used[key] += 1
        if self.used[key] > 1:
            # Asked again: the first answer was the persona's one answer ("anyone else?"
            # for a list; otherwise the bot did not take it).
            return "no" if slot in LIST_SLOTS else DONT_KNOW
        return self.c.typed(slot, key[1]) or DONT_KNOW

_PENDING = re.compile(r"^(?P<names>.+?) (?:isn't|aren't) (?:on your list|in the safety network)",
                      re.MULTILINE)


def _pending_names(reply: Reply) -> list[str]:
    match = _PENDING.search(texts(reply))
    if not match:
        return []
    return [n.strip() for n in re.split(r",\s*|\s+and\s+", match.group("names")) if n.strip()]


def _is_read_back(reply: Reply) -> bool:
    """A question the catalogue does not know that checks what was understood."""
    last = next((m.get("text") or "" for m in reversed(reply) if m.get("text")), "")
    return "is that right?" in last.casefold()


def _alarm(reply: Reply) -> bool:
    """The urgent path's reply. Not just "999" anywhere: a plan rule the persona typed
    ("I ring the police on 999") is read back in the review in their words."""
    return FIRST_LINE in texts(reply)


def _asked_again(reply: Reply, run: Run) -> str | None:
    """The last question asked again in other words ("Please say yes or no: ..."),
    or a check on what the last answer meant ("Do you want to leave this question
    for now?"): a question the catalogue's wording does not name."""
    last = next((m.get("text") or "" for m in reversed(reply) if m.get("text")), "")
    previous = run.turns[-1].slot if run.turns else None
    if previous is None or "?" not in last:
        return None
    return previous


def _answer_again(reply: Reply, typed: str) -> str | None:
    """What a person says when asked again: the yes or no they meant, or "no" when
    asked whether their answer was a command."""
    last = next((m.get("text") or "" for m in reversed(reply) if m.get("text")), "").casefold()
    if "yes or no" in last:
        first = (typed.split() or [""])[0].strip(";,.:!-").casefold()
        return first if first in ("yes", "no") else DONT_KNOW
    if last.startswith(("do you want", "did you mean", "shall i")):
        return "no"  # they were answering the question, not asking for a command
    return None


def drive(chat: Chat, conversation: Conversation, plan_of: Callable[[str], PlanJson | None],
          sender: str | None = None, max_turns: int = MAX_TURNS) -> Run:
    """Talk the conversation through to the review; the plan's JSON is then read."""
    run = Run(conversation, sender or f"fidelity-{secrets.token_hex(8)}")
    started = time.monotonic()
    persona = Persona(conversation)
    reply = chat.say(run.sender, "hi")
    in_a_row = 0
    last: tuple[str | None, int] | None = None
    while True:
        slot = asked_slot(reply)
        if slot == "review":
            break
        if len(run.turns) >= max_turns:
            run.error = f"no review after {max_turns} messages (last asked: {slot})"
            break
        again = _asked_again(reply, run) if slot is None and not _is_read_back(reply) else None
        if again is not None:
            said = _answer_again(reply, run.turns[-1].said) or persona.answer(again, reply)
            if said:
                reply = chat.say(run.sender, said)
                if _alarm(reply):
                    run.urgent.append(again)
                run.turns.append(Turn(again, persona.scope(again), said, texts(reply)))
                continue
        if slot is None and not _is_read_back(reply):
            after = str(run.turns[-1].slot if run.turns else "hi")
            if len(run.ended) >= MAX_RESTARTS or (run.turns and run.turns[-1].said == RESTART):
                run.error = f"no question asked after {after}"
                break
            run.ended.append(after)
            reply = chat.say(run.sender, RESTART)
            run.turns.append(Turn(None, 0, RESTART, texts(reply)))
            continue
        scope = persona.scope(slot) if slot else 0
        in_a_row = in_a_row + 1 if (slot, scope) == last else 1
        last = (slot, scope)
        if in_a_row >= GIVE_UP_AFTER:
            run.error = f"stuck at {slot}: asked {in_a_row} times in a row"
            break
        if slot is None:
            message = "yes"  # a read-back: "Is that right?"
        elif in_a_row >= STUCK_AFTER and slot not in OPENING:
            if in_a_row == STUCK_AFTER:
                run.stuck.append(f"stuck at {slot}")
            message = SKIP if in_a_row == STUCK_AFTER else DONT_KNOW
            persona.previous = slot
        else:
            message = persona.answer(slot, reply)
        reply = chat.say(run.sender, message)
        if _alarm(reply):
            run.urgent.append(str(slot))
        run.turns.append(Turn(slot, scope, message, texts(reply)))
    run.plan = plan_of(run.sender)
    if run.plan is None and run.error is None:
        run.error = "no plan saved"
    run.seconds = time.monotonic() - started
    return run


def database_plans(database_url: str) -> Callable[[str], PlanJson | None]:
    """Reads a conversation's plan from the servers' database, as its JSON export.
    (This process must hold the servers' encryption keys: SAFETYPLAN_ENCRYPTION_KEYS.)"""
    from bot.storage.unit_of_work import SqlUnitOfWork
    from exporters.json_plan import plan_to_dict

    def plan_of(sender: str) -> PlanJson | None:
        with SqlUnitOfWork(database_url) as uow:
            conversation = uow.conversations.get(sender)
            if conversation is None or conversation.plan is None:
                return None
            return plan_to_dict(conversation.plan)

    return plan_of


# -- checking the facts --------------------------------------------------------------------

RIGHT, MISSING, WRONG = "right", "missing", "wrong"
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "nan", "aunty", "auntie", "uncle"})
_PHONE = re.compile(r"(?:\+\s?44\s?\(?0?\)?|\b0)(?:[\s-]?\d){9,10}\b")


@dataclass(frozen=True)
class Fact:
    id: str  # kind/number, e.g. "people/2"; never the typed text
    status: str
    why: str = ""  # may quote names and plan values: shown only with --show
    wrong_person: bool = False

    @property
    def right(self) -> bool:
        return self.status == RIGHT


class _Problems:
    """What differs in one fact: a value absent (missing) or a different one (wrong)."""

    def __init__(self) -> None:
        self.items: list[tuple[bool, str]] = []

    def add(self, absent: bool, why: str) -> None:
        self.items.append((absent, why))

    def fact(self, fid: str, about: str, wrong_person: bool = False) -> Fact:
        if not self.items:
            return Fact(fid, RIGHT)
        status = MISSING if all(absent for absent, _ in self.items) else WRONG
        return Fact(fid, status, f"{about}: " + "; ".join(w for _, w in self.items), wrong_person)


def _value(value: Any) -> Any:
    """An expected value as the JSON has it: an unquoted YAML date as ISO text, an age
    written "7" as 7."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _name_key(name: str) -> tuple[str, str]:
    """(the whole name, its first word after any title), case-folded."""
    words = re.sub(r"[^\w\s'-]", " ", name.casefold()).split()
    core = [w for w in words if w not in _TITLES] or words
    return " ".join(words), (core[0] if core else "")


def same_person(expected: str, actual: str | None) -> bool:
    """Matched case-insensitively on the full name or the first name."""
    if not actual:
        return False
    (full_e, first_e), (full_a, first_a) = _name_key(expected), _name_key(actual)
    return bool(full_e) and (full_e == full_a or first_e == first_a)


def digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def phone_numbers(text: str | None) -> list[str]:
    """UK phone numbers in a text, as digits from the leading 0."""
    found = []
    for match in _PHONE.finditer(text or ""):
        number = digits(match.group())
        if number.startswith("44"):
            number = "0" + number[2:]
        found.append(number)
    return found


def _words_in(words: Iterable[str], text: str | None) -> bool:
    folded = _fold(text or "")
    return all(_fold(str(w)) in folded for w in words)


def _writer_names(plan: PlanJson) -> list[str]:
    return [*plan.get("written_with", []), "Family member", "Worker"]


def _is_writer(name: str | None, plan: PlanJson) -> bool:
    if name and _fold(name) in ("me", "i", "myself"):
        return True
    return any(same_person(w, name) for w in plan.get("written_with", [])) or _fold(
        name or "") in ("family member", "worker")


def _check_children(expect: list[dict[str, Any]], plan: PlanJson) -> Iterator[Fact]:
    for i, child in enumerate(expect, 1):
        name = str(child.get("name") or "")
        found = [c for c in plan["children"] if _fold(c["first_name"]) == _fold(name)]
        if not found:
            yield Fact(f"children/{i}", MISSING, f"no child {name}")
            continue
        want, got = _value(child.get("age")), found[0]["age"]
        problems = _Problems()
        if want != got:
            problems.add(got is None, f"age {got}, not {want}")
        yield problems.fact(f"children/{i}", name)


def _check_people(expect: list[dict[str, Any]], plan: PlanJson) -> Iterator[Fact]:
    for i, person in enumerate(expect, 1):
        name = str(person.get("name") or "")
        exact = [p for p in plan["people"] if _name_key(p["name"])[0] == _name_key(name)[0]]
        found = exact or [p for p in plan["people"] if same_person(name, p["name"])]
        if not found:
            yield Fact(f"people/{i}", MISSING, f"no person {name}")
            continue
        got = found[0]
        problems = _Problems()
        words = [str(w) for w in person.get("relationship") or []]
        if words and not any(_fold(w) in _fold(got["relationship"] or "") for w in words):
            problems.add(not got["relationship"],
                         f"relationship {got['relationship']!r}, not one of {words}")
        if "professional" in person and person["professional"] is not None \
                and bool(person["professional"]) != bool(got["is_professional"]):
            problems.add(False, f"professional {got['is_professional']}, "
                                f"not {person['professional']}")
        want = phone_numbers(str(person["phone"])) if person.get("phone") else []
        have = phone_numbers(got["contact"])
        if have != want:
            problems.add(not have, f"phone {got['contact']!r}, not {person.get('phone')!r}")
        if len(found) > 1:
            problems.add(False, f"{len(found)} records: {[p['name'] for p in found]}")
        yield problems.fact(f"people/{i}", got["name"])


def _check_not_people(expect: list[str], plan: PlanJson) -> Iterator[Fact]:
    for i, word in enumerate(expect, 1):
        named = [p["name"] for p in plan["people"] if _fold(str(word)) in _fold(p["name"])]
        yield Fact(f"not_people/{i}", WRONG if named else RIGHT,
                   f"{word} is a person: {named}" if named else "")


def _who_does_what_rules(plan: PlanJson) -> list[dict[str, Any]]:
    return [r for pair in plan["pairs"] for r in pair["rules"] if r["kind"] == "who_does_what"]


def _check_who_does_what(expect: list[dict[str, Any]], plan: PlanJson) -> Iterator[Fact]:
    rules = _who_does_what_rules(plan)
    for i, item in enumerate(expect, 1):
        who = str(item.get("who") or "")
        words = [str(w) for w in item.get("action") or []]
        theirs = [r for r in rules if same_person(who, r["person_name"])]
        doing = [r for r in theirs if _words_in(words, r["action"])]
        fid = f"who_does_what/{i}"
        if not doing:
            elsewhere = [r for r in rules if not same_person(who, r["person_name"])
                         and _words_in(words, r["action"])]
            if elsewhere and elsewhere[0]["person_name"]:
                yield Fact(fid, WRONG, f"{who}'s action under {elsewhere[0]['person_name']}",
                           wrong_person=True)
            elif elsewhere:
                yield Fact(fid, WRONG, f"{who}'s action with no person: {elsewhere[0]['text']!r}")
            elif theirs:
                yield Fact(fid, WRONG, f"{who}: action {theirs[0]['action']!r} lacks {words}")
            else:
                yield Fact(fid, MISSING, f"no rule for {who}")
            continue
        rule = doing[0]
        want = phone_numbers(str(item["phone"])) if item.get("phone") else []
        have = phone_numbers(rule["contact"])
        problems = _Problems()
        if have != want:
            problems.add(not have, f"contact {rule['contact']!r}, not {item.get('phone')!r}")
        yield problems.fact(fid, who, wrong_person=bool(set(have) - set(want)))


def _phone_owners(expect: dict[str, Any]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for item in [*(expect.get("people") or []), *(expect.get("who_does_what") or [])]:
        name = str(item.get("name") or item.get("who") or "")
        for number in phone_numbers(str(item.get("phone") or "")):
            owners.setdefault(number, name)
    return owners


def _check_phones(expect: dict[str, Any], plan: PlanJson) -> Iterator[Fact]:
    """Each number given is printed under its own person only (never under another)."""
    holders = [(p["name"], p["contact"]) for p in plan["people"]]
    holders += [(r["person_name"], r["contact"]) for r in _who_does_what_rules(plan)]
    for i, (number, owner) in enumerate(_phone_owners(expect).items(), 1):
        under = sorted({name for name, contact in holders
                        if name and number in phone_numbers(contact)
                        and not same_person(owner, name)})
        yield Fact(f"phone/{i}", WRONG if under else RIGHT,
                   f"{owner}'s number under {under}" if under else "", wrong_person=bool(under))


def _check_steps(expect: list[dict[str, Any]], plan: PlanJson) -> Iterator[Fact]:
    for i, step in enumerate(expect, 1):
        words = [str(w) for w in step.get("what") or []]
        found = [s for s in plan["steps"] if _words_in(words, s["what"])]
        if not found:
            yield Fact(f"steps/{i}", MISSING, f"no step with {words}")
            continue
        got = found[0]
        problems = _Problems()
        who = step.get("who")
        if who:
            ok = _is_writer(got["who"], plan) if _fold(str(who)) == "me" else same_person(
                str(who), got["who"])
            if not ok:
                problems.add(not got["who"], f"who {got['who']!r}, not {who!r}")
        if _value(step.get("due")) != got["due"]:
            problems.add(got["due"] is None, f"due {got['due']}, not {step.get('due')}")
        yield problems.fact(f"steps/{i}", repr(got["what"]))


def _check_scores(expect: list[dict[str, Any]], plan: PlanJson) -> Iterator[Fact]:
    own = [s for pair in plan["pairs"] for s in pair["scores"] if s["meeting"] is None]
    taken: set[int] = set()
    for i, score in enumerate(expect, 1):
        who = str(score.get("who") or "me")
        match = next((k for k, s in enumerate(own) if k not in taken and (
            _is_writer(s["person_name"], plan) if _fold(who) == "me"
            else same_person(who, s["person_name"]))), None)
        if match is None:
            yield Fact(f"scores/{i}", MISSING, f"no score by {who}")
            continue
        taken.add(match)
        got = own[match]["value"]
        want = score.get("value")
        if want is None or float(got) != float(want):
            yield Fact(f"scores/{i}", WRONG, f"{who}: {got}, not {want}")
        else:
            yield Fact(f"scores/{i}", RIGHT)


def check_facts(expect: dict[str, Any], plan: PlanJson) -> list[Fact]:
    facts = [
        *_check_children(expect.get("children") or [], plan),
        *_check_people(expect.get("people") or [], plan),
        *_check_not_people(expect.get("not_people") or [], plan),
        *_check_who_does_what(expect.get("who_does_what") or [], plan),
        *_check_phones(expect, plan),
        *_check_steps(expect.get("steps") or [], plan),
        *_check_scores(expect.get("scores") or [], plan),
    ]
    if "closure" in expect:
        want, got = _value(expect.get("closure")), plan["target_closure_date"]
        facts.append(Fact("closure", RIGHT if want == got else MISSING if got is None else WRONG,
                          f"closure {got}, not {want}"))
    return facts


# -- answers lost ---------------------------------------------------------------------------

_LEFT_OUT = ("revisions", "urgent_flags", "open_questions")


def _plain(text: str) -> str:
    """Lower case, apostrophes dropped, anything else not a letter or digit a space."""
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"['’`]", "", text.casefold())).split())


def plan_text(plan: PlanJson) -> str:
    """Every string in the plan (not its change log or flags), plain, one line each."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(_plain(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _LEFT_OUT:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(plan)
    return "\n".join(found)


_CLAUSE = re.compile(r"[;\n/•|]+|[.!?]+(?:\s|$)")


def _spans(answer: str, n: int = 3) -> set[str]:
    """The answer's runs of `n` words, within a clause (a plan may keep clauses apart)."""
    out: set[str] = set()
    for clause in _CLAUSE.split(answer):
        words = _plain(clause).split()
        if len(words) < n:
            out |= {" ".join(words)} if words else set()
        else:
            out |= {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
    return out


def answer_id(turn: Turn) -> str:
    if turn.slot in WORRY_SLOTS:
        return f"lost/worries/{turn.scope + 1}/{turn.slot}"
    if turn.slot in STEP_SLOTS:
        return f"lost/steps/{turn.scope + 1}/{turn.slot}"
    return f"lost/{turn.slot}"


def lost_answers(run: Run) -> list[Fact]:
    """Typed answers kept as text of which no distinctive 3-word span is in the plan."""
    if run.plan is None:
        return []
    text = f"\n{plan_text(run.plan)}\n".replace("\n", " \n ")
    typed = [t for t in run.sent() if t.slot in KEPT_AS_TEXT and _plain(t.said) not in SKIP_ANSWERS
             and _plain(t.said)]
    spans = {id(t): _spans(t.said) for t in typed}
    lost = []
    seen: set[str] = set()
    for turn in typed:
        others = set().union(*(s for k, s in spans.items() if k != id(turn)))
        own = spans[id(turn)]
        distinctive = own - others or own
        if not any(f" {span} " in text for span in distinctive):
            fid = answer_id(turn)
            if fid not in seen:
                seen.add(fid)
                lost.append(Fact(fid, MISSING, f"{turn.slot}: {turn.said!r}"))
    return lost


# -- a conversation's result -------------------------------------------------------------


@dataclass
class Result:
    run: Run
    facts: list[Fact]
    lost: list[Fact]

    @property
    def id(self) -> str:
        return self.run.conversation.id

    def count(self, status: str) -> int:
        return sum(1 for f in self.facts if f.status == status)

    @property
    def wrong_person(self) -> list[Fact]:
        return [f for f in self.facts if f.wrong_person]

    @property
    def turns_per_answer(self) -> float:
        return self.run.bot_turns / max(1, self.run.conversation.n_answers)

    def not_right(self) -> dict[str, Fact]:
        """Every item a ratchet lists: facts not right, answers lost, stuck questions."""
        out = {f.id: f for f in self.facts if not f.right}
        out.update({f.id: f for f in self.lost})
        for slot in self.run.urgent:
            out[f"urgent/{slot}"] = Fact(f"urgent/{slot}", WRONG, f"the 999 reply at {slot}")
        for slot in self.run.ended:
            out[f"ended/{slot}"] = Fact(f"ended/{slot}", WRONG,
                                        f"the interview stopped asking after {slot}")
        for stuck in self.run.stuck:
            slot = stuck.removeprefix("stuck at ")
            out[f"stuck/{slot}"] = Fact(f"stuck/{slot}", WRONG, stuck)
        if self.run.error:
            out["harness"] = Fact("harness", WRONG, self.run.error)
        return out


def score(run: Run) -> Result:
    if run.plan is None:
        return Result(run, [], [])
    return Result(run, check_facts(run.conversation.expect, run.plan), lost_answers(run))


def run_all(chat: Chat, corpus: Corpus, plan_of: Callable[[str], PlanJson | None],
            seats: int = 3) -> list[Result]:
    """Every conversation of a corpus, `seats` at a time (the servers take turns)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, seats)) as pool:
        runs = list(pool.map(lambda c: drive(chat, c, plan_of), corpus.conversations))
    return [score(r) for r in runs]


# -- reports ------------------------------------------------------------------------------


@dataclass
class Totals:
    conversations: int = 0
    facts: int = 0
    right: int = 0
    missing: int = 0
    wrong: int = 0
    wrong_person: int = 0
    lost: int = 0
    stuck: int = 0
    ended: int = 0
    urgent: int = 0
    errors: int = 0
    bot_turns: int = 0
    answers: int = 0

    def add(self, result: Result) -> None:
        self.conversations += 1
        self.facts += len(result.facts)
        self.right += result.count(RIGHT)
        self.missing += result.count(MISSING)
        self.wrong += result.count(WRONG)
        self.wrong_person += len(result.wrong_person)
        self.lost += len(result.lost)
        self.stuck += len(result.run.stuck)
        self.ended += len(result.run.ended)
        self.urgent += len(result.run.urgent)
        self.errors += bool(result.run.error)
        self.bot_turns += result.run.bot_turns
        self.answers += result.run.conversation.n_answers

    @property
    def turns_per_answer(self) -> float:
        return self.bot_turns / max(1, self.answers)

    @property
    def right_share(self) -> float:
        return self.right / self.facts if self.facts else 0.0


def totals(results: Iterable[Result]) -> Totals:
    out = Totals()
    for result in results:
        out.add(result)
    return out


def line(result: Result) -> str:
    """One conversation's figures, without any typed text."""
    run = result.run
    parts = [
        f"{result.id} ({run.conversation.role}):",
        f"facts {result.count(RIGHT)}/{len(result.facts)} right,",
        f"{result.count(MISSING)} missing, {result.count(WRONG)} wrong;",
        f"wrong person {len(result.wrong_person)};",
        f"answers lost {len(result.lost)};",
        f"stuck {len(run.stuck)};",
        f"ended early {len(run.ended)}; 999 replies {len(run.urgent)};",
        f"turns/answer {result.turns_per_answer:.2f} "
        f"({run.bot_turns}/{run.conversation.n_answers});",
        f"{run.seconds:.0f} s",
    ]
    if run.error:
        parts.append(f"HARNESS: {run.error}")
    return " ".join(parts)


def details(result: Result, show: bool) -> list[str]:
    """The facts not right, by id; with `show`, why (names and plan values)."""
    out = []
    for fact in result.not_right().values():
        flag = " [wrong person]" if fact.wrong_person else ""
        out.append(f"  {fact.id}: {fact.status}{flag}" + (f" - {fact.why}" if show else ""))
    if result.run.stuck:
        out.append(f"  stuck: {', '.join(result.run.stuck)}")
    return out


TABLE_HEADER = (
    "| date | batch | status | conversations | facts right | missing | wrong | wrong person "
    "| answers lost | stuck | ended early | turns/answer (family) | turns/answer (all) | note |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def table_row(date: str, corpus: Corpus, results: list[Result], note: str = "") -> str:
    total = totals(results)
    family = totals(r for r in results if r.run.conversation.role == "family")
    family_tpa = f"{family.turns_per_answer:.2f}" if family.conversations else "-"
    return (
        f"| {date} | {corpus.name} | {corpus.status} | {total.conversations} "
        f"| {total.right}/{total.facts} ({total.right_share:.0%}) | {total.missing} "
        f"| {total.wrong} | {total.wrong_person} | {total.lost} | {total.stuck} | {total.ended} "
        f"| {family_tpa} | {total.turns_per_answer:.2f} | {note} |"
    )


# -- the ratchet ------------------------------------------------------------------------

# Never to be listed as a known gap unless the reason names issue 14.
STRICT = ("phone/", "lost/")


Gaps = dict[str, dict[str, str]]  # conversation id -> fact id -> why


def load_known_gaps(path: Path = KNOWN_GAPS) -> dict[str, Gaps]:
    """batch (the corpus file's stem) -> conversation id -> fact id -> why it is not right."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        str(batch): {str(c): {str(k): str(v) for k, v in (gaps or {}).items()}
                     for c, gaps in (conversations or {}).items()}
        for batch, conversations in data.items()
    }


def ratchet(results: list[Result], known: Gaps) -> list[str]:
    """What breaks the ratchet, for one batch: new gaps (regressions), listed gaps now
    right (their lines to delete), wrong-person facts and lost answers listed without an
    issue 14 reason, and lines for conversations the batch does not have."""
    problems = []
    for result in results:
        listed = known.get(result.id, {})
        now = result.not_right()
        for fid, fact in now.items():
            if fid not in listed:
                flag = " (wrong person)" if fact.wrong_person else ""
                problems.append(f"{result.id} {fid}: {fact.status}{flag}, not in known_gaps "
                                f"(a regression): {fact.why}")
            elif (fact.wrong_person or fid.startswith(STRICT)) and "issue 14" not in listed[fid]:
                problems.append(f"{result.id} {fid}: a wrong-person fact or a lost answer may "
                                "be listed only with an 'issue 14' reason")
        for fid in listed:
            if fid not in now:
                problems.append(f"{result.id} {fid}: now right; delete its line from "
                                f"{KNOWN_GAPS.relative_to(ROOT)}")
    ids = {r.id for r in results}
    problems += [f"{c}: in known_gaps but not in the batch" for c in known if c not in ids]
    return problems
