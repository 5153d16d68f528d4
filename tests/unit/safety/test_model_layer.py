"""How the NLU model's vote combines with the rules.

The model can add urgency the rules missed; it can never take away urgency
the rules found; it is overruled only when the words clearly place the harm in
the past, in a habit or in a hypothetical, with nothing pointing at now.
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from bot.safety import MODEL_URGENT_THRESHOLD, Assessment, assess
from bot.safety.detect import MODEL_REASON, URGENT_INTENT
from bot.safety.harm_words import mentions_harm
from tests.unit.safety._data import DEV_SET, TEST_SET, load_set

HIGH = max(MODEL_URGENT_THRESHOLD, 0.95)
LOW = MODEL_URGENT_THRESHOLD - 0.2

# The rules alone do not call these urgent (checked below), so the model
# decides. Invented sentences; none is in the labelled sets.
UNCLEAR_TO_RULES = [
    "things have got really bad here",
    "i am so frightened of him",
    "its all kicking off at mine",
]
CLEARLY_PAST_OR_POSSIBLE = [
    "he used to lock her in the shed when they lived in Hull",
    "two years ago she was found wandering at night",
    "if dad starts drinking again things could get scary for the kids",
    "sometimes he gets rough with them when he has had a few",
    "I'm worried that one day he will really lose his temper",
]
URGENT_TO_RULES = [
    "he's got a knife and he's shouting at the kids",
    "my son has run away and he is only 8",
]


def test_threshold_is_a_named_constant_in_range() -> None:
    assert 0.5 < MODEL_URGENT_THRESHOLD < 1.0


@pytest.mark.parametrize("text", UNCLEAR_TO_RULES)
def test_model_alone_makes_a_message_urgent_when_nothing_says_otherwise(text: str) -> None:
    assert not assess(text).urgent
    result = assess(text, URGENT_INTENT, HIGH)
    assert result == Assessment(True, "model", (MODEL_REASON,))


@pytest.mark.parametrize("text", CLEARLY_PAST_OR_POSSIBLE)
def test_model_is_overruled_by_a_clear_past_habitual_or_hypothetical_marker(text: str) -> None:
    result = assess(text, URGENT_INTENT, HIGH)
    assert not result.urgent
    assert result.source == "none"
    # The reasons name the suppressors, so a reviewer sees why without the text.
    assert result.reasons
    assert set(result.reasons) <= {
        "past_time", "long_past", "habitual", "hypothetical", "future_plan"}


def test_immediacy_keeps_the_model_vote_despite_a_suppressor() -> None:
    text = "he used to be fine but tonight things are really scary"
    assert assess(text, URGENT_INTENT, HIGH).urgent


@pytest.mark.parametrize("text", UNCLEAR_TO_RULES + CLEARLY_PAST_OR_POSSIBLE)
def test_low_confidence_leaves_the_decision_to_the_rules(text: str) -> None:
    assert assess(text, URGENT_INTENT, LOW) == assess(text)


def test_threshold_is_inclusive() -> None:
    text = UNCLEAR_TO_RULES[0]
    assert assess(text, URGENT_INTENT, MODEL_URGENT_THRESHOLD).urgent
    assert not assess(text, URGENT_INTENT, math.nextafter(MODEL_URGENT_THRESHOLD, 0)).urgent


@pytest.mark.parametrize("text", URGENT_TO_RULES)
@pytest.mark.parametrize(
    ("intent", "confidence"),
    [(None, None), ("inform", 0.99), ("stop", 1.0), (URGENT_INTENT, LOW), (URGENT_INTENT, None)],
)
def test_model_can_never_remove_urgency_the_rules_found(
    text: str, intent: str | None, confidence: float | None
) -> None:
    result = assess(text, intent, confidence)
    assert result.urgent
    assert result.source == "rules"
    assert MODEL_REASON not in result.reasons


@pytest.mark.parametrize("text", URGENT_TO_RULES)
def test_both_layers_agreeing_is_reported(text: str) -> None:
    result = assess(text, URGENT_INTENT, HIGH)
    assert result.urgent
    assert result.source == "rules+model"
    assert MODEL_REASON not in result.reasons


@pytest.mark.parametrize("confidence", [math.nan, -1.0, 0.0])
def test_odd_confidences_are_not_a_vote(confidence: float) -> None:
    assert not assess(UNCLEAR_TO_RULES[0], URGENT_INTENT, confidence).urgent


def test_other_intents_never_count_as_urgent() -> None:
    assert not assess(UNCLEAR_TO_RULES[0], "inform", 1.0).urgent


def test_assessment_is_immutable() -> None:
    result = assess("he is hitting her")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.urgent = False  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_messages_are_not_urgent_even_if_the_model_says_so(text: str) -> None:
    assert assess(text, URGENT_INTENT, 1.0) == Assessment(False, "none", ())


# Answers to "how will we know it's going well?" are present tense and about
# the family, which is the shape the model has learnt for urgent messages.
CALM = [
    "The children are relaxed and Dad is calm at tea time",
    "The house is quiet and tidy",
    "Mum is calm and the children go to bed on time",
    "the baby is fine and sleeping",
    "Everyone sits down to eat together",
    "I'm calm and the kids are in bed",
]


@pytest.mark.parametrize("text", CALM)
def test_a_calm_message_is_not_urgent_even_when_the_model_is_sure(text: str) -> None:
    assert assess(text, URGENT_INTENT, 0.99) == Assessment(False, "none", ())


def test_every_labelled_urgent_message_has_a_harm_word_so_the_model_is_heard() -> None:
    # The word list must not shut the model out of any urgent message we know of.
    urgent = load_set(DEV_SET)[0] + load_set(TEST_SET)[0]
    assert len(urgent) >= 400
    assert [text for text in urgent if not mentions_harm(text)] == []
