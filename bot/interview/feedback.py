"""Feedback on a composed statement: findings for workers and learners, gentle hints for families.

Family members never see a finding code, a score, or the word "wrong": only
a plain question that might help them say more. Learners also see a model
answer from their practice case to compare with their own.
"""

from __future__ import annotations

from bot.interview.context import Context
from bot.interview.keys import split
from bot.plan.model import Role

MAX_FAMILY_HINTS = 2
MAX_WORKER_FINDINGS = 4


def findings_for(ctx: Context, slot: str, question_key: str) -> list:
    from bot import quality

    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return []
    number = ctx.pair_number(pair)
    if slot == "danger_check":
        if not pair.danger_statement:
            return []
        return quality.check_danger_statement(
            pair.danger_statement, target=f"danger statement {number}", audience=ctx.audience
        )
    if slot == "goal_check":
        if not pair.safety_goal:
            return []
        return quality.check_safety_goal(
            pair.safety_goal, target=f"safety goal {number}", audience=ctx.audience
        )
    return []


def check_lines(ctx: Context, slot: str, question_key: str) -> list[str]:
    findings = findings_for(ctx, slot, question_key)
    if _composed_here(ctx, slot, question_key):
        # One long sentence is the template's doing, not the person's: only
        # reading-ease notes on wording they wrote themselves are fair.
        findings = [f for f in findings if not f.code.startswith("read.")]
    lines: list[str] = []
    if ctx.role is Role.FAMILY:
        hints = []
        for finding in findings:
            if finding.family_hint not in hints:
                hints.append(finding.family_hint)
        if hints:
            lines.append("Something that might help: " + " ".join(hints[:MAX_FAMILY_HINTS]))
    elif findings:
        shown = findings[:MAX_WORKER_FINDINGS]
        bullet_lines = [f"- {f.message} {f.suggestion}" for f in shown]
        more = len(findings) - len(shown)
        if more > 0:
            bullet_lines.append(f"- and {more} more in the review.")
        lines.append("Quality notes:\n" + "\n".join(bullet_lines))
    elif ctx.role is not Role.FAMILY:
        lines.append(
            "Quality notes: none. It names who is worried, the behaviour and the impact."
            if slot == "danger_check"
            else "Quality notes: none. It is positive, names people, and says how long."
        )
    if ctx.role is Role.PRACTISING:
        model = model_answer(ctx, slot, question_key)
        if model:
            lines.append('A model answer to compare with yours:\n"' + model + '"')
    return lines


def _composed_here(ctx: Context, slot: str, question_key: str) -> bool:
    from bot.plan.compose import compose_danger_statement, compose_safety_goal

    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return False
    if slot == "danger_check":
        return pair.danger_statement == compose_danger_statement(
            pair.danger_who, pair.danger_behaviour, pair.danger_impact
        )
    return pair.safety_goal == compose_safety_goal(
        pair.goal_who, pair.goal_happening, pair.goal_duration, ctx.children()
    )


def model_answer(ctx: Context, slot: str, question_key: str) -> str | None:
    """The practice case's own statement for this worry, when there is one."""
    plan = ctx.plan
    if plan is None or not plan.practice_case:
        return None
    from bot.practice.cases import get_case

    case = get_case(plan.practice_case)
    pair = ctx.pair_for_key(question_key)
    if case is None or pair is None:
        return None
    index = ctx.pair_number(pair) - 1
    worries = case.worries
    if index >= len(worries):
        return None
    worry = worries[index]
    _slot, _uid = split(question_key)
    if slot == "danger_check":
        return " ".join(worry.danger.statement.split())
    if slot == "goal_check":
        return " ".join(worry.goal.statement.split())
    return None
