"""Trains the urgent-meaning classifier (bot/safety/urgent_meaning.json).

    .venv/bin/python scripts/train_urgent_meaning.py [--check]

Labelled examples come from files already in the project:
- data/nlu/*.yml: `urgent_danger` examples are urgent; answers, small talk
  and navigation are calm (`help` is left out: "help me" can be either);
- tests/data/urgent_dev.yml: urgent and not_urgent;
- tests/data/urgent_training/*.yml: sets written to train on (urgent, calm);
- bot/interview/questions.yml: every question's example answers are calm;
- tests/fidelity/*.yml (development corpora only): every typed plan answer is calm;
- tests/data/urgent_blind/*.yml and tests/data/urgent_blind_questions/*.yml:
  a blind batch only once it has been scored blind (`status: development`),
  never before.
tests/data/urgent_test.yml is held out and never trained on.

--check exits 1 when the weights file does not match the data (used by a test).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CALM_INTENTS = {
    "inform", "affirm", "deny", "greet", "goodbye", "thank", "bot_challenge", "out_of_scope",
    "example", "go_back", "skip", "stop", "restart", "review", "export", "start_practice",
    "meeting_pack",
}
SVM_C = 4.0


def _nlu_examples() -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            intent = block.get("intent")
            if intent not in CALM_INTENTS and intent != "urgent_danger":
                continue
            label = 1 if intent == "urgent_danger" else 0
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    text = line[2:].strip()
                    # Buttons' payload-style examples carry no meaning.
                    if text and not text.startswith("/"):
                        out.append((text, label))
    return out


def _question_examples() -> list[tuple[str, int]]:
    data = yaml.safe_load((ROOT / "bot" / "interview" / "questions.yml").read_text("utf-8"))
    out = []
    for spec in data.values():
        if not isinstance(spec, dict):
            continue
        for audience_text in (spec.get("example") or {}).values():
            for quoted in str(audience_text).split("'"):
                quoted = quoted.strip(" ,.;")
                if len(quoted.split()) >= 2 and "{" not in quoted:
                    out.append((quoted, 0))
    return out


def _dev_set() -> list[tuple[str, int]]:
    data = yaml.safe_load((ROOT / "tests" / "data" / "urgent_dev.yml").read_text("utf-8"))
    return [(t, 1) for t in data["urgent"]] + [(t, 0) for t in data["not_urgent"]]


def _training_sets() -> list[tuple[str, int]]:
    out = []
    for path in sorted((ROOT / "tests" / "data" / "urgent_training").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(str(t), 1) for t in data.get("urgent") or []]
        out += [(str(t), 0) for t in data.get("calm") or []]
    return out


def _scored_blind_batches() -> list[tuple[str, int]]:
    out = []
    for path in sorted((ROOT / "tests" / "data" / "urgent_blind").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") != "development":
            continue
        out += [(str(i["text"]), 1 if i["expect"] == "urgent" else 0) for i in data["items"]]
    for path in sorted((ROOT / "tests" / "data" / "urgent_blind_questions").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") != "development":
            continue
        for item in data["items"]:
            urgent = item["expect"] == "urgent"
            # "yes" is urgent only as the answer to "is anyone in danger right
            # now?": the question makes it so, not the words. Never teach it.
            if urgent and len(str(item["text"]).split()) <= 2:
                continue
            out.append((str(item["text"]), 1 if urgent else 0))
    return out


def _fidelity_answers() -> list[tuple[str, int]]:
    """Every answer typed in a development fidelity corpus (tests/fidelity/): whole
    conversations written as plan answers, none of them an emergency, so all calm.
    A blind corpus is never read before its first score."""
    out = []
    for path in sorted((ROOT / "tests" / "fidelity").glob("*.yml")):
        if path.name == "known_gaps.yml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("status") != "development":
            continue
        for conversation in data.get("conversations") or []:
            answers = conversation.get("answers") or {}
            parts = [answers, *(answers.get("worries") or []), *(answers.get("steps") or [])]
            for part in parts:
                for value in part.values():
                    if isinstance(value, str) and len(value.split()) >= 3:
                        out.append((value, 0))
    return out


def examples() -> list[tuple[str, int]]:
    seen: dict[str, int] = {}
    for text, label in (
        _nlu_examples() + _question_examples() + _dev_set() + _training_sets()
        + _scored_blind_batches() + _fidelity_answers()
    ):
        key = text.strip()
        # An urgent label wins over a calm one for the same words.
        seen[key] = max(label, seen.get(key, 0))
    return sorted(seen.items())


def data_hash(pairs: list[tuple[str, int]]) -> str:
    from bot.safety.meaning import FEATURES_VERSION

    digest = hashlib.sha256(FEATURES_VERSION.encode())
    for text, label in pairs:
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    from bot.safety.meaning import WEIGHTS_FILE

    pairs = examples()
    wanted = data_hash(pairs)
    if args.check:
        current = json.loads(WEIGHTS_FILE.read_text("utf-8")).get("data_hash") if (
            WEIGHTS_FILE.exists()) else None
        if current != wanted:
            print(f"{WEIGHTS_FILE.name} is stale: run scripts/train_urgent_meaning.py")
            return 1
        print("up to date")
        return 0

    import numpy as np
    from sklearn.svm import SVC

    from bot.safety.meaning import ARRAYS_FILE, MeaningModel, features

    texts = [t for t, _ in pairs]
    labels = np.array([label for _, label in pairs])
    vectors = features(texts)
    # An RBF-kernel SVM: on leave-one-batch-out runs over the blind batches it
    # separated urgent from calm better than logistic regression or a small MLP
    # (docs/safety-evaluation.md).
    clf = SVC(C=SVM_C, kernel="rbf", gamma="scale", class_weight="balanced", probability=True,
              random_state=42).fit(vectors, labels)
    # sklearn's binary decision_function is the kernel sum for class 1.
    support = clf.support_vectors_.astype(np.float32)
    dual = clf.dual_coef_[0].astype(np.float32)
    candidate = MeaningModel(support, dual, float(clf.intercept_[0]), float(clf._gamma),
                             float(clf.probA_[0]), float(clf.probB_[0]), wanted)
    ours = np.array([candidate.decision(v) for v in vectors[:200]])
    theirs = clf.decision_function(vectors[:200])
    if not np.allclose(ours, theirs, atol=1e-3):
        raise SystemExit("the exported model disagrees with sklearn's decision function")
    theirs_p = clf.predict_proba(vectors[:200])[:, 1]
    ours_p = np.array([candidate.probability(v) for v in vectors[:200]])
    if not np.allclose(ours_p, theirs_p, atol=5e-3):
        raise SystemExit("the exported probabilities disagree with sklearn's")
    np.savez_compressed(ARRAYS_FILE, support=support, dual=dual)
    WEIGHTS_FILE.write_text(
        json.dumps(
            {
                "about": "RBF support-vector classifier over all-MiniLM-L6-v2 sentence vectors "
                "and framing cues (bot/safety/meaning.py); arrays in urgent_meaning.npz. Made by "
                "scripts/train_urgent_meaning.py; do not edit by hand.",
                "data_hash": wanted,
                "examples": {"urgent": int(labels.sum()), "calm": int((1 - labels).sum())},
                "C": SVM_C,
                "support_vectors": int(len(support)),
                "intercept": float(clf.intercept_[0]),
                "gamma": float(clf._gamma),
                "prob_a": float(clf.probA_[0]),
                "prob_b": float(clf.probB_[0]),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"trained on {len(pairs)} examples ({int(labels.sum())} urgent), "
          f"{len(support)} support vectors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
