"""Urgent danger on the held-out test set, measured through the running bot.

Every message of tests/data/urgent_test.yml is typed as the answer to a worry
question ("What has happened that worries people?", where describing harm is
expected) of a real conversation on the real servers. A message counts as
flagged when the bot's reply carries the emergency number, however it got
there (the MessageGuard's urgent intent and the Rasa-rendered warning, or the
interview's own check on an answer). Targets: recall 100%, false positives at
most 5%. Only indexes are printed, never the messages.
"""

from __future__ import annotations

import pytest

from tests.support.urgent_probe import URGENT_SETS, load_set, measure

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

MAX_FALSE_POSITIVE_RATE = 0.05


def test_urgent_test_set_through_the_bot(bot: object) -> None:
    urgent, not_urgent = load_set(URGENT_SETS["test"])
    result = measure(bot, urgent, not_urgent, at="harm", role="family")  # type: ignore[arg-type]
    print("\n" + "\n".join(result.lines("urgent_test.yml through the bot, at the 'harm' question")))
    assert result.missed == [], f"urgent messages without the 999 reply: {result.missed}"
    assert result.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, (
        f"false-positive rate {result.false_positive_rate:.1%} "
        f"(indexes in 'not_urgent': {result.false_alarms})"
    )
