"""Readability: Flesch reading ease and sentence length, stricter for family wording."""

from __future__ import annotations

import textstat

from bot.quality import vocabulary as v
from bot.quality.codes import make
from bot.quality.findings import Finding
from bot.quality.text import WORD, clip, key, normalise, sentences, word_count


def audience_of(audience: object) -> str:
    """'family' or 'worker'; anything else (a learner, a Role) reads as worker."""
    value = getattr(audience, "value", audience)
    return "family" if str(value).strip().casefold() == "family" else "worker"


def reading_ease(text: str) -> float | None:
    """Flesch reading ease, or None when the text is too short to judge fairly."""
    if word_count(text) < v.MIN_WORDS_FOR_READING_EASE:
        return None
    try:
        return float(textstat.flesch_reading_ease(text))
    except Exception:  # a third-party counter must never stop a check
        return None


def _syllables(word: str) -> int:
    try:
        return int(textstat.syllable_count(word))
    except Exception:  # as above
        return 1


def hard_words(text: str, limit: int = 3) -> list[str]:
    """The longest words of three or more syllables, longest first."""
    seen: dict[str, int] = {}
    for match in WORD.finditer(text):
        word = match.group(0)
        if word.isupper() or any(ch.isdigit() for ch in word):
            continue
        folded = word.casefold()
        if folded in seen:
            continue
        count = _syllables(word)
        if count >= 3:
            seen[folded] = count
    ranked = sorted(seen, key=lambda w: (-seen[w], -len(w)))
    return ranked[:limit]


def plain_swaps(text: str) -> list[tuple[str, str]]:
    swaps: list[tuple[str, str]] = []
    for match in WORD.finditer(text):
        word = key(match.group(0))
        for candidate in (word, word.rstrip("s"), word.removesuffix("ed"), word.removesuffix("d")):
            plain = v.PLAIN_WORDS.get(candidate)
            if plain and (candidate, plain) not in swaps:
                swaps.append((candidate, plain))
                break
    return swaps


def check_readability(text: str, target: str, audience: str = "family") -> list[Finding]:
    """Hard wording (Flesch reading ease) and long sentences for this audience."""
    norm = normalise(text)
    who = audience_of(audience)
    limits = v.READING_LIMITS[who]
    findings: list[Finding] = []

    ease = reading_ease(norm)
    if ease is not None and ease < limits.min_reading_ease:
        swaps = plain_swaps(norm)
        if swaps:
            tips = ", ".join(f"'{plain}' for '{word}'" for word, plain in swaps[:4])
            advice = f"Try everyday words: {tips}. Keep sentences short, one idea each."
        else:
            advice = (
                "Use shorter, everyday words (for example 'drink' rather than 'alcohol "
                "consumption') and keep sentences short, one idea each."
            )
        words = hard_words(norm)
        findings.append(
            make(
                "read.hard",
                target,
                excerpt=", ".join(words) if words else clip(norm),
                ease=ease,
                limit=limits.min_reading_ease,
                audience=who,
                swaps=advice,
            )
        )

    for sentence in sentences(norm):
        count = word_count(sentence.text)
        if count > limits.max_sentence_words:
            findings.append(
                make(
                    "read.long_sentence",
                    target,
                    excerpt=clip(sentence.text),
                    count=count,
                    limit=limits.max_sentence_words,
                )
            )
    return findings
