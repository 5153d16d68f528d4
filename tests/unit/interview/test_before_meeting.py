"""Before a meeting: a worker sets the next one, and people with an invite score for it (issue 15,
items 3 and 4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.access.invites import issue_invite
from bot.interview.next_meeting import is_request
from bot.meetings import recording
from bot.plan.model import (
    Child,
    ColumnEntry,
    ColumnKind,
    MeetingStatus,
    MeetingType,
    Pair,
    Person,
    PlanRule,
    Role,
    RuleKind,
    Score,
)
from bot.settings import load_settings
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver, service_for

TODAY = dt.date(2026, 11, 26)  # the driver's clock
JAN_14 = dt.date(2027, 1, 14)
QUESTION = "On a scale of 0 to 10, where are things for Leo now?"


def _case(database_url: str, *people: Person) -> str:
    """A plan written as far as its scores: two worries, rules, steps."""
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.children.append(Child("Leo", 6))
        plan.people += [
            Person("Sarah", "Mum"),
            Person("Dan", "Dad"),
            Person("Sam Patel", "Social worker", is_professional=True),
            *people,
        ]
        plan.entries += [ColumnEntry(kind, f"{kind.value} text") for kind in ColumnKind]
        for n in (1, 2):
            pair = Pair(
                danger_statement=f"worry {n}",
                danger_confirmed=True,
                safety_goal=f"goal {n}",
                goal_confirmed=True,
                scaling_question=QUESTION if n == 1 else "Where are things for worry 2?",
            )
            pair.rules += [PlanRule(kind, f"{kind.value} {n}") for kind in RuleKind]
            plan.pairs.append(pair)
        uow.commit()
        return plan.reference


def _plan(database_url: str, reference: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.plans.get(reference)


def _join(database_url: str, reference: str, role: Role, sender: str) -> Driver:
    settings = dataclasses.replace(load_settings(), database_url=database_url)
    invitation = issue_invite(reference, role, settings=settings)
    driver = Driver(service_for(database_url), sender, "webchat")
    driver.service.bind(
        sender, "webchat", invitation.invite.case_id, role, invitation.invite.public_id
    )
    driver.start()
    driver.say("no")  # nobody in danger now
    driver.say("yes")  # keep the answers
    return driver


def _titles(driver: Driver) -> list[str]:
    return [b.title for b in driver.last_buttons]


def _set_core_group(database_url: str, reference: str) -> Driver:
    worker = _join(database_url, reference, Role.WORKER, "worker-1")
    worker.say("Sam Patel, social worker")
    return worker


def test_a_worker_sets_the_next_core_group_after_reading_it_back(database_url: str) -> None:
    reference = _case(database_url)
    worker = _set_core_group(database_url, reference)
    where = worker.current_slot()
    asked = worker.say("the next core group is on 14 January")
    assert "Save the next meeting as: Core group, Thursday 14 January 2027?" in asked
    assert _titles(worker) == ["Yes, save it", "No"]
    assert _plan(database_url, reference).meetings == []  # not before the yes
    saved = worker.say("yes")
    assert "Saved: the next meeting is the Core group, 14 January 2027." in saved
    assert worker.current_slot() == where  # back to where they were
    plan = _plan(database_url, reference)
    [meeting] = plan.meetings
    assert meeting.status is MeetingStatus.PLANNED and meeting.held_on == JAN_14
    assert plan.revisions[-1].actor == "Sam Patel (social worker)"


def test_the_kind_is_asked_and_a_past_date_refused_kindly(database_url: str) -> None:
    reference = _case(database_url)
    worker = _set_core_group(database_url, reference)
    asked = worker.say("next meeting 01/11")
    assert "1 November has already passed" in asked
    assert "Which kind of meeting is the next one?" in asked
    assert "When is the next Core group?" in worker.say("core group")
    assert "Save the next meeting as: Core group, Thursday 14 January 2027?" in worker.say(
        "14/01/2027"
    )
    assert "I haven't saved it" in worker.say("no")
    assert _plan(database_url, reference).meetings == []


def test_only_a_whole_request_sets_the_next_meeting() -> None:
    assert is_request("the next core group is on 14 January")
    assert is_request("Next meeting 14/01")
    assert is_request("set the next core group")
    assert not is_request("Dad to go to the next core group")
    assert not is_request("by the next core group")
    assert not is_request("we had a core group today")
    # At "By when?" a date given as the next meeting is the deadline asked for.
    assert not is_request("next core group on 14 January", "step_when")
    assert is_request("set the next core group for 14 January", "step_when")


def test_a_family_member_with_an_invite_scores_before_the_core_group(database_url: str) -> None:
    reference = _case(database_url)
    worker = _set_core_group(database_url, reference)
    worker.say("the next core group is on 14 January")
    worker.say("yes")

    mum = _join(database_url, reference, Role.FAMILY, "mum-1")
    assert "Thank you, Sarah." in mum.say("Sarah, Leo's mum")
    question = mum.transcript[-1]
    assert question.startswith(f"Before the core group on 14 January 2027: {QUESTION}")
    assert "I've saved your score of 5 for the core group on 14 January 2027." in mum.say(
        "5 because he's trying"
    )
    mum.say("go back")
    mum.say("6 because he went to the group")  # a second score for the same meeting corrects
    plan = _plan(database_url, reference)
    [score] = plan.pairs[0].scores
    assert score.value == 6 and "went to the group" in (score.reason or "")
    assert score.meeting is plan.meetings[0] and plan.meetings[0].is_planned
    assert score.person is plan.people[0]  # Sarah's own record, not a new "Sarah"
    assert len(plan.people) == 3

    # The worker records the core group on the day: taken up, Sarah not asked again.
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        meeting = recording.start_meeting(plan, MeetingType.CORE_GROUP, JAN_14, "Sam", JAN_14)
        assert meeting is plan.meetings[0] and meeting.status is MeetingStatus.IN_PROGRESS
        recording.add_attendee(plan, meeting, "Sarah", "Sam")
        ask = recording.attendees_complete(plan, meeting, "Sam")
        assert ask.pair_uid == plan.pairs[1].uid  # worry 1 was given before
        uow.commit()


def test_an_ambiguous_or_new_name_is_asked_never_guessed(database_url: str) -> None:
    reference = _case(database_url, Person("Sam Jones", "Uncle"))
    worker = _set_core_group(database_url, reference)
    worker.say("next core group 14 jan")
    worker.say("yes")

    uncle = _join(database_url, reference, Role.FAMILY, "uncle-1")
    asked = uncle.say("Sam")
    assert "There is more than one Sam in the plan. Which one is you?" in asked
    assert _titles(uncle) == [
        "Sam Patel (Social worker)",
        "Sam Jones (Uncle)",
        "No, I'm someone else",
    ]
    uncle.say('/choose{"choice": "3"}')
    assert uncle.transcript[-1].startswith("Before the core group on 14 January 2027:")
    uncle.say("4, it's early days")
    plan = _plan(database_url, reference)
    [score] = plan.pairs[0].scores
    assert score.person is plan.people[3] and score.person_name == "Sam Jones"

    nan = _join(database_url, reference, Role.FAMILY, "nan-1")
    asked = nan.say("Jan")
    assert "I don't have a Jan in the plan yet. Are you one of these people?" in asked
    assert _titles(nan)[-1] == "No, I'm someone else"
    assert "I've added you" in nan.say('/choose{"choice": "new"}')
    nan.say("7")
    plan = _plan(database_url, reference)
    jan = plan.people[-1]
    assert jan.name == "Jan" and not jan.is_professional
    assert [s.person for s in plan.pairs[0].scores] == [plan.people[3], jan]


def test_without_a_planned_meeting_the_score_is_as_today_but_on_their_line(
    database_url: str,
) -> None:
    reference = _case(database_url)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        # An older score under the name only, from before scores had a person.
        plan.pairs[1].scores.append(Score("Dan", 3, scored_on=dt.date(2026, 10, 1)))
        uow.commit()
    dad = _join(database_url, reference, Role.FAMILY, "dad-1")
    dad.say("Dan")
    assert dad.transcript[-1].startswith("Here is a question")
    dad.say("6 because I'm going to the group")
    plan = _plan(database_url, reference)
    [score] = plan.pairs[0].scores
    assert score.meeting is None and score.person is plan.people[1]
