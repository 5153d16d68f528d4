"""Cleaning what people type: keep every character they meant, drop the ones nothing can store."""

from __future__ import annotations

import re

# Invisible characters that change how text is shown without being part of
# what it says: the Unicode bidi controls (ALM, LRM, RLM, the embeddings and
# overrides U+202A-U+202E, the isolates U+2066-U+2069), which can make a
# name, a link or a sentence in a plan read differently from what is stored
# ("Trojan Source"), and the zero-width characters that hide inside words
# (zero-width space, word joiner and invisible operators, the BOM, the
# Mongolian vowel separator). The zero-width joiner and non-joiner stay: emoji
# and Persian, Arabic and Indic scripts need them. Right-to-left text still
# reads right to left: documents set each paragraph's direction from its letters.
INVISIBLE_CONTROLS = "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates and
# the two non-characters XML forbids, and the invisible controls above.
_FORBIDDEN = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{INVISIBLE_CONTROLS}]"
)


def clean_text(text: str) -> str:
    """The text with unstorable and invisible control characters removed, line ends plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def is_blank(text: str) -> bool:
    """Nothing but spaces, invisible characters or punctuation-free emptiness."""
    return not re.sub(r"[\s\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]", "", text)


def split_items(text: str) -> list[str]:
    """One answer that lists several things (lines, bullets, semicolons) as separate items."""
    parts = re.split(r"\n+|;\s*", text)
    # A bullet only counts at the start of a line: "Dad - he shouts" is one item.
    items = [re.sub(r"^\s*(?:[•\-\*]|\d+[.)])\s+", "", p).strip() for p in parts]
    return [p for p in items if p]
