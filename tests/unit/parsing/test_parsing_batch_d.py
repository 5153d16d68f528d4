"""People and who-does-what in the words of fidelity batch d (a dyslexic mum, a worker
pasting case notes, a dad in a hurry): each fact under the right person."""

from __future__ import annotations

import pytest

from bot.parsing import parse_people
from bot.parsing.people import parse_who_does_what, who_does_what_parts


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.relationship, p.contact) for p in parse_people(text)}


def test_relationship_words_spelt_as_heard_are_the_relationship_not_the_name() -> None:
    found = _people("my frend becky 07700 900722. my nabor raj next dor. social werker sophie")
    assert set(found) == {"Becky", "Raj", "Sophie"}
    assert "friend" in (found["Becky"][0] or "")
    assert found["Becky"][1] == "07700 900722"
    assert "neighbour" in (found["Raj"][0] or "")
    assert found["Sophie"][0] == "social worker"


@pytest.mark.parametrize("word", ["telephone", "mobile", "number"])
def test_a_word_for_the_phone_is_never_a_person(word: str) -> None:
    found = _people(f"My neighbour Pat next door, her {word} is 0161 496 0452. Also Joan")
    assert set(found) == {"Pat", "Joan"}
    assert found["Pat"][1] == "0161 496 0452"


def test_a_pasted_record_with_the_role_first_names_the_person() -> None:
    found = _people(
        "HV – Lucy Grant (07700 900870); IDVA – Marcus (via MARAC; 0161 496 0366); GP – Dr Shah"
    )
    assert found == {
        "Lucy Grant": ("HV", "07700 900870"),
        "Marcus": ("IDVA (via MARAC)", "0161 496 0366"),
        "Dr Shah": ("GP", None),
    }


def test_a_record_with_the_name_first_keeps_it_first() -> None:
    found = _people("MGM Christine Walsh (07700 900811) – main support; maternal aunt Stacey")
    assert set(found) == {"Christine Walsh", "Stacey"}
    assert found["Christine Walsh"][1] == "07700 900811"


def test_two_people_in_one_sentence_are_two_parts_each_with_their_own_number() -> None:
    parts = who_does_what_parts(
        "i dont open door if she kicks off. mum has the kids if im on nights, "
        "dean comes round if i need him 07700 900388"
    )
    doers = [parse_who_does_what(p) for p in parts]
    assert [(d.person, d.contact) for d in doers[1:]] == [
        ("Mum", None), ("Dean", "07700 900388")
    ]


@pytest.mark.parametrize(
    "text",
    ["if dad kicks off, nan will come and get the kids",
     "Nan will take the kids to school and the dog for a walk"],
)
def test_a_condition_or_one_persons_list_is_not_cut(text: str) -> None:
    assert who_does_what_parts(text) == [text]


def test_a_condition_ending_in_a_colon_is_never_a_name() -> None:
    found = parse_who_does_what("If Liam attends: Jade not to open door & to call 999")
    assert found.person != "Liam Attends"


def test_a_role_first_record_at_a_place_names_the_person_not_the_place() -> None:
    found = _people("DSL at St Mark's Primary – Mrs Adeyemi (0161 496 0355); HV – Lucy Grant")
    assert found["Mrs Adeyemi"] == ("DSL at St Mark's Primary", "0161 496 0355")


def test_shell_before_a_doing_word_is_she_will() -> None:
    found = parse_who_does_what("shaz shell get the big two from school")
    assert "she'll get the big two" in found.action


def test_wil_for_will_keeps_each_number_with_its_own_person() -> None:
    # Fidelity a02: Gloria's number was printed under Andre.
    parts = who_does_what_parts(
        "if I cant get there my mum Gloria wil go her numba is 07700 900457. "
        "andre can help to 07700 900562 he has a car"
    )
    found = [(parse_who_does_what(p).person, parse_who_does_what(p).contact) for p in parts]
    assert found == [("Gloria", "07700 900457"), ("Andre", "07700 900562")]
    assert "wil go" in parts[0]  # the words are kept as typed
