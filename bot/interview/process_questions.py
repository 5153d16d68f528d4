"""Questions about the chat and the plan itself, answered and the question asked again.

"who else gets to read this" and "is this going to be used in court" were said
back as "I can only help with writing the safety plan" (or saved as an answer):
a family member who asks who will see what they write deserves a true answer,
and the plan should not hold the question as a fact. The wording is data, in
process_questions.yml, for a practice lead to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.interview.commands import plain
from bot.nlu.guard import normalise

SOURCE = Path(__file__).with_name("process_questions.yml")
_QUESTION_WORDS = re.compile(
    r"^(?:(?:so|but|and|ok|okay|sorry|um|erm|wait|just|also|oh|thanks|thank you|ta|cheers)\W+)*"
    r"(?:who|what|whats|why|when|where|how|will|would|can|could|is|are|does|do|did|"
    r"am|should|shall|might|may|wont|cant|isnt|arent)\b"
)


# A question after a clause ("if i put 5 does that mean they take the kids").
_ASKS_INSIDE = re.compile(
    r"\b(?:does that mean|does it mean|will they|are they going to|are they gonna|do they|"
    r"would they|could they|can they|will you|will it)\b"
)


@dataclass(frozen=True)
class _Question:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    answers: dict[str, str]


@lru_cache(maxsize=1)
def _load() -> tuple[int, tuple[_Question, ...]]:
    data: dict[str, Any] = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    found = []
    for name, spec in data["questions"].items():
        found.append(
            _Question(
                name,
                tuple(re.compile(str(p)) for p in spec["patterns"]),
                {"family": str(spec["family"]), "worker": str(spec["worker"])},
            )
        )
    return int(data["max_words"]), tuple(found)


def which(text: str) -> str | None:
    """The process question the whole message asks ("who_sees", "court", ...), or None."""
    if not isinstance(text, str) or text.startswith("/"):
        return None
    limit, questions = _load()
    said = normalise(plain(text))
    if not said or len(said.split()) > limit:
        return None
    if not (
        text.rstrip().endswith("?") or _QUESTION_WORDS.search(said) or _ASKS_INSIDE.search(said)
    ):
        return None
    for question in questions:
        if any(p.search(said) for p in question.patterns):
            return question.name
    return None


# Where a sentence ends, for a question typed after an answer ("police came once
# in march. what will happen will they take the kids").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def split_trailing(text: str) -> tuple[str, str | None]:
    """An answer with a question about the chat after it: (the answer, the question's name).

    The question is answered, and the answer is saved without it: the plan
    should not hold "will they take the kids" as a fact (a persona's worry).
    (text, None) when the message does not end with such a question."""
    if not isinstance(text, str):
        return text, None
    parts = _SENTENCE_END.split(text.strip())
    if len(parts) < 2:
        return text, None
    # The last sentence, and any question sentences just before it.
    start = len(parts) - 1
    name = which(parts[start])
    if name is None:
        return text, None
    while start > 1 and which(parts[start - 1]) is not None:
        start -= 1
    head = " ".join(parts[:start]).strip()
    if len(head.split()) < 2:
        return text, None
    return head, name


def answer_for(name: str, audience: str = "family") -> str:
    question = next(q for q in _load()[1] if q.name == name)
    return question.answers["worker" if audience in ("worker", "learner") else "family"]


def answer(text: str, audience: str = "family") -> str | None:
    """The answer to the process question the message asks, for this audience, or None."""
    name = which(text)
    if name is None:
        return None
    # "who sees this? will it go to court": each question in it, answered once.
    names = [name]
    for sentence in _SENTENCE_END.split(text.strip()):
        more = which(sentence)
        if more is not None and more not in names:
            names.append(more)
    return " ".join(answer_for(n, audience) for n in names)


def all_answers() -> tuple[str, ...]:
    """Every answer's text (for the evaluation's reading of replies)."""
    return tuple(a for q in _load()[1] for a in q.answers.values())
