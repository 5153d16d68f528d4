"""The quality checks: plain rules over the text, driven by ``vocabulary``.

They are heuristics that support a practitioner's judgement, never replace it:
each finding says why it matters and how to mend it, and the labelled set in
``tests/data/quality_labelled.yml`` keeps them honest.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TypeGuard

from bot.plan.model import ColumnKind, Pair, Plan, PlanRule, RuleKind, Step
from bot.quality import vocabulary as v
from bot.quality.codes import make
from bot.quality.findings import Finding
from bot.quality.readability import audience_of, check_readability
from bot.quality.text import Span, blank, clip, key, normalise, sentences, words


def _any(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# -- compiled vocabulary -----------------------------------------------------------

_LABELS = [
    (label, re.compile(rf"(?<![\w-])(?:{label.pattern})(?![\w-])", re.IGNORECASE))
    for label in v.LABELS
]
_LABELS_BY_NAME = {label.name: label for label in v.LABELS}
_LABEL_ACRONYM = re.compile(r"(?<![\w&])(" + "|".join(v.LABEL_ACRONYMS) + r")(?![\w&])")
_ACRONYM = re.compile(r"(?<![\w&'])([A-Z][A-Z&]{1,6}s?|S\d{2})(?![\w&'])")
_VAGUE_BEHAVIOUR = _any(v.VAGUE_BEHAVIOUR)
_FUTURE = _any(v.FUTURE_PHRASES)
_ONGOING = _any(v.ONGOING_IMPACT)
_NEGATIVE = _any(v.NEGATIVE_GOAL)
_NEGATIVE_EXCEPTIONS = _any(v.NEGATIVE_GOAL_EXCEPTIONS)
_DURATION = _any(v.DURATION)
_TIME_SHOWN = _any(v.TIME_SHOWN)
_ZERO = re.compile(v.ZERO_ANCHOR, re.IGNORECASE)
_TEN = re.compile(v.TEN_ANCHOR, re.IGNORECASE)
_CONTACT = _any(v.CONTACT)
_STRENGTH = _any(v.STRENGTH_WORDS)
# The last name before the verb is enough: "Sam, Ms Khan and Nan will know".
_WITNESS = re.compile(r"(?<![\w'])([A-Z][\w'-]*)\s+" + v.WITNESS_VERBS + r"\b")


def _inflect(base: str) -> set[str]:
    forms = {base, base + "s", base + "es", base + "ed", base + "ing"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if (
        len(base) >= 3
        and base[-1] in "bdgklmnprt"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    ):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _cue_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for theme, specs in v.BEHAVIOUR_VERBS.items():
        for spec in specs:
            base, *irregular = spec.split("/")
            for form in _inflect(base) | set(irregular):
                index.setdefault(form, set()).add(theme)
    for theme, items in v.BEHAVIOUR_WORDS.items():
        for word in items:
            for form in (word, word + "s"):
                index.setdefault(form, set()).add(theme)
    return {word: frozenset(themes) for word, themes in index.items()}


_CUES = _cue_index()
_CUE_PHRASES = [
    (theme, re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])", re.IGNORECASE))
    for theme, patterns in v.BEHAVIOUR_PHRASES.items()
    for pattern in patterns
]

_RULE_NAMES = {
    RuleKind.GOING_WELL: "sign it is going well",
    RuleKind.TRIGGER: "trigger",
    RuleKind.RED_FLAG: "red flag",
    RuleKind.WHO_DOES_WHAT: "who does what",
}
_ENTRY_NAMES = {
    ColumnKind.HARM: "harm",
    ColumnKind.COMPLICATING: "complicating factor",
    ColumnKind.STRENGTH: "strength",
    ColumnKind.EXISTING_SAFETY: "existing safety",
    ColumnKind.NEEDS: "need",
}


# -- reading a text once --------------------------------------------------------------


@dataclass
class _LabelHit:
    label: v.Label
    start: int
    end: int
    text: str


@dataclass
class _Cue:
    start: int
    end: int
    themes: frozenset[str]


@dataclass
class _Reading:
    """What the checks need to know about one text, worked out once."""

    text: str
    labels: list[_LabelHit] = field(default_factory=list)
    # The text with labels and vague non-actions blanked out.
    masked: str = ""
    cues: list[_Cue] = field(default_factory=list)


def _read(text: str, danger: bool = False) -> _Reading:
    """``danger``: leave out what is said could happen to the child ("Leo could miss
    school"), which in a danger statement is impact, not the caregiver's behaviour."""
    reading = _Reading(text=text)
    reading.labels = _find_labels(text)
    spans = [(hit.start, hit.end) for hit in reading.labels]
    spans += [(m.start(), m.end()) for m in _VAGUE_BEHAVIOUR.finditer(text)]
    reading.masked = blank(text, spans)
    reading.cues = _find_cues(reading.masked, danger)
    return reading


def _find_labels(text: str) -> list[_LabelHit]:
    hits: list[_LabelHit] = []
    for label, pattern in _LABELS:
        for match in pattern.finditer(text):
            hits.append(_LabelHit(label, match.start(), match.end(), match.group(0)))
    for match in _LABEL_ACRONYM.finditer(text):
        label = _LABELS_BY_NAME[v.LABEL_ACRONYMS[match.group(1)]]
        hits.append(_LabelHit(label, match.start(), match.end(), match.group(0)))
    # Longest first where labels overlap ("appropriate supervision").
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_LabelHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _future_start(sentence: Span, tokens: list[Span]) -> int | None:
    """Where the sentence turns to what could happen ("could", "if nothing changes")."""
    starts = [
        t.start for t in tokens if key(t.text) in v.MODALS or t.text.casefold().endswith("'ll")
    ]
    match = _FUTURE.search(sentence.text)
    if match:
        starts.append(sentence.start + match.start())
    return min(starts) if starts else None


def _impact_after(tokens: list[Span], position: int) -> Span | None:
    for token in tokens:
        if token.start > position and key(token.text) in v.IMPACT_WORDS:
            return token
    return None


def _find_cues(masked: str, danger: bool) -> list[_Cue]:
    """Observable behaviour (see ``_read``)."""
    cues: list[_Cue] = []
    for sentence in sentences(masked):
        tokens = [
            Span(sentence.start + t.start, sentence.start + t.end, t.text)
            for t in words(sentence.text)
        ]
        future = _future_start(sentence, tokens) if danger else None
        cutoff = future if future is not None and _impact_after(tokens, future) else None
        previous = ""
        for token in tokens:
            themes = _CUES.get(key(token.text))
            passive = previous in {"be", "being", "get", "getting"} and future is not None
            if themes and not passive and (cutoff is None or token.start < cutoff):
                cues.append(_Cue(token.start, token.end, themes))
            previous = key(token.text)
        for theme, pattern in _CUE_PHRASES:
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if cutoff is None or start < cutoff:
                    cues.append(_Cue(start, sentence.start + match.end(), frozenset({theme})))
    return cues


# -- jargon ------------------------------------------------------------------------------


def _jargon(reading: _Reading, target: str) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for hit in reading.labels:
        if hit.label.name in seen:
            continue
        seen.add(hit.label.name)
        themes = set(hit.label.themes)
        beside = any(
            "any" in themes or (cue.themes & themes) for cue in reading.cues
        )
        if beside:
            findings.append(make("jargon.label_beside_behaviour", target, excerpt=hit.text))
        else:
            findings.append(
                make(
                    "jargon.label",
                    target,
                    excerpt=hit.text,
                    describe=hit.label.describe,
                    hint=hit.label.hint,
                )
            )
    findings += _acronyms(reading.text, target)
    return findings


def _mostly_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 12:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) > 0.6


def _loose(text: str) -> str:
    # Singular and plural, hyphens and commas all read alike for matching.
    return " " + " ".join(w.rstrip("s") for w in re.findall(r"[^\W_]+", text.casefold())) + " "


def _initials(words_: list[str], drop_small: bool) -> str:
    kept = [w for w in words_ if not (drop_small and w.casefold() in v.ACRONYM_SMALL_WORDS)]
    return "".join(w[0] for w in kept).upper()


def _spelled_out_beside(text: str, start: int, end: int, acronym: str) -> bool:
    """'Child in Need (CIN)' or 'CIN (Child in Need)': the words sit right next to it."""
    letters = acronym.rstrip("s").upper()
    reach = len(letters) + 4
    # A window is plenty: the words sit right beside the letters.
    before = re.findall(r"[^\W_]+|&", text[max(0, start - 200) : start])[-reach:]
    after = re.findall(r"[^\W_]+|&", text[end : end + 200])[:reach]
    for drop in (False, True):
        for size in range(1, len(before) + 1):
            if _initials(before[-size:], drop) == letters:
                return True
        for size in range(1, len(after) + 1):
            if _initials(after[:size], drop) == letters:
                return True
    return False


def _acronyms(text: str, target: str) -> list[Finding]:
    if _mostly_capitals(text):
        return []
    findings: list[Finding] = []
    seen: set[str] = set()
    loose_text = _loose(text)
    for match in _ACRONYM.finditer(text):
        token = match.group(1)
        base = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
        if base in seen or base in v.EVERYDAY_ACRONYMS or len(base) < 2:
            continue
        expansion = v.ACRONYMS.get(base)
        if expansion is None and base.casefold() in v.EMPHASIS_WORDS:
            continue
        if expansion is not None and _loose(expansion) in loose_text:
            continue
        if _spelled_out_beside(text, match.start(), match.end(), base):
            continue
        seen.add(base)
        if expansion:
            expand = f"Write it out in full, '{expansion}', or say it in everyday words."
        else:
            expand = f"Write out what '{base}' stands for, or use everyday words instead."
        findings.append(make("jargon.acronym", target, excerpt=token, expand=expand))
    return findings


def check_jargon(text: str, target: str) -> list[Finding]:
    """Professional labels and unexplained acronyms in any text."""
    return _jargon(_read(normalise(text)), target)


# -- danger statements --------------------------------------------------------------------


def _boundary_between(text: str, left: Span, right: Span) -> bool:
    gap = text[left.end : right.start]
    return any(mark in gap for mark in ",;:") or " - " in gap


def _has_worrier(text: str) -> bool:
    for sentence in sentences(text):
        tokens = words(sentence.text)
        keys = [key(t.text) for t in tokens]
        for index, word in enumerate(keys):
            is_worry = word in v.WORRY_WORDS or (
                word in v.WORRY_WORDS_NEEDING_THAT
                and index + 1 < len(keys)
                and keys[index + 1] in {"that", "about"}
            )
            if not is_worry:
                continue
            if word in v.WORRY_NOUNS:
                previous = tokens[index - 1].text if index else ""
                owned = key(previous) in v.WORRY_OWNERS or previous.casefold().endswith("'s")
                # "Nan worries that" (a verb) is fine; "concerns" rarely is one.
                verb = word not in {"concern", "concerns"} and index and (
                    keys[index - 1] not in v.VAGUE_WHO
                    and keys[index - 1] not in v.LABEL_ACRONYMS_KEYS
                )
                if not owned and not verb:
                    continue
            start = index
            # Who is worried sits just before the worry word; a bounded look back
            # keeps very long run-on text fast.
            while start > max(0, index - 30):
                if keys[start - 1] in v.CLAUSE_WORDS or _boundary_between(
                    sentence.text, tokens[start - 1], tokens[start]
                ):
                    break
                start -= 1
            subject = [k for k in keys[start:index] if k not in v.WHO_FILLERS]
            if not subject:
                subject = [k for k in keys[:index] if k not in v.WHO_FILLERS]
            if any(k in v.MODALS for k in subject):
                continue  # "Leo could be worried" is impact, not who is worried
            if any(k in v.FIRST_PERSON for k in subject):
                return True
            if any(k not in v.VAGUE_WHO and k not in v.CLAUSE_WORDS for k in subject):
                return True
    return False


# "...and that if nothing changes, Amara could be smothered": the template's own
# impact clause names the impact whatever verb follows, so no word list can miss it.
_IMPACT_CLAUSE = re.compile(
    r"\bif\s+(?:nothing|this|things)\s+(?:changes?|continues?|carries\s+on|goes\s+on)\b[^.!?]*?"
    r"\b(?:could|might|may|will|would|can)\b(?:\s+\S+){2,}",
    re.IGNORECASE,
)


def _has_impact(masked: str) -> bool:
    for sentence in sentences(masked):
        tokens = words(sentence.text)
        future = _future_start(Span(0, len(sentence.text), sentence.text), tokens)
        if future is not None and _impact_after(tokens, future):
            return True
        if _ONGOING.search(sentence.text) or _IMPACT_CLAUSE.search(sentence.text):
            return True
    return False


def check_danger_statement(
    text: str, target: str = "danger statement", audience: str = "worker"
) -> list[Finding]:
    """Who is worried, the caregiver's behaviour, the impact on the child; jargon; reading."""
    norm = normalise(text)
    reading = _read(norm, danger=True)
    findings = _jargon(reading, target)
    if not _has_worrier(norm):
        findings.append(make("danger.no_who", target))
    if not reading.cues:
        label = reading.labels[0].text if reading.labels else None
        findings.append(make("danger.no_behaviour", target, excerpt=label))
    if not _has_impact(reading.masked):
        findings.append(make("danger.no_impact", target))
    findings += check_readability(norm, target, audience_of(audience))
    return findings


# -- safety goals --------------------------------------------------------------------------


def _negative(text: str) -> str | None:
    excepted = [(m.start(), m.end()) for m in _NEGATIVE_EXCEPTIONS.finditer(text)]
    for sentence in sentences(text):
        tokens = words(sentence.text)
        ends = [t.end for t in tokens]
        for match in _NEGATIVE.finditer(sentence.text):
            start = sentence.start + match.start()
            if any(a <= start < b for a, b in excepted):
                continue
            upto = bisect.bisect_right(ends, match.start())
            before = [key(t.text) for t in tokens[max(0, upto - 5) : upto]]
            if any(word in v.CONDITION_WORDS for word in before):
                continue  # "if he doesn't feel safe, he rings Nan" is a plan, not a stop
            found = match.group(0).strip()
            if " " in found:
                return found  # "no longer", "give up"
            # The whole word the negative sits in: "won't", not "n't".
            return next((t.text for t in tokens if t.start <= match.start() < t.end), found)
    return None


def _goal_has_who(text: str) -> bool:
    keys = {key(t.text) for t in words(text)}
    if keys & v.NETWORK_ROLES or keys & v.FIRST_PERSON_SUBJECTS:
        return True
    for match in _WITNESS.finditer(text):
        if match.group(1).casefold() not in v.NOT_NAMES:
            return True
    return False


def check_safety_goal(
    text: str, target: str = "safety goal", audience: str = "worker"
) -> list[Finding]:
    """What will be happening (not what will stop), who sees it, for how long; jargon; reading."""
    norm = normalise(text)
    reading = _read(norm)
    findings = _jargon(reading, target)
    negative = _negative(norm)
    if negative:
        findings.append(make("goal.negative", target, excerpt=negative))
    if not _goal_has_who(norm):
        findings.append(make("goal.no_who", target))
    if not _DURATION.search(norm):
        findings.append(make("goal.no_duration", target))
    if not reading.cues:
        findings.append(make("goal.no_behaviour", target))
    findings += check_readability(norm, target, audience_of(audience))
    return findings


# -- scaling questions ------------------------------------------------------------------------


def check_scaling_question(text: str, target: str = "scaling question") -> list[Finding]:
    """Both ends of the scale described; jargon. (Read aloud in a meeting, so no reading limits.)"""
    norm = normalise(text)
    findings = _jargon(_read(norm), target)
    if not _ZERO.search(norm):
        findings.append(make("scale.no_zero_anchor", target))
    if not _TEN.search(norm):
        findings.append(make("scale.no_ten_anchor", target))
    return findings


# -- plan rules ----------------------------------------------------------------------------------


def _names_a_person(text: str) -> bool:
    """Someone who will act; the person rung or told ("ring Sam") does not count."""
    for sentence in sentences(text):
        recent: list[str] = []
        for token in words(sentence.text):
            word = key(token.text)
            contacted = bool(recent) and (
                recent[-1] in v.CONTACT_VERBS
                or (recent[-2:-1] and recent[-2] in v.CONTACT_VERBS and recent[-1] in {"the", "to"})
            )
            recent.append(word)
            if contacted or word in v.RULE_NOT_PEOPLE:
                continue
            if word in v.NETWORK_ROLES or word in v.FIRST_PERSON_SUBJECTS:
                return True
            if word in {"mum", "dad", "mother", "father", "carer"}:
                return True
            if token.text[:1].isupper() and word not in v.NOT_NAMES and not token.text.isupper():
                return True
    return False


def _rule_findings(
    text: str,
    kind: RuleKind,
    target: str,
    audience: str,
    person: str | None = None,
    contact: str | None = None,
) -> list[Finding]:
    norm = normalise(text)
    reading = _read(norm)
    findings = _jargon(reading, target)
    if kind in (RuleKind.GOING_WELL, RuleKind.RED_FLAG) and norm.strip() and not reading.cues:
        findings.append(make("rule.vague", target, excerpt=clip(norm, 80)))
    if kind is RuleKind.WHO_DOES_WHAT:
        if not (person and person.strip()) and not _names_a_person(norm):
            findings.append(make("rule.no_person", target))
        if not (contact and contact.strip()) and not _CONTACT.search(norm):
            findings.append(make("rule.no_contact", target))
    findings += check_readability(norm, target, audience_of(audience))
    return findings


def check_rule(
    text: str, kind: RuleKind, target: str = "plan rule", audience: str = "worker"
) -> list[Finding]:
    """Signs people could see (going well, red flags); a named person and a way to reach them
    (who does what); jargon and reading for every kind."""
    try:
        kind = RuleKind(getattr(kind, "value", kind))
    except ValueError:
        kind = RuleKind.TRIGGER  # an unknown kind gets the checks every rule gets
    return _rule_findings(text, kind, target, audience)


def _plan_rule(rule: PlanRule, target: str, audience: str) -> list[Finding]:
    text = rule.text or " ".join(p for p in (rule.person_name, rule.action, rule.contact) if p)
    return _rule_findings(text, rule.kind, target, audience, rule.person_name, rule.contact)


# -- steps -------------------------------------------------------------------------------------


def _blank_or(value: str | None, vague: frozenset[str]) -> bool:
    if value is None:
        return True
    folded = " ".join(normalise(value).casefold().split()).strip(" .!")
    return folded in vague


def check_step(step: Step, target: str = "step") -> list[Finding]:
    """A named owner and a date to check against; jargon in what is to be done."""
    text = " ".join(p for p in (step.what, step.who) if p)
    findings = check_jargon(text, target)
    if _blank_or(step.who, v.VAGUE_OWNERS):
        findings.append(make("step.no_owner", target, excerpt=step.who or None))
    if step.due is None and _blank_or(step.due_text, v.VAGUE_DATES):
        findings.append(make("step.no_date", target, excerpt=step.due_text or None))
    return findings


# -- existing safety --------------------------------------------------------------------------


def check_existing_safety(
    text: str, how_long: str | None = None, target: str = "existing safety"
) -> list[Finding]:
    """Protective action shown over time, not a strength such as love; jargon."""
    norm = normalise(text)
    reading = _read(norm)
    findings = _jargon(reading, target)
    strength = _STRENGTH.search(norm)
    if strength and not reading.cues:
        findings.append(make("columns.strength_as_safety", target, excerpt=strength.group(0)))
    elif not (how_long and how_long.strip()) and not _TIME_SHOWN.search(norm):
        findings.append(make("columns.safety_no_time", target))
    return findings


# -- the whole plan ----------------------------------------------------------------------------


def _filled(value: str | None) -> TypeGuard[str]:
    return bool(value and value.strip())


def _danger_text(pair: Pair) -> str | None:
    if _filled(pair.danger_statement):
        return pair.danger_statement
    if not any(_filled(p) for p in (pair.danger_who, pair.danger_behaviour, pair.danger_impact)):
        return None
    # Built from its parts the way the template reads, so the same checks apply.
    first = pair.danger_behaviour or ""
    if _filled(pair.danger_who):
        first = f"{pair.danger_who} are worried that {first}"
    parts = [first.strip().rstrip(".")]
    if _filled(pair.danger_impact):
        parts.append(f"If nothing changes, {pair.danger_impact.strip().rstrip('.')}")
    return ". ".join(p for p in parts if p) + "."


def _goal_text(pair: Pair) -> str | None:
    if _filled(pair.safety_goal):
        return pair.safety_goal
    if not any(_filled(p) for p in (pair.goal_happening, pair.goal_who, pair.goal_duration)):
        return None
    parts = [(pair.goal_happening or "").strip().rstrip(".")]
    if _filled(pair.goal_who):
        parts.append(f"{pair.goal_who.strip()} will see this happening")
    if _filled(pair.goal_duration):
        duration = pair.goal_duration.strip().rstrip(".")
        if not _DURATION.search(duration):
            duration = f"for {duration}"
        parts.append(f"This will be happening {duration}")
    return ". ".join(p for p in parts if p) + "."


def _is_network(person_relationship: str | None, is_professional: bool) -> bool:
    if is_professional:
        return False
    relationship = " ".join((person_relationship or "").casefold().split())
    return relationship not in v.CAREGIVER_RELATIONSHIPS


def check_plan(plan: Plan, audience: str = "worker") -> list[Finding]:
    """Every check over the plan, with targets a reader can find ("danger statement 2")."""
    audience = audience_of(audience)
    findings: list[Finding] = []

    active = 0
    for number, pair in enumerate(plan.pairs, start=1):
        danger = _danger_text(pair)
        goal = _goal_text(pair)
        scale = pair.scaling_question if _filled(pair.scaling_question) else None
        if danger or goal or scale or pair.rules:
            active += 1
        worry = f"worry {number}"
        if danger:
            findings += check_danger_statement(danger, f"danger statement {number}", audience)
        if goal:
            findings += check_safety_goal(goal, f"safety goal {number}", audience)
        if scale:
            findings += check_scaling_question(scale, f"scaling question {number}")
        if danger and not goal:
            findings.append(make("plan.pair_without_goal", worry, excerpt=clip(danger, 80)))
        if goal and not danger:
            findings.append(make("plan.pair_without_danger", worry, excerpt=clip(goal, 80)))
        if danger and not scale:
            findings.append(make("plan.pair_without_scale", worry, excerpt=clip(danger, 80)))
        for kind in RuleKind:
            for index, rule in enumerate(pair.rules_of(kind), start=1):
                target = f"{worry}, {_RULE_NAMES[kind]} {index}"
                findings += _plan_rule(rule, target, audience)
    if active > v.MAX_PAIRS:
        findings.append(
            make("plan.too_many_pairs", "plan", excerpt=f"{active} danger statements")
        )

    open_steps = 0
    for number, step in enumerate(plan.steps, start=1):
        if step.done:
            continue  # history, not something still to do
        open_steps += 1
        findings += check_step(step, f"step {number}")
    if open_steps > v.MAX_OPEN_STEPS:
        findings.append(make("plan.too_many_steps", "timeline", excerpt=f"{open_steps} steps"))
    if plan.steps and plan.target_closure_date is None and not _filled(plan.target_closure_text):
        findings.append(make("plan.no_closure", "timeline"))

    if active and not any(_is_network(p.relationship, p.is_professional) for p in plan.people):
        findings.append(make("plan.no_network", "safety network"))

    for column_kind in ColumnKind:
        for number, entry in enumerate(plan.entries_of(column_kind), start=1):
            target = f"{_ENTRY_NAMES[column_kind]} {number}"
            if column_kind is ColumnKind.EXISTING_SAFETY:
                findings += check_existing_safety(entry.text, entry.how_long, target)
            else:
                findings += check_jargon(entry.text, target)
    return findings


__all__ = [
    "check_danger_statement",
    "check_existing_safety",
    "check_jargon",
    "check_plan",
    "check_readability",
    "check_rule",
    "check_safety_goal",
    "check_scaling_question",
    "check_step",
]
