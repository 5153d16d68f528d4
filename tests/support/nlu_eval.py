"""Intent evaluation of the model the bot really runs, as the dialogue acts on it.

Each example is parsed by the whole trained pipeline (DIET, the
FallbackClassifier, then the MessageGuard: urgent danger by rule, answers that
only look like commands turned back into `inform`), and scored on the intent
the dialogue receives. Two differences from `rasa test nlu`, on purpose:

- `rasa test nlu` undoes the fallback: an `nlu_fallback` prediction is scored
  as the classifier's top guess, which the guard never saw. Here it is scored
  as what it does in this bot: in the form and out of it, a fallback is an
  answer, exactly like `inform` (`figures(..., bot_view=False)` gives Rasa's
  view from the same predictions, for comparison).
- Cross-validation folds are drawn with a fixed seed, so two runs of
  `make nlu-report` on the same data agree.

Run as a module it is the parser subprocess: it loads the model once and
writes each example's final intent, confidence and ranking.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.runner import PROJECT_ROOT, child_environment
from bot.settings import Settings

# The contract list: the intents a person uses to steer the interview.
CONTRACT_INTENTS = (
    "greet", "goodbye", "thank", "affirm", "deny", "help", "example", "go_back", "skip",
    "stop", "restart", "review", "export", "bot_challenge", "out_of_scope",
)
F1_FLOOR = 0.95
HOLDOUT = PROJECT_ROOT / "tests" / "data" / "nlu_holdout.yml"
NLU_DATA = PROJECT_ROOT / "data" / "nlu"
FALLBACK = "nlu_fallback"
ANSWER = "inform"
SEED = 42


@dataclass(frozen=True)
class Prediction:
    text: str
    target: str
    intent: str  # what the dialogue receives
    confidence: float
    undone: str  # Rasa's view: the top guess behind a fallback


@dataclass(frozen=True)
class IntentFigures:
    intent: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Evaluation:
    intents: dict[str, IntentFigures]
    accuracy: float
    wrong: list[tuple[str, str, str]]  # (target, predicted, text)

    def table(self, only: tuple[str, ...] | None = None) -> str:
        rows = [f"{'intent':16} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>4}"]
        for name in sorted(self.intents):
            if only is not None and name not in only:
                continue
            f = self.intents[name]
            mark = "  <" if only is None and name in CONTRACT_INTENTS and f.f1 < F1_FLOOR else ""
            rows.append(
                f"{name:16} {f.precision:9.3f} {f.recall:7.3f} {f.f1:6.3f} {f.support:4d}{mark}"
            )
        rows.append(f"accuracy {self.accuracy:.3f}")
        return "\n".join(rows)


def load_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) for every example in a Rasa NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def figures(predictions: list[Prediction], bot_view: bool = True) -> Evaluation:
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support

    targets = [p.target for p in predictions]
    if bot_view:
        predicted = [ANSWER if p.intent == FALLBACK else p.intent for p in predictions]
    else:
        predicted = [p.undone for p in predictions]
    labels = sorted(set(targets))
    precision, recall, f1, support = precision_recall_fscore_support(
        targets, predicted, labels=labels, zero_division=0
    )
    intents = {
        label: IntentFigures(label, float(p), float(r), float(f), int(s))
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    }
    wrong = [
        (t, g, p.text) for t, g, p in zip(targets, predicted, predictions, strict=True) if t != g
    ]
    return Evaluation(intents, float(accuracy_score(targets, predicted)), wrong)


# -- parsing through the model, in a subprocess -------------------------------------


def parse(model: Path, examples: list[tuple[str, str]], work: Path, settings: Settings,
          timeout: float = 1200) -> list[Prediction]:
    work.mkdir(parents=True, exist_ok=True)
    given, taken = work / "examples.json", work / "predictions.json"
    given.write_text(json.dumps(examples), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.nlu_eval", str(model), str(given), str(taken)],
        cwd=PROJECT_ROOT,
        env=child_environment(settings),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"parsing with {model.name} failed:\n{done.stderr[-4000:]}")
    return [Prediction(**row) for row in json.loads(taken.read_text(encoding="utf-8"))]


def evaluate_model(model: Path, data: Path, work: Path, settings: Settings) -> list[Prediction]:
    """The trained model's predictions on a labelled file it never trained on."""
    return parse(model, load_examples(data), work, settings)


def cross_validate(folds: int, work: Path, settings: Settings, data: Path = NLU_DATA,
                   progress: Any = None) -> list[list[Prediction]]:
    """Stratified k-fold cross-validation with the project's own pipeline (config.yml).

    Each fold's model trains on the other folds and parses its own part; the
    predictions of every fold are returned, fold by fold.
    """
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    examples = load_data(str(data)).intent_examples
    labels = [m.get("intent") for m in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    results: list[list[Prediction]] = []
    for number, (train_at, test_at) in enumerate(splitter.split(examples, labels), start=1):
        fold = work / f"fold-{number}"
        fold.mkdir(parents=True, exist_ok=True)
        train_file = fold / "train.yml"
        RasaYAMLWriter().dump(train_file, TrainingData([examples[i] for i in train_at]))
        started = time.monotonic()
        _rasa_train_nlu(train_file, fold, settings)
        model = fold / "nlu.tar.gz"
        held = [(examples[i].get("text"), examples[i].get("intent")) for i in test_at]
        results.append(parse(model, held, fold, settings))
        if progress is not None:
            progress(number, folds, time.monotonic() - started)
    return results


def _rasa_train_nlu(train_file: Path, out: Path, settings: Settings) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.rasa_ext.server", "train", "nlu",
         "--config", str(PROJECT_ROOT / "config.yml"), "--nlu", str(train_file),
         "--out", str(out), "--fixed-model-name", "nlu"],
        cwd=PROJECT_ROOT,
        env=child_environment(settings),
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0 or not (out / "nlu.tar.gz").exists():
        raise RuntimeError(f"training a fold failed:\n{(done.stdout + done.stderr)[-4000:]}")


def _parse_main(model: str, given: str, taken: str) -> int:
    from bot.rasa_ext.server import prepare_environment

    prepare_environment()
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    examples = json.loads(Path(given).read_text(encoding="utf-8"))

    async def run() -> list[dict[str, Any]]:
        rows = []
        for text, target in examples:
            result = await agent.parse_message(text)
            intent = result.get("intent") or {}
            name = intent.get("name") or ""
            undone = name
            if name == FALLBACK:
                ranking = [r for r in result.get("intent_ranking") or [] if r["name"] != FALLBACK]
                undone = ranking[0]["name"] if ranking else name
            rows.append({
                "text": text, "target": target, "intent": name,
                "confidence": float(intent.get("confidence") or 0.0), "undone": undone,
            })
        return rows

    Path(taken).write_text(json.dumps(asyncio.run(run())), encoding="utf-8")
    return 0


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="parse examples with a trained model")
    arguments.add_argument("model")
    arguments.add_argument("examples")
    arguments.add_argument("predictions")
    parsed = arguments.parse_args()
    raise SystemExit(_parse_main(parsed.model, parsed.examples, parsed.predictions))
