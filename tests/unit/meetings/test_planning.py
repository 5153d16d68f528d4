"""The next meeting, set before it happens: scores given before it, then taken up when recorded."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from bot.meetings import planning
from bot.meetings import recording as r
from bot.meetings.planning import PlanningError, next_planned, plan_meeting
from bot.plan.model import MeetingStatus, MeetingType, Pair, Person, Plan, Score
from bot.plan.progress import history, pair_progress, previous_meeting, progress_reading
from exporters import ExportOptions
from exporters.docx_meeting import TODAY as SCORES_TODAY
from exporters.docx_meeting import render_meeting_pack
from exporters.json_plan import plan_from_json, plan_schema, plan_to_dict, plan_to_json
from exporters.scores import latest_meeting

TODAY = dt.date(2027, 1, 4)
JAN_14 = dt.date(2027, 1, 14)
WORKER = "Sam Patel (social worker)"


def a_case() -> Plan:
    plan = Plan(reference="SP-PLAN01")
    plan.people += [Person("Sarah", "Mum"), Person("Jan Smith", "Nan")]
    plan.pairs += [
        Pair(danger_statement="worry one", scaling_question="Where are things for worry 1?"),
        Pair(danger_statement="worry two", scaling_question="Where are things for worry 2?"),
    ]
    return plan


def scored_before(plan: Plan, meeting, person: Person, value: float, reason: str) -> Score:  # noqa: ANN001
    score = Score(
        person.name, value, reason, scored_on=TODAY, meeting=meeting, person=person
    )
    plan.pairs[0].scores.append(score)
    return score


def test_a_planned_meeting_is_kept_once_logged_and_is_the_next_one() -> None:
    plan = a_case()
    meeting = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    assert meeting.status is MeetingStatus.PLANNED and meeting.is_planned
    assert plan.revisions[-1].what == "the next meeting: Core group, 14 January 2027"
    assert plan.revisions[-1].actor == WORKER
    # Said again: the same meeting, not a second one, and nothing new in the log.
    logged = len(plan.revisions)
    assert plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY) is meeting
    assert len(plan.meetings) == 1 and len(plan.revisions) == logged
    assert next_planned(plan, TODAY) is meeting
    # Nothing planned from after the day: no next meeting.
    assert next_planned(plan, JAN_14 + dt.timedelta(days=1)) is None
    # Not a meeting in progress: the recorder does not offer to carry on with it.
    assert r.in_progress(plan) == []


def test_a_past_date_or_one_over_a_year_ahead_is_refused_kindly() -> None:
    plan = a_case()
    with pytest.raises(PlanningError, match="That date has passed"):
        plan_meeting(plan, MeetingType.CORE_GROUP, TODAY - dt.timedelta(days=1), WORKER, TODAY)
    with pytest.raises(PlanningError, match="more than a year"):
        plan_meeting(plan, MeetingType.CORE_GROUP, dt.date(2028, 3, 1), WORKER, TODAY)
    assert plan.meetings == [] and plan.revisions == []
    # Today is still to come: a meeting later today has not happened.
    assert plan_meeting(plan, MeetingType.CIN, TODAY, WORKER, TODAY).is_planned


def test_a_new_date_for_the_next_core_group_moves_it_with_its_scores() -> None:
    plan = a_case()
    first = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    score = scored_before(plan, first, plan.people[0], 4, "trying")
    moved = plan_meeting(plan, MeetingType.CORE_GROUP, dt.date(2027, 1, 21), WORKER, TODAY)
    assert moved is first and first.held_on == dt.date(2027, 1, 21)
    assert score.meeting is first and len(plan.meetings) == 1
    assert plan.revisions[-1].action == "changed"
    # Another kind of meeting is a meeting of its own; the soonest is the next one.
    cin = plan_meeting(plan, MeetingType.CIN, dt.date(2027, 1, 10), WORKER, TODAY)
    assert len(plan.meetings) == 2 and next_planned(plan, TODAY) is cin


def test_the_question_opens_with_the_meeting() -> None:
    plan = a_case()
    meeting = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    assert planning.before_label(meeting, TODAY) == "Before the core group on 14 January"
    assert planning.before_label(meeting, dt.date(2026, 12, 20)) == (
        "Before the core group on 14 January 2027"
    )
    other = plan_meeting(plan, MeetingType.OTHER, dt.date(2027, 2, 2), WORKER, TODAY)
    assert planning.before_label(other, TODAY) == "Before the meeting on 2 February"


def test_recording_the_planned_meeting_takes_it_up_with_the_scores_given_before() -> None:
    plan = a_case()
    meeting = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    sarah = plan.people[0]
    scored_before(plan, meeting, sarah, 5, "he's trying")
    recorded = r.start_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, JAN_14)
    assert recorded is meeting and len(plan.meetings) == 1
    assert recorded.status is MeetingStatus.IN_PROGRESS
    assert r.in_progress(plan) == [meeting]
    r.add_attendee(plan, meeting, "Sarah", WORKER)
    r.add_attendee(plan, meeting, "Jan Smith", WORKER)
    ask = r.attendees_complete(plan, meeting, WORKER)
    # Sarah scored worry 1 before: the recorder asks Nan, not Sarah.
    assert ask.kind is r.AskKind.SCORE and ask.person is plan.people[1]
    assert ask.pair_uid == plan.pairs[0].uid
    # Another kind on that date is a new meeting, not the planned one.
    other = r.start_meeting(plan, MeetingType.CIN, JAN_14, WORKER, JAN_14)
    assert other is not meeting and len(plan.meetings) == 2


def test_a_planned_meeting_has_not_happened() -> None:
    plan = a_case()
    done = r.start_meeting(plan, MeetingType.CORE_GROUP, dt.date(2026, 12, 10), WORKER, TODAY)
    r.add_attendee(plan, done, "Sarah", WORKER)
    r.attendees_complete(plan, done, WORKER)
    r.record_score(plan, done, plan.pairs[0], plan.people[0], 3, "early days", WORKER)
    r.finish_meeting(plan, done, WORKER)
    upcoming = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    scored_before(plan, upcoming, plan.people[0], 5, "he's trying")
    # Not the latest meeting, not the previous one, not the one progress is read at.
    assert latest_meeting(plan) is done
    assert previous_meeting(plan, upcoming, plan.pairs[0]) is done
    assert pair_progress(plan, plan.pairs[0]).latest is done
    assert progress_reading(plan) == ["Worry 1 was first scored at the core group: a score of 3."]
    # In the history: a column on the day it was given, said to be before the meeting.
    table = history(plan, plan.pairs[0])
    assert [c.on for c in table.columns] == [dt.date(2026, 12, 10), TODAY]
    assert max(c.on for c in table.columns) <= TODAY
    assert table.columns[1].kind_label() == "Before the Core group, 14 Jan 2027"
    assert table.cell(0, 1).value == 5


def test_the_json_export_keeps_a_planned_meeting_and_its_scores() -> None:
    import jsonschema  # a declared dependency: a missing one is a failure, not a skip

    plan = a_case()
    meeting = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    scored_before(plan, meeting, plan.people[0], 5, "he's trying")
    data = plan_to_dict(plan)
    jsonschema.validate(data, plan_schema())
    assert data["meetings"][0]["status"] == "planned"
    score = data["pairs"][0]["scores"][0]
    assert score["meeting"] == 0 and score["person"] == 0 and score["value"] == 5
    again = plan_from_json(plan_to_json(plan))
    assert again.meetings[0].is_planned
    assert again.pairs[0].scores[0].meeting is again.meetings[0]


def _grid(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    body = list(document.element.body)
    texts = [el.xpath("string(.)") for el in body]
    start = texts.index(SCORES_TODAY)
    table = next(el for el in body[start:] if el.tag.endswith("}tbl"))
    return [[tc.xpath("string(.)") for tc in tr.xpath("./w:tc")] for tr in table.xpath("./w:tr")]


def test_the_pack_for_the_planned_meeting_shows_scores_given_before_it() -> None:
    plan = a_case()
    meeting = plan_meeting(plan, MeetingType.CORE_GROUP, JAN_14, WORKER, TODAY)
    scored_before(plan, meeting, plan.people[1], 6, "she sees Dad trying")
    grid = _grid(render_meeting_pack(plan, ExportOptions(today=TODAY)))
    assert grid[1] == ["Sarah", "", "", ""]
    why = "Given before: Worry 1: she sees Dad trying"
    assert grid[2] == ["Jan Smith", "6 (given before)", "", why]
    # The pack's "last meeting" is not the planned one.
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(
        render_meeting_pack(plan, ExportOptions(today=TODAY)))).paragraphs)
    assert "Last meeting: No meetings yet." in text
    assert "given in the chat before the Core group, 14 January 2027" in text
