"""End-of-practice feedback: what the learner did well, and what to practise next.

Built from ``check_plan`` findings and from what the plan contains, in plain
sentences a learner can act on. It never scores: the point is the next thing
to practise, not a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.plan.model import ColumnKind, Plan, RuleKind
from bot.quality import check_plan
from bot.quality.findings import Finding


@dataclass
class PracticeSummary:
    did_well: list[str] = field(default_factory=list)
    to_practise: list[str] = field(default_factory=list)


def _filled(value: str | None) -> bool:
    return bool(value and value.strip())


def _quoted(excerpts: list[str]) -> str:
    quoted = [f"'{e}'" for e in excerpts]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _excerpts(findings: list[Finding], code: str, limit: int = 2) -> list[str]:
    seen: list[str] = []
    for finding in findings:
        if finding.code == code and finding.excerpt and finding.excerpt.casefold() not in {
            s.casefold() for s in seen
        }:
            seen.append(finding.excerpt)
    return seen[:limit]


def practice_summary(plan: Plan) -> PracticeSummary:
    """What went well and what to practise, from the checks and what the plan holds."""
    findings = check_plan(plan, audience="worker")
    found = {f.code for f in findings}
    summary = PracticeSummary()

    def aspect(applies: bool, problem: bool, well: str, practise: str) -> None:
        if not applies:
            return
        (summary.to_practise if problem else summary.did_well).append(practise if problem else well)

    has_danger = any(
        _filled(p.danger_statement) or _filled(p.danger_behaviour) for p in plan.pairs
    )
    has_goal = any(_filled(p.safety_goal) or _filled(p.goal_happening) for p in plan.pairs)
    has_pairs = has_danger or has_goal

    # The network and the map.
    aspect(
        True,
        "plan.no_network" in found or not plan.people,
        "You named family and friends in the safety network, not just professionals.",
        "Practise finding the family's own network: relatives, friends and neighbours who "
        "could help.",
    )
    safety = plan.entries_of(ColumnKind.EXISTING_SAFETY)
    if not safety:
        summary.to_practise.append(
            "Look for existing safety: times someone kept the children safe when the worry "
            "was there."
        )
    aspect(
        bool(safety),
        "columns.strength_as_safety" in found,
        "You kept strengths and existing safety apart.",
        "Practise keeping strengths and existing safety apart: love is a strength; safety "
        "is what someone did when the danger was there.",
    )
    aspect(
        bool(safety) and "columns.strength_as_safety" not in found,
        "columns.safety_no_time" in found,
        "Your existing safety says how long it has been shown.",
        "Practise saying how long existing safety has been shown.",
    )

    # Danger statements.
    if not has_danger:
        summary.to_practise.append(
            "Write a danger statement for each worry: who is worried, what happens, and what "
            "could happen to the child."
        )
    aspect(
        has_danger,
        "danger.no_who" in found,
        "Your danger statements name who is worried.",
        "Practise starting each danger statement with who is worried, by name or role.",
    )
    aspect(
        has_danger,
        "danger.no_behaviour" in found,
        "Your danger statements describe what the caregiver actually does.",
        "Practise describing the specific behaviour that worries people.",
    )
    aspect(
        has_danger,
        "danger.no_impact" in found,
        "Your danger statements say what could happen to the children if nothing changes.",
        "Practise adding what could happen to the child if nothing changes.",
    )

    # Words.
    labels = _excerpts(findings, "jargon.label")
    if labels:
        summary.to_practise.append(
            f"Practise describing the behaviour behind labels like {_quoted(labels)}."
        )
    beside = _excerpts(findings, "jargon.label_beside_behaviour")
    if beside:
        summary.to_practise.append(
            f"You described what happens; practise leaving out labels like {_quoted(beside)} "
            "once you have."
        )
    acronyms = _excerpts(findings, "jargon.acronym")
    if acronyms:
        summary.to_practise.append(
            f"Practise writing shorthand like {_quoted(acronyms)} out in full, or in everyday "
            "words."
        )
    if has_pairs and not (labels or beside or acronyms):
        summary.did_well.append(
            "You wrote in everyday words, without professional labels or shorthand."
        )
    aspect(
        has_pairs,
        "read.hard" in found or "read.long_sentence" in found,
        "Your wording is short and plain enough for a family to read.",
        "Practise shorter sentences and everyday words so the family can read the plan.",
    )

    # Safety goals and pairing.
    if has_danger and not has_goal:
        summary.to_practise.append(
            "Write a safety goal for each worry: what will be happening, who will see it, "
            "and for how long."
        )
    aspect(
        has_goal,
        "goal.negative" in found,
        "Your safety goals say what will be happening, not what will stop.",
        "Practise writing goals as what will be happening, not what will stop.",
    )
    aspect(
        has_goal,
        "goal.no_behaviour" in found,
        "Your safety goals describe what the caregiver will be doing.",
        "Practise describing what the caregiver will be doing in each goal.",
    )
    aspect(
        has_goal,
        "goal.no_who" in found,
        "Your safety goals say who will see them happening.",
        "Practise naming who will see each goal happening.",
    )
    aspect(
        has_goal,
        "goal.no_duration" in found,
        "Your safety goals say how long they must be shown.",
        "Practise adding how long each goal must be shown, including hard times like "
        "birthdays and holidays.",
    )
    aspect(
        has_danger and has_goal,
        "plan.pair_without_goal" in found or "plan.pair_without_danger" in found,
        "Every danger statement has its own safety goal.",
        "Practise pairing every danger statement with its own safety goal.",
    )
    aspect(
        has_pairs,
        "plan.too_many_pairs" in found,
        "You kept to three worries or fewer.",
        "Practise choosing the three worries that matter most.",
    )

    # Scales.
    aspect(
        has_danger,
        "plan.pair_without_scale" in found,
        "Each worry has its own scaling question.",
        "Practise adding a scaling question for each worry.",
    )
    scales = any(_filled(p.scaling_question) for p in plan.pairs)
    aspect(
        scales,
        "scale.no_zero_anchor" in found or "scale.no_ten_anchor" in found,
        "Your scaling questions say what 0 and 10 mean.",
        "Practise describing both ends of each scale: what 0 means and what 10 means.",
    )

    # Plan rules.
    if has_pairs:
        complete = all(
            pair.rules_of(RuleKind.RED_FLAG) and pair.rules_of(RuleKind.WHO_DOES_WHAT)
            for pair in plan.pairs
            if _filled(pair.danger_statement) or _filled(pair.safety_goal)
        )
        if not complete:
            summary.to_practise.append(
                "Practise adding plan rules for each worry, especially red flags and who will "
                "do what."
            )
    rules = [rule for pair in plan.pairs for rule in pair.rules]
    aspect(
        bool(rules),
        "rule.vague" in found,
        "Your plan rules use signs people could see or hear.",
        "Practise writing signs people could actually see or hear.",
    )
    aspect(
        any(rule.kind is RuleKind.WHO_DOES_WHAT for rule in rules),
        "rule.no_person" in found or "rule.no_contact" in found,
        "Your rules say who will act and how to reach them.",
        "Practise naming who will act on a red flag and how to reach them.",
    )

    # Timeline.
    if not plan.steps:
        summary.to_practise.append("Add next steps: who does what, by when.")
    aspect(
        bool(plan.steps),
        "step.no_owner" in found or "step.no_date" in found,
        "Every step says who will do it and by when.",
        "Practise giving every step one named person and a date.",
    )
    aspect(
        bool(plan.steps),
        "plan.too_many_steps" in found,
        "You kept the timeline to a doable number of steps.",
        "Practise keeping the timeline to about eight steps that matter most.",
    )
    aspect(
        bool(plan.steps),
        "plan.no_closure" in found,
        "You set a target date for the case to close.",
        "Practise setting a target date for the case to close.",
    )
    return summary
