"""Turn what people actually type into one plain form the danger rules can read.

People write to the assistant on a phone, often frightened: no punctuation,
text-speak ("hes hittin her rn"), ALL CAPS, missing apostrophes, stretched
letters ("heeelp"). The rules in `rules.py` are written once against the
plain form produced here ("he is hitting her right now"), so every spelling
variant is handled in one place instead of in every pattern.

Everything here is linear in the length of the text: a single pass of simple
substitutions, no nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata

# A pasted case note can be tens of thousands of characters. Scanning is
# capped so a message can never stall the bot, but head and tail are both kept:
# a plea for help is most often the first or the last thing someone writes.
MAX_SCAN_CHARS = 4000
_HEAD_CHARS = 2000
_TAIL_CHARS = 2000

# Sentences longer than this many words are cut into overlapping pieces, so
# that "used to" in one part of a long unpunctuated message does not silence
# "she's taken a load of pills" fifty words later.
_CHUNK_WORDS = 40
_CHUNK_OVERLAP = 8

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Words after "he's"/"dad's" that show the 's is "has", not "is".
_HAS_NEXT = frozenset(
    """
    got been gone taken done had left run ran put hit hurt cut broken thrown beaten
    bitten took come shot stolen set lost kept told said made seen given brought caught
    held burnt stabbed swallowed overdosed locked smashed kicked punched grabbed pushed
    attacked threatened turned started tried disappeared vanished just already
    """.split()
)
# Words ending in -ed that describe a state ("she's scared"), so 's stays "is".
_ADJECTIVE_ED = frozenset(
    """
    scared worried frightened terrified tired stressed depressed annoyed wasted stoned
    bored upset excited interested involved allowed supposed married engaged armed
    trapped stuck pissed hammered concerned unconscious unresponsive
    """.split()
)
# Bare "hes", "shes" and friends, typed without the apostrophe.
_BARE_CONTRACTIONS = {
    "hes": "he",
    "shes": "she",
    "whos": "who",
    "thats": "that",
    "theres": "there",
    "whats": "what",
    "wheres": "where",
    "someones": "someone",
    "somebodys": "somebody",
    "everyones": "everyone",
    "nobodys": "nobody",
}
# "dads pinning him down": family words typed without an apostrophe.
_FAMILY_S = {
    "dads": "dad",
    "mums": "mum",
    "mams": "mum",
    "moms": "mum",
    "nans": "nan",
    "grans": "gran",
    "stepdads": "stepdad",
    "stepmums": "stepmum",
    "partners": "partner",
    "boyfriends": "boyfriend",
    "girlfriends": "girlfriend",
    "husbands": "husband",
    "exs": "ex",
}

# One word to one or more words. Only spellings seen in real chat, kept short
# on purpose: each entry is a chance to turn an ordinary word into something
# else.
_TOKEN_MAP = {
    "rn": "right now",
    "atm": "at the moment",
    "2nite": "tonight",
    "2night": "tonight",
    "2nyt": "tonight",
    "tonite": "tonight",
    "tonight": "tonight",
    "tonigt": "tonight",
    "tnight": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tomoz": "tomorrow",
    "yday": "yesterday",
    "kno": "know",
    "knw": "know",
    "wiv": "with",
    "wid": "with",
    "gona": "going to",
    "gonna": "going to",
    "gunna": "going to",
    "gonnae": "going to",
    "goin2": "going to",
    "wanna": "want to",
    "wana": "want to",
    "gotta": "got to",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "theyre": "they are",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "dont": "do not",
    "dnt": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "wont": "will not",
    "isnt": "is not",
    "aint": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "hasnt": "has not",
    "havent": "have not",
    "hadnt": "had not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plez": "please",
    "pleez": "please",
    "pleas": "please",
    "plss": "please",
    "plzz": "please",
    "smthing": "something",
    "smth": "something",
    "sumthing": "something",
    "somethin": "something",
    "summat": "something",
    "sumfin": "something",
    "sum1": "someone",
    "some1": "someone",
    "ne1": "anyone",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bcos": "because",
    "bc": "because",
    "cause": "because",
    "n": "and",
    "nd": "and",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "mam": "mum",
    "mom": "mum",
    "mommy": "mummy",
    "b4": "before",
    "evry": "every",
    "evrything": "everything",
    "evrythin": "everything",
    "nite": "night",
    "wen": "when",
    "wat": "what",
    "wot": "what",
    "gud": "good",
    "dno": "do not know",
    "dunno": "do not know",
    "duno": "do not know",
    "cud": "could",
    "wud": "would",
    "shud": "should",
    "mite": "might",
    "yrs": "years",
    "yr": "year",
    "mins": "minutes",
    "min": "minute",
    "hrs": "hours",
    "hr": "hour",
    "wks": "weeks",
    "wk": "week",
    "nxt": "next",
    "xmas": "christmas",
    "cops": "police",
    "polis": "police",
    "knifes": "knife",
    "abt": "about",
    "bout": "about",
    "thru": "through",
    "sumone": "someone",
    "any1": "anyone",
    "no1": "no one",
    "od": "overdose",
    "oded": "overdosed",
    "ambo": "ambulance",
    # Misspellings of the words that matter most.
    "knif": "knife",
    "nife": "knife",
    "kniff": "knife",
    "knive": "knife",
    "gt": "got",
    "stabed": "stabbed",
    "stabd": "stabbed",
    "polise": "police",
    "pollice": "police",
    "poilce": "police",
    "plice": "police",
    "bak": "back",
    "kikin": "kicking",
    "kickin": "kicking",
    "kiking": "kicking",
    "dor": "door",
    "pleese": "please",
    "pleeze": "please",
    "babby": "baby",
    "swolod": "swallowed",
    "swollowed": "swallowed",
    "swalowed": "swallowed",
    "swollod": "swallowed",
    "tabets": "tablets",
    "hom": "home",
    "hiting": "hitting",
    "hittng": "hitting",
    "kil": "kill",
    "hert": "hurt",
    "scard": "scared",
    "pilz": "pills",
    "pils": "pills",
    "tabs": "tablets",
    "tablits": "tablets",
    # Phonetic and dyslexic spellings from batch m.
    "hlp": "help",
    "halp": "help",
    "beting": "beating",
    "beatin": "beating",
    "breevin": "breathing",
    "breeving": "breathing",
    "breving": "breathing",
    "breefin": "breathing",
    "breefing": "breathing",
    "brefing": "breathing",
    "brething": "breathing",
    "breething": "breathing",
    "breathin": "breathing",
    "flor": "floor",
    "doter": "daughter",
    "dotter": "daughter",
    "dauter": "daughter",
    "doughter": "daughter",
    "shakin": "shaking",
    "fittin": "fitting",
    "ave": "have",
    # "Help" in the languages families in UK children's services often speak (batch n:
    # "pomocy pomocy", "i caawi please", "bachao please come").
    "pomocy": "help",
    "pomoc": "help",
    "pomozte": "help",
    "ajutor": "help",
    "ajutati": "help",
    "caawi": "help",
    "caawimaad": "help",
    "bachao": "help",
    "bachaao": "help",
    "bachaiye": "help",
    "madad": "help",
    "socorro": "help",
    "ajuda": "help",
    "ayuda": "help",
    "hilfe": "help",
    "aiuto": "help",
    "imdat": "help",
    "padekit": "help",
    "pomozhite": "help",
    "pomogite": "help",
    "avin": "having",
    # Batch o: Arabic typed in Latin letters, Portuguese, Bengali, French, Albanian,
    # Farsi, Lithuanian.
    "saa3idni": "help",
    "sa3idni": "help",
    "sa3dni": "help",
    "sa3edni": "help",
    "saedni": "help",
    "sa3idouni": "help",
    "najda": "help",
    "sahajjo": "help",
    "shahajjo": "help",
    "secours": "help",
    "aidez": "help",
    "ndihme": "help",
    "komak": "help",
    "gelbekit": "help",
    "padekite": "help",
    "prosze": "please",
    "bitte": "please",
    "lutfen": "please",
    "tayken": "taken",
    "taykun": "taken",
    "wayk": "wake",
    "wayke": "wake",
}

# "used 2 batter her": a lone 2 means "to" only after these words; otherwise it
# is usually an age ("my sister is 2").
_TWO_AS_TO = frozenset("used going want have got need had trying try ought able".split())

# "comin 2nite 2 take the kids": a lone 2 before one of these verbs is "to".
_VERB_AFTER_TO = frozenset(
    """
    take get kill hurt go come see be do have make leave find snatch grab stab hit beat
    burn hurt end jump
    """.split()
)

# "hell hit me" is "he'll hit me" when a verb follows.
_WILL_VERBS = frozenset(
    """
    hit kill hurt stab come be do take get go find never not beat batter shoot burn end
    murder smash break snatch have just definitely probably try lose kick punch strangle
    """.split()
)

# Dropped-g spellings ("hittin", "goin") are restored only for words the rules
# use, so that "in", "begin" or a name ending -in is never touched.
_ING_WORDS = frozenset(
    """
    hitting beating punching kicking slapping smacking strangling choking throttling
    hurting attacking battering stabbing shooting pinning dragging burning biting
    whacking thumping belting suffocating smothering drowning shaking shoving pushing
    grabbing chasing threatening assaulting raping abusing touching following stalking
    bashing booting knocking pulling throwing screaming shouting smashing trashing
    wrecking going coming trying breaking banging hammering climbing waving pointing
    holding swinging cutting bleeding breathing hiding drinking driving raging laying
    taking leaving running kicking getting doing saying telling
    """.split()
)

# Words the rules care about, to rescue from stretched spellings ("heeelp").
_STRETCH_RESCUE = frozenset(
    """
    help please now no so scared hurt fire knife gun police home he she me us stop
    god omg quick hurry hes shes
    """.split()
)

# A capitalised word in the middle of a sentence is most often a name ("he is
# beating Shannon"). Names are replaced by the placeholder NAME_WORD so the rules
# can treat them as a person without a list of names. These capitalised words
# are not names, or are words the rules and suppressors need to keep.
NAME_WORD = "xname"
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z0-9,] )([A-Z][a-z]{1,20})\b")
_NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas xmas easter boxing
    day eve new year mum mummy mam mom dad daddy nan nana gran granny grandma grandad
    grandpa aunty auntie uncle i a an the he she it we they you me him her us them my his
    our their your and or but if when police school court god social worker help please
    no not stop now fire
    """.split()
)
_AGE_SHORT = re.compile(r"\b([0-9]{1,2}) ?(?:yo|y o|yr old|yrs old|years old|year old)\b")

_CONTRACTION_SUFFIXES = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    # "he said he'd beat me" reports a threat: "will", not the hypothetical "would".
    (re.compile(r"\b(said|says|told me|saying) (he|she|they|i|we)'d\b"), r"\1 \2 will"),
    (re.compile(r"'d\b"), " would"),
)
_APOSTROPHE_S = re.compile(r"\b([a-z]+)'s\b")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n\r\u2026]+")
_WORD = re.compile(r"[a-z0-9]+")
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
_DOUBLE = re.compile(r"([a-z])\1")
_SKIP_ADVERBS = frozenset("just already never not also still now really".split())
_PRONOUNS = frozenset(
    """
    he she it there who that what where someone somebody everyone nobody everything
    something
    """.split()
)


def cap_text(text: str) -> str:
    """The part of `text` that is scanned: all of it, or its head and its tail."""
    if len(text) <= MAX_SCAN_CHARS:
        return text
    # The newline makes the cut a sentence break, so no rule matches across it.
    return text[:_HEAD_CHARS] + "\n" + text[-_TAIL_CHARS:]


def _mark_name(match: re.Match[str]) -> str:
    word = match.group(1)
    return word if word.lower() in _NOT_NAMES else NAME_WORD


def _fold(text: str) -> str:
    """Lower case ASCII-ish text: accents dropped, odd apostrophes made plain."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_has(next_word: str) -> bool:
    if next_word in _HAS_NEXT:
        return True
    return next_word.endswith("ed") and next_word not in _ADJECTIVE_ED


def _resolve_s(word: str, following: list[str]) -> str:
    """Expand "<word>'s" given the words after it: "he has", "dad is" or "dad"."""
    nxt = ""
    for candidate in following[:3]:
        if candidate not in _SKIP_ADVERBS:
            nxt = candidate
            break
        if candidate == "just":
            nxt = candidate
            break
    if nxt and _is_has(nxt):
        return f"{word} has"
    if word in _PRONOUNS or nxt.endswith("ing") or nxt in ("on", "in", "at", "not", "here"):
        return f"{word} is"
    return word  # possessive: "mum's boyfriend" -> "mum boyfriend"


def _expand_apostrophe_s(sentence: str) -> str:
    def repl(match: re.Match[str]) -> str:
        after = _WORD.findall(sentence[match.end() : match.end() + 60].replace("'", ""))
        return _resolve_s(match.group(1), _fixed_words(after[:3]))

    return _APOSTROPHE_S.sub(repl, sentence)


def _fix_token(word: str) -> str:
    if _LONG_RUN.search(word):
        word = _LONG_RUN.sub(r"\1\1", word)
        if word not in _TOKEN_MAP and word not in _ING_WORDS:
            single = _DOUBLE.sub(r"\1", word)
            if single in _STRETCH_RESCUE or single in _TOKEN_MAP:
                word = single
    elif _DOUBLE.search(word) and word not in _ING_WORDS:
        single = _DOUBLE.sub(r"\1", word)
        if single in _STRETCH_RESCUE and word not in ("too", "see", "off", "all", "will"):
            word = single
    if word.endswith("in") and word + "g" in _ING_WORDS:
        return word + "g"
    return _TOKEN_MAP.get(word, word)


def _fixed_words(words: list[str]) -> list[str]:
    return [part for word in words for part in _fix_token(word).split()]


def _normalise_words(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, raw in enumerate(words):
        word = _fix_token(raw)
        following = _fixed_words(words[i + 1 : i + 4])
        if word in _BARE_CONTRACTIONS:
            out.extend(_resolve_s(_BARE_CONTRACTIONS[word], following).split())
        elif word in _FAMILY_S and following and following[0].endswith("ing"):
            out.extend((_FAMILY_S[word], "is"))
        elif word in ("hell", "shell") and following and following[0] in _WILL_VERBS:
            out.extend(("he" if word == "hell" else "she", "will"))
        elif word == "scare" and out and out[-1] in ("am", "is", "are", "so", "very"):
            out.append("scared")
        elif word == "2" and (
            (out and out[-1] in _TWO_AS_TO) or (following and following[0] in _VERB_AFTER_TO)
        ):
            out.append("to")
        else:
            out.extend(word.split())
    return out


def _chunks(words: list[str]) -> list[str]:
    if len(words) <= _CHUNK_WORDS:
        return [" ".join(words)] if words else []
    step = _CHUNK_WORDS - _CHUNK_OVERLAP
    pieces = []
    for start in range(0, len(words), step):
        pieces.append(" ".join(words[start : start + _CHUNK_WORDS]))
        if start + _CHUNK_WORDS >= len(words):
            break
    return pieces


_SPACED_LETTERS = re.compile(r"\b(?:[A-Za-z] ){2,}[A-Za-z]\b")


def normalise(text: str) -> list[str]:
    """Plain lower-case sentences ("he is hitting her right now"), capped in size.

    Each sentence is a string of single-space separated words with no
    punctuation, so the rules can anchor on word boundaries and spaces.
    """
    capped = _MID_SENTENCE_CAPITAL.sub(_mark_name, cap_text(text))
    # Capped again after folding: NFKC can turn one character into eighteen.
    folded = cap_text(_fold(capped))
    folded = _AGE_SHORT.sub(r"\1 year old", folded.replace("&", " and "))
    # "h e l p" typed with shaking hands (batch o): letters spaced out are one word.
    folded = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), folded)
    sentences: list[str] = []
    for part in _SENTENCE_BREAK.split(folded):
        for pattern, replacement in _CONTRACTION_SUFFIXES:
            part = pattern.sub(replacement, part)
        part = _expand_apostrophe_s(part)
        words = _normalise_words(_WORD.findall(part.replace("'", "")))
        sentences.extend(_chunks(words))
    return sentences
