"""Yes or no, as typed on a phone: "yeah", "nah", "👍", "no it isn't"."""

from __future__ import annotations

import re

from bot.parsing._text import fold, never_raises

_LIMIT = 500

# Whole answers, after folding case, punctuation and stretched letters.
_YES = {
    "yes",
    "yeah",
    "yea",
    "yeh",
    "yep",
    "yup",
    "yh",
    "y",
    "ya",
    "yah",
    "yas",
    "aye",
    "sure",
    "ok",
    "okay",
    "okey",
    "k",
    "kk",
    "okie",
    "alright",
    "all right",
    "correct",
    "right",
    "true",
    "indeed",
    "certainly",
    "definitely",
    "defo",
    "deffo",
    "def",
    "absolutely",
    "of course",
    "course",
    "affirmative",
    "i think so",
    "i believe so",
    "think so",
    "i guess so",
    "suppose so",
    "i suppose so",
    "that's right",
    "thats right",
    "that is right",
    "that's correct",
    "thats correct",
    "that is correct",
    "that's it",
    "thats it",
    "that's fine",
    "thats fine",
    "fine",
    "go on",
    "go ahead",
    "go for it",
    "please do",
    "please",
    "sounds good",
    "sounds right",
    "spot on",
    "exactly",
    "yes it is",
    "it is",
    "yes i am",
    "yes he is",
    "yes she is",
    "yes they are",
    "yes we are",
    "yes i do",
    "yes we do",
    "yes it does",
    "yes please",
    "yes thanks",
    "yes thank you",
    "no problem",
    "no worries",
    "not a problem",
    "why not",
    "100%",
    "100 percent",
    "👍",
    "👌",
    "✅",
    "✔",
    "☑",
    "🙂👍",
}
_NO = {
    "no",
    "nope",
    "nah",
    "na",
    "naw",
    "noo",
    "n",
    "nay",
    "no way",
    "never",
    "not really",
    "not at all",
    "not yet",
    "not quite",
    "no thanks",
    "no thank you",
    "no ta",
    "nah thanks",
    "no it isn't",
    "no it isnt",
    "no it is not",
    "no it's not",
    "no its not",
    "it isn't",
    "it isnt",
    "it's not",
    "its not",
    "isn't",
    "isnt",
    "wrong",
    "incorrect",
    "that's wrong",
    "thats wrong",
    "that's not right",
    "thats not right",
    "not right",
    "definitely not",
    "absolutely not",
    "of course not",
    "certainly not",
    "i don't think so",
    "i dont think so",
    "don't think so",
    "dont think so",
    "i think not",
    "negative",
    "👎",
    "❌",
    "✖",
    "🚫",
}
# Leading words that still answer the question when more follows
# ("yes he's 7", "no, she moved out").
_YES_LEAD = {
    "yes",
    "yeah",
    "yea",
    "yeh",
    "yep",
    "yup",
    "aye",
    "ok",
    "okay",
    "sure",
    "correct",
    "definitely",
    "absolutely",
    "alright",
    "👍",
}
_NO_LEAD = {"no", "nope", "nah", "naw", "never", "👎"}
# These make an answer unsure however it starts: "yes and no", "no idea".
_UNSURE = re.compile(
    r"\b(?:don'?t\s+know|do\s+not\s+know|dunno|idk|not\s+sure|unsure|no\s+idea|no\s+clue|"
    r"maybe|perhaps|possibly|might|sort\s+of|kind\s+of|kinda|sorta|yes\s+and\s+no|"
    r"yes\s+or\s+no|depends|not\s+certain|can'?t\s+say|can'?t\s+remember|"
    r"don'?t\s+remember|no\s+comment|who\s+knows|hard\s+to\s+say)\b|\?"
)
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f\ufe0e]")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_EDGE_PUNCT = re.compile(r"^[\s.,!;:~\-*\"'()]+|[\s.,!;:~\-*\"'()]+$")


def _tidy(text: object) -> str:
    text = _SKIN_TONES.sub("", fold(text, _LIMIT))
    text = _STRETCH.sub(r"\1\1", text)  # "yesss" -> "yess", "noooo" -> "noo"
    text = _EDGE_PUNCT.sub("", text)
    return re.sub(r"\s*([,.!])\s*", r" \1 ", text).strip()


def _whole(text: str) -> bool | None:
    for candidate in (text, re.sub(r"(.)\1+$", r"\1", text)):  # "yess" -> "yes"
        bare = re.sub(r"\s*[,.!]\s*", " ", candidate).strip()
        if bare in _YES:
            return True
        if bare in _NO:
            return False
    return None


@never_raises(lambda *_a, **_k: None)
def parse_yes_no(text: str) -> bool | None:
    """True for yes, False for no, None for anything else (including "I don't know")."""
    raw = fold(text, _LIMIT).strip()
    if raw.startswith("/"):
        # Button payloads, possibly with entities: '/affirm{"x": 1}'.
        intent = re.match(r"/([a-z_]+)", raw)
        name = intent.group(1) if intent else ""
        return {"affirm": True, "deny": False}.get(name)
    tidy = _tidy(text)
    if not tidy:
        return None
    if _UNSURE.search(tidy):
        return None
    whole = _whole(tidy)
    if whole is not None:
        return whole
    # "Yes; on both occasions...", "yes - when he'd been drinking": a worker's punctuation.
    words = [w for w in re.split(r"[\s,;:!.]+|\s[-–]\s", tidy) if w and w not in "-–"]
    first = _whole(words[0]) if words else None
    if first is True and words[0].rstrip("s") in {w.rstrip("s") for w in _YES_LEAD}:
        rest = " ".join(words[1:])
        if _whole(rest) is False or re.search(r"\bnot?\b|n't\b|\bnever\b", rest):
            # "yes no", "yes it isn't": contradicts itself.
            return None
        return True
    if first is False and words[0] in _NO_LEAD | {"noo", "n"}:
        rest = " ".join(words[1:])
        if _whole(rest) is True and not re.search(r"\bnot?\b|n't\b", rest):
            if rest in ("thanks", "thank you", "ta", "please"):
                return False
            return None
        return False
    return None
