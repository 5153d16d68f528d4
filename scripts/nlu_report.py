"""`make nlu-report`: 5-fold cross-validation of the NLU over data/nlu, plus the holdout.

Each fold trains the project's pipeline (config.yml) on four fifths of
data/nlu and parses the fifth through the whole model, MessageGuard included;
folds are stratified by intent and drawn with a fixed seed, so reruns on the
same data agree. Then the model the bot runs is scored on
tests/data/nlu_holdout.yml, as CI does.

Prints per-intent precision, recall and F1 (intents as the dialogue receives
them: a fallback is an answer, like `inform`), the per-fold spread, and Rasa's
own view (fallback undone) for comparison. Reports, including the misclassified
examples, go to var/reports/nlu/ (git-ignored); the printed output carries
figures only, never example text.

    .venv/bin/python scripts/nlu_report.py [--folds 5] [--no-holdout]

Each fold trains DIET: 3 to 5 minutes a fold on two busy cores, about 20 minutes in all.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.runner import train  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from tests.support.nlu_eval import (  # noqa: E402
    CONTRACT_INTENTS,
    F1_FLOOR,
    HOLDOUT,
    Evaluation,
    Prediction,
    cross_validate,
    evaluate_model,
    figures,
)


def _save(path: Path, evaluation: Evaluation, rasa_view: Evaluation,
          extra: dict[str, object] | None = None) -> None:
    path.write_text(
        json.dumps(
            {
                "as_the_dialogue_receives": {
                    "accuracy": evaluation.accuracy,
                    "intents": {k: asdict(v) for k, v in evaluation.intents.items()},
                    "misclassified": [
                        {"expected": t, "received": p, "text": x} for t, p, x in evaluation.wrong
                    ],
                },
                "rasa_test_nlu_view": {
                    "accuracy": rasa_view.accuracy,
                    "intents": {k: asdict(v) for k, v in rasa_view.intents.items()},
                },
                **(extra or {}),
            },
            indent=2,
        ),
        encoding="utf-8",
    )


def _contract_macro_f1(evaluation: Evaluation) -> float:
    scores = [evaluation.intents[n].f1 for n in CONTRACT_INTENTS if n in evaluation.intents]
    return statistics.mean(scores) if scores else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="NLU cross-validation and holdout report")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-holdout", action="store_true", help="cross-validation only")
    parser.add_argument("--out", type=Path, default=None, help="default: var/reports/nlu")
    args = parser.parse_args(argv)

    settings = load_settings()
    out = args.out or settings.var_dir / "reports" / "nlu"
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    print(f"{args.folds}-fold cross-validation over data/nlu (one training per fold)...",
          flush=True)

    def progress(number: int, total: int, seconds: float) -> None:
        print(f"  fold {number}/{total} done in {seconds:.0f} s", flush=True)

    folds = cross_validate(args.folds, out / "cv", settings, progress=progress)
    every: list[Prediction] = [p for fold in folds for p in fold]
    cv = figures(every)
    cv_rasa = figures(every, bot_view=False)
    per_fold = [figures(fold) for fold in folds]
    accuracies = [f.accuracy for f in per_fold]
    macro = [_contract_macro_f1(f) for f in per_fold]
    print("\nCross-validation, every fold's held-out part together "
          "(intents as the dialogue receives them):")
    print(cv.table())
    print(
        f"per fold: accuracy {statistics.mean(accuracies):.3f} "
        f"(sd {statistics.pstdev(accuracies):.3f}, min {min(accuracies):.3f}); "
        f"macro F1 of the contract intents {statistics.mean(macro):.3f} "
        f"(sd {statistics.pstdev(macro):.3f}, min {min(macro):.3f})"
    )
    print(f"Rasa's view (fallback undone): accuracy {cv_rasa.accuracy:.3f}, "
          f"macro F1 of the contract intents {_contract_macro_f1(cv_rasa):.3f}")
    _save(out / "cv_report.json", cv, cv_rasa,
          {"folds": args.folds, "fold_accuracy": accuracies, "fold_contract_macro_f1": macro})

    if not args.no_holdout:
        model = train(settings)
        predictions = evaluate_model(model, HOLDOUT, out / "holdout", settings)
        holdout = figures(predictions)
        print("\nHeld-out set (tests/data/nlu_holdout.yml) with the model the bot runs, "
              f"{model.name}:")
        print(holdout.table())
        below = [n for n in CONTRACT_INTENTS if n in holdout.intents
                 and holdout.intents[n].f1 < F1_FLOOR]
        print(f"contract intents below F1 {F1_FLOOR}: {below or 'none'}")
        _save(out / "holdout_report.json", holdout, figures(predictions, bot_view=False),
              {"model": model.name})

    print(f"\nReports (with the misclassified examples): {out}")
    print(f"Took {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
