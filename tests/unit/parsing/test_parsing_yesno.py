"""Yes and no as typed on a phone, and the button payloads."""

import pytest

from bot.parsing import parse_yes_no


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "Yes",
        "YES",
        "yes!",
        "Yes.",
        "yesss",
        "yeah",
        "yeahhh",
        "yea",
        "yep",
        "yup",
        "y",
        "Y",
        "ya",
        "aye",
        "sure",
        "ok",
        "OK",
        "okay",
        "okkk",
        "k",
        "correct",
        "that's right",
        "thats right",
        "that’s right",
        "yes please",
        "I think so",
        "definitely",
        "defo",
        "of course",
        "absolutely",
        "no problem",
        "👍",
        "👍🏽",
        "👍👍",
        "yes, he's 7",
        "yeah she moved out in march",
        "ok thanks",
        "alright then",
    ],
)
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "No",
        "NO!",
        "nooooo",
        "nope",
        "nah",
        "n",
        "N",
        "not really",
        "no thanks",
        "no thank you",
        "never",
        "👎",
        "no it isn't",
        "no it isn’t",
        "No, she moved out",
        "nah not really",
        "definitely not",
        "I don't think so",
        "not at all",
        "that's wrong",
    ],
)
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "I don't know",
        "dont know",
        "dunno",
        "idk",
        "maybe",
        "perhaps",
        "not sure",
        "no idea",
        "yes and no",
        "sort of",
        "kind of",
        "yes?",
        "yes no",
        "no yes",
        "yes it isn't",
        "hello",
        "Leo is 7",
        "",
        "   ",
        "🙂",
        "???",
    ],
)
def test_anything_else_is_not_understood(text: str) -> None:
    assert parse_yes_no(text) is None


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("/affirm", True),
        ("/deny", False),
        (" /affirm ", True),
        ('/affirm{"confirmed": true}', True),
        ("/deny{}", False),
        ("/stop", None),
        ("/", None),
    ],
)
def test_button_payloads(payload: str, expected: bool | None) -> None:
    assert parse_yes_no(payload) is expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Yes; on both occasions Carl was under the influence when Denise intervened.", True),
        ("yes - when he'd been drinking", True),
        ("Yes: twice, both times at night", True),
        ("No; it was the day after", False),
    ],
)
def test_a_yes_or_no_with_a_workers_punctuation(text: str, value: bool) -> None:
    assert parse_yes_no(text) is value
