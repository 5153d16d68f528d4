"""Shared clean-up for the parsers.

Nothing here logs or stores the text: it is special category data about
children, and parsers only ever see it in passing.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")
# What the fallback gives back: often None or [], a different type from the parser's
# own answer, so the wrapped parser returns either.
F = TypeVar("F")

# Long pasted notes are fine, but nobody's answer needs more than this, and a
# cap keeps every regex comfortably fast on hostile input.
MAX_CHARS = 20_000

_PUNCT_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\uff0d": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u3000": " ",
    }
)

# Tags start with a letter or "/": "<3" is a heart, not HTML.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
_SPACES = re.compile(r"[ \t\f\v]+")
_ALL_SPACE = re.compile(r"\s+")


def clean(text: object, limit: int = MAX_CHARS) -> str:
    """Make typed or pasted text safe to parse; keeps case and newlines.

    Anything that is not a string becomes "" so callers never have to check.
    """
    if not isinstance(text, str):
        return ""
    text = text[:limit]
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = unicodedata.normalize("NFC", text).translate(_PUNCT_MAP)
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ch == "\r":
            out.append("\n")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif cat in ("Cs", "Co", "Cf"):
            # Lone surrogates, private use and invisible format characters
            # (zero-width joiners, direction marks) only get in the way.
            continue
        else:
            out.append(ch)
    text = "".join(out)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def squash(text: str) -> str:
    """Collapse all whitespace, newlines included, to single spaces."""
    return _ALL_SPACE.sub(" ", text).strip()


def fold(text: object, limit: int = MAX_CHARS) -> str:
    """Lower-case, compatibility-normalised, single-spaced: for matching only.

    NFKC turns full-width digits and letters into ASCII; the result is not for
    showing back to people, as spans no longer line up with what they typed.
    """
    return squash(unicodedata.normalize("NFKC", clean(text, limit)).casefold())


def never_raises(
    fallback: Callable[..., F],
) -> Callable[[Callable[..., R]], Callable[..., R | F]]:
    """Return ``fallback(*args)`` instead of raising.

    A parser that crashes ends a stressed parent's conversation; "not
    understood" lets the bot ask again. The undecorated function stays
    reachable as ``__wrapped__`` so tests can still find the bug.
    """

    def decorate(fn: Callable[..., R]) -> Callable[..., R | F]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> R | F:
            try:
                return fn(*args, **kwargs)
            except Exception:
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def capitalise_name(word: str) -> str:
    """'leo' -> 'Leo', "o'brien" -> "O'Brien", 'MARY-JANE' -> 'Mary-Jane'.

    Mixed case ('McDonald', 'DeShawn') and scripts without case are kept as typed.
    """
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return word
    cased = [c for c in letters if c.lower() != c.upper()]
    if not cased:
        return word
    if not (all(c.islower() for c in cased) or all(c.isupper() for c in cased)):
        return word
    if len(cased) == 1 and cased[0].isupper():
        return word
    parts = re.split(r"([-' ])", word.lower())
    return "".join(p[:1].upper() + p[1:] if p not in ("-", "'", " ") else p for p in parts)
