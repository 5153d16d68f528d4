"""Relationship words in front of a name are the relationship, not part of the name (issue 14).

From the fidelity corpus: a worker's "MGM Brenda 07700 900512; PA Jas 07700
900513" became people called "Mgm Brenda" and "Pa Jas", and a teenager's
"khala rubina" a person "Khala Rubina", so the document's network list, the
who-does-what section and the sign-off all named people nobody is called.
"""

from __future__ import annotations

import pytest

from bot.parsing import parse_people, parse_who_does_what


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "MGM Brenda 07700 900512; PA Jas 07700 900513",
            [("Brenda", "maternal grandmother", "07700 900512"),
             ("Jas", "paternal aunt", "07700 900513")],
        ),
        ("PGF Ron", [("Ron", "paternal grandfather", None)]),
        ("khala rubina, tom", [("Rubina", "aunt", None), ("Tom", None, None)]),
        ("Babcia Halina 07700 900333", [("Halina", "grandmother", "07700 900333")]),
        ("my partner Leanne obviously", [("Leanne", "my partner", None)]),
        # Fidelity batch c: a worker's list gave "Christine, Ward" and "Aunt Leanne,
        # maternal, Ward"; the surname is the name's, the side of the family the
        # relationship's.
        (
            "MGM Christine Ward (07700 900310); maternal aunt Leanne Ward (07700 900267)",
            [("Christine Ward", "maternal grandmother", "07700 900310"),
             ("Leanne Ward", "maternal aunt", "07700 900267")],
        ),
        ("Aunt Kerry Brennan 07700 900346", [("Kerry Brennan", "aunt", "07700 900346")]),
        # What is in brackets says more about them, in the words typed; it is not a
        # reason to read the whole list again as prose ("Part-Time" was a person).
        (
            "PGF Mick Brennan (no phone, contact via Sheila); Dad's partner Nicole (stays at "
            "the home part-time)",
            [("Mick Brennan", "paternal grandfather (no phone, contact via Sheila)", None),
             ("Nicole", "Dad's partner (stays at the home part-time)", None)],
        ),
    ],
)
def test_the_word_in_front_is_the_relationship(
    typed: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(p.name, p.relationship, p.contact) for p in parse_people(typed)] == expected


def test_a_kin_word_used_in_english_stays_as_the_family_says_it() -> None:
    # "Auntie Sue" is what the family calls her (kept, as before).
    people = parse_people("Auntie Sue")
    assert [(p.name, p.relationship) for p in people] == [("Auntie Sue", "aunt")]


def test_shorthand_that_is_also_a_word_counts_only_in_capitals() -> None:
    # "pa" in lower case is not a worker's "paternal aunt".
    assert all(p.relationship != "paternal aunt" for p in parse_people("pa jas"))


@pytest.mark.parametrize(
    ("typed", "person", "contact"),
    [
        ("MGM Brenda 07700 900512 to take kids to hers", "Brenda", "07700 900512"),
        ("khala rubina will do the school run n cook, her number is 07700 900129",
         "Rubina", "07700 900129"),
    ],
)
def test_who_does_what_names_the_person(typed: str, person: str, contact: str) -> None:
    parsed = parse_who_does_what(typed)
    assert (parsed.person, parsed.contact) == (person, contact)


@pytest.mark.parametrize(
    ("typed", "doer", "owner"),
    [
        # Issue 14 (fidelity corpus): Frank's and Stu's numbers were printed under
        # the person who will ring them.
        ("I won't open the door, and I'll ring Frank, he's on 07700 900845, and he'll come",
         "I", "Frank"),
        ("Leanne will ring Stu if I won't go, Stu's 07700 900254", "Leanne", "Stu"),
        ("I will phone Rachel on 07700 900999", "I", "Rachel"),
        ("i'll ring frank, he's on 07700 900845", "I", "Frank"),
        ("leanne will ring stu if i wont go, stu's 07700 900254", "Leanne", "Stu"),
        ("i ring my mum sandra on 07700 900456 and she comes for the kids", "I", "Sandra"),
    ],
)
def test_a_number_typed_after_someone_elses_name_is_theirs(
    typed: str, doer: str, owner: str
) -> None:
    parsed = parse_who_does_what(typed)
    assert parsed.person == doer
    assert parsed.contact is None
    assert parsed.number_of is not None and parsed.number_of[0] == owner
    # The number stays in what the doer will do, as typed.
    assert parsed.number_of[1] in parsed.action


@pytest.mark.parametrize(
    "typed",
    [
        "Mum will ring Dwayne and tell him to send them home, she's on 0121 496 0930",
        "Nan will take the children to hers, ring her on 07700 900123",
        "Nan will take the kids, 07700 900123",
        # Not someone called "Overnight".
        "Maureen will collect Leo and Amy and keep them overnight, 07700 900321",
        "Nan will keep them safe, she's on 07700 900111",
    ],
)
def test_the_doers_own_number_stays_theirs(typed: str) -> None:
    parsed = parse_who_does_what(typed)
    assert parsed.contact is not None and parsed.number_of is None


def test_a_number_taken_back_is_replaced_by_the_one_meant() -> None:
    # Fidelity corpus a10: "no sorry" and the right number; the wrong one was kept.
    parsed = parse_who_does_what(
        "Priya will pick the kids up and keep them overnight, her number's 07700 900446, "
        "no sorry 07700 900464"
    )
    assert (parsed.person, parsed.action, parsed.contact) == (
        "Priya", "pick the kids up and keep them overnight", "07700 900464"
    )


def test_an_organisation_called_is_nobodys_number() -> None:
    parsed = parse_who_does_what("I ring the police on 101 or my mum sandra 07700 900456")
    assert parsed.contact is None
    assert parsed.number_of is None or parsed.number_of[0] != "Police"


def test_he_after_two_people_stays_with_the_doer() -> None:
    # Fidelity corpus a11: Kofi's own number was put on Abena.
    parsed = parse_who_does_what("Kofi will go round to check on Abena, he is on 07700 900735")
    assert (parsed.person, parsed.contact, parsed.number_of) == ("Kofi", "07700 900735", None)
    # "he is on" goes with the number it introduced.
    assert parsed.action == "go round to check on Abena"


def test_a_workers_record_keeps_the_role_in_front_and_the_place_after() -> None:
    # Fidelity batch c: "DSL Mr Patel, St Anne's Primary" lost "DSL" (the role) for
    # the school's name, and "tbc" became a person.
    people = parse_people(
        "DSL Mr Patel, St Anne's Primary, 0121 496 0042; school nurse (Mylo) tbc"
    )
    assert [(p.name, p.relationship) for p in people][0] == (
        "Mr Patel", "safeguarding lead, St Anne's Primary"
    )
    assert all(p.name.casefold() != "tbc" for p in people)


def test_a_kin_word_as_the_name_is_not_said_twice() -> None:
    people = parse_people("Nan, my mum, 07700 900222; Sam Patel, social worker")
    assert (people[0].name, people[0].relationship) == ("Nan", "my mum")
