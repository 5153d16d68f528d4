"""The meeting pack: what a worker puts on the screen or table at a Team Around
the Family, Child in Need, core group or child protection conference meeting.

The first pages are what a chair runs the meeting from, in the order it goes:
the danger statements and safety goals (every meeting starts from them); what
we are worried about, what is working well and what needs to happen; each
pair's scaling question with its score history (dates across the top, the
meetings named once) and a sentence on progress; one grid for today's scores;
the timeline by date with what is done, due and overdue; what changed since
the last meeting in a few sentences; what is still to decide; and room for
decisions and the next meeting. For a plan of three worries that is four
pages (tests/integration/test_documents_libreoffice.py). Then the appendices,
for looking things up: last time's scores with the reasons given, the plan
rules, and every change since the last meeting. Families often attend, so it
holds no quality notes and no urgent flags.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from bot.meetings.planning import next_planned, planned
from bot.plan.changes import summarise_changes
from bot.plan.model import Meeting, Pair, Plan, Revision, Score, Step, StepStatus
from bot.plan.progress import (
    History,
    history,
    is_overdue,
    pair_progress,
    scorer_name,
    scores_at,
    step_status,
)
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
RULES = "Appendix: plan rules"
TODAY = "Scores today"
# How a score given in the chat before the (planned) meeting is marked in the grid.
BEFOREHAND = "given before"
DECISIONS = "Decisions and next meeting"
REASONS = "Appendix: last scores and why"
# Worries side by side in the scores-today grid; more go in a second grid.
TODAY_COLUMNS = 4
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
    # What a chair runs the meeting from comes first, in the order the meeting goes;
    # what they may need to look up goes in the appendices.
    _opening(doc, plan, options, title, attendees)
    _statements(doc, plan)
    sections.assessment_map(doc, plan, WORKER, leave_out_empty=True)
    _scaling(doc, plan)
    # The pack is for the soonest planned meeting, when one is set.
    meeting = next_planned(plan, options.as_of)
    _today(doc, plan, attendees, meeting)
    _timeline(doc, plan, options)
    _since_last_meeting(doc, plan)
    _open_questions(doc, plan)
    _decisions(doc, _planned_after(plan, meeting))
    _last_reasons(doc, plan)
    _rules(doc, plan)
    _every_change(doc, plan)
    return doc


def _opening(doc, plan: Plan, options: ExportOptions, title: str, attendees: Sequence[str]):
    heading(doc, title, 0)
    # One line for the facts a chair checks at a glance: the pages are for the plan.
    paragraph = doc.add_paragraph()
    for n, (label, value) in enumerate(
        (
            ("Prepared: ", long_date(options.as_of)),
            ("Case reference: ", plan.reference),
            ("Plan version: ", str(plan.version)),
        )
    ):
        run(paragraph, ("   " if n else "") + label, bold=True)
        run(paragraph, value)
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
    # Each with their role in the plan, so the chair can introduce everyone.
    roles = {_key(p.name): p.relationship for p in plan.people if not is_blank(p.relationship)}
    for i, name in enumerate(attendees):
        if i:
            run(paragraph, ", ")
        run(paragraph, name)
        role = roles.get(_key(name))
        if role:
            run(paragraph, f" ({role})")


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


def _scaling(doc: DocxDocument, plan: Plan) -> None:
    """Each pair's scaling question, its score history and a sentence on progress."""
    heading(doc, SCALING, 1)
    if not plan.pairs:
        nothing_yet(doc)
        return
    # Dates only across the tops of the score histories, so the columns stay
    # narrow; the meetings are named once here.
    histories = [history(plan, pair) for pair in plan.pairs]
    columns = {
        (column.on, column.date_text, column.kind_label())
        for table in histories
        for column in table.columns
    }
    if columns:
        named = sorted(columns)[-HISTORY_COLUMNS * 2 :]
        text_paragraph(
            doc, "; ".join(f"{date}: {kind}" for _on, date, kind in named), italic=True
        )
    for number, (pair, table) in enumerate(zip(plan.pairs, histories, strict=True), start=1):
        name = _pair_name(number)
        heading(doc, name, 2)
        if is_blank(pair.scaling_question):
            nothing_yet(doc)
        else:
            text_paragraph(doc, pair.scaling_question)
        _history(doc, plan, pair, table, name)


def _given_before(plan: Plan, meeting: Meeting) -> dict[str, dict[int, Score]]:
    """Scores given before the planned meeting: by the person's name, then worry number."""
    found: dict[str, dict[int, Score]] = {}
    for number, pair in enumerate(plan.pairs, start=1):
        for who, score in scores_at(plan, meeting, pair):
            found.setdefault(scorer_name(who), {})[number] = score
    return found


def _today(
    doc: DocxDocument,
    plan: Plan,
    attendees: Sequence[str],
    upcoming: Meeting | None = None,
) -> None:
    """One grid for today's scores: a row per person, a column per worry.

    Reasons are said aloud and noted in the last column; last time's reasons
    are in an appendix. Scores people gave in the chat before this (planned)
    meeting are already in their row, marked as given beforehand.
    """
    heading(doc, TODAY, 1)
    intro = text_paragraph(
        doc,
        "Everyone scores on their own first, then says why. Ask what one point higher "
        "would look like.",
        italic=True,
    )
    # LibreOffice keeps a heading with a table only through the paragraphs between.
    intro.paragraph_format.keep_with_next = True
    before = _given_before(plan, upcoming) if upcoming is not None else {}
    if before and upcoming is not None:
        note = text_paragraph(
            doc,
            f"Scores marked '{BEFOREHAND}' were given in the chat before the "
            f"{sections.meeting_label(upcoming, WORKER)} (upcoming), by the person themselves. "
            "Ask them if it still feels right.",
            italic=True,
        )
        note.paragraph_format.keep_with_next = True
    keys = {_key(a) for a in attendees}
    rows: list[str | None] = [*attendees, *(n for n in before if _key(n) not in keys)]
    numbers = list(range(1, len(plan.pairs) + 1)) or [1]
    for first in range(0, len(numbers), TODAY_COLUMNS):
        shown = numbers[first : first + TODAY_COLUMNS]
        notes = 17.0 - 3.6 - 2.0 * len(shown)
        table = TableWriter(
            doc,
            ("Person", *(f"Worry {n}" for n in shown), "Why, and one point higher"),
            (3.6, *([2.0] * len(shown)), notes),
            caption=f"{TODAY}: worries {shown[0]} to {shown[-1]}",
        )
        for attendee in [*rows, *([None] * SPARE_ROWS)]:
            given = _scores_of(before, attendee)
            if not any(n in given for n in shown):
                table.text_row(attendee, min_height_cm=0.85)
                continue
            reasons = "; ".join(
                f"Worry {n}: {given[n].reason}"
                for n in shown
                if n in given and not is_blank(given[n].reason)
            )
            table.text_row(
                attendee,
                *(
                    f"{score_text(given[n].value)} ({BEFOREHAND})" if n in given else None
                    for n in shown
                ),
                f"{BEFOREHAND.capitalize()}: {reasons}" if reasons else None,
                min_height_cm=0.85,
            )


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _scores_of(before: dict[str, dict[int, Score]], name: str | None) -> dict[int, Score]:
    if name is None:
        return {}
    return next((v for k, v in before.items() if _key(k) == _key(name)), {})


def _planned_after(plan: Plan, meeting: Meeting | None) -> Meeting | None:
    """The meeting planned after the one this pack is for, if one is set already."""
    if meeting is None:
        return None
    return next((m for m in planned(plan) if m.held_on > meeting.held_on), None)


def _decisions(doc: DocxDocument, after: Meeting | None) -> None:
    heading(doc, DECISIONS, 1)
    # Room to write by hand on a printed pack, or to type into on the screen.
    table = TableWriter(doc, ("", "Today"), (6.5, 10.5), caption=DECISIONS)
    table.text_row("Decisions", None, min_height_cm=0.9)
    table.text_row("Who will do what before the next meeting", None, min_height_cm=0.9)
    # A next meeting set already is printed, for the meeting to confirm or change.
    table.text_row(
        "Next meeting",
        f"{sections.meeting_label(after, WORKER)} (set already)" if after else None,
        min_height_cm=0.9,
    )


def _last_reasons(doc: DocxDocument, plan: Plan) -> None:
    """Each pair's scores from last time with the reasons given."""
    rounds = [(n, score_rounds(p)) for n, p in enumerate(plan.pairs, start=1)]
    rounds = [(n, r) for n, r in rounds if r]
    if not rounds:
        return
    heading(doc, REASONS, 1, new_page=True)
    for number, pair_rounds in rounds:
        name = _pair_name(number)
        last = pair_rounds[-1]
        if last.meeting is not None and last.meeting.is_planned:
            when = sections.before_label(last.meeting, WORKER)
        elif last.meeting is not None:
            when = sections.meeting_label(last.meeting, WORKER)
        else:
            when = f"{WORKER.not_at_meeting}, {long_date(last.on)}"
        heading(doc, f"{name}: {when}", 2)
        table = TableWriter(
            doc, ("Person", "Score", "Why"), (4.0, 2.0, 11.0), caption=f"{name}: last scores"
        )
        for score in last.scores:
            table.text_row(score.person_name, score_text(score.value), score.reason)


def _history(doc: DocxDocument, plan: Plan, pair: Pair, table: History, name: str) -> None:
    """Person by meeting, oldest on the left; a score not given at a meeting says so."""
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
        ("Person", *(table.columns[c].date_text for c in shown)),
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
    if not plan.pairs:
        return
    heading(doc, RULES, 1, new_page=True)
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
    heading(doc, TIMELINE, 1)
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
        text_paragraph(
            doc,
            "No meetings yet, so this is everything since the plan was started; each change, "
            "with who made it and when, is in the last appendix.",
        )
    else:
        text_paragraph(
            doc,
            f"Changes made after {sections.meeting_label(last, WORKER)}; each one, with who "
            "made it and when, is in the last appendix.",
        )
    summary = summarise_changes(_changes_since_last_meeting(plan))
    if not summary:
        nothing_yet(doc, "Nothing has changed.")
        return
    for sentence in summary:
        text_paragraph(doc, sentence, style="List Bullet")


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
