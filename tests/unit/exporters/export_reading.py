"""Reading exported Word documents back, and what each section should hold.

The expected answers are worked out here from the plan, independently of the
exporter, in the order a reader meets them.
"""

from __future__ import annotations

import io
from collections import Counter

import docx
from docx.oxml.ns import qn
from docx.text.run import Run

from bot.plan.model import ColumnKind, Plan, RuleKind
from bot.plan.progress import timeline
from exporters.text import clean_text, is_blank

COVER = "(cover)"


def load(data: bytes):
    return docx.Document(io.BytesIO(data))


def style_id(p) -> str | None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return None
    pstyle = ppr.find(qn("w:pStyle"))
    return None if pstyle is None else pstyle.get(qn("w:val"))


def paragraph_text(p) -> str:
    return "".join(Run(r, None).text for r in p.iter(qn("w:r")))


def sections(document) -> list[tuple[str, list[str]]]:
    """(Heading 1 text, run texts in reading order) for the cover and each section."""
    result: list[tuple[str, list[str]]] = [(COVER, [])]
    for p in document.element.body.iter(qn("w:p")):
        if style_id(p) == "Heading1":
            result.append((paragraph_text(p), []))
            continue
        result[-1][1].extend(Run(r, None).text for r in p.iter(qn("w:r")))
    return result


def headings(document, level: int) -> list[str]:
    wanted = "Title" if level == 0 else f"Heading{level}"
    body = document.element.body
    return [paragraph_text(p) for p in body.iter(qn("w:p")) if style_id(p) == wanted]


def all_runs(document) -> list[str]:
    return [text for _, runs in sections(document) for text in runs]


def _keep(values) -> list[str]:
    return [clean_text(v) for v in values if not is_blank(v)]


def _score_date(score):
    return score.meeting.held_on if score.meeting is not None else score.scored_on


def pair_statements(pair) -> list[str]:
    danger = (
        [pair.danger_statement]
        if not is_blank(pair.danger_statement)
        else [pair.danger_who, pair.danger_behaviour, pair.danger_impact]
    )
    goal = (
        [pair.safety_goal]
        if not is_blank(pair.safety_goal)
        else [pair.goal_happening, pair.goal_who, pair.goal_duration]
    )
    return _keep(danger + goal)


def pair_rules(pair) -> list[str]:
    out: list[str] = []
    for kind in RuleKind:
        for rule in pair.rules_of(kind):
            out += _keep([rule.text, rule.person_name, rule.action, rule.contact])
    return out


def latest_first(revisions):
    def key(r):
        return r.at.timestamp()

    return sorted(reversed(list(revisions)), key=key, reverse=True)


def joined_network(revision) -> list[str]:
    """The name in an "added X to the safety network" change, as the summary names it."""
    import re

    found = re.match(r"^(.+) to the (?:safety )?network$", revision.what or "")
    return [found.group(1)] if found else []


def revision_answers(revisions) -> list[str]:
    out: list[str] = []
    for r in latest_first(revisions):
        out += _keep([r.actor, r.action, r.what, r.detail])
    return out


def expected_plan_sections(plan: Plan, version: str, headings_by_key: dict[str, str]) -> dict:
    """Section heading -> the typed answers it holds, in order."""
    h = headings_by_key
    expected: dict[str, list[str]] = {}
    # The family version has the case reference in the footer only.
    reference = [plan.reference] if version == "worker" else []
    expected[COVER] = _keep(
        reference + [c.first_name for c in plan.children] + list(plan.written_with)
    )
    if version == "worker":
        # Page 1 holds the flags nobody has reviewed; reviewed ones are in the appendix.
        flags = newest_flags_first([f for f in plan.urgent_flags if f.reviewed_at is None])
        expected[h["urgent"]] = [t for f in flags for t in _keep([f.channel, f.message])]
    expected[h["emergency"]] = []
    expected[h["network"]] = [
        t for p in plan.people for t in _keep([p.name, p.relationship, p.contact, p.role_in_plan])
    ]
    column: list[str] = []
    for kind in (ColumnKind.HARM, ColumnKind.COMPLICATING, ColumnKind.STRENGTH,
                 ColumnKind.EXISTING_SAFETY, ColumnKind.NEEDS):
        for entry in plan.entries_of(kind):
            column += _keep([entry.text, entry.how_long if kind is not ColumnKind.NEEDS else None])
    expected[h["map"]] = column
    pairs: list[str] = []
    for pair in plan.pairs:
        pairs += pair_statements(pair)
        pairs += _keep([pair.scaling_question])
        for score in sorted(pair.scores, key=_score_date):
            pairs += _keep([score.person_name, score.reason, score.one_point_higher])
        pairs += pair_rules(pair)
    expected[h["pairs"]] = pairs
    expected[h["timeline"]] = [
        t for s in timeline(plan) for t in _keep([s.what, s.who, s.due_text])
    ] + _keep([plan.target_closure_text])
    questions = _keep([q.label for q in plan.open_questions])
    if questions or version == "worker":
        expected[h["still_to_do"]] = questions
    expected[h["agreement"]] = _keep([p.name for p in plan.people])
    if version == "worker":
        expected[h["change_log"]] = revision_answers(plan.revisions)
        reviewed = newest_flags_first([f for f in plan.urgent_flags if f.reviewed_at is not None])
        expected[h["reviewed_flags"]] = [
            t for f in reviewed
            for t in _keep([f.channel, f.message, f.reviewed_by, f.review_note])
        ]
    return expected


def newest_flags_first(flags):
    return sorted(reversed(list(flags)), key=lambda f: f.at.timestamp(), reverse=True)


def all_answers(plan: Plan) -> set[str]:
    """Every piece of typed text in the plan (cleaned), for filtering runs."""
    values: list[object] = [plan.reference, plan.target_closure_text, *plan.written_with]
    values += [c.first_name for c in plan.children]
    for p in plan.people:
        values += [p.name, p.relationship, p.contact, p.role_in_plan]
    values += [e.text for e in plan.entries] + [e.how_long for e in plan.entries]
    for pair in plan.pairs:
        values += [pair.danger_who, pair.danger_behaviour, pair.danger_impact,
                   pair.danger_statement, pair.goal_happening, pair.goal_who,
                   pair.goal_duration, pair.safety_goal, pair.scaling_question]
        for s in pair.scores:
            values += [s.person_name, s.reason, s.one_point_higher]
        for r in pair.rules:
            values += [r.text, r.person_name, r.action, r.contact]
    for s in plan.steps:
        values += [s.what, s.who, s.due_text]
    values += [q.label for q in plan.open_questions]
    for r in plan.revisions:
        values += [r.actor, r.action, r.what, r.detail]
    for f in plan.urgent_flags:
        values += [f.message, f.channel, f.reviewed_by, f.review_note]
    return set(_keep(values))


def check_sections(document, expected: dict[str, list[str]], answers: set[str],
                   skip: tuple[str, ...] = ()) -> None:
    """Each section holds exactly its answers, in order, and nothing else typed."""
    found = sections(document)
    names = [name for name, _ in found]
    assert [n for n in names if n not in skip] == list(expected), names
    for name, runs in found:
        if name in skip:
            continue
        typed = [r for r in runs if r in answers]
        want = expected[name]
        if typed != want:
            missing = Counter(want) - Counter(typed)
            extra = Counter(typed) - Counter(want)
            raise AssertionError(
                f"section {name!r}: missing {_short(missing)}, extra {_short(extra)}, "
                f"order {'differs' if not missing and not extra else 'n/a'}"
            )


def _short(counter: Counter) -> list[str]:
    return [f"{k[:60]!r} x{v}" for k, v in list(counter.items())[:5]]
