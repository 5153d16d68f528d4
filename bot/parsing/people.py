"""People in what families and workers type: children, the network, who does what.

Names are found by elimination: a word is a name when it is not an ordinary
word, a kinship word, a role or a place. That works for lower-case phone
typing and for names in any script, and it errs towards missing a name
rather than inventing one.

Names that are also dates or everyday words (Jan, May, Sunday, Will, Grace)
depend on where they stand: first in an answer, after "and" or a comma, after
"my mum" or "I'm" they are names ("Jan, my mum", "my sister May"); elsewhere
they are dates and words ("in May", "every Sunday"). See ``_name_at``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parsing._contact import find_contacts
from bot.parsing._text import capitalise_name, clean, never_raises, squash
from bot.parsing._tokens import CONTACT, NUM, PUNCT, WORD, Tok, tokenize
from bot.parsing._words import (
    AMBIGUOUS_NAMES,
    CALENDAR_FOLLOWERS,
    CALENDAR_NAMES,
    CALENDAR_WORDS,
    COMMON_WORDS,
    DESCRIPTION_LEADS,
    DESCRIPTOR_EDGE_FILLER,
    DESCRIPTOR_LEAD_FILLER,
    DESCRIPTOR_STOP,
    DESCRIPTOR_TAIL_FILLER,
    DOING_WORDS,
    GROUP_WORDS,
    KIN_NAMES,
    KIN_NOT_NAMES,
    KIN_PREFIXES,
    KIN_PREFIXES_IN_CAPITALS,
    KIN_TITLE_RELATIONSHIP,
    KIN_TITLES,
    MODAL_WORDS,
    NAME_TAIL_FILLER,
    NOT_PEOPLE,
    NOT_PLAN_ACTIONS,
    ORDINARY_ENDINGS,
    ORGANISATION_ROLES,
    PLAN_ACTION_VERBS,
    PLAN_MODALS,
    PLAN_MOVING_VERBS,
    POSSESSIVE_DETERMINERS,
    PROFESSIONAL_ROLES,
    PROFESSIONAL_TITLES,
    PRONOUNS,
    RELATIONSHIP_WORDS,
    ROLE_SPELLINGS,
    SELF_INTRO_CUES,
    SENTENCE_STARTERS,
    SENTENCE_WORD_ENDINGS,
    TITLES,
)


@dataclass(frozen=True)
class NamedChild:
    first_name: str
    age: int | None


@dataclass(frozen=True)
class NamedPerson:
    name: str
    relationship: str | None
    contact: str | None
    is_professional: bool


@dataclass(frozen=True)
class WhoDoesWhat:
    person: str | None
    action: str
    contact: str | None
    # A number the sentence gives to someone else ("I'll ring Frank, he's on ..."):
    # (their name as typed, the number). Never the doer's contact.
    number_of: tuple[str, str] | None = None


# -- word classes --------------------------------------------------------------

_ROLE_INDEX: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _display in PROFESSIONAL_ROLES.items():
    _words = tuple(_phrase.split())
    _ROLE_INDEX.setdefault(_words[0], []).append((_words, _display))
for _options in _ROLE_INDEX.values():
    _options.sort(key=lambda option: len(option[0]), reverse=True)
_ROLE_PARTS = frozenset(w for phrase in PROFESSIONAL_ROLES for w in phrase.split())

_NEVER_NAMES = (
    COMMON_WORDS
    | RELATIONSHIP_WORDS
    | NOT_PEOPLE
    | _ROLE_PARTS
    | frozenset(TITLES)
    | DESCRIPTOR_EDGE_FILLER
    | frozenset(KIN_NAMES)
    | KIN_TITLES
    | frozenset(KIN_PREFIXES)
    | NAME_TAIL_FILLER
    | frozenset(
        """haha hahaha hehe lmao ffs smh ugh hmm erm umm um uh ah oh ooh wow yay meh argh
        aww eh huh oi shh xo er anyways whatever etc dunno nothing nope""".split()
    )
)
_FAMILY_TIES = (frozenset(KIN_NAMES) | KIN_TITLES | RELATIONSHIP_WORDS) - frozenset(
    """kid kids child children baby babies boy boys girl girls toddler teenager teen teens
    eldest oldest youngest middle little big older younger member members special
    guardian childminder""".split()
)
# Words after which a lower-case word describes rather than names.
_DESCRIBING_CUES = frozenset(
    """she's he's shes hes they're theyre very so too quite really bit feeling feels
    felt looks looked seems seemed getting becoming being been a an""".split()
)
_TRIPLE_LETTER = re.compile(r"(.)\1\1")
# Kinship words that mentioned_names reports as a person on their own.
_KIN_MENTIONS = frozenset(KIN_NAMES) - KIN_NOT_NAMES


def _is_name(tok: Tok) -> bool:
    """Could this word be someone's name, whatever its case?"""
    if tok.kind != WORD:
        return False
    low = tok.low
    if len(low) < 2 or low in CALENDAR_NAMES:
        return False  # "Jan", "May": names only where a name stands, see _name_at
    if low in AMBIGUOUS_NAMES:
        return tok.capitalised and not tok.all_caps
    if low in _NEVER_NAMES or _TRIPLE_LETTER.search(low):
        return False
    if not tok.capitalised and len(low) >= 5 and low.endswith(ORDINARY_ENDINGS):
        return False  # "saying", "sadness": ordinary words typed in lower case
    return not any(ch.isdigit() for ch in low)


# -- name position ---------------------------------------------------------------

_LIST_WORDS = frozenset({"and", "&", "or", "plus", "also", "then", "و"})
_FILLER_ADVERBS = frozenset({"then", "also", "always", "usually", "just", "still"})
_WINDOW = 60  # characters either side of a word that say what it is
_ORDINALS = frozenset({"st", "nd", "rd", "th"})  # "5th May"


def _role_word(low: str) -> bool:
    return low in _ROLE_PARTS and low not in ORGANISATION_ROLES


def _name_position(tok: Tok, text: str) -> str | None:
    """Where a word stands in the answer, read from the whole text.

    "lead": the answer's first word ("Jan, my mum"); "start": first after a
    separator ("Kelly and Jan", "Leo (7), May (4)"); "after": after a kinship
    word, relationship, title or "I'm" ("my mum Jan", "I'm Jan"); None
    anywhere else ("in May", "every Sunday", "12 Jan").
    """
    before = tokenize(text[max(0, tok.start - _WINDOW) : tok.start])
    if not any(ch.isalnum() for ch in text[: tok.start]):
        return "lead"
    if not before:
        return "start"
    prev = before[-1]
    if prev.kind == PUNCT:
        return "start"
    if prev.kind != WORD:
        return None  # "12 Jan", "07700 900123 May"
    if prev.full_low in _LIST_WORDS:
        return "start"
    if prev.full_low in SELF_INTRO_CUES:
        return "after"
    if prev.full_low == "is" and len(before) > 1 and before[-2].low == "name":
        return "after"  # "my name is Jan"
    low = prev.low
    if prev.possessive or low in GROUP_WORDS:
        return None  # "Leo's May"?, "has the kids Sunday"
    if (
        low in KIN_NAMES
        or low in KIN_TITLES
        or low in RELATIONSHIP_WORDS
        or low in TITLES
        or _role_word(low)
    ):
        return "after"
    return None


def _describes(after: list[Tok], tight: bool = False) -> bool:
    """Do these words say who someone is ("my mum", "next door", "who lives ...")?

    ``tight`` asks for a relationship and nothing more ("june my sister"), for
    words that are ordinary English too.
    """
    words = after[:4]
    k = 0
    while (
        k < len(words)
        and words[k].kind == WORD
        and (words[k].full_low in POSSESSIVE_DETERMINERS or words[k].full_low in ("a", "an"))
    ):
        k += 1
    if k >= len(words) or words[k].kind != WORD:
        return False
    low = words[k].low
    kin = low in KIN_NAMES or low in RELATIONSHIP_WORDS or _role_word(low)
    if tight:
        # a determiner, then only relationship words: "my sister", "my best friend"
        if k == 0 or not kin:
            return False
        m = k + 1
        while (
            m < len(after)
            and after[m].kind == WORD
            and (after[m].low in KIN_NAMES or after[m].low in RELATIONSHIP_WORDS)
        ):
            m += 1
        rest = after[m:]
        return not rest or rest[0].kind in (PUNCT, CONTACT) or rest[0].full_low in _LIST_WORDS
    return kin or (k == 0 and (low in DESCRIPTION_LEADS or low in ("from", "next", "at")))


def _calendar_use(tok: Tok, after: list[Tok]) -> bool:
    """A date, not a name: "May 2019", "Sunday mornings", "June 12th"."""
    if not after:
        return False
    first = after[0]
    if first.kind == NUM:
        digits = len(first.text)
        ordinal = (
            len(after) > 1
            and after[1].kind == WORD
            and after[1].full_low in _ORDINALS
            and after[1].start == first.end
        )
        return digits >= 4 or ordinal
    return first.kind == WORD and first.full_low in CALENDAR_FOLLOWERS


def _name_at(tok: Tok, text: str) -> bool:
    """Is this word a name where it stands? ``text`` is what ``tok`` came from.

    Ordinary names (Kelly, Jo) are names anywhere. Words that are also
    ordinary English (Will, Grace) are names with a capital, as before, and
    in lower case only where a name stands with something that sets it apart:
    "grace my nan", "jan, my mum", "my mum jan". Calendar words that are names
    (Jan, May, Sunday) are names only where a name stands, never for their capital.
    """
    if tok.kind != WORD:
        return False
    low = tok.low
    calendar = low in CALENDAR_NAMES
    if not calendar and low not in AMBIGUOUS_NAMES:
        return _is_name(tok)
    capital = tok.capitalised and not tok.all_caps
    common = low in COMMON_WORDS
    if capital and not calendar and not common:
        return True  # "Grace", "Mark": as before
    position = _name_position(tok, text)
    after = tokenize(text[tok.end : tok.end + _WINDOW])
    first = after[0] if after else None
    if capital and not calendar:
        # "Will", "Hope": as before, except opening a question or a greeting
        return not (
            position == "lead" and first is not None and first.full_low in PRONOUNS
        )  # "Will you call?", "Hope you're well"
    if position is None:
        return False
    if calendar and _calendar_use(tok, after):
        return False
    if capital:
        if first is not None and first.kind == WORD and position in ("lead", "start"):
            if first.full_low in PRONOUNS:
                return False  # "May I ask something"
            if first.full_low in ("is", "was", "'s", "are", "were"):
                # "June is my sister", not "Sunday is best"
                return _describes(after[1:], tight=True)
        return True
    # Lower case or ALL CAPS: capitals say nothing, the words around have to.
    if not common:
        if first is None:
            # "jan" on its own is a name; "grace" or "rain" on its own is a word
            return position != "lead" or low not in AMBIGUOUS_NAMES
        # "jan, my mum", "jan 5", "kelly and jan", "grace my nan", "jan here"
        return (
            first.kind in (PUNCT, CONTACT, NUM)
            or first.full_low in _LIST_WORDS
            or first.full_low == "here"
            or _describes(after)
        )
    # "june", "may", "hope", "will": only first in the answer and set apart.
    if position != "lead" or first is None:
        return False
    if first.kind == PUNCT and first.text in ",-(:":
        return _describes(after[1:])
    return low not in MODAL_WORDS and _describes(after, tight=True)


def _kin(tok: Tok) -> str | None:
    """The relationship when the word is a kinship name ("nan" -> "grandmother")."""
    if tok.kind != WORD:
        return None
    return KIN_NAMES.get(tok.low)


def _role_at(tokens: list[Tok], i: int) -> tuple[int, str] | None:
    """A professional role starting at token i: (how many words, how to say it)."""
    if tokens[i].kind != WORD:
        return None
    for words, display in _ROLE_INDEX.get(tokens[i].full_low, []) + _ROLE_INDEX.get(
        tokens[i].low, []
    ):
        end = i + len(words)
        if end > len(tokens):
            continue
        if all(
            tokens[i + k].kind == WORD and words[k] in (tokens[i + k].full_low, tokens[i + k].low)
            for k in range(len(words))
        ):
            return len(words), display
    return None


def _title_key(tok: Tok) -> str | None:
    if tok.kind != WORD or tok.possessive:
        return None
    low = tok.full_low
    if low not in TITLES:
        return None
    if low == "miss" and not tok.capitalised:
        return None  # "I miss him"
    return low


def _display_name(tokens: list[Tok]) -> str:
    return " ".join(capitalise_name(t.base) for t in tokens)


def _kin_display(tok: Tok) -> str:
    return capitalise_name(tok.base)


def _trim(words: list[Tok]) -> list[Tok]:
    """Drop filler and punctuation at both ends of a description."""
    start, end = 0, len(words)
    while start < end and (
        words[start].kind == PUNCT or words[start].full_low in DESCRIPTOR_LEAD_FILLER
    ):
        start += 1
    while end > start and (
        words[end - 1].kind == PUNCT or words[end - 1].full_low in DESCRIPTOR_TAIL_FILLER
    ):
        end -= 1
    return words[start:end]


def _short(text: str, limit: int = 80) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-")


# -- one person in a few words -------------------------------------------------


@dataclass
class _Who:
    name: str | None = None
    kind: str | None = None  # "title", "kintitle", "proper", "kin", "role", "relation"
    strong: bool = False  # names someone on its own (not "my mum", not "the GP")
    relationship: str | None = None
    contact: str | None = None
    is_professional: bool = False
    extra_kin: tuple[str, ...] = ()  # "mum dad and nan" typed without commas


def _possessors(tokens: list[Tok], text: str) -> set[int]:
    """Indexes of words that only say whose someone is: "Leo and Mia's mum"."""
    marked: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.kind != WORD or not tok.possessive:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or nxt.kind != WORD:
            continue
        if not (
            nxt.low in KIN_NAMES
            or nxt.low in RELATIONSHIP_WORDS
            or nxt.low in _ROLE_PARTS
            or nxt.low in KIN_TITLES
        ):
            continue
        marked.add(i)
        j = i - 1
        while j >= 1 and tokens[j].full_low in ("and", ",", "&") and _name_at(tokens[j - 1], text):
            marked.add(j - 1)
            j -= 2
    return marked


# The side of the family written before a kin word ("maternal aunt Leanne").
_SIDES = frozenset({"maternal", "paternal"})


def _with_surname(tokens: list[Tok], first: int, possessors: set[int]) -> list[int]:
    """The first name at `first` and a capitalised surname straight after it, if any."""
    second = first + 1
    if (
        second < len(tokens)
        and tokens[second].kind == WORD
        and _is_name(tokens[second])
        and tokens[second].capitalised
        and second not in possessors
        and not tokens[first].possessive
    ):
        return [first, second]
    return [first]


def _analyse(tokens: list[Tok], text: str) -> _Who:
    who = _Who()
    contacts = [t for t in tokens if t.kind == CONTACT]
    who.contact = contacts[0].text if contacts else None
    possessors = _possessors(tokens, text)

    roles: list[tuple[int, int, str]] = []
    role_tokens: set[int] = set()
    i = 0
    while i < len(tokens):
        found = _role_at(tokens, i)
        if found:
            roles.append((i, found[0], found[1]))
            role_tokens.update(range(i, i + found[0]))
            i += found[0]
        else:
            i += 1

    used: set[int] = set()
    words = [k for k, t in enumerate(tokens) if t.kind == WORD]

    def next_word(k: int) -> int | None:
        for m in range(k + 1, len(tokens)):
            if tokens[m].kind == WORD:
                return m
            if tokens[m].text != ".":
                return None
        return None

    # "Mr Ahmed", "Dr Sarah Khan", "PC Jones".
    for k in words:
        key = _title_key(tokens[k])
        if key is None:
            continue
        first = next_word(k)
        if first is None or not (_name_at(tokens[first], text) or tokens[first].capitalised):
            continue
        if tokens[first].low in _NEVER_NAMES and not tokens[first].capitalised:
            continue
        parts = [first]
        second = first + 1
        if (
            second < len(tokens)
            and _is_name(tokens[second])
            and tokens[second].capitalised
            and second not in possessors
            and not tokens[first].possessive
        ):
            parts.append(second)
        who.name = " ".join([TITLES[key]] + [capitalise_name(tokens[p].base) for p in parts])
        who.kind, who.strong = "title", True
        who.is_professional = key in PROFESSIONAL_TITLES
        used.update([k, *range(k + 1, parts[-1] + 1)])
        break

    # "MGM Brenda", "khala Rubina": the name, with the word in front as the relationship.
    if who.name is None:
        for k in words:
            tok = tokens[k]
            relationship = KIN_PREFIXES.get(tok.low) or (
                KIN_PREFIXES_IN_CAPITALS.get(tok.low) if tok.all_caps else None
            )
            if relationship is None or tok.possessive or k in possessors:
                continue
            nxt = k + 1 if k + 1 < len(tokens) and tokens[k + 1].kind == WORD else None
            if nxt is None or nxt in possessors or not _name_at(tokens[nxt], text):
                continue
            run = _with_surname(tokens, nxt, possessors)
            who.name = " ".join(capitalise_name(tokens[r].base) for r in run)
            who.kind, who.strong = "kintitle", True
            who.relationship = relationship
            used.update([k, *run])
            break

    # "Aunty Jo", "Uncle Dave", "Nanny Sue", "Great Nan".
    if who.name is None:
        for k in words:
            tok = tokens[k]
            if tok.low not in KIN_TITLES or tok.possessive or k in possessors:
                continue
            if k > 0 and tokens[k - 1].full_low in POSSESSIVE_DETERMINERS and tok.low != "great":
                continue  # "my nan Kelly": Kelly, who is my nan
            nxt = k + 1 if k + 1 < len(tokens) and tokens[k + 1].kind == WORD else None
            if nxt is None:
                continue
            if tok.low == "great" and tokens[nxt].low in KIN_NAMES:
                who.name = f"Great {_kin_display(tokens[nxt])}"
                who.kind, who.strong = "kin", True
                rel = KIN_NAMES[tokens[nxt].low]
                who.relationship = f"great-{rel}" if rel.startswith("grand") else None
                used.update([k, nxt])
                break
            if tok.low != "great" and _name_at(tokens[nxt], text) and nxt not in possessors:
                run = _with_surname(tokens, nxt, possessors)
                side = tokens[k - 1].low if k > 0 and tokens[k - 1].kind == WORD else ""
                relationship = KIN_TITLE_RELATIONSHIP.get(tok.low)
                who.kind, who.strong = "kintitle", True
                if side in _SIDES or len(run) > 1:
                    # "maternal aunt Leanne Ward", "Aunt Kerry Brennan": the word is what
                    # she is to the family, not what anyone calls her.
                    who.name = " ".join(capitalise_name(tokens[r].base) for r in run)
                    who.relationship = f"{side} {relationship}" if side in _SIDES and \
                        relationship else relationship
                    used.update([k, *run] + ([k - 1] if side in _SIDES else []))
                    break
                who.name = f"{_kin_display(tok)} {capitalise_name(tokens[nxt].base)}"
                who.relationship = relationship
                used.update([k, nxt])
                break

    # An ordinary name: "Kelly", "Sam Patel".
    if who.name is None:
        for k in words:
            if k in possessors or k in role_tokens or not _name_at(tokens[k], text):
                continue
            if k > 0 and not tokens[k].capitalised and tokens[k - 1].full_low in _DESCRIBING_CUES:
                continue  # "she's poorly", "feeling rough": a description, not a name
            run = [k]
            m = k + 1
            while (
                m < len(tokens)
                and len(run) < 3
                and tokens[m].kind == WORD
                and _is_name(tokens[m])
                and m not in possessors
                and not tokens[run[-1]].possessive
            ):
                run.append(m)
                m += 1
            who.name = _display_name([tokens[r] for r in run])
            who.kind, who.strong = "proper", True
            used.update(run)
            break

    # A kinship word as the name: "Nan", "Grandad", "my mum".
    kin_words = [
        k
        for k in words
        if _kin(tokens[k]) and not tokens[k].possessive and k not in possessors and k not in used
    ]
    if who.name is None and kin_words:
        k = kin_words[0]
        b = k - 1
        while b > 0 and tokens[b].kind == WORD and tokens[b].low in RELATIONSHIP_WORDS:
            b -= 1  # "my maternal grandmother", "my older sister's"
        before = tokens[b] if b >= 0 and b < k else None
        determined = before is not None and (
            before.full_low in POSSESSIVE_DETERMINERS or before.possessive
        )
        who.name = _kin_display(tokens[k])
        who.kind, who.strong = "kin", not determined
        who.relationship = KIN_NAMES[tokens[k].low]
        if not determined:
            used.add(k)
            extra = [
                m
                for m in kin_words[1:]
                if not (
                    tokens[m - 1].full_low in POSSESSIVE_DETERMINERS or tokens[m - 1].possessive
                )
            ]
            if extra and len(extra) == len(kin_words) - 1:
                who.extra_kin = tuple(_kin_display(tokens[m]) for m in extra)
                used.update(extra)

    # A role as the name: "the health visitor" -> "Health visitor".
    if who.name is None and roles:
        display = roles[0][2]
        who.name = display if display.isupper() else display[:1].upper() + display[1:]
        who.kind = "role"
        who.relationship = display

    # What is left describes the person: "my sister", "social worker".
    rest = [k for k in range(len(tokens)) if k not in used and tokens[k].kind != CONTACT]
    rest_set = set(rest)
    groups: list[list[Tok]] = []
    for k in rest:
        if groups and k - 1 in rest_set:
            groups[-1].append(tokens[k])
        else:
            groups.append([tokens[k]])
    described_parts: list[str] = []
    for group in groups:
        stop = next((n for n, t in enumerate(group) if t.full_low in DESCRIPTOR_STOP), None)
        if stop is not None:
            group = group[:stop]
        trimmed = _trim(group)
        role = _role_at(trimmed, 0) if trimmed else None
        if role and role[0] == len(trimmed):
            described_parts.append(role[1])  # "SW" -> "social worker"
            continue
        if trimmed and any(t.kind == WORD for t in trimmed):
            described_parts.append(squash(text[trimmed[0].start : trimmed[-1].end]))
    described = _short(", ".join(described_parts)) if described_parts else None
    if described and who.kind == "kintitle" and who.relationship:
        # "MGF Keith Ward (lives with MGM)": the word in front says what he is; the
        # rest says more, in the words typed.
        who.relationship = f"{who.relationship} ({described.strip('()')})"
    elif described and who.kind != "role":
        who.relationship = described
    elif who.relationship is None and roles:
        who.relationship = roles[0][2]

    family = any(
        t.kind == WORD
        and t.low in _FAMILY_TIES
        and not t.possessive
        and k not in possessors
        and k not in role_tokens
        for k, t in enumerate(tokens)
    )
    if not who.is_professional and not family:
        word_count = sum(1 for t in tokens if t.kind == WORD)
        for start, length, _display in roles:
            phrase = " ".join(t.full_low for t in tokens[start : start + length])
            if phrase not in ORGANISATION_ROLES:
                who.is_professional = True
                break
            words_before = {t.full_low for t in tokens[max(0, start - 3) : start]}
            if word_count <= 4 or words_before & {"from", "at", "works", "work", "working"}:
                who.is_professional = True
                break
    return who


# -- the network -----------------------------------------------------------------

_HARD_WORDS = frozenset({"and", "plus", "also", "then", "&", "و"})
_HARD_PUNCT = frozenset({"\n", ";", "&", "+", ".", "!", "?"})
_SOFT_PUNCT = frozenset({",", "-", ":", "(", ")", "/", "|", "[", "]"})


def _chunks(tokens: list[Tok]) -> list[tuple[str, list[Tok], list[Tok]]]:
    """Split a list of people at separators.

    Each chunk comes with how it was split from the one before ("start",
    "hard" or "soft") and the separator tokens, kept so that a merged chunk
    still knows "Mrs Jones, Leo's teacher" had a comma in it.
    """
    chunks: list[tuple[str, list[Tok], list[Tok]]] = []
    current: list[Tok] = []
    seps: list[Tok] = []
    sep = "start"
    for tok in tokens:
        hard = (tok.kind == WORD and tok.full_low in _HARD_WORDS) or (
            tok.kind == PUNCT and tok.text in _HARD_PUNCT
        )
        soft = tok.kind == PUNCT and tok.text in _SOFT_PUNCT
        if hard or soft:
            if current:
                chunks.append((sep, seps, current))
                current, seps = [], []
                sep = "hard" if hard else "soft"
            elif hard:
                sep = "hard"
            seps.append(tok)
            continue
        current.append(tok)
    if current:
        chunks.append((sep, seps, current))
    return chunks


_DESCRIBING_SEPARATORS = frozenset({"(", "-", ":"})


def _lone_title(chunk: list[Tok]) -> str | None:
    """ "Mr" in "Mr and Mrs Khan": a title whose surname comes with the next person."""
    words = [t for t in chunk if t.kind == WORD]
    if len(words) != 1 or any(t.kind == CONTACT for t in chunk):
        return None
    return _title_key(words[0])


def _says_more(sep: str, seps: list[Tok], chunk: list[Tok], who: _Who, before: _Who) -> bool:
    """Does this chunk describe the person before it rather than name someone new?"""
    words = [t for t in chunk if t.kind == WORD]
    if not words:
        return False
    if chunk[0] is words[0] and words[0].full_low in DESCRIPTION_LEADS:
        return True  # "my mum Jan, she lives round the corner"
    if sep != "soft":
        return False  # "Kelly and Nan" are two people
    marked = any(t.text in _DESCRIBING_SEPARATORS for t in seps)
    if who.kind == "kin" and who.strong and not who.extra_kin:
        # "Kelly (aunt)", "Grace (maternal grandmother)", "jan, nan to the kids";
        # but "Kelly, Nan" is two people.
        if before.kind not in ("proper", "title", "kintitle"):
            return False
        formal = any(t.low in KIN_NOT_NAMES for t in words)
        return marked or formal or len(words) > 1
    # "Nan (Jan)": the name of the nan.
    return (
        who.kind == "proper"
        and before.kind == "kin"
        and before.strong
        and not before.extra_kin
        and any(t.text == "(" for t in seps)
        and who.name is not None
        and len(words) == len(who.name.split())
    )


def _split_outside_brackets(text: str) -> list[str]:
    """Records split at ";" or a new line, never inside brackets: "IDVA - Marcus (via
    MARAC; 0161 496 0366)" is one record (fidelity batch d)."""
    records, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ";\n" and depth == 0:
            records.append(text[start:i].strip())
            start = i + 1
    records.append(text[start:].strip())
    return records


# "HV - Lucy Grant (07700 900870)": a worker's record with the role first.
_ROLE_DASH = re.compile(r"^(?P<role>[^()\d]{1,50}?)\s+[-\u2013\u2014]\s+(?P<rest>.+)$")


def _role_first(record: str) -> str:
    """ "HV - Lucy Grant (07700 900870)" as "Lucy Grant (07700 900870), HV", when the
    part before the dash names a role or a place and nobody by name."""
    found = _ROLE_DASH.match(record)
    if found is None:
        return record
    role, rest = found.group("role").strip(), found.group("rest").strip()
    # "DSL at St Mark's Primary - Mrs Adeyemi": the place is where, not who.
    before = _people_in_words(re.sub(r"\s+(?:at|from|of)\s+.*$", "", role))
    if any(p.relationship is None or p.name.casefold() != p.relationship.casefold()
           for p in before):
        return record  # "Christine Walsh - main support": the name comes first
    head = re.split(r"[,(]", rest, maxsplit=1)[0]
    after = _people_in_words(head)
    if len(after) != 1 or (after[0].relationship or "").casefold() == after[0].name.casefold():
        return record
    name_end = rest.find(head) + len(head)
    return f"{rest[:name_end].strip()}, {role}{rest[name_end:]}"


def _one_per_record(text: str) -> list[NamedPerson] | None:
    """A pasted list, one person per line or per semicolon: each record is one person.

    "Denise Brennan, paternal grandmother, 07700 900141; Karen Walsh, maternal
    aunt, ...": the record's first part names the person, the rest (without the
    number) describes them, in the words typed ("maternal uncle by marriage
    (Karen's husband)" is one description, not a second person called Marriage).
    None when the text is not such a list, or a record's first part does not name
    exactly one person.
    """
    records = [r.strip(" .,") for r in _split_outside_brackets(text)]
    records = [_role_first(r) for r in records if r]
    if len(records) < 2 or len(records) > 40:
        return None
    found: list[NamedPerson] = []
    for record in records:
        # "MGF Keith Ward (lives with MGM, no mobile)": what is in brackets describes
        # the person, in their words; it never names them, nor splits the record.
        head, rest = _head_and_rest(record)
        aside = ""
        named = _people_in_words(head)
        if len(named) != 1:
            aside = "; ".join(_without_contacts(a) for a in _BRACKETED.findall(head))
            named = _people_in_words(_BRACKETED.sub(" ", head))
        if len(named) != 1:
            return None
        person = named[0]
        spans = find_contacts(record)
        contact = record[spans[0][0] : spans[0][1]].strip() if spans else None
        # "DSL Mrs Greenway, Tia-Rose's secondary school": what she is and where.
        said_after = _without_contacts(rest)
        # "Nan, my mum": "grandmother" only restates the name; what was said is kept.
        named_as = KIN_NAMES.get(person.name.casefold())
        before = None if said_after and person.relationship == named_as else person.relationship
        described = ", ".join(
            part for part in (before, said_after)
            if part and not (part == before and said_after
                             and part.casefold() in said_after.casefold())
        )
        aside = "; ".join(a for a in aside.split("; ") if a)
        if aside:
            described = f"{described} ({aside})" if described else aside
        professional = person.is_professional or any(
            p.is_professional for p in _people_in_words(rest + " " + aside)
        )
        found.append(NamedPerson(person.name, described or None, contact, professional))
    return found


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _head_and_rest(record: str) -> tuple[str, str]:
    """The record split at its first comma or dash outside brackets: who, then the rest."""
    depth = 0
    for i, char in enumerate(record):
        depth += char == "("
        depth -= char == ")" and depth > 0
        if depth:
            continue
        if char == ",":
            return record[:i], record[i + 1 :]
        if char in "-–" and record[i - 1 : i] == " " and record[i + 1 : i + 2] == " ":
            return record[:i], record[i + 1 :]
    return record, ""


def _without_contacts(words: str) -> str:
    """The words of a record's description without its phone numbers and their cue words."""
    for start, end in reversed(find_contacts(words)):
        words = words[:start] + words[end:]
    words = squash(re.sub(r"(?:\s*,\s*){2,}", ", ", words)).strip(" ,;:-.")
    # "(07700 900870)" without its number is nothing; "(via MARAC; )" is "(via MARAC)".
    words = re.sub(r"\s*[;,]\s*\)", ")", words)
    words = re.sub(r"\s*\(\s*\)", "", words)
    words = re.sub(r"(?<=\w)\(", " (", words)
    return re.sub(r"\s*\b(?:on|tel|mob|number)$", "", words).strip(" ,;:-.")


def _people(text: str) -> list[NamedPerson]:
    return _one_per_record(text) or _people_in_words(text)


def _people_in_words(text: str) -> list[NamedPerson]:
    tokens = tokenize(text)
    groups: list[list[Tok]] = []
    last: _Who | None = None  # what groups[-1] says, while it stays as it is
    for sep, seps, chunk in _chunks(tokens):
        who = _analyse(chunk, text)
        has_contact = any(t.kind == CONTACT for t in chunk)
        if groups and last is None:
            last = _analyse(groups[-1], text)
        if groups and last is not None and _says_more(sep, seps, chunk, who, last):
            groups[-1].extend(seps + chunk)
            last = None
        elif who.strong or not groups or _lone_title(chunk):
            groups.append(list(chunk))
            last = who
        elif sep == "soft" or (has_contact and who.name is None):
            groups[-1].extend(seps + chunk)
            last = None
        elif who.name is not None:
            groups.append(list(chunk))
            last = who
    analysed = [(group, _analyse(group, text)) for group in groups]
    found: list[NamedPerson] = []
    for index, (group, who) in enumerate(analysed):
        title = _lone_title(group)
        after = analysed[index + 1][1] if index + 1 < len(analysed) else None
        if who.name is None and title and after is not None and after.kind == "title":
            # "Mr and Mrs Khan next door": two people with one surname and one description
            surname = after.name.split()[-1] if after.name else ""
            professional = title in PROFESSIONAL_TITLES or after.is_professional
            name = f"{TITLES[title]} {surname}"
            found.append(NamedPerson(name, after.relationship, after.contact, professional))
            continue
        if who.name is None:
            continue
        if who.kind == "role" and who.name.casefold() in ORGANISATION_ROLES:
            continue  # "the school": a place, not a person to put in the network
        found.append(NamedPerson(who.name, who.relationship, who.contact, who.is_professional))
        found.extend(NamedPerson(k, None, who.contact, who.is_professional) for k in who.extra_kin)
    people: list[NamedPerson] = []
    seen: set[str] = set()
    for someone in found:
        key = someone.name.casefold()
        if people and key == (people[-1].relationship or "").casefold():
            # "Nan (grandmother), 07700 900123": the word is Nan's description, not
            # a second person, and the number after it is Nan's too.
            previous = people[-1]
            if someone.contact and not previous.contact:
                people[-1] = NamedPerson(
                    previous.name, previous.relationship, someone.contact, previous.is_professional
                )
            continue
        if key in seen:
            continue
        seen.add(key)
        if someone.relationship is None and key in KIN_NAMES:
            someone = NamedPerson(
                someone.name, KIN_NAMES[key], someone.contact, someone.is_professional
            )
        people.append(someone)
    return people


@never_raises(lambda *_a, **_k: [])
def parse_people(text: str) -> list[NamedPerson]:
    """People for the safety network: "Nan (my mum)", "Sam Patel, social worker, 07700 900123".

    What follows a name describes it: "Kelly (aunt)", "Grace (maternal
    grandmother)", "my mum Jan, she lives round the corner". "Mr and Mrs Khan"
    is two people, Mr Khan and Mrs Khan, with the same description and
    number, because the plan names them one at a time. An organisation on its
    own ("the school", "the police", "CAMHS") gives nothing: the network needs
    someone to contact, and the question asks again. "Jo from school" and
    "the school nurse" are people.
    """
    return _people(respell_roles(clean(text)))


_ROLE_SPELLING = re.compile(
    r"\b(" + "|".join(sorted(ROLE_SPELLINGS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def respell_roles(text: str) -> str:
    """Relationship words spelt as heard ("my frend becky", "nabor") in their usual
    spelling, so they are read as the relationship and never as part of a name."""

    def fix(match: re.Match[str]) -> str:
        typed = match.group(0)
        right = ROLE_SPELLINGS[typed.casefold()]
        return right.capitalize() if typed[:1].isupper() else right

    return _ROLE_SPELLING.sub(fix, text)


# Between two numbers, words that take the first back: "07700 900446, no sorry 07700 900464".
_CORRECTED = re.compile(
    r"^[\s,.;:-]*(?:no|sorry|oops|wait|i mean|i meant|actually|correction|typo)\b", re.IGNORECASE
)


@never_raises(lambda *_a, **_k: None)

def extract_contact(text: str) -> str | None:
    """The first UK phone number or email address typed, as typed (or the one it became)."""
    text = clean(text)
    spans = find_contacts(text)
    if not spans:
        return None
    start, end = spans[0]
    for next_start, next_end in spans[1:]:
        if not _CORRECTED.match(text[end:next_start]):
            break
        start, end = next_start, next_end
    return text[start:end].strip()


# -- the person typing -----------------------------------------------------------


def _relation_run(tokens: list[Tok], possessors: set[int]) -> tuple[str, str, bool] | None:
    """How the person typing is related: (relationship, display name, professional)."""
    for i, tok in enumerate(tokens):
        if tok.kind == WORD and tok.possessive and tok.low in KIN_NAMES:
            # "mum's partner"
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.kind == WORD and nxt.low in RELATIONSHIP_WORDS:
                phrase = f"{tok.low}'s {nxt.low}"
                return phrase, phrase[:1].upper() + phrase[1:], False
            continue
        if tok.kind != WORD or i in possessors:
            continue
        role = _role_at(tokens, i)
        if role:
            display = role[1]
            name = display if display.isupper() else display[:1].upper() + display[1:]
            return display, name, True
        if tok.possessive:
            continue
        if tok.low in KIN_NAMES:
            before = tokens[i - 1] if i > 0 else None
            if before is not None and before.kind == WORD and before.low in ("step", "foster"):
                phrase = f"{before.low}{tok.low}" if before.low == "step" else f"foster {tok.low}"
                return phrase, phrase[:1].upper() + phrase[1:], False
            return KIN_NAMES[tok.low], _kin_display(tok), False
        if tok.low in RELATIONSHIP_WORDS and tok.low not in ("the", "a"):
            run = [tok.low]
            for nxt in tokens[i + 1 : i + 3]:
                if nxt.kind == WORD and (nxt.low in RELATIONSHIP_WORDS or nxt.low in KIN_NAMES):
                    run.append(nxt.low)
                else:
                    break
            if run[-1] in _FAMILY_TIES or run[-1] in KIN_NAMES or len(run) > 1:
                phrase = " ".join(run)
                return phrase, phrase[:1].upper() + phrase[1:], False
    return None


@never_raises(lambda *_a, **_k: None)
def parse_self(text: str) -> NamedPerson | None:
    """Who is typing: "Sarah, I'm their mum", "I'm Sam Patel, the social worker", "its dad here"."""
    text = clean(text)
    tokens = tokenize(text)
    possessors = _possessors(tokens, text)
    contacts = [t for t in tokens if t.kind == CONTACT]
    contact = contacts[0].text if contacts else None
    relation = _relation_run(tokens, possessors)

    name: str | None = None
    who = _analyse([t for t in tokens if t.kind != CONTACT], text)
    if who.kind in ("title", "kintitle", "proper"):
        name = who.name
    if name is None and relation is None:
        return None
    if relation is None:
        return NamedPerson(name or "", None, contact, who.is_professional)
    relationship, display, professional = relation
    return NamedPerson(name or display, relationship, contact, professional)


# -- names in free text ----------------------------------------------------------


def _case_is_informative(tokens: list[Tok]) -> bool:
    """False for ALL CAPS or Every Word Capitalised text, where capitals say nothing."""
    words = [t for t in tokens if t.kind == WORD and len(t.text) > 1]
    cased = [t for t in words if t.text[0].lower() != t.text[0].upper()]
    if len(cased) >= 4 and sum(1 for t in cased if t.all_caps) / len(cased) >= 0.6:
        return False
    # Ordinary words mid-sentence are lower case in ordinary writing.
    ordinary = [
        t
        for t in cased
        if not t.sentence_start and t.low in COMMON_WORDS and t.full_low not in TITLES
    ]
    if len(ordinary) < 2:
        return True
    return sum(1 for t in ordinary if t.capitalised) / len(ordinary) < 0.6


def _split_will(tokens: list[Tok]) -> list[Tok]:
    """ "Jan'll ring" -> "Jan", "'ll", "ring", so the name and the verb are apart."""
    out: list[Tok] = []
    for tok in tokens:
        if tok.kind == WORD and len(tok.text) > 3 and tok.full_low.endswith("'ll"):
            cut = tok.end - 3
            out.append(Tok(tok.text[:-3], WORD, tok.start, cut, tok.sentence_start))
            out.append(Tok(tok.text[-3:], WORD, cut, tok.end))
        else:
            out.append(tok)
    return out


def _person_role_at(tokens: list[Tok], j: int) -> bool:
    """A role that is a person ("health visitor"), not an organisation ("school")."""
    role = _role_at(tokens, j)
    return role is not None and role[1].casefold() not in ORGANISATION_ROLES


def _person_ahead(tokens: list[Tok], j: int) -> bool:
    """Does someone start at token j: "Kelly", "Nan", "Mr Ahmed", "the health visitor"?"""
    if j >= len(tokens) or tokens[j].kind != WORD:
        return False
    tok = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if tok.low in _KIN_MENTIONS or tok.low in KIN_TITLES:
        return True
    if _title_key(tok) and nxt is not None and nxt.kind == WORD and nxt.capitalised:
        return True
    if _person_role_at(tokens, j):
        return True  # "Grace and SW"
    if _mention_word(tok) and not tok.sentence_start:
        return True
    if tok.full_low in POSSESSIVE_DETERMINERS and nxt is not None and nxt.kind == WORD:
        return (
            nxt.low in KIN_NAMES or nxt.low in RELATIONSHIP_WORDS or _person_role_at(tokens, j + 1)
        )
    return False


def _sentence_word(tok: Tok) -> bool:
    """A word with a capital only for starting a sentence: "Continue", "Sadly", "Supervision"."""
    low = tok.low
    return low in SENTENCE_STARTERS or (len(low) >= 5 and low.endswith(SENTENCE_WORD_ENDINGS))


def _named_by_what_follows(tokens: list[Tok], i: int) -> bool:
    """Is the capitalised word at i a name because of what comes after it?

    "Jan will come round", "Grace can take them", "Jan to ring Nan", "Grace
    and the health visitor", "Jan, Kelly and Nan": a doer before a plan verb,
    or the first of a list of people. Words that start sentences anyway
    ("Continue to", "Cool, Nan ..."), nouns and adverbs ("Supervision will",
    "Sadly, Kelly") and things that will *be* something ("Summer will be
    hard") are not. Everyday words that are names too (May, June, Will)
    need a plain doing word: "June will ring Nan".
    """
    tok = tokens[i]
    low = tok.low
    if tok.possessive or _sentence_word(tok):
        return False
    if not (_is_name(tok) or low in CALENDAR_NAMES):
        return False
    common = low in COMMON_WORDS
    if i + 1 >= len(tokens):
        return False
    cue = tokens[i + 1]
    if cue.kind == WORD and cue.full_low in PLAN_MODALS:
        if common and cue.full_low == "to":
            return False  # "Hope to see them"
        j = i + 2
        while j < len(tokens) and tokens[j].kind == WORD and tokens[j].full_low in _FILLER_ADVERBS:
            j += 1
        if j >= len(tokens) or tokens[j].kind != WORD:
            return False
        verb = tokens[j].full_low
        if verb in PLAN_ACTION_VERBS:
            return True
        then = tokens[j + 1].full_low if j + 1 < len(tokens) else ""
        return not common and verb in PLAN_MOVING_VERBS and not (verb == "have" and then == "to")
    if common:
        return False
    if cue.text in (",", "&") or cue.full_low == "and":
        return _person_ahead(tokens, i + 2)
    return False


def _mention_word(tok: Tok) -> bool:
    """A capitalised word that reads as someone's name."""
    if tok.kind != WORD or not tok.capitalised or tok.all_caps:
        return False
    if tok.low in CALENDAR_WORDS:
        return False
    return _is_name(tok)


@never_raises(lambda *_a, **_k: [])
def mentioned_names(text: str) -> list[str]:
    """People named in free text, in order: "Nan will ... ring Kelly" -> ["Nan", "Kelly"].

    Kinship names (Nan, Grandad, Mum, Aunty Jo) count in any case; other
    names only with a capital, and not in ALL CAPS or Title Case text, where
    capitals say nothing. A capital first in a sentence counts only when the
    same word is capitalised mid-sentence elsewhere, or when a doing word or
    a list of people follows ("Jan will come round", "Grace and the health
    visitor"), and never for words that start sentences anyway ("Continue
    to ...", "Sadly, ..."). Names that are dates (Jan, May) count only that
    way. Misses some names rather than invent one.
    """
    text = clean(text)
    tokens = _split_will(tokenize(text))
    use_case = _case_is_informative(tokens)
    mid_sentence = {
        t.low for t in tokens if t.kind == WORD and t.capitalised and not t.sentence_start
    }
    found: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.kind != WORD:
            i += 1
            continue
        key = _title_key(tok)
        couple = tokens[i + 2 : i + 4]
        if (
            key
            and nxt is not None
            and nxt.full_low in ("and", "&")
            and len(couple) == 2
            and _title_key(couple[0])
            and couple[1].kind == WORD
            and couple[1].capitalised
        ):
            # "Mr and Mrs Khan" -> "Mr Khan", then "Mrs Khan"
            found.append(f"{TITLES[key]} {capitalise_name(couple[1].base)}")
            i += 2
            continue
        if (
            key
            and nxt is not None
            and nxt.kind == WORD
            and (nxt.capitalised or (key in ("mr", "mrs", "ms", "mx", "dr") and _is_name(nxt)))
        ):
            if nxt.low not in _NEVER_NAMES or nxt.capitalised:
                found.append(f"{TITLES[key]} {capitalise_name(nxt.base)}")
                i += 2
                continue
        if (
            tok.low in KIN_TITLES
            and not tok.possessive
            and nxt is not None
            and nxt.kind == WORD
            and _name_at(nxt, text)
            and tok.low != "great"
            and (
                nxt.capitalised
                or not use_case
                or (nxt.low not in AMBIGUOUS_NAMES and nxt.low not in CALENDAR_NAMES)
            )
        ):
            found.append(f"{_kin_display(tok)} {capitalise_name(nxt.base)}")
            i += 2
            continue
        if tok.low == "great" and nxt is not None and nxt.kind == WORD and nxt.low in _KIN_MENTIONS:
            found.append(f"Great {_kin_display(nxt)}")
            i += 2
            continue
        if tok.low in _KIN_MENTIONS:
            found.append(_kin_display(tok))
            i += 1
            continue
        if use_case and _mention_word(tok):
            before = tokens[i - 1] if i > 0 else None
            at_place = (
                before is not None
                and before.kind == WORD
                and before.full_low in ("in", "at", "near", "from")
                and not tok.possessive
            )
            followed_by_name = nxt is not None and _mention_word(nxt) and not nxt.sentence_start
            if (
                not tok.sentence_start
                or tok.low in mid_sentence
                or followed_by_name
                or _named_by_what_follows(tokens, i)
            ) and not at_place:
                run = [tok]
                j = i + 1
                while (
                    j < len(tokens)
                    and len(run) < 3
                    and not run[-1].possessive
                    and _mention_word(tokens[j])
                    and not tokens[j].sentence_start
                ):
                    run.append(tokens[j])
                    j += 1
                found.append(_display_name(run))
                i = j
                continue
        if (
            use_case
            and tok.low in CALENDAR_NAMES
            and tok.capitalised
            and not tok.all_caps
            and _name_position(tok, text) is not None
            and _named_by_what_follows(tokens, i)
        ):
            found.append(capitalise_name(tok.base))  # "Jan will come round", not "in May"
            i += 1
            continue
        i += 1
    unique: list[str] = []
    seen: set[str] = set()
    for name in found:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique


# -- the children ----------------------------------------------------------------

_YEAR_UNITS = frozenset(
    "y yr yrs year years yo y/o yearold yearolds years-old year-old yo's".split()
)
_MONTH_UNITS = frozenset("m mo mos mth mths mnth mnths month months month-old months-old".split())
_SMALL_UNITS = frozenset("w wk wks week weeks week-old weeks-old d day days day-old".split())
_AGE_CUES = frozenset(
    """is aged age who's whos she's he's shes hes turned turning nearly almost just 's are
    be being""".split()
)
_AGE_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
}
_CHILD_SEPARATORS = frozenset({",", ";", "&", "+", "/", "\n", "."})


def _age_from(value: float, unit: str | None) -> int | None:
    if not 0 <= value < 1000:
        return None
    if unit in _MONTH_UNITS:
        years = int(value // 12)
    elif unit in _SMALL_UNITS:
        years = 0
    else:
        years = int(value)
    return years if 0 <= years <= 18 else None


def _unit_after(tokens: list[Tok], k: int) -> str | None:
    if k + 1 < len(tokens) and tokens[k + 1].kind == WORD:
        word = tokens[k + 1].full_low
        if word in _YEAR_UNITS or word in _MONTH_UNITS or word in _SMALL_UNITS:
            return word
        if word.startswith(("yr", "year")):
            return "years"
    return None


def _children(text: str) -> list[NamedChild]:
    tokens = tokenize(text)
    # Items: ("name", [tokens]) runs, ("age", value), ("sep", None).
    items: list[tuple[str, object]] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        prev = tokens[k - 1] if k > 0 else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok.kind == NUM:
            if (
                (prev is not None and prev.text in "/.")
                or (nxt is not None and nxt.text in "/")
                or (nxt is not None and nxt.full_low in _ORDINALS and nxt.start == tok.end)
            ):
                k += 1  # part of a date of birth ("12/03/2019", "5th May"), not an age
                continue
            try:
                value = float(tok.text)
            except ValueError:
                k += 1
                continue
            unit = _unit_after(tokens, k)
            items.append(("age", _age_from(value, unit)))
            k += 2 if unit else 1
            continue
        if tok.kind == WORD and tok.low in _AGE_WORDS:
            unit = _unit_after(tokens, k)
            cue = prev is not None and (prev.full_low in _AGE_CUES or prev.possessive)
            if unit or cue:
                items.append(("age", _age_from(_AGE_WORDS[tok.low], unit)))
                k += 2 if unit else 1
                continue
        if (
            tok.kind == WORD
            and prev is not None
            and prev.kind == NUM
            and prev.end == tok.start
            and tok.full_low in _ORDINALS
        ):
            k += 1  # "5th": part of a date
            continue
        if tok.kind == WORD and _name_at(tok, text):
            if items and items[-1][0] == "name" and prev is not None and prev.kind == WORD:
                run = items[-1][1]
                assert isinstance(run, list)
                if run and run[-1] is prev:
                    run.append(tok)
                    k += 1
                    continue
            items.append(("name", [tok]))
        elif (tok.kind == WORD and tok.full_low in ("and", "plus", "also", "و")) or (
            tok.kind in (PUNCT, CONTACT) and tok.text in _CHILD_SEPARATORS
        ):
            items.append(("sep", None))
        k += 1

    # A run of names followed by an age is one child with a surname ("Leo Smith (7)");
    # otherwise each name is a child ("leo mia and sam").
    flat: list[tuple[str, object]] = []
    for index, (kind, item) in enumerate(items):
        if kind != "name":
            flat.append((kind, item))
            continue
        assert isinstance(item, list)
        next_is_age = index + 1 < len(items) and items[index + 1][0] == "age"
        names = [item[0]] if next_is_age else item
        flat.extend(("child", capitalise_name(tok.base)) for tok in names)

    children: list[list[object]] = []  # [name, age]
    pending: list[int] = []
    index = 0
    while index < len(flat):
        kind, item = flat[index]
        if kind == "child":
            children.append([item, None])
            pending.append(len(children) - 1)
            index += 1
            continue
        if kind == "age":
            ages = []
            while index < len(flat) and flat[index][0] in ("age", "sep"):
                if flat[index][0] == "age":
                    ages.append(flat[index][1])
                index += 1
            if len(ages) == len(pending) and len(pending) > 1:
                for child, age in zip(pending, ages, strict=True):
                    children[child][1] = age
            elif pending:
                children[pending[-1]][1] = ages[0]
            pending = []
            continue
        index += 1

    result: list[NamedChild] = []
    seen: dict[str, int] = {}
    for name, age in children:
        assert isinstance(name, str)
        age_value = age if isinstance(age, int) else None
        key = name.casefold()
        if key in seen:
            previous = result[seen[key]]
            if previous.age is None and age_value is not None:
                result[seen[key]] = NamedChild(previous.first_name, age_value)
            continue
        seen[key] = len(result)
        result.append(NamedChild(name, age_value))
    return result


@never_raises(lambda *_a, **_k: [])
def parse_children(text: str) -> list[NamedChild]:
    """Children's first names and ages: "Leo 7 and Mia 4", "Leo (7), Mia (18 months)".

    Ages are whole years (18 months -> 1, 6 months -> 0); ages over 18 are
    dropped and the name kept. Names typed next to each other are separate
    children ("leo mia and sam") unless an age follows, when the later words
    are a surname ("Leo Smith (7)" -> Leo). Ordinary words that are also
    names (Will, Hope, Grace) count only when typed with a capital; dates
    that are names (Jan, May, June) count where a name stands ("Jan 5",
    "Leo and May") and not in a date ("born in May", "5th May").
    """
    return _children(clean(text))


# -- who will do what ------------------------------------------------------------

_CONDITION = re.compile(
    r"^\s*(?:if|when|whenever|should|in\s+case|once|as\s+soon\s+as|any\s+time|anytime)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:will|shall|should|would|can|could|must|'ll|is\s+going\s+to|are\s+going\s+to|"
    r"am\s+going\s+to|going\s+to|gonna|needs\s+to|need\s+to|has\s+to|have\s+to|has\s+agreed\s+to|"
    r"have\s+agreed\s+to|agreed\s+to|agrees\s+to|promised\s+to|is\s+to|are\s+to|to)\b"
    r"(?:\s+(?:then|also|always|immediately|straight\s+away|usually|now|first))*\s+",
    re.IGNORECASE,
)
_CONTACT_FILLER = frozenset(
    """ring call phone text contact reach email e-mail tel mob mobile number no num on at via
    her him them his their is or and me us her's whose number's numbers numba nomba sorry
    he she they he's she's they're
    - : , ( )""".split()
)
_PRONOUN_SUBJECTS = {"i": "I", "we": "We", "me": "I"}


def _drop_contact_clause(text: str) -> str:
    """Remove "ring her on 07700 900123" and the number itself from an instruction."""
    # Instructions hold a number or two; more than that is pasted noise.
    for start, end in reversed(find_contacts(text)[:3]):
        left = max(0, *(text.rfind(sep, 0, start) for sep in (",", ";", "(", " - ", ".")))
        rights = [text.find(sep, end) for sep in (",", ";", ")", " - ", ".")]
        right = min([r for r in rights if r >= 0], default=len(text))
        clause = text[left:start] + " " + text[end:right]
        leftover = re.findall(r"[\w'-]+|[(),:-]", clause.casefold())
        if all(w in _CONTACT_FILLER for w in leftover):
            if right < len(text) and text[right] == ")":
                right += 1
            text = text[:left] + " " + text[right:]
        else:
            before = re.sub(
                r"(?:\s+(?:on|at|via|tel|mob|number|no))?\s*[(:]?\s*$", "", text[:start]
            )
            text = before + " " + text[end:].lstrip(" )")
    return squash(text).strip(" ,;:-")


def _subject_word(tok: Tok) -> bool:
    if tok.kind != WORD:
        return False
    low = tok.low
    return (
        _is_name(tok)
        or low in CALENDAR_NAMES
        or low in AMBIGUOUS_NAMES
        or tok.possessive
        or low in KIN_NAMES
        or low in KIN_TITLES
        or low in TITLES
        or low in _ROLE_PARTS
        or low in RELATIONSHIP_WORDS
        or tok.full_low in POSSESSIVE_DETERMINERS
    )


def _word_name(name: str) -> bool:
    """A one-word name that is an ordinary word or a date too: "Summer", "Will", "Jan"."""
    low = name.casefold()
    return low in CALENDAR_NAMES or (low in AMBIGUOUS_NAMES and low in COMMON_WORDS)


def _subject(text: str, end: int) -> str | None:
    """The person named just before a modal verb ending at ``end``."""
    before = text[:end]
    tokens = tokenize(before)
    if tokens and tokens[-1].kind == WORD and tokens[-1].full_low in _PRONOUN_SUBJECTS:
        return _PRONOUN_SUBJECTS[tokens[-1].full_low]
    words: list[Tok] = []
    for tok in reversed(tokens):
        if tok.kind == PUNCT and tok.text == ".":
            if words or not tokens:
                break
            continue
        if not _subject_word(tok) or len(words) >= 6:
            break
        words.insert(0, tok)
    if not words:
        return None
    if not before[: words[0].start].strip() and _sentence_word(words[0]):
        words = words[1:]  # "Continue to attend school", "Remind Nan to ring"
        if not words:
            return None
    who = _analyse(words, before)
    return who.name


# "ring Rachel on 0121 496 0456", "call 999", "text Sandra (07700 900456)": the number
# is the one they will call, not the doer's own. Only "ring her/him on ..." (the doer,
# as in "Nan will take them, ring her on ...") leaves it theirs.
_CALLS_SOMEONE = re.compile(
    r"\b(?:ring|call|phone|text|contact|message|whatsapp|tell|dial)(?:s|ing|ed)?"
    r"(?:\s+(?P<who>[\w'’]+(?:\s+[\w'’]+){0,4}?))?"
    r"(?:\s+(?:on|at|number|no|tel|mob))?\s*[(:\-]?\s*$",
    re.IGNORECASE,
)
_NUMBER_CUES = frozenset({"on", "at", "number", "no", "tel", "mob"})
# What comes before "contact" when it labels a number rather than asks for a call.
_CONTACT_LABEL = re.compile(r"(?:^|[,;(\-–:])\s*$")
# "ring her on ...": the doer. "call me on ..." is the person typing, "his sponsor" someone else.
_THE_DOER = {"her", "him", "them", "back"}


def _someone_elses_number(text: str, contact: str, person: str | None) -> bool:
    """Whether the number is typed as the one to call ("phone Rachel on ..."), not the doer's."""
    at = text.find(contact)
    if at < 0:
        return False
    called = _CALLS_SOMEONE.search(text[max(0, at - 60) : at])
    if called is None:
        return False
    # "contact on 07700 ...": "on" names nobody.
    who = [w for w in (called.group("who") or "").casefold().split() if w not in _NUMBER_CUES]
    window = text[max(0, at - 60) : at]
    if not who and _CONTACT_LABEL.search(window[: called.start()]) and \
            called.group(0).casefold().startswith("contact"):
        return False  # "..., contact 07700 900147": the doer's number, labelled
    if not who:
        return True  # "call 999": the number they will call
    if len(who) == 1 and who[0] in _THE_DOER:
        return False
    mine = set((person or "").casefold().split())
    return not (mine and mine & set(who))


# Words between a name and the number that is theirs: "Frank, he's on", "Stu's",
# "Priya, her number is".
_NUMBER_LEAD = re.compile(
    r"(?:[\s,(:\-]|\b(?:he|she|they|his|her|their|number|numbers|numba|no|is|are|'s|’s|s|on|"
    r"mob|mobile|tel|phone))*$",
    re.IGNORECASE,
)


_SELF_WORDS = frozenset({"me", "us", "you", "myself"})
_CALLED_BEFORE = re.compile(
    r"\b(?:ring|call|phone|text|contact|message|tell|get hold of)(?:s|ing)?$", re.IGNORECASE
)
_SAID_OF_SOMEONE = re.compile(r"\b(?:he|she|they)\b|^\s*['’]s\b", re.IGNORECASE)


def _number_owner(text: str, contact: str, doer: str | None) -> str | None:
    """The name a number is typed straight after, when that is not the doer's.

    "I'll ring Frank, he's on 07700 900845" gives Frank's number, not mine;
    "Mum will ring Dwayne and tell him to send them home, she's on ..." gives
    none (the word before is "home"), so the number stays the doer's.
    """
    at = text.find(contact)
    if at <= 0:
        return None
    before = text[max(0, at - 80) : at]
    lead = _NUMBER_LEAD.search(before)
    assert lead is not None  # the pattern matches the empty string
    said_of_them = _SAID_OF_SOMEONE.search(before[lead.start() :]) is not None
    pronoun = re.search(r"\b(?:he|she|they)\b", before[lead.start() :], re.IGNORECASE)
    if pronoun and (doer or "").casefold() not in ("i", "we", "me"):
        # "Kofi will check on Abena, he is on ...": "he" is the doer as readily as
        # Abena, so the number stays with the doer, as typed first.
        return None
    words = before[: lead.start()].split()
    if not words:
        return None
    last = words[-1].strip("'’.,;:()")
    tokens = tokenize(last)
    if len(tokens) != 1 or tokens[0].kind != WORD:
        return None
    # "keep them overnight, 07700 ..." is not someone called Overnight. A word
    # counts as the name when it follows "ring"/"call" ("ring frank, he's on"),
    # or is written as a name and not an everyday word, or, in lower case, has
    # "he's on" or "'s" between it and the number ("stu's 07700 ...").
    # "ring frank", "ring my mum sandra": a calling word just before the name.
    called = any(
        _CALLED_BEFORE.search(" ".join(words[:-1][: len(words) - 1 - k]))
        for k in range(0, min(3, len(words) - 1))
    )
    everyday = tokens[0].low in COMMON_WORDS or any(
        part in CALENDAR_NAMES for part in re.split(r"[-/]", tokens[0].low)
    )  # "takes Noah to nursery Mon-Wed (07700 ...)" is not someone called Mon-Wed
    # "i take the kids to my mums, tracey 07700 900481" (a persona on a phone): typed
    # in lower case, a name just before a number in what "I" will do is theirs; the
    # person typing does not give their own number to reach themselves.
    typist = (doer or "").casefold() in ("i", "we", "me")
    if not (called or (not everyday and (tokens[0].capitalised or said_of_them or typist))):
        return None
    if before.rstrip().endswith("(") and not called and not said_of_them:
        # "Ryan takes Noah to nursery (07700 ...)": a number in brackets after what
        # someone does is theirs, as workers write a plan.
        return None
    who = _analyse(tokens, last)
    name = who.name if who.strong and who.kind in ("proper", "kin", "kintitle") else None
    if (
        name is None
        and called
        and tokens[0].low not in PRONOUNS | _THE_DOER | _SELF_WORDS
        and tokens[0].low not in ORGANISATION_ROLES | NOT_PEOPLE
    ):
        name = capitalise_name(tokens[0].base)  # "ring frank, he's on ...": Frank
    if name is None:
        return None
    mine = {w.casefold() for w in (doer or "").split()}
    if mine & {w.casefold() for w in name.split()}:
        return None
    return name


def _without_taken_back_numbers(text: str) -> str:
    """ "her number's 07700 900446, no sorry 07700 900464": only the number meant is kept."""
    spans = find_contacts(text)
    pairs = list(zip(spans, spans[1:], strict=False))
    for (start, end), (next_start, _next_end) in reversed(pairs):
        if _CORRECTED.match(text[end:next_start]):
            text = text[:start] + text[next_start:]
    return text


# "shaz 07700 900377 shell get the big two": "shell" before a doing word is "she'll".
_SHELL = re.compile(r"(?<!\bthe )(?<!\ba )\b(she|he)ll\b(?= (?:get|come|take|have|ring|call|pick|"
                    r"bring|drive|collect|go|be|look|keep|stay|sit|phone|text|do|sort|help)\b)",
                    re.IGNORECASE)


def _who_does_what(text: str) -> WhoDoesWhat:
    text = _SHELL.sub(lambda m: m.group(1) + "'ll", text)
    text = re.sub(r",\s*,", ",", text)
    text = _without_taken_back_numbers(squash(clean(text)))
    contact = extract_contact(text)
    instruction = _drop_contact_clause(text) if contact else text
    if contact:
        found = _doer_and_action(instruction, text, contact)
        owner = _number_owner(text, contact, found.person) if found.person else None
        if owner is not None or _someone_elses_number(text, contact, found.person):
            # Never printed as the doer's number: it stays in what they will do.
            kept = _doer_and_action(text, text, None)
            return WhoDoesWhat(
                kept.person, kept.action, None, (owner, contact) if owner else None
            )
        return found
    return _doer_and_action(instruction, text, contact)


def _doer_and_action(instruction: str, text: str, contact: str | None) -> WhoDoesWhat:
    search_from = 0
    condition = _CONDITION.match(instruction)
    if condition:
        # "If Liam attends: Jade not to open door" ends the condition at the colon too.
        marks = [i for i in (instruction.find(",", condition.end()),
                             instruction.find(":", condition.end())) if i >= 0]
        comma = min(marks) if marks else -1
        then = re.search(r"\bthen\b", instruction[condition.end() :], re.IGNORECASE)
        cut = [p for p in (comma, condition.end() + then.start() if then else -1) if p >= 0]
        if cut:
            search_from = min(cut) + 1
        else:
            # "if jordan turns up i ring 999 first": no comma, but "I"/"we" and a
            # doing word start what is done.
            for own in _OWN_DOING.finditer(instruction, condition.end()):
                if own.group("verb").casefold() in _BARE_DOING:
                    action = instruction[own.start("verb") :].strip(" ,.;:-")
                    return WhoDoesWhat(own.group("who").capitalize(), action, contact)
    lead = _lead_doer(instruction, search_from)
    if lead is not None and lead[2] is None:
        # "Mum (Stacey) calls 999", "Mr Patel (DSL) to contact SW": the name, a note in
        # brackets, then what they do.
        return WhoDoesWhat(lead[0], lead[1], contact)
    for modal in _MODAL.finditer(instruction, search_from):
        word = modal.group(0).strip().casefold()
        if word == "to" and lead is not None and lead[2] is not None and lead[2] < modal.start():
            # "Ryan takes Noah to nursery": Ryan does it, not Noah.
            return WhoDoesWhat(lead[0], lead[1], contact)
        if word == "to" and modal.start() > search_from + 40:
            continue
        person = _subject(instruction, modal.start())
        if person is None:
            continue
        action = instruction[modal.end() :].strip(" ,.;:-")
        verb = action.split(maxsplit=1)[0].casefold() if action else ""
        if verb in NOT_PLAN_ACTIONS and _word_name(person):
            continue  # "Summer will be hard", "Sunday will be fine": a time, not a person
        if action:
            return WhoDoesWhat(person, action, contact)
    # "Nan: take the kids", "Nan - takes the kids to hers"
    label = re.match(r"^\s*([^:\-–,]{1,40}?)\s*[:\-]\s+(.+)$", instruction)
    if label and not condition:  # "If Liam attends: ..." is a condition, not a name
        who = _analyse(tokenize(label.group(1)), label.group(1))
        if who.name is not None and who.strong:
            return WhoDoesWhat(who.name, label.group(2).strip(" ,.;:-"), contact)
    # "Nan takes the kids to hers": a name, then a verb.
    if lead is not None:
        return WhoDoesWhat(lead[0], lead[1], contact)
    tokens = tokenize(instruction[search_from:])
    if len(tokens) >= 3 and tokens[0].kind == WORD:
        first = _analyse(tokens[:1], instruction[search_from:])
        second = tokens[1]
        # "I ring my mum", "Magda come and take the children": a doing word as it is,
        # as people write in a hurry or in a second language.
        pronoun = tokens[0].low in ("i", "we")
        # An everyday word ("Summer come and go", "Football help him") needs a verb only
        # people do ("call", "ring", "collect") to be taken for a person.
        everyday = tokens[0].low in COMMON_WORDS and tokens[0].low not in KIN_NAMES
        subject = pronoun or (first.strong and first.name is not None)
        if (
            subject
            and second.kind == WORD
            and second.low in _BARE_DOING
            and (pronoun or not everyday or second.low in PLAN_ACTION_VERBS)
        ):
            action = instruction[search_from + second.start :].strip(" ,.;:-")
            person = tokens[0].text.capitalize() if tokens[0].low in ("i", "we") else first.name
            return WhoDoesWhat(person, action, contact)
    return WhoDoesWhat(None, text, contact)


# "... i ring 999", "... we go to my mum's": the person typing, then a doing word.
_OWN_DOING = re.compile(r"\b(?P<who>i|we) (?P<verb>[a-z]+)\b", re.IGNORECASE)
# A name with a note in brackets at the start of a part: "Mum (Stacey)", "Sophie (HV)".
_NAME_WITH_ASIDE = re.compile(
    r"\s*(?P<head>(?:[A-Za-z][\w'’-]*\.?\s+){0,2}[A-Za-z][\w'’-]*)\s*"
    r"\((?P<aside>[^()]{1,40})\)\s*"
)
_LEAD_MODAL = re.compile(
    r"(?:will|shall|'ll|is going to|are going to|going to|to|is to|agreed to|agrees to)\s+",
    re.IGNORECASE,
)
# Names as written, rather than a word for someone ("Mum", "the HV").
_NAMING_KINDS = frozenset({"proper", "title", "kintitle"})


def _verb_s(tok: Tok) -> bool:
    """'takes', 'provides', 'carries': a doing word as written after he or she."""
    low = tok.low
    if tok.kind != WORD or not low.endswith("s") or tok.possessive:
        return False
    stems = {low[:-1]}
    if low.endswith("es"):
        stems.add(low[:-2])
    if low.endswith("ies"):
        stems.add(low[:-3] + "y")
    return low in COMMON_WORDS or bool(stems & (COMMON_WORDS | _BARE_DOING | DOING_WORDS))


def _lead_doer(instruction: str, start: int) -> tuple[str, str, int | None] | None:
    """The person a part starts with and what they do: (name, action, where the verb is).

    The position is None when the name has a note in brackets ("Mum (Stacey) calls
    999", "Mr Patel (DSL) to contact SW"): that shape settles it. Otherwise a name
    of up to three words ("MGM Christine", "Sam Patel") then a doing word ("collects",
    "provides").
    """
    bracketed = _NAME_WITH_ASIDE.match(instruction, start)
    if bracketed:
        head = _analyse(tokenize(bracketed.group("head")), bracketed.group("head"))
        aside = _analyse(tokenize(bracketed.group("aside")), bracketed.group("aside"))
        name = (
            head.name if head.kind in _NAMING_KINDS
            else aside.name if aside.kind in _NAMING_KINDS and head.name is not None
            else None
        )
        rest = instruction[bracketed.end() :]
        modal = _LEAD_MODAL.match(rest)
        tokens = tokenize(rest)
        if name is not None and modal:
            return name, rest[modal.end() :].strip(" ,.;:-"), None
        if name is not None and tokens and (_verb_s(tokens[0]) or tokens[0].low in _BARE_DOING):
            return name, rest.strip(" ,.;:-"), None
    tokens = tokenize(instruction[start:])
    for size in (1, 2, 3):
        if len(tokens) < size + 2 or any(t.kind != WORD for t in tokens[: size + 1]):
            return None
        who = _analyse(tokens[:size], instruction[start:])
        verb = tokens[size]
        if who.name is None or not who.strong or not _verb_s(verb):
            continue
        if size > 1 and not (
            who.kind in _NAMING_KINDS
            and (
                tokens[0].low in KIN_PREFIXES
                or tokens[0].low in TITLES
                or tokens[0].low in KIN_TITLES
                or (tokens[0].capitalised and _is_name(tokens[0]))
            )
        ):
            continue  # "if jordan turns up": Jordan is in the condition, not the doer
        everyday = size == 1 and tokens[0].low in COMMON_WORDS and tokens[0].low not in KIN_NAMES
        if everyday and not {verb.low[:-1], verb.low[:-2]} & PLAN_ACTION_VERBS:
            continue  # "Summer comes", "Football helps": not a person, unless "rings"
        return who.name, instruction[start + verb.start :].strip(" ,.;:-"), start + verb.start
    return None


# Doing words, as typed without "will" or "-s", that start what someone does.
# Not "help", "keep" or "look": things do those as often as people ("Football help him").
_BARE_DOING = PLAN_ACTION_VERBS | PLAN_MOVING_VERBS | {"bring"}


# A sentence ends at . ! or ? before a space and a letter ("Mr." and "St." aside).
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]+\s+(?=[A-Za-z])")


def _doer(text: str) -> str | None:
    """Who a part names as doing it, read with spellings put right; the part's own
    words are kept as typed."""
    return _who_does_what(_WIL.sub("will", respell_roles(text))).person


_CLAUSE_JOIN = re.compile(r"(,\s+(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?)")
_CONDITION_LEAD = re.compile(
    r"^(?:if|when|whenever|once|until|unless|as soon as|after|before)\b", re.IGNORECASE
)
_LEADING_JOINERS = re.compile(r"^(?:(?:and|then|also|so|my|our)\s+)+", re.IGNORECASE)


def _clauses_by_doer(sentence: str) -> list[str]:
    """ "mum has the kids if im on nights, dean comes round if i need him" as two
    clauses (fidelity batch d): a sentence is cut before ", " or " and " only where
    the clause after it starts with someone doing something, and the clause
    before names a doer too. The words are never changed, only where they are cut."""
    pieces = _CLAUSE_JOIN.split(sentence)
    units = [pieces[0]]
    for joiner, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        who = _doer(piece)
        lead = _LEADING_JOINERS.sub("", piece.strip()).casefold()
        starts = who is not None and lead.startswith(who.casefold().split()[0])
        before = units[-1].strip()
        # "if dad kicks off, nan will come": the condition stays with its action.
        own_clause = not _CONDITION_LEAD.match(before) and len(before.split()) >= 3
        if starts and (own_clause or _doer(before) is not None):
            units[-1] = units[-1].rstrip(" ,")
            units.append(piece.strip())
        else:
            units[-1] += joiner + piece
    return units


@never_raises(lambda text="", *_a, **_k: [text] if isinstance(text, str) else [])
def who_does_what_parts(text: str) -> list[str]:
    """One answer naming what several people will do, one part per person.

    "Magda come and take the children, her number 07700 900671. Sunita help me
    with court." is two parts. A sentence naming nobody stays with the one before
    it ("Piotr 07700 900672. He come also."); the text is cut only where two or
    more sentences each name who will do something, so one person's instruction
    in several sentences stays whole. The words are never changed.
    """
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    ends = [m.group(0).strip() for m in _SENTENCE_END.finditer(text)]
    units: list[str] = []
    for index, sentence in enumerate(sentences):
        pieces = _clauses_by_doer(sentence)
        pieces[-1] += ends[index] if index < len(ends) else ""
        units.extend(pieces)
    if len(units) < 2:
        return [text.strip()] if text.strip() else []
    parts: list[str] = []
    named = 0
    for ended in units:
        doer = _doer(ended)
        if doer is None and parts:
            parts[-1] = f"{parts[-1]} {ended}"
            continue
        named += doer is not None
        parts.append(ended)
    return parts if named >= 2 else [text.strip()]


@never_raises(
    lambda text="", *_a, **_k: WhoDoesWhat(None, text if isinstance(text, str) else "", None)
)
def parse_who_does_what(text: str) -> WhoDoesWhat:
    """Split "Nan will take the children to hers, ring her on 07700 900123".

    The person is whoever is named before "will", "to", "is going to" and the
    like, after any "if ..." condition; "I" and "We" come back as typed, for
    the caller to resolve. When no one can be found the action is the whole text.
    """
    if not isinstance(text, str):
        return _who_does_what(text)
    # "my mum Gloria wil go" (fidelity a02): "wil" is "will", or the sentence names
    # no doer and its number goes to the next person named.
    return _who_does_what(_WIL.sub("will", respell_roles(text)))


_WIL = re.compile(r"\b(?:wil|wll|wiil|wiill)\b", re.IGNORECASE)


def is_short_form(short: str, name: str) -> bool:
    """Whether `short` is the start of `name`'s first name, as people shorten it:
    "Gem" for Gemma, "Chris" for Christine. Never a family word or an everyday one
    ("Nan" is not Nancy), and never under three letters."""
    typed = short.strip().casefold()
    first = (name.split() or [""])[0].casefold()
    return (
        len(typed) >= 3
        and typed.isalpha()
        and typed not in KIN_NAMES
        and typed not in KIN_TITLES
        and typed not in COMMON_WORDS
        and len(first) > len(typed)
        and first.startswith(typed)
    )
