"""The kinds of meeting and their words, read from meeting_types.yml (content, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class MeetingKind:
    id: str
    label: str
    family_label: str
    short: str
    offered: bool = True


@lru_cache(maxsize=1)
def meeting_kinds() -> tuple[MeetingKind, ...]:
    text = resources.files("bot.plan").joinpath("meeting_types.yml").read_text(encoding="utf-8")
    kinds = tuple(
        MeetingKind(
            id=str(item["id"]),
            label=str(item["label"]),
            family_label=str(item["family_label"]),
            short=str(item["short"]),
            offered=bool(item.get("offered", True)),
        )
        for item in yaml.safe_load(text)
    )
    ids = [k.id for k in kinds]
    if len(set(ids)) != len(ids):
        raise ValueError("meeting_types.yml names a kind of meeting twice")
    return kinds


def meeting_kind(kind_id: str) -> MeetingKind:
    for kind in meeting_kinds():
        if kind.id == kind_id:
            return kind
    raise KeyError(f"meeting_types.yml has no kind {kind_id!r}")
