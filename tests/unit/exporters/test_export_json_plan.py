"""The plan as JSON: round trip, schema, hostile text, versioning."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path

import export_samples as samples
import pytest
from jsonschema import Draft202012Validator

from bot.plan import model
from bot.plan.model import Meeting, MeetingType, Score, UrgentFlag
from exporters.json_plan import (
    SCHEMA_VERSION,
    PlanFormatError,
    plan_from_dict,
    plan_from_json,
    plan_schema,
    plan_to_dict,
    plan_to_json,
)


def validator():
    return Draft202012Validator(plan_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_a_valid_schema():
    Draft202012Validator.check_schema(plan_schema())


def test_round_trip(any_plan):
    data = plan_to_dict(any_plan)
    assert plan_to_dict(plan_from_dict(copy.deepcopy(data))) == data
    assert plan_to_dict(plan_from_json(plan_to_json(any_plan))) == data


def test_export_validates_against_the_schema(any_plan):
    data = plan_to_dict(any_plan)
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, errors[0]
    assert data["schema_version"] == SCHEMA_VERSION == "2.1"
    # Via text too: what a file holds.
    assert not list(validator().iter_errors(json.loads(plan_to_json(any_plan))))


def test_dates_times_and_enums(small_plan):
    data = plan_to_dict(small_plan)
    assert data["status"] == "active"
    assert data["target_closure_date"] == "2024-09-30"
    assert data["created_at"] == "2024-01-08T10:00:00+00:00"
    assert data["meetings"][0]["kind"] == "cin"
    assert data["meetings"][0]["held_on"] == "2024-01-10"
    assert [a["name"] for a in data["meetings"][0]["attendees"]] == ["Sarah", "Sam Okafor", "Nan"]
    assert data["pairs"][0]["scores"][2]["meeting"] == 1
    assert data["pairs"][0]["rules"][3]["kind"] == "who_does_what"
    assert data["entries"][3]["kind"] == "existing_safety"


def test_hostile_text_survives_exactly(hostile_plan):
    text = plan_to_json(hostile_plan)
    text.encode("utf-8")  # writable as a UTF-8 file despite the lone surrogate
    back = plan_from_json(text)
    assert back.reference == hostile_plan.reference
    assert back.people[0].name == hostile_plan.people[0].name  # control characters kept
    assert back.entries[0].text == samples.LONG and len(back.entries[0].text) == 20_000
    assert back.entries[1].text == hostile_plan.entries[1].text  # \r\n kept too
    assert back.entries[3].how_long == samples.SURROGATE
    assert back.pairs[0].scaling_question == samples.MARKUP
    assert back.written_with == hostile_plan.written_with
    assert back.children[1].first_name == "ليلى"
    assert "<script>" in text and "{{ child_name }}" in text  # no escaping of markup


def test_no_ids_uids_or_positions(large_plan):
    large_plan.id = 12
    large_plan.pairs[0].id = 99
    text = plan_to_json(large_plan)
    for key in ('"id"', '"uid"', '"position"'):
        assert key not in text


def test_import_ignores_ids_and_unknown_fields_and_gives_fresh_identities(small_plan):
    data = plan_to_dict(small_plan)
    data["id"] = 5
    data["schema_version"] = "2.3"  # a later minor version may add fields
    data["pairs"][0]["uid"] = "abcdefghjk"
    data["pairs"][0]["colour"] = "red"
    plan = plan_from_dict(data)
    assert plan.id is None and plan.pairs[0].id is None
    if hasattr(plan.pairs[0], "uid"):
        assert plan.pairs[0].uid != "abcdefghjk"
    assert plan.pairs[0].scores[2].meeting is plan.meetings[1]


def test_a_meeting_only_a_score_knows_is_kept(small_plan):
    extra = Meeting(MeetingType.TAF, dt.date(2024, 4, 1))
    small_plan.pairs[1].scores.append(Score("Nan", 5, None, None, extra.held_on, extra))
    data = plan_to_dict(small_plan)
    assert len(data["meetings"]) == 3 and data["pairs"][1]["scores"][0]["meeting"] == 2
    plan = plan_from_dict(data)
    assert plan.pairs[1].scores[0].meeting is plan.meetings[2]
    assert plan_to_dict(plan) == data


def test_times_without_a_zone_are_utc(small_plan):
    small_plan.revisions[0].at = dt.datetime(2024, 1, 8, 10, 0)
    data = plan_to_dict(small_plan)
    assert data["revisions"][0]["at"] == "2024-01-08T10:00:00+00:00"
    data["revisions"][1]["at"] = "2024-01-09T10:00:00Z"  # another writer's style
    plan = plan_from_dict(data)
    assert plan.revisions[1].at == dt.datetime(2024, 1, 9, 10, 0, tzinfo=dt.timezone.utc)


# -- urgent flags and their review (1.1) ------------------------------------------

# Written by the 1.0 exporter (before flags could be reviewed), kept as it was.
PLAN_1_0 = Path(__file__).resolve().parent / "data" / "plan-1.0.json"
UTC = dt.timezone.utc


def test_a_reviewed_flag_round_trips_through_a_file(small_plan, tmp_path):
    small_plan.urgent_flags.append(UrgentFlag("Dad is outside now", "teams",
                                              dt.datetime(2024, 3, 1, 20, 0, tzinfo=UTC)))
    small_plan.urgent_flags[0].mark_reviewed(
        "Sam Patel", "Spoke to mum: it was about last year",
        dt.datetime(2024, 2, 15, 9, 5, tzinfo=UTC),
    )
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(small_plan), encoding="utf-8")

    written = json.loads(path.read_text(encoding="utf-8"))["urgent_flags"]
    assert written == [
        {"message": small_plan.urgent_flags[0].message, "channel": "web chat",
         "at": "2024-02-14T22:15:00+00:00", "reviewed_at": "2024-02-15T09:05:00+00:00",
         "reviewed_by": "Sam Patel", "review_note": "Spoke to mum: it was about last year"},
        {"message": "Dad is outside now", "channel": "teams", "at": "2024-03-01T20:00:00+00:00",
         "reviewed_at": None, "reviewed_by": None, "review_note": None},
    ]
    back = plan_from_json(path.read_text(encoding="utf-8"))
    reviewed, waiting = back.urgent_flags
    assert reviewed.is_reviewed and not waiting.is_reviewed
    assert reviewed.reviewed_at == dt.datetime(2024, 2, 15, 9, 5, tzinfo=UTC)
    assert (reviewed.reviewed_by, reviewed.review_note) == (
        "Sam Patel", "Spoke to mum: it was about last year")
    assert back.unreviewed_flags == [waiting] and back.reviewed_flags == [reviewed]
    assert plan_to_dict(back) == plan_to_dict(small_plan)


def test_a_1_0_file_without_reviews_still_imports_with_every_flag_unreviewed():
    text = PLAN_1_0.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["schema_version"] == "1.0"
    assert all(set(f) == {"message", "channel", "at"} for f in data["urgent_flags"])
    plan = plan_from_json(text)
    assert [f.message for f in plan.urgent_flags] == [
        "He is banging on the door right now and the kids are here",
        "Dad is outside shouting now",
    ]
    assert plan.unreviewed_flags == plan.urgent_flags and plan.reviewed_flags == []
    assert all(f.reviewed_by is None and f.review_note is None for f in plan.urgent_flags)
    # Exported again, it is a 2.x file whose flags say they are not reviewed.
    again = plan_to_dict(plan)
    assert again["schema_version"] == "2.1"
    assert again["urgent_flags"][1] == {**data["urgent_flags"][1], "reviewed_at": None,
                                        "reviewed_by": None, "review_note": None}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.update(reviewed_at="2024-02-15T09:05:00+00:00"), "both reviewed_at and"),
        (lambda f: f.update(reviewed_by="Sam Patel"), "both reviewed_at and"),
        (lambda f: f.update(review_note="why"), r"urgent_flags\[0\]\.review_note"),
        (lambda f: f.update(reviewed_at="yesterday", reviewed_by="Sam"),
         r"urgent_flags\[0\]\.reviewed_at"),
        (lambda f: f.update(reviewed_at="2024-02-15T09:05:00+00:00", reviewed_by=7),
         r"urgent_flags\[0\]\.reviewed_by"),
    ],
)
def test_a_half_written_review_is_refused(small_plan, change, message):
    data = plan_to_dict(small_plan)
    change(data["urgent_flags"][0])
    with pytest.raises(PlanFormatError, match=message):
        plan_from_dict(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version="3.0"), "not supported"),
        (lambda d: d.pop("schema_version"), "schema_version"),
        (lambda d: d.pop("reference"), "'reference' is a required property"),
        (lambda d: d["people"][0].update(name=None), r"plan\.people\[0\]\.name"),
        (lambda d: d["pairs"][0]["scores"][0].update(value=11), "greater than the maximum"),
        (lambda d: d["pairs"][0]["scores"][0].update(meeting=7), "no meeting number 7"),
        (lambda d: d["steps"][0].update(due="31/01/2024"), r"steps\[0\]\.due"),
        (lambda d: d.update(status="open"), r"plan\.status"),
    ],
)
def test_bad_data_is_refused_with_a_message_saying_where(small_plan, change, message):
    data = plan_to_dict(small_plan)
    change(data)
    with pytest.raises(PlanFormatError, match=message):
        plan_from_dict(data)


def test_not_json_or_not_an_object():
    with pytest.raises(PlanFormatError, match="not JSON"):
        plan_from_json("{")
    with pytest.raises(PlanFormatError, match="object"):
        plan_from_json("[]")


# Every field of the model is either in the JSON or deliberately left out.
# When the model gains a field, this fails until the format (and its minor
# version) or this list says what happens to it.
# link_key: the secret half of a case's download links, never exported.
# snapshot: a finished meeting's copy of the whole plan as it stood then; exported, every
# plan would carry plans inside it. It stays in the (encrypted) database.
_LEFT_OUT = {"id", "uid", "position", "link_key", "snapshot"}
_ENTITIES = {
    "plan": (model.Plan, lambda d: d),
    "children": (model.Child, lambda d: d["children"][0]),
    "people": (model.Person, lambda d: d["people"][0]),
    "entries": (model.ColumnEntry, lambda d: d["entries"][0]),
    "meetings": (model.Meeting, lambda d: d["meetings"][0]),
    "attendees": (model.Attendee, lambda d: d["meetings"][0]["attendees"][0]),
    "step_reviews": (model.StepReview, lambda d: d["meetings"][1]["step_reviews"][0]),
    "pairs": (model.Pair, lambda d: d["pairs"][0]),
    "scores": (model.Score, lambda d: d["pairs"][0]["scores"][0]),
    "rules": (model.PlanRule, lambda d: d["pairs"][0]["rules"][0]),
    "steps": (model.Step, lambda d: d["steps"][0]),
    "open_questions": (model.OpenQuestion, lambda d: d["open_questions"][0]),
    "revisions": (model.Revision, lambda d: d["revisions"][0]),
    "urgent_flags": (model.UrgentFlag, lambda d: d["urgent_flags"][0]),
}


@pytest.mark.parametrize("name", sorted(_ENTITIES))
def test_every_model_field_is_exported_or_deliberately_left_out(small_plan, name):
    cls, pick = _ENTITIES[name]
    exported = set(pick(plan_to_dict(small_plan)))
    fields = {f.name for f in dataclasses.fields(cls)} - _LEFT_OUT
    assert fields <= exported | {"schema_version"}, fields - exported


def test_a_2_0_file_keeps_a_finished_meeting_finished_and_asks_an_unfinished_one(small_plan):
    """2.1 added the questions after the steps; a 2.0 file's finished meetings aren't asked them."""
    finished = Meeting(
        MeetingType.CORE_GROUP, dt.date(2024, 3, 6), status=model.MeetingStatus.COMPLETE
    )
    open_one = Meeting(MeetingType.CORE_GROUP, dt.date(2024, 4, 17))
    small_plan.meetings += [finished, open_one]
    data = plan_to_dict(small_plan)
    data["schema_version"] = "2.0"
    for meeting in data["meetings"]:
        for name in ("new_steps_done", "closure_checked", "changes_checked"):
            del meeting[name]
    plan = plan_from_dict(data)
    done, going = plan.meetings[-2:]
    assert (done.held_on, going.held_on) == (dt.date(2024, 3, 6), dt.date(2024, 4, 17))
    assert (done.new_steps_done, done.closure_checked, done.changes_checked) == (True,) * 3
    assert (going.new_steps_done, going.closure_checked, going.changes_checked) == (False,) * 3
