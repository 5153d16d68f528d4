"""Who-does-what rules go under the network's record of the person they name (issue 14)."""

from __future__ import annotations

import pytest

from bot.interview.rule_people import link, network_person
from bot.plan.model import Person, Plan, PlanRule, RuleKind


def _plan(*people: Person) -> Plan:
    plan = Plan(reference="SP-TEST")
    for person in people:
        plan.add_person(person)
    return plan


def _network() -> Plan:
    # Made in each test: the storage layer maps Person once it starts, and a record
    # made before that cannot be used after it.
    return _plan(
        Person(name="Brenda", relationship="maternal grandmother"),
        Person(name="Jas Kaur", relationship="paternal aunt"),
        Person(name="Mr Osei", relationship="safeguarding lead", is_professional=True),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Brenda", "Brenda"),
        ("MGM Brenda", "Brenda"),
        ("Nanna Brenda", "Brenda"),
        ("Jas", "Jas Kaur"),
        ("PA Jas", "Jas Kaur"),
        ("Jas Kaur", "Jas Kaur"),
        ("Safeguarding lead", "Mr Osei"),
        ("Dean", None),
        ("Jas Smith", None),
        ("", None),
    ],
)
def test_the_person_a_rule_names(typed: str, expected: str | None) -> None:
    person = network_person(_network(), typed)
    assert (person.name if person else None) == expected


def test_two_people_with_that_first_name_are_never_guessed() -> None:
    plan = _plan(Person(name="Jas Kaur"), Person(name="Jas Gill"))
    assert network_person(plan, "Jas") is None
    assert network_person(plan, "Jas Gill") is not None


def test_a_number_goes_on_a_record_with_none_and_is_said() -> None:
    plan = _plan(Person(name="Brenda", relationship="maternal grandmother"))
    rule = PlanRule(kind=RuleKind.WHO_DOES_WHAT, text="MGM Brenda collects, 07700 900512",
                    person_name="Mgm Brenda", action="collects", contact="07700 900512")
    notes = link(plan, rule)
    assert rule.person_name == "Brenda"
    assert plan.people[0].contact == "07700 900512"
    assert notes == [
        "I've put \"Mgm Brenda\" as Brenda (maternal grandmother), who is already in the plan.",
        "I've added 07700 900512 as Brenda's number.",
    ]
    # The words as typed are kept.
    assert rule.text == "MGM Brenda collects, 07700 900512"


def test_a_records_own_number_is_never_replaced() -> None:
    plan = _plan(Person(name="Brenda", contact="07700 900111"))
    rule = PlanRule(kind=RuleKind.WHO_DOES_WHAT, text="Brenda collects, 07700 900512",
                    person_name="Brenda", action="collects", contact="07700 900512")
    assert link(plan, rule) == []
    assert plan.people[0].contact == "07700 900111"


def test_a_family_word_is_never_matched_by_relationship() -> None:
    # Fidelity corpus a01: "my mum will have the kids" (the typist's mother, Shaz)
    # was put under Kayleigh, the children's mum, with Shaz's number.
    plan = _plan(
        Person(name="Kayleigh", relationship="mum"),
        Person(name="Shaz", relationship="my mum"),
    )
    assert network_person(plan, "Mum") is None


def test_a_short_form_of_a_first_name_is_that_person_when_only_one_fits() -> None:
    # Fidelity batch c: "gem will come round" was a second person beside Gemma.
    plan = _plan(Person(name="Gemma Hart", relationship="friend"),
                 Person(name="Nancy", relationship="neighbour"))
    found = network_person(plan, "Gem")
    assert found is not None and found.name == "Gemma Hart"
    # A family word is never a short form: Nan is not Nancy.
    assert network_person(plan, "Nan") is None


def test_a_short_form_two_people_share_is_never_guessed() -> None:
    plan = _plan(Person(name="Danielle"), Person(name="Daniel"))
    assert network_person(plan, "Dan") is None
