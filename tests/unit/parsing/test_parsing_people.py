"""The safety network, the person typing, contacts and names in free text."""

import pytest

from bot.parsing import (
    NamedPerson,
    extract_contact,
    mentioned_names,
    parse_people,
    parse_self,
)


def person(
    name: str,
    relationship: str | None = None,
    contact: str | None = None,
    professional: bool = False,
) -> NamedPerson:
    return NamedPerson(name, relationship, contact, professional)


# -- parse_people ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nan (my mum)", [person("Nan", "my mum")]),
        ("Jo - neighbour", [person("Jo", "neighbour")]),
        ("jo neighbour", [person("Jo", "neighbour")]),
        ("my sister Kelly", [person("Kelly", "my sister")]),
        ("my sister kelly", [person("Kelly", "my sister")]),
        (
            "Sam Patel, social worker, 07700 900123",
            [person("Sam Patel", "social worker", "07700 900123", True)],
        ),
        (
            "sam patel social worker 07700900123",
            [person("Sam Patel", "social worker", "07700900123", True)],
        ),
        (
            "Nan and Grandad",
            [person("Nan", "grandmother"), person("Grandad", "grandfather")],
        ),
        (
            "nan & grandad",
            [person("Nan", "grandmother"), person("Grandad", "grandfather")],
        ),
        ("Aunty Jo who lives next door", [person("Aunty Jo", "aunt (lives next door)")]),
        ("aunty jo", [person("Aunty Jo", "aunt")]),
        ("Uncle Dave", [person("Uncle Dave", "uncle")]),
        ("Mr Ahmed the head teacher", [person("Mr Ahmed", "head teacher", None, True)]),
        ("the health visitor", [person("Health visitor", "health visitor", None, True)]),
        ("the GP", [person("GP", "GP", None, True)]),
        (
            "Kelly my best mate 07700900123",
            [person("Kelly", "my best mate", "07700900123")],
        ),
        ("my mum", [person("Mum", "my mum")]),
        ("Dad", [person("Dad", "dad")]),
        ("Great Nan", [person("Great Nan", "great-grandmother")]),
        (
            "Kelly and her husband Mark",
            [person("Kelly"), person("Mark", "her husband")],
        ),
        ("my mum's friend Jo", [person("Jo", "my mum's friend")]),
        (
            "Mrs Jones, Leo's teacher, jones@school.org.uk",
            [person("Mrs Jones", "Leo's teacher", "jones@school.org.uk", True)],
        ),
        ("Dr Khan GP", [person("Dr Khan", "GP", None, True)]),
        ("PC Jones", [person("PC Jones", None, None, True)]),
        ("Pastor James from church", [person("Pastor James", "church")]),
        ("the kids dad", [person("Dad", "kids dad")]),
        ("mums partner dave", [person("Dave", "mums partner")]),
        ("leo's dad gary", [person("Gary", "leo's dad")]),
    ],
)
def test_network_people(text: str, expected: list[NamedPerson]) -> None:
    assert parse_people(text) == expected


def test_several_people_with_their_own_numbers() -> None:
    assert parse_people("Kelly 07700 900123 and Jo 07700 900456") == [
        person("Kelly", None, "07700 900123"),
        person("Jo", None, "07700 900456"),
    ]


def test_a_list_on_separate_lines() -> None:
    text = "Nan (my mum) 07700 900111\nKelly - my sister\nSam Patel, social worker"
    assert parse_people(text) == [
        person("Nan", "my mum", "07700 900111"),
        person("Kelly", "my sister"),
        person("Sam Patel", "social worker", None, True),
    ]


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Lisa FSW", "family support worker"),
        ("SW Sam", "social worker"),
        ("Sam, HV", "health visitor"),
    ],
)
def test_role_acronyms_are_spelled_out(text: str, relationship: str) -> None:
    [someone] = parse_people(text)
    assert someone.relationship == relationship
    assert someone.is_professional


def test_a_remark_after_the_name_is_not_a_person_or_a_relationship() -> None:
    assert parse_people("Nan but she's poorly") == [person("Nan", "grandmother")]


def test_kinship_words_typed_together_are_separate_people() -> None:
    assert [p.name for p in parse_people("mum dad and nan")] == ["Mum", "Dad", "Nan"]


def test_a_comma_list_of_names_is_several_people() -> None:
    names = [p.name for p in parse_people("Nan, Grandad, Aunty Jo, Kelly")]
    assert names == ["Nan", "Grandad", "Aunty Jo", "Kelly"]


def test_the_same_person_twice_is_listed_once() -> None:
    assert parse_people("Kelly and kelly") == [person("Kelly")]


@pytest.mark.parametrize(
    ("text", "professional"),
    [
        ("Jo from school", True),
        ("Jo who takes the kids to school", False),
        ("my sister Kelly who is a nurse", False),
        ("Ms Khan the school nurse", True),
        ("Lisa the family support worker", True),
        ("Gary from the police", True),
    ],
)
def test_professionals_are_told_apart_from_family(text: str, professional: bool) -> None:
    people = parse_people(text)
    assert len(people) == 1
    assert people[0].is_professional is professional


def test_a_long_description_is_cut_short() -> None:
    text = "Kelly who " + "helps out a lot with everything " * 10
    [kelly] = parse_people(text)
    assert kelly.name == "Kelly"
    assert kelly.relationship is not None
    assert len(kelly.relationship) <= 80


@pytest.mark.parametrize(
    "text", ["I don't know", "no one", "nobody really", "2", "🙂", "", "just me", "not sure"]
)
def test_no_one_named_gives_an_empty_list(text: str) -> None:
    assert parse_people(text) == []


# -- parse_self ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah, I'm their mum", person("Sarah", "mum")),
        ("sarah im their mum", person("Sarah", "mum")),
        (
            "I'm Sam Patel, the social worker",
            person("Sam Patel", "social worker", None, True),
        ),
        ("mum", person("Mum", "mum")),
        ("Mum", person("Mum", "mum")),
        ("its dad here", person("Dad", "dad")),
        ("it's nan", person("Nan", "grandmother")),
        ("I'm their nan, Carol", person("Carol", "grandmother")),
        ("I'm Leo and Mia's mum", person("Mum", "mum")),
        ("hi its sarah", person("Sarah")),
        ("my name is Sarah", person("Sarah")),
        ("I'm mum's partner", person("Mum's partner", "mum's partner")),
        ("I'm the foster carer", person("Foster carer", "foster carer")),
        ("Mrs Jones, Leo's teacher", person("Mrs Jones", "teacher", None, True)),
        ("this is Kelly 07700 900123", person("Kelly", None, "07700 900123")),
        ("the health visitor", person("Health visitor", "health visitor", None, True)),
        ("im mums partner", person("Mum's partner", "mum's partner")),
        ("hi i'm kelly leo's aunty", person("Kelly", "aunt")),
        ("grandma jean", person("Grandma Jean", "grandmother")),
    ],
)
def test_who_is_typing(text: str, expected: NamedPerson) -> None:
    assert parse_self(text) == expected


@pytest.mark.parametrize("text", ["yes", "I don't know", "", "hello", "🙂", "not saying"])
def test_no_one_identified(text: str) -> None:
    assert parse_self(text) is None


# -- extract_contact -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("07700 900123", "07700 900123"),
        ("07700900123", "07700900123"),
        ("07700-900-123", "07700-900-123"),
        ("+44 7700 900123", "+44 7700 900123"),
        ("+447700900123", "+447700900123"),
        ("0121 704 6000", "0121 704 6000"),
        ("020 7946 0000", "020 7946 0000"),
        ("call me on (0121) 704 6000", "(0121) 704 6000"),
        ("+44 (0)121 704 6000", "+44 (0)121 704 6000"),
        ("NSPCC 0808 800 5000", "0808 800 5000"),
        ("jo@example.org", "jo@example.org"),
        ("email her: Jo.Smith+plan@council.gov.uk thanks", "Jo.Smith+plan@council.gov.uk"),
        ("Nan 07700 900111 or Kelly 07700 900222", "07700 900111"),
        ("ring 999", "999"),
        ("call the police on 999", "999"),
    ],
)
def test_finds_uk_numbers_and_emails(text: str, contact: str) -> None:
    assert extract_contact(text) == contact


@pytest.mark.parametrize(
    "text",
    [
        "nothing",
        "",
        "12/01/2027",
        "0770090012",  # a mobile number one digit short
        "1234567890",
        "she is 999 times better",
        "Room 101",
        "jo@",
        "@home",
    ],
)
def test_no_contact(text: str) -> None:
    assert extract_contact(text) is None


# -- mentioned_names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Nan will take the kids to hers and ring Kelly", ["Nan", "Kelly"]),
        ("nan will take the kids to hers and ring kelly", ["Nan"]),
        ("if it kicks off I'll call aunty jo", ["Aunty Jo"]),
        # Conservative: a capital at the start of a sentence says nothing.
        ("Leo told Mr Ahmed at school", ["Mr Ahmed"]),
        ("Yesterday Leo told Mr Ahmed", ["Leo", "Mr Ahmed"]),
        ("The social worker is Sam Patel.", ["Sam Patel"]),
        ("Sam Patel is the social worker.", ["Sam Patel"]),
        ("Mum and Dad argue when Grandad visits", ["Mum", "Dad", "Grandad"]),
        ("Dad's friend Gary will pick them up", ["Dad", "Gary"]),
        ("We'll stay at Kelly's", ["Kelly"]),
        ("I rang her. Kelly came. Later Kelly left", ["Kelly"]),
        ("Hopefully Nan will ring on Monday in March", ["Nan"]),
        ("Ms Khan rang", ["Ms Khan"]),
        ("Leo goes to Nana Pat's on Sundays", ["Nana Pat"]),
        ("mums partner Dave will come", ["Mum", "Dave"]),
        ("I <3 my Nan > everyone and Kelly", ["Nan", "Kelly"]),
        ("<p>Nan rang <b>Kelly</b></p>", ["Nan", "Kelly"]),
    ],
)
def test_names_in_free_text(text: str, names: list[str]) -> None:
    assert mentioned_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "I told the School and the Police.",
        "We went to Tesco in Leeds on Friday",
        "He was Happy on Monday. Sometimes he Shouts",
        "Things are OK. The CIN plan and the TAF are fine. DV is a worry.",
        "I think It Will Be Fine",
        "Will you call?",
        "May I ask something",
        "it was in May and June",
        "He Is Always Shouting At Everyone In The House",
        "EVERYONE IS SHOUTING AND NOBODY LISTENS",
        "hahaha hmmm ok",
        "",
    ],
)
def test_ordinary_words_are_never_names(text: str) -> None:
    assert mentioned_names(text) == []


def test_each_name_is_reported_once() -> None:
    assert mentioned_names("Kelly rang Nan. Then nan rang Kelly") == ["Kelly", "Nan"]
def test_a_kinship_name_with_its_description_and_number_is_one_person() -> None:
    from bot.parsing import parse_people

    for text in ("Nan (grandmother), 07700 900123", "Nan (grandmother) 07700 900123",
                 "Nan, grandmother, 07700 900123"):
        people = parse_people(text)
        assert [(p.name, p.relationship, p.contact) for p in people] == [
            ("Nan", "grandmother", "07700 900123")
        ], text


def test_a_pasted_list_is_one_person_per_record_in_the_words_typed() -> None:
    # A worker's paste, one person per semicolon: the description stays whole
    # ("by marriage" is not a second person called Marriage) and each number
    # stays with its own person.
    text = (
        "Denise Brennan, paternal grandmother, 07700 900141; Michael Walsh, maternal uncle by "
        "marriage (Karen's husband), 07700 900277; Andy Morton, drug and alcohol worker, "
        "Change Grow Live (for Carl), 07700 900660."
    )
    assert parse_people(text) == [
        NamedPerson("Denise Brennan", "paternal grandmother", "07700 900141", False),
        NamedPerson("Michael Walsh", "maternal uncle by marriage (Karen's husband)",
                    "07700 900277", False),
        NamedPerson("Andy Morton", "drug and alcohol worker, Change Grow Live (for Carl)",
                    "07700 900660", True),
    ]


def test_one_person_per_line_with_a_dash() -> None:
    assert parse_people("Jo - neighbour\nPete - Dad's AA sponsor, tel 07700 900999") == [
        NamedPerson("Jo", "neighbour", None, False),
        NamedPerson("Pete", "Dad's AA sponsor", "07700 900999", False),
    ]
