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
