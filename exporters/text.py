"""Text a user typed, made safe for an XML document without changing what it says.

Word documents are XML 1.0, which cannot hold NUL, most C0 control characters,
lone UTF-16 surrogates or U+FFFE/U+FFFF. Those are removed, and so are the
invisible bidi and zero-width controls (bot/text.py says which and why: they
make a document read differently from what was typed); everything else
(any script, emoji, markup-looking text such as ``<script>`` or ``{{ }}``) is
kept exactly, because the document must say what the person said.
"""

from __future__ import annotations

import re
import unicodedata

from bot.text import INVISIBLE_CONTROLS

# Tab and newline are allowed: python-docx turns them into w:tab and w:br.
_XML_FORBIDDEN = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff{INVISIBLE_CONTROLS}]"
)


def clean_text(value: object) -> str:
    """The text as typed, minus characters an XML document cannot hold.

    Line endings become ``\\n`` (a carriage return would otherwise turn into a
    second line break).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_FORBIDDEN.sub("", text)


def is_blank(value: object) -> bool:
    """True when nothing readable would be left to show."""
    return not clean_text(value).strip()


def is_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is right-to-left (Arabic, Hebrew...).

    This is how browsers decide with ``dir="auto"``: it lets a paragraph typed
    in Arabic read from the right while mixed English text stays left-to-right.
    """
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def one_line(text: str, limit: int | None = None) -> str:
    """Whitespace runs folded to single spaces, optionally cut at ``limit`` characters."""
    folded = " ".join(clean_text(text).split())
    if limit is not None and len(folded) > limit:
        return folded[: max(limit - 1, 0)].rstrip() + "…"
    return folded
