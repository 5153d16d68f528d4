"""What people can say at any question: go back, I don't know, review, start again, stop..."""

from __future__ import annotations

import time

import pytest

from bot import services
from bot.plan.model import ColumnKind
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver


def _plan(database_url: str, sender: str = "person-1"):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        return conversation.plan if conversation else None


def _to_children(driver: Driver) -> None:
    driver.start()
    driver.say("no")
    driver.say('/choose{"choice": "family"}')
    driver.say("yes")
    driver.say("Sarah, their mum")


STATEMENT = (
    "Sam is worried that Dad shouts at Leo every night and that if nothing changes Leo "
    "could be frightened at home."
)


def _worker_to_first_worry(driver: Driver) -> None:
    """A worker, through the family and the three columns, at danger statement 1."""
    driver.start()
    driver.say("no")
    driver.say('/choose{"choice": "worker"}')
    driver.say("yes")
    driver.say("Sam Patel, social worker")
    for answer in ("Leo 7", "/deny", "/deny", "x", "no", "x", "x", "x"):
        driver.say(answer)


def _worker_with_one_worry(driver: Driver) -> None:
    _worker_to_first_worry(driver)
    driver.say(STATEMENT)
    driver.say('/choose{"choice": "accept"}')


def test_nothing_is_kept_without_consent(
    driver: Driver, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "FORGET_AFTER_SECONDS", 0.2)
    driver.start()
    driver.say("no")
    driver.say('/choose{"choice": "family"}')
    reply = driver.say("no")
    assert "I won't keep anything" in reply and "deleted" in reply
    assert _plan(database_url) is None
    # The chat itself goes too, once the turn is stored.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with SqlUnitOfWork(database_url) as uow:
            if uow.conversations.get("person-1") is None:
                break
        time.sleep(0.2)
    with SqlUnitOfWork(database_url) as uow:
        assert uow.conversations.get("person-1") is None


def test_a_yes_to_danger_now_goes_to_the_urgent_path(driver: Driver, database_url: str) -> None:
    driver.start()
    reply = driver.say("yes")
    assert reply.startswith("If anyone is in danger now, call 999.")
    assert "0808 800 5000" in reply and "0800 1111" in reply
    assert "Are you safe to carry on" in reply
    assert "Which of these is you?" in driver.say("yes I'm safe now")


def test_not_knowing_whether_anyone_is_in_danger_is_treated_as_urgent(driver: Driver) -> None:
    driver.start()
    assert "call 999" in driver.say("i don't know")


def test_urgent_message_pauses_and_resumes_at_the_same_question(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    driver.say("Leo 7")
    reply = driver.say("he's got a knife and he's coming for us")
    assert reply.startswith("If anyone is in danger now, call 999.")
    not_yet = driver.say("not now")
    assert "When you are safe and ready" in not_yet
    assert "999" not in not_yet
    resumed = driver.say("yes i'm safe")
    assert "Who helps and supports your family?" in resumed
    plan = _plan(database_url)
    assert [c.first_name for c in plan.children] == ["Leo"]
    assert plan.urgent_flags[0].message == "he's got a knife and he's coming for us"


def test_describing_past_harm_is_not_an_emergency(driver: Driver) -> None:
    _to_children(driver)
    for answer in ("Leo 7", "/deny", "/deny", "good mum", "no"):
        driver.say(answer)
    reply = driver.say("Dad hit me when he was drunk last year and the police came twice in March")
    assert "999" not in reply
    assert "What makes things harder" in reply


def test_going_back_keeps_the_old_answer_until_it_is_replaced(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    driver.say("Leo 7 and Mia 4")
    back = driver.say("go back")
    assert 'Before, you said: "Leo 7 and Mia 4"' in back
    assert [c.first_name for c in _plan(database_url).children] == ["Leo", "Mia"]
    assert "kept your answer" in driver.say("keep it")
    driver.say("go back")
    driver.say("Leo 7, Mia 4 and Sam 1")
    assert [c.first_name for c in _plan(database_url).children] == ["Leo", "Mia", "Sam"]
    assert driver.current_slot() == "supporters"


def test_help_and_example_depend_on_the_question_and_the_role(driver: Driver) -> None:
    _to_children(driver)
    family_help = driver.say("help")
    assert "First names are enough" in family_help
    assert "What are the children's first names?" in family_help
    assert "Leo 7 and Mia 4" in driver.say("example")
    assert driver.current_slot() == "children"


def test_empty_and_overlong_answers_get_a_kind_message_and_lose_nothing(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    driver.say("Leo 7")
    assert "didn't get an answer" in driver.say("   \u200b  ")
    too_long = driver.say("x" * 6000)
    assert "longer than I can take" in too_long and "Nothing you saved before is lost" in too_long
    assert [c.first_name for c in _plan(database_url).children] == ["Leo"]
    assert driver.current_slot() == "supporters"


def test_review_lets_a_person_change_an_answer_and_comes_back(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    driver.say("Leo 7")
    driver.say("/deny")
    driver.say("/deny")
    driver.say("we laugh a lot")
    summary = driver.say("review")
    assert "Here is the plan so far." in summary and "we laugh a lot" in summary
    assert "Which part would you like to change?" in driver.say('/choose{"choice": "change"}')
    driver.say('/choose{"choice": "columns"}')
    assert "What are the good things" in driver.say('/choose{"choice": "edit:strengths"}')
    back = driver.say("we go to the park every Sunday")
    assert "Is everything right?" in back
    assert [e.text for e in _plan(database_url).entries_of(ColumnKind.STRENGTH)] == [
        "we go to the park every Sunday"
    ]


def test_starting_again_needs_a_yes_and_clears_the_answers(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    driver.say("Leo 7")
    assert "Start again from the beginning?" in driver.say("start again")
    assert "kept your answers" in driver.say("no")
    assert [c.first_name for c in _plan(database_url).children] == ["Leo"]
    driver.say("start again")
    assert "starting again" in driver.say("yes")
    assert _plan(database_url).children == []
    assert driver.current_slot() == "children"


def test_stop_saves_and_a_hello_offers_to_carry_on(driver: Driver, database_url: str) -> None:
    _to_children(driver)
    driver.say("Leo 7")
    assert "Your answers are saved" in driver.say("stop")
    welcome = driver.start()
    assert "Hello again." in welcome
    driver.say("no")
    resume = driver.transcript[-1]
    assert "Done so far" in resume or "Still to do" in resume
    assert "Who helps and supports your family?" in driver.say('/choose{"choice": "carry_on"}')


def test_a_fourth_worry_gets_a_gentle_note(driver: Driver) -> None:
    _worker_to_first_worry(driver)
    for _number in range(3):
        driver.say(STATEMENT)
        driver.say('/choose{"choice": "accept"}')
        while driver.current_slot() != "more_pairs":
            driver.say("i don't know")
        reply = driver.say("yes")
    assert "three worries or fewer" in reply


def test_a_short_answer_that_looks_like_a_request_is_kept_as_the_answer(
    driver: Driver, database_url: str
) -> None:
    _worker_with_one_worry(driver)
    while driver.current_slot() != "more_pairs":
        driver.say("i don't know")
    driver.say("no")
    assert driver.current_slot() == "step_what"
    service = driver.service
    # The model may hear "Family meeting" as a request for the meeting pack.
    answered = service.answer_instead("person-1", "rest", "Family meeting", "meeting_pack")
    assert answered is not None and answered.slot == "step_who"
    assert (
        service.answer_instead("person-1", "rest", "the meeting pack please", "meeting_pack")
        is None
    )
    assert [s.what for s in _plan(database_url).steps] == ["Family meeting"]
    driver.say("Jo")
    driver.say("1 March 2027")
    driver.say("yes")
    assert driver.current_slot() == "step_what"
    # Saying "review the plan" with a meeting or a time in it is a step, not a request.
    assert service.answer_instead("person-1", "rest", "can I see the plan so far", "review") is None
    step = "Review the plan at the core group meeting every month"
    assert service.answer_instead("person-1", "rest", step, "review") is not None
    assert _plan(database_url).steps[-1].what == step


def test_when_only_the_model_hears_danger_the_person_is_asked_and_nothing_is_lost(
    driver: Driver, database_url: str
) -> None:
    _to_children(driver)
    service = driver.service
    reply = service.possible_danger("person-1", "rest", "Leo 7 and Mia 4")
    assert reply.slot == "check_danger"
    asked = driver.say("help")
    assert "Is someone in danger right now?" in asked and "999" not in asked
    after = driver.say("no")
    assert "Thank you for checking with me." in after
    assert "I've saved: Leo (7) and Mia (4)." in after
    assert "999" not in after
    assert driver.current_slot() == "supporters"

    service.possible_danger("person-1", "rest", "he is outside the door")
    urgent = driver.say("yes")
    assert urgent.startswith("If anyone is in danger now, call 999.")
    assert [f.message for f in _plan(database_url).urgent_flags] == ["he is outside the door"]
    assert "Who helps and supports your family?" in driver.say("I'm safe now")


def test_the_review_can_remove_a_single_plan_rule(driver: Driver, database_url: str) -> None:
    _worker_with_one_worry(driver)
    while driver.current_slot() != "rule_triggers":
        driver.say("i don't know")
    driver.say("payday; football nights")
    driver.say("review")
    driver.say('/choose{"choice": "change"}')
    uid = _plan(database_url).pairs[0].uid
    driver.say(f'/choose{{"choice": "pair:{uid}"}}')
    assert "Remove a plan rule" in [b.title for b in driver.last_buttons]
    menu = driver.say(f'/choose{{"choice": "section:rules:{uid}"}}')
    assert "Remove: payday" in [b.title for b in driver.last_buttons], menu
    assert "Removed the rule: payday" in driver.say(f'/choose{{"choice": "remove_rule:{uid}:0"}}')
    assert [r.text for r in _plan(database_url).pairs[0].rules] == ["football nights"]


def test_skipped_answers_leave_no_blanks_in_later_questions(driver: Driver) -> None:
    _worker_to_first_worry(driver)
    asked = []
    while driver.current_slot() != "more_pairs":
        asked.append(driver.say("i don't know"))
    text = "\n".join(asked)
    assert '""' not in text and "choose ?" not in text and "makes it  and" not in text
    assert "Danger statement 1:" not in text  # nothing to check when every part was skipped


def test_help_after_stopping_says_how_to_come_back_until_they_do(driver: Driver) -> None:
    _to_children(driver)
    service, sender = driver.service, driver.sender
    assert "answers are saved" in "\n".join(m.text for m in service.stop(sender, "rest").messages)
    after_stop = "\n".join(m.text for m in service.help(sender, "rest").messages)
    assert "stopped for now" in after_stop and "Say hello" in after_stop
    assert "stopped for now" in "\n".join(m.text for m in service.example(sender, "rest").messages)
    # Speaking again (any answer outside the form) puts the interview back on.
    service.carry_on(sender, "rest")
    back = "\n".join(m.text for m in service.help(sender, "rest").messages)
    assert "stopped" not in back and back.strip()
