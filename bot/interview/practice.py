"""Model answers shown to learners after their own attempt, from their practice case."""

from __future__ import annotations

from bot.interview.context import Context
from bot.plan.model import Pair, RuleKind


def _case(ctx: Context):  # noqa: ANN202
    plan = ctx.plan
    if plan is None or not plan.practice_case:
        return None
    from bot.practice.cases import get_case

    return get_case(plan.practice_case)


def _why(step: str) -> str:
    from bot.practice.why import why

    return "Why it's built this way: " + why(step)


def model_columns(ctx: Context) -> str | None:
    case = _case(ctx)
    if case is None:
        return None
    return "\n\n".join(
        [
            "Compare with a model of the three columns for this family:",
            case.model_answer("columns"),
            _why("columns"),
        ]
    )


def model_rules(ctx: Context, pair: Pair) -> str | None:
    case = _case(ctx)
    if case is None:
        return None
    index = ctx.pair_number(pair) - 1
    if index >= len(case.worries):
        return None
    worry = case.worries[index]
    parts = [f"Model plan rules for worry {index + 1} ({worry.title}):"]
    for kind in RuleKind:
        rules = worry.rules_of(kind)
        if rules:
            parts.append(kind.heading + ":\n" + "\n".join(f"- {r.text}" for r in rules))
    if index == 0:
        parts.append(_why("rules"))
    return "\n\n".join(parts)


def model_timeline(ctx: Context) -> str | None:
    case = _case(ctx)
    if case is None:
        return None
    return "\n\n".join(
        [
            "Compare with a model timeline:\n" + case.model_answer("timeline"),
            case.model_answer("closure"),
            _why("timeline"),
            _why("closure"),
        ]
    )
