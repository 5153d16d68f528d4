"""Recording a meeting step by step: who was there, scores with reasons, steps, progress."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.meetings import recording as r
from bot.meetings.recording import AskKind
from bot.plan.model import (
    MeetingStatus,
    MeetingType,
    Pair,
    Person,
    Plan,
    Score,
    Step,
    StepStatus,
)
from bot.plan.progress import NOT_AT_A_MEETING, history, is_overdue, progress_reading, timeline

TODAY = dt.date(2027, 3, 1)
WORKER = "Sam Patel (social worker)"


def a_case() -> Plan:
    plan = Plan(reference="SP-TEST01")
    plan.people += [
        Person("Sarah", "Mum"),
        Person("Dan", "Dad"),
        Person("Jan Smith", "Nan"),
        Person("Sam Patel", "Social worker", is_professional=True),
        Person("Sam Okafor", "Family support worker", is_professional=True),
    ]
    plan.pairs += [
        Pair(danger_statement="worry one", scaling_question="Where are things for worry 1?"),
        Pair(danger_statement="worry two"),
    ]
    plan.steps += [
        Step("Dan goes to the drinking group", "Dan", dt.date(2027, 2, 1)),
        Step("Nan's number on the fridge", "Nan", dt.date(2027, 4, 1)),
    ]
    # Given in the chat before meetings were recorded: kept, never moved into a meeting.
    plan.pairs[0].scores.append(Score("Sarah", 2, "early days", scored_on=dt.date(2026, 12, 1)))
    return plan


def meeting_with(plan: Plan, kind: MeetingType, on: dt.date, *names: str):  # noqa: ANN201
    meeting = r.start_meeting(plan, kind, on, WORKER, TODAY)
    for name in names:
        ask = r.add_attendee(plan, meeting, name, WORKER)
        assert ask.kind is AskKind.ATTENDEE, ask
    r.attendees_complete(plan, meeting, WORKER)
    return meeting


def test_a_new_meeting_is_in_progress_and_asks_who_was_there() -> None:
    plan = a_case()
    meeting = r.start_meeting(plan, MeetingType.CORE_GROUP, TODAY, WORKER, TODAY)
    assert meeting.status is MeetingStatus.IN_PROGRESS
    ask = r.next_question(plan, meeting)
    assert ask.kind is AskKind.ATTENDEE and "Core group, 1 March 2027" in ask.text
    assert plan.revisions[-1].what == "Core group, 1 March 2027"


def test_offered_kinds_come_from_the_data_with_plain_labels() -> None:
    labels = [c.label for c in r.meeting_type_choices()]
    assert labels == [
        "Team Around the Family meeting",
        "Child in Need meeting",
        "Initial child protection conference",
        "Review child protection conference",
        "Core group",
        "Family network meeting",
        "Other meeting",
    ]
    assert MeetingType.CORE_GROUP.family_label == "Meeting to check the plan"


def test_an_exact_name_or_a_role_only_one_person_has_links_to_that_person() -> None:
    plan = a_case()
    meeting = r.start_meeting(plan, MeetingType.CORE_GROUP, TODAY, WORKER, TODAY)
    r.add_attendee(plan, meeting, "  sarah ", WORKER)
    r.add_attendee(plan, meeting, "Dad", WORKER)
    assert [a.person for a in meeting.attendees] == [plan.people[0], plan.people[1]]
    assert [a.role for a in meeting.attendees] == ["Mum", "Dad"]
    assert len(plan.people) == 5


def test_a_close_name_is_asked_about_never_guessed() -> None:
    plan = a_case()
    meeting = r.start_meeting(plan, MeetingType.CORE_GROUP, TODAY, WORKER, TODAY)
    ask = r.add_attendee(plan, meeting, "Sam", WORKER)
    assert ask.kind is AskKind.WHICH_PERSON
    assert ask.text == "Which Sam do you mean?"
    assert [c.label for c in ask.choices] == [
        "Sam Patel (Social worker)",
        "Sam Okafor (Family support worker)",
        "Someone else called Sam",
    ]
    assert meeting.attendees == []  # nothing saved on a guess
    r.choose_person(plan, meeting, ask.typed or "", ask.choices[1].value, WORKER, chaired=True)
    assert meeting.attendees[0].person is plan.people[4]
    assert meeting.chair is meeting.attendees[0]


def test_one_close_name_asks_whether_it_is_the_same_person() -> None:
    plan = a_case()
    meeting = r.start_meeting(plan, MeetingType.CORE_GROUP, TODAY, WORKER, TODAY)
    ask = r.add_attendee(plan, meeting, "Jan", WORKER)
    assert ask.text == "Is Jan the same person as Jan Smith (Nan)?"
    r.choose_person(plan, meeting, "Jan", r.NEW_PERSON, WORKER, role="Neighbour")
    assert len(plan.people) == 6 and plan.people[-1].name == "Jan"
    assert meeting.attendees[0].person is plan.people[-1]
    assert meeting.attendees[0].role == "Neighbour"


def test_a_new_name_joins_the_network_with_its_role() -> None:
    plan = a_case()
    meeting = r.start_meeting(plan, MeetingType.CORE_GROUP, TODAY, WORKER, TODAY)
    ask = r.add_attendee(plan, meeting, "Ms Khan", WORKER, role="Leo's teacher")
    assert ask.kind is AskKind.ATTENDEE and "So far: Ms Khan" in ask.text
    assert plan.people[-1].name == "Ms Khan" and plan.people[-1].relationship == "Leo's teacher"


def test_scores_are_asked_pair_by_pair_for_each_attendee_with_the_previous_beside() -> None:
    plan = a_case()
    first = meeting_with(plan, MeetingType.INITIAL_CONFERENCE, dt.date(2027, 1, 5), "Sarah", "Dad")
    ask = r.next_question(plan, first)
    assert (ask.kind, ask.pair_uid, ask.person) == (
        AskKind.SCORE,
        plan.pairs[0].uid,
        plan.people[0],
    )
    assert ask.previous == ()  # the chat score before meetings is not "the previous meeting"
    ask = r.answer_score(
        plan, first, plan.pairs[0], plan.people[0], "3 because he still drinks", WORKER
    )
    assert ask.person is plan.people[1]
    ask = r.answer_score(plan, first, plan.pairs[0], plan.people[1], "4", WORKER)
    assert ask.kind is AskKind.REASON and ask.text == "Why did Dan give 4?"
    ask = r.give_reason(plan, first, plan.pairs[0], plan.people[1], "I've cut down", WORKER)
    assert ask.pair_uid == plan.pairs[1].uid
    r.record_score(plan, first, plan.pairs[1], plan.people[0], 5, "ok", WORKER)
    r.record_score(plan, first, plan.pairs[1], plan.people[1], 3, "hard", WORKER)
    ask = r.next_question(plan, first)
    assert ask.kind is AskKind.STEP and ask.step_uid == plan.steps[0].uid
    r.mark_step(plan, first, plan.steps[0], StepStatus.NOT_YET, WORKER)
    r.mark_step(plan, first, plan.steps[1], StepStatus.DONE, WORKER)
    assert r.next_question(plan, first).kind is AskKind.NEW_STEP
    r.no_more_steps(plan, first)
    assert r.next_question(plan, first).kind is AskKind.CLOSURE
    r.check_closure(plan, first, WORKER)
    assert r.next_question(plan, first).kind is AskKind.CHANGES
    assert r.check_changes(plan, first).kind is AskKind.FINISH
    r.finish_meeting(plan, first, WORKER)

    core = meeting_with(plan, MeetingType.CORE_GROUP, dt.date(2027, 2, 16), "Sarah", "Dad")
    ask = r.next_question(plan, core)
    assert ask.previous_meeting == "Initial child protection conference, 5 January 2027"
    assert [(p.name, p.value, p.reason) for p in ask.previous] == [
        ("Sarah", 3, "he still drinks"),
        ("Dan", 4, "I've cut down"),
    ]
    assert "(At the conference Sarah gave 3.)" in ask.text


@pytest.mark.parametrize("value", [-1, 10.5, 6.3, float("nan")])
def test_a_score_off_the_scale_or_not_a_half_is_asked_again(value: float) -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    ask = r.record_score(plan, meeting, plan.pairs[0], plan.people[0], value, "why", WORKER)
    assert ask.kind is AskKind.SCORE and ask.problem
    assert [s for s in plan.pairs[0].scores if s.meeting is meeting] == []


def test_halves_are_allowed_and_a_second_score_corrects_the_first() -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    r.record_score(plan, meeting, plan.pairs[0], plan.people[0], 6.5, "better", WORKER)
    r.record_score(plan, meeting, plan.pairs[0], plan.people[0], 7, None, WORKER)
    mine = [s for s in plan.pairs[0].scores if s.meeting is meeting]
    assert [(s.value, s.reason, s.person) for s in mine] == [(7, "better", plan.people[0])]


def test_someone_who_did_not_score_is_not_asked_again() -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    ask = r.not_scored(plan, meeting, plan.pairs[0], plan.people[0], WORKER)
    assert ask.pair_uid == plan.pairs[1].uid


def test_stopping_halfway_leaves_the_meeting_in_progress_where_it_got_to() -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah", "Dad")
    r.record_score(plan, meeting, plan.pairs[0], plan.people[0], 5, "why", WORKER)
    assert r.in_progress(plan) == [meeting]
    ask = r.next_question(plan, meeting)
    assert (ask.kind, ask.person) == (AskKind.SCORE, plan.people[1])


def test_overdue_is_derived_from_dates_and_the_latest_meeting() -> None:
    plan = a_case()
    assert is_overdue(plan, plan.steps[0], TODAY)  # due 1 February, not done
    assert not is_overdue(plan, plan.steps[1], TODAY)  # due in April
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    r.mark_step(plan, meeting, plan.steps[0], StepStatus.DROPPED, WORKER)
    assert not is_overdue(plan, plan.steps[0], TODAY)
    assert timeline(plan) == plan.steps


def _three_meetings() -> Plan:
    plan = a_case()
    scores = {
        (MeetingType.INITIAL_CONFERENCE, dt.date(2027, 1, 5)): [(2, 3), (3, 3), (4, 2)],
        (MeetingType.CORE_GROUP, dt.date(2027, 2, 16)): [(4, 3), (5, 3), (6, 2)],
    }
    for (kind, on), values in scores.items():
        meeting = meeting_with(plan, kind, on, "Sarah", "Dad", "Nan")
        for person, (one, two) in zip(plan.people[:3], values, strict=True):
            r.record_score(plan, meeting, plan.pairs[0], person, one, "because", WORKER)
            r.record_score(plan, meeting, plan.pairs[1], person, two, "because", WORKER)
        r.finish_meeting(plan, meeting, WORKER)
    return plan


def test_progress_is_read_per_pair_in_plain_words() -> None:
    plan = _three_meetings()
    assert progress_reading(plan) == [
        "Everyone's score for worry 1 has gone up since the conference.",
        "Everyone's score for worry 2 is the same as at the conference "
        "(Sarah 3, Dan 3, Jan Smith 2).",
    ]
    plan.pairs[1].scores[-1].value = 1  # Nan's at the core group: now mixed
    plan.pairs[1].scores[-2].value = 4
    assert progress_reading(plan)[1] == (
        "Since the conference, for worry 2: Dan's score has gone up; Sarah's is still 3; "
        "Jan Smith's has gone down from 2 to 1."
    )
    assert progress_reading(plan, family=True)[0] == (
        "For worry 1, everyone feels things have got better since the first child protection "
        "meeting."
    )


def test_the_history_is_person_by_meeting_and_older_scores_are_shown_as_they_were() -> None:
    plan = _three_meetings()
    table = history(plan, plan.pairs[0])
    assert [c.label() for c in table.columns] == [
        f"{NOT_AT_A_MEETING}, 1 Dec 2026",
        "Initial child protection conference, 5 Jan 2027",
        "Core group, 16 Feb 2027",
    ]
    assert table.names == ["Sarah", "Dan", "Jan Smith"]
    rows = [
        [table.cell(i, j).value if table.cell(i, j) else None for j in range(3)] for i in range(3)
    ]
    assert rows == [[2, 2, 4], [None, 3, 5], [None, 4, 6]]


def _past_the_reviews(plan: Plan, meeting) -> None:  # noqa: ANN001
    for step in plan.steps:
        if meeting.review_of(step) is None:
            r.mark_step(plan, meeting, step, StepStatus.NOT_YET, WORKER)


def test_a_step_agreed_at_a_meeting_joins_the_timeline_with_who_and_when() -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    r.not_scored(plan, meeting, plan.pairs[0], plan.people[0], WORKER)
    r.not_scored(plan, meeting, plan.pairs[1], plan.people[0], WORKER)
    _past_the_reviews(plan, meeting)
    ask = r.next_question(plan, meeting)
    assert ask.kind is AskKind.NEW_STEP and "agree any new steps" in ask.text

    ask = r.add_step(plan, meeting, "  Dad to book a GP appointment ", WORKER)
    assert ask.kind is AskKind.STEP_WHO and ask.text.startswith("Step 3: Dad to book a GP")
    assert [c.label for c in ask.choices] == ["Sarah"]  # the people at the meeting
    step = plan.steps[2]
    assert (step.what, step.who, step.due) == ("Dad to book a GP appointment", None, None)
    ask = r.set_step_who(plan, meeting, step, "Dan", WORKER)
    assert ask.kind is AskKind.STEP_WHEN and ask.step_uid == step.uid
    ask = r.set_step_due(plan, meeting, step, dt.date(2027, 3, 20), WORKER, "by 20 March")
    assert (step.who, step.due, step.due_text) == ("Dan", dt.date(2027, 3, 20), "by 20 March")

    # Not asked "is it done?" at the meeting that agreed it; asked for another one.
    assert ask.kind is AskKind.NEW_STEP and ask.text.startswith("Any other new step?")
    assert meeting.review_of(step).status is StepStatus.AGREED
    assert StepStatus.AGREED.value not in [c.value for c in r.step_choices()]
    assert [c.what for c in r.added_at(meeting)] == ["Dad to book a GP appointment"]
    assert [rev.what for rev in plan.revisions[-3:]] == [
        "step 3", "who does step 3", "the date for step 3"]

    # At the next meeting it is reviewed like any other step.
    r.no_more_steps(plan, meeting)
    r.check_closure(plan, meeting, WORKER)
    r.check_changes(plan, meeting)
    r.finish_meeting(plan, meeting, WORKER)
    later = meeting_with(plan, MeetingType.CORE_GROUP, TODAY + dt.timedelta(days=42), "Sarah")
    r.not_scored(plan, later, plan.pairs[0], plan.people[0], WORKER)
    r.not_scored(plan, later, plan.pairs[1], plan.people[0], WORKER)
    r.mark_step(plan, later, plan.steps[0], StepStatus.DONE, WORKER)
    r.mark_step(plan, later, plan.steps[1], StepStatus.DONE, WORKER)
    ask = r.next_question(plan, later)
    assert ask.kind is AskKind.STEP and ask.step_uid == step.uid


def test_the_closure_date_is_confirmed_or_replaced_and_asked_once() -> None:
    plan = a_case()
    plan.target_closure_date = dt.date(2027, 6, 30)
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    for pair in plan.pairs:
        r.not_scored(plan, meeting, pair, plan.people[0], WORKER)
    _past_the_reviews(plan, meeting)
    r.no_more_steps(plan, meeting)
    ask = r.next_question(plan, meeting)
    assert ask.kind is AskKind.CLOSURE and "30 June 2027. Is that still right?" in ask.text
    ask = r.check_closure(plan, meeting, WORKER, dt.date(2027, 9, 30), "end of September")
    assert plan.target_closure_date == dt.date(2027, 9, 30)
    assert plan.revisions[-1].what == "the target date for closing the case"
    assert ask.kind is AskKind.CHANGES
    assert r.check_changes(plan, meeting).kind is AskKind.FINISH
    assert (meeting.new_steps_done, meeting.closure_checked, meeting.changes_checked) == (
        True, True, True)


def test_a_step_cannot_be_reviewed_as_agreed() -> None:
    plan = a_case()
    meeting = meeting_with(plan, MeetingType.CORE_GROUP, TODAY, "Sarah")
    with pytest.raises(r.MeetingError):
        r.mark_step(plan, meeting, plan.steps[0], StepStatus.AGREED, WORKER)
