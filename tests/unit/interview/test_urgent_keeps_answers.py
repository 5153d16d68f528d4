"""The urgent path never loses what was typed, and plan answers are not taken for emergencies.

Driven through ConversationService as Rasa would (tests/support/interview_driver.py),
with the real decision (rules, meaning model, question context) and a real
SQLite database. The calm examples are the false alarms reported in issue 11,
typed at the questions they answer.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.plan.model import RuleKind
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver
from tests.support.walk import FAMILY


def _to(driver: Driver, slot: str) -> None:
    used: Counter[str] = Counter()
    driver.start()
    for _ in range(80):
        current = driver.current_slot()
        if current == slot:
            return
        assert current is not None, f"the interview ended before {slot}"
        options = FAMILY[current]
        driver.say(options[min(used[current], len(options) - 1)])
        used[current] += 1
    raise AssertionError(f"{slot} not reached")


def _rules(database_url: str, kind: RuleKind) -> list[str]:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        return [r.text for pair in plan.pairs for r in pair.rules_of(kind)]


@pytest.mark.parametrize(
    ("slot", "kind", "answer"),
    [
        ("rule_red_flags", RuleKind.RED_FLAG, "Mia saying she is hiding under the bed again"),
        ("rule_who_does_what", RuleKind.WHO_DOES_WHAT, "Nan comes to take the children"),
        (
            "rule_who_does_what",
            RuleKind.WHO_DOES_WHAT,
            "Mum rings Nan on 07700 900123 and Nan comes to take the children",
        ),
    ],
)
def test_plan_answers_that_describe_danger_are_saved_not_alarmed(
    driver: Driver, database_url: str, slot: str, kind: RuleKind, answer: str
) -> None:
    _to(driver, slot)
    reply = driver.say(answer)
    assert "999" not in reply
    # Already saved, even if the bot checks first ("she is hiding" can be now): whole,
    # or cut where each part names who does it ("Mum rings Nan ..." / "Nan comes ...").
    assert _saved_once(_rules(database_url, kind), answer)
    if driver.current_slot() == "check_danger":
        driver.say("/deny")
    assert driver.current_slot() not in ("check_danger", "safe_to_continue", slot)
    assert _saved_once(_rules(database_url, kind), answer)


def _saved_once(rules: list[str], answer: str) -> bool:
    if rules.count(answer) == 1:
        return True
    joined = " and ".join(rules)
    return answer not in rules and joined.count(answer) == 1


def test_nobody_in_danger_at_the_opening_question_is_a_no(driver: Driver) -> None:
    driver.start()
    reply = driver.say("nobody is in danger now, it was years ago")
    assert "999" not in reply
    assert driver.current_slot() == "user_role"


def test_an_emergency_typed_as_an_answer_is_kept_and_the_interview_carries_on_after(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "rule_red_flags")
    emergency = "hes here now kicking the door in and the kids are screaming"
    reply = driver.say(emergency)
    assert "999" in reply
    assert driver.current_slot() == "safe_to_continue"
    # Saved before the alarm: it is in the database while they are getting help.
    assert emergency in _rules(database_url, RuleKind.RED_FLAG)
    after = driver.say("yes I'm safe")
    assert "kept what you wrote" in after
    # The next question, not the same one again.
    assert driver.current_slot() == "rule_who_does_what"


def test_when_the_check_is_asked_the_answer_is_already_saved(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "rule_triggers")
    answer = "when he has been on the phone to his brother he gets wound up"
    # What the Rasa server's MessageGuard hands over when it is not sure.
    reply = driver.service.answer(driver.sender, driver.channel, answer, "inform", None, "check")
    assert reply.saved
    assert driver.current_slot() == "check_danger"
    assert answer in _rules(database_url, RuleKind.TRIGGER)
    after = driver.say("/deny")
    assert "kept your answer" in after
    assert driver.current_slot() == "rule_red_flags"
    assert _rules(database_url, RuleKind.TRIGGER).count(answer) == 1


def test_saying_yes_to_the_check_keeps_the_answer_and_shows_999(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "rule_triggers")
    answer = "he is back and shouting at the door"
    driver.service.answer(driver.sender, driver.channel, answer, "inform", None, "check")
    reply = driver.service.urgent(driver.sender, driver.channel, "(pressed)", typed=False)
    assert reply.saved
    assert driver.current_slot() == "safe_to_continue"
    after = driver.say("yes I'm safe now")
    assert "kept what you wrote" in after
    assert answer in _rules(database_url, RuleKind.TRIGGER)


def test_a_bare_help_asks_whether_it_is_the_question_or_danger(driver: Driver) -> None:
    _to(driver, "rule_red_flags")
    driver.service.possible_danger(driver.sender, driver.channel, "HELP")
    asked = driver.service.ask(driver.sender, driver.channel).messages[-1]
    assert "help with this question, or is someone in danger right now" in asked.text
    assert [b.payload for b in asked.buttons] == ["/urgent_danger", "/help"]
    helped = driver.say("help")
    assert "warning sign" in helped.lower()
    assert driver.current_slot() == "rule_red_flags"


def test_choosing_danger_after_a_bare_help_gives_999(driver: Driver) -> None:
    _to(driver, "rule_red_flags")
    driver.service.possible_danger(driver.sender, driver.channel, "help")
    reply = driver.service.urgent(driver.sender, driver.channel, "(pressed)", typed=False)
    assert reply.saved
    assert driver.current_slot() == "safe_to_continue"


def test_a_worker_marks_a_flag_reviewed_in_the_chat(driver: Driver, database_url: str) -> None:
    driver.start()
    driver.say("no")
    driver.say('/choose{"choice": "worker"}')
    driver.say("yes")
    driver.say("Sam Patel, social worker")
    assert "999" in driver.say("he has just come back and is punching her in the kitchen")
    driver.say("yes I'm safe")
    driver.say("review")
    driver.say('/choose{"choice": "change"}')
    menu = [b.title for b in driver.last_buttons]
    assert "Danger-now flags (1 to review)" in menu
    driver.say('/choose{"choice": "flags"}')
    assert driver.last_buttons[0].payload == '/choose{"choice": "review_flag:0"}'
    reply = driver.say('/choose{"choice": "review_flag:0"}')
    assert "Marked as reviewed, not urgent, by Sam Patel" in reply
    with SqlUnitOfWork(database_url) as uow:
        flag = uow.conversations.get("person-1").plan.urgent_flags[0]
        assert flag.reviewed_by == "Sam Patel" and flag.reviewed_at is not None


def test_a_family_member_is_not_offered_flags_to_review(driver: Driver) -> None:
    _to(driver, "strengths")
    driver.say("he has just come back and is punching her in the kitchen")
    driver.say("yes I'm safe")
    driver.say("review")
    driver.say('/choose{"choice": "change"}')
    assert not any("flag" in b.title.lower() for b in driver.last_buttons)


def test_not_knowing_whether_anyone_is_in_danger_is_flagged_on_its_own_channel(
    database_url: str,
) -> None:
    from tests.support.interview_driver import service_for

    teams = Driver(service_for(database_url), "person-teams", channel="teams")
    teams.start()
    assert "999" in teams.say("i don't know")
    with SqlUnitOfWork(database_url) as uow:
        flags = uow.conversations.get("person-teams").urgent_flags
        assert [f.channel for f in flags] == ["teams"]


def test_not_sure_at_the_danger_check_is_flagged_on_its_own_channel(database_url: str) -> None:
    """The other way to "not sure": a worrying plan answer from Teams, then "I don't know"."""
    from tests.support.interview_driver import service_for

    teams = Driver(service_for(database_url), "person-teams-check", channel="teams")
    _to(teams, "rule_triggers")
    answer = "when he has been on the phone to his brother he gets wound up"
    teams.service.answer(teams.sender, teams.channel, answer, "inform", None, "check")
    assert teams.current_slot() == "check_danger"
    assert "999" in teams.say("i don't know")
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get("person-teams-check")
        assert [f.channel for f in conversation.urgent_flags] == ["teams"]
        plan = conversation.plan
        # The answer was saved before the check, from Teams too.
        assert answer in [r.text for pair in plan.pairs for r in pair.rules_of(RuleKind.TRIGGER)]


def _people(database_url: str) -> list[str]:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        return [p.name for p in plan.people]


def test_words_the_alarm_went_off_on_are_offered_back_after_im_safe(
    driver: Driver, database_url: str
) -> None:
    # The supporters question turns words into people, so an alarm there cannot
    # keep the words as the answer first; they are offered back, not dropped.
    _to(driver, "supporters")
    typed = "hes banging on the door now, my sister Kelly is on her way"
    reply = driver.say(typed)
    assert "999" in reply
    assert driver.current_slot() == "safe_to_continue"
    after = driver.say("I'm safe now")
    assert "999" not in after
    assert typed in after
    assert "keep that as your answer" in after
    assert driver.current_slot() == "supporters"
    kept = driver.say("/affirm")
    assert "Kelly" in " ".join(_people(database_url))
    assert "Kelly" in kept


def test_saying_no_to_the_offer_asks_the_question_again_and_keeps_nothing(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "supporters")
    driver.say("hes banging on the door now, my sister Kelly is on her way")
    driver.say("I'm safe now")
    again = driver.say("no")
    assert driver.current_slot() == "supporters"
    assert "Who helps" in again
    assert "Kelly" not in " ".join(_people(database_url))
    driver.say("Nan, my mum")
    assert "Nan" in " ".join(_people(database_url))


def test_two_peoples_parts_in_one_answer_are_two_rules_shown_back(
    driver: Driver, database_url: str
) -> None:
    # Issue 14: a mum's answer naming what two people will do became one rule with
    # nobody's name and the whole sentence as the action.
    _to(driver, "rule_who_does_what")
    reply = driver.say(
        "Magda come and take children to her house, her number 07700 900671. "
        "Dean goes to his brother Gary's"
    )
    assert "Magda: come and take children to her house (07700 900671)" in reply
    assert "Dean: goes to his brother Gary's" in reply
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        rules = [r for p in plan.pairs for r in p.rules_of(RuleKind.WHO_DOES_WHAT)]
    assert [(r.person_name, r.contact) for r in rules] == [
        ("Magda", "07700 900671"),
        ("Dean", None),
    ]


def test_me_as_who_does_a_step_is_the_person_typing_by_name(
    driver: Driver, database_url: str
) -> None:
    # "me" printed in a plan the whole network reads means whoever reads it.
    _to(driver, "step_who")
    reply = driver.say("me")
    assert "Sarah (you) will do step 1" in reply
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
    assert plan.steps[0].who == "Sarah"


def test_i_in_who_does_what_is_the_person_typing_by_name(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "rule_who_does_what")
    driver.say("I will ring Nan and take the kids to hers")
    rules = [r for r in _plan_rules(database_url) if r.kind is RuleKind.WHO_DOES_WHAT]
    assert [(r.person_name, r.action) for r in rules] == [
        ("Sarah", "ring Nan and take the kids to hers")
    ]


def _plan_rules(database_url: str) -> list:  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        return [r for pair in plan.pairs for r in pair.rules]


def test_the_read_back_of_several_parts_never_says_999(
    driver: Driver, database_url: str
) -> None:
    # The assistant says "999" only on the urgent path; the saved words keep it.
    _to(driver, "rule_who_does_what")
    typed = "Mum will not open the door and will call 999. Carol will collect the children."
    reply = driver.say(typed)
    assert "999" not in reply and "the emergency number" in reply
    assert any("999" in r.text for r in _plan_rules(database_url))


def _people_records(database_url: str) -> dict[str, str | None]:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
        return {p.name: p.contact for p in plan.people}


def test_a_number_in_who_does_what_goes_on_that_persons_record_and_is_said(
    driver: Driver, database_url: str
) -> None:
    # Issue 14: "Nan will take the kids, 07700 900123" left Nan's record with no
    # number, so the network list and sign-off had no way to reach her.
    _to(driver, "rule_who_does_what")
    assert _people_records(database_url)["Nan"] is None
    reply = driver.say("Nan will take the kids to hers, her number is 07700 900123")
    assert "I've added 07700 900123 as Nan's number" in reply
    assert _people_records(database_url)["Nan"] == "07700 900123"


def test_words_in_front_of_a_network_name_put_the_rule_under_that_person(
    driver: Driver, database_url: str
) -> None:
    # A worker's "MGM Brenda" became a new person "Mgm Brenda" holding Brenda's action.
    _to(driver, "rule_who_does_what")
    typed = "SW Sam will visit the same day, 0121 496 0000"
    reply = driver.say(typed)
    rules = [r for r in _plan_rules(database_url) if r.kind is RuleKind.WHO_DOES_WHAT]
    # Under the network's Sam Patel; the words as typed are kept.
    assert [(r.person_name, r.text) for r in rules] == [("Sam Patel", typed)]
    assert "as Sam Patel (social worker)" in reply
    assert _people_records(database_url)["Sam Patel"] == "0121 496 0000"
    # Nobody new is offered: "SW Sam" is Sam Patel.
    assert driver.current_slot() != "add_person"


def test_someone_new_in_who_does_what_is_added_with_their_number(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "rule_who_does_what")
    driver.say("Priya will have the kids at hers, 07700 900125")
    assert driver.current_slot() == "add_person"
    reply = driver.say("yes")
    assert "Added Priya (07700 900125)" in reply
    assert _people_records(database_url)["Priya"] == "07700 900125"


def test_a_number_given_for_someone_the_doer_will_ring_goes_on_their_record(
    driver: Driver, database_url: str
) -> None:
    # "I'll ring Nan, she's on ...": Nan's number, not the typist's.
    _to(driver, "rule_who_does_what")
    reply = driver.say("I'll ring Nan, she's on 07700 900126, and she'll come for the kids")
    rules = [r for r in _plan_rules(database_url) if r.kind is RuleKind.WHO_DOES_WHAT]
    assert [(r.person_name, r.contact) for r in rules] == [("Sarah", None)]
    assert "I've added 07700 900126 as Nan's number" in reply
    assert _people_records(database_url)["Nan"] == "07700 900126"


def test_leaving_when_danger_was_heard_gives_the_numbers_and_flags_it(
    driver: Driver, database_url: str
) -> None:
    _to(driver, "harm")
    reply = driver._turn(
        driver.service.stop(driver.sender, driver.channel, "i need to stop, the kids are back"),
        ask=True,
    )
    assert "If anyone is in danger now, call 999." in reply
    assert "Your answers are saved" in reply
    # Coming back, they are asked first whether anyone is in danger now.
    assert driver.current_slot() == "danger_now"
    with SqlUnitOfWork(database_url) as uow:
        flags = uow.conversations.get("person-1").plan.urgent_flags
        assert [f.message for f in flags] == ["i need to stop, the kids are back"]


def test_an_ordinary_stop_says_nothing_of_999(driver: Driver, database_url: str) -> None:
    _to(driver, "harm")
    reply = driver.say("stop")
    assert "999" not in reply and "Your answers are saved" in reply
    with SqlUnitOfWork(database_url) as uow:
        assert uow.conversations.get("person-1").plan.urgent_flags == []


def _contacts(database_url: str) -> dict[str, str | None]:
    with SqlUnitOfWork(database_url) as uow:
        return {p.name: p.contact for p in uow.conversations.get("person-1").plan.people}


@pytest.mark.parametrize(
    ("answer", "owner"),
    [
        # A persona's own words: her mum's number was printed as hers.
        ("i take the kids to my mums, nan 07700 900481", "Nan"),
        ("i go to my sisters 07700 900482", None),
    ],
)
def test_a_number_in_what_i_will_do_is_never_put_on_my_record(
    driver: Driver, database_url: str, answer: str, owner: str | None
) -> None:
    _to(driver, "rule_who_does_what")
    number = answer[-12:]
    reply = driver.say(answer)
    contacts = _contacts(database_url)
    assert contacts.get("Sarah") != number, reply
    assert "as Sarah's number" not in reply
    if owner is not None:
        assert contacts[owner] == number
    else:
        # Kept in the words, so nothing typed is lost.
        rules = _rules(database_url, RuleKind.WHO_DOES_WHAT)
        assert any(number in r for r in rules)
