"""Whose part of the plan a who-does-what rule is: the network's record of them (issue 14, item 4).

"MGM Brenda will collect the children, 07700 900512" is Brenda's action and
Brenda's number. The rule goes under the Brenda already in the network (not a
new person called "Mgm Brenda"), and when her record has no number yet, this
one is put on it. Both are said back, so nothing is restructured silently.
A name that matches nobody for certain stays as typed (and is offered to be
added to the network, its number with it); a record's number is never
replaced by one from a rule.
"""

from __future__ import annotations

import re

from bot.parsing import is_short_form, parse_who_does_what
from bot.plan.model import Person, Plan, PlanRule, RuleKind

# What someone calls their own parent, as the typist wrote it in the network.
_MUM = r"(?:mum|mam|mom|mother|mummy)"
_DAD = r"(?:dad|father|daddy)"
_OWN_KIN = {"mum": _MUM, "my mum": _MUM, "mam": _MUM, "my mam": _MUM, "mom": _MUM,
            "dad": _DAD, "my dad": _DAD}


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def network_person(plan: Plan, typed: str) -> Person | None:
    """The plan's person a rule's "who" names, when that is certain; else None.

    Tried in turn: the whole name; a professional's unique role ("safeguarding
    lead", never a family word like "Mum"); a unique first name ("Brenda" for
    Brenda Jones); the name after words in front of it that are not part of
    anyone's name ("MGM Brenda", "Mrs Ali" for Ali); a unique longer first name
    that starts with it ("Gem" for Gemma).
    """
    words = typed.split()
    if not words or not plan.people:
        return None
    same = [p for p in plan.people if _key(p.name) == _key(typed)]
    if same:
        return same[0] if len(same) == 1 else None
    # A professional by their role ("Safeguarding lead"). Never a family word: "Mum"
    # in "my mum will have them" is the typist's mother, not the children's mum.
    by_role = [
        p for p in plan.people
        if p.is_professional and p.relationship and _key(p.relationship) == _key(typed)
    ]
    if len(by_role) == 1:
        return by_role[0]
    # "mum has the kids": the one person the typist called "my mum" (Sandra, fidelity
    # batch d). Said back with the rule, so it can be put right.
    own = _OWN_KIN.get(_key(typed))
    if own is not None:
        mine = [
            p for p in plan.people
            if not p.is_professional and p.relationship
            and re.search(rf"\bmy {own}\b", p.relationship.casefold())
        ]
        # Not when someone in the plan is the children's mum (or dad) by that word:
        # then a bare "Mum" could be either of them.
        theirs = [
            p for p in plan.people
            if p.relationship and re.fullmatch(own, p.relationship.casefold().strip())
        ]
        if len(mine) == 1 and (typed.casefold().startswith("my ") or not theirs):
            return mine[0]
    for start in range(len(words)):
        tail = _key(" ".join(words[start:]))
        head = {_key(w) for w in words[:start]}
        same = [
            p for p in plan.people
            if _key(p.name) == tail
            or (len(tail.split()) == 1 and _key(p.name).split()[:1] == [tail])
        ]
        # A word in front that is part of the record's own name ("Sam Patel" typed
        # as "Patel Sam") means this is not a prefix: leave it.
        same = [p for p in same if not head & set(_key(p.name).split())]
        if len(same) == 1:
            return same[0]
        if same:
            return None
    # "Gem" for the network's Gemma, when she is the only one it could be (said back).
    shortened = [p for p in plan.people if len(words) == 1 and is_short_form(typed, p.name)]
    return shortened[0] if len(shortened) == 1 else None


def link(plan: Plan, rule: PlanRule, number_of: tuple[str, str] | None = None) -> list[str]:
    """Put the rule under the network's record of its person; what changed, to say back.

    number_of is a number the sentence gives to someone else ("I'll ring Frank,
    he's on ..."): it goes on that person's record, never on the doer's.
    """
    notes: list[str] = []
    typed = rule.person_name
    person = network_person(plan, typed) if typed else None
    if person is not None and typed:
        if person.name != typed:
            rule.person_name = person.name
            about = f" ({person.relationship})" if person.relationship else ""
            notes.append(
                f"I've put \"{typed}\" as {person.name}{about}, who is already in the plan."
            )
        if rule.contact and not person.contact:
            person.contact = rule.contact
            notes.append(f"I've added {rule.contact} as {person.name}'s number.")
    if number_of is not None:
        owner = network_person(plan, number_of[0])
        if owner is not None and not owner.contact:
            owner.contact = number_of[1]
            notes.append(f"I've added {number_of[1]} as {owner.name}'s number.")
    return notes


def contact_for(plan: Plan, name: str) -> str | None:
    """A number a who-does-what rule gave for someone not yet in the network."""
    for pair in plan.pairs:
        for rule in pair.rules:
            if rule.contact and rule.person_name and _key(rule.person_name) == _key(name):
                return rule.contact
            if rule.kind is RuleKind.WHO_DOES_WHAT:
                given = parse_who_does_what(rule.text).number_of
                if given and _key(given[0]) == _key(name):
                    return given[1]
    return None
