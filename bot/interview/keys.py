"""Question keys: a slot name, and for repeated parts the uid of the pair or step."""

from __future__ import annotations


def key(slot: str, uid: str | None = None) -> str:
    return f"{slot}@{uid}" if uid else slot


def split(question_key: str) -> tuple[str, str | None]:
    slot, _, uid = question_key.partition("@")
    return slot, (uid or None)
