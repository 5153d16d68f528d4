"""What a chair reads in the meeting pack after three meetings, and the family's sentence."""

from __future__ import annotations

import datetime as dt
import io

import docx

from bot.meetings import recording as r
from bot.plan.model import MeetingType, Pair, Person, Plan, Score, Step
from exporters import ExportOptions
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan

WORKER = "Sam Patel (social worker)"
MEETINGS = [
    (MeetingType.INITIAL_CONFERENCE, dt.date(2027, 1, 5)),
    (MeetingType.CORE_GROUP, dt.date(2027, 2, 16)),
    (MeetingType.CORE_GROUP, dt.date(2027, 3, 30)),
]
# Scores per meeting, per person (Sarah, Dan, Nan), per worry.
SCORES = [
    [(2, 3, 4), (3, 3, 2), (1, 2, 3)],
    [(4, 5, 5), (4, 3, 3), (2, 2, 3)],
    [(6, 6.5, 7), (5, 3, 4), (4, 3, 5)],
]


def recorded_case() -> Plan:
    plan = Plan(reference="SP-CHAIR1")
    plan.people += [Person("Sarah", "Mum"), Person("Dan", "Dad"), Person("Jan", "Nan")]
    plan.pairs += [
        Pair(danger_statement=f"worry {n}", scaling_question=f"Where are things for worry {n}?")
        for n in (1, 2, 3)
    ]
    plan.steps.append(Step("Dan goes to the group", "Dan", dt.date(2027, 1, 20)))
    # Sarah scored worry 1 in the chat before any meeting was recorded.
    plan.pairs[0].scores.append(Score("Sarah", 1, "scared", scored_on=dt.date(2026, 12, 10)))
    for (kind, on), by_person in zip(MEETINGS, SCORES, strict=True):
        meeting = r.start_meeting(plan, kind, on, WORKER, on)
        for name in ("Sarah", "Dad", "Nan"):
            r.add_attendee(plan, meeting, name, WORKER)
        r.attendees_complete(plan, meeting, WORKER)
        for person, values in zip(plan.people, by_person, strict=True):
            for pair, value in zip(plan.pairs, values, strict=True):
                r.record_score(plan, meeting, pair, person, value, "because", WORKER)
        r.finish_meeting(plan, meeting, WORKER)
    return plan


def _tables_by_caption(document) -> dict[str, list[list[str]]]:
    found = {}
    for table in document.tables:
        caption = table._tbl.tblPr.find(docx.oxml.ns.qn("w:tblCaption"))
        if caption is not None:
            found[caption.get(docx.oxml.ns.qn("w:val"))] = [
                [cell.text for cell in row.cells] for row in table.rows
            ]
    return found


def test_the_pack_shows_each_worrys_score_history_person_by_meeting() -> None:
    data = render_meeting_pack(recorded_case(), ExportOptions(today=dt.date(2027, 4, 1)))
    document = docx.Document(io.BytesIO(data))
    tables = _tables_by_caption(document)
    # Dates across the top; the meetings are named once above the histories.
    assert tables["Worry 1: score history"] == [
        ["Person", "10 Dec 2026", "5 Jan 2027", "16 Feb 2027", "30 Mar 2027"],
        ["Sarah", "1", "2", "4", "6"],
        ["Dan", "-", "3", "4", "5"],
        ["Jan", "-", "1", "2", "4"],
    ]
    assert tables["Worry 2: score history"][1:] == [
        ["Sarah", "3", "5", "6.5"],
        ["Dan", "3", "3", "3"],
        ["Jan", "2", "2", "3"],
    ]
    text = [p.text for p in document.paragraphs]
    assert (
        "10 Dec 2026: Not at a recorded meeting; 5 Jan 2027: Initial child protection "
        "conference; 16 Feb 2027: Core group; 30 Mar 2027: Core group"
    ) in text
    assert "Everyone's score for worry 1 has gone up since the core group." in text
    assert (
        "Since the core group, for worry 2: Sarah's and Jan's scores have gone up; "
        "Dan's is still 3."
    ) in text
    # The history comes before the space for today's scores, under its own question.
    order = [p.text for p in document.paragraphs if p.text.startswith(("Where are", "Score hist"))]
    assert order[:2] == ["Where are things for worry 1?", "Score history"]


def test_the_family_version_says_progress_gently_and_the_worker_version_plainly() -> None:
    plan = recorded_case()
    family = docx.Document(io.BytesIO(render_plan(plan, ExportOptions(version="family"))))
    text = [p.text for p in family.paragraphs]
    assert (
        "For worry 1, everyone feels things have got better since the meeting to check the plan."
        in text
    )
    assert (
        "For worry 2, some people feel things have got better since the meeting to check the "
        "plan, and there is still work to do together."
    ) in text
    assert not any("Dan's is still" in t for t in text)
    worker = docx.Document(io.BytesIO(render_plan(plan, ExportOptions(version="worker"))))
    assert "Everyone's score for worry 3 has gone up since the core group." in [
        p.text for p in worker.paragraphs
    ]
