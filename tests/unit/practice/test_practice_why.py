"""'Why this matters' explanations for each practice step."""

import re

import pytest

from bot.practice import STEPS, why
from bot.quality import check_jargon, check_readability

REQUIRED = (
    "network", "columns", "existing_safety", "danger", "goal", "pairing", "scale", "rules",
    "timeline", "closure",
)


def test_every_required_step_is_explained():
    assert set(REQUIRED) <= set(STEPS)


@pytest.mark.parametrize("step", REQUIRED)
def test_explanations_are_two_to_four_plain_sentences(step):
    text = why(step)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    assert 2 <= len(sentences) <= 4
    assert check_readability(text, step, audience="worker") == []
    assert "Signs of Safety" not in text


@pytest.mark.parametrize(
    ("alias", "step"),
    [("danger statement", "danger"), ("Safety goal", "goal"), ("scaling question", "scale"),
     ("plan rules", "rules"), ("next steps", "timeline"), ("existing-safety", "existing_safety"),
     ("pairs", "pairing")],
)
def test_common_names_for_a_step_work(alias, step):
    assert why(alias) == why(step)


def test_pairing_and_scale_answer_the_questions_learners_ask():
    assert "goal" in why("pairing") and "worry" in why("pairing")
    assert "0 to 10" in why("scale") and "progress" in why("scale")


def test_an_unknown_step_is_a_key_error_naming_the_steps():
    with pytest.raises(KeyError, match="network"):
        why("lunch")


def test_only_the_example_label_appears_in_the_explanations():
    for step in REQUIRED:
        codes = {f.excerpt for f in check_jargon(why(step), step)}
        assert codes <= {"neglect"}, (step, codes)
