"""What a stressed parent typing on a phone ran into ("Kerry", a tester's walk).

Each test is one thing she said, and what she should see back.
"""

from __future__ import annotations

import pytest

from bot.plan.model import ColumnKind
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver


def _plan(database_url: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.conversations.get("person-1").plan


def _to_existing_safety(driver: Driver) -> None:
    driver.start()
    for said in (
        "no",
        '/choose{"choice": "family"}',
        "yes",
        "Kerry, their mum",
        "leo 8 and mia 3",
        "my mum Jan",
        "no thats it",
        "Sam Patel, social worker",
        "no",
        "we love each other",
    ):
        driver.say(said)
    assert "kept the children safe" in driver.transcript[-1]


def _to_another_worry(driver: Driver) -> None:
    """Through the columns and one whole worry, to "Is there another worry?"."""
    _to_existing_safety(driver)
    for said in (
        "when he drinks i take the kids to my mums",
        "yes",
        "about a year",
        "arguments at home last year",
        "money",
        "dad to stop drinking",
        "Sam and the school",
        "when dad drinks he gets loud",
        "Leo and Mia could get scared",
        '/choose{"choice": "accept"}',
        "dad sober",
        "Jan",
        "six months",
        '/choose{"choice": "accept"}',
        "5",
        "he has been better lately",
        "he goes to meetings",
        "calm",
        "payday",
        "cans",
        "Jan takes the kids, 07700 900123",
    ):
        driver.say(said)
    assert driver.transcript[-1] == "Is there another worry to write about?"


def _to_review_with_unfinished_worry(driver: Driver) -> None:
    """Worry 2 started, its goal left open with "I don't know", then steps and a date."""
    _to_another_worry(driver)
    driver.say("yes")
    for said in ("me", "he drinks", "he could miss school", '/choose{"choice": "accept"}'):
        driver.say(said)
    while driver.current_slot() != "more_pairs":
        driver.say("i don't know")
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks", "no"):
        driver.say(said)
    assert "Is everything right?" in driver.say("in nine months")


# 1. "Is there another worry?" -------------------------------------------------------


def test_a_question_back_to_another_worry_is_answered_not_taken_as_yes(
    driver: Driver, database_url: str
) -> None:
    _to_another_worry(driver)
    reply = driver.say("does leo wetting the bed count")
    assert "can be a worry of its own" in reply
    assert "Do you want to add another worry? Yes or no." in reply
    assert "worry 2" not in reply
    assert driver.last_bubbles == 1
    assert driver.current_slot() == "more_pairs"
    assert len(_plan(database_url).pairs) == 1
    assert "worry 2" in driver.say("yes")


def test_yes_and_the_worry_keeps_her_words_for_worry_2(driver: Driver) -> None:
    _to_another_worry(driver)
    reply = driver.say("yes leo wetting the bed")
    assert 'You said: "leo wetting the bed".' in reply
    assert "Now let's write worry 2" in reply


@pytest.mark.parametrize(
    "taken_back",
    ["no wait i didnt say yes", "i said no. i dont want another worry", "/deny", "go back"],
)
def test_a_new_worry_started_by_mistake_can_be_called_off(
    driver: Driver, database_url: str, taken_back: str
) -> None:
    _to_another_worry(driver)
    assert "Now let's write worry 2" in driver.say("yes")
    asked = driver.say(taken_back)
    assert "Do you want to stop, and not add worry 2?" in asked
    assert [b.title for b in driver.last_buttons] == ["Yes, no more worries", "No, carry on"]
    done = driver.say("yes")
    assert "OK, no more worries for now." in done
    assert "Now the steps" in done
    plan = _plan(database_url)
    assert len(plan.pairs) == 1
    assert taken_back not in (plan.pairs[0].danger_who or "")


def test_a_half_written_new_worry_is_removed_only_after_a_yes(
    driver: Driver, database_url: str
) -> None:
    _to_another_worry(driver)
    driver.say("yes")
    driver.say("Me and Sam")
    asked = driver.say("i said no. i dont want another worry")
    assert "Do you want to stop writing worry 2 and remove it from the plan?" in asked
    kept = driver.say("/deny")
    assert "OK, let's carry on with worry 2." in kept
    assert driver.current_slot() == "danger_behaviour"
    assert _plan(database_url).pairs[1].danger_behaviour is None

    driver.say("no wait i didnt say yes")
    done = driver.say("/affirm")
    assert "OK, I've removed worry 2." in done and "Now the steps" in done
    assert [p.danger_who for p in _plan(database_url).pairs] == ["Sam and the school"]


def test_a_whole_worry_can_be_deleted_from_the_review_after_a_yes(
    driver: Driver, database_url: str
) -> None:
    _to_review_with_unfinished_worry(driver)
    asked = driver.say("delete worry 2")
    assert "Remove worry 2 from the plan?" in asked
    assert "Here is the plan so far" not in asked
    assert "OK, I've kept it." in driver.say("no")
    assert len(_plan(database_url).pairs) == 2

    driver.say("delete worry 2")
    removed = driver.say("yes")
    assert "OK, I've removed worry 2." in removed
    assert "Worry 2" not in removed.split("OK, I've removed worry 2.")[1]
    assert len(_plan(database_url).pairs) == 1


@pytest.mark.parametrize("heard", ["restart", "review"])
def test_delete_worry_2_is_the_answer_to_the_review_whatever_the_model_heard(
    driver: Driver, database_url: str, heard: str
) -> None:
    _to_review_with_unfinished_worry(driver)
    answered = driver.service.answer_instead("person-1", "rest", "delete worry 2", heard)
    assert answered is not None
    assert (
        "Remove worry 2 from the plan?" in driver.service.ask("person-1", "rest").messages[0].text
    )


def test_the_remove_button_in_the_review_asks_first(driver: Driver, database_url: str) -> None:
    _to_review_with_unfinished_worry(driver)
    driver.say('/choose{"choice": "change"}')
    pair = _plan(database_url).pairs[1]
    driver.say(f'/choose{{"choice": "pair:{pair.uid}"}}')
    asked = driver.say(f'/choose{{"choice": "remove_pair:{pair.uid}"}}')
    assert "Remove worry 2 from the plan?" in asked
    assert len(_plan(database_url).pairs) == 2
    assert "OK, I've removed worry 2." in driver.say("/affirm")
    assert len(_plan(database_url).pairs) == 1


# 2. "Yes, it's right" with an unfinished worry ------------------------------------------


def test_yes_its_right_with_an_unfinished_worry_says_so_in_one_sentence(
    driver: Driver, database_url: str
) -> None:
    _to_review_with_unfinished_worry(driver)
    reply = driver.say("/affirm")
    assert reply == "Worry 2 is not finished yet: it needs its goal. What would you like to do?"
    assert [b.title for b in driver.last_buttons] == [
        "Finish it now",
        "Leave it unfinished",
        "Remove worry 2",
    ]
    done = driver.say('/choose{"choice": "leave"}')
    assert "I've left worry 2 unfinished" in done and "draft plan is ready" in done
    assert "Here is the plan so far" not in done


def test_finishing_an_unfinished_worry_asks_its_missing_parts(driver: Driver) -> None:
    _to_review_with_unfinished_worry(driver)
    driver.say("Yes, it's right")
    reply = driver.say('/choose{"choice": "finish"}')
    assert "OK, let's finish worry 2." in reply
    assert driver.current_slot() == "goal_happening"


def test_removing_an_unfinished_worry_from_the_offer_asks_first(
    driver: Driver, database_url: str
) -> None:
    _to_review_with_unfinished_worry(driver)
    driver.say("/affirm")
    assert "Remove worry 2 from the plan?" in driver.say('/choose{"choice": "remove"}')
    driver.say("yes")
    assert len(_plan(database_url).pairs) == 1


# 3. "yes <answer>" -----------------------------------------------------------------------


def test_yes_then_a_step_is_the_step(driver: Driver, database_url: str) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks"):
        driver.say(said)
    assert driver.transcript[-1] == "Is there another step?"
    assert "Who will do it?" in driver.say("yes leo to see the school nurse about the bed wetting")
    driver.say("school nurse")
    driver.say("by the end of march")
    assert "What's the next step?" in driver.say("yes")
    driver.say("ok Jan to have the kids on payday")
    steps = [s.what for s in _plan(database_url).steps]
    assert steps == [
        "dad to go to the alcohol service",
        "leo to see the school nurse about the bed wetting",
        "Jan to have the kids on payday",
    ]


def test_no_thats_it_ends_the_steps(driver: Driver, database_url: str) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks"):
        driver.say(said)
    assert "children's services stop being involved" in driver.say("no thats it")
    assert len(_plan(database_url).steps) == 1


def test_yes_then_a_name_adds_the_person(driver: Driver, database_url: str) -> None:
    driver.start()
    for said in ("no", '/choose{"choice": "family"}', "yes", "Kerry, their mum", "leo 8"):
        driver.say(said)
    driver.say("my mum Jan")
    assert "Added Kelly (my sister)." in driver.say("yes my sister Kelly")
    assert [p.name for p in _plan(database_url).people] == ["Kerry", "Jan", "Kelly"]


# 4. Hedged yes/no --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("yeah kind of", ColumnKind.EXISTING_SAFETY),
        ("sort of", ColumnKind.EXISTING_SAFETY),
        ("a bit", ColumnKind.EXISTING_SAFETY),
        ("not really", ColumnKind.STRENGTH),
    ],
)
def test_a_hedged_yes_or_no_answers_the_question(
    driver: Driver, database_url: str, said: str, kind: ColumnKind
) -> None:
    _to_existing_safety(driver)
    driver.say("when he drinks i take the kids to my mums")
    reply = driver.say(said)
    assert "Please say yes or no" not in reply
    entries = _plan(database_url).entries
    assert [e.kind for e in entries if e.text.startswith("when he drinks")] == [kind]


def test_an_answer_that_cannot_be_used_is_asked_again_in_one_bubble(driver: Driver) -> None:
    _to_existing_safety(driver)
    driver.say("when he drinks i take the kids to my mums")
    reply = driver.say("the kids were at school")
    assert reply == "Please say yes or no: did it help at the time the worry was going on?"
    assert driver.last_bubbles == 1
    assert [b.title for b in driver.last_buttons] == ["Yes", "No", "Help"]
    # Asked after anything else, the question comes back in full.
    driver.say("help")
    assert driver.transcript[-1].startswith("Did it help")


# 5. Acknowledgements -----------------------------------------------------------------------


def test_no_thats_everyone_is_acknowledged_plainly(driver: Driver) -> None:
    driver.start()
    for said in ("no", '/choose{"choice": "family"}', "yes", "Kerry, their mum", "leo 8"):
        driver.say(said)
    driver.say("my mum Jan")
    reply = driver.say("no thats it")
    assert reply.startswith("OK, that's everyone.")
    assert "That's OK." not in reply


@pytest.mark.parametrize("said", ["no thats every1", "no that's everyone thanks", "thats all x"])
def test_nobody_else_in_text_speak_is_nobody_else(driver: Driver, said: str) -> None:
    # A persona's "no thats every1" was asked for a name again.
    driver.start()
    for answer in ("no", '/choose{"choice": "family"}', "yes", "Kerry, their mum", "leo 8"):
        driver.say(answer)
    driver.say("my mum Jan")
    reply = driver.say(said)
    assert reply.startswith("OK, that's everyone.")
    assert "Which workers are involved" in reply


@pytest.mark.parametrize(
    "said",
    [
        "Jo Baker social worker and mrs hughes the teacher, no that's everyone",
        "jo baker social worker. thats all",
        "Jo Baker (social worker), nobody else",
    ],
)
def test_workers_named_with_thats_everyone_are_not_asked_for_more(
    driver: Driver, database_url: str, said: str
) -> None:
    # A persona named the workers and ended "no that's everyone", then was asked
    # "Any other workers?".
    driver.start()
    for answer in ("no", '/choose{"choice": "family"}', "yes", "Kerry, their mum", "leo 8"):
        driver.say(answer)
    driver.say("my mum Jan")
    driver.say("no")
    reply = driver.say(said)
    assert "Jo Baker" in reply and "That's everyone." in reply, reply
    assert "Any other workers?" not in reply
    people = [p.name for p in _plan(database_url).people]
    assert "Jo Baker" in people
    assert not any("everyone" in n.lower() or n.lower() in {"all", "nobody"} for n in people)


def test_after_checking_about_danger_there_is_one_thank_you(driver: Driver) -> None:
    driver.start()
    for said in ("no", '/choose{"choice": "family"}', "yes", "Kerry, their mum"):
        driver.say(said)
    driver.service.possible_danger("person-1", "rest", "Leo 7 and Mia 4")
    after = driver.say("no")
    assert after.count("Thank you") == 1
    assert after.startswith("Thank you for checking with me. I've saved: Leo (7) and Mia (4).")


# 6. Which "how long" ------------------------------------------------------------------------


def test_how_long_says_which_safety_it_means(driver: Driver) -> None:
    _to_existing_safety(driver)
    driver.say("when he drinks i take the kids to my mums")
    asked = driver.say("yes")
    assert 'You said: "when he drinks i take the kids to my mums".' in asked
    assert "How long have people been doing that to keep the children safe?" in asked


def _to_step_date(driver: Driver) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad"):
        driver.say(said)
    assert driver.current_slot() == "step_when"


@pytest.mark.parametrize("said", ["ASAP", "as soon as possible", "straight away"])
def test_as_soon_as_possible_is_understood_and_a_date_to_check_by_is_asked(
    driver: Driver, database_url: str, said: str
) -> None:
    _to_step_date(driver)
    asked = driver.say(said)
    assert "As soon as possible is good" in asked and "couldn't work out" not in asked
    saved = driver.say("this friday")
    assert "Saved: by 27 November 2026." in saved  # the driver's today: Thursday 26 November


def test_by_the_summer_asks_which_day(driver: Driver) -> None:
    _to_step_date(driver)
    assert "By which date?" in driver.say("by the summer")
    assert driver.current_slot() == "step_when"


def test_before_christmas_is_christmas_eve(driver: Driver, database_url: str) -> None:
    _to_step_date(driver)
    assert "Saved: by 24 December 2026." in driver.say("before xmas")
    step = _plan(database_url).steps[0]
    assert step.due_text == "before xmas"


@pytest.mark.parametrize(
    ("said", "shown"),
    [("done last week", "Saved: step 1 is done (19 November 2026)."),
     ("its already done", "Saved: step 1 is done.")],
)
def test_a_step_already_done_is_recorded_as_done(
    driver: Driver, database_url: str, said: str, shown: str
) -> None:
    _to_step_date(driver)
    assert shown in driver.say(said)
    step = _plan(database_url).steps[0]
    assert step.done and step.due_text == said


def test_a_past_date_asks_whether_the_step_is_done(driver: Driver, database_url: str) -> None:
    _to_step_date(driver)
    assert "If this step is done, say 'done'" in driver.say("1/11/2026")
    assert "Saved: step 1 is done." in driver.say("done")
    assert _plan(database_url).steps[0].done


def test_the_person_a_step_names_is_offered_as_who_will_do_it(
    driver: Driver, database_url: str
) -> None:
    # "dad to go to the alcohol service", then "Who will do it?": Dad is one tap.
    _to_another_worry(driver)
    driver.say("no")
    driver.say("dad to go to the alcohol service")
    assert driver.current_slot() == "step_who"
    assert driver.last_buttons[0].title == "Dad"
    driver.say(driver.last_buttons[0].payload)
    assert _plan(database_url).steps[0].who == "Dad"


def test_a_step_naming_two_people_offers_nobody(driver: Driver) -> None:
    _to_another_worry(driver)
    driver.say("no")
    driver.say("Mum and Nan will make a rota for school runs")
    assert [b.title for b in driver.last_buttons][0] != "Nan"
