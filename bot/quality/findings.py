"""What a quality check reports: one finding per weakness, with a way to mend it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    # Stable across releases: tests, documents and the conversation refer to it.
    code: str
    # What the finding is about, in words a reader can find: "danger statement 1", "step 3".
    target: str
    # Why it matters, in plain language for a worker or a learner.
    message: str
    # A concrete way to mend it.
    suggestion: str
    # The same idea as a gentle question for a family member: never "wrong", never a score.
    family_hint: str
    # The words that set it off, when there are some ("neglect").
    excerpt: str | None = None
