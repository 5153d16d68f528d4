"""Sections the safety plan and the meeting pack both contain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from docx.document import Document as DocxDocument
from docx.shared import Pt

from bot.plan.model import (
    ColumnEntry,
    ColumnKind,
    Meeting,
    Pair,
    Plan,
    Revision,
    RuleKind,
    Score,
    Step,
)
from bot.plan.progress import timeline
from exporters.docx_common import (
    TEXT_WIDTH_CM,
    TableWriter,
    heading,
    nothing_yet,
    run,
    text_paragraph,
)
from exporters.formatting import as_utc, long_date, long_datetime, score_text, words_beyond_date
from exporters.text import is_blank
from exporters.wording import Wording

DANGER_PARTS = (
    ("Who is worried: ", "danger_who"),
    ("What they are worried about: ", "danger_behaviour"),
    ("What could happen to the children: ", "danger_impact"),
)
GOAL_PARTS = (
    ("What will be happening: ", "goal_happening"),
    ("Who will be involved: ", "goal_who"),
    ("For how long: ", "goal_duration"),
)


def written(values: Sequence[object]) -> list[object]:
    return [v for v in values if not is_blank(v)]


def statement(
    doc: DocxDocument, pair: Pair, whole: str, parts: tuple[tuple[str, str], ...]
) -> bool:
    """The whole statement, or, while it is still being put together, its parts.

    Returns whether anything was written.
    """
    text = getattr(pair, whole)
    if not is_blank(text):
        text_paragraph(doc, text)
        return True
    shown = False
    for label, attribute in parts:
        value = getattr(pair, attribute)
        if not is_blank(value):
            text_paragraph(doc, value, label=label)
            shown = True
    if not shown:
        nothing_yet(doc)
    return shown


def danger_statement(doc: DocxDocument, pair: Pair) -> bool:
    return statement(doc, pair, "danger_statement", DANGER_PARTS)


def safety_goal(doc: DocxDocument, pair: Pair) -> bool:
    return statement(doc, pair, "safety_goal", GOAL_PARTS)


def rule_sections(
    doc: DocxDocument, pair: Pair, wording: Wording, *, level: int, leave_out_empty: bool
) -> None:
    """The four plan-rule headings; an empty one says so, or is left out."""
    for kind in RuleKind:
        rules = pair.rules_of(kind)
        if leave_out_empty and not any(_rule_has_words(r) for r in rules):
            continue
        heading(doc, wording.rule_headings[kind], level)
        shown = False
        for rule in rules:
            shown = _rule(doc, rule) or shown
        if not shown:
            nothing_yet(doc)


def _rule_has_words(rule) -> bool:
    return bool(written([rule.text, rule.person_name, rule.action, rule.contact]))


def _rule(doc: DocxDocument, rule) -> bool:
    parts = [
        (label, value)
        for label, value in (
            ("Who: ", rule.person_name),
            ("What they will do: ", rule.action),
            ("How to reach them: ", rule.contact),
        )
        if not is_blank(value)
    ]
    if is_blank(rule.text) and not parts:
        return False
    if not is_blank(rule.text):
        text_paragraph(doc, rule.text, style="List Bullet")
    else:
        label, value = parts.pop(0)
        text_paragraph(doc, value, label=label, style="List Bullet")
    for label, value in parts:
        text_paragraph(doc, value, label=label, style="List Continue")
    return True


def meeting_label(meeting: Meeting, wording: Wording) -> str:
    return f"{wording.meeting_labels[meeting.kind]}, {long_date(meeting.held_on)}"


def before_label(meeting: Meeting, wording: Wording) -> str:
    """A planned meeting, which has not happened: "Before the Core group, 14 January 2027"."""
    return f"Before the {meeting_label(meeting, wording)}"


def score_when(score: Score, wording: Wording) -> str:
    if score.meeting is None:
        return f"{wording.not_at_meeting}, {long_date(score.scored_on)}"
    if score.meeting.is_planned:
        return f"{before_label(score.meeting, wording)} (given {long_date(score.scored_on)})"
    label = meeting_label(score.meeting, wording)
    if score.scored_on != score.meeting.held_on:
        label += f" (scored on {long_date(score.scored_on)})"
    return label


def scores_table(
    doc: DocxDocument, scores: Sequence[Score], wording: Wording, caption: str
) -> None:
    table = TableWriter(doc, wording.score_headers, (3.6, 2.2, 7.2, 4.0), caption=caption)
    for score in scores:
        cells = table.row()
        text_paragraph(cells[0], score.person_name)
        text_paragraph(cells[1], score_text(score.value))
        if not is_blank(score.reason):
            text_paragraph(cells[2], score.reason)
        if not is_blank(score.one_point_higher):
            text_paragraph(cells[2], score.one_point_higher, label=wording.one_point_higher)
        text_paragraph(cells[3], score_when(score, wording))


def due_cell(cell, step: Step) -> None:
    words = words_beyond_date(step.due_text, step.due)
    if words is not None and not is_blank(words):
        text_paragraph(cell, words)
    if step.due is not None:
        text_paragraph(cell, long_date(step.due))
    if is_blank(step.due_text) and step.due is None:
        text_paragraph(cell, "No date yet", italic=True)


def timeline_table(
    doc: DocxDocument,
    plan: Plan,
    headers: tuple[str, str, str, str, str],
    status: Callable[[Step], str],
    caption: str,
) -> None:
    """The steps by date (undated ones last), each under its number in the plan.

    The number is the one the chat uses ("step 3 is done"), so it is kept even
    where the dates put the rows in another order.
    """
    table = TableWriter(doc, headers, (1.8, 5.8, 3.4, 3.4, 2.6), caption=caption)
    numbers = {id(step): n for n, step in enumerate(plan.steps, start=1)}
    for step in timeline(plan):
        cells = table.row()
        text_paragraph(cells[0], str(numbers[id(step)]))
        if not is_blank(step.what):
            text_paragraph(cells[1], step.what)
        if not is_blank(step.who):
            text_paragraph(cells[2], step.who)
        due_cell(cells[3], step)
        text_paragraph(cells[4], status(step))


def closure_line(doc: DocxDocument, plan: Plan, wording: Wording) -> None:
    if is_blank(plan.target_closure_text) and plan.target_closure_date is None:
        paragraph = text_paragraph(doc, wording.closure_not_set, bold=True)
        paragraph.paragraph_format.space_before = Pt(6)
        return
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)  # it follows the timeline table
    run(paragraph, wording.closure, bold=True)
    words = words_beyond_date(plan.target_closure_text, plan.target_closure_date)
    if words is not None and not is_blank(words):
        run(paragraph, words)
        if plan.target_closure_date is not None:
            run(paragraph, f" ({long_date(plan.target_closure_date)})")
    elif plan.target_closure_date is not None:  # always, given the check above
        run(paragraph, long_date(plan.target_closure_date))


def latest_first(revisions: Sequence[Revision]) -> list[Revision]:
    # Reversed first so that changes recorded at the same moment show newest first too.
    return sorted(reversed(list(revisions)), key=lambda r: as_utc(r.at), reverse=True)


def changes_table(doc: DocxDocument, revisions: Sequence[Revision], caption: str) -> None:
    table = TableWriter(
        doc, ("When", "Where", "Who", "What changed"), (3.6, 3.8, 3.4, 6.2), caption=caption
    )
    for revision in latest_first(revisions):
        cells = table.row()
        text_paragraph(cells[0], long_datetime(revision.at))
        # "at the Core group, 12 Nov 2026", or "between meetings".
        text_paragraph(cells[1], revision.when)
        if not is_blank(revision.actor):
            text_paragraph(cells[2], revision.actor)
        paragraph = cells[3].paragraphs[0]
        if not is_blank(revision.action):
            run(paragraph, revision.action)
            run(paragraph, " ")
        run(paragraph, revision.what)
        if not is_blank(revision.detail):
            text_paragraph(cells[3], revision.detail)


def is_overdue(step: Step, today: dt.date) -> bool:
    return not step.done and step.due is not None and step.due < today


def _entries(cell, title: str, entries: list[ColumnEntry], wording: Wording, *, keep: bool) -> bool:
    written = [e for e in entries if not is_blank(e.text) or not is_blank(e.how_long)]
    if not written and not keep:
        return False
    text_paragraph(cell, title, bold=True)
    if not written:
        nothing_yet(cell)
    for entry in written:
        text_paragraph(cell, entry.text, style="List Bullet")
        if not is_blank(entry.how_long):
            text_paragraph(cell, entry.how_long, label=wording.how_long, style="List Continue")
    return True


def assessment_map(
    doc: DocxDocument, plan: Plan, wording: Wording, *, leave_out_empty: bool
) -> None:
    """The three columns: what we are worried about, what is working well, what needs to happen."""
    heading(doc, wording.map_heading, 1)
    width = TEXT_WIDTH_CM / 3
    table = TableWriter(doc, wording.map_headers, (width,) * 3, caption=wording.map_heading)
    # One tall row, read column by column (as a screen reader does); it may
    # break across pages and the header row repeats above each part.
    worried, working, needs = table.row()
    keep = not leave_out_empty
    shown = _entries(worried, wording.harm, plan.entries_of(ColumnKind.HARM), wording, keep=keep)
    shown = _entries(
        worried, wording.complicating, plan.entries_of(ColumnKind.COMPLICATING), wording, keep=keep
    ) or shown
    if not shown:
        nothing_yet(worried)
    shown = _entries(
        working, wording.strengths, plan.entries_of(ColumnKind.STRENGTH), wording, keep=keep
    )
    shown = _entries(
        working,
        wording.existing_safety,
        plan.entries_of(ColumnKind.EXISTING_SAFETY),
        wording,
        keep=keep,
    ) or shown
    if not shown:
        nothing_yet(working)
    needed = [e for e in plan.entries_of(ColumnKind.NEEDS) if not is_blank(e.text)]
    for entry in needed:
        text_paragraph(needs, entry.text, style="List Bullet")
    if not needed:
        nothing_yet(needs)
