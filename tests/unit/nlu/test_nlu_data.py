"""The NLU training data and the held-out evaluation set.

Checks that the files load with Rasa's own reader, that every contract intent
has enough examples, that no sentence is taught as two intents, and that the
held-out set shares no sentence (or near-copy) with anything the model trains
on, so the CI score is an honest one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
NLU_DIR = ROOT / "data" / "nlu"
OWN_FILES = [NLU_DIR / name for name in ("navigation.yml", "chitchat.yml", "answers.yml")]
HOLDOUT = ROOT / "tests" / "data" / "nlu_holdout.yml"
URGENT_TEST = ROOT / "tests" / "data" / "urgent_test.yml"

NAVIGATION = [
    "help",
    "example",
    "go_back",
    "skip",
    "stop",
    "restart",
    "review",
    "export",
    "start_practice",
    "meeting_pack",
]
CHITCHAT = ["greet", "goodbye", "thank", "bot_challenge", "out_of_scope"]
INTERRUPTING = NAVIGATION + CHITCHAT

# Minimum training examples per intent. The intents families use most get more.
MIN_TRAINING = {intent: 25 for intent in INTERRUPTING}
MIN_TRAINING.update({"help": 40, "skip": 40, "stop": 40, "review": 40, "export": 40})
MIN_TRAINING.update({"affirm": 25, "deny": 25, "inform": 200})

MIN_HOLDOUT = {intent: 12 for intent in INTERRUPTING}
MIN_HOLDOUT["inform"] = 60

# Holdout and training sentences this many words or longer must differ by more
# than one word (a swapped, added or dropped word is still a copy).
NEAR_COPY_MIN_WORDS = 5


def normalise(text: str) -> str:
    """Case, apostrophes, punctuation and spacing do not make a sentence new."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _load(path: Path) -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("intent"), m.get("text")) for m in data.intent_examples]


@pytest.fixture(scope="module")
def own_examples() -> dict[Path, list[tuple[str, str]]]:
    return {path: _load(path) for path in OWN_FILES}


@pytest.fixture(scope="module")
def training() -> list[tuple[str, str]]:
    """Everything the model trains on: every file in data/nlu, so other owners'
    files (safety.yml with urgent_danger, choices.yml) are checked too."""
    paths = set(OWN_FILES) | set(NLU_DIR.glob("*.yml")) | set(NLU_DIR.glob("*.yaml"))
    return [example for path in sorted(paths) for example in _load(path)]


@pytest.fixture(scope="module")
def holdout() -> list[tuple[str, str]]:
    return _load(HOLDOUT)


@pytest.mark.parametrize("path", OWN_FILES + [HOLDOUT], ids=lambda p: p.name)
def test_file_is_rasa_3_format(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert str(document["version"]) == "3.1"
    assert set(document) == {"version", "nlu"}
    for block in document["nlu"]:
        assert set(block) == {"intent", "examples"}, block.get("intent")


def test_files_load_with_rasa_reader(own_examples: dict[Path, list[tuple[str, str]]]) -> None:
    for path, examples in own_examples.items():
        assert examples, f"{path.name} has no examples"
        assert all(text and text.strip() for _, text in examples)


def test_whole_directory_loads() -> None:
    # `rasa train nlu --nlu data/nlu` reads the folder as one, with other
    # owners' files in it.
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(NLU_DIR))
    assert set(MIN_TRAINING) <= data.intents


def test_intents_sit_in_their_feature_file(
    own_examples: dict[Path, list[tuple[str, str]]],
) -> None:
    expected = {
        "navigation.yml": set(NAVIGATION),
        "chitchat.yml": set(CHITCHAT),
        "answers.yml": {"affirm", "deny", "inform"},
    }
    for path, examples in own_examples.items():
        assert {intent for intent, _ in examples} == expected[path.name]


def test_no_urgent_examples_in_our_files(
    own_examples: dict[Path, list[tuple[str, str]]],
) -> None:
    # urgent_danger belongs to data/nlu/safety.yml and its owner.
    for examples in own_examples.values():
        assert all(intent != "urgent_danger" for intent, _ in examples)
    if URGENT_TEST.exists():
        urgent = yaml.safe_load(URGENT_TEST.read_text(encoding="utf-8")).get("urgent", [])
        urgent_norm = {normalise(text) for text in urgent}
        ours = {normalise(text) for ex in own_examples.values() for _, text in ex}
        assert not ours & urgent_norm


@pytest.mark.parametrize("intent", sorted(MIN_TRAINING))
def test_every_contract_intent_has_enough_training_examples(
    intent: str, own_examples: dict[Path, list[tuple[str, str]]]
) -> None:
    counts = Counter(i for examples in own_examples.values() for i, _ in examples)
    assert counts[intent] >= MIN_TRAINING[intent], (intent, counts[intent])


def test_no_example_appears_under_two_intents(training: list[tuple[str, str]]) -> None:
    intents_by_text: dict[str, set[str]] = defaultdict(set)
    for intent, text in training:
        intents_by_text[normalise(text)].add(intent)
    clashes = {text: sorted(i) for text, i in intents_by_text.items() if len(i) > 1}
    assert not clashes


def test_no_exact_duplicates_within_our_files(
    own_examples: dict[Path, list[tuple[str, str]]],
) -> None:
    # Case variants ("help", "HELP") are kept on purpose: the lexical
    # featurizer sees case. Exact repeats only add weight by accident.
    texts = [text.strip() for ex in own_examples.values() for _, text in ex]
    assert not [text for text, n in Counter(texts).items() if n > 1]


@pytest.mark.parametrize("intent", sorted(MIN_HOLDOUT))
def test_holdout_has_enough_examples(intent: str, holdout: list[tuple[str, str]]) -> None:
    counts = Counter(i for i, _ in holdout)
    assert counts[intent] >= MIN_HOLDOUT[intent], (intent, counts[intent])


def test_holdout_intents_are_all_trained(
    holdout: list[tuple[str, str]], training: list[tuple[str, str]]
) -> None:
    assert {i for i, _ in holdout} <= {i for i, _ in training}


def test_holdout_has_no_internal_duplicates(holdout: list[tuple[str, str]]) -> None:
    texts = [normalise(text) for _, text in holdout]
    assert not [text for text, n in Counter(texts).items() if n > 1]


def test_holdout_is_disjoint_from_training(
    holdout: list[tuple[str, str]], training: list[tuple[str, str]]
) -> None:
    trained = {normalise(text) for _, text in training}
    leaked = sorted({normalise(text) for _, text in holdout} & trained)
    assert not leaked, f"held-out sentences found in training data: {leaked}"


def _within_one_word(a: list[str], b: list[str]) -> bool:
    """True when one word substituted, added or dropped turns a into b."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def test_holdout_has_no_near_copies_of_training(
    holdout: list[tuple[str, str]], training: list[tuple[str, str]]
) -> None:
    # Only a near-copy under the *same* intent flatters the score; a one-word
    # difference that changes the intent ("can I print the plan" / "can I see
    # the plan") is exactly what the model must learn.
    by_length: dict[tuple[str, int], list[list[str]]] = defaultdict(list)
    for intent, text in training:
        words = normalise(text).split()
        by_length[(intent, len(words))].append(words)
    near = []
    for intent, text in holdout:
        words = normalise(text).split()
        if len(words) < NEAR_COPY_MIN_WORDS:
            continue
        for length in (len(words) - 1, len(words), len(words) + 1):
            near += [
                (text, " ".join(other))
                for other in by_length.get((intent, length), [])
                if _within_one_word(words, other)
            ]
    assert not near, f"held-out sentences too close to training sentences: {near}"


def test_normalise_ignores_case_punctuation_and_spacing() -> None:
    assert normalise("  I DON'T   know!! ") == normalise("i dont know")
    assert normalise("What does that mean?") == "what does that mean"
