"""Taking someone off the safety network in words (a persona's own: "remove dean").

At "Who else helps?", "remove dean" and "take dean off" used to add a person. They
ask to change the list: the person goes, the reply says so, nothing is added.
"""

from __future__ import annotations

import pytest

from bot.interview.network_edits import asked_to_remove
from bot.plan.model import Person, Plan
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver


def _people(database_url: str) -> list[str]:
    with SqlUnitOfWork(database_url) as uow:
        return [p.name for p in uow.conversations.get("person-1").plan.people]


def _to_supporters(driver: Driver) -> None:
    driver.start()
    for said in ("no", '/choose{"choice": "family"}', "yes", "Kayleigh, their mum", "evie 4"):
        driver.say(said)
    driver.say("my mum sandra, becky my mate and dean")


@pytest.mark.parametrize(
    "said",
    ["remove dean", "take dean off", "pls take dean off the list hes not helping",
     "delete dean he's not helping", "dean shouldnt be on there", "get rid of dean"],
)
def test_asking_to_take_someone_off_takes_them_off(
    driver: Driver, database_url: str, said: str
) -> None:
    _to_supporters(driver)
    assert "Dean" in _people(database_url)
    reply = driver.say(said)
    assert "I've taken Dean off the list." in reply
    names = _people(database_url)
    assert "Dean" not in names
    assert not any("remove" in n.casefold() or "take" in n.casefold() for n in names)
    assert {"Sandra", "Becky"} <= set(names)
    # Still at the same question: more people can be named, or "no".
    assert driver.current_slot() == "supporters"


def test_someone_not_on_the_list_is_not_added(driver: Driver, database_url: str) -> None:
    _to_supporters(driver)
    reply = driver.say("remove gary")
    assert "Gary isn't on the list" in reply
    assert "Gary" not in _people(database_url)


def test_a_person_named_with_remove_in_their_answer_is_still_added(
    driver: Driver, database_url: str
) -> None:
    _to_supporters(driver)
    driver.say("my sister jade, she helps with everything")
    assert "Jade" in _people(database_url)


@pytest.mark.parametrize(
    "said",
    ["my mum takes the kids off my hands on saturdays", "take the kids out to the park",
     "he shouldnt be around the kids", "remove him from the house"],
)
def test_answers_with_those_words_name_nobody_to_take_off(said: str) -> None:
    plan = Plan(reference="TEST-1")
    plan.add_person(Person(name="Dean"))
    found = asked_to_remove(plan, said)
    assert found is None or found.person is None


# -- an answer cut short by having to leave ("becky... sorry evie fell over gotta go") --------


def _leave(driver: Driver, typed: str) -> str:
    reply = driver.service.stop(driver.sender, driver.channel, typed=typed)
    return driver._turn(reply, ask=False)


def _come_back(driver: Driver) -> str:
    driver.start()
    driver.say("no")  # nobody in danger now
    return driver.say("yes")  # carry on where they left off


def test_words_before_gotta_go_are_offered_back_when_they_return(
    driver: Driver, database_url: str
) -> None:
    _to_supporters(driver)
    said = _leave(driver, "becky… sorry evie fell over gotta go")
    assert "Your answers are saved" in said
    # Nothing restructured unseen: no person made from the words while they were away.
    assert "Evie" not in _people(database_url)
    back = _come_back(driver)
    assert 'Before you left, you wrote: "becky… sorry evie fell over"' in back
    assert driver.current_slot() == "supporters"
    driver.say("/deny")
    driver.say("becky from next door")
    names = _people(database_url)
    assert "Becky" in names and "Evie" not in names


def test_yes_keeps_the_words_before_gotta_go_as_the_answer(
    driver: Driver, database_url: str
) -> None:
    _to_supporters(driver)
    _leave(driver, "my aunty lorraine 07700 900742 brb")
    back = _come_back(driver)
    assert '"my aunty lorraine 07700 900742"' in back
    driver.say("/affirm")
    assert "Lorraine" in _people(database_url)


def test_a_plain_stop_holds_nothing(driver: Driver) -> None:
    _to_supporters(driver)
    _leave(driver, "gtg")
    back = _come_back(driver)
    assert "you wrote" not in back


def test_mum_in_who_does_what_is_the_person_the_typist_called_my_mum() -> None:
    from bot.interview.rule_people import network_person

    plan = Plan(reference="TEST-1")
    sandra = plan.add_person(Person(name="Sandra", relationship="my mum"))
    plan.add_person(Person(name="Dean", relationship="my mate"))
    assert network_person(plan, "mum") is sandra
    assert network_person(plan, "dad") is None


def test_a_childs_school_is_not_a_person(driver: Driver, database_url: str) -> None:
    _to_supporters(driver)
    driver.say("no thats it")
    driver.say("and evies school i guess")
    assert not any(n.casefold().startswith("evie") for n in _people(database_url))
    assert driver.current_slot() == "professionals"
