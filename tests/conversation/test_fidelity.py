"""The fidelity corpus of issue 14, against the real servers, as a ratchet.

Every corpus file in tests/fidelity/ whose status is `development` (scored
blind once already, or never blind: dev.yml) is driven conversation by
conversation through the REST channel to the review; the plan's JSON is
checked against the facts each conversation expects (tests/support/fidelity.py).
tests/fidelity/known_gaps.yml lists, per conversation, the facts not right
today and why. The test fails when a fact not listed goes wrong (a regression)
and when a listed one is now right (delete its line, so the list stays true).
A fact under the wrong person or an answer lost may be listed only with an
"issue 14" reason. To see a batch in detail:

    .venv/bin/python scripts/fidelity_eval.py tests/fidelity/<batch>.yml --show
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import fidelity
from tests.support.servers import Bot, settings_for, start_stack

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

CORPORA = fidelity.corpora(status="development")


@pytest.fixture(scope="module")
def stacks(var_dir: Path) -> Iterator[dict[str | None, Bot]]:
    """One stack per day the corpora were written on, taking that day as today, so
    "in two weeks" or "by the end of the month" is read as it was written whatever
    day the test runs (SAFETYPLAN_TODAY)."""
    started: dict[str | None, Bot] = {}
    try:
        for written in sorted({c.written for c in CORPORA}, key=str):
            with pytest.MonkeyPatch.context() as patch:
                if written:
                    patch.setenv("SAFETYPLAN_TODAY", written)
                stack = start_stack(settings_for(var_dir / f"fidelity-{written}"))
            started[written] = Bot(stack)
        yield started
    finally:
        for bot in started.values():
            bot.stack.stop()


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_the_corpus_reaches_the_plan_as_known(
    stacks: dict[str | None, Bot], corpus: fidelity.Corpus
) -> None:
    bot = stacks[corpus.written]
    results = fidelity.run_all(bot, corpus, fidelity.database_plans(bot.settings.database_url))
    for result in results:
        print(fidelity.line(result))  # shown by pytest when the test fails
        print("\n".join(fidelity.details(result, show=True)))
    errors = [f"{r.id}: {r.run.error}" for r in results if r.run.error]
    assert not errors, "conversations that did not reach the review: " + "; ".join(errors)
    problems = fidelity.ratchet(results, fidelity.load_known_gaps().get(corpus.name, {}))
    assert not problems, "the fidelity ratchet (tests/fidelity/known_gaps.yml):\n" + "\n".join(
        problems)


def test_every_batch_in_known_gaps_is_a_development_corpus() -> None:
    known = set(fidelity.load_known_gaps())
    assert known <= {c.name for c in CORPORA}, known - {c.name for c in CORPORA}
