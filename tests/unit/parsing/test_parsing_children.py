"""Children's first names and ages."""

import pytest

from bot.parsing import NamedChild, parse_children

LEO7_MIA4 = [NamedChild("Leo", 7), NamedChild("Mia", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Leo 7 and Mia 4",
        "Leo (7), Mia (4)",
        "leo aged 7, mia who is 4",
        "my son Leo who's 7 and my daughter mia she's 4",
        "Leo is 7 and Mia is 4",
        "leo 7 mia 4",
        "Leo 7yrs, Mia 4yrs",
        "Leo 7 years old and Mia 4 years old",
        "Leo, 7 & Mia, 4",
        "Leo - 7\nMia - 4",
        "Leo and Mia, 7 and 4",
        "leo who is seven and mia who is four",
        "Leo Smith (7), Mia Smith (4)",
        "LEO 7 AND MIA 4",
        "Leo's 7 and Mia's 4",
    ],
)
def test_names_with_ages(text: str) -> None:
    assert parse_children(text) == LEO7_MIA4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just leo", [NamedChild("Leo", None)]),
        ("Leo", [NamedChild("Leo", None)]),
        ("leo 7yrs", [NamedChild("Leo", 7)]),
        ("leo 7 y/o", [NamedChild("Leo", 7)]),
        (
            "Leo, Mia and Sam",
            [NamedChild("Leo", None), NamedChild("Mia", None), NamedChild("Sam", None)],
        ),
        (
            "leo mia and sam",
            [NamedChild("Leo", None), NamedChild("Mia", None), NamedChild("Sam", None)],
        ),
        (
            "Leo, Mia and Sam who is 2",
            [NamedChild("Leo", None), NamedChild("Mia", None), NamedChild("Sam", 2)],
        ),
        ("the baby Amara", [NamedChild("Amara", None)]),
        ("my kids are Poppy 4 and Jack 2", [NamedChild("Poppy", 4), NamedChild("Jack", 2)]),
        ("Mary-Jane 6", [NamedChild("Mary-Jane", 6)]),
        ("o'brien 5", [NamedChild("O'Brien", 5)]),
        ("DeShawn 9", [NamedChild("DeShawn", 9)]),
        ("Zoë 3", [NamedChild("Zoë", 3)]),
        ("Will and Mia", [NamedChild("Will", None), NamedChild("Mia", None)]),
        ("Leo 7, Leo 7", [NamedChild("Leo", 7)]),
    ],
)
def test_names_and_ages_in_everyday_forms(text: str, expected: list[NamedChild]) -> None:
    assert parse_children(text) == expected


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mia (18 months)", 1),
        ("Mia 18 mths", 1),
        ("Mia 6 months", 0),
        ("Mia 3 weeks old", 0),
        ("Mia 2 and a half", 2),
        ("Mia 7.5", 7),
    ],
)
def test_ages_are_whole_years(text: str, age: int) -> None:
    assert parse_children(text) == [NamedChild("Mia", age)]


@pytest.mark.parametrize("text", ["Leo 25", "Leo who is 34", "Leo 19 years"])
def test_adult_ages_are_dropped_but_the_name_is_kept(text: str) -> None:
    assert parse_children(text) == [NamedChild("Leo", None)]


def test_a_date_of_birth_is_not_an_age() -> None:
    assert parse_children("Leo born 12/03/2019") == [NamedChild("Leo", None)]


def test_non_latin_names_are_kept_as_typed() -> None:
    assert parse_children("ليو ٧ و مريم ٤") == [NamedChild("ليو", 7), NamedChild("مريم", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "I don't know",
        "dont know",
        "2",
        "🙂",
        "",
        "none",
        "no kids",
        "the children",
        "my son and my daughter",
        "will",
        "hope so",
    ],
)
def test_no_names_gives_an_empty_list(text: str) -> None:
    assert parse_children(text) == []
