"""Whose own scores these are: the person's record in the plan (issue 15, items 3 and 4).

One person, one line of scores: the name someone gives about themselves is
matched to the plan's people, the same records the rest of the plan (and the
meeting recorder) uses. Someone who joined through an invite onto a plan that
already has people is asked when their name is new or could be one of several
("Which one is you?"), never guessed.

While a meeting is planned, a family member or network person who joined
through an invite gives their own scores for it, before it: the question reads
"Before the core group on 14 January: ..." and the score is kept on that
planned meeting under their person record.
"""

from __future__ import annotations

import re
from typing import Any

from bot.interview.context import Context
from bot.meetings.planning import before_label, next_planned
from bot.meetings.recording import match_person
from bot.plan.model import Meeting, Person, Role

# state.flags key: the index in plan.people of the person this conversation is.
ME = "me"
# state.flags key: a name given about themselves that needs asking about.
WHICH_YOU = "which_you"
NEW = "new"


# "Me", "I'll do it", "I was there": the person typing, named as a doer, step
# owner or meeting attendee.
_SELF = re.compile(
    r"^\W*(?:me|i|myself|me myself|me too|i will|i'll|i will do it|i'll do it|i was there)\W*$",
    re.IGNORECASE,
)


def typist(ctx: Context, who: str) -> str | None:
    """The name of the person typing when they named themselves ("me", "I"), if known."""
    name = ctx.conversation.user_name
    return name if name and _SELF.match(who or "") else None


def invited_family(ctx: Context) -> bool:
    """A family member or network person who joined the case through an invite."""
    return bool(ctx.conversation.invite_id) and ctx.role is Role.FAMILY


def me(ctx: Context) -> Person | None:
    """The plan's record of the person in this conversation, when it is known for certain."""
    plan = ctx.plan
    name = ctx.conversation.user_name
    if plan is None or not name:
        return None
    index = ctx.state.flags.get(ME)
    if isinstance(index, int) and 0 <= index < len(plan.people):
        person = plan.people[index]
        if person.name == name:
            return person
    same = [p for p in plan.people if _key(p.name) == _key(name)]
    return same[0] if len(same) == 1 else None


def remember(ctx: Context, person: Person) -> None:
    plan = ctx.plan
    if plan is None:
        return
    index = next((i for i, p in enumerate(plan.people) if p is person), None)
    if index is not None:
        ctx.state.flags[ME] = index


def needs_asking(ctx: Context, name: str) -> list[Person]:
    """The plan's people a name given by an invited person could be; [] when it is certain.

    A new name on a plan that already has people is asked about too (they may be
    down under another name, "Nan" for "Jan Smith"): then every family and
    network person is offered.
    """
    plan = ctx.plan
    if plan is None or not invited_family(ctx):
        return []
    person, candidates = match_person(plan, name)
    if person is not None:
        return []
    if candidates:
        return candidates
    return [p for p in plan.people if not p.is_professional]


def pending(ctx: Context) -> dict[str, Any] | None:
    data = ctx.state.flags.get(WHICH_YOU)
    return data if isinstance(data, dict) else None


def scoring_for(ctx: Context) -> Meeting | None:
    """The planned meeting this person's own scores are for now; None outside one."""
    if ctx.plan is None or not invited_family(ctx):
        return None
    return next_planned(ctx.plan, ctx.today)


def before_words(ctx: Context) -> str | None:
    """ "Before the core group on 14 January" when scores are given before a meeting."""
    meeting = scoring_for(ctx)
    return before_label(meeting, ctx.today) if meeting is not None else None


def _key(name: str) -> str:
    return " ".join(name.casefold().split())
