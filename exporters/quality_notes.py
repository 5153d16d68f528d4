"""The open quality findings shown in the worker version's appendix."""

from __future__ import annotations

from bot.plan.model import Plan
from bot.quality.findings import Finding


def open_findings(plan: Plan, audience: str = "worker") -> list[Finding]:
    """Findings from the plan checker.

    The checker is imported here, not at module level, so exporting never
    depends on it at import time. Only a checker that cannot be imported (it
    is still being written) counts as "no findings"; a checker that fails
    while checking raises, because silently losing notes would mislead.
    """
    try:
        from bot.quality import check_plan
    except ImportError:
        return []
    return list(check_plan(plan, audience=audience))
