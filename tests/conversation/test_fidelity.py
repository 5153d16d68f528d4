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

import pytest

from tests.support import fidelity

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

CORPORA = fidelity.corpora(status="development")


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_the_corpus_reaches_the_plan_as_known(bot, corpus: fidelity.Corpus) -> None:  # noqa: ANN001
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
