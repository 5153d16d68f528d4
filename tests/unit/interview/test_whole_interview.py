"""A whole interview, as a family member and as a worker, ends with every answer in the plan."""

from __future__ import annotations

import datetime as dt

from bot.plan.model import ColumnKind, MeetingType, Role, RuleKind
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver


def _plan(database_url: str, sender: str = "person-1"):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        return conversation, conversation.plan


def _family_start(driver: Driver) -> None:
    assert "is anyone in danger right now?" in driver.start().lower()
    assert "Which of these is you?" in driver.say("no")
    assert "keep your answers" in driver.say('/choose{"choice": "family"}')
    assert "first name" in driver.say("yes that's fine")
    assert "Thank you, Sarah." in driver.say("Sarah, I'm their mum")


def test_a_family_member_writes_a_two_worry_plan(driver: Driver, database_url: str) -> None:
    _family_start(driver)
    assert "I've saved: Leo (7) and Mia (4)." in driver.say("leo 7 and mia 4")
    assert "Added Jan" in driver.say("Jan, my mum")
    assert "Which workers are involved" in driver.say("no that's everyone")
    assert "Added Sam Patel" in driver.say("Sam Patel, social worker")
    assert "What are the good things" in driver.say("/deny")
    driver.say("I get the kids to school every day and we read at night")
    assert "Did it help at the time the worry was going on?" in driver.say(
        "When he's been drinking I take the kids to my sister Kelly's"
    )
    assert "How long" in driver.say("yes")
    driver.say("since the summer")
    driver.say("He pushed me into the wall in March and Leo saw it")
    # "I don't know" leaves a question open, to show as still to do.
    assert "something to come back to" in driver.say("i don't know")
    assert "who is worried?" in driver.say("Dad needs help with his drinking")

    # Worry 1, built from its parts, read back and accepted.
    driver.say("Sam and the school")
    driver.say("When Dad drinks he shouts and pushes me")
    check = driver.say("Leo and Mia could get hurt and be scared at home")
    assert (
        '"Sam and the school are worried that when Dad drinks he shouts and pushes me, and that '
        'if nothing changes Leo and Mia could get hurt and be scared at home."'
    ) in check
    assert "wrong" not in check.lower()
    assert "Worry 1 is saved" in driver.say('/choose{"choice": "accept"}')
    driver.say("Dad is sober when he looks after the kids and we sort out arguments calmly")
    offer = driver.say("Nan, Kelly and Sam")
    assert "Nan and Kelly aren't on your list of people who help yet" in offer
    assert "Added Nan and Kelly" in driver.say("yes")
    goal = driver.say("six months including Christmas")
    assert "and this has been happening for six months including Christmas" in goal
    scale = driver.say("yes that's right")
    assert "On a scale of 0 to 10" in scale and "What number would you give" in scale
    # A number that is not on the scale is refused kindly; nothing is saved.
    refused = driver.say("11")
    assert "10" in refused and "saved" not in refused.lower()
    assert "What would 6 look like?" in driver.say("about a 5 because he's trying")
    driver.say("he'd go to the alcohol service every week")
    driver.say("Dad is sober at pick up")
    driver.say("payday; football on the telly")
    driver.say("cans in the recycling")
    driver.say("Nan will take the kids to hers, 07700 900123")
    assert "another worry" in driver.transcript[-1]

    # Worry 2.
    driver.say("yes")
    driver.say("Me and the health visitor")
    driver.say("when I'm low I stay in bed and the kids get themselves to school")
    driver.say("Leo could miss school and Mia could be hungry")
    driver.say('/choose{"choice": "accept"}')
    driver.say("I get up and take them to school every day")
    driver.say("Jan")
    driver.say("for three months")
    driver.say('/choose{"choice": "accept"}')
    driver.say("six")
    driver.say("I've been up every day this week")
    driver.say("going a whole month")
    driver.say("kids at school on time")
    driver.say("when money is tight")
    driver.say("Leo being late")
    driver.say("Jan will come round in the morning")
    assert "Now the steps" in driver.say("no")

    driver.say("Dad to start at the alcohol service")
    driver.say("Dad")
    assert "Saved: by 10 December 2026." in driver.say("in two weeks")
    driver.say("yes")
    driver.say("Family meeting with Jan and Kelly")
    driver.say("Sam")
    past = driver.say("01/01/2020")
    assert "already passed" in past
    assert "Saved: by 12 January 2027." in driver.say("12/01/2027")
    assert "when could children's services stop being involved?" in driver.say("no")
    review = driver.say("in nine months")
    assert "Here is the plan so far." in review and "Is everything right?" in review
    assert "Still to do: What makes things harder" in review
    done = driver.say("yes")
    assert "draft plan is ready" in done.lower()

    conversation, plan = _plan(database_url)
    assert conversation.role is Role.FAMILY and conversation.user_name == "Sarah"
    assert [(c.first_name, c.age) for c in plan.children] == [("Leo", 7), ("Mia", 4)]
    assert [p.name for p in plan.people] == ["Sarah", "Jan", "Sam Patel", "Nan", "Kelly"]
    assert plan.entries_of(ColumnKind.EXISTING_SAFETY)[0].how_long == "since the summer"
    assert [e.text for e in plan.entries_of(ColumnKind.STRENGTH)] == [
        "I get the kids to school every day and we read at night"
    ]
    assert [q.key for q in plan.open_questions] == ["complicating"]
    first, second = plan.pairs
    assert first.danger_confirmed and first.goal_confirmed and second.goal_confirmed
    assert first.scores[0].value == 5 and first.scores[0].reason == "he's trying"
    assert first.scores[0].one_point_higher == "he'd go to the alcohol service every week"
    assert (
        second.scores[0].value == 6
        and second.scores[0].reason == "I've been up every day this week"
    )
    assert [r.text for r in first.rules_of(RuleKind.TRIGGER)] == ["payday", "football on the telly"]
    who = first.rules_of(RuleKind.WHO_DOES_WHAT)[0]
    assert who.person_name == "Nan" and who.contact == "07700 900123"
    assert [(s.what, s.who, s.due) for s in plan.steps] == [
        ("Dad to start at the alcohol service", "Dad", dt.date(2026, 12, 10)),
        ("Family meeting with Jan and Kelly", "Sam", dt.date(2027, 1, 12)),
    ]
    assert plan.target_closure_date == dt.date(2027, 8, 26)
    actors = {r.actor for r in plan.revisions[1:]}
    assert actors == {"Sarah (mum)"}


def test_a_worker_pastes_a_statement_and_records_meeting_scores(
    driver: Driver, database_url: str
) -> None:
    driver.start()
    driver.say("no")
    assert "encrypted" in driver.say('/choose{"choice": "worker"}')
    driver.say("/affirm")
    driver.say("Sam Patel, social worker")
    driver.say("Amara 2")
    driver.say("Grace (maternal grandmother)")
    driver.say("/deny")
    driver.say("Dr Okoye, GP")
    driver.say("/deny")
    for answer in (
        "Mum is loving and attentive",
        "no",
        "Mia was found asleep on the sofa with Mum",
        "Mum is isolated",
        "safe sleep every night",
    ):
        driver.say(answer)
    pasted = driver.say(
        "Sam (social worker) and the health visitor are worried that Mum falls asleep on the sofa "
        "with Amara after drinking, and that if nothing changes Amara could be smothered."
    )
    assert "Saved the whole statement." in pasted
    assert "Danger statement 1:" in pasted
    assert "Quality notes: none" in pasted
    driver.say('/choose{"choice": "accept"}')
    driver.say("Mum puts Amara in her cot for every sleep")
    driver.say("Grace and the health visitor")
    notes = driver.say("for three months")
    assert "Safety goal 1:" in notes
    driver.say('/choose{"choice": "accept"}')
    driver.say("4: two safe sleeps seen")
    driver.say("cot used every night")
    assert "Add other people's scores" in driver.transcript[-1]
    driver.say("yes")
    assert "Scores will be saved for the Core group, 12 January 2027." in driver.say(
        "core group 12/01/2027"
    )
    assert "Saved: Grace, 6." in driver.say("Grace 6 because she sees the cot used")
    driver.say("Health visitor 3.5 wants to see it last")
    driver.say("/deny")
    _conversation, plan = _plan(database_url)
    pair = plan.pairs[0]
    assert pair.danger_who.startswith("Sam (social worker)")
    assert pair.danger_impact == "Amara could be smothered"
    meeting_scores = [(s.person_name, s.value, s.meeting.kind) for s in pair.scores if s.meeting]
    assert meeting_scores == [
        ("Grace", 6, MeetingType.CORE_GROUP),
        ("Health visitor", 3.5, MeetingType.CORE_GROUP),
    ]
    assert plan.meetings[0].attendee_names == ["Grace", "Health visitor"]


def test_worker_feedback_names_the_label_and_goes_when_rewritten(driver: Driver) -> None:
    driver.start()
    driver.say("no")
    driver.say('/choose{"choice": "worker"}')
    driver.say("/affirm")
    driver.say("Sam Patel, social worker")
    for answer in ("Leo 7", "/deny", "/deny", "nothing", "no", "unknown", "unknown", "unknown"):
        driver.say(answer)
    driver.say("Social care")
    driver.say("there is neglect")
    check = driver.say("Leo could suffer")
    assert "neglect" in check.lower() and "Quality notes" in check
    rewrite = driver.say('/choose{"choice": "behaviour"}')
    assert "caregiver's behaviour" in rewrite
    again = driver.say("Mum leaves Leo alone at home overnight two or three times a week")
    assert "neglect" not in again.lower()
