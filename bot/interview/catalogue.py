"""The questions, loaded once from questions.yml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

QUESTIONS_FILE = Path(__file__).with_name("questions.yml")


@dataclass(frozen=True)
class Wording:
    family: str
    worker: str
    # For someone practising on a made-up case, where the worker wording would
    # talk about a family that does not exist; otherwise the worker wording.
    learner: str | None = None

    def for_audience(self, audience: str) -> str:
        if audience == "learner":
            return self.learner or self.worker
        return self.family if audience == "family" else self.worker


@dataclass(frozen=True)
class QuestionSpec:
    slot: str
    kind: str
    label: str
    ask: Wording
    help: Wording
    example: Wording
    again: Wording | None = None
    # Keys of bot.practice.why shown to learners with this question.
    why: tuple[str, ...] = ()


def _wording(raw: dict[str, str] | None) -> Wording | None:
    if raw is None:
        return None
    return Wording(family=raw["family"], worker=raw["worker"], learner=raw.get("learner"))


def _why_keys(raw: str | list[str] | None) -> tuple[str, ...]:
    if raw is None:
        return ()
    return (raw,) if isinstance(raw, str) else tuple(raw)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, QuestionSpec]:
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    specs: dict[str, QuestionSpec] = {}
    for slot, entry in raw.items():
        specs[slot] = QuestionSpec(
            slot=slot,
            kind=entry["kind"],
            label=entry["label"],
            ask=_wording(entry["ask"]),  # type: ignore[arg-type]
            help=_wording(entry["help"]),  # type: ignore[arg-type]
            example=_wording(entry["example"]),  # type: ignore[arg-type]
            again=_wording(entry.get("again")),
            why=_why_keys(entry.get("why")),
        )
    return specs


def spec(slot: str) -> QuestionSpec:
    return catalogue()[slot]


def slots() -> list[str]:
    """Every question slot, in catalogue order (the Rasa domain declares the same)."""
    return list(catalogue())
