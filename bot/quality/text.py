"""Small text helpers shared by the checks: normalising, sentences, words.

Everything here accepts any string (emoji, other scripts, control characters,
lone surrogates) and never raises: the checks run on whatever a person types.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)

# Letters or digits, joined by apostrophes or hyphens ("don't", "weigh-in").
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")

# Titles and abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "eg", "e.g", "ie", "i.e", "etc", "vs"}
)
_END = re.compile(r"[.!?;]+(?=\s|$)|\n+")


# No field of a plan comes near this; reading no further bounds the time any
# input, however long, can take.
MAX_CHARS = 4000


def normalise(text: object) -> str:
    """Plain quotes and dashes, compatibility forms folded, at most MAX_CHARS; never raises."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = text[: MAX_CHARS * 2]
    try:
        text = unicodedata.normalize("NFKC", text)
    except (ValueError, TypeError):  # pragma: no cover - normalize copes with any str today
        pass
    return text.translate(_QUOTES)[:MAX_CHARS]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Span]:
    """Sentences (and semicolon clauses) with their positions in ``text``."""
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        if match.group(0).startswith("."):
            before = WORD.findall(text[max(start, match.start() - 12) : match.start()])
            if before and before[-1].casefold() in _ABBREVIATIONS:
                continue
        _add(spans, text, start, match.end())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if WORD.search(piece):
        stripped_start = start + (len(piece) - len(piece.lstrip()))
        stripped_end = start + len(piece.rstrip())
        spans.append(Span(stripped_start, stripped_end, text[stripped_start:stripped_end]))


def words(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]


def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def key(word: str) -> str:
    """A word as the lists hold it: lower case, possessive dropped ("Mum's" -> "mum")."""
    folded = word.casefold()
    if folded.endswith("'s") and folded not in {"it's", "there's", "he's", "she's", "what's"}:
        folded = folded[:-2]
    elif folded.endswith("s'"):
        folded = folded[:-1]
    return folded


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces, keeping every position."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


def clip(text: str, limit: int = 120) -> str:
    """A short excerpt: whole words, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "\u2026"
