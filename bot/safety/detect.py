"""Is a child in danger *now*? The decision behind the 999 reply.

Two layers, so that no single model (and no retrain of it) can silently lose
urgent detection:

1. Rules (`rules.py`) over the normalised text (`normalise.py`). They alone
   must find every urgent message in the held-out test set.
2. The NLU model's intent, when it says `urgent_danger` with confidence at or
   above `MODEL_URGENT_THRESHOLD`. It can add urgency the rules missed; it can
   never remove urgency the rules found. It is overruled when a suppressor
   marks the message as past, habitual or hypothetical and nothing in it says
   "now", and it is not heard at all when the message has no word about harm,
   fear or danger (`harm_words.py`): the model also learns the tense and
   shape of urgent messages, and "the house is quiet and tidy" is not one.

Past and possible harm is the everyday material of a danger statement ("Dad
hits Mum when he drinks"); immediacy is what makes a message an emergency.
The result carries rule ids only, never the user's words, so it is safe to log.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.safety.harm_words import mentions_harm
from bot.safety.normalise import normalise
from bot.safety.rules import DANGER_RULES, IMMEDIACY, SUPPRESSORS, Strength

URGENT_INTENT = "urgent_danger"
# High enough that a model unsure between "describing harm" and "harm now"
# leaves the decision to the rules; low enough that a clear model vote counts.
MODEL_URGENT_THRESHOLD = 0.8
# Reason id used when the model, not a rule, made the message urgent.
MODEL_REASON = "model_urgent"

# Suppressors and immediacy markers look this many sentences either side of a
# danger phrase: "She took an overdose. It was years ago." is one thought.
_WINDOW = 1


@dataclass(frozen=True)
class Assessment:
    urgent: bool
    # "rules", "model", "rules+model" or "none".
    source: str
    # Rule ids behind the decision, e.g. ("weapon_now",). When not urgent,
    # the ids of the suppressors that overruled a danger phrase or the model,
    # so a reviewer can see why without seeing the message. Never user text.
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Scan:
    firing: tuple[str, ...]  # danger rule ids that make the message urgent
    suppressed_by: tuple[str, ...]  # suppressor ids that cancelled a danger phrase
    any_strong_or_immediate: bool  # a STRONG rule or an immediacy marker anywhere
    any_strong: bool  # a STRONG rule fired
    with_now: bool  # a rule fired with a clear immediacy marker ("tonight", "right now") near it
    any_suppressor: tuple[str, ...]  # suppressor ids anywhere in the message


def _ids(found: set[str]) -> tuple[str, ...]:
    return tuple(sorted(found))


def _scan(text: str) -> _Scan:
    sentences = normalise(text)
    suppressors = [{sid for sid, pat in SUPPRESSORS if pat.search(s)} for s in sentences]
    immediacy = [{iid for iid, pat in IMMEDIACY if pat.search(s)} for s in sentences]

    firing: set[str] = set()
    suppressed_by: set[str] = set()
    any_strong = False
    with_now = False
    for i, sentence in enumerate(sentences):
        lo, hi = max(0, i - _WINDOW), min(len(sentences), i + _WINDOW + 1)
        near_suppressors = set().union(*suppressors[lo:hi])
        near_now = any(immediacy[lo:hi])
        # "right now", "tonight", "still here": more than a bare "now".
        near_clear_now = bool(set().union(*immediacy[lo:hi]) - {"bare_now"})
        for rule in DANGER_RULES:
            if rule.id in firing and rule.strength is not Strength.STRONG:
                continue
            if not rule.pattern.search(sentence):
                continue
            told_as_history = "long_past" in near_suppressors and not near_now
            if rule.strength is Strength.STRONG and told_as_history:
                # Years back, nothing saying now: told as history, judged like a weak phrase.
                suppressed_by |= near_suppressors
            elif rule.strength is Strength.STRONG:
                any_strong = True
                with_now = with_now or near_clear_now
                firing.add(rule.id)
            elif near_now:
                with_now = with_now or near_clear_now
                firing.add(rule.id)
            elif rule.strength is Strength.WEAK and not near_suppressors:
                firing.add(rule.id)
            else:
                suppressed_by |= near_suppressors
    # A phrase suppressed in one place but firing in another is not suppressed.
    if firing:
        suppressed_by.clear()
    return _Scan(
        firing=_ids(firing),
        suppressed_by=_ids(suppressed_by),
        any_strong_or_immediate=any_strong or any(immediacy),
        any_strong=any_strong,
        with_now=with_now,
        any_suppressor=_ids(set().union(*suppressors)),
    )


def _model_says_urgent(model_intent: str | None, model_confidence: float | None) -> bool:
    if model_intent != URGENT_INTENT or model_confidence is None:
        return False
    # A NaN confidence compares False here, so it never counts as a vote.
    return model_confidence >= MODEL_URGENT_THRESHOLD


def assess(
    text: str,
    model_intent: str | None = None,
    model_confidence: float | None = None,
) -> Assessment:
    """Decide whether `text` suggests a child is in danger now.

    `model_intent`/`model_confidence` are the NLU model's top intent for the
    same message, when there is one. Without them the rules decide alone.
    """
    if not isinstance(text, str) or not text.strip():
        return Assessment(False, "none", ())
    scan = _scan(text)
    rules_urgent = bool(scan.firing)
    model_urgent = _model_says_urgent(model_intent, model_confidence) and mentions_harm(text)
    # The model is overruled only by a clear past/habitual/hypothetical marker
    # with nothing in the message pointing at now.
    model_overruled = bool(scan.any_suppressor) and not scan.any_strong_or_immediate

    if rules_urgent and model_urgent:
        return Assessment(True, "rules+model", scan.firing)
    if rules_urgent:
        return Assessment(True, "rules", scan.firing)
    if model_urgent and not model_overruled:
        return Assessment(True, "model", (MODEL_REASON,))
    if model_urgent:
        return Assessment(False, "none", scan.any_suppressor)
    return Assessment(False, "none", scan.suppressed_by)
