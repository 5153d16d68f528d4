"""Splitting a "who will do what" plan rule into person, action and contact."""

import pytest

from bot.parsing import WhoDoesWhat, parse_who_does_what


def test_person_action_and_contact_from_one_sentence() -> None:
    assert parse_who_does_what(
        "Nan will take the children to hers, ring her on 07700 900123"
    ) == WhoDoesWhat("Nan", "take the children to hers", "07700 900123")


def test_the_condition_is_not_the_person() -> None:
    assert parse_who_does_what("If Dad drinks, Mum will call Kelly to come round") == (
        WhoDoesWhat("Mum", "call Kelly to come round", None)
    )


@pytest.mark.parametrize(
    ("text", "person", "action"),
    [
        ("If Dad drinks Mum will call Kelly", "Mum", "call Kelly"),
        ("when dad has been drinking nan will have the kids", "Nan", "have the kids"),
        ("If he shouts then Kelly will come round", "Kelly", "come round"),
        ("Nan to take the kids", "Nan", "take the kids"),
        ("Nan: take the kids to hers", "Nan", "take the kids to hers"),
        ("Nan - take the kids to hers", "Nan", "take the kids to hers"),
        ("Nan takes the kids to hers", "Nan", "takes the kids to hers"),
        ("Mum'll ring Nan", "Mum", "ring Nan"),
        ("Mum is going to ring Nan", "Mum", "ring Nan"),
        ("Sam the social worker will visit every week", "Sam", "visit every week"),
        ("the social worker will visit every week", "Social worker", "visit every week"),
        ("my sister Kelly will have them", "Kelly", "have them"),
        ("Aunty Jo will then pick them up from school", "Aunty Jo", "pick them up from school"),
        ("I will ring Nan", "I", "ring Nan"),
        ("we will go to Nan's", "We", "go to Nan's"),
        ("nan will take them to hers.", "Nan", "take them to hers"),
    ],
)
def test_person_and_action(text: str, person: str, action: str) -> None:
    result = parse_who_does_what(text)
    assert (result.person, result.action) == (person, action)


def test_the_number_of_someone_they_will_call_is_never_the_doers() -> None:
    # Issue 14: Kelly's number printed as "How to reach them" under Mum. It is the
    # number Mum will ring, so it stays in what she will do.
    result = parse_who_does_what("Mum will ring Kelly on 07700 900123")
    assert result == WhoDoesWhat(
        "Mum", "ring Kelly on 07700 900123", None, ("Kelly", "07700 900123")
    )


@pytest.mark.parametrize(
    ("text", "person", "action", "number_of"),
    [
        ("Jade will phone Rachel on 0121 496 0456", "Jade", "phone Rachel on 0121 496 0456",
         ("Rachel", "0121 496 0456")),
        ("Hen phones the police on 999 and then rings Jade", "Hen",
         "phones the police on 999 and then rings Jade", None),
        ("Dad to leave and call his sponsor Pete 07700 900333", "Dad",
         "leave and call his sponsor Pete 07700 900333", ("Pete", "07700 900333")),
        ("Kerry texts Sandra (07700 900456) who comes round", "Kerry",
         "texts Sandra (07700 900456) who comes round", ("Sandra", "07700 900456")),
        ("Kelly will call me on 07700 900222", "Kelly", "call me on 07700 900222", None),
    ],
)
def test_a_number_to_call_stays_in_the_action(
    text: str, person: str, action: str, number_of: tuple[str, str] | None
) -> None:
    # The number is the called person's (to put on their record), never the doer's.
    assert parse_who_does_what(text) == WhoDoesWhat(person, action, None, number_of)


def test_the_doers_own_number_is_still_lifted_out() -> None:
    result = parse_who_does_what("Nan will take the children to hers, ring her on 07700 900123")
    assert result == WhoDoesWhat("Nan", "take the children to hers", "07700 900123")


def test_a_number_in_brackets_is_lifted_out() -> None:
    result = parse_who_does_what("Kelly (07700 900123) will come round")
    assert result == WhoDoesWhat("Kelly", "come round", "07700 900123")


@pytest.mark.parametrize(
    "text",
    [
        "call the police on 999",
        "someone will call",
        "keep the kids safe",
        "take the kids to school",
        "talk to Kelly",
    ],
)
def test_unsplittable_instruction_is_kept_whole(text: str) -> None:
    result = parse_who_does_what(text)
    assert result.person is None
    assert result.action == text


def test_a_number_to_call_with_nobody_named_stays_in_the_action() -> None:
    # Not "How to reach them: 999" under nobody (issue 14).
    assert parse_who_does_what("call the police on 999") == WhoDoesWhat(
        None, "call the police on 999", None
    )


def test_empty_text_is_an_empty_action() -> None:
    assert parse_who_does_what("") == WhoDoesWhat(None, "", None)


@pytest.mark.parametrize(
    ("text", "person", "action", "contact"),
    [
        # In a hurry or in a second language, without "will" or "-s".
        ("Magda come and take children to her house, her number 07700 900671", "Magda",
         "come and take children to her house", "07700 900671"),
        ("I call 999", "I", "call 999", None),
        ("we go to Nan's", "We", "go to Nan's", None),
    ],
)
def test_a_doing_word_as_it_is(text: str, person: str, action: str, contact: str | None) -> None:
    assert parse_who_does_what(text) == WhoDoesWhat(person, action, contact)


@pytest.mark.parametrize("text", ["Summer come and go", "Football help him calm down"])
def test_an_everyday_word_before_a_bare_verb_is_not_a_person(text: str) -> None:
    assert parse_who_does_what(text).person is None


@pytest.mark.parametrize(
    ("text", "person", "action", "contact"),
    [
        # A worker's plan, from fidelity batch c: each part had no doer at all.
        ("Mum (Stacey) calls 999 if Craig attends and will not leave", "Stacey",
         "calls 999 if Craig attends and will not leave", None),
        ("MGM Christine collects the children and keeps them overnight (07700 900310)",
         "Christine", "collects the children and keeps them overnight", "07700 900310"),
        ("Leanne provides back-up care if Christine is unavailable (07700 900267)", "Leanne",
         "provides back-up care if Christine is unavailable", "07700 900267"),
        ("Mr Patel (DSL) to contact SW same day if any child discloses (0121 496 0042)",
         "Mr Patel", "contact SW same day if any child discloses", "0121 496 0042"),
        ("Julie stays Fri/Sat nights and does the night feeds, contact 07700 900147", "Julie",
         "stays Fri/Sat nights and does the night feeds", "07700 900147"),
    ],
)
def test_a_workers_plan_part_names_its_doer(
    text: str, person: str, action: str, contact: str | None
) -> None:
    assert parse_who_does_what(text) == WhoDoesWhat(person, action, contact)


def test_the_name_before_the_verb_does_it_not_the_one_before_to() -> None:
    # "Ryan takes Noah to nursery": the rule was Noah's, and the number went under a
    # person called "Mon-Wed".
    found = parse_who_does_what("Ryan takes Noah to nursery Mon-Wed (07700 900802)")
    assert found == WhoDoesWhat("Ryan", "takes Noah to nursery Mon-Wed", "07700 900802")


def test_a_warning_before_the_plan_still_gives_the_plan_to_its_doer() -> None:
    assert parse_who_does_what("Dad drinks, Nan will take the kids").person == "Nan"


@pytest.mark.parametrize(
    ("text", "person", "action"),
    [
        # A condition without a comma (fidelity batch c): the doer is "I", not nobody,
        # and never Jordan, who is in the condition.
        ("if jordan turns up i ring 999 first", "I", "ring 999 first"),
        ("when dad drinks we go to my mums", "We", "go to my mums"),
        ("if i feel low i ring my sister", "I", "ring my sister"),
    ],
)
def test_after_a_condition_without_a_comma_i_or_we_is_the_doer(
    text: str, person: str, action: str
) -> None:
    found = parse_who_does_what(text)
    assert (found.person, found.action) == (person, action)
