"""Where each change was made, and the plan as it stood at a past meeting (issue 15 item 7).

What a worker notices: the change log says "at the Core group, 6 Mar 2024" or "between
meetings" for every change; a JSON file keeps it (and older files still import, their
changes between meetings); a plan kept from a meeting renders as a worker document that
says on its first line and on every page that it is not the current plan. The family
version gains none of it.
"""

from __future__ import annotations

import datetime as dt
import json

import export_reading as reading
import export_samples as samples
import pytest

from bot.plan.model import Meeting, MeetingType, Plan, Revision
from exporters import ExportOptions, docx_plan
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan
from exporters.json_plan import plan_from_json, plan_to_dict, plan_to_json


def _core(plan: Plan) -> Meeting:
    return next(m for m in plan.meetings if m.kind is MeetingType.CORE_GROUP)


def _with_a_change_at_the_core_group(plan: Plan) -> Plan:
    core = _core(plan)
    plan.revisions.append(
        Revision(
            "Sam Okafor",
            "changed",
            "step 1: done (Core group, 6 March 2024)",
            at=dt.datetime(2024, 3, 6, 15, 0, tzinfo=dt.timezone.utc),
            meeting=core,
        )
    )
    return plan


def _change_rows(content: bytes) -> list[list[str]]:
    document = reading.load(content)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "When")
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_worker_change_log_says_where_each_change_was_made(small_plan):
    plan = _with_a_change_at_the_core_group(small_plan)
    rows = _change_rows(render_plan(plan, ExportOptions(version="worker", today=samples.TODAY)))
    assert rows[0] == ["When", "Where", "Who", "What changed"]
    where = {row[3]: row[1] for row in rows[1:]}
    assert where["changed step 1: done (Core group, 6 March 2024)"] == (
        "at the Core group, 6 Mar 2024"
    )
    assert where["added step 2"] == "between meetings"


def test_the_meeting_pack_appendix_says_where_too(small_plan):
    plan = _with_a_change_at_the_core_group(small_plan)
    rows = _change_rows(render_meeting_pack(plan, ExportOptions(today=samples.TODAY)))
    assert rows[0][1] == "Where"
    assert {r[1] for r in rows[1:]} <= {"between meetings", "at the Core group, 6 Mar 2024"}


def test_the_family_version_gains_nothing(small_plan):
    plan = _with_a_change_at_the_core_group(small_plan)
    family = render_plan(plan, ExportOptions(version="family", today=samples.TODAY))
    text = " ".join(r for _h, runs in reading.sections(reading.load(family)) for r in runs)
    assert "between meetings" not in text and "at the Core group" not in text
    assert "As it stood" not in text
    with pytest.raises(ValueError):
        ExportOptions(version="family", as_at="Core group, 6 March 2024")


def test_json_keeps_the_meeting_of_each_change_and_reads_it_back(small_plan):
    plan = _with_a_change_at_the_core_group(small_plan)
    data = plan_to_dict(plan)
    meetings = data["meetings"]
    [at_core] = [r for r in data["revisions"] if r["meeting"] is not None]
    assert meetings[at_core["meeting"]]["kind"] == "core_group"
    again = plan_from_json(plan_to_json(plan))
    [change] = [r for r in again.revisions if r.meeting is not None]
    assert change.meeting is _core(again) and change.when == "at the Core group, 6 Mar 2024"
    assert plan_to_dict(again) == data


def test_a_2_0_file_without_meetings_on_changes_still_imports(small_plan):
    data = plan_to_dict(small_plan)
    data["schema_version"] = "2.0"
    for revision in data["revisions"]:
        del revision["meeting"]
    plan = plan_from_json(json.dumps(data))
    assert [r.when for r in plan.revisions] == ["between meetings"] * len(plan.revisions)


def test_a_change_naming_a_meeting_that_is_not_there_is_refused(small_plan):
    data = plan_to_dict(small_plan)
    data["revisions"][0]["meeting"] = len(data["meetings"])
    with pytest.raises(ValueError, match=r"revisions\[0\]\.meeting"):
        plan_from_json(json.dumps(data))
    with pytest.raises(ValueError):
        small_plan.record("Sam", "added", "x", meeting=Meeting(MeetingType.OTHER, samples.TODAY))


def test_the_plan_as_it_stood_says_so_on_its_first_line_and_every_page(small_plan):
    kept = plan_from_json(plan_to_json(small_plan))
    options = ExportOptions(version="worker", today=dt.date(2024, 3, 6),
                            as_at="Core group, 6 March 2024")
    document = reading.load(render_plan(kept, options))
    first = document.paragraphs[0]
    assert first.style.name == "Title"
    assert first.text == "As it stood at the Core group, 6 March 2024"
    assert any("This is not the current plan" in p.text for p in document.paragraphs[:3])
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "As it stood at the Core group, 6 March 2024. Not the current plan." in footer
    assert document.core_properties.title == "As it stood at the Core group, 6 March 2024"
    # Still the worker version: the change log is there.
    headings = [h for h, _runs in reading.sections(document)]
    assert docx_plan.CHANGE_LOG in headings
