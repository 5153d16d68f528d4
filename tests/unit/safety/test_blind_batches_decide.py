"""Every blind batch, every urgent message at every question, through the decision alone.

The servers (tests/integration/test_urgent_blind.py) send a scored batch's
urgent messages at one question each, to keep CI within its time; here, in
process, each goes to all five questions, so a change that breaks one question
for messages the servers no longer send there still fails. The targets are
issue 11's. Only item indexes are reported, never the messages.
"""

from __future__ import annotations

import pytest

from bot.safety.decide import Outcome, decide
from bot.safety.meaning import urgent_probability
from tests.support.urgent_blind import CONTEXTS, TARGETS, batches

BATCHES = batches()


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_every_question_meets_the_targets(batch: object) -> None:
    missed: list[tuple[str, int]] = []
    sent_999 = urgent = 0
    calm_999: list[int] = []
    calm_check: dict[str, list[int]] = {name: [] for name in CONTEXTS}
    calm_at: dict[str, int] = {name: 0 for name in CONTEXTS}
    for item in batch.items:  # type: ignore[attr-defined]
        p = urgent_probability(item.text)
        if item.urgent:
            for name, slot in CONTEXTS.items():
                outcome = decide(item.text, slot, probability=p).outcome
                urgent += 1
                sent_999 += outcome is Outcome.URGENT
                if outcome is Outcome.NONE:
                    missed.append((name, item.index))
        elif item.context in CONTEXTS:
            outcome = decide(item.text, CONTEXTS[item.context], probability=p).outcome
            calm_at[item.context] += 1
            if outcome is Outcome.URGENT:
                calm_999.append(item.index)
            elif outcome is Outcome.CHECK:
                calm_check[item.context].append(item.index)
    calm = sum(calm_at.values())
    assert missed == [], "urgent messages given neither 999 nor the check"
    assert sent_999 / urgent >= TARGETS["urgent_999"], f"999 for {sent_999}/{urgent}"
    assert len(calm_999) <= TARGETS["calm_999_max"] * calm, f"calm given 999: {calm_999}"
    checked = sum(len(v) for v in calm_check.values())
    assert checked <= TARGETS["calm_check_max"] * calm, f"calm given the check: {calm_check}"
    for name, items in calm_check.items():
        assert len(items) <= TARGETS["calm_check_max_per_context"] * max(calm_at[name], 1), (
            name, items)
