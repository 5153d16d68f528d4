"""What a dad typing on a phone ran into ("Dean", a persona in the web chat, 2026-12-07).

Each test is one thing he did, and what he should see back.
"""

from __future__ import annotations

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver
from tests.unit.interview.test_a_parent_on_a_phone import _to_another_worry, _to_existing_safety


def _plan(database_url: str):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        return uow.conversations.get("person-1").plan


def _tap(driver: Driver, title: str) -> str:
    button = next(b for b in driver.last_buttons if b.title == title)
    return driver.say(button.payload)


def test_yes_its_right_after_a_change_from_the_review_ends_the_review(
    driver: Driver, database_url: str
) -> None:
    # "Yes, it's right" asked the review again, three times, after a step was changed.
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks",
                 "no thats it", "in six months"):
        driver.say(said)
    _tap(driver, "Change something")
    _tap(driver, "Steps")
    _tap(driver, "Mark step 1 done")
    done = _tap(driver, "Yes, it's right")
    assert "Is everything right?" not in done
    assert "Your draft plan is ready" in done
    assert _plan(database_url).steps[0].done


def test_going_back_from_who_will_do_it_returns_to_the_step_said_with_yes(
    driver: Driver, database_url: str
) -> None:
    # "yeh me and shan do the couples course" to "another step?", then "go back" from
    # "Who will do it?", went to "another step?"; the step was written again, twice.
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks",
                 "yeh me and dad do the couples course"):
        driver.say(said)
    back = driver.say("go back")
    assert 'Before, you said: "me and dad do the couples course"' in back
    assert "What's the next step?" in back and "first thing" not in back
    driver.say("me and dad go to relate")
    assert [s.what for s in _plan(database_url).steps] == [
        "dad to go to the alcohol service", "me and dad go to relate"
    ]


def test_a_step_that_keeps_going_is_not_done(driver: Driver, database_url: str) -> None:
    _to_another_worry(driver)
    for said in ("no", "jan has the kids every saturday", "jan"):
        driver.say(said)
    reply = driver.say("its every week already, ongoing")
    assert "Saved: step 1 keeps going, with no end date." in reply
    step = _plan(database_url).steps[0]
    assert not step.done and step.due is None
    assert step.due_text == "its every week already, ongoing"


def test_a_worried_question_after_an_answer_is_answered_and_not_saved(
    driver: Driver, database_url: str
) -> None:
    _to_existing_safety(driver)
    for said in ("when he drinks i take the kids to my mums", "yes", "about a year"):
        driver.say(said)
    reply = driver.say(
        "i drink at weekends and we argue loud. police came once in march. "
        "what will happen will they take the kids"
    )
    assert "Your worker is the best person to ask about what happens next." in reply
    worries = [e.text for e in _plan(database_url).entries if "police" in e.text]
    assert worries == ["i drink at weekends and we argue loud. police came once in march."]


def test_a_number_given_with_two_people_is_said_back_with_the_person_it_went_to(
    driver: Driver,
) -> None:
    driver.start()
    for said in ("no", '/choose{"choice": "family"}', "yes", "Dean, their dad", "tyler 7"):
        driver.say(said)
    reply = driver.say("my mum carol 07700 900614")
    assert "Added Carol (my mum, 07700 900614)." in reply


def _to_score(driver: Driver) -> None:
    _to_existing_safety(driver)
    for said in ("when he drinks i take the kids to my mums", "yes", "about a year",
                 "arguments at home last year", "money", "dad to stop drinking",
                 "Sam and the school", "when dad drinks he gets loud",
                 "Leo and Mia could get scared", '/choose{"choice": "accept"}', "dad sober",
                 "Jan", "six months", '/choose{"choice": "accept"}'):
        driver.say(said)
    assert driver.current_slot() == "scale_score"


def test_a_score_put_right_after_the_next_question_changes_the_score(
    driver: Driver, database_url: str
) -> None:
    # "6 maybe 5", then "actually put 5 to be honest" was saved as what 7 would look like.
    _to_score(driver)
    driver.say("6")
    driver.say("he has been better")
    reply = driver.say("actually put 5 to be honest")
    assert "OK, I've changed your score to 5." in reply
    assert "What would 6 look like?" in reply
    driver.say("he goes to meetings")
    score = _plan(database_url).pairs[0].scores[0]
    assert (score.value, score.reason, score.one_point_higher) == (
        5, "he has been better", "he goes to meetings"
    )


def test_something_said_about_the_plan_at_the_review_goes_to_the_parts(
    driver: Driver,
) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks",
                 "no thats it", "in six months"):
        driver.say(said)
    reply = driver.say("also step 1 is wrong, get rid of it")
    assert "Which part would you like to change?" in reply
    assert "Say yes, or 'change something'" not in reply


def test_who_is_worried_keeps_the_name_not_the_aside(driver: Driver, database_url: str) -> None:
    _to_existing_safety(driver)
    for said in ("when he drinks i take the kids to my mums", "yes", "about a year",
                 "arguments at home last year", "money", "dad to stop drinking"):
        driver.say(said)
    driver.say("sam i just said")
    assert _plan(database_url).pairs[0].danger_who == "sam"


def test_a_question_about_the_plan_after_it_is_finished_is_answered(driver: Driver) -> None:
    _to_another_worry(driver)
    for said in ("no", "dad to go to the alcohol service", "dad", "in two weeks",
                 "no thats it", "in six months", "/affirm"):
        driver.say(said)
    reply = driver.say("thanks. will sam get this or do i send it")
    assert "Your answers are kept for you and your worker." in reply
