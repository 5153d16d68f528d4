"""Leave-one-batch-out: how the urgent decision would have scored each batch had it been new.

    .venv/bin/python scripts/urgent_lobo.py [--c 4.0] [--without PATH ...]

For every development batch in tests/data/urgent_blind/, the meaning model is
retrained on everything else (scripts/train_urgent_meaning.py's examples minus
that batch's words) and the decision (bot/safety/decide.py) runs in-process on
the batch at the five questions, as scripts/urgent_decide_eval.py does. This is
the closest a development figure comes to a blind one: use it to compare
changes to the training data, the features or the thresholds without spending
a fresh blind batch. Batches still marked blind are never read. --without
drops a training file, to see what it adds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c", type=float, default=None, help="SVM C (default: the trainer's)")
    parser.add_argument("--without", type=Path, action="append", default=[])
    parser.add_argument("--show", action="store_true", help="print the misjudged messages")
    parser.add_argument("--sweep", action="store_true", help="try other thresholds, one at a time")
    args = parser.parse_args()

    import numpy as np
    import train_urgent_meaning as trainer
    import yaml
    from sklearn.svm import SVC

    from bot.safety.decide import Outcome, decide
    from bot.safety.meaning import features
    from tests.support.urgent_blind import CONTEXTS, batches

    dropped: set[str] = set()
    for path in args.without:
        data = yaml.safe_load(path.read_text("utf-8"))
        dropped |= {str(t).strip() for t in (data.get("urgent") or []) + (data.get("calm") or [])}
    pairs = [(t, y) for t, y in trainer.examples() if t not in dropped]
    texts = [t for t, _ in pairs]
    vectors = _cached_features(texts, features)
    index = {t: i for i, t in enumerate(texts)}
    labels = np.array([y for _, y in pairs])
    c = args.c if args.c is not None else trainer.SVM_C

    import json

    scored = []  # (batch name, item, probability had the batch been new)
    # The left-out probabilities depend only on the training data and C: keep them, so
    # trying thresholds or rules again takes seconds, not minutes.
    memo = ROOT / "var" / "cache" / f"urgent_lobo_{trainer.data_hash(pairs)}_{c}.json"
    remembered = json.loads(memo.read_text("utf-8")) if memo.exists() else {}
    for batch in batches():
        if batch.status != "development":
            continue
        if batch.name in remembered:
            probs = remembered[batch.name]
            scored += [(batch.name, i, float(p)) for i, p in zip(batch.items, probs, strict=True)]
            continue
        held = {item.text.strip() for item in batch.items}
        keep = np.array([t not in held for t in texts])
        clf = SVC(C=c, kernel="rbf", gamma="scale", class_weight="balanced",
                  probability=True, random_state=42).fit(vectors[keep], labels[keep])
        probs = clf.predict_proba(
            np.stack([vectors[index[i.text.strip()]] for i in batch.items]))[:, 1]
        scored += [(batch.name, i, float(p)) for i, p in zip(batch.items, probs, strict=True)]
        remembered[batch.name] = [float(p) for p in probs]
    memo.write_text(json.dumps(remembered), "utf-8")

    def run(show: bool, quiet: bool = False) -> np.ndarray:
        rows: dict[str, np.ndarray] = {}
        for name, item, p in scored:
            row = rows.setdefault(name, np.zeros(6, dtype=int))
            for context in list(CONTEXTS) if item.urgent else [item.context]:
                if context not in CONTEXTS:
                    continue
                outcome = decide(item.text, CONTEXTS[context], probability=p).outcome
                base = 0 if item.urgent else 3
                row[base] += 1
                row[base + 1] += outcome is Outcome.URGENT
                row[base + 2] += outcome is Outcome.CHECK
                wrong = outcome is not (Outcome.URGENT if item.urgent else Outcome.NONE)
                if show and wrong:
                    label = "URGENT" if item.urgent else "CALM"
                    print(f"  {label}->{outcome.value:6} {context:13} p={p:.2f} {item.text!r}")
        totals = sum(rows.values(), np.zeros(6, dtype=int))
        if not quiet:
            for name, row in rows.items():
                _print(name, row)
            _print("all", totals)
        return totals

    run(args.show)
    if args.sweep:
        import dataclasses

        import bot.safety.decide as decide_module

        base = decide_module.thresholds()
        for kind in ("plan", "opening", "framed", "unanchored"):
            for field in ("urgent", "check", "rule_confirm"):
                for value in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99, 1.01):
                    changed = dataclasses.replace(
                        base, **{kind: dataclasses.replace(getattr(base, kind), **{field: value})})
                    decide_module.thresholds = lambda changed=changed: changed  # type: ignore[assignment]
                    _print(f"{kind}.{field}={value}", run(False, quiet=True))
                decide_module.thresholds = lambda: base  # type: ignore[assignment]
    return 0


def _cached_features(texts: list[str], features: object) -> object:
    """Sentence vectors for texts, kept in var/cache between runs (encoding is the slow part)."""
    import hashlib

    import numpy as np

    from bot.safety.meaning import FEATURES_VERSION

    cache = ROOT / "var" / "cache" / "urgent_lobo_vectors.npz"
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    def key(t: str) -> str:
        return hashlib.sha256(f"{FEATURES_VERSION}\t{t}".encode()).hexdigest()
    missing = [t for t in texts if key(t) not in known]
    if missing:
        for t, v in zip(missing, features(missing), strict=True):  # type: ignore[operator]
            known[key(t)] = v
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[key(t)] for t in texts])


def _print(name: str, r: object) -> None:
    u, u9, uc, c, c9, cc = (int(x) for x in r)  # type: ignore[attr-defined]
    print(f"{name:14} urgent 999 {u9 / max(u, 1):6.1%}  999|check {(u9 + uc) / max(u, 1):6.1%}"
          f"   calm 999 {c9}/{c}  calm check {cc}/{c}")


if __name__ == "__main__":
    sys.exit(main())
