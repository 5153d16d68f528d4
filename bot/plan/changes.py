"""What changed in a plan, in a few sentences a meeting's chair can read out.

The change log (Revision rows) says every change, one line each: "added step
4", "changed who does step 2", "added Jan to the safety network". Between two
meetings that can be pages. This groups the log by what a chair asks about:
the steps, the worries, the network, the scores and who made the changes. The
log itself stays whole in the documents' appendix and the JSON export.

The `what` texts are the ones the interview and the meeting recorder write;
any this module does not recognise are counted as "other changes", never
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.plan.model import Revision

_STEP = re.compile(r"^step (\d+)$")
_STEP_DONE = re.compile(r"^step (\d+) to (done|not done)$")
_STEP_AT_MEETING = re.compile(r"^step (\d+): (.+) \(.+\)$")
_STEP_PART = re.compile(r"^(?:who does|the date for) step (\d+)$")
_WORRY = re.compile(r"^worry (\d+)$")
_STATEMENT = re.compile(r"^(danger statement|safety goal) (\d+)$")
_IN_WORRY = re.compile(r"^(.+) \(worry (\d+)\)$")
_JOINED = re.compile(r"^(.+) to the (?:safety )?network$")
_LEFT = re.compile(r"^(.+) from the (?:safety )?network$")
_SCORE = re.compile(
    r"score for worry \d+|^the reason for|^what one point higher|did not score worry \d+$"
)
_MEETING = re.compile(
    r"^(?:who was at the |who chaired the |the .+: finished$|.+ at the |"
    # A meeting started: its label, "Core group, 12 November 2026".
    r"[^,]+, \d{1,2} [A-Z][a-z]+ \d{4}$)"
)
_CLOSURE = "the target date for closing the case"


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _numbers(numbers: Iterable[int]) -> str:
    return _and([str(n) for n in sorted(set(numbers))])


@dataclass
class _Groups:
    steps: dict[str, list[int]] = field(
        default_factory=lambda: {"added": [], "changed": [], "done": [], "removed": []}
    )
    worries_added: list[int] = field(default_factory=list)
    worries_removed: list[int] = field(default_factory=list)
    worry_parts: dict[int, list[str]] = field(default_factory=dict)
    joined: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    scores: int = 0
    meetings: int = 0
    closure: bool = False
    other: int = 0

    def add(self, action: str, what: str) -> None:  # noqa: C901 - one branch per kind
        if m := _STEP_DONE.match(what):
            self.steps["done" if m.group(2) == "done" else "changed"].append(int(m.group(1)))
        elif m := _STEP_AT_MEETING.match(what):
            label = m.group(2).casefold()
            if label == "not yet":
                # Reviewed and left as it was: not a change to the step.
                self.meetings += 1
            else:
                self.steps["done" if label == "done" else "changed"].append(int(m.group(1)))
        elif m := _STEP.match(what):
            key = action if action in ("added", "removed") else "changed"
            self.steps[key].append(int(m.group(1)))
        elif m := _STEP_PART.match(what):
            self.steps["changed"].append(int(m.group(1)))
        elif m := _WORRY.match(what):
            number = int(m.group(1))
            (self.worries_removed if action == "removed" else self.worries_added).append(number)
        elif _SCORE.search(what):
            self.scores += 1
        elif m := _STATEMENT.match(what):
            self._part(int(m.group(2)), f"the {m.group(1)}")
        elif m := _IN_WORRY.match(what):
            self._part(int(m.group(2)), m.group(1))
        elif m := _LEFT.match(what):
            self.left.append(m.group(1))
        elif m := _JOINED.match(what):
            self.joined.append(m.group(1))
        elif what == _CLOSURE:
            self.closure = True
        elif _MEETING.match(what):
            self.meetings += 1
        else:
            self.other += 1

    def _part(self, number: int, part: str) -> None:
        parts = self.worry_parts.setdefault(number, [])
        if part not in parts:
            parts.append(part)


def summarise_changes(revisions: Sequence[Revision]) -> list[str]:
    """Sentences saying what the revisions changed, grouped; [] when there are none."""
    groups = _Groups()
    actors: list[str] = []
    for revision in revisions:
        groups.add(revision.action or "", (revision.what or "").strip())
        if revision.actor and revision.actor not in actors:
            actors.append(revision.actor)
    out: list[str] = []
    added = set(groups.steps["added"])
    for key, label in (("added", "added"), ("changed", "changed"), ("done", "marked done"),
                       ("removed", "removed")):
        numbers = groups.steps[key]
        if key == "changed":
            # Who and when of a step added in the same stretch are part of adding it.
            numbers = [n for n in numbers if n not in added]
        if numbers:
            noun = "Step" if len(set(numbers)) == 1 else "Steps"
            out.append(f"{noun} {_numbers(numbers)} {label}.")
    if groups.worries_added:
        out.append(f"Worry {_numbers(groups.worries_added)} added.")
    if groups.worries_removed:
        out.append(f"Worry {_numbers(groups.worries_removed)} removed.")
    for number in sorted(groups.worry_parts):
        out.append(f"Worry {number}: {_and(groups.worry_parts[number])} changed.")
    if groups.joined:
        out.append(f"Added to the safety network: {_and(sorted(set(groups.joined)))}.")
    if groups.left:
        out.append(f"Taken off the safety network: {_and(sorted(set(groups.left)))}.")
    if groups.closure:
        out.append("The target date for closing the case changed.")
    if groups.scores:
        out.append(
            f"{groups.scores} score{'s' if groups.scores != 1 else ''} or reasons given or "
            "changed (in the score history)."
        )
    if groups.meetings:
        out.append("A meeting's attendance or chair was recorded.")
    if groups.other:
        out.append(f"{groups.other} other change{'s' if groups.other != 1 else ''}.")
    if out and actors:
        out.append(f"Changes made by {_and(actors)}.")
    return out
