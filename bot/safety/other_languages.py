"""Emergency words in other languages, read as English before the danger checks.

The danger rules and the meaning model read English, and the normaliser keeps
only Latin letters: "помогите, он душит мою дочь" reached them as nothing at
all, and "pomocy, on mnie teraz bije" as a plea with no danger in it (urgent
batch p, scored blind: 25 of 130 present emergencies, every one in another
language, got no reply about danger). The words in other_languages.yml (data
for a practice lead or an interpreter to extend) are replaced by their
English, and a message still mostly in a script other than Latin is marked,
so the decision asks ("Is someone in danger right now?") rather than reading
nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

SOURCE = Path(__file__).with_name("other_languages.yml")
# Letters in another script, at least this many and this share of all letters.
_MIN_OTHER_LETTERS = 4
_MIN_OTHER_SHARE = 0.4


@lru_cache(maxsize=1)
def _glossary() -> tuple[re.Pattern[str], dict[str, str]]:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    words = {
        unicodedata.normalize("NFKC", str(k)).casefold(): str(v)
        for k, v in data["words"].items()
    }
    if not all(words.values()):
        raise ValueError(f"{SOURCE.name}: every word needs its English")
    alternation = "|".join(_as_pattern(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(alternation), words


def _unspaced(ch: str) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese)."""
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA"))


def _as_pattern(word: str) -> str:
    # Whole words only, in any script: a word character on neither side. In a
    # script without spaces ("他现在在打我") a word is found inside the run.
    before = "" if _unspaced(word[0]) else r"(?<!\w)"
    after = "" if _unspaced(word[-1]) else r"(?!\w)"
    return f"{before}{re.escape(word)}{after}"


def in_english(text: str) -> str:
    """The message with the emergency words of other languages replaced by their English."""
    return read_in_english(text)[0]


# Danger said in another language: with a plea for help beside it, the emergency
# is plain whatever the grammar around it ("pomocy on ma nóż").
_DANGER = re.compile(
    r"\b(?:knife|gun|kill|killing|is hitting|hitting|strangling|not breathing|not waking|"
    r"not moving|fitting|pills|tablets|bleach|blood|bleeding|fire|jump|suicide|dead|drank|"
    r"swallowed|fell|is breaking|locked in)\b"
)


def read_in_english(text: str) -> tuple[str, bool]:
    """The message in English as far as the glossary goes, and whether it asked for help
    in another language with a danger word beside it."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    pattern, words = _glossary()
    found = [words[m.group(0)] for m in pattern.finditer(folded)]
    if not found:
        return text, False
    english = pattern.sub(lambda m: f" {words[m.group(0)]} ", folded)
    plea = any(w.split()[0] == "help" for w in found) and any(_DANGER.search(w) for w in found)
    return english, plea


def mostly_another_script(text: str) -> bool:
    """Mostly letters outside the Latin script (Arabic, Cyrillic, Ethiopic, Bengali...)."""
    letters = [ch for ch in text if ch.isalpha()]
    other = [ch for ch in letters if not unicodedata.name(ch, "").startswith("LATIN")]
    return len(other) >= _MIN_OTHER_LETTERS and len(other) >= _MIN_OTHER_SHARE * len(letters)
