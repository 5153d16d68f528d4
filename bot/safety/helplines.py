"""The national helplines (helplines.yml), and which of them a plan's worries call for.

Every helpline without a `when` is always given; one with `when:
domestic_abuse` is given when the words of the worries (or of the message
that raised the alarm) involve domestic abuse. The words are only searched,
never logged or stored here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

HELPLINES_FILE = Path(__file__).with_name("helplines.yml")
DOMESTIC_ABUSE = "domestic_abuse"


@dataclass(frozen=True)
class Helpline:
    name: str
    for_whom: str
    document_label: str
    number: str
    when: str | None = None

    @property
    def line(self) -> str:
        """As the chat says it: 'NSPCC helpline, for adults worried about a child: 0808...'."""
        return f"{self.name}, for {self.for_whom}: {self.number}."


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(HELPLINES_FILE.read_text(encoding="utf-8"))


def helplines() -> tuple[Helpline, ...]:
    return tuple(
        Helpline(
            name=str(h["name"]),
            for_whom=str(h["for"]),
            document_label=str(h["document_label"]),
            number=str(h["number"]),
            when=h.get("when"),
        )
        for h in _data()["helplines"]
    )


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    words = sorted((_plain(w) for w in _data()["kinds"][kind]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _plain(text: str) -> str:
    lowered = str(text).lower().replace("\u2019", "").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", lowered).split())


def kinds_in(texts: Iterable[str | None]) -> set[str]:
    """The kinds of worry (DOMESTIC_ABUSE...) the words involve."""
    plain = " ".join(_plain(t) for t in texts if t)
    return {kind for kind in _data()["kinds"] if _pattern(kind).search(plain)}


def helplines_for(kinds: Iterable[str] = ()) -> list[Helpline]:
    """The helplines to give: every general one, and those for the kinds of worry given."""
    wanted = set(kinds)
    return [h for h in helplines() if h.when is None or h.when in wanted]


def plan_worry_texts(plan: Any) -> list[str]:
    """The words of a plan's worries: the harm and what makes it harder, the danger
    statements and their parts, and the messages that raised the alarm."""
    from bot.plan.model import ColumnKind

    texts: list[str] = [
        e.text for e in plan.entries if e.kind in (ColumnKind.HARM, ColumnKind.COMPLICATING)
    ]
    for pair in plan.pairs:
        texts += [pair.danger_statement, pair.danger_behaviour, pair.danger_impact]
    texts += [flag.message for flag in plan.urgent_flags]
    return [t for t in texts if t]
