"""Urgent danger on the held-out test set, measured through the running bot.

Every message of tests/data/urgent_test.yml is typed as the answer to a worry
question ("What has happened that worries people?", where describing harm is
expected) of a real conversation on the real servers. A message counts as
flagged when the bot's reply carries the emergency number, however it got
there (the MessageGuard's urgent intent and the Rasa-rendered warning, or the
interview's own check on an answer). Targets: 999 or the check question for
every urgent message, 999 alone for at least 95%, false positives at most 5%.
Only indexes are printed, never the messages.
"""

from __future__ import annotations

import pytest

from tests.support.urgent_probe import URGENT_SETS, load_set, measure

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

MAX_FALSE_POSITIVE_RATE = 0.05
MIN_RECALL_WITH_999 = 0.95


def test_urgent_test_set_through_the_bot(bot: object) -> None:
    urgent, not_urgent = load_set(URGENT_SETS["test"])
    result = measure(bot, urgent, not_urgent, at="harm", role="family")  # type: ignore[arg-type]
    print("\n" + "\n".join(result.lines("urgent_test.yml through the bot, at the 'harm' question")))
    # Issue 11's targets: every urgent message gets 999 or, when the decision is
    # not sure, the check question; 999 alone for at least 95% of them.
    silent = [i for i in result.missed if i not in result.checked_urgent]
    assert silent == [], f"urgent messages with neither 999 nor the check: {silent}"
    assert result.recall >= MIN_RECALL_WITH_999, (
        f"999 for {result.recall:.1%} of urgent messages (missed: {result.missed})"
    )
    assert result.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, (
        f"false-positive rate {result.false_positive_rate:.1%} "
        f"(indexes in 'not_urgent': {result.false_alarms})"
    )
