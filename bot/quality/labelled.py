"""Scoring the checks against the labelled set (``tests/data/quality_labelled.yml``).

A finding is a pair (item, code): precision and recall are micro-averaged over
those pairs, so an item with three expected codes counts three times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.plan.model import RuleKind, Step
from bot.quality.checks import (
    check_danger_statement,
    check_existing_safety,
    check_rule,
    check_safety_goal,
    check_scaling_question,
    check_step,
)
from bot.quality.findings import Finding

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "quality_labelled.yml"
KINDS = ("danger", "goal", "scale", "rule", "step", "safety")


def load(path: Path | str | None = None) -> list[dict[str, Any]]:
    with open(path or DEFAULT_PATH, encoding="utf-8") as handle:
        items = yaml.safe_load(handle) or []
    for number, item in enumerate(items, start=1):
        if item.get("kind") not in KINDS:
            raise ValueError(f"item {number}: kind must be one of {KINDS}")
        if not isinstance(item.get("expected"), list):
            raise ValueError(f"item {number}: expected must be a list of codes")
    return items


def _step(data: dict[str, Any]) -> Step:
    what, who, due = data.get("what") or "", data.get("who"), data.get("due")
    if isinstance(due, dt.date):
        return Step(what=what, who=who, due=due)
    try:
        return Step(what=what, who=who, due=dt.date.fromisoformat(str(due)))
    except ValueError:
        return Step(what=what, who=who, due_text=due)


def findings_for(item: dict[str, Any]) -> list[Finding]:
    kind = item["kind"]
    audience = item.get("audience", "worker")
    text = item.get("text") or ""
    if kind == "danger":
        return check_danger_statement(text, audience=audience)
    if kind == "goal":
        return check_safety_goal(text, audience=audience)
    if kind == "scale":
        return check_scaling_question(text)
    if kind == "rule":
        return check_rule(text, RuleKind(item["rule_kind"]), audience=audience)
    if kind == "step":
        return check_step(_step(item["step"]))
    return check_existing_safety(text, item.get("how_long"))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Disagreement:
    number: int
    item: dict[str, Any]
    missed: set[str]
    extra: set[str]


@dataclass
class Evaluation:
    total: Counts = field(default_factory=Counts)
    per_code: dict[str, Counts] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    items: int = 0


def evaluate(items: Iterable[dict[str, Any]], split: str | None = None) -> Evaluation:
    """Score every item, or only those of one ``split`` ("holdout"; "main" = unmarked)."""
    result = Evaluation()
    for number, item in enumerate(items, start=1):
        if split is not None and item.get("split", "main") != split:
            continue
        result.items += 1
        expected = set(item["expected"])
        got = {finding.code for finding in findings_for(item)}
        for code in expected | got:
            counts = result.per_code.setdefault(code, Counts())
            if code in expected and code in got:
                counts.tp += 1
                result.total.tp += 1
            elif code in got:
                counts.fp += 1
                result.total.fp += 1
            else:
                counts.fn += 1
                result.total.fn += 1
        if expected != got:
            result.disagreements.append(Disagreement(number, item, expected - got, got - expected))
    return result
