"""Urgent danger on the blind batches, through the running bot, at five questions.

Every batch in tests/data/urgent_blind/ (written by people who had not read
bot/safety, first scored blind as recorded in docs/safety-evaluation.md) is
sent through the REST channel of the real servers: urgent messages at the
opening question, a worries question, the warning-signs question, the
who-will-do-what question and a score question; calm plan answers at the
question they answer. The targets of issue 11 must hold for every batch:
urgent -> 999 or the check 100%, 999 alone >= 95%; calm -> 999 <= 1%, the
check <= 5% overall and <= 10% at any one question; no answer lost.
Only item indexes are printed, never the messages.
"""

from __future__ import annotations

import pytest

from tests.support.urgent_blind import batches, score_batch

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

BATCHES = batches()


def test_there_are_blind_batches_of_every_kind() -> None:
    urgent = sum(sum(i.urgent for i in b.items) for b in BATCHES)
    calm = sum(sum(not i.urgent for i in b.items) for b in BATCHES)
    assert len(BATCHES) >= 3 and urgent >= 100 and calm >= 150, (len(BATCHES), urgent, calm)


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_blind_batch_through_the_bot(bot: object, batch: object) -> None:
    result = score_batch(bot, batch)  # type: ignore[arg-type]
    print("\n" + "\n".join(result.table()))
    assert result.failures() == []
