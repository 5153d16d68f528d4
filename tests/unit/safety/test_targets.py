"""The targets on the held-out test set, with the rules alone (no model).

A retrain of the NLU model must not be able to lose urgent detection, so the
rules have to meet the targets without any model intent.
"""

from __future__ import annotations

import pytest

from bot.safety import assess
from tests.unit.safety._data import DEV_SET, TEST_SET, load_set

RECALL_TARGET = 1.0
FALSE_POSITIVE_LIMIT = 0.05


def _misses(messages: list[str], expect_urgent: bool) -> list[int]:
    # Indexes only: a failing test must not print safeguarding text into CI logs.
    return [i for i, text in enumerate(messages) if assess(text).urgent is not expect_urgent]


def test_test_set_is_big_enough() -> None:
    urgent, not_urgent = load_set(TEST_SET)
    assert len(urgent) >= 90
    assert len(not_urgent) >= 90


def test_rules_find_every_urgent_message_in_the_test_set() -> None:
    urgent, _ = load_set(TEST_SET)
    missed = _misses(urgent, expect_urgent=True)
    recall = 1 - len(missed) / len(urgent)
    assert recall >= RECALL_TARGET, f"missed urgent indexes: {missed}"


def test_rules_rarely_alarm_on_descriptions_of_harm_in_the_test_set() -> None:
    _, not_urgent = load_set(TEST_SET)
    false_alarms = _misses(not_urgent, expect_urgent=False)
    rate = len(false_alarms) / len(not_urgent)
    assert rate <= FALSE_POSITIVE_LIMIT, f"false alarm indexes: {false_alarms}"


@pytest.mark.parametrize(
    ("label", "recall_floor", "fp_ceiling"),
    # The dev set is tuned on, so it guards against regressions rather than
    # measuring anything; its known misses are marked in the file.
    [("dev", 0.98, 0.02)],
)
def test_dev_set_does_not_regress(label: str, recall_floor: float, fp_ceiling: float) -> None:
    urgent, not_urgent = load_set(DEV_SET)
    missed = _misses(urgent, expect_urgent=True)
    false_alarms = _misses(not_urgent, expect_urgent=False)
    assert len(urgent) >= 60 and len(not_urgent) >= 60
    assert 1 - len(missed) / len(urgent) >= recall_floor, f"{label} missed: {missed}"
    assert len(false_alarms) / len(not_urgent) <= fp_ceiling, f"{label} alarms: {false_alarms}"
