"""A worker records a meeting in the chat, at any point on an existing case (issue 15, item 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.interview import meeting_answers
from bot.meetings import recording
from bot.plan.model import MeetingStatus, MeetingType, Pair, Person, Role, Step, StepStatus
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver

TODAY = dt.date(2026, 11, 26)  # the driver's clock
BEFORE = "Sam Patel (social worker)"


def _case(database_url: str) -> str:
    """A plan with two worries, two steps, and an initial conference's scores from October."""
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.people += [
            Person("Sarah", "Mum"),
            Person("Dan", "Dad"),
            Person("Sam Patel", "Social worker", is_professional=True),
            Person("Sam Okafor", "Family support worker", is_professional=True),
        ]
        plan.pairs += [
            Pair(
                danger_statement="Dan drinks and shouts at Leo",
                scaling_question="How safe is Leo from Dan's drinking, from 0 to 10?",
            ),
            Pair(danger_statement="Sarah leaves Leo alone at night"),
        ]
        plan.steps += [
            Step("Dan goes to the drinking group", "Dan", dt.date(2026, 11, 1)),
            Step("Nan's number on the fridge", "Sarah", dt.date(2026, 12, 20)),
        ]
        conference = recording.start_meeting(
            plan, MeetingType.INITIAL_CONFERENCE, dt.date(2026, 10, 8), BEFORE, TODAY
        )
        recording.add_attendee(plan, conference, "Dan", BEFORE)
        recording.attendees_complete(plan, conference, BEFORE)
        recording.record_score(
            plan, conference, plan.pairs[0], plan.people[1], 3, "only just started", BEFORE
        )
        recording.record_score(plan, conference, plan.pairs[1], plan.people[1], 4, "ok", BEFORE)
        recording.finish_meeting(plan, conference, BEFORE)
        uow.commit()
        return plan.reference


def _worker(driver: Driver, database_url: str, reference: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None and plan.id is not None
        case_id = plan.id
    driver.service.bind(driver.sender, driver.channel, case_id, Role.WORKER)
    driver.start()
    driver.say("no")  # nobody in danger now
    driver.say("yes")  # keep the answers
    driver.say("Sam Patel, social worker")


def _plan(database_url: str, reference: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.plans.get(reference)


def _titles(driver: Driver) -> list[str]:
    return [b.title for b in driver.last_buttons]


def test_a_worker_records_a_core_group_with_scores_steps_and_a_fix(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    interrupted = driver.current_slot()

    started = driver.say("we had a core group today")
    assert "Recording the Core group, 26 November 2026." in started
    assert "Who was at the Core group, 26 November 2026?" in started
    assert "Saved: Dad was there." in driver.say("Dad")
    assert "So far: Dan. Who else" in driver.transcript[-1]
    assert _titles(driver) == ["That's everyone"]
    driver.say("Sarah, Mum")

    # Nobody was named as chairing: asked once, with the people there as buttons.
    assert "Who chaired the core group?" in driver.say("/choose" + '{"choice": "everyone"}')
    assert _titles(driver) == ["Dan", "Sarah", "Not recorded"]
    first = driver.say("/choose" + '{"choice": "no_chair"}')
    # The previous meeting's scores are shown beside today's question.
    assert (
        "At the Initial child protection conference, 8 October 2026: Dan 3 (only just started)."
        in first
    )
    assert "How safe is Leo from Dan's drinking, from 0 to 10?" in first
    assert "What score did Dan give, and why?" in first
    assert "Saved: Dan, 5." in driver.say("5 because he has been to every session")
    assert "What score did Sarah give" in driver.transcript[-1]
    assert "Why did Sarah give 6?" in driver.say("6")
    driver.say("she feels calmer at home")
    assert "Worry 2." in driver.transcript[-1] and "Dan 4 (ok)" in driver.transcript[-1]
    driver.say("4, nights are still hard")
    assert "Saved: Sarah did not score this one." in driver.say(
        "/choose" + '{"choice": "not_scored"}'
    )

    # Due on 1 November and not marked done: flagged.
    assert "Overdue. Step 1: Dan goes to the drinking group (Dan)" in driver.transcript[-1]
    assert _titles(driver) == ["done", "not yet", "changed", "dropped"]
    assert "Saved: step 1 done." in driver.say("done")
    asked = driver.say("changed: on the fridge and in her phone")

    # A step the meeting agreed: what, who, by when, each as said and shown back.
    assert "Did the core group agree any new steps?" in asked
    assert _titles(driver) == ["No new steps"]
    who = driver.say("Sarah to ring Nan every Sunday evening")
    assert "Saved as step 3." in who
    assert "Step 3: Sarah to ring Nan every Sunday evening. Who will do it?" in who
    assert _titles(driver) == ["Dan", "Sarah", "Not decided yet"]
    when = driver.say("/choose" + '{"choice": "Sarah"}')
    assert "Saved: Sarah will do step 3." in when and "By when should step 3 be done?" in when
    assert "I couldn't read that date" in driver.say("whenever really")
    more = driver.say("by 20 December")
    assert "Saved: step 3 by 20 December 2026." in more
    assert "Any other new step?" in more
    closure = driver.say("no more")
    assert "Did the core group set a target date to close the case?" in closure
    assert _titles(driver) == ["Not set yet"]
    changes = driver.say("30 June 2027")
    assert "Saved: the case could close by" in changes
    assert "change anything else in the plan" in changes
    assert _titles(driver) == ["No", "Yes, I'll change the plan"]
    driver.say("no")

    read_back = driver.transcript[-1]
    assert read_back == (
        "Recorded for the Core group, 26 November 2026:\n"
        "Who was there: Dan (Dad); Sarah (Mum).\n"
        "Scores:\n"
        "1. Worry 1, Dan: 5 (he has been to every session)\n"
        "2. Worry 1, Sarah: 6 (she feels calmer at home)\n"
        "3. Worry 2, Dan: 4 (nights are still hard)\n"
        "4. Worry 2, Sarah: did not score\n"
        "Steps:\n"
        "- Step 1, Dan goes to the drinking group: done\n"
        "- Step 2, Nan's number on the fridge: changed (on the fridge and in her phone)\n"
        "- Step 3, Sarah to ring Nan every Sunday evening: agreed (new)\n"
        "\n"
        "Is this right, and is the record finished?"
    )
    assert _titles(driver) == ["Yes, it's finished", "Fix a score", "Not finished yet"]

    # The worker fixes one row; nothing else moves.
    assert "Which one do you want to change?" in driver.say("/choose" + '{"choice": "fix"}')
    assert "What score did Sarah give for worry 1" in driver.say("2")
    fixed = driver.say("7 because she feels much calmer")
    assert "2. Worry 1, Sarah: 7 (she feels much calmer)" in fixed
    assert "1. Worry 1, Dan: 5 (he has been to every session)" in fixed

    done = driver.say("/choose" + '{"choice": "finish"}')
    assert "The Core group, 26 November 2026 is saved." in done
    assert driver.current_slot() == interrupted  # back where the worker was

    plan = _plan(database_url, reference)
    meeting = plan.meetings[-1]
    assert meeting.kind is MeetingType.CORE_GROUP and meeting.held_on == TODAY
    assert meeting.status is MeetingStatus.COMPLETE
    assert [(a.name, a.role) for a in meeting.attendees] == [("Dan", "Dad"), ("Sarah", "Mum")]
    scores = [
        (plan.pairs.index(pair) + 1, s.person.name, s.value, s.reason)
        for pair in plan.pairs
        for s in pair.scores
        if s.meeting is meeting
    ]
    assert scores == [
        (1, "Dan", 5, "he has been to every session"),
        (1, "Sarah", 7, "she feels much calmer"),
        (2, "Dan", 4, "nights are still hard"),
    ]
    sarah = next(a for a in meeting.attendees if a.name == "Sarah")
    assert sarah.not_scored == [plan.pairs[1].uid]
    assert [(r.step.what, r.status, r.note) for r in meeting.step_reviews] == [
        ("Dan goes to the drinking group", StepStatus.DONE, None),
        ("Nan's number on the fridge", StepStatus.CHANGED, "on the fridge and in her phone"),
        ("Sarah to ring Nan every Sunday evening", StepStatus.AGREED, None),
    ]
    assert plan.steps[0].done is True
    new = plan.steps[2]
    assert (new.what, new.who, new.due) == (
        "Sarah to ring Nan every Sunday evening", "Sarah", dt.date(2026, 12, 20))
    assert plan.target_closure_date == dt.date(2027, 6, 30)
    # The same people, not new ones: one person, one line of scores.
    assert len(plan.people) == 4


def test_stopping_halfway_keeps_the_meeting_in_progress_and_the_next_request_carries_on(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    driver.say("record a meeting")
    assert _titles(driver)[:2] == ["Team Around the Family meeting", "Child in Need meeting"]
    assert "When was the Core group?" in driver.say("/choose" + '{"choice": "core_group"}')
    driver.say("today")
    driver.say("Dan")
    driver.say("that's everyone")
    driver.say("not recorded")  # who chaired
    driver.say("6 he is trying")
    # "Go back" does not leave the meeting: answers are fixed from its read-back.
    assert "you can fix any score there" in driver.say("go back")
    assert driver.current_slot() == "meeting_score"
    assert "Saved." in driver.say("stop")

    plan = _plan(database_url, reference)
    meeting = plan.meetings[-1]
    assert meeting.status is MeetingStatus.IN_PROGRESS
    assert [(s.person.name, s.value) for s in plan.pairs[0].scores if s.meeting is meeting] == [
        ("Dan", 6)
    ]

    # Another conversation on the same case (Teams, or the next day).
    other = Driver(driver.service, "person-2")
    _worker(other, database_url, reference)
    offer = other.say("add scores from a meeting")
    assert "The Core group, 26 November 2026 is still in progress." in offer
    assert _titles(other) == ["Carry on with the Core group, 26 November 2026", "A new meeting"]
    carried = other.say("/choose" + '{"choice": "carry_on"}')
    assert "Carrying on with the Core group, 26 November 2026." in carried
    assert "Worry 2." in carried and "What score did Dan give" in carried
    other.say("5 because nights are better")
    other.say("done")
    other.say("not yet")
    other.say("no new steps")
    other.say("not set yet")
    other.say("no")
    assert "Not finished yet" in _titles(other)
    assert "stays in progress" in other.say("/choose" + '{"choice": "later"}')

    plan = _plan(database_url, reference)
    assert len([m for m in plan.meetings if m.kind is MeetingType.CORE_GROUP]) == 1
    meeting = plan.meetings[-1]
    assert meeting.status is MeetingStatus.IN_PROGRESS
    assert len(meeting.step_reviews) == 2


def test_an_ambiguous_name_is_asked_about_with_buttons(driver: Driver, database_url: str) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    driver.say("we had a review conference yesterday")
    asked = driver.say("Sam")
    assert "Which Sam do you mean?" in asked
    assert _titles(driver) == [
        "Sam Patel (Social worker)",
        "Sam Okafor (Family support worker)",
        "Someone else called Sam",
    ]
    okafor = driver.last_buttons[1].payload
    assert "Saved: Sam Okafor was there." in driver.say(okafor)
    # A list of people the plan knows for certain is taken as a list, not a name and a role.
    assert "Saved: Sarah, Dan were there." in driver.say("Mum, Dad")

    plan = _plan(database_url, reference)
    meeting = plan.meetings[-1]
    assert meeting.kind is MeetingType.REVIEW_CONFERENCE
    assert meeting.held_on == TODAY - dt.timedelta(days=1)
    assert [a.person.name for a in meeting.attendees] == ["Sam Okafor", "Sarah", "Dan"]
    assert len(plan.people) == 4


def test_only_a_whole_message_asks_to_record_a_meeting() -> None:
    from bot.interview.meeting_answers import is_request

    assert is_request("We had a core group today.")
    assert is_request("can I record a meeting please")
    assert is_request("we've just had the review conference")
    assert is_request("record the core group from 12 November")
    assert is_request("log the CIN meeting on 3/11")
    assert not is_request("Dean to record a meeting with school")
    assert not is_request("Core group review")


def test_a_request_the_language_model_takes_for_the_meeting_pack_still_records_it(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    # As the Rasa action does when the intent was meeting_pack, review or export.
    reply = driver.service.answer_instead(
        driver.sender, driver.channel, "we had a core group today", "meeting_pack"
    )
    assert reply is not None
    assert "Recording the Core group, 26 November 2026." in reply.messages[0].text
    assert driver.current_slot() == "meeting_attendee"


def test_outside_the_interview_a_worker_starts_a_meeting_and_a_family_member_does_not(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    driver.say("stop")
    # After "stop" the safety question comes first, as always: not the meeting, nor the pack.
    waiting = driver.service.record_meeting(driver.sender, driver.channel, "record a meeting")
    assert waiting is not None and waiting.messages == []
    assert driver.current_slot() == "danger_now"
    driver.say("no")
    # As the Rasa actions do when the form is not running (or the words were taken for the pack).
    assert driver.service.record_meeting(driver.sender, driver.channel, "hello") is None
    started = driver.service.record_meeting(driver.sender, driver.channel, "record a meeting")
    assert started is not None and started.saved
    assert driver.current_slot() == "meeting_kind"

    family = Driver(driver.service, "person-3")
    with SqlUnitOfWork(database_url) as uow:
        case_id = uow.plans.get(reference).id
    driver.service.bind(family.sender, family.channel, case_id, Role.FAMILY)
    family.start()
    family.say("no")
    family.say("yes")
    assert family.service.record_meeting(family.sender, family.channel, "record a meeting") is None
    assert "Which kind of meeting" not in family.say("record a meeting")


def test_a_worker_who_joined_a_case_asks_for_a_document_before_saying_answers_may_be_kept(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    with SqlUnitOfWork(database_url) as uow:
        case_id = uow.plans.get(reference).id
    driver.service.bind(driver.sender, driver.channel, case_id, Role.WORKER)
    driver.start()
    driver.say("no")  # nobody in danger now; next: may the answers be kept?
    reply = driver.service.links(driver.sender, driver.channel, meeting_pack=True)
    text = " ".join(m.text for m in reply.messages)
    # The case exists: not "there's no plan yet", and nothing shown before consent.
    assert "First, please answer whether I can keep your answers" in text
    assert "http" not in text


@pytest.mark.parametrize(
    "said",
    [
        # A worker's own words, from a persona session through REST (issue 15).
        "Want to record todays core group for Leo and Mia",
        "hello. record core group meeting",
        "start core group review",
        "how do I record today's core group meeting?",
        "I need to record a meeting that took place today",
        "we had the core group today, I want to record it",
        "i want to put in the scores from the CG",
        "we had the ICPC yesterday",
    ],
)
def test_the_ways_workers_ask_to_record_a_meeting_are_requests(said: str) -> None:
    assert meeting_answers.is_request(said)


@pytest.mark.parametrize(
    "said",
    [
        "Dean to record a meeting with school",
        "core group",
        "Core group review",
        "Mum to attend the core group meeting",
        "review the plan at the core group every month",
        "record his attendance at school every day",
    ],
)
def test_answers_that_name_a_meeting_stay_answers(said: str) -> None:
    assert not meeting_answers.is_request(said)


def test_a_worker_joining_a_case_with_a_plan_is_told_how_to_record_a_meeting(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    with SqlUnitOfWork(database_url) as uow:
        case_id = uow.plans.get(reference).id
    driver.service.bind(driver.sender, driver.channel, case_id, Role.WORKER)
    driver.start()
    driver.say("no")
    assert "To record a meeting, say 'record a meeting'" in driver.say("yes")
    driver.say("Sam Patel, social worker")
    # Coming back later: the welcome offers it as a button.
    assert "Hello again." in driver.start()
    assert "Welcome back" in driver.say("no")  # nobody in danger now
    assert _titles(driver) == ["Carry on", "Record a meeting", "Show me the plan", "Start again"]
    started = driver.say("/choose" + '{"choice": "record_meeting"}')
    assert "Which kind of meeting was it?" in started


def test_everyone_in_one_line_with_roles_and_the_chair(
    driver: Driver, database_url: str
) -> None:
    """A persona's line: each person with their role, "me" is the worker, one unknown."""
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    driver.say("we had a core group today")
    said = driver.say(
        "me (Sam Patel, SW, chaired), Sarah mum, Dan came late for 2nd half, Mr Jones from school"
    )
    assert (
        "Saved: Sam Patel (SW), chair; Sarah (mum); Dan (came late for 2nd half) were there."
    ) in said
    assert "'Mr Jones from school'. Please add each one on its own" in said
    driver.say("Mr Jones, Leo's teacher")
    # The chair was named in the line: not asked again.
    first = driver.say("that's everyone")
    assert "How safe is Leo from Dan's drinking" in first
    assert "What score did Sam Patel give" in first
    assert "Why did Sam Patel give 6?" in driver.say("6")
    second = driver.say("he didn't say")
    assert "Saved: no reason given." in second
    # The scaling question was shown with the first score; the next person is just asked.
    assert "What score did Sarah give" in second and "How safe is Leo" not in second
    meeting = _plan(database_url, reference).meetings[-1]
    assert [(a.name, a.role, a.chaired) for a in meeting.attendees] == [
        ("Sam Patel", "SW", True),
        ("Sarah", "mum", False),
        ("Dan", "came late for 2nd half", False),
        ("Mr Jones", "Leo's teacher", False),
    ]
    plan = _plan(database_url, reference)
    [score] = [s for s in plan.pairs[0].scores if s.meeting is plan.meetings[-1]]
    assert (score.person_name, score.value, score.reason) == ("Sam Patel", 6, None)
