"""Putting a statement together from the parts people give, in the practice's templates.

Danger statement: "[who] are worried that [caregiver behaviour] and that if
nothing changes [impact]."  Safety goal: "[who] will know [children] are safe
when [positive behaviour], and this has been happening [for duration]."
Scaling question: 10 is the goal happening with everyone confident enough to
close the case; 0 is the danger happening now.
"""

from __future__ import annotations

import re

from bot.plan.model import Pair, join_names

# Words that start a clause rather than name someone: lowered when a part is
# placed inside a sentence ("When Dad drinks" -> "when Dad drinks").
_CLAUSE_STARTERS = {
    "a",
    "after",
    "an",
    "at",
    "because",
    "before",
    "by",
    "during",
    "each",
    "every",
    "he",
    "her",
    "his",
    "if",
    "in",
    "it",
    "its",
    "most",
    "on",
    "once",
    "often",
    "our",
    "she",
    "sometimes",
    "that",
    "the",
    "their",
    "there",
    "they",
    "this",
    "we",
    "when",
    "whenever",
    "while",
    "you",
    "your",
    "both",
    "all",
    "any",
}
_WORRY_PREFIX = re.compile(r"^(?:that\s+)", re.IGNORECASE)
_IMPACT_PREFIX = re.compile(r"^(?:(?:and\s+)?(?:that\s+)?if nothing changes,?\s*)", re.IGNORECASE)
_DURATION_LEADS = ("for ", "until ", "over ", "throughout ", "across ", "at least ", "from ")


def inline(part: str) -> str:
    """A part ready to sit inside a sentence: trimmed, no end punctuation, clause words lowered."""
    text = " ".join(part.split()).strip()
    text = text.rstrip(" .!;,")
    if not text:
        return text
    first, _, rest = text.partition(" ")
    if first.lower() in _CLAUSE_STARTERS:
        first = first.lower()
    return (first + (" " + rest if rest else "")).strip()


def _verb_for(who: str) -> str:
    lowered = who.casefold().strip()
    if lowered in {"i", "me", "myself"}:
        return "am"
    if (
        " and " in f" {lowered} "
        or "," in lowered
        or "&" in lowered
        or lowered.split()[0] in {"we", "they", "everyone", "people", "all", "both"}
        or lowered.endswith("s")
        and not lowered.endswith(("ss", "'s", "us"))
    ):
        return "are"
    return "is"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# "Sam is worried", "the school, who are concerned about neglect": the answer
# to "who is worried?" often says the worry too, and the statement says it again.
_ALREADY_WORRIED = re.compile(
    r"(?:,?\s+who)?(?:\s+(?:is|are|am|was|were|feels?|gets?)|'re|'m|'s)\s+"
    r"(?:(?:really|very|also|quite|so|a bit|a little|all|both)\s+)*"
    r"(?:worried|concerned|scared|frightened|anxious)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def _who(who: str | None) -> str:
    who = inline(who or "")
    if who.casefold() in {"me", "myself"}:
        return "I"
    return who


def _worried_who(who: str | None) -> str:
    text = _who(who)
    subject = _ALREADY_WORRIED.sub("", text).strip(" ,")
    return _who(subject) if subject else text


def compose_danger_statement(who: str | None, behaviour: str | None, impact: str | None) -> str:
    """The danger statement from the parts there are; missing parts are left out, not invented."""
    who_text = _worried_who(who)
    behaviour_text = _WORRY_PREFIX.sub("", inline(behaviour or ""))
    impact_text = _IMPACT_PREFIX.sub("", inline(impact or ""))
    subject = f"{who_text} {_verb_for(who_text)} worried" if who_text else "People are worried"
    sentence = subject
    if behaviour_text:
        sentence += f" that {behaviour_text}"
    if impact_text:
        joiner = ", and that if nothing changes " if behaviour_text else " that if nothing changes "
        sentence += joiner + impact_text
    return _capitalise(sentence) + "."


# "Jo will visit on Fridays" answers "who will be involved?" with what Jo will do.
_WHO_WILL = re.compile(
    r"^(?P<who>.+?)\s+(?-i:will|would|can|could|should|(?:is|are) going to)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_JUST_SEEING = re.compile(
    r"^(?:see|know|notice|check|watch|be involved|be there)"
    r"(?:\s+(?:it|this|that|them))?(?:\s+happening)?$",
    re.IGNORECASE,
)


def _goal_who(who: str | None) -> tuple[str, str]:
    """Who will know, and what they said they will do (kept as its own sentence)."""
    text = _who(who)
    match = _WHO_WILL.match(text)
    if not match:
        return text, ""
    rest = inline(match.group("rest"))
    return _who(match.group("who")), "" if _JUST_SEEING.match(rest) else text


def compose_safety_goal(
    who: str | None, happening: str | None, duration: str | None, children: list[str]
) -> str:
    who_text, doing = _goal_who(who)
    who_text = who_text or "Everyone"
    names = join_names(children) or "the children"
    are = "is" if len(children) == 1 else "are"
    happening_text = inline(happening or "")
    duration_text = inline(duration or "")
    if duration_text and not duration_text.lower().startswith(_DURATION_LEADS):
        duration_text = "for " + duration_text
    sentence = f"{who_text} will know that {names} {are} safe"
    if happening_text:
        sentence += f" when {happening_text}"
    if duration_text:
        sentence += f", and this has been happening {duration_text}"
    sentence = _capitalise(sentence) + "."
    return f"{sentence} {_capitalise(doing)}." if doing else sentence


def compose_scaling_question(pair: Pair, children: list[str]) -> str:
    names = join_names(children) or "the children"
    are = "is" if len(children) == 1 else "are"
    if pair.goal_happening:
        ten = (
            f"{inline(pair.goal_happening)}, and everyone is confident {names} {are} "
            f"safe enough for the case to close"
        )
    else:
        ten = f"everyone is confident {names} {are} safe enough for the case to close"
    if pair.danger_behaviour:
        zero = f"the worry is happening now ({inline(pair.danger_behaviour)})"
    else:
        zero = "the worry in this danger statement is happening now"
    return (
        f"On a scale of 0 to 10, where 10 means {ten}, and 0 means {zero}, where are things today?"
    )


_PASTED_DANGER = re.compile(
    r"^(?P<who>.{2,300}?)\s+(?:is|are|am|'re|'m)\s+(?:really\s+|very\s+)?worried\s+(?:that|about)\s+"
    r"(?P<behaviour>.+?)(?:,?\s+and\s+(?:that\s+)?if\s+nothing\s+changes,?\s+(?P<impact>.+?))?[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_danger_statement(text: str) -> bool:
    """A whole statement pasted in one go, rather than one part of it."""
    words = text.split()
    lowered = text.casefold()
    return (
        len(words) >= 12
        and "worried" in lowered
        and bool(re.search(r"\b(could|might|may|will|would)\b", lowered))
    )


def split_danger_statement(text: str) -> tuple[str | None, str | None, str | None]:
    """Best-effort parts of a pasted statement (who, behaviour, impact); None where unclear."""
    match = _PASTED_DANGER.match(" ".join(text.split()))
    if not match:
        return None, None, None
    return match.group("who"), match.group("behaviour"), match.group("impact")


def looks_like_safety_goal(text: str) -> bool:
    lowered = text.casefold()
    return len(text.split()) >= 12 and "will know" in lowered


def format_score(value: float) -> str:
    """6.0 -> "6", 5.5 -> "5.5"."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
