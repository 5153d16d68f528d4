"""The plan as JSON, and back.

Format 2.x (see docs/plan-json.md and exporters/schema/plan.schema.json; 2.0
made meetings first-class: attendees as the plan's people with roles and a
chair, a status, what each meeting said about each step, and the person's
record on every score). Files in format 1.x (exporters/schema/plan-1.schema.json)
still import: they are read as 2.0 with nothing invented (their meetings are
complete, their attendees and scores keep names only).
arrays in plan order, dates ISO 8601, times ISO 8601 in UTC, enums by value.
Database ids, ``uid`` values, ``position`` fields and the case's ``link_key``
(what its download links carry) are left out: a list's
order is the truth, and an imported plan must not collide with the plan it
was exported from, so it gets fresh identities. Text is kept exactly as typed
(JSON can hold any character), so an export followed by an import gives the
same plan.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.plan.model import (
    Attendee,
    CaseStatus,
    Child,
    ColumnEntry,
    ColumnKind,
    Meeting,
    MeetingStatus,
    MeetingType,
    OpenQuestion,
    Pair,
    Person,
    Plan,
    PlanRule,
    Revision,
    RuleKind,
    Score,
    Step,
    StepReview,
    StepStatus,
    UrgentFlag,
)
from exporters.formatting import as_utc
from exporters.scores import all_meetings

# 2.0: meetings are first-class (issue 15). 2.1: a change names the meeting it was made
# at; a meeting says which of the questions after the steps were answered; a step
# review can be "agreed" (a new step).
SCHEMA_VERSION = "2.1"
_SUPPORTED_MAJOR = 2
_OLDER_MAJOR = 1  # read, then brought up to 2.0
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class PlanFormatError(ValueError):
    """The data is not a plan this version can read; the message says where and why."""


# -- export -------------------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time(value: dt.datetime) -> str:
    return as_utc(value).isoformat()


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    meetings = all_meetings(plan)
    meeting_index = {id(m): i for i, m in enumerate(meetings)}
    people = {id(p): i for i, p in enumerate(plan.people)}
    pairs = {p.uid: i for i, p in enumerate(plan.pairs)}
    steps = {id(s): i for i, s in enumerate(plan.steps)}
    return {
        "schema_version": SCHEMA_VERSION,
        "reference": plan.reference,
        "status": plan.status.value,
        "version": plan.version,
        "practice_case": plan.practice_case,
        "target_closure_date": _date(plan.target_closure_date),
        "target_closure_text": plan.target_closure_text,
        "written_with": list(plan.written_with),
        "created_at": _time(plan.created_at),
        "updated_at": _time(plan.updated_at),
        "children": [{"first_name": c.first_name, "age": c.age} for c in plan.children],
        "people": [
            {
                "name": p.name,
                "relationship": p.relationship,
                "is_professional": p.is_professional,
                "contact": p.contact,
                "role_in_plan": p.role_in_plan,
            }
            for p in plan.people
        ],
        "entries": [
            {"kind": e.kind.value, "text": e.text, "how_long": e.how_long} for e in plan.entries
        ],
        "meetings": [_meeting_to_dict(m, people, pairs, steps) for m in meetings],
        "pairs": [_pair_to_dict(pair, meeting_index, people) for pair in plan.pairs],
        "steps": [
            {
                "what": s.what,
                "who": s.who,
                "due": _date(s.due),
                "due_text": s.due_text,
                "done": s.done,
            }
            for s in plan.steps
        ],
        "open_questions": [
            {"key": q.key, "label": q.label, "noted_at": _time(q.noted_at)}
            for q in plan.open_questions
        ],
        "revisions": [
            {
                "actor": r.actor,
                "action": r.action,
                "what": r.what,
                "detail": r.detail,
                "at": _time(r.at),
                # The meeting whose record the change was made in; null: between meetings.
                "meeting": meeting_index.get(id(r.meeting)) if r.meeting is not None else None,
            }
            for r in plan.revisions
        ],
        "urgent_flags": [
            {
                "message": f.message,
                "channel": f.channel,
                "at": _time(f.at),
                "reviewed_at": _time(f.reviewed_at) if f.reviewed_at is not None else None,
                "reviewed_by": f.reviewed_by,
                "review_note": f.review_note,
            }
            for f in plan.urgent_flags
        ],
    }


def _person_index(person: Person | None, people: dict[int, int]) -> int | None:
    return people.get(id(person)) if person is not None else None


def _meeting_to_dict(
    meeting: Meeting, people: dict[int, int], pairs: dict[str, int], steps: dict[int, int]
) -> dict[str, Any]:
    return {
        "kind": meeting.kind.value,
        "held_on": _date(meeting.held_on),
        "status": meeting.status.value,
        "attendees_complete": meeting.attendees_complete,
        "new_steps_done": meeting.new_steps_done,
        "closure_checked": meeting.closure_checked,
        "changes_checked": meeting.changes_checked,
        "attendees": [
            {
                "name": a.name,
                "person": _person_index(a.person, people),
                "role": a.role,
                "chaired": a.chaired,
                "not_scored": [pairs[u] for u in a.not_scored if u in pairs],
            }
            for a in meeting.attendees
        ],
        "step_reviews": [
            {"step": steps[id(r.step)], "status": r.status.value, "note": r.note}
            for r in meeting.step_reviews
            if id(r.step) in steps
        ],
    }


def _pair_to_dict(
    pair: Pair, meeting_index: dict[int, int], people: dict[int, int]
) -> dict[str, Any]:
    return {
        "danger_who": pair.danger_who,
        "danger_behaviour": pair.danger_behaviour,
        "danger_impact": pair.danger_impact,
        "danger_statement": pair.danger_statement,
        "danger_confirmed": pair.danger_confirmed,
        "goal_happening": pair.goal_happening,
        "goal_who": pair.goal_who,
        "goal_duration": pair.goal_duration,
        "safety_goal": pair.safety_goal,
        "goal_confirmed": pair.goal_confirmed,
        "scaling_question": pair.scaling_question,
        "scores": [
            {
                "person_name": s.person_name,
                "value": s.value,
                "reason": s.reason,
                "one_point_higher": s.one_point_higher,
                "scored_on": _date(s.scored_on),
                "meeting": meeting_index[id(s.meeting)] if s.meeting is not None else None,
                "person": _person_index(s.person, people),
            }
            for s in pair.scores
        ],
        "rules": [
            {
                "kind": r.kind.value,
                "text": r.text,
                "person_name": r.person_name,
                "action": r.action,
                "contact": r.contact,
            }
            for r in pair.rules
        ],
    }


def plan_to_json(plan: Plan) -> str:
    """Readable JSON (UTF-8 text, not \\u escapes), indented."""
    text = json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2, allow_nan=False)
    # A lone surrogate cannot be written as UTF-8: keep it as a JSON escape,
    # which reads back as the same character.
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# -- import -------------------------------------------------------------------


@lru_cache(maxsize=2)
def plan_schema(major: int = _SUPPORTED_MAJOR) -> dict[str, Any]:
    """The JSON Schema of format 2.x (or of 1.x, which is still read)."""
    name = "plan.schema.json" if major == _SUPPORTED_MAJOR else f"plan-{major}.schema.json"
    source = resources.files("exporters.schema").joinpath(name)
    return json.loads(source.read_text(encoding="utf-8"))


def _check_version(data: object) -> int:
    if not isinstance(data, dict):
        raise PlanFormatError("a plan must be a JSON object")
    version = data.get("schema_version")
    if not isinstance(version, str) or not re.fullmatch(r"[0-9]+\.[0-9]+", version):
        raise PlanFormatError("schema_version is missing or not like '1.0'")
    major = int(version.split(".")[0])
    if major not in (_SUPPORTED_MAJOR, _OLDER_MAJOR):
        raise PlanFormatError(
            f"schema_version {version} is not supported: this version reads "
            f"{_OLDER_MAJOR}.x and {_SUPPORTED_MAJOR}.x"
        )
    return major


def _from_format_1(data: dict[str, Any]) -> dict[str, Any]:
    """A 1.x plan as 2.0, inventing nothing.

    Meetings recorded then were recorded in one pass, so they are complete; their
    attendees were names only, and so were the scorers: no person is linked.
    """
    upgraded = dict(data)
    upgraded["schema_version"] = "2.0"
    upgraded["meetings"] = [
        {
            "kind": m["kind"],
            "held_on": m["held_on"],
            "status": MeetingStatus.COMPLETE.value,
            "attendees_complete": True,
            "attendees": [
                {"name": name, "person": None, "role": None, "chaired": False, "not_scored": []}
                for name in m["attendees"]
            ],
            "step_reviews": [],
        }
        for m in data["meetings"]
    ]
    upgraded["pairs"] = [
        {**pair, "scores": [{**score, "person": None} for score in pair["scores"]]}
        for pair in data["pairs"]
    ]
    return upgraded


def _validate(data: dict[str, Any], major: int = _SUPPORTED_MAJOR) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(plan_schema(major))
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path)
        raise PlanFormatError(f"plan{where}: {error.message}")


def _parse_optional_date(value: str | None, where: str) -> dt.date | None:
    return None if value is None else _parse_date(value, where)


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise PlanFormatError(f"{where}: {value!r} is not a date like 2024-03-31") from error


def _parse_time(value: str, where: str) -> dt.datetime:
    try:
        # Python 3.10 does not read the "Z" suffix other writers use.
        moment = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError as error:
        raise PlanFormatError(
            f"{where}: {value!r} is not a time like 2024-03-31T14:05:00+00:00"
        ) from error
    return as_utc(moment)


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """A new plan from exported data (fresh ids and uids; nothing refers to the old plan)."""
    major = _check_version(data)
    _validate(data, major)
    if major == _OLDER_MAJOR:
        data = _from_format_1(data)
        _validate(data)
    meetings = [
        Meeting(
            kind=MeetingType(m["kind"]),
            held_on=_parse_date(m["held_on"], f"meetings[{i}].held_on"),
            status=MeetingStatus(m["status"]),
            attendees_complete=m["attendees_complete"],
            # Files from 2.0 had no such questions: a finished meeting is not asked them.
            new_steps_done=m.get("new_steps_done", m["status"] == MeetingStatus.COMPLETE.value),
            closure_checked=m.get("closure_checked", m["status"] == MeetingStatus.COMPLETE.value),
            changes_checked=m.get("changes_checked", m["status"] == MeetingStatus.COMPLETE.value),
        )
        for i, m in enumerate(data["meetings"])
    ]
    plan = Plan(
        reference=data["reference"],
        status=CaseStatus(data["status"]),
        target_closure_date=_parse_optional_date(
            data["target_closure_date"], "target_closure_date"
        ),
        target_closure_text=data["target_closure_text"],
        written_with=list(data["written_with"]),
        practice_case=data["practice_case"],
        version=int(data["version"]),  # 3.0 is an integer to JSON Schema
        created_at=_parse_time(data["created_at"], "created_at"),
        updated_at=_parse_time(data["updated_at"], "updated_at"),
        meetings=meetings,
    )
    plan.children = [
        Child(first_name=c["first_name"], age=None if c["age"] is None else int(c["age"]))
        for c in data["children"]
    ]
    plan.people = [
        Person(
            name=p["name"],
            relationship=p["relationship"],
            is_professional=p["is_professional"],
            contact=p["contact"],
            role_in_plan=p["role_in_plan"],
        )
        for p in data["people"]
    ]
    plan.entries = [
        ColumnEntry(kind=ColumnKind(e["kind"]), text=e["text"], how_long=e["how_long"])
        for e in data["entries"]
    ]
    plan.pairs = [_pair_from_dict(p, i, meetings, plan.people) for i, p in enumerate(data["pairs"])]
    plan.steps = [
        Step(
            what=s["what"],
            who=s["who"],
            due=_parse_optional_date(s["due"], f"steps[{i}].due"),
            due_text=s["due_text"],
            done=s["done"],
        )
        for i, s in enumerate(data["steps"])
    ]
    plan.open_questions = [
        OpenQuestion(
            key=q["key"],
            label=q["label"],
            noted_at=_parse_time(q["noted_at"], f"open_questions[{i}].noted_at"),
        )
        for i, q in enumerate(data["open_questions"])
    ]
    plan.revisions = [
        Revision(
            actor=r["actor"],
            action=r["action"],
            what=r["what"],
            detail=r["detail"],
            at=_parse_time(r["at"], f"revisions[{i}].at"),
            # Files before 2.1 have no "meeting": their changes are between meetings.
            meeting=_index(meetings, r.get("meeting"), f"revisions[{i}].meeting", "meeting"),
        )
        for i, r in enumerate(data["revisions"])
    ]
    plan.urgent_flags = [_flag_from_dict(f, i) for i, f in enumerate(data["urgent_flags"])]
    for i, (meeting, m) in enumerate(zip(meetings, data["meetings"], strict=True)):
        _meeting_parts_from_dict(plan, meeting, m, f"meetings[{i}]")
    return plan


def _index(items: list[Any], index: int | None, where: str, what: str) -> Any:
    if index is None:
        return None
    if index >= len(items):
        raise PlanFormatError(f"{where}: there is no {what} number {index}")
    return items[index]


def _meeting_parts_from_dict(
    plan: Plan, meeting: Meeting, data: dict[str, Any], where: str
) -> None:
    for i, a in enumerate(data["attendees"]):
        here = f"{where}.attendees[{i}]"
        meeting.attendees.append(
            Attendee(
                name=a["name"],
                person=_index(plan.people, a["person"], f"{here}.person", "person"),
                role=a["role"],
                chaired=a["chaired"],
                not_scored=[
                    _index(plan.pairs, n, f"{here}.not_scored", "pair").uid for n in a["not_scored"]
                ],
            )
        )
    for i, r in enumerate(data["step_reviews"]):
        meeting.step_reviews.append(
            StepReview(
                step=_index(plan.steps, r["step"], f"{where}.step_reviews[{i}].step", "step"),
                status=StepStatus(r["status"]),
                note=r["note"],
            )
        )


def _flag_from_dict(data: dict[str, Any], number: int) -> UrgentFlag:
    # The review fields arrived in 1.1: a 1.0 file has none, and its flags are unreviewed.
    where = f"urgent_flags[{number}]"
    reviewed_at = data.get("reviewed_at")
    reviewed_by = data.get("reviewed_by")
    if (reviewed_at is None) != (reviewed_by is None):
        raise PlanFormatError(
            f"{where}: a review needs both reviewed_at and reviewed_by, or neither"
        )
    if reviewed_at is None and data.get("review_note") is not None:
        raise PlanFormatError(f"{where}.review_note: a note needs a review (reviewed_at)")
    return UrgentFlag(
        message=data["message"],
        channel=data["channel"],
        at=_parse_time(data["at"], f"{where}.at"),
        reviewed_at=(
            None if reviewed_at is None else _parse_time(reviewed_at, f"{where}.reviewed_at")
        ),
        reviewed_by=reviewed_by,
        review_note=data.get("review_note"),
    )


def _pair_from_dict(
    data: dict[str, Any], number: int, meetings: list[Meeting], people: list[Person]
) -> Pair:
    where = f"pairs[{number}]"
    scores = []
    for i, s in enumerate(data["scores"]):
        meeting = None
        if s["meeting"] is not None:
            if s["meeting"] >= len(meetings):
                raise PlanFormatError(
                    f"{where}.scores[{i}].meeting: there is no meeting number {s['meeting']}"
                )
            meeting = meetings[s["meeting"]]
        scores.append(
            Score(
                person_name=s["person_name"],
                value=s["value"],
                reason=s["reason"],
                one_point_higher=s["one_point_higher"],
                scored_on=_parse_date(s["scored_on"], f"{where}.scores[{i}].scored_on"),
                meeting=meeting,
                person=_index(people, s["person"], f"{where}.scores[{i}].person", "person"),
            )
        )
    return Pair(
        danger_who=data["danger_who"],
        danger_behaviour=data["danger_behaviour"],
        danger_impact=data["danger_impact"],
        danger_statement=data["danger_statement"],
        danger_confirmed=data["danger_confirmed"],
        goal_happening=data["goal_happening"],
        goal_who=data["goal_who"],
        goal_duration=data["goal_duration"],
        safety_goal=data["safety_goal"],
        goal_confirmed=data["goal_confirmed"],
        scaling_question=data["scaling_question"],
        scores=scores,
        rules=[
            PlanRule(
                kind=RuleKind(r["kind"]),
                text=r["text"],
                person_name=r["person_name"],
                action=r["action"],
                contact=r["contact"],
            )
            for r in data["rules"]
        ],
    )


def plan_from_json(text: str) -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFormatError(f"not JSON: {error}") from error
    return plan_from_dict(data)
