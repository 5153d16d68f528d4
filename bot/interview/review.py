"""The review: the whole plan read back, and menus to change any part of it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from bot.interview.context import Context
from bot.interview.own_person import me
from bot.interview.reply import Section
from bot.plan.compose import format_score
from bot.plan.model import ColumnKind, Role, RuleKind, UrgentFlag, join_names

_COLUMN_TITLES = {
    "family": {
        ColumnKind.STRENGTH: "What's going well",
        ColumnKind.EXISTING_SAFETY: "What has kept the children safe",
        ColumnKind.HARM: "What has happened that worries people",
        ColumnKind.COMPLICATING: "What makes things harder",
        ColumnKind.NEEDS: "What needs to happen",
    },
    "worker": {
        ColumnKind.STRENGTH: "Strengths",
        ColumnKind.EXISTING_SAFETY: "Existing safety",
        ColumnKind.HARM: "Harm",
        ColumnKind.COMPLICATING: "Complicating factors",
        ColumnKind.NEEDS: "What needs to happen",
    },
}

_RULE_TITLES = {
    "family": {
        RuleKind.GOING_WELL: "Signs it's going well",
        RuleKind.TRIGGER: "What could make it harder",
        RuleKind.RED_FLAG: "Warning signs",
        RuleKind.WHO_DOES_WHAT: "Who does what",
    },
    "worker": {kind: kind.heading for kind in RuleKind},
}

COLUMN_SLOTS = {
    ColumnKind.STRENGTH: "strengths",
    ColumnKind.EXISTING_SAFETY: "existing_safety",
    ColumnKind.HARM: "harm",
    ColumnKind.COMPLICATING: "complicating",
    ColumnKind.NEEDS: "needs",
}

RULE_SLOTS = {
    RuleKind.GOING_WELL: "rule_going_well",
    RuleKind.TRIGGER: "rule_triggers",
    RuleKind.RED_FLAG: "rule_red_flags",
    RuleKind.WHO_DOES_WHAT: "rule_who_does_what",
}


def _worry_word(ctx: Context) -> str:
    return "Worry" if ctx.audience == "family" else "Danger statement"


INTRO = "Here is the plan so far."
_PEOPLE_LINES = ("Children", "You", "People who help", "Workers")


def summary(ctx: Context) -> str:
    """The plan so far, as one readable message."""
    plan = ctx.plan
    if plan is None:
        return "There is nothing in the plan yet."
    audience = ctx.audience
    lines: list[str] = [INTRO]
    children = [
        f"{c.first_name} ({c.age})" if c.age is not None else c.first_name for c in plan.children
    ]
    lines.append("Children: " + (join_names(children) or "not added yet"))
    family = [p for p in plan.people if not p.is_professional]
    workers = [p for p in plan.people if p.is_professional]

    def person(p) -> str:  # noqa: ANN001
        # The number too: a number under the wrong person is seen and put right here.
        about = ", ".join(part for part in (p.relationship, p.contact) if part)
        return f"{p.name} ({about})" if about else p.name

    typing = me(ctx)
    if typing is not None and typing in family and audience == "family":
        # A mum reading "People who help: Jodie (mum), Tracey (my mum)" saw herself
        # listed as her own helper (a persona in the web chat).
        family.remove(typing)
        lines.append("You: " + person(typing))
    lines.append("People who help: " + (join_names([person(p) for p in family]) or "none yet"))
    lines.append("Workers: " + (join_names([person(p) for p in workers]) or "none yet"))
    for kind in (
        ColumnKind.STRENGTH,
        ColumnKind.EXISTING_SAFETY,
        ColumnKind.HARM,
        ColumnKind.COMPLICATING,
        ColumnKind.NEEDS,
    ):
        entries = plan.entries_of(kind)
        if entries:
            texts = [e.text + (f" ({e.how_long})" if e.how_long else "") for e in entries]
            lines.append(f"{_COLUMN_TITLES[audience][kind]}: " + " / ".join(texts))
    for number, pair in enumerate(plan.pairs, start=1):
        lines.append("")
        lines.append(
            f"{_worry_word(ctx)} {number}: " + (pair.danger_statement or "not written yet")
        )
        goal_title = "What everyone needs to see" if audience == "family" else "Safety goal"
        lines.append(f"{goal_title}: " + (pair.safety_goal or "not written yet"))
        if pair.scores:
            lines.append(
                "Scores: "
                + "; ".join(
                    f"{s.person_name} {format_score(s.value)}"
                    + (f" ({s.meeting.kind.label})" if s.meeting else "")
                    for s in pair.scores
                )
            )
        for rule_kind in RuleKind:
            rules = pair.rules_of(rule_kind)
            if rules:
                lines.append(
                    f"{_RULE_TITLES[audience][rule_kind]}: " + " / ".join(r.text for r in rules)
                )
    if plan.steps:
        lines.append("")
        lines.append("Steps:")
        for number, step in enumerate(plan.steps, start=1):
            bits = [step.what]
            if step.who:
                bits.append(step.who)
            if step.due:
                bits.append("by " + step.due.strftime("%-d %B %Y"))
            elif step.due_text:
                bits.append(step.due_text)
            if step.done:
                bits.append("done")
            lines.append(f"{number}. " + ", ".join(bits))
    if plan.target_closure_date:
        lines.append("")
        lines.append(
            "The case could close by " + plan.target_closure_date.strftime("%-d %B %Y") + "."
        )
    if plan.open_questions:
        lines.append("")
        lines.append("Still to do: " + "; ".join(q.label for q in plan.open_questions))
    unfinished = [
        str(n)
        for n, p in enumerate(plan.pairs, start=1)
        if not p.danger_statement or not p.safety_goal
    ]
    if unfinished:
        lines.append(
            f"Not finished yet: {_worry_word(ctx).lower()} "
            + join_names(unfinished)
            + " (each worry needs its statement and its goal)."
        )
    return "\n".join(lines)


_WORRY = re.compile(r"^(\w+ \d+): (.*)$")
_TITLES = (
    ("Children:", "Children and people"),
    ("The case could close", "Closing date"),
    ("Still to do", "Still to do"),
    ("Not finished yet", "Still to do"),
)


# state.flags key: short fingerprints of the summary lines last shown (never the
# words themselves: the state is not the place for a second copy of the plan).
SHOWN = "review_shown"
SHOW_ALL = "show_all"
CHANGED_INTRO = "Here is what changed:"


def _fingerprint(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def summary_to_show(ctx: Context) -> tuple[str, bool]:
    """The review's message, and whether it is the whole plan.

    The first time, and whenever asked, the whole plan. After the review was
    answered and something changed, only the lines that changed (under their worry's title), since a
    parent on a phone had the whole plan printed again after every edit (a
    persona in the web chat); "Show the whole plan" is one tap away.
    """
    text = summary(ctx)
    blocks = _blocks(text)
    shown = ctx.state.flags.get(SHOWN)
    if not isinstance(shown, list):
        return text, True
    seen = set(shown)
    changed: list[str] = []
    for block in blocks:
        new = [ln for ln in block if ln != INTRO and _fingerprint(ln) not in seen]
        if not new:
            continue
        if (
            block[0] != INTRO
            and (_WORRY.match(block[0]) or block[0].endswith(":"))
            and block[0] not in new
        ):
            # "Safety goal: ..." alone does not say which worry: its title first.
            new.insert(0, block[0])
        changed.extend(new)
    if not changed:
        # Asked again with nothing new to show: the question alone.
        return "", False
    return CHANGED_INTRO + "\n" + "\n".join(changed), False


def _blocks(text: str) -> list[list[str]]:
    return [[ln for ln in b.split("\n") if ln.strip()] for b in text.split("\n\n")]


def remember_shown(ctx: Context) -> None:
    """The plan as the review showed it, kept (as fingerprints) when it is answered.

    Asking a question writes nothing, so this is done on the answer to the review:
    what they answered is what they saw."""
    ctx.state.flags[SHOWN] = [_fingerprint(ln) for block in _blocks(summary(ctx)) for ln in block]


def show_whole_plan(ctx: Context) -> None:
    """The next time the review is asked, the whole plan is shown."""
    ctx.state.flags.pop(SHOWN, None)


def summary_sections(text: str, good_and_worries: str = "Good things and worries") -> list[Section]:
    """The summary's parts, each with a short title, for a page that folds them away.

    Made from the summary's own lines, so the parts always say what the text says.
    """
    found: list[Section] = []
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if lines and lines[0] == INTRO:
            lines = lines[1:]
        if not lines:
            continue
        first = lines[0]
        worry = _WORRY.match(first)
        if first.startswith("Children:"):
            people = [ln for ln in lines if ln.split(":")[0] in _PEOPLE_LINES]
            columns = [ln for ln in lines if ln not in people]
            found.append(Section("Children and people", tuple(people)))
            if columns:
                found.append(Section(good_and_worries, tuple(columns)))
        elif worry and not first.startswith(("The case", "Still to do", "Not finished")):
            found.append(Section(worry.group(1), (worry.group(2), *lines[1:])))
        elif first.endswith(":"):
            found.append(Section(first[:-1], tuple(lines[1:])))
        else:
            title = next((t for start, t in _TITLES if first.startswith(start)), first[:40])
            if found and found[-1].title == title:
                found[-1] = Section(title, found[-1].lines + tuple(lines))
            else:
                found.append(Section(title, tuple(lines)))
    return found


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sections(ctx: Context) -> list[tuple[str, str]]:
    """The first review menu: (title, value) for each part of the plan."""
    plan = ctx.plan
    options: list[tuple[str, str]] = [("Children", "children"), ("People and workers", "people")]
    options.append(("Good things and worries", "columns"))
    if plan:
        for number, pair in enumerate(plan.pairs, start=1):
            options.append((f"{_worry_word(ctx)} {number}", f"pair:{pair.uid}"))
    options.append(("Add a worry", "add_pair"))
    options.append(("Steps", "steps"))
    options.append(("Closing date", "closure"))
    if plan and ctx.role is Role.WORKER and plan.unreviewed_flags:
        # Only a worker reviews the times someone said a child might be in danger now.
        options.append((f"Danger-now flags ({len(plan.unreviewed_flags)} to review)", "flags"))
    return options


def _flag_title(flag: UrgentFlag) -> str:
    when = flag.at.astimezone(dt.timezone.utc) if flag.at.tzinfo else flag.at
    return f"Reviewed, not urgent: {when:%d %b %H:%M} UTC, {_short(flag.message)}"


def items(ctx: Context) -> list[tuple[str, str]]:
    """The second review menu, for the section chosen at review_pick."""
    section = ctx.state.review_section or ""
    plan = ctx.plan
    family = ctx.audience == "family"
    if section == "people":
        options = [
            ("Add a person who helps", "edit:supporters"),
            ("Add a worker", "edit:professionals"),
        ]
        if plan:
            options += [
                (f"Remove {p.name}", f"remove_person:{index}")
                for index, p in enumerate(plan.people)
            ]
        return options
    if section == "columns":
        return [
            (_COLUMN_TITLES[ctx.audience][kind], f"edit:{slot}")
            for kind, slot in COLUMN_SLOTS.items()
        ]
    if section.startswith("pair:"):
        uid = section.split(":", 1)[1]
        parts = [
            ("Who is worried", "danger_who"),
            ("What happens" if family else "Caregiver behaviour", "danger_behaviour"),
            ("What could happen" if family else "Impact on the children", "danger_impact"),
            (
                "Rewrite the worry sentence" if family else "Rewrite the danger statement",
                "danger_rewrite",
            ),
            ("What everyone needs to see" if family else "Goal: behaviour", "goal_happening"),
            ("Who is involved" if family else "Goal: who", "goal_who"),
            ("How long" if family else "Goal: duration", "goal_duration"),
            ("Rewrite the goal" if family else "Rewrite the safety goal", "goal_rewrite"),
            ("Give a new score", "scale_score"),
        ]
        parts += [(_RULE_TITLES[ctx.audience][kind], slot) for kind, slot in RULE_SLOTS.items()]
        options = [(title, f"edit:{slot}@{uid}") for title, slot in parts]
        pair = ctx.pair(uid)
        if pair is not None and pair.rules:
            options.append(("Remove a plan rule", f"section:rules:{uid}"))
        options.append(("Remove this worry", f"remove_pair:{uid}"))
        return options
    if section.startswith("rules:"):
        uid = section.split(":", 1)[1]
        pair = ctx.pair(uid)
        if pair is None:
            return []
        return [
            (f"Remove: {_short(rule.text)}", f"remove_rule:{uid}:{index}")
            for index, rule in enumerate(pair.rules)
        ]
    if section == "flags":
        if plan is None or ctx.role is not Role.WORKER:
            return []
        return [
            (_flag_title(flag), f"review_flag:{index}")
            for index, flag in enumerate(plan.urgent_flags)
            if not flag.is_reviewed
        ]
    if section == "steps":
        options = [("Add a step", "add_step")]
        if plan:
            for number, step in enumerate(plan.steps, start=1):
                options.append((f"Change step {number}", f"edit_step:{step.uid}"))
                options.append(
                    (
                        f"Mark step {number} {'not done' if step.done else 'done'}",
                        f"toggle_step:{step.uid}",
                    )
                )
                options.append((f"Remove step {number}", f"remove_step:{step.uid}"))
        return options
    return []
