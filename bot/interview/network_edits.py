"""Taking someone off the safety network in words, at the network questions.

A mum on a phone typed "remove dean" and "take dean off" to "Who else helps?"
and each time a person called "Remove Dean" or "Dean" was added (issue 14: a
command read as an answer). These words ask to change the list, so they are
treated as that: the person they name, when the plan has exactly one such
person, is taken off and the reply says so. Nobody is taken off who is already
used elsewhere in the plan (a score, a meeting, who does what): that would
leave the plan pointing at nobody, so the reply says where they are named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.interview.rule_people import network_person
from bot.plan.model import Person, Plan

_POLITE = (
    r"(?:(?:please|pls|plz|can you|can u|could you|could u|i want to|i wanna|i need to|"
    r"need to|you need to|u need to|oh|no|nah|sorry|actually|wait|and|ok|okay|just)[,.]?\s+)*"
)
_OFF = r"(?:off|out|from|of)\b"
# "remove dean", "delete gary hes not helping", "take dean off", "take off dean",
# "cross dean off the list", "get rid of dean", "dean shouldnt be on there".
_REMOVE = (
    re.compile(
        rf"^{_POLITE}(?:remove|delete|get rid of|scrap|drop|rub out)\s+"
        r"(?P<who>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*)?)"
        rf"(?:\s+(?:{_OFF}|please|pls|as|cos|because|hes|he's|shes|she's|he|she|they|"
        r"theyre|they're|i|thanks|thx|x)\b.*)?[\s.!]*$",
        re.I,
    ),
    re.compile(
        rf"^{_POLITE}(?:take|cross|leave|scrub|strike)\s+"
        r"(?P<who>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*)?)\s+(?:off|out)\b.*$",
        re.I,
    ),
    re.compile(
        rf"^{_POLITE}(?:take|cross|scrub|strike)\s+(?:off|out)\s+"
        r"(?P<who>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*)?)"
        rf"(?:\s+(?:{_OFF}|please|pls|as|cos|because|hes|he's|shes|she's)\b.*)?[\s.!]*$",
        re.I,
    ),
    re.compile(
        r"^(?P<who>[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*)?)\s+"
        r"(?:shouldnt|shouldn't|should not|shudnt|doesnt|doesn't|does not|dont|don't)\s+"
        r"(?:be|go|belong)\s+(?:on|in)\s+(?:there|the list|that list|it|this|the plan)\b.*$",
        re.I,
    ),
)
# Words that can follow "remove"/"take" without naming anyone in the list.
_NOT_A_NAME = frozenset(
    "him her them it that this the a an all everything everyone everybody".split()
)


@dataclass(frozen=True)
class Removal:
    """What "take X off" asked for: the words naming them, and who that is."""

    typed: str
    person: Person | None


def asked_to_remove(plan: Plan, text: str) -> Removal | None:
    """Who the message asks to take off the network; None when it does not ask."""
    said = " ".join(text.strip().split())
    for pattern in _REMOVE:
        found = pattern.match(said)
        if found is None:
            continue
        typed = found.group("who").strip(" .,!'")
        words = typed.split()
        # "remove dean please" and "remove dean smith": try the longest name first.
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            if candidate.casefold() in _NOT_A_NAME:
                break
            person = network_person(plan, candidate)
            if person is not None:
                return Removal(candidate, person)
        if words and words[0].casefold() not in _NOT_A_NAME:
            return Removal(words[0], None)
    return None


def where_named(plan: Plan, person: Person) -> str | None:
    """Where else the plan uses this person's record, in plain words; None if nowhere."""
    for pair in plan.pairs:
        if any(s.person is person for s in pair.scores):
            return "the scores"
        if any(
            r.person_name and network_person(plan, r.person_name) is person for r in pair.rules
        ):
            return "who will do what"
    if any(a.person is person for m in plan.meetings for a in m.attendees):
        return "a meeting"
    return None
