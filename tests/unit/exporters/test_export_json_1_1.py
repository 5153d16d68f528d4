"""A file exported as JSON 1.1 (before meetings were first-class) still imports, as it was."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from bot.plan.model import MeetingStatus
from bot.plan.progress import history
from exporters.json_plan import plan_from_json, plan_schema, plan_to_dict, plan_to_json

# Written by the 1.1 exporter (commit 91419dd, before issue 15), kept as it was.
PLAN_1_1 = Path(__file__).resolve().parent / "data" / "plan-1.1.json"


def test_a_1_1_file_imports_with_its_meetings_attendees_and_scores() -> None:
    text = PLAN_1_1.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["schema_version"] == "1.1"
    plan = plan_from_json(text)
    assert [m.label for m in plan.meetings] == [
        "Child in Need meeting, 10 January 2024",
        "Core group, 6 March 2024",
    ]
    # Meetings recorded then were recorded in one pass: complete. Attendees were
    # names only; no person record is guessed for them, nor for the scores.
    assert all(m.status is MeetingStatus.COMPLETE for m in plan.meetings)
    assert [a.name for a in plan.meetings[1].attendees] == ["Sarah", "Dan", "Sam Okafor"]
    assert all(a.person is None for m in plan.meetings for a in m.attendees)
    scores = plan.pairs[0].scores
    assert [(s.person_name, s.value, s.meeting is not None, s.person) for s in scores] == [
        ("Sarah", 3, True, None),
        ("Sam Okafor", 2, True, None),
        ("Sarah", 6, True, None),
        ("Sam Okafor", 5, True, None),
        ("Dan", 4, False, None),
    ]
    assert scores[0].reason == "Dan still drinks at weekends"
    # The score given outside a meeting is shown as that, with its date.
    table = history(plan, plan.pairs[0])
    assert [c.label() for c in table.columns] == [
        "Child in Need meeting, 10 Jan 2024",
        "Not at a recorded meeting, 14 Feb 2024",
        "Core group, 6 Mar 2024",
    ]


def test_exported_again_it_is_a_valid_2_x_file_that_reads_back_the_same() -> None:
    plan = plan_from_json(PLAN_1_1.read_text(encoding="utf-8"))
    data = plan_to_dict(plan)
    assert data["schema_version"] == "2.1"
    # Nothing says where its changes were made: between meetings, not guessed.
    assert all(r["meeting"] is None for r in data["revisions"])
    assert not list(Draft202012Validator(plan_schema()).iter_errors(data))
    assert plan_to_dict(plan_from_json(plan_to_json(plan))) == data
    old = json.loads(PLAN_1_1.read_text(encoding="utf-8"))
    assert [a["name"] for a in data["meetings"][0]["attendees"]] == old["meetings"][0]["attendees"]
    assert [s["reason"] for s in data["pairs"][0]["scores"]] == [
        s["reason"] for s in old["pairs"][0]["scores"]
    ]


def test_a_recorded_meeting_goes_through_json_2_0_whole() -> None:
    import datetime as dt

    from bot.meetings import recording as r
    from bot.plan.model import MeetingType, Pair, Person, Plan, Step, StepStatus

    plan = Plan(reference="SP-JSON20")
    plan.people += [Person("Sarah", "Mum"), Person("Dan", "Dad")]
    plan.pairs += [Pair(danger_statement="one"), Pair(danger_statement="two")]
    plan.steps.append(Step("Dan goes to the group", "Dan", dt.date(2027, 1, 20)))
    on = dt.date(2027, 2, 1)
    meeting = r.start_meeting(plan, MeetingType.REVIEW_CONFERENCE, on, "Sam", on)
    r.add_attendee(plan, meeting, "Sarah", "Sam", chaired=True)
    r.add_attendee(plan, meeting, "Ms Chair", "Sam", role="Independent chair")
    r.record_score(plan, meeting, plan.pairs[0], plan.people[0], 6.5, "better", "Sam")
    r.not_scored(plan, meeting, plan.pairs[1], plan.people[0], "Sam")
    r.mark_step(plan, meeting, plan.steps[0], StepStatus.CHANGED, "Sam", "weekly now")
    r.add_step(plan, meeting, "Nan to call on Sundays", "Sam")
    r.no_more_steps(plan, meeting)
    data = plan_to_dict(plan)
    assert data["meetings"][0] == {
        "kind": "review_conference",
        "held_on": "2027-02-01",
        "status": "in_progress",
        "attendees_complete": False,
        "new_steps_done": True,
        "closure_checked": False,
        "changes_checked": False,
        "attendees": [
            {"name": "Sarah", "person": 0, "role": "Mum", "chaired": True, "not_scored": [1]},
            {
                "name": "Ms Chair",
                "person": 2,
                "role": "Independent chair",
                "chaired": False,
                "not_scored": [],
            },
        ],
        "step_reviews": [
            {"step": 0, "status": "changed", "note": "weekly now"},
            {"step": 1, "status": "agreed", "note": None},
        ],
    }
    assert data["pairs"][0]["scores"][0]["person"] == 0
    back = plan_from_json(plan_to_json(plan))
    assert back.meetings[0].attendees[0].person is back.people[0]
    assert back.pairs[0].scores[0].person is back.people[0]
    assert back.meetings[0].step_reviews[0].step is back.steps[0]
    assert back.meetings[0].attendees[0].not_scored == [back.pairs[1].uid]
    assert plan_to_dict(back) == data
