"""What the assistant says on the urgent-danger path, and only there.

These are the only words of the assistant that contain the emergency number:
other checks rely on it appearing nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.safety.helplines import DOMESTIC_ABUSE, helplines, helplines_for
from bot.settings import Settings

FIRST_LINE = "If anyone is in danger now, call 999."
# The lines of the helplines given to everyone (helplines.yml).
NSPCC, CHILDLINE = (h.line for h in helplines() if h.when is None)
ASK_WORKER = (
    "For your local children's services or out-of-hours team, "
    "ask your worker for your local number."
)
# A worker is the one a family would ask: point them at their own council's numbers.
WORKER_LOCAL = (
    "For children's services or the out-of-hours Emergency Duty Team, use your "
    "council's numbers (they are not set up in this assistant)."
)

# Asked when someone types only "help": it may be about the question, or a cry for help.
HELP_OR_DANGER = "Do you need help with this question, or is someone in danger right now?"


def local_numbers(settings: Settings, audience: str = "family") -> str:
    """The council's numbers from settings; never a made-up number when they are unset.

    `audience` is "family", "worker" or "learner": nobody but a family member is
    told to ask their worker.
    """
    family = audience == "family"
    lines = []
    council = settings.council_name or "Your council"
    if settings.council_phone:
        lines.append(f"{council} children's services: {settings.council_phone}.")
    if settings.council_out_of_hours_phone:
        lines.append(f"Out of hours (Emergency Duty Team): {settings.council_out_of_hours_phone}.")
    if not lines:
        lines.append(ASK_WORKER if family else WORKER_LOCAL)
    elif not settings.council_out_of_hours_phone:
        lines.append(
            "Out of hours, ask your worker for your local number."
            if family
            else "Out of hours, use your council's Emergency Duty Team number."
        )
    return "\n".join(lines)


def urgent_message(settings: Settings, kinds: Iterable[str] = (), audience: str = "family") -> str:
    """The urgent reply; `kinds` of worry (helplines.kinds_in) add their helplines."""
    lines = [FIRST_LINE, local_numbers(settings, audience)]
    lines += [h.line for h in helplines_for(kinds)]
    return "\n".join(lines)


def domestic_abuse_line() -> str:
    """The domestic abuse helpline, said on its own after the urgent reply."""
    found = [h for h in helplines() if h.when == DOMESTIC_ABUSE]
    return f"If this is about domestic abuse: {found[0].line}" if found else ""
