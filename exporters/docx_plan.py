"""The draft safety plan as a Word document, in a family or a worker version.

Both versions hold the same plan in the same order. The worker version adds
the urgent-flag box at the top (flags nobody has reviewed yet), the change log,
the log of flags reviewed as not urgent and the quality notes; the family
version uses plain wording and leaves out sections with nothing in them.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor

from bot.plan.model import Plan, UrgentFlag
from bot.plan.progress import pair_progress
from bot.safety.helplines import helplines_for, kinds_in, plan_worry_texts
from exporters import docx_sections as sections
from exporters.charts import ScoreChart, describe_change
from exporters.docx_common import (
    TableWriter,
    boxed,
    footer_line,
    heading,
    new_document,
    nothing_yet,
    picture,
    run,
    text_paragraph,
    to_bytes,
)
from exporters.formatting import as_utc, long_date, long_datetime
from exporters.options import ExportOptions
from exporters.quality_notes import open_findings
from exporters.scores import ScoreRound, ordered_scores, score_rounds
from exporters.text import clean_text, is_blank
from exporters.wording import Wording, wording_for

EMERGENCY = "What to do in an emergency"
URGENT = "Times someone said a child might be in danger now"
CHANGE_LOG = "Change log"
REVIEWED_FLAGS = "Danger-now flags reviewed"
QUALITY = "Appendix: quality notes"


def plan_title(plan: Plan) -> str:
    names = plan.children_names
    return f"Draft safety plan for {names}" if not is_blank(names) else "Draft safety plan"


def render_plan(plan: Plan, options: ExportOptions) -> bytes:
    """The plan as a .docx file (bytes), in ``options.version``."""
    return to_bytes(build_plan_document(plan, options))


def build_plan_document(plan: Plan, options: ExportOptions) -> DocxDocument:
    wording = wording_for(options.version)
    worker = not options.is_family
    title = plan_title(plan)
    doc = new_document(
        # The file's properties name nobody: they travel with the file and show
        # in file lists and previews without it being opened.
        title=options.as_at_title or "Draft safety plan",
        subject=f"Safety plan, {wording.version_label.lower()}",
        marking=options.protective_marking,
        created=plan.created_at,
    )
    _cover(doc, plan, options, wording, title)
    if worker:
        _urgent_flags(doc, plan)
    emergency_section(doc, options, plan)
    _network(doc, plan, wording)
    sections.assessment_map(doc, plan, wording, leave_out_empty=not worker)
    _pairs(doc, plan, wording, worker=worker)
    _timeline(doc, plan, wording)
    _still_to_do(doc, plan, wording, leave_out_empty=not worker)
    _agreement(doc, plan, wording)
    if worker:
        _change_log(doc, plan)
        _reviewed_flags(doc, plan)
        _quality_notes(doc, plan)
    return doc


# -- cover and the top of the first page --------------------------------------


def _cover(doc: DocxDocument, plan: Plan, options: ExportOptions, wording: Wording, title: str):
    if options.as_at_title is not None:
        # A past meeting's plan: nobody may take it for the current one.
        heading(doc, options.as_at_title, 0)
        text_paragraph(
            doc,
            "This is not the current plan. It is the plan as it stood when the record of "
            "that meeting was finished; ask for the worker version for the plan as it is now.",
            bold=True,
        )
        footer_line(doc, f"{options.as_at_title}. Not the current plan.")
        heading(doc, title, 1)
    else:
        heading(doc, title, 0)
    draft = doc.add_paragraph()
    mark = run(draft, "DRAFT", bold=True)
    mark.font.size = Pt(28)
    mark.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    text_paragraph(doc, wording.version_label, bold=True)
    text_paragraph(doc, long_date(options.as_of), label="Date: ")
    if not options.is_family:
        # The worker files and finds the plan by these; the family reads the plan,
        # so for them they are only in the footer.
        text_paragraph(doc, str(plan.version), label="Version: ")
        text_paragraph(doc, plan.reference, label="Case reference: ")
    reference = "" if is_blank(plan.reference) else f"Case reference: {plan.reference}. "
    footer_line(doc, f"{reference}Version {plan.version}.")
    if plan.children:
        paragraph = doc.add_paragraph()
        run(paragraph, "Children: ", bold=True)
        for i, child in enumerate(plan.children):
            if i:
                run(paragraph, ", ")
            run(paragraph, child.first_name)
            if child.age is not None:
                run(paragraph, f" (age {child.age})")
    paragraph = doc.add_paragraph()
    run(paragraph, "Written with: ", bold=True)
    names = sections.written(plan.written_with)
    if not names:
        run(paragraph, "not recorded yet", italic=True)
    for i, name in enumerate(names):
        if i:
            run(paragraph, ", ")
        run(paragraph, name)
    if plan.is_practice:
        text_paragraph(
            doc,
            "This is a practice plan about a made-up family, written for learning.",
            bold=True,
        )


def _newest_first(flags: list[UrgentFlag]) -> list[UrgentFlag]:
    # Reversed first so that flags raised at the same moment show newest first too.
    return sorted(reversed(flags), key=lambda f: as_utc(f.at), reverse=True)


def _urgent_flags(doc: DocxDocument, plan: Plan) -> None:
    """Page 1: the flags nobody has reviewed yet; reviewed ones are in the appendix."""
    heading(doc, URGENT, 1)
    flags = _newest_first(plan.unreviewed_flags)
    reviewed = len(plan.reviewed_flags)
    if not flags:
        if reviewed:
            boxed(text_paragraph(doc, "No flags are waiting for review."))
        else:
            boxed(text_paragraph(doc, "Nobody has said a child might be in danger now."))
    for flag in flags:
        when = doc.add_paragraph()
        run(when, f"{long_datetime(flag.at)}, ", bold=True)
        run(when, flag.channel, bold=True)
        boxed(when)
        boxed(text_paragraph(doc, flag.message))
    if reviewed:
        several = "flags were" if reviewed > 1 else "flag was"
        text_paragraph(
            doc,
            f"{reviewed} {several} reviewed as not urgent: see "
            f"\u201c{REVIEWED_FLAGS}\u201d near the end.",
            italic=True,
        )


def emergency_section(doc: DocxDocument, options: ExportOptions, plan: Plan | None = None) -> None:
    heading(doc, EMERGENCY, 1)
    text_paragraph(doc, "If a child is in danger now, call 999.", bold=True)
    council = "" if is_blank(options.council_name) else f" ({clean_text(options.council_name)})"
    day = clean_text(options.council_phone).strip()
    night = clean_text(options.council_out_of_hours_phone).strip()
    # Numbers differ by council: never guess one.
    text_paragraph(
        doc,
        day or "ask your worker for the local number.",
        label=f"Children's services{council}: ",
    )
    text_paragraph(
        doc,
        night or "ask your worker for the local out-of-hours number.",
        label="Out of hours (evenings, weekends and bank holidays): ",
    )
    # The national helplines (bot/safety/helplines.yml); the domestic abuse
    # helpline when the worries involve domestic abuse.
    kinds = kinds_in(plan_worry_texts(plan)) if plan is not None else set()
    for helpline in helplines_for(kinds):
        text_paragraph(doc, helpline.number, label=f"{helpline.document_label}: ")


# -- the plan -----------------------------------------------------------------


def _network(doc: DocxDocument, plan: Plan, wording: Wording) -> None:
    heading(doc, wording.network, 1, new_page=True)
    if not plan.people:
        nothing_yet(doc)
        return
    table = TableWriter(doc, wording.network_headers, (3.8, 3.4, 4.4, 5.4), caption=wording.network)
    for person in plan.people:
        table.text_row(person.name, person.relationship, person.contact, person.role_in_plan)


def _pairs(doc: DocxDocument, plan: Plan, wording: Wording, *, worker: bool) -> None:
    heading(doc, wording.pairs_heading, 1)
    if not plan.pairs:
        nothing_yet(doc)
        return
    chart = _LazyChart()
    for number, pair in enumerate(plan.pairs, start=1):
        name = wording.pair_heading.format(n=number)
        heading(doc, name, 2)
        heading(doc, wording.danger, 3)
        if sections.danger_statement(doc, pair) and worker and not pair.danger_confirmed:
            text_paragraph(doc, "Draft wording: not confirmed yet.", italic=True)
        heading(doc, wording.goal, 3)
        if sections.safety_goal(doc, pair) and worker and not pair.goal_confirmed:
            text_paragraph(doc, "Draft wording: not confirmed yet.", italic=True)
        heading(doc, wording.scaling, 3)
        if is_blank(pair.scaling_question):
            nothing_yet(doc)
        else:
            text_paragraph(doc, pair.scaling_question)
        _scores(doc, plan, pair, name, wording, chart, worker=worker)
        sections.rule_sections(doc, pair, wording, level=3, leave_out_empty=not worker)


class _LazyChart:
    """Sets matplotlib up only for a plan that has a chart to draw."""

    def __init__(self) -> None:
        self._chart: ScoreChart | None = None

    def render(self, title: str, rounds: list[ScoreRound]) -> bytes:
        if self._chart is None:
            self._chart = ScoreChart()
        return self._chart.render(title, rounds)


def _scores(
    doc: DocxDocument,
    plan: Plan,
    pair,
    name: str,
    wording: Wording,
    chart: _LazyChart,
    *,
    worker: bool,
) -> None:
    if not pair.scores:
        if worker:
            heading(doc, wording.scores, 3)
            nothing_yet(doc, wording.no_scores)
        return
    heading(doc, wording.scores, 3)
    # Progress since the meeting before, in a sentence: gentler in the family's version.
    sentence = pair_progress(plan, pair).sentence(family=not worker)
    if sentence:
        text_paragraph(doc, sentence, bold=True)
    rounds = score_rounds(pair)
    if len([r for r in rounds if r.average is not None]) > 1:
        picture(
            doc,
            chart.render(name, rounds),
            width_cm=15.5,
            alt_text=describe_change(name, rounds),
            name=f"{name}: scores over time",
        )
    sections.scores_table(doc, ordered_scores(pair), wording, caption=f"{name}: {wording.scores}")


def _timeline(doc: DocxDocument, plan: Plan, wording: Wording) -> None:
    heading(doc, wording.timeline, 1)
    if plan.steps:
        sections.timeline_table(
            doc,
            plan,
            wording.step_headers,
            lambda step: wording.done if step.done else wording.not_done,
            caption=wording.timeline,
        )
    else:
        nothing_yet(doc)
    sections.closure_line(doc, plan, wording)


def _still_to_do(doc: DocxDocument, plan: Plan, wording: Wording, *, leave_out_empty: bool):
    questions = [q for q in plan.open_questions if not is_blank(q.label)]
    if not questions and leave_out_empty:
        return
    heading(doc, wording.still_to_do, 1)
    if not questions:
        nothing_yet(doc, "No open questions.")
    for question in questions:
        text_paragraph(doc, question.label, style="List Bullet")


def _agreement(doc: DocxDocument, plan: Plan, wording: Wording) -> None:
    heading(doc, wording.agreement, 1)
    # An introduction left at the foot of a page, its table overleaf, reads as a loose end.
    text_paragraph(doc, wording.agreement_intro).paragraph_format.keep_with_next = True
    table = TableWriter(doc, wording.agreement_headers, (6.0, 7.0, 4.0), caption=wording.agreement)
    # Two spare rows for anyone at the meeting who is not yet in the network.
    for name in [p.name for p in plan.people] + [None, None]:
        table.text_row(name, min_height_cm=1.1)


def _change_log(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, CHANGE_LOG, 1)
    if not plan.revisions:
        nothing_yet(doc, "No changes recorded yet.")
        return
    text_paragraph(doc, "Newest first.", italic=True).paragraph_format.keep_with_next = True
    sections.changes_table(doc, plan.revisions, caption=CHANGE_LOG)


def _reviewed_flags(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, REVIEWED_FLAGS, 1)
    flags = _newest_first(plan.reviewed_flags)
    if not flags:
        nothing_yet(doc, "No flags have been reviewed as not urgent.")
        return
    text_paragraph(
        doc, "Each was reviewed as not urgent. Newest first.", italic=True
    ).paragraph_format.keep_with_next = True
    table = TableWriter(
        doc,
        ("When", "Channel", "What was said", "Reviewed by", "When reviewed", "Note"),
        (2.4, 2.5, 3.5, 2.8, 2.8, 3.0),
        caption=REVIEWED_FLAGS,
    )
    for flag in flags:
        table.text_row(
            long_datetime(flag.at),
            flag.channel,
            flag.message,
            flag.reviewed_by,
            long_datetime(flag.reviewed_at) if flag.reviewed_at is not None else None,
            flag.review_note,
        )


def _quality_notes(doc: DocxDocument, plan: Plan) -> None:
    heading(doc, QUALITY, 1, new_page=True)
    findings = open_findings(plan, audience="worker")
    if not findings:
        nothing_yet(doc, "No open quality notes.")
        return
    table = TableWriter(
        doc, ("About", "What we noticed", "A way to improve it"), (3.6, 7.0, 6.4), caption=QUALITY
    )
    for finding in findings:
        cells = table.text_row(finding.target, finding.message, finding.suggestion)
        if not is_blank(finding.excerpt):
            text_paragraph(cells[1], finding.excerpt, label="Words used: ")
