"""Cleaning what people type: keep every character they meant, drop the ones nothing can store."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates and
# the two non-characters XML forbids. Zero-width and right-to-left marks are
# kept: they are part of how some languages are written.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """The text with unstorable characters removed and line ends made plain."""
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
