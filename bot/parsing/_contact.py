"""UK phone numbers and email addresses inside typed text."""

from __future__ import annotations

import re

# Bounded quantifiers throughout: a pasted wall of digits must stay fast.
_PHONE = re.compile(
    r"(?<![\d+])"
    r"(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)"
    r"\d{2,4}\)?"
    r"(?:[ \-]?\d){6,8}"
    r"(?![\d])"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b"
)
# 999, 111 and 101 only count when someone is told to ring them.
_SHORT = re.compile(
    r"\b(?:ring|call|phone|dial|rings|calls|ringing|calling|on)\s+(?:the\s+police\s+on\s+)?"
    r"(?P<n>999|111|101|112)\b",
    re.IGNORECASE,
)


def _national_digits(found: str) -> str:
    digits = re.sub(r"\D", "", found.replace("(0)", ""))
    if found.lstrip("(").startswith(("+", "00")):
        digits = "0" + digits[(4 if found.lstrip("(").startswith("00") else 2) :]
    return digits


def _valid_phone(found: str) -> bool:
    digits = _national_digits(found)
    if not digits.startswith("0") or digits[1:2] in ("", "0"):
        return False
    if digits.startswith("07"):
        return len(digits) == 11
    return len(digits) in (10, 11)


def find_contacts(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers and emails, in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    for m in _PHONE.finditer(text):
        value = m.group(0)
        if _valid_phone(value):
            start = m.start()
            end = m.end()
            if value.endswith(")") and "(" not in value:
                end -= 1
            if value.startswith("(") and ")" not in value:
                start += 1
            spans.append((start, end))
    if "@" in text:
        spans.extend((m.start(), m.end()) for m in _EMAIL.finditer(text))
    spans.extend((m.start("n"), m.end("n")) for m in _SHORT.finditer(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged
