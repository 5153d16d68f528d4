"""How much a message *means* "someone is in danger now", whatever its words.

A support-vector classifier over the message's sentence vector
(bot/parsing/sentence_vectors.py) and a handful of cues about time and
framing. It is the layer that generalises: the danger rules (rules.py) only
know the phrasings they were written from, while sentence vectors put "i have
the pills in my hand" near "I'm going to take an overdose" without either
sharing a word. The cues carry what a mean of word vectors blurs: whether the
message frames danger as conditional ("if he turns up"), habitual ("when he
drinks"), past ("two years ago"), a plain "no" to the safety question, or
pins it to now ("right now", "he is outside").

The weights are data: `urgent_meaning.json`, written by
`scripts/train_urgent_meaning.py` from the labelled sets (the NLU examples,
tests/data/urgent_dev.yml, training sets in tests/data/urgent_training/, the
question examples, and blind batches only once they have been scored). A test
checks the file matches that data and these features.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.safety.normalise import normalise

WEIGHTS_FILE = Path(__file__).with_name("urgent_meaning.json")
ARRAYS_FILE = Path(__file__).with_name("urgent_meaning.npz")
# Bumped whenever `cues` changes, so stale weights are caught.
FEATURES_VERSION = "cues-2"

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("conditional", re.compile(r"\b(?:if|whenever|every time|each time|in case|should)\b")),
    ("when", re.compile(r"\bwhen\b")),
    ("past", re.compile(
        r"\b(?:ago|used to|last (?:week|month|year|time|christmas|summer|winter|spring|autumn)"
        r"|in (?:january|february|march|april|may|june|july|august|september|october|november"
        r"|december|20[0-9][0-9])|back in|years?|months?)\b")),
    ("future_plan", re.compile(
        r"\b(?:will|would|could|might|can|going to ring|going to call|plan)\b")),
    ("no_answer", re.compile(
        r"^(?:no|nope|nah|not|nobody|no one|noone|none|we are (?:ok|okay|fine|safe)|"
        r"i am (?:ok|okay|fine|safe)|all (?:ok|okay|good|fine))\b")),
    ("now", re.compile(
        r"\b(?:right now|now|at the moment|as we speak|tonight|this (?:morning|afternoon|"
        r"evening|minute)|just|currently|still|minutes? ago|mins ago|an hour ago)\b")),
    ("here", re.compile(
        r"\b(?:is|are) (?:here|outside|at the door|in the (?:house|flat|property|room))\b")),
    ("help", re.compile(r"\b(?:help|please|sos|urgent|emergency|what do i do|what should i do)\b")),
    ("person_plan", re.compile(
        r"\b(?:nan|grandma|grandad|auntie|aunt|uncle|sister|brother|neighbour|friend|worker|"
        r"school|teacher)\b(?: \w+){0,3} (?:will|comes|come|collects|takes|picks)\b")),
)


def cues(text: str) -> np.ndarray:
    """Framing cues of a message, each 0 or 1, plus two for its length."""
    sentences = normalise(text)
    joined = " ".join(sentences)
    values = [1.0 if pattern.search(joined) else 0.0 for _name, pattern in _CUES]
    words = len(joined.split())
    values.append(1.0 if words <= 3 else 0.0)
    values.append(min(words, 60) / 60.0)
    return np.asarray(values, dtype=np.float32)


# Web addresses say nothing about danger, and their odd word pieces pull a
# sentence vector somewhere no training message ever was.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _plain(text: str) -> str:
    return _ADDRESS.sub(" a link ", text[:1000])


def features(texts: list[str]) -> np.ndarray:
    from bot.parsing.sentence_vectors import encoder

    vectors = encoder().encode([_plain(t) for t in texts])
    extra = np.stack([cues(t) for t in texts]) if texts else np.zeros((0, len(_CUES) + 2))
    return np.hstack([vectors, extra.astype(np.float32)])


@dataclass(frozen=True)
class MeaningModel:
    """A support-vector machine with an RBF kernel and Platt-scaled probabilities.

    Kept as plain arrays (no pickles): the support vectors, their weights,
    the kernel width and the two numbers of the probability scaling.
    """

    support: np.ndarray  # (n_support, n_features)
    dual: np.ndarray  # (n_support,)
    intercept: float
    gamma: float
    prob_a: float
    prob_b: float
    data_hash: str

    def decision(self, row: np.ndarray) -> float:
        distances = ((self.support - row) ** 2).sum(axis=1)
        return float(self.dual @ np.exp(-self.gamma * distances)) + self.intercept

    def probability(self, row: np.ndarray) -> float:
        # libsvm's Platt scaling as sklearn applies it for the positive class.
        z = self.prob_a * self.decision(row) - self.prob_b
        return 1.0 / (1.0 + math.exp(max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def model() -> MeaningModel:
    meta = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    with np.load(ARRAYS_FILE, allow_pickle=False) as arrays:
        support = arrays["support"].astype(np.float32)
        dual = arrays["dual"].astype(np.float32)
    return MeaningModel(
        support=support,
        dual=dual,
        intercept=float(meta["intercept"]),
        gamma=float(meta["gamma"]),
        prob_a=float(meta["prob_a"]),
        prob_b=float(meta["prob_b"]),
        data_hash=str(meta["data_hash"]),
    )


@lru_cache(maxsize=256)
def urgent_probability(text: str) -> float:
    """0..1: how much the message reads like a present emergency (no question, no rules).

    Cached for the process: the same words (a button's label typed out, a
    repeated "no") cost one encoding, not one per turn.
    """
    if not text or not text.strip():
        return 0.0
    return model().probability(features([text])[0])
