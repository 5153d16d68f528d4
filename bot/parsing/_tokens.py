"""A small tokenizer that keeps what people typed and where they typed it.

Regexes over names go wrong on scripts without case and on combining marks;
walking the characters once is simpler and cannot backtrack.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bot.parsing._contact import find_contacts
from bot.parsing._words import KIN_NAMES, TITLES

WORD = "word"
NUM = "num"
CONTACT = "contact"
PUNCT = "punct"

# "mums partner", "dads house": possessives typed without the apostrophe.
_BARE_POSSESSIVE_KIN = {
    f"{kin}s" for kin in KIN_NAMES if kin not in ("aunt", "uncle", "mother", "father")
}
_PUNCT = set(',;&+()-:.!?/|"[]{}<>*#=~')
_SENTENCE_END = {".", "!", "?", "\n", ":", ";"}
_CONTRACTIONS = {
    "it's",
    "he's",
    "she's",
    "who's",
    "that's",
    "what's",
    "there's",
    "here's",
    "let's",
    "where's",
    "how's",
    "when's",
    "one's",
    "everyone's",
    "someone's",
    "nobody's",
    "nothing's",
}


@dataclass
class Tok:
    text: str
    kind: str
    start: int
    end: int
    sentence_start: bool = False
    possessive: bool = False  # "Leo's", "kids'"

    @property
    def base(self) -> str:
        """The word without a possessive ending: "Leo's" -> "Leo"."""
        if self.possessive:
            if self.text.casefold().endswith("'s"):
                return self.text[:-2]
            if self.text.endswith("'"):
                return self.text.rstrip("'")
            return self.text[:-1]  # "mums" -> "mum"
        return self.text

    @property
    def low(self) -> str:
        return self.base.casefold()

    @property
    def full_low(self) -> str:
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        first = self.text[:1]
        return first.isupper()

    @property
    def all_caps(self) -> bool:
        cased = [c for c in self.base if c.lower() != c.upper()]
        return len(cased) > 1 and all(c.isupper() for c in cased)


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("L", "M")


def tokenize(text: str) -> list[Tok]:
    """Words, numbers, contacts and punctuation; spaces and symbols dropped."""
    contacts = find_contacts(text)
    tokens: list[Tok] = []
    n = len(text)
    i = 0
    c = 0
    at_start = True
    while i < n:
        while c < len(contacts) and contacts[c][1] <= i:
            c += 1
        if c < len(contacts) and contacts[c][0] == i:
            start, end = contacts[c]
            tokens.append(Tok(text[start:end], CONTACT, start, end))
            at_start = False
            i = end
            continue
        ch = text[i]
        if _is_letter(ch):
            j = i + 1
            while j < n:
                if _is_letter(text[j]):
                    j += 1
                elif text[j] in "'-" and j + 1 < n and _is_letter(text[j + 1]):
                    j += 2
                else:
                    break
            possessive = False
            word = text[i:j]
            if word.casefold() in _CONTRACTIONS:
                pass
            elif word.casefold() in _BARE_POSSESSIVE_KIN:
                possessive = True
            elif word.casefold().endswith("'s") and len(word) > 2:
                possessive = True
            elif j < n and text[j] == "'" and word.casefold().endswith("s"):
                # "kids'" - a plural possessive: keep the apostrophe with the word.
                j += 1
                word = text[i:j]
                possessive = True
            tokens.append(Tok(word, WORD, i, j, sentence_start=at_start, possessive=possessive))
            at_start = False
            i = j
        elif unicodedata.category(ch) == "Nd":
            j = i + 1
            while j < n and (
                unicodedata.category(text[j]) == "Nd"
                or (text[j] == "." and j + 1 < n and unicodedata.category(text[j + 1]) == "Nd")
            ):
                j += 1
            tokens.append(Tok(text[i:j], NUM, i, j))
            at_start = False
            i = j
        elif ch == "\n" or ch in _PUNCT:
            after_title = (
                ch == "."
                and bool(tokens)
                and tokens[-1].kind == WORD
                and tokens[-1].end == i
                and (tokens[-1].full_low in TITLES or tokens[-1].full_low in ("st", "no"))
            )
            tokens.append(Tok(ch, PUNCT, i, i + 1))
            if ch in _SENTENCE_END and not after_title:
                at_start = True
            i += 1
        else:
            i += 1
    return tokens
