"""Talk a conversation through the interview to a chosen question, as a person would.

Which question the bot is asking is read from its reply (the question is the
last message, worded as in bot/interview/questions.yml), so the same walk works
against the test stack and against any running server, without its database.
Every answer is typed text a family member, a worker or a learner could send;
no answer is urgent and none contains the emergency number.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

from bot.interview.catalogue import catalogue

Reply = list[dict[str, Any]]


class Chat(Protocol):
    def say(self, sender: str, message: str) -> Reply: ...


class RestChat:
    """The REST channel of a running server (like tests.support.servers.Bot)."""

    def __init__(self, url: str, secret: str | None = None, timeout: float = 120.0) -> None:
        self.url = url
        self.timeout = timeout
        self.headers = {"Content-Type": "application/json"}
        if secret:
            # Outside development the channel needs the shared secret.
            self.headers["Authorization"] = f"Bearer {secret}"

    def say(self, sender: str, message: str) -> Reply:
        body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, headers=self.headers)
        with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - local
            return json.loads(reply.read() or b"[]")


def texts(reply: Reply) -> str:
    return "\n".join(m.get("text") or "" for m in reply)


def is_urgent_reply(reply: Reply) -> bool:
    """The urgent path's reply: the only words of the bot that carry the emergency number."""
    return "999" in texts(reply)


# -- which question a reply asks -------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_SPLIT = re.compile(r"\{[a-z_]+\}|\n\n|\"")
_MIN_FRAGMENT = 10


@lru_cache(maxsize=1)
def _wordings() -> list[tuple[re.Pattern[str], int, str]]:
    """Each way a question is put (placeholders match anything), with its literal length."""
    found = []
    for slot, spec in catalogue().items():
        wordings = [spec.ask] + ([spec.again] if spec.again else [])
        for wording in wordings:
            for text in {wording.family, wording.worker}:
                literals = _PLACEHOLDER.split(text)
                pattern = r"[\s\S]*?".join(re.escape(part) for part in literals)
                found.append((re.compile(pattern), sum(len(p) for p in literals), slot))
    return found


@lru_cache(maxsize=1)
def _fragments() -> dict[str, str]:
    """Pieces of question wording that belong to one question only: a question asked again
    after an unusable answer shows only its last paragraph."""
    owners: dict[str, set[str]] = {}
    for slot, spec in catalogue().items():
        wordings = [spec.ask] + ([spec.again] if spec.again else [])
        for wording in wordings:
            for text in (wording.family, wording.worker):
                for piece in _SPLIT.split(text):
                    piece = piece.strip()
                    if len(piece) >= _MIN_FRAGMENT:
                        owners.setdefault(piece, set()).add(slot)
    return {piece: next(iter(slots)) for piece, slots in owners.items() if len(slots) == 1}


def asked_slot(reply: Reply) -> str | None:
    """The question the reply ends with, or None (the interview finished or was left)."""
    last = next((m.get("text") or "" for m in reversed(reply) if m.get("text")), "")
    best: tuple[int, int, str] | None = None
    for pattern, size, slot in _wordings():
        match = pattern.search(last)
        if match:
            candidate = (match.end(), size, slot)
            if best is None or candidate > best:
                best = candidate
    if best is not None:
        return best[2]
    for piece, slot in _fragments().items():
        at = last.rfind(piece)
        if at >= 0:
            candidate = (at + len(piece), len(piece), slot)
            if best is None or candidate > best:
                best = candidate
    return best[2] if best else None


# -- answers ---------------------------------------------------------------------------

# Per question, the answers in the order they are used: a list question asked
# again ("anyone else?") gets the next one; the last one is reused after that.
FAMILY: dict[str, list[str]] = {
    "danger_now": ["no"],
    "user_role": ["I'm their mum"],
    "consent": ["yes that's fine"],
    "resume": ["carry on"],
    "about_you": ["Sarah, their mum"],
    "children": ["Leo 7 and Mia 4"],
    "supporters": ["Nan, my mum", "no that's everyone"],
    "professionals": ["Sam Patel, social worker", "no"],
    "strengths": ["I get Leo to school every day and we read together at night"],
    "existing_safety": ["When he's been drinking I take the kids to my sister's"],
    "safety_when_worry": ["yes"],
    "safety_how_long": ["since last summer"],
    "harm": ["Dad shouted and pushed me when he was drunk and Leo saw it"],
    "complicating": ["we're behind on the rent"],
    "needs": ["Dad needs to get help with his drinking"],
    "danger_who": ["Sam the social worker and me"],
    "danger_behaviour": ["When Dad drinks he shouts and has pushed me into the wall"],
    "danger_impact": ["Leo could get hurt and learn to be scared at home"],
    "danger_check": ["yes that's right"],
    "goal_happening": ["Dad is sober when he looks after the children"],
    "goal_who": ["Nan and Sam"],
    "goal_duration": ["six months including Christmas"],
    "goal_check": ["yes"],
    "scale_score": ["5"],
    "scale_reason": ["he has been to two meetings"],
    "scale_higher": ["he goes to the meetings every week"],
    "rule_going_well": ["Dad is sober when he picks the kids up"],
    "rule_triggers": ["payday"],
    "rule_red_flags": ["cans in the recycling"],
    "rule_who_does_what": ["Nan will take the kids to hers, 07700 900123"],
    "add_person": ["yes"],
    "more_pairs": ["no"],
    "step_what": ["Dad to start at the alcohol service"],
    "step_who": ["Dad"],
    "step_when": ["in two weeks"],
    "more_steps": ["no"],
    "closure_date": ["in nine months"],
    "review": ["yes it's right"],
    "safe_to_continue": ["yes I'm safe"],
    "restart_confirm": ["no"],
    # Asked when only the NLU model heard danger now in an answer: it was about before.
    "check_danger": ["no, it's about before"],
}

WORKER: dict[str, list[str]] = {
    **FAMILY,
    "user_role": ["I'm the social worker"],
    "consent": ["yes"],
    "about_you": ["Sam Patel, social worker"],
    "children": ["Leo (7), Mia (4)"],
    "supporters": ["Nan, their grandmother", "no"],
    "professionals": ["Ms Khan, school safeguarding lead", "no"],
    "strengths": ["Mum gets both children to school every day and they are close to their Nan"],
    "existing_safety": [
        "On three occasions when Dad came home drunk, Mum took the children to Nan's "
        "and stayed the night"
    ],
    "safety_how_long": ["three times since June"],
    "harm": [
        "Police attended twice in March after Dad pushed Mum into a wall while drunk; "
        "Leo was in the room"
    ],
    "complicating": ["Rent arrears and a damp flat"],
    "needs": ["Dad to work with the alcohol service"],
    "danger_who": [
        "Sam (social worker), Ms Khan (school) and Nan are worried that when Dad drinks more "
        "than four cans he pushes Mum into the wall while the children are in the room, and "
        "that if nothing changes Leo and Mia could be hurt and grow up frightened."
    ],
    "danger_behaviour": ["When Dad drinks more than four cans he pushes Mum into the wall"],
    "danger_impact": ["Leo and Mia could be hurt and grow up frightened"],
    "danger_check": ["accept"],
    "goal_happening": ["Dad is sober whenever he cares for the children"],
    "goal_who": ["Nan, Ms Khan and Sam"],
    "goal_duration": ["for six months including Christmas"],
    "goal_check": ["accept"],
    "scale_score": ["4"],
    "scale_reason": ["two sober contact visits"],
    "scale_higher": ["Dad attending the alcohol service weekly"],
    "scale_others": ["no"],
    "rule_going_well": ["Dad sober at every handover"],
    "rule_triggers": ["payday weekends"],
    "rule_red_flags": ["Dad missing the alcohol service"],
    "rule_who_does_what": ["Nan collects the children and keeps them overnight, 07700 900123"],
    "step_what": ["Dad to book his first appointment at the alcohol service"],
    "step_who": ["Sam"],
    "step_when": ["12/01/2027"],
    "closure_date": ["30/09/2027"],
    "review": ["yes"],
    "safe_to_continue": ["yes, safe to continue"],
}

LEARNER: dict[str, list[str]] = {
    **WORKER,
    "user_role": ["I'm practising"],
    "practice_case": ["okafor"],
    "strengths": ["Daniel reads to the children and takes Leo to football"],
    "existing_safety": ["Twice when Daniel started drinking Grace took the children to Nan's"],
    "safety_how_long": ["twice in the last three months"],
    "harm": ["Daniel pushed Grace into the kitchen wall while Leo watched from the doorway"],
    "complicating": ["Daniel lost his job and the rent is behind"],
    "needs": ["Daniel to get help with his drinking"],
    "danger_who": ["Ms Khan, Nan and the social worker"],
    "danger_behaviour": ["When Daniel drinks cans he shouts and has pushed Grace into the wall"],
    "danger_impact": ["Leo and Mia could be hurt and learn to be frightened at home"],
    "goal_happening": ["Daniel is sober whenever he looks after the children"],
    "goal_who": ["Nan and Ms Khan"],
    "goal_duration": ["six months including Christmas"],
    "scale_reason": ["Grace asked Nan for help twice"],
    "scale_higher": ["Daniel going to the alcohol service every week"],
    "rule_going_well": ["Daniel sober at football on Saturdays"],
    "rule_triggers": ["match days"],
    "rule_red_flags": ["cans in the flat"],
    "rule_who_does_what": ["Nan takes the children to hers for the night"],
    "step_what": ["Daniel to start at the alcohol service"],
    "step_who": ["Daniel"],
    "step_when": ["in two weeks"],
    "closure_date": ["in nine months"],
}

ROLES: dict[str, dict[str, list[str]]] = {
    "family": FAMILY,
    "worker": WORKER,
    "learner": LEARNER,
}


class WalkError(AssertionError):
    """The interview did not reach the question it was walked to."""


class Walker:
    """One conversation, answered question by question from a role's answers."""

    def __init__(self, chat: Chat, sender: str, role: str = "family") -> None:
        self.chat = chat
        self.sender = sender
        self.answers = ROLES[role]
        self.used: Counter[str] = Counter()
        self.slot: str | None = None
        self.asked: list[str | None] = []
        self.last: Reply = []

    def say(self, message: str) -> Reply:
        self.last = self.chat.say(self.sender, message)
        self.slot = asked_slot(self.last)
        self.asked.append(self.slot)
        return self.last

    def answer_for(self, slot: str) -> str:
        options = self.answers.get(slot)
        if not options:
            raise WalkError(f"no answer for the question {slot!r}; asked so far: {self.asked}")
        answer = options[min(self.used[slot], len(options) - 1)]
        self.used[slot] += 1
        return answer

    def answer(self) -> Reply:
        """Answer the question now asked with the role's next answer for it."""
        if self.slot is None:
            raise WalkError(f"no question is being asked; asked so far: {self.asked}")
        return self.say(self.answer_for(self.slot))

    def to(self, target: str | None, max_turns: int = 90) -> Reply:
        """Answer until `target` is asked (None: until the interview has nothing more to ask)."""
        for _ in range(max_turns):
            if self.slot == target:
                return self.last
            if self.slot is None:
                raise WalkError(f"the interview ended before {target!r}; asked: {self.asked}")
            if self.asked[-3:] == [self.slot] * 3 and self.used[self.slot] >= 3:
                # The same question again and again: the answer is not being taken.
                raise WalkError(
                    f"{self.slot!r} asked again after each answer; last reply: "
                    f"{texts(self.last)!r}"
                )
            self.answer()
        raise WalkError(f"{target!r} not reached in {max_turns} answers; asked: {self.asked}")

    def start(self, greeting: str = "hi") -> Reply:
        return self.say(greeting)


def slots_in_order(replies: Iterable[Reply]) -> list[str | None]:
    return [asked_slot(reply) for reply in replies]
