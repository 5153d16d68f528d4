"""What changed since the last meeting, as sentences a chair can read out."""

from __future__ import annotations

from bot.plan.changes import summarise_changes
from bot.plan.model import Revision


def _log(*rows: tuple[str, str, str]) -> list[Revision]:
    return [Revision(actor, action, what) for actor, action, what in rows]


def test_a_fortnight_of_changes_reads_as_a_few_sentences() -> None:
    log = _log(
        ("Sam Okafor (social worker)", "added", "step 4"),
        ("Sam Okafor (social worker)", "added", "step 5"),
        ("Kerry (mum)", "changed", "who does step 2"),
        ("Kerry (mum)", "changed", "the date for step 2"),
        ("Kerry (mum)", "changed", "step 1 to done"),
        ("Sam Okafor (social worker)", "changed", "step 3: Done (Core group, 6 March 2024)"),
        ("Kerry (mum)", "added", "Jan to the safety network"),
        ("Kerry (mum)", "removed", "Oak from the safety network"),
        ("Kerry (mum)", "changed", "safety goal 1"),
        ("Kerry (mum)", "added", "warning signs (worry 2)"),
        ("Kerry (mum)", "added", "Jan's score for worry 1 (Core group, 6 March 2024)"),
        ("Kerry (mum)", "changed", "the reason for Jan's score"),
        ("Sam Okafor (social worker)", "changed", "the target date for closing the case"),
        ("Sam Okafor (social worker)", "changed", "something new we never wrote"),
    )
    assert summarise_changes(log) == [
        "Steps 4 and 5 added.",
        "Step 2 changed.",
        "Steps 1 and 3 marked done.",
        "Worry 1: the safety goal changed.",
        "Worry 2: warning signs changed.",
        "Added to the safety network: Jan.",
        "Taken off the safety network: Oak.",
        "The target date for closing the case changed.",
        "2 scores or reasons given or changed (in the score history).",
        "1 other change.",
        "Changes made by Sam Okafor (social worker) and Kerry (mum).",
    ]


def test_nothing_changed_says_nothing() -> None:
    assert summarise_changes([]) == []


def test_every_change_is_counted_somewhere() -> None:
    # Nothing in the log is dropped from the summary: unknown kinds are "other".
    log = _log(("A", "added", "x"), ("A", "changed", "y"), ("B", "removed", "worry 2"))
    assert summarise_changes(log) == [
        "Worry 2 removed.", "2 other changes.", "Changes made by A and B."]


def test_a_meeting_that_agreed_a_step_and_left_others_as_they_were() -> None:
    sam = "Sam Patel (social worker)"
    log = _log(
        (sam, "added", "Core group, 12 November 2026"),
        (sam, "changed", "step 1: not yet (Core group, 12 November 2026)"),
        (sam, "changed", "step 2: done (Core group, 12 November 2026)"),
        (sam, "added", "step 4"),
        (sam, "changed", "who does step 4"),
        (sam, "changed", "the date for step 4"),
        (sam, "changed", "Mum did not score worry 2"),
    )
    assert summarise_changes(log) == [
        "Step 4 added.",
        "Step 2 marked done.",
        "1 score or reasons given or changed (in the score history).",
        "A meeting's attendance or chair was recorded.",
        "Changes made by Sam Patel (social worker).",
    ]
