"""Practice mode: a learner drafts from a made-up family, sees feedback and a model answer."""

from __future__ import annotations

from bot.practice.cases import get_case
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver


def test_a_learner_practises_with_feedback_and_model_answers(
    driver: Driver, database_url: str
) -> None:
    driver.start()
    driver.say("no")
    assert "made-up family" in driver.say('/choose{"choice": "practising"}')
    choices = driver.say("yes")
    assert "Which practice case" in choices
    case = get_case("okafor")
    intro = driver.say('/choose{"choice": "okafor"}')
    assert case.title in intro and case.paragraphs[0][:60] in intro
    assert "Why it's built this way" in intro  # the network's explanation comes with the case
    # Everyone the model answers use is someone the learner has been shown.
    assert "- Auntie Funmi (Grace's sister)" in intro
    assert "lives a 10-minute walk away" in intro
    for answer in ("Mum is loving", "no", "Dad hit Mum", "money worries"):
        driver.say(answer)
    model_columns = driver.say("Dad to stop drinking")
    assert "Compare with a model of the three columns" in model_columns
    driver.say("Social care")
    driver.say("there is neglect")
    check = driver.say("the children could suffer")
    assert "Quality notes" in check and "neglect" in check.lower()
    assert "A model answer to compare with yours" in check
    assert " ".join(case.worries[0].danger.statement.split()) in check
    assert "Why it's built this way" in check

    while driver.current_slot() not in (None, "review"):
        driver.say("i don't know")
    assert driver.current_slot() == "review"
    # Every part was skipped, so the worry is unfinished: they are told so and choose.
    assert "Danger statement 1 is not finished yet" in driver.say("yes")
    finished = driver.say('/choose{"choice": "leave"}')
    assert "finished the practice plan" in finished
    assert "What to practise" in finished
    assert "/chat/download/" in finished

    with SqlUnitOfWork(database_url) as uow:
        plan = uow.conversations.get("person-1").plan
    assert plan.practice_case == "okafor"
    assert [c.first_name for c in plan.children] == [c.name for c in case.children]


def test_a_learner_is_told_what_happens_to_practice_answers(driver: Driver) -> None:
    # "The family's worker and the family can see it" was said to a learner, about
    # a family that does not exist.
    driver.start()
    driver.say("no")
    asked = driver.say('/choose{"choice": "practising"}')
    assert "practice plan" in asked and "not linked to any real family" in asked
    assert "The family's worker and the family can see it" not in asked
