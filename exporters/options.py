"""What the caller decides about an export; the exporters read nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

VERSIONS = ("family", "worker")


@dataclass(frozen=True)
class ExportOptions:
    # "family": plain wording only. "worker": adds urgent flags, change log, quality notes.
    version: str = "worker"
    protective_marking: str = "OFFICIAL-SENSITIVE"
    # Who to call locally. These differ by council, so no number is ever made up:
    # when unset the document tells the reader to ask their worker.
    council_name: str | None = None
    council_phone: str | None = None
    council_out_of_hours_phone: str | None = None
    # For "overdue" and the cover date; None means the day of the export.
    today: dt.date | None = None
    # A past meeting's label ("Core group, 12 November 2026") when the plan is the one
    # kept from that meeting, not the current plan: the document says so on every page.
    # Worker version only.
    as_at: str | None = None

    def __post_init__(self) -> None:
        if self.version not in VERSIONS:
            raise ValueError(f"version must be 'family' or 'worker', not {self.version!r}")
        if self.as_at is not None and self.version != "worker":
            raise ValueError("the plan as it stood at a past meeting is for workers only")

    @property
    def as_at_title(self) -> str | None:
        """ "As it stood at the Core group, 12 November 2026", or None for the current plan."""
        return f"As it stood at the {self.as_at}" if self.as_at is not None else None

    @property
    def is_family(self) -> bool:
        return self.version == "family"

    @property
    def as_of(self) -> dt.date:
        return self.today if self.today is not None else dt.date.today()
