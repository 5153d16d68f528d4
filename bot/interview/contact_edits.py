"""Putting a phone number right in words: "no 900481 is my mums number not mine".

A mum on a phone (a persona in the web chat) saw her mum's number saved under
her own name and typed that correction to "Is there another worry?". It was
read as "no" and lost, and the document kept the number under the wrong
person. A message that says a number already in the plan belongs to someone
else, at any question but the safety ones, is that correction: the number is
put under the person it names and taken off anyone else, and the reply says
so. When it cannot be told for certain which number is meant or whose it is,
nothing changes and the reply says how to put it right. A number not yet in
the plan ("new number for dean is ...") is the answer's business, not this.

The number is found by its digits (all of them, the last three or more, or
"the 07911 one"), or by who it was saved under ("the one you put as mine",
"becky's number is wrong"). Whose it is comes from the people named that are
not denied ("not mine", "isn't becky's") and not where it was put ("under
me"): exactly one, and someone in the plan, or it is unclear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.interview.rule_people import network_person
from bot.plan.model import Person, Plan


@dataclass(frozen=True)
class NumberMove:
    """Whose number a message says it is: the stored number (None: which one is unclear),
    the words naming the person, and the person (None: unclear)."""

    number: str | None
    typed_who: str
    owner: Person | None


# Words that put something right. Without one of these (or a person denied, or
# where the number was put), a message with a number in it is an answer.
_STRONG = re.compile(
    r"\b(?:wrong|mixed|mix\s+up|muddled|confused|correct|correction|change|move|swap|amend|"
    r"belongs?|recorded|(?:you|u)\s+(?:put|have|got|had)|put\s+(?:it\s+)?(?:down|under|as)|"
    r"not\s+(?:mine|me|my\s+number)|not\s+[a-z]+'?s)\b",
    re.IGNORECASE,
)
# "900481 is tracey's", "123456 = dean", "07700 900481 belongs to my mum".
_ASSIGN = re.compile(
    r"\d\s*(?:\)\s*)?(?:(?:one|number|no)\s+)?(?:is|=|belongs|-?\s*(?:that'?s|it'?s))(?:\s|$)|=",
    re.IGNORECASE,
)
# Saying a number is wrong without saying which ("that number is wrong", "u put the
# wrong number under becky", "the number you put is my mums"): asked which, not
# saved as an answer. Correction words alone ("she'll move us") are not enough.
_NUMBER_FIX = re.compile(
    r"\b(?:numbers?|numbr|nmber|no\.|mobile)\b.{0,40}\b(?:wrong|mixed|muddled|swapped|"
    r"isnt|isn't|not\s+(?:mine|my|his|hers|theirs|right)|is\s+my|is\s+(?:his|hers|theirs))\b"
    r"|\b(?:wrong|mixed\s+up|muddled|swap|correct|change|move)\b.{0,25}\b(?:numbers?|numbr|nmber)\b"
    r"|\b(?:you|u)\s+(?:put|have|got|had)\b.{0,25}\bnumbers?\b",
    re.IGNORECASE,
)
_SAYS_NUMBER = re.compile(r"\b(?:number|numbers|numbr|nmber|no\.|mobile|phone|digits)\b", re.I)
# After a name, the person is telling, not owning ("Jodie confirmed", "Jodie has told me").
_REPORTING_AFTER = re.compile(
    r"^\s*(?:has\s+|had\s+)?(?:told|says|said|confirmed|thinks|reckons|isn't\s+sure|isnt\s+sure)\b",
    re.I,
)
# "mine is different": about their own number, not saying whose this one is.
_MINE_ASIDE = re.compile(r"^\s*(?:is|'s)\s+(?:different|another|a\s+different|diff|new)\b", re.I)
# Saying it is right: nothing to put right ("900222 is right thats deans").
_CONFIRMS = re.compile(r"\b(?:is\s+right|is\s+correct|thats\s+right|that's\s+right)\b", re.I)
# Words before a person that deny them ("not mine", "isn't becky's", "rather than").
_DENY_BEFORE = re.compile(
    r"(?:\bnot|\bisnt|\bisn't|\bis\s+not|\brather\s+than|\binstead\s+of|\bnor)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Words before a person that say where the number was put ("under me", "as mine",
# "recorded against Jodie", "the number you have for Jodie").
_PUT_BEFORE = re.compile(
    r"(?:\bunder|\bagainst|\bput\s+(?:it\s+)?(?:as|for)|\bu\s+put\s+for|\byou\s+put\s+for|"
    r"\bhave\s+for|\bgot\s+for|\bsaved\s+(?:as|for)|\bput\s+down\s+(?:as|for)|\bas)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "becky doesnt have that number": denied after the name.
_DENY_AFTER = re.compile(r"^\W*(?:doesnt|doesn't|does\s+not|dont|don't)\s+have\b", re.I)
_DIGIT_RUN = re.compile(r"(?<![\d])\+?\d[\d ]{1,16}\d(?![\d])|(?<![\d])\d{3,}(?![\d])")

_MINE = r"(?:me|mine|my\s+own|my\s+number|myself)"
_KIN_MUM = r"(?:mum|mam|mom|mother|mummy)"
_KIN_DAD = r"(?:dad|father|daddy)"
# Family words a person may be named by; with "my", the typist's own family.
_KIN = re.compile(
    rf"\b(?P<my>my\s+|her\s+|his\s+|the\s+kids'?\s+|the\s+children'?s\s+|their\s+|kids'?\s+)?"
    rf"(?P<kin>{_KIN_MUM}|{_KIN_DAD}|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|"
    r"granddad|grandfather|mgm|pgm|mgf|pgf|auntie|aunty|aunt|uncle|brother|sister|cousin|"
    r"partner|mate|friend|neighbour|duty\s+team)(?:'s|s)?\b",
    re.IGNORECASE,
)
# "the kids' dad", "their mum": the children's.
_THEIRS = frozenset(
    ("", "the kids", "the kids'", "the children's", "their", "kids", "kids'")
)
_OWN = re.compile(rf"\b{_MINE}\b|\bmy\s+(?:one|phone)\b", re.I)
_PRONOUN = re.compile(r"\b(?:hers|his|theirs)\b", re.I)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    words: str
    person: Person | None
    child: bool = False


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _numbers_in_plan(plan: Plan) -> list[str]:
    numbers = [p.contact for p in plan.people if p.contact]
    numbers += [r.contact for pair in plan.pairs for r in pair.rules if r.contact]
    seen: dict[str, str] = {}
    for number in numbers:
        if number and len(_digits(number)) >= 6:
            seen.setdefault(_digits(number), number)
    return list(seen.values())


def _numbers_said(plan: Plan, said: str) -> tuple[set[str], bool]:
    """The plan's numbers the digits in the message point to, and whether any digits
    pointed nowhere or could be more than one number."""
    stored = _numbers_in_plan(plan)
    found: set[str] = set()
    stray = False
    for run in _DIGIT_RUN.finditer(said):
        digits = _digits(run.group(0))
        if len(digits) < 3 or digits in ("999", "111", "101", "112"):
            continue
        before = said[max(0, run.start() - 1) : run.start()]
        after = said[run.end() : run.end() + 2]
        if re.fullmatch(r"[/.:]", before) or re.match(r"[/:]|\.\d", after):
            # Part of a date or a time ("on 26/11/2026", "at 10:30"), not a phone number.
            continue
        after = said[run.end() : run.end() + 12].casefold()
        # "the 07911 one", "the 0161 number": the start of a number, when it is said so.
        starts = bool(re.match(r"\s*(?:one|number|no\b)", after)) and len(digits) <= 6
        matches = [
            n for n in stored
            if _digits(n).endswith(digits)
            or (len(digits) >= 9 and _digits(n).endswith(digits[-9:]))
            or (starts and _digits(n).startswith(digits))
            # "0791 123456" for 07911 123456: a digit lost from the start.
            or (len(digits) >= 9 and _digits(n)[-6:] == digits[-6:])
        ]
        if len(matches) == 1:
            found.add(matches[0])
        else:
            stray = True
    return found, stray


def _mentions(plan: Plan, said: str, me: Person | None) -> list[_Mention]:
    """People named in the message, each with the plan's record where certain."""
    found: list[_Mention] = []
    children = {c.first_name.casefold() for c in plan.children}
    typist_family = me is not None and not me.is_professional
    for match in _OWN.finditer(said):
        if typist_family:
            found.append(_Mention(match.start(), match.end(), match.group(0), me))
    for match in _KIN.finditer(said):
        kin = match.group("kin").casefold()
        mine = (match.group("my") or "").strip().casefold()
        words = match.group(0).strip()
        person: Person | None = None
        if re.fullmatch(_KIN_MUM + "|" + _KIN_DAD, kin):
            base = "mum" if re.fullmatch(_KIN_MUM, kin) else "dad"
            theirs = [
                p for p in plan.people
                if p.relationship and re.fullmatch(
                    rf"(?:the\s+children'?s\s+|kids'?\s+)?{base}", p.relationship.casefold()
                )
            ]
            if typist_family and mine in ("my", ""):
                # A mum's "mum's number" is her own mum's, as "my mum" is.
                person = network_person(plan, f"my {base}")
                if person is None and not mine and len(theirs) == 1 and theirs[0] is not me:
                    person = theirs[0]
            elif mine in _THEIRS or (mine == "her" and not typist_family):
                # "the kids dad"; and from a worker, "mum" is the children's mum.
                # ("her mum" from a worker could be either mum: left unclear.)
                person = theirs[0] if len(theirs) == 1 and mine != "her" else None
        else:
            same = [
                p for p in plan.people
                if p.relationship and kin in p.relationship.casefold().split()
            ]
            person = same[0] if len(same) == 1 else None
        found.append(_Mention(match.start(), match.end(), words, person))
    for person in plan.people:
        for name in {person.name, person.name.split()[0]}:
            for match in re.finditer(rf"\b{re.escape(name)}(?:'s|s)?\b", said, re.IGNORECASE):
                found.append(_Mention(match.start(), match.end(), match.group(0), person))
    for child in children:
        for match in re.finditer(rf"\b{re.escape(child)}(?:'s|s)?\b", said, re.IGNORECASE):
            found.append(_Mention(match.start(), match.end(), match.group(0), None, child=True))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        if (
            kept
            and kept[-1].person is not mention.person
            and _KIN.fullmatch(kept[-1].words)
            and not said[kept[-1].end : mention.start].strip()
        ):
            # "her mum Tracey's", "my mum tracey": one person, named by the name.
            kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _holders(plan: Plan, number: str) -> list[Person]:
    key = _digits(number)
    return [p for p in plan.people if p.contact and key in _digits(p.contact)]


def asked_to_move_number(plan: Plan, text: str, me: Person | None) -> NumberMove | None:
    """Whose number the message says a number in the plan is; None when it says nothing of it."""
    said = " ".join(text.replace("\u2019", "'").split())
    if not said or not plan.people:
        return None
    numbers, stray = _numbers_said(plan, said)
    put: list[_Mention] = []
    denied: list[_Mention] = []
    owners: list[_Mention] = []
    for mention in _mentions(plan, said, me):
        before = said[max(0, mention.start - 30) : mention.start]
        after = said[mention.end : mention.end + 30]
        if _REPORTING_AFTER.match(after) or (mention.person is me and _MINE_ASIDE.match(after)):
            continue
        if _PUT_BEFORE.search(before):
            put.append(mention)
        elif _DENY_BEFORE.search(before) or _DENY_AFTER.match(after):
            denied.append(mention)
        else:
            owners.append(mention)
    # A child named is never whose number it is, nor a sign of putting one right
    # ("is not feeding Harley" denies nothing about numbers: a worker's whole
    # statement was lost to "I couldn't tell which number you mean").
    denied = [m for m in denied if not m.child]
    put = [m for m in put if not m.child]
    strong = bool(_STRONG.search(said))
    if not (strong or denied or put or ((numbers or stray) and _ASSIGN.search(said))):
        return None
    if _CONFIRMS.search(said):
        return None
    says_number = bool(_SAYS_NUMBER.search(said))
    if not numbers:
        # "the one u put as mine", "becky's number is wrong", "the number for dean is
        # wrong": the number saved under them.
        holders = [m.person for m in put + denied if m.person is not None]
        if not holders:
            holders = [
                m.person for m in owners
                if m.person is not None and re.match(
                    r"\s*(?:number|numbr|nmber|mobile|phone)\s+(?:is\s+|was\s+)?(?:wrong|put)",
                    said[m.end:], re.I)
                or m.person is not None and re.search(
                    r"\b(?:number|one)\s+(?:for|under)\s+$", said[max(0, m.start - 15):m.start],
                    re.I)
            ]
        saved = {p.contact for p in holders if p is not None and p.contact}
        if len(saved) == 1 and (says_number or put):
            numbers = set(saved)
            owners = [m for m in owners if m.person not in holders]
        elif _NUMBER_FIX.search(said):
            return NumberMove(None, "", None)
        else:
            return None
    if len(numbers) != 1:
        return NumberMove(None, "", None)
    number = next(iter(numbers))
    holders = _holders(plan, number)
    # The owner: people named and not denied, not where the number was put.
    candidates = [m for m in owners if not _PRONOUN.fullmatch(m.words)]
    people = {id(m.person): m.person for m in candidates if m.person is not None}
    unknown = [m for m in candidates if m.person is None]
    words = ", ".join(m.words for m in candidates)
    if unknown or len(people) != 1:
        if not candidates and not (denied or put or _STRONG.search(said)):
            # A number alone, with nobody said to own it: not a correction.
            return None
        return NumberMove(number, words, None)
    owner = next(iter(people.values()))
    if owner in holders and len(holders) == 1:
        # Already theirs, and nobody else's: nothing to put right.
        return None
    return NumberMove(number, words, owner)


def move(plan: Plan, wanted: NumberMove) -> list[Person]:
    """Put the number under its owner and off everyone else; who it was taken off."""
    owner = wanted.owner
    if owner is None or wanted.number is None:
        return []
    key = _digits(wanted.number)
    taken_off = [
        p for p in plan.people
        if p is not owner and p.contact and _digits(p.contact) == key
    ]
    for person in taken_off:
        person.contact = None
    for pair in plan.pairs:
        for rule in pair.rules:
            if (
                rule.contact
                and _digits(rule.contact) == key
                and rule.person_name
                and network_person(plan, rule.person_name) is not owner
            ):
                # The rule's words keep the number; it is no longer that person's number.
                rule.contact = None
    if not owner.contact:
        owner.contact = wanted.number
    elif key not in _digits(owner.contact):
        # Another number already there may be right too: both are kept, and said.
        owner.contact = f"{owner.contact}, {wanted.number}"
    return taken_off
