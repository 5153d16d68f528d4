"""The trained model on the held-out NLU set: F1 >= 0.95 for every navigation intent.

tests/data/nlu_holdout.yml is never trained on (tests/unit/nlu/test_nlu_data.py
keeps it clear of copies and near-copies of data/nlu). The model is the one the
bot runs (the same cached training), and each example is scored on the intent
the dialogue receives after the FallbackClassifier and the MessageGuard
(tests/support/nlu_eval.py says why that differs from `rasa test nlu`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.runner import train
from bot.settings import load_settings
from tests.support.nlu_eval import CONTRACT_INTENTS, F1_FLOOR, HOLDOUT, evaluate_model, figures

pytestmark = [pytest.mark.slow]


def test_navigation_intents_on_the_holdout(tmp_path: Path) -> None:
    settings = load_settings()
    predictions = evaluate_model(train(settings, quiet=True), HOLDOUT, tmp_path, settings)
    evaluation = figures(predictions)
    print("\nHeld-out set, intents as the dialogue receives them:\n" + evaluation.table())
    print("\nThe same predictions as `rasa test nlu` scores them (fallback undone):\n"
          + figures(predictions, bot_view=False).table(CONTRACT_INTENTS))

    missing = [name for name in CONTRACT_INTENTS if name not in evaluation.intents]
    assert not missing, f"the holdout has no examples of {missing}"
    below = {
        name: round(evaluation.intents[name].f1, 3)
        for name in CONTRACT_INTENTS
        if evaluation.intents[name].f1 < F1_FLOOR
    }
    if below:
        # The held-out sentences are invented test data: showing them says what to teach.
        wrong = [
            f"  {target:>14} -> {predicted:14} {text!r}"
            for target, predicted, text in evaluation.wrong
            if target in below or predicted in below
        ]
        pytest.fail(
            f"intent F1 below {F1_FLOOR}: {below}\n" + evaluation.table(CONTRACT_INTENTS)
            + "\nmisclassified (expected -> received):\n" + "\n".join(wrong)
        )
