"""Safety scale answers as families and workers type them."""

import pytest

from bot.parsing import ScoreParse, parse_score


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6", 6),
        ("six", 6),
        ("Six.", 6),
        ("SIX", 6),
        ("about a 6", 6),
        ("around 6", 6),
        ("prob a 6", 6),
        ("6/10", 6),
        ("6 / 10", 6),
        ("6 out of 10", 6),
        ("6 out of ten", 6),
        ("6 outta 10", 6),
        ("I'd say a 6", 6),
        ("6ish", 6),
        ("seven-ish", 7),
        ("0", 0),
        ("zero", 0),
        ("nought", 0),
        ("ten", 10),
        ("10", 10),
        ("10/10", 10),
        ("one", 1),
        ("6️⃣", 6),
        ("<b>6</b>", 6),
    ],
)
def test_reads_a_single_score(text: str, value: float) -> None:
    assert parse_score(text) == ScoreParse(value, None, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("between 5 and 6", 5.5),
        ("5 or 6", 5.5),
        ("5-6", 5.5),
        ("5 - 6", 5.5),
        ("5 to 6", 5.5),
        ("five or six", 5.5),
        ("a 5 or a 6", 5.5),
        ("5.5", 5.5),
        ("5,5", 5.5),
        ("five and a half", 5.5),
        ("5 and a half", 5.5),
        ("6½", 6.5),
        ("6 1/2", 6.5),
        ("½", 0.5),
        ("9-10", 9.5),
    ],
)
def test_ranges_and_halves_land_on_the_half_point(text: str, value: float) -> None:
    result = parse_score(text)
    assert result.value == value
    assert result.problem is None


@pytest.mark.parametrize(("text", "value"), [("6.3", 6.5), ("6.2", 6.0), ("7.75", 8.0)])
def test_decimals_round_to_the_nearest_half(text: str, value: float) -> None:
    assert parse_score(text).value == value


def test_reason_after_because_is_kept_in_the_persons_words() -> None:
    result = parse_score("a 6 because he's been calmer")
    assert result == ScoreParse(6, "he's been calmer", None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("6 cos Dad has stopped drinking", "Dad has stopped drinking"),
        ("7, Nan is there every night", "Nan is there every night"),
        ("6 - school say he's happier", "school say he's happier"),
        ("5/10 but the shouting still happens", "the shouting still happens"),
        ("he's been calmer so a 6", "he's been calmer"),
        ("because he's calmer i'd say 6", "he's calmer"),
        ("6 so far so good", "so far so good"),
    ],
)
def test_reason_is_whatever_explains_the_number(text: str, reason: str) -> None:
    result = parse_score(text)
    assert result.problem is None
    assert result.reason == reason


def test_first_score_wins_when_an_older_one_is_mentioned() -> None:
    result = parse_score("I'd give it 6, it was a 3 last month")
    assert result.value == 6
    assert result.reason == "it was a 3 last month"


@pytest.mark.parametrize("text", ["about a 6", "6?", "6!!!", "6 out of 10."])
def test_no_reason_when_only_a_number_is_typed(text: str) -> None:
    assert parse_score(text) == ScoreParse(6, None, None)


@pytest.mark.parametrize("text", ["11", "eleven", "100", "10.5", "12/10"])
def test_above_the_scale_says_where_the_top_is(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert "above the top of the scale" in (result.problem or "")
    assert "0 to 10" in (result.problem or "")


def test_above_the_scale_names_the_number() -> None:
    assert parse_score("11").problem == (
        "11 is above the top of the scale. The scale goes from 0 to 10."
    )


@pytest.mark.parametrize("text", ["-2", "minus 2", "negative 3", "score: -1"])
def test_below_the_scale_says_where_the_bottom_is(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert "below the bottom of the scale" in (result.problem or "")


@pytest.mark.parametrize(
    "text", ["lots", "", "   ", "not sure", "I don't know", "🙂", "no one knows"]
)
def test_not_a_number_gets_a_kind_example(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert result.problem == "Please give a number from 0 to 10, like 4 or 7."


@pytest.mark.parametrize("text", ["100%", "60%", "50 per cent"])
def test_percentages_are_refused(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert "percentage" in (result.problem or "")


@pytest.mark.parametrize("text", ["7/5", "3 out of 5"])
def test_scores_out_of_something_else_are_refused(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert "out of 5" in (result.problem or "")
    assert "0 to 10" in (result.problem or "")


@pytest.mark.parametrize("text", ["2 and 9", "between 3 and 7", "4 or 6"])
def test_two_numbers_far_apart_ask_for_one(text: str) -> None:
    result = parse_score(text)
    assert result.value is None
    assert "one number" in (result.problem or "")


def test_out_of_range_and_not_a_number_are_worded_differently() -> None:
    problems = {parse_score(t).problem for t in ["11", "-2", "lots", "100%", "7/5", "2 and 9"]}
    assert len(problems) == 6


@pytest.mark.parametrize("text", ["6", "lots", "11", "2 and 9"])
def test_exactly_one_of_value_and_problem_is_set(text: str) -> None:
    result = parse_score(text)
    assert (result.value is None) != (result.problem is None)


def test_huge_number_does_not_echo_digits_back() -> None:
    result = parse_score("9" * 12)
    assert result.value is None
    assert result.problem is not None
    assert "999999999999" not in result.problem
