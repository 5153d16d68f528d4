"""Names that are also ordinary words or dates: Jan, May, Sunday, Will, Grace.

Such a word is a name where a name stands (first in an answer, after "and"
or a comma, after "my mum" or "I'm"), and a date or a word everywhere else.
"""

import pytest

from bot.parsing import (
    NamedChild,
    NamedPerson,
    mentioned_names,
    parse_children,
    parse_people,
    parse_self,
    parse_who_does_what,
)

# Names from real answers that are also months, days, seasons or words.
WORD_NAMES = [
    "Jan",
    "May",
    "June",
    "April",
    "August",
    "Sunday",
    "Will",
    "Hope",
    "Grace",
    "Faith",
    "Joy",
    "Rose",
    "Summer",
    "Autumn",
    "Mark",
    "Bill",
    "Sue",
    "Pat",
    "Jo",
    "Del",
    "Ray",
    "Amber",
]


def person(
    name: str,
    relationship: str | None = None,
    contact: str | None = None,
    professional: bool = False,
) -> NamedPerson:
    return NamedPerson(name, relationship, contact, professional)


# -- parse_people: a name where a name stands -----------------------------------


@pytest.mark.parametrize("name", WORD_NAMES)
@pytest.mark.parametrize(
    "form",
    [
        "{name}, my mum",
        "my mum {name}",
        "{name} - my mum",
        "{lower}, my mum",  # typed on a phone
    ],
)
def test_a_word_name_before_or_after_the_relationship(form: str, name: str) -> None:
    text = form.format(name=name, lower=name.lower())
    assert parse_people(text) == [person(name, "my mum")]


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_word_name_alone_with_a_capital(name: str) -> None:
    assert parse_people(name) == [person(name)]


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_word_name_next_door(name: str) -> None:
    assert parse_people(f"{name} next door") == [person(name, "next door")]


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_word_name_in_a_list(name: str) -> None:
    assert parse_people(f"my sister Kelly and my mum {name}") == [
        person("Kelly", "my sister"),
        person(name, "my mum"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan, my mum", [person("Jan", "my mum")]),
        ("jan, my mum", [person("Jan", "my mum")]),
        ("my mum Jan", [person("Jan", "my mum")]),
        ("my mum jan", [person("Jan", "my mum")]),
        ("grace my nan", [person("Grace", "my nan")]),
        ("jan my mum", [person("Jan", "my mum")]),
        ("june my sister", [person("June", "my sister")]),
        ("June is my sister", [person("June", "my sister")]),
        ("May next door", [person("May", "next door")]),
        ("April my sister", [person("April", "my sister")]),
        ("will, my brother", [person("Will", "my brother")]),
        ("aunty jan", [person("Aunty Jan", "aunt")]),
        ("Aunty May", [person("Aunty May", "aunt")]),
        ("kelly and jan", [person("Kelly"), person("Jan")]),
        ("Jan", [person("Jan")]),
        ("jan", [person("Jan")]),
    ],
)
def test_word_names_in_everyday_answers(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


def test_a_kinship_word_after_my_is_the_relationship_not_a_title() -> None:
    assert parse_people("my nan Kelly") == [person("Kelly", "my nan")]
    assert parse_people("my nan Grace") == [person("Grace", "my nan")]


def test_an_adjective_between_my_and_the_kinship_word() -> None:
    assert parse_people("my maternal grandmother") == [
        person("Grandmother", "my maternal grandmother")
    ]


# -- parse_people: dates and words stay dates and words --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Once reported August, not Nan.
        ("Nan who helps in August", [person("Nan", "helps in August")]),
        ("Nan, comes round in May", [person("Nan", "comes round in May")]),
        ("Kelly, visits every Sunday", [person("Kelly", "visits every Sunday")]),
        ("Nan has the kids Sunday", [person("Nan", "has the kids Sunday")]),
        ("Nan, Sunday afternoons", [person("Nan", "Sunday afternoons")]),
        ("nan may come", [person("Nan", "may come")]),
    ],
)
def test_a_date_in_a_description_is_not_a_person(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary English typed in lower case is never a name on its own.
        "will",
        "may",
        "hope so",
        "june",
        "sunday",
        "grace",
        "rain",
        "faith",
        # Capitals that only start a sentence or a date.
        "May I ask something",
        "Sunday is best",
        "May 2019",
        "my son will pick them up",
        "hope my sister can help",
    ],
)
def test_ordinary_words_and_dates_are_not_people(text: str) -> None:
    assert parse_people(text) == []


# -- parse_self ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jan, nan to the kids", person("Jan", "grandmother")),
        ("Jan", person("Jan")),
        ("jan", person("Jan")),
        ("I'm Jan, their nan", person("Jan", "grandmother")),
        ("I'm their mum, Jan", person("Jan", "mum")),
        ("my name is June", person("June")),
        ("hi its jan", person("Jan")),
        ("jan here", person("Jan")),
        ("it's May", person("May")),
    ],
)
def test_the_person_typing_has_a_word_name(text: str, expected: NamedPerson) -> None:
    assert parse_self(text) == expected


@pytest.mark.parametrize("name", WORD_NAMES)
def test_the_person_typing_gives_just_a_word_name(name: str) -> None:
    assert parse_self(name) == person(name)


@pytest.mark.parametrize("text", ["Hope you're well", "May I ask something", "sunday"])
def test_a_greeting_or_a_question_is_not_who_is_typing(text: str) -> None:
    assert parse_self(text) is None


# -- parse_children --------------------------------------------------------------


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_child_with_a_word_name_and_an_age(name: str) -> None:
    assert parse_children(f"{name} 5") == [NamedChild(name, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 5", [NamedChild("Jan", 5)]),
        ("jan 5", [NamedChild("Jan", 5)]),
        ("May 3 and Leo 5", [NamedChild("May", 3), NamedChild("Leo", 5)]),
        ("Leo (7), May (4)", [NamedChild("Leo", 7), NamedChild("May", 4)]),
        ("my daughter May 3", [NamedChild("May", 3)]),
        ("the baby June", [NamedChild("June", None)]),
        ("leo and jan", [NamedChild("Leo", None), NamedChild("Jan", None)]),
        # Dates are not children.
        ("Leo born in May", [NamedChild("Leo", None)]),
        ("Leo 7, Mia 4 born in June", [NamedChild("Leo", 7), NamedChild("Mia", 4)]),
        ("Leo born 5th May", [NamedChild("Leo", None)]),
        ("Jan 5th", []),
        ("sunday 4", []),
    ],
)
def test_children_with_word_names(text: str, expected: list[NamedChild]) -> None:
    assert parse_children(text) == expected


# -- parse_who_does_what ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person_name", "action"),
    [
        ("Jan will come round in the morning", "Jan", "come round in the morning"),
        ("June will ring Nan", "June", "ring Nan"),
        ("my mum Jan will have them", "Jan", "have them"),
    ],
)
def test_a_word_name_does_something(text: str, person_name: str, action: str) -> None:
    result = parse_who_does_what(text)
    assert (result.person, result.action) == (person_name, action)


@pytest.mark.parametrize("text", ["Summer will be hard", "Sunday will be fine"])
def test_a_time_that_will_be_something_is_not_a_person(text: str) -> None:
    result = parse_who_does_what(text)
    assert result.person is None
    assert result.action == text


# -- parse_people: what a chunk after a name says ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clause about the person is a description, never a person ("Corner").
        (
            "my mum Jan, she lives round the corner",
            [person("Jan", "my mum, lives round the corner")],
        ),
        ("Kelly, she lives with Dave", [person("Kelly", "lives with Dave")]),
        ("Nan. She lives round the corner", [person("Nan", "lives round the corner")]),
        # A kinship word after a name says who the name is.
        ("Grace (maternal grandmother)", [person("Grace", "maternal grandmother")]),
        ("Kelly (aunt) 07700 900123", [person("Kelly", "aunt", "07700 900123")]),
        ("Kelly - aunt", [person("Kelly", "aunt")]),
        ("Kelly, aunt", [person("Kelly", "aunt")]),
        ("jan, nan to the kids", [person("Jan", "nan to the kids")]),
        ("Kelly (aunt), Jo (neighbour)", [person("Kelly", "aunt"), person("Jo", "neighbour")]),
        # ... and a name in brackets after a kinship word is that person's name.
        ("Nan (Jan)", [person("Jan", "Nan")]),
        # A kinship word people use as a name, after a comma, is someone else.
        ("Kelly, Nan", [person("Kelly"), person("Nan", "grandmother")]),
    ],
)
def test_what_follows_a_name_describes_it(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya - my best friend", [person("Priya", "my best friend")]),
        (
            "Priya - my best friend 07700 900123",
            [person("Priya", "my best friend", "07700 900123")],
        ),
        ("my neighbour Bob", [person("Bob", "my neighbour")]),
        ("Aunty Jo and Uncle Dave", [person("Aunty Jo", "aunt"), person("Uncle Dave", "uncle")]),
        ("Nan", [person("Nan", "grandmother")]),
        ("nan", [person("Nan", "grandmother")]),
    ],
)
def test_other_everyday_network_answers(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


# Decision: "Mr and Mrs Khan" is two people. The rest of the plan names them
# one at a time ("Mrs Khan will have them"), and a single "Mr and Mrs Khan"
# would never match that. They share the description and any number given.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr and Mrs Khan next door",
            [person("Mr Khan", "next door"), person("Mrs Khan", "next door")],
        ),
        ("Mr & Mrs Khan", [person("Mr Khan"), person("Mrs Khan")]),
        (
            "Mr and Mrs Khan 07700 900123",
            [
                person("Mr Khan", None, "07700 900123"),
                person("Mrs Khan", None, "07700 900123"),
            ],
        ),
        (
            "Nan, Mr and Mrs Khan",
            [person("Nan", "grandmother"), person("Mr Khan"), person("Mrs Khan")],
        ),
        ("Dr and Mrs Patel", [person("Dr Patel", None, None, True), person("Mrs Patel")]),
        ("Mr and Mrs", []),
    ],
)
def test_a_couple_sharing_a_surname_is_two_people(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


# Decision: an organisation on its own ("the school", "CAMHS") is a place, not
# a person, so the network question asks again for someone to contact. A person
# there ("Jo from school") or a role ("the school nurse") is kept.
@pytest.mark.parametrize(
    "text", ["the school", "school", "the police", "the nursery", "CAMHS", "children's services"]
)
def test_an_organisation_on_its_own_is_not_a_person(text: str) -> None:
    assert parse_people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the school and Nan", [person("Nan", "grandmother")]),
        ("Jo from school", [person("Jo", "school", None, True)]),
        ("Jo from CAMHS", [person("Jo", "CAMHS", None, True)]),
        ("Sam, CAMHS worker", [person("Sam", "CAMHS worker", None, True)]),
        ("the school nurse", [person("School nurse", "school nurse", None, True)]),
        ("Mrs Jones at the school", [person("Mrs Jones", "at the school", None, True)]),
    ],
)
def test_people_at_an_organisation_are_kept(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


# -- mentioned_names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Grace and the health visitor", ["Grace"]),
        ("Jan will come round in the morning", ["Jan"]),
        ("Jan, Kelly and Nan will help", ["Jan", "Kelly", "Nan"]),
        ("Grace can take them", ["Grace"]),
        ("Jan to ring Nan", ["Jan", "Nan"]),
        ("Jan'll ring", ["Jan"]),
        ("Then Kelly'll ring", ["Kelly"]),  # once "Kelly'll"
        ("Mark would ring", ["Mark"]),
        ("June will ring Nan", ["June", "Nan"]),
        ("Then May will pick them up", ["May"]),
        ("Aunty May will come", ["Aunty May"]),
        ("Mr and Mrs Khan will have them", ["Mr Khan", "Mrs Khan"]),
        # The word before is no name; the name after still is.
        ("Sadly, Kelly can't help", ["Kelly"]),
        ("Cool, Nan will come", ["Nan"]),
        ("In May Nan will ring", ["Nan"]),
    ],
)
def test_a_name_first_in_a_sentence(text: str, names: list[str]) -> None:
    assert mentioned_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        # Everyday words before a plan verb.
        "Hope to see them more",
        "Continue to attend school",
        "Summer will be hard",
        "Sunday will be fine",
        "Teachers will keep an eye",
        "Supervision will continue",
        "Attendance will not slip",
        "Football will help",
        "Lifts to school",
        "Access to the kids",
        "Dinner will be at 5",
        # Everyday words before "and" or a comma.
        "Boundaries and routines help",
        "Homework and bedtime are hard",
        "Housing and the social worker",
        "Unfortunately, the social worker left",
        "Weekends and evenings",
        # Questions, greetings and dates.
        "May I ask something",
        "Hope you are well",
        "The meeting on 5 Jan will decide",
        "Encourage him to ring",
    ],
)
def test_ordinary_words_first_in_a_sentence_are_not_names(text: str) -> None:
    assert mentioned_names(text) == []


# -- parse_who_does_what: the word first in the sentence -------------------------


@pytest.mark.parametrize(
    ("text", "person_name", "action"),
    [
        ("Remind Nan to ring", "Nan", "ring"),  # once "Remind"
        ("Kelly will help", "Kelly", "help"),
    ],
)
def test_an_instruction_word_is_not_the_person(text: str, person_name: str, action: str) -> None:
    result = parse_who_does_what(text)
    assert (result.person, result.action) == (person_name, action)


def test_an_instruction_with_no_one_named_has_no_person() -> None:
    result = parse_who_does_what("Continue to attend school")  # once "Continue"
    assert result.person is None
    assert result.action == "Continue to attend school"
