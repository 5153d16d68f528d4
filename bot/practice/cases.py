"""Fictional practice cases: a family's story to read, and a model plan to compare with.

Each case lives in ``cases/<id>.yml`` next to this module. A new practitioner
reads the summary, drafts each part of a plan, sees the quality findings on
their attempt, then compares it with the model answer here. Model answers are
written to meet the same quality checks the learner's drafts get.

Case file layout (all text is plain, UK English, fictional)::

    id, title, family_name, summary (paragraphs)
    children: [{name, age}]
    network: [{name, relationship, professional, contact?}]
    columns: {harm: [..], complicating: [..], strengths: [..],
              existing_safety: [{text, how_long}], needs: [..]}
    worries: [{key, title,
               danger: {who, behaviour, impact, statement},
               goal: {happening, who, duration, statement},
               scale,
               rules: {going_well: [..], triggers: [..], red_flags: [..],
                       who_does_what: [{person, action, contact, text}]}}]
    steps: [{what, who, when}]     # "when" is relative: "in 2 weeks"
    closure: "in 9 months"
    notes: {step: text}            # optional, case-specific teaching notes
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.plan.model import (
    CaseStatus,
    Child,
    ColumnEntry,
    ColumnKind,
    Pair,
    Person,
    Plan,
    PlanRule,
    RuleKind,
    Step,
)

CASES_DIR = Path(__file__).parent / "cases"


class CaseFileError(ValueError):
    """A case file is missing something the practice mode needs."""


@dataclass
class CaseChild:
    name: str
    age: int


@dataclass
class CasePerson:
    name: str
    relationship: str
    professional: bool
    contact: str | None = None


@dataclass
class SafetyEntry:
    text: str
    how_long: str


@dataclass
class Columns:
    harm: list[str]
    complicating: list[str]
    strengths: list[str]
    existing_safety: list[SafetyEntry]
    needs: list[str]


@dataclass
class DangerModel:
    who: str
    behaviour: str
    impact: str
    statement: str


@dataclass
class GoalModel:
    happening: str
    who: str
    duration: str
    statement: str


@dataclass
class CaseRule:
    kind: RuleKind
    text: str
    person: str | None = None
    action: str | None = None
    contact: str | None = None


@dataclass
class Worry:
    key: str
    title: str
    danger: DangerModel
    goal: GoalModel
    scale: str
    rules: list[CaseRule]

    def rules_of(self, kind: RuleKind) -> list[CaseRule]:
        return [rule for rule in self.rules if rule.kind is kind]


@dataclass
class CaseStep:
    what: str
    who: str
    when: str


@dataclass
class PracticeCase:
    id: str
    title: str
    family_name: str
    summary: str
    children: list[CaseChild]
    network: list[CasePerson]
    columns: Columns
    worries: list[Worry]
    steps: list[CaseStep]
    closure: str
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[str]:
        """The summary as the learner reads it, one paragraph at a time."""
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", self.summary) if p.strip()]

    def to_plan(self, start: dt.date | None = None) -> Plan:
        """The model answer as a plan, with relative dates counted from ``start`` (today)."""
        start = start or dt.date.today()
        columns = self.columns
        entries = [ColumnEntry(ColumnKind.HARM, text) for text in columns.harm]
        entries += [ColumnEntry(ColumnKind.COMPLICATING, text) for text in columns.complicating]
        entries += [ColumnEntry(ColumnKind.STRENGTH, text) for text in columns.strengths]
        entries += [
            ColumnEntry(ColumnKind.EXISTING_SAFETY, entry.text, how_long=entry.how_long)
            for entry in self.columns.existing_safety
        ]
        entries += [ColumnEntry(ColumnKind.NEEDS, text) for text in self.columns.needs]
        pairs = [
            Pair(
                danger_who=w.danger.who,
                danger_behaviour=w.danger.behaviour,
                danger_impact=w.danger.impact,
                danger_statement=w.danger.statement,
                danger_confirmed=True,
                goal_happening=w.goal.happening,
                goal_who=w.goal.who,
                goal_duration=w.goal.duration,
                safety_goal=w.goal.statement,
                goal_confirmed=True,
                scaling_question=w.scale,
                rules=[
                    PlanRule(
                        kind=r.kind,
                        text=r.text,
                        person_name=r.person,
                        action=r.action,
                        contact=r.contact,
                    )
                    for r in w.rules
                ],
            )
            for w in self.worries
        ]
        return Plan(
            reference=f"practice-{self.id}",
            status=CaseStatus.DRAFT,
            target_closure_date=due_from(self.closure, start),
            target_closure_text=self.closure,
            practice_case=self.id,
            children=[Child(first_name=c.name, age=c.age) for c in self.children],
            people=[
                Person(
                    name=p.name,
                    relationship=p.relationship,
                    is_professional=p.professional,
                    contact=p.contact,
                )
                for p in self.network
            ],
            entries=entries,
            pairs=pairs,
            steps=[
                Step(what=s.what, who=s.who, due=due_from(s.when, start), due_text=s.when)
                for s in self.steps
            ],
        )

    def model_answer(self, step: str) -> str:
        """The model answer for one step of practice mode, as plain text to show."""
        from bot.practice.why import step_key  # the same step names as the explanations

        return _MODEL_ANSWERS[step_key(step)](self)


# -- model answers by step --------------------------------------------------------------


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _network(case: PracticeCase) -> str:
    family = [f"{p.name} ({p.relationship})" for p in case.network if not p.professional]
    workers = [f"{p.name} ({p.relationship})" for p in case.network if p.professional]
    return (
        f"Family and friends:\n{_bullets(family)}\n\n"
        f"Professionals, for now:\n{_bullets(workers)}"
    )


def _columns(case: PracticeCase) -> str:
    c = case.columns
    return "\n\n".join(
        [
            f"What are we worried about? Harm that has happened:\n{_bullets(c.harm)}",
            f"Complicating factors:\n{_bullets(c.complicating)}",
            f"What's working well? Strengths:\n{_bullets(c.strengths)}",
            "Existing safety:\n"
            + _bullets([f"{e.text} ({e.how_long})" for e in c.existing_safety]),
            f"What needs to happen?\n{_bullets(c.needs)}",
        ]
    )


def _existing_safety(case: PracticeCase) -> str:
    return _bullets([f"{e.text} ({e.how_long})" for e in case.columns.existing_safety])


def _danger(case: PracticeCase) -> str:
    return "\n\n".join(
        f"{n}. {' '.join(w.danger.statement.split())}\n"
        f"   Who is worried: {w.danger.who}\n"
        f"   What happens: {w.danger.behaviour}\n"
        f"   What could happen to the children: {w.danger.impact}"
        for n, w in enumerate(case.worries, start=1)
    )


def _goal(case: PracticeCase) -> str:
    return "\n\n".join(
        f"{n}. {' '.join(w.goal.statement.split())}\n"
        f"   What will be happening: {w.goal.happening}\n"
        f"   Who will see it: {w.goal.who}\n"
        f"   For how long: {w.goal.duration}"
        for n, w in enumerate(case.worries, start=1)
    )


def _pairing(case: PracticeCase) -> str:
    return "\n\n".join(
        f"Worry {n}: {w.title}\n"
        f"Danger statement: {' '.join(w.danger.statement.split())}\n"
        f"Safety goal: {' '.join(w.goal.statement.split())}"
        for n, w in enumerate(case.worries, start=1)
    )


def _scale(case: PracticeCase) -> str:
    return "\n\n".join(
        f"Worry {n} ({w.title}): {' '.join(w.scale.split())}"
        for n, w in enumerate(case.worries, start=1)
    )


def _rules(case: PracticeCase) -> str:
    blocks = []
    for n, worry in enumerate(case.worries, start=1):
        parts = [f"Worry {n}: {worry.title}"]
        for kind in RuleKind:
            rules = worry.rules_of(kind)
            if rules:
                parts.append(f"{kind.heading}:\n{_bullets([r.text for r in rules])}")
        blocks.append("\n".join(parts))
    return "\n\n".join(blocks)


def _timeline(case: PracticeCase) -> str:
    return _bullets([f"{s.what}: {s.who}, {s.when}" for s in case.steps])


def _closure(case: PracticeCase) -> str:
    return f"Target date for the case to close, if the plan works: {case.closure}."


_MODEL_ANSWERS = {
    "network": _network,
    "columns": _columns,
    "existing_safety": _existing_safety,
    "danger": _danger,
    "goal": _goal,
    "pairing": _pairing,
    "scale": _scale,
    "rules": _rules,
    "timeline": _timeline,
    "closure": _closure,
}


# -- relative dates -------------------------------------------------------------------

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_RELATIVE = re.compile(
    r"^\s*in\s+(\d+|[a-z]+)\s+(day|week|fortnight|month|year)s?\s*$", re.IGNORECASE
)


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_from(when: str, start: dt.date) -> dt.date | None:
    """'in 2 weeks' from ``start``; None for wording that is not a plain interval."""
    match = _RELATIVE.match(when or "")
    if not match:
        return None
    amount_text, unit = match.group(1).casefold(), match.group(2).casefold()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBERS.get(amount_text)
    if amount is None:
        return None
    if unit == "day":
        return start + dt.timedelta(days=amount)
    if unit == "week":
        return start + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return start + dt.timedelta(weeks=2 * amount)
    if unit == "month":
        return _add_months(start, amount)
    return _add_months(start, 12 * amount)


# -- loading ----------------------------------------------------------------------------


def _text(data: dict[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CaseFileError(f"{where}: '{name}' must be some text")
    return value.strip()


def _texts(data: dict[str, Any], name: str, where: str) -> list[str]:
    value = data.get(name)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"{where}: '{name}' must be a list of text")
    return [v.strip() for v in value]


_RULE_SECTIONS = {
    "going_well": RuleKind.GOING_WELL,
    "triggers": RuleKind.TRIGGER,
    "red_flags": RuleKind.RED_FLAG,
    "who_does_what": RuleKind.WHO_DOES_WHAT,
}


def _rules_from(data: dict[str, Any], where: str) -> list[CaseRule]:
    if not isinstance(data, dict):
        raise CaseFileError(f"{where}: 'rules' must be a mapping of {', '.join(_RULE_SECTIONS)}")
    rules: list[CaseRule] = []
    for section, kind in _RULE_SECTIONS.items():
        items = data.get(section)
        if not isinstance(items, list) or not items:
            raise CaseFileError(f"{where}: rules need at least one '{section}'")
        for item in items:
            if isinstance(item, str):
                rules.append(CaseRule(kind, item.strip()))
            elif isinstance(item, dict):
                rules.append(
                    CaseRule(
                        kind,
                        _text(item, "text", f"{where} {section}"),
                        person=item.get("person"),
                        action=item.get("action"),
                        contact=item.get("contact"),
                    )
                )
            else:
                raise CaseFileError(f"{where}: each '{section}' rule must be text or a mapping")
    return rules


def _case_from(data: dict[str, Any], source: str) -> PracticeCase:
    if not isinstance(data, dict):
        raise CaseFileError(f"{source}: a case file must be a mapping")
    columns = data.get("columns") or {}
    worries = []
    for number, worry in enumerate(data.get("worries") or [], start=1):
        where = f"{source} worry {number}"
        danger, goal = worry.get("danger") or {}, worry.get("goal") or {}
        worries.append(
            Worry(
                key=_text(worry, "key", where),
                title=_text(worry, "title", where),
                danger=DangerModel(
                    *(_text(danger, n, where) for n in ("who", "behaviour", "impact", "statement"))
                ),
                goal=GoalModel(
                    *(_text(goal, n, where) for n in ("happening", "who", "duration", "statement"))
                ),
                scale=_text(worry, "scale", where),
                rules=_rules_from(worry.get("rules"), where),
            )
        )
    if not worries:
        raise CaseFileError(f"{source}: a case needs at least one worry")
    try:
        children = [CaseChild(str(c["name"]), int(c["age"])) for c in data.get("children") or []]
        network = [
            CasePerson(
                name=str(p["name"]),
                relationship=str(p["relationship"]),
                professional=bool(p["professional"]),
                contact=p.get("contact"),
            )
            for p in data.get("network") or []
        ]
        steps = [
            CaseStep(str(s["what"]), str(s["who"]), str(s["when"]))
            for s in data.get("steps") or []
        ]
        safety = [
            SafetyEntry(str(e["text"]).strip(), str(e["how_long"]).strip())
            for e in columns.get("existing_safety") or []
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise CaseFileError(
            f"{source}: {error!r} in children, network, steps or existing safety"
        ) from error
    if not children or not network or not steps or not safety:
        raise CaseFileError(
            f"{source}: children, network, steps and existing safety are all needed"
        )
    return PracticeCase(
        id=_text(data, "id", source),
        title=_text(data, "title", source),
        family_name=_text(data, "family_name", source),
        summary=_text(data, "summary", source),
        children=children,
        network=network,
        columns=Columns(
            harm=_texts(columns, "harm", source),
            complicating=_texts(columns, "complicating", source),
            strengths=_texts(columns, "strengths", source),
            existing_safety=safety,
            needs=_texts(columns, "needs", source),
        ),
        worries=worries,
        steps=steps,
        closure=_text(data, "closure", source),
        notes={str(k): " ".join(str(v).split()) for k, v in (data.get("notes") or {}).items()},
    )


@lru_cache(maxsize=4)
def _raw_cases(directory: Path) -> tuple[tuple[str, dict[str, Any]], ...]:
    found = []
    for path in sorted(directory.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            found.append((path.name, yaml.safe_load(handle)))
    return tuple(found)


def list_cases() -> list[PracticeCase]:
    """Every practice case, ordered by id; fresh objects each call, safe to change."""
    cases = [_case_from(data, name) for name, data in _raw_cases(CASES_DIR)]
    return sorted(cases, key=lambda case: case.id)


def get_case(key: str) -> PracticeCase | None:
    """A case by id, or by a case-insensitive part of its title or family name ("okafor")."""
    wanted = " ".join(str(key or "").casefold().split())
    if not wanted:
        return None
    cases = list_cases()
    for case in cases:
        if case.id.casefold() == wanted:
            return case
    for case in cases:
        if wanted in case.family_name.casefold() or wanted in case.title.casefold():
            return case
    return None


def random_case(rng: random.Random | None = None) -> PracticeCase:
    """One case at random; pass a seeded ``random.Random`` for a repeatable choice."""
    return (rng or random.Random()).choice(list_cases())
