"""The NLU training data, the dev set and the held-out test set stay apart.

A sentence the model was trained on (or a near-copy of it) would make the
test set measure memory, not detection. Comparisons ignore case, punctuation
and apostrophes.
"""

from __future__ import annotations

import difflib
import itertools

import pytest

from tests.unit.safety._data import DEV_SET, NLU_FILE, TEST_SET, load_nlu, load_set, plain

# Two sentences at least this similar (difflib ratio on the plain form) count
# as near-copies: "our house is on fire" vs "the house is on fire" is 0.85.
NEAR_COPY_RATIO = 0.8


def _labelled(path) -> list[str]:
    urgent, not_urgent = load_set(path)
    return urgent + not_urgent


def _near_copies(a: list[str], b: list[str]) -> list[tuple[str, str, float]]:
    found = []
    plain_b = [plain(text) for text in b]
    for text in a:
        matcher = difflib.SequenceMatcher(None, plain(text))
        for other, other_plain in zip(b, plain_b, strict=True):
            matcher.set_seq1(other_plain)
            # quick_ratio is an upper bound: skip the exact ratio when it cannot reach.
            if matcher.quick_ratio() >= NEAR_COPY_RATIO and matcher.ratio() >= NEAR_COPY_RATIO:
                found.append((text, other, round(matcher.ratio(), 2)))
    return found


def test_nlu_file_has_enough_examples_of_both_intents() -> None:
    examples = load_nlu()
    assert len(examples["urgent_danger"]) >= 60
    assert len(examples["inform"]) >= 60


def test_nlu_file_is_rasa_3_nlu_data() -> None:
    import yaml

    data = yaml.safe_load(NLU_FILE.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    assert {block["intent"] for block in data["nlu"]} == {"urgent_danger", "inform"}


@pytest.mark.parametrize("path", [TEST_SET, DEV_SET], ids=["test", "dev"])
def test_no_nlu_example_appears_in_a_labelled_set(path) -> None:
    examples = load_nlu()
    training = {plain(text) for text in itertools.chain.from_iterable(examples.values())}
    overlap = [text for text in _labelled(path) if plain(text) in training]
    assert overlap == []


def test_no_nlu_example_is_a_near_copy_of_a_test_sentence() -> None:
    examples = list(itertools.chain.from_iterable(load_nlu().values()))
    assert _near_copies(examples, _labelled(TEST_SET)) == []


def test_test_and_dev_sets_share_no_sentence() -> None:
    test = {plain(text) for text in _labelled(TEST_SET)}
    dev = {plain(text) for text in _labelled(DEV_SET)}
    assert test & dev == set()


@pytest.mark.parametrize("path", [TEST_SET, DEV_SET], ids=["test", "dev"])
def test_no_sentence_is_labelled_twice(path) -> None:
    texts = [plain(text) for text in _labelled(path)]
    assert len(texts) == len(set(texts))


def test_no_nlu_example_is_given_both_intents() -> None:
    examples = load_nlu()
    urgent = {plain(text) for text in examples["urgent_danger"]}
    inform = {plain(text) for text in examples["inform"]}
    assert urgent & inform == set()
