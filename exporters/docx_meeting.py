"""The meeting pack: what a worker puts on the screen or table at a Team Around
the Family, Child in Need, core group or child protection conference meeting.

It opens with the danger statements and safety goals, because every meeting
starts from them; then each pair's scaling question with its score history
(person by meeting, the most recent columns), a sentence on progress since the
meeting before, the scores from last time with their reasons, and a row for
everyone expected today; the plan rules; the timeline with
what is done, due and overdue; what changed since the last meeting, in a few
sentences, with every change listed in an appendix.
Families often attend, so it holds no quality notes and no urgent flags.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from bot.plan.changes import summarise_changes
from bot.plan.model import Plan, Revision, Step, StepStatus
from bot.plan.progress import history, is_overdue, pair_progress, step_status
from exporters import docx_sections as sections
from exporters.docx_common import (
    TableWriter,
    heading,
    new_document,
    nothing_yet,
    run,
    text_paragraph,
    to_bytes,
)
from exporters.formatting import local_date, long_date, score_text
from exporters.options import ExportOptions
from exporters.scores import latest_meeting, score_rounds
from exporters.text import is_blank
from exporters.wording import WORKER

STATEMENTS = "Danger statements and safety goals"
SCALING = "Scaling"
RULES = "Plan rules"
TIMELINE = "Timeline"
SINCE = "Since the last meeting"
OPEN = "Still to decide"
CHANGES = "Appendix: every change since the last meeting"
SPARE_ROWS = 2
HISTORY = "Score history"
# The most recent columns of the score history that fit across a page beside
# the names; older ones are in the worker document and the JSON export.
HISTORY_COLUMNS = 5


def meeting_title(plan: Plan) -> str:
    names = plan.children_names
    return f"Meeting pack: safety plan for {names}" if not is_blank(names) else "Meeting pack"


def render_meeting_pack(
    plan: Plan, options: ExportOptions, expected_attendees: list[str] | None = None
) -> bytes:
    """The meeting pack as a .docx file (bytes).

    ``expected_attendees`` get a row each to score in; by default, the network.
    """
    return to_bytes(build_meeting_document(plan, options, expected_attendees))


def build_meeting_document(
    plan: Plan, options: ExportOptions, expected_attendees: list[str] | None = None
) -> DocxDocument:
    attendees = (
        [p.name for p in plan.people] if expected_attendees is None else list(expected_attendees)
    )
    attendees = [a for a in attendees if not is_blank(a)]
    title = meeting_title(plan)
    doc = new_document(
        # The file's properties name nobody (see docx_plan.py).
        title="Meeting pack",
        subject="Meeting pack",
        marking=options.protective_marking,
        created=plan.created_at,
    )
    _opening(doc, plan, options, title, attendees)
    _statements(doc, plan)
    _scaling(doc, plan, attendees)
    _rules(doc, plan)
    _timeline(doc, plan, options)
    _since_last_meeting(doc, plan)
    _open_questions(doc, plan)
    _every_change(doc, plan)
    return doc


def _opening(doc, plan: Plan, options: ExportOptions, title: str, attendees: Sequence[str]):
    heading(doc, title, 0)
    text_paragraph(doc, long_date(options.as_of), label="Prepared: ")
    text_paragraph(doc, plan.reference, label="Case reference: ")
    text_paragraph(doc, str(plan.version), label="Plan version: ")
    last = latest_meeting(plan)
    text_paragraph(
        doc,
        sections.meeting_label(last, WORKER) if last is not None else "No meetings yet.",
        label="Last meeting: ",
    )
    paragraph = doc.add_paragraph()
    run(paragraph, "Expected at this meeting: ", bold=True)
    if not attendees:
        run(paragraph, "nobody listed yet", italic=True)
    for i, name in enumerate(attendees):
        if i:
            run(paragraph, ", ")
        run(paragraph, name)


def _pair_name(number: int) -> str:
    return WORKER.pair_heading.format(n=number)


def _statements(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, STATEMENTS, 1)
    if not plan.pairs:
        nothing_yet(doc)
        return
    for number, pair in enumerate(plan.pairs, start=1):
        heading(doc, _pair_name(number), 2)
        heading(doc, WORKER.danger, 3)
        sections.danger_statement(doc, pair)
        heading(doc, WORKER.goal, 3)
        sections.safety_goal(doc, pair)


def _scaling(doc: DocxDocument, plan: Plan, attendees: Sequence[str]) -> None:
    heading(doc, SCALING, 1, new_page=True)
    if not plan.pairs:
        nothing_yet(doc)
        return
    text_paragraph(
        doc,
        "Everyone scores on their own first, then says why. Ask what one point higher "
        "would look like.",
        italic=True,
    )
    for number, pair in enumerate(plan.pairs, start=1):
        name = _pair_name(number)
        heading(doc, name, 2)
        if is_blank(pair.scaling_question):
            nothing_yet(doc)
        else:
            text_paragraph(doc, pair.scaling_question)
        _history(doc, plan, number, name)
        rounds = score_rounds(pair)
        if rounds:
            last = rounds[-1]
            when = (
                sections.meeting_label(last.meeting, WORKER)
                if last.meeting is not None
                else f"{WORKER.not_at_meeting}, {long_date(last.on)}"
            )
            heading(doc, f"Last time: {when}", 3)
            table = TableWriter(
                doc, ("Person", "Score", "Why"), (4.0, 2.0, 11.0), caption=f"{name}: last scores"
            )
            for score in last.scores:
                table.text_row(score.person_name, score_text(score.value), score.reason)
        else:
            heading(doc, "Last time", 3)
            nothing_yet(doc, "No scores yet.")
        heading(doc, "Today", 3)
        table = TableWriter(
            doc,
            ("Person", "Score (0 to 10)", "Why", "One point higher would look like"),
            (4.0, 2.4, 5.3, 5.3),
            caption=f"{name}: scores today",
        )
        for attendee in [*attendees, *([None] * SPARE_ROWS)]:
            table.text_row(attendee, min_height_cm=1.0)


def _history(doc: DocxDocument, plan: Plan, number: int, name: str) -> None:
    """Person by meeting, oldest on the left; a score not given at a meeting says so."""
    pair = plan.pairs[number - 1]
    table = history(plan, pair)
    if not table.columns:
        return
    shown = list(range(len(table.columns)))[-HISTORY_COLUMNS:]
    heading(doc, HISTORY, 3)
    if len(shown) < len(table.columns):
        text_paragraph(
            doc,
            f"The last {len(shown)} of {len(table.columns)}; the worker version has them all.",
            italic=True,
        )
    width = 13.0 / len(shown)
    writer = TableWriter(
        doc,
        ("Person", *(table.columns[c].label() for c in shown)),
        (4.0, *([width] * len(shown))),
        caption=f"{name}: score history",
    )
    for row, who in enumerate(table.names):
        cells = [table.cell(row, c) for c in shown]
        writer.text_row(who, *(score_text(s.value) if s is not None else "-" for s in cells))
    sentence = pair_progress(plan, pair).sentence()
    if sentence:
        text_paragraph(doc, sentence, bold=True)


def _rules(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, RULES, 1, new_page=True)
    if not plan.pairs:
        nothing_yet(doc)
        return
    for number, pair in enumerate(plan.pairs, start=1):
        heading(doc, _pair_name(number), 2)
        sections.rule_sections(doc, pair, WORKER, level=3, leave_out_empty=False)


def _status(plan: Plan, step: Step, options: ExportOptions) -> str:
    # What the latest meeting said about the step; overdue is worked out from the date.
    if step.done:
        return "Done"
    if step_status(plan, step) is StepStatus.DROPPED:
        return "Dropped"
    if is_overdue(plan, step, options.as_of):
        return "Overdue"
    return "Due"


def _timeline(doc: DocxDocument, plan: Plan, options: ExportOptions) -> None:
    heading(doc, TIMELINE, 1, new_page=True)
    if not plan.steps:
        nothing_yet(doc)
    else:
        statuses = [_status(plan, step, options) for step in plan.steps]
        dropped = statuses.count("Dropped")
        text_paragraph(
            doc,
            f"On {long_date(options.as_of)}: {statuses.count('Done')} done, "
            f"{statuses.count('Due')} due, {statuses.count('Overdue')} overdue"
            + (f", {dropped} dropped." if dropped else "."),
            bold=True,
        )
        sections.timeline_table(
            doc,
            plan,
            ("Step", "What", "Who", "By when", "Status"),
            lambda step: _status(plan, step, options),
            caption=TIMELINE,
        )
    sections.closure_line(doc, plan, WORKER)


def _changes_since_last_meeting(plan: Plan) -> list[Revision]:
    last = latest_meeting(plan)
    if last is None:
        changes = list(plan.revisions)
    else:
        # A change made on the day of the meeting was made at it, or talked about there.
        changes = [r for r in plan.revisions if local_date(r.at) > last.held_on]
    # Danger-now flags are for workers only, and so are their reviews.
    return [r for r in changes if not r.is_flag_review]


def _since_last_meeting(doc: DocxDocument, plan: Plan) -> None:
    """A few sentences a chair can read out; every change is in the appendix."""
    heading(doc, SINCE, 1)
    last = latest_meeting(plan)
    if last is None:
        text_paragraph(doc, "No meetings yet, so this is everything since the plan was started.")
    else:
        text_paragraph(doc, f"Changes made after {sections.meeting_label(last, WORKER)}.")
    summary = summarise_changes(_changes_since_last_meeting(plan))
    if not summary:
        nothing_yet(doc, "Nothing has changed.")
        return
    for sentence in summary:
        text_paragraph(doc, sentence, style="List Bullet")
    text_paragraph(doc, f"Each change, with who made it and when, is in the appendix ({CHANGES}).")


def _every_change(doc: DocxDocument, plan: Plan) -> None:
    changes = _changes_since_last_meeting(plan)
    if not changes:
        return
    heading(doc, CHANGES, 1, new_page=True)
    sections.changes_table(doc, changes, caption=CHANGES)


def _open_questions(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, OPEN, 1)
    questions = [q for q in plan.open_questions if not is_blank(q.label)]
    if not questions:
        nothing_yet(doc, "No open questions.")
    for question in questions:
        text_paragraph(doc, question.label, style="List Bullet")
