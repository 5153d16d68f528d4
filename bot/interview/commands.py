"""Whether a message is a command (stop, go back, skip...) or the answer to the question.

During the interview nearly every message is an answer, and an answer taken
for a command is lost ("Dean to go to the alcohol place" taken as *stop*;
"Stopping altogether", to "what would one point higher look like?", ending
the session). So a message counts as a command only when it IS the command:

1. The whole message is a command phrase from commands.yml, perhaps inside a
   polite frame ("can we stop for now please", "sorry I have to go, the baby's
   crying") -> the command. A `maybe` phrase on its own ("enough", "done")
   -> ask, whatever the intent model heard.
2. A short message (up to ``FUZZY_WORDS`` words) one typo away from a command
   phrase ("stpo", "go bak"), when the intent model hears the same command ->
   the command if the model is sure, otherwise ask.
3. A message the intent model did not take for a command is asked about only
   when it is plainly a request to the helper about the chat or the plan
   (step 6's REQUEST); otherwise it is not this module's business (None).
4. The command word used as an ordinary word (the answer patterns of
   bot/nlu/guard.py: "he needs to stop", "went back to drinking", "skip
   school"), a person named before it, or a time or meeting after it ("review
   the plan at the core group every month") -> the answer.
5. No command word at all (the model guessed from the rest, or the word is
   bent: "stopping altogether") -> the answer, unless the message is one or
   two plain words and the model is sure: then ask.
6. A command phrase right after a request to the helper ("can I", "I need
   to", "how do I") or at the start, followed only by words about the chat or
   the plan ("the last question", "as a word document"), politeness or a new
   clause ("I need to go, my little one is up") -> the command ("we need to
   stop" -> ask). A request about something else ("I have to go to court on
   Monday") -> ask, if short.
7. A command word somewhere in a short message (``ASK_WORDS`` words or fewer,
   or a little longer when it speaks to the helper: "can you ask me the
   previous question again") -> ask; otherwise -> the answer.

"Ask" means: keep what was typed and ask "Do you want to stop for now?" (yes /
no); "no" saves the words as the answer. The vocabulary, the polite frames and
the questions asked are data (commands.yml) for the practice lead to review.
The text is never logged or stored here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bot.nlu.guard import answer_pattern, command_pattern, normalise

VOCABULARY = Path(__file__).with_name("commands.yml")

COMMAND = "command"
ANSWER = "answer"
ASK = "ask"

# Step 2: typos are looked for in messages this short, this close (0-100).
FUZZY_WORDS = 3
FUZZY_SCORE = 75
# Step 2 and 5: how sure the intent model must be.
SURE = 0.8
AGREES = 0.5
# Step 6: a request longer than this is asked about rather than obeyed.
REQUEST_WORDS = 16
# Step 6: a request about something other than the chat, this short, is asked about.
LOOSE_WORDS = 10
# Step 7: a command word in a message this short may be the command.
ASK_WORDS = 4
# Step 8: how sure the intent model must be, and how short the message, for a
# message the words left as an answer to be asked about instead.
MODEL_CERTAIN = 0.98
CERTAIN_WORDS = 16
_MAX_WORDS = 40

# People (and pronouns) an answer is about: a command word after one of these
# is something that person does ("Dean to go", "mum wants to stop").
_PEOPLE = re.compile(
    r"\b(he|hes|she|shes|they|theyre|him|her|them|his|their|dad|daddy|father|mum|mummy|mom|"
    r"mam|mother|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|"
    r"sister|brother|cousin|partner|boyfriend|girlfriend|husband|wife|ex|stepdad|stepmum|son|"
    r"daughter|kids|kid|children|child|baby|boys|girls|twins|school|teacher|nursery|police|"
    r"everyone|nobody|someone|people|family|neighbour|friend|worker)\b"
)
# A person right before the command word (up to three words, none of them the
# person typing): "he needs to stop", "mum wants to go back".
_PEOPLE_BEFORE = re.compile(
    _PEOPLE.pattern + r"(?:\s+(?!(?:i|im|we|you|me|us|can|could|please)\b)\w+){0,3}\s*$"
)
# A time, a place or company after the command word makes it something to do in
# the plan ("review the plan at the core group every month"), not a request.
_SOMETHING_TO_DO = re.compile(
    r"\b(meeting|meetings|group|conference|weekly|monthly|fortnightly|daily|every|each|"
    r"weeks?|months?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"together|with (the )?(family|worker|social worker|network|school|kids|children)|"
    r"by (the )?(end|next)|until|till|before|after)\b"
)
# Words that speak to the helper about the chat ("can you", "my last answer").
_ADDRESSED = re.compile(
    r"\b(can|could|would|will) (you|i|we)\b|\bplease\b|\blet me\b|"
    r"\bi (want|need|would like|wanna)\b|\bid like\b|\bmy (last |previous )?answers?\b|"
    r"\b(the|that) (last|previous) (one|question|answer|bit)\b|\bthis (one|question)\b|"
    r"\bthe (question|plan|document|file)\b"
)
# Where a new clause starts: what follows is not part of the command's object.
_CLAUSE = re.compile(r"\s*(?:[,.;:!?\n]+|\s-\s)\s*")
_JOINERS = ("and", "but", "because", "cos", "coz", "cause", "as", "so")
# A command word bent to describe something ("stopping altogether", "skipped
# meals", "he helped"): a command is said in its plain form.
_INFLECTED = re.compile(
    r"\b(stopp(ing|ed)|stops|skipp(ing|ed)|skips|help(s|ed|ing)|review(s|ed|ing)|"
    r"restart(s|ed|ing)|download(s|ed|ing)|export(s|ed|ing)|paus(ing|ed|es)|quitting|quits|"
    r"leaving|going|went|gone|finish(ed|ing|es)|print(s|ed|ing)|send(s|ing)|sent)\b"
)


@dataclass(frozen=True)
class Decision:
    kind: str  # COMMAND, ANSWER or ASK
    command: str | None = None
    step: int = 0  # which rule above decided, for tests and the evaluation

    @property
    def is_command(self) -> bool:
        return self.kind == COMMAND


@dataclass(frozen=True)
class _Vocabulary:
    commands: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]
    confirm: dict[str, dict[str, str]]
    buttons: dict[str, tuple[str, str]]
    whole: dict[str, re.Pattern[str]]
    maybe: dict[str, re.Pattern[str]]
    inside: dict[str, re.Pattern[str]]
    before: re.Pattern[str]
    after: re.Pattern[str]
    index: dict[str, str]  # phrase -> command, for typos
    openers: tuple[str, ...]  # the `before` words, longest first
    objects: frozenset[str]
    speak: dict[str, str]


def _alternation(items: list[str]) -> str:
    # Longest first, so "stop for now" wins over "stop".
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


def _all_words_are_text(data: dict[str, Any]) -> None:
    # YAML reads a bare yes, no or on as true or false: such a word must be quoted.
    lists = [data["before"], data["after"], data["objects"]]
    lists += [spec["phrases"] for spec in data["commands"].values()]
    lists += [spec.get("maybe") or [] for spec in data["commands"].values()]
    lists += [data["carry_on"]["phrases"], data["carry_on"]["after"], data["leaving_tail"]]
    lists += [data["hold_on"]]
    for words in lists:
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"{VOCABULARY.name}: quote {word!r}")


@lru_cache(maxsize=1)
def _source() -> dict[str, Any]:
    """commands.yml, read and checked once for every table built from it."""
    data: dict[str, Any] = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    _all_words_are_text(data)
    return data


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    data = _source()
    before = _alternation([normalise(w) for w in data["before"]])
    after = _alternation([normalise(w) for w in data["after"]])
    phrases: dict[str, tuple[str, ...]] = {}
    confirm: dict[str, dict[str, str]] = {}
    buttons: dict[str, tuple[str, str]] = {}
    whole: dict[str, re.Pattern[str]] = {}
    maybe: dict[str, re.Pattern[str]] = {}
    inside: dict[str, re.Pattern[str]] = {}
    index: dict[str, str] = {}
    for name, spec in data["commands"].items():
        said = tuple(normalise(p) for p in spec["phrases"])
        phrases[name] = said
        confirm[name] = {k: str(v) for k, v in spec["confirm"].items()}
        buttons[name] = (str(spec["yes_button"]), str(spec["no_button"]))
        alternation = _alternation(list(said))
        whole[name] = re.compile(
            rf"^(?:(?:{before}) )*(?:{alternation})(?: (?:{after}))*$"
        )
        inside[name] = re.compile(rf"\b(?:{alternation})\b")
        unsure = [normalise(p) for p in spec.get("maybe") or []]
        if unsure:
            maybe[name] = re.compile(
                rf"^(?:(?:{before}) )*(?:{_alternation(unsure)})(?: (?:{after}))*$"
            )
        for phrase in said:
            index.setdefault(phrase, name)
    return _Vocabulary(
        commands=tuple(phrases),
        phrases=phrases,
        confirm=confirm,
        buttons=buttons,
        whole=whole,
        maybe=maybe,
        inside=inside,
        before=re.compile(rf"^(?:(?:{before}) ?)*$"),
        after=re.compile(rf"^(?:(?:{after}) ?)*$"),
        index=index,
        openers=tuple(sorted({normalise(w) for w in data["before"]}, key=len, reverse=True)),
        objects=frozenset(normalise(w) for w in data["objects"]),
        speak={str(k): str(v or "") for k, v in (data.get("speak") or {}).items()},
    )


@lru_cache(maxsize=1)
def _carry_on() -> re.Pattern[str]:
    data = _source()
    before = _alternation([normalise(w) for w in data["before"]])
    said = _alternation([normalise(p) for p in data["carry_on"]["phrases"]])
    after = _alternation([normalise(w) for w in data["carry_on"]["after"]])
    return re.compile(
        rf"^(?:(?:{before}) )*(?:{said})(?: (?:(?:{before}) )*(?:{said})| (?:{after}))*$"
    )


@lru_cache(maxsize=1)
def _hold_on() -> re.Pattern[str]:
    data = _source()
    said = _alternation([normalise(p) for p in data["hold_on"]])
    polite = r"(?: (?:please|pls|sorry|x|xx|ok))*$"
    return re.compile(
        rf"^(?:(?:sorry|soz|ok|oh|just) )*(?:{said}){polite}"
        rf"|^(?:sorry|soz|oops|oh no|ah|shit|argh)\b.*\b(?:{said}){polite}"
    )


HOLD_ON_WORDS = 10


def is_hold_on(text: str) -> bool:
    """A short message asking the chat to wait ("sorry kai fell over one sec")."""
    if not isinstance(text, str) or text.startswith("/"):
        return False
    said = " ".join(_clauses(plain(text)))
    return 0 < len(said.split()) <= HOLD_ON_WORDS and _hold_on().match(said) is not None


def is_carry_on(text: str) -> bool:
    """The whole message asks to go on with the chat ("im back, can i carry on?")."""
    if not isinstance(text, str) or text.startswith("/"):
        return False
    said = " ".join(_clauses(plain(text)))
    return bool(said) and _carry_on().match(said) is not None


@lru_cache(maxsize=1)
def _leaving_tail() -> re.Pattern[str]:
    data = _source()
    said = _alternation([normalise(p) for p in data["leaving_tail"]])
    polite = _alternation(["now", "sorry", "x", "xx", "bye", "soz", "thanks", "ta", "ok"])
    return re.compile(rf"^(?:{said})(?: (?:{polite}))*$")


# What may be left of the words before a leaving tail that is not an answer.
_NOTHING_SAID = re.compile(r"^(?:(?:sorry|soz|ok|okay|oh|um|erm|shit|crap|oops|right|so)\W*)*$")


# Where "i have to go" may start a new sentence rather than end the answer.
_MAY_END_BEFORE_I = re.compile(
    r"(?:[,.;:!?\u2026-]|\b(?:sorry|soz|anyway|ok|okay|right))\s*$", re.I
)
_TRAILING_FILLER = re.compile(r"(?:[\s,.]+(?:sorry|soz|anyway|ok|okay))+[\s,.!]*$", re.I)
_CONDITION = re.compile(r"\b(?:if|when|whenever|once|until|unless|then|so)\b")


def answer_before_leaving(text: str) -> str | None:
    """The words typed before the message says they must go, or None.

    "becky... sorry evie fell over gotta go" -> "becky... sorry evie fell over".
    None when the message does not end with one of the `leaving_tail` phrases,
    or nothing but "sorry" comes before it (then it is just a stop).
    """
    if not isinstance(text, str) or text.startswith("/"):
        return None
    words = text.split()
    for size in range(min(len(words), 8), 0, -1):
        tail = normalise(plain(" ".join(words[-size:])))
        if tail and _leaving_tail().match(tail):
            raw = " ".join(words[:-size])
            head = _TRAILING_FILLER.sub("", raw).strip(" ,.;:-!\u2026")
            if not head or _NOTHING_SAID.match(normalise(head) + " "):
                return None
            if tail.startswith("i ") and not _MAY_END_BEFORE_I.search(raw):
                return None  # "if he turns up i have to go": the answer, not a goodbye
            if tail.startswith("i ") and _CONDITION.search(normalise(head)):
                return None
            return head
    return None


def commands() -> tuple[str, ...]:
    return vocabulary().commands


def confirm_question(command: str, audience: str = "family") -> str:
    asked = vocabulary().confirm[command]
    return asked.get(audience) or asked["family"]


def confirm_buttons(command: str) -> tuple[str, str]:
    """The titles of the yes and no buttons of the question."""
    return vocabulary().buttons[command]


def plain(text: str) -> str:
    """Text-speak turned into words ("gtg" -> "got to go"), punctuation kept."""
    speak = vocabulary().speak

    def word(match: re.Match[str]) -> str:
        return speak.get(match.group(0).lower(), match.group(0))

    return re.sub(r"[A-Za-z0-9]+", word, text)


def _clauses(text: str) -> list[str]:
    return [c for c in (normalise(part) for part in _CLAUSE.split(text)) if c]


def whole_command(text: str, prefer: str | None = None) -> str | None:
    """The command the whole message is (step 1), or None.

    Clauses that are only politeness ("sorry", "thanks") or a reason ("the
    baby is crying") may sit around the one that is the command.
    """
    vocab = vocabulary()
    clauses = _clauses(text)
    if not clauses or len(" ".join(clauses).split()) > _MAX_WORDS:
        return None
    joined = " ".join(clauses)
    order = ([prefer] if prefer in vocab.whole else []) + list(vocab.commands)
    for name in order:
        if vocab.whole[name].match(joined):
            return name
    # One clause is the command and every other is politeness or a reason given.
    for name in order:
        hits = [c for c in clauses if vocab.whole[name].match(c)]
        if len(hits) == 1 and all(
            c is hits[0] or vocab.before.match(c) or vocab.after.match(c) for c in clauses
        ):
            return name
    return None


def typo_of(text: str) -> str | None:
    """The command a short message is one typo away from (step 2), or None."""
    said = normalise(text)
    if not said or len(said.split()) > FUZZY_WORDS or len(said) < 4:
        return None
    vocab = vocabulary()
    candidates = [p for p in vocab.index if len(p) >= 4]
    found = process.extractOne(said, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
    return vocab.index[found[0]] if found else None


REQUEST = "request"  # a request, about the chat or the plan: the command
LOOSE = "loose"  # a request shape, about something else: could be either
SHARED = "shared"  # a request with "we" in it ("we need to stop"): could be either
# Commands named by a thing ("the meeting pack", "the review"): "<the thing> to
# <verb>" is that thing in the plan, not a request for it.
_NOUN_COMMANDS = frozenset({"meeting_pack", "review", "export"})
# Questions a meeting answers (which meeting the scores are from; a step such as a
# core group): naming one there is the answer, not a request for the pack or review.
# The questions of a meeting's own record talk about meetings too ("6 because of
# what she saw at the meeting", "Nan to come to every core group").
_MEETING_QUESTIONS = frozenset(
    {
        "scale_meeting",
        "step_what",
        "meeting_attendee",
        "meeting_score",
        "meeting_reason",
        "meeting_step",
        "meeting_new_step",
        "meeting_step_who",
    }
)
_MEETING_WORDS = re.compile(
    r"\b(?:core group|conference|meeting|cin|taf|tac|strategy|network|group)\b"
)
# Questions answered with a score: an answer that starts with one is that answer.
_SCORE_QUESTIONS = frozenset({"scale_score", "meeting_score", "scale_other_score"})
_STARTS_WITH_SCORE = re.compile(
    r"^\s*(?:\d{1,2}(?:[.,]5)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
TO_DO = "to do"  # the command word with a time or a meeting: something to do in the plan


def _strip_openers(head: str) -> tuple[str, str]:
    """(what comes before, the request words at the end of `head`)."""
    vocab = vocabulary()
    words = head.split()
    taken: list[str] = []
    changed = True
    while words and changed:
        changed = False
        # "we" counts as a request only here (never in a whole command): "we carry on
        # later?" is asked about, as a SHARED request.
        for opener in vocab.openers + ("we",):
            size = len(opener.split())
            if words[-size:] == opener.split():
                taken = words[-size:] + taken
                words = words[:-size]
                changed = True
                break
    return " ".join(words), " ".join(taken)


def _frame(text: str, command: str) -> tuple[str | None, re.Match[str] | None, str]:
    """How the command word sits in the message: REQUEST, SHARED, LOOSE or None (the
    best over its clauses), the match and the clause's words before it."""
    vocab = vocabulary()
    best: tuple[str | None, re.Match[str] | None, str] = (None, None, "")
    rank = {None: 0, TO_DO: 0, LOOSE: 1, SHARED: 2, REQUEST: 3}
    for clause_text in _CLAUSE.split(text):
        clause = normalise(clause_text)
        if not clause:
            # Nothing but punctuation ("!!" after an answer): no command in it.
            continue
        match = _vocabulary_match(clause, command)
        if match is None:
            continue
        head, tail = clause[: match.start()].strip(), clause[match.end() :].strip()
        rest, opener = _strip_openers(head)
        kind: str | None
        if rest and not opener:
            # Words before the command that are not a request: "dean to go", "mum stop".
            kind = None
        else:
            tail_words = tail.split()
            joined = next(
                (i for i, w in enumerate(tail_words) if w in _JOINERS), len(tail_words)
            )
            about_the_chat = not tail or bool(vocab.after.match(tail)) or all(
                w in vocab.objects or w.isdigit() for w in tail_words[:joined]
            )
            if not about_the_chat and (
                _SOMETHING_TO_DO.search(tail)
                # "Core group to check progress": the meeting named as one to hold.
                or (command in _NOUN_COMMANDS and not head and re.match(r"to \w+", tail))
            ):
                # "Review the plan at the core group every month": a thing to do.
                kind = TO_DO
            elif not about_the_chat:
                kind = LOOSE
            elif re.search(r"\bwe (need|have|must|should|got|will|want)\b|^we$", opener):
                kind = SHARED
            else:
                kind = REQUEST
        if best[1] is None or rank[kind] > rank[best[0]]:
            best = (kind, match, head)
    return best


def _among_other_things(text: str, command: str) -> bool:
    """The command's words sit in one clause among others that say something else
    (not politeness, not a reason for stopping): the message is a list, an answer."""
    vocab = vocabulary()
    clauses = _clauses(text)
    if len(clauses) < 2:
        return False
    others = [c for c in clauses if _vocabulary_match(c, command) is None]
    return any(not (vocab.before.match(c) or vocab.after.match(c)) for c in others)


def _vocabulary_match(clause: str, command: str) -> re.Match[str] | None:
    """The first command word or phrase in a clause: commands.yml, or the guard's words."""
    found = vocabulary().inside[command].search(clause)
    if found is not None:
        return found
    pattern = command_pattern(command)
    return pattern.search(clause) if pattern is not None else None


def _is_list(question: str | None) -> bool:
    from bot.interview.catalogue import catalogue

    found = catalogue().get(question or "")
    return found is not None and found.kind == "list"


def _asked_for_anyway(text: str, size: int) -> Decision | None:
    """Step 3: the model heard no command, but the words are a plain request to the
    helper about the chat or the plan ("please delete everything and begin a new
    plan"): asked about, never obeyed."""
    if size > REQUEST_WORDS:
        return None
    clauses = normalise(text, clauses=True)
    for command in commands():
        answer = answer_pattern(command)
        if answer is not None and answer.search(clauses):
            continue
        frame, found, head = _frame(text, command)
        if frame == REQUEST and found is not None and not _PEOPLE_BEFORE.search(head + " "):
            return Decision(ASK, command, 3)
    return None


def decide(
    text: str, intent: str | None, confidence: float, question: str | None = None
) -> Decision | None:
    """Command, answer or ask, for a message typed while `question` is asked.

    None when the message is nothing to do with the commands (the intent model
    heard no command and the words are not one): other rules decide.
    """
    decision = _decide(text, intent, confidence, question)
    if (
        decision is not None
        and decision.kind == ANSWER
        and decision.step in (5, 6, 7)
        and decision.command == intent
        and confidence >= MODEL_CERTAIN
        and len(normalise(text).split()) <= CERTAIN_WORDS
    ):
        # The words did not settle it, but the intent model is all but certain of the
        # command ("brb kids", "how do i get the pdf", "go bak to the last qestion"):
        # ask, keeping what was typed ("no" saves it as the answer). Taking it as
        # the answer saved requests as plan content (a blind batch: 30 of 91).
        decision = Decision(ASK, intent, 8)
    if (
        decision is not None
        and decision.step != 1
        and question in _SCORE_QUESTIONS
        and _STARTS_WITH_SCORE.match(text)
    ):
        # "5 need to see it last" at a score question is the score and its reason,
        # not a request to see the plan; only the whole request is the command there.
        return Decision(ANSWER, decision.command, 4)
    if (
        decision is not None
        and decision.command in ("meeting_pack", "review")
        and decision.step != 1
        and question in _MEETING_QUESTIONS
        and _MEETING_WORDS.search(normalise(text))
    ):
        # "core group 12/01/2027" to "which meeting were the scores from?", or "Core
        # group review" as a step, is the answer; only the whole request ("the
        # meeting pack please", "review") is the command there.
        return Decision(ANSWER, decision.command, 4)
    return decision


def _decide(
    text: str, intent: str | None, confidence: float, question: str | None
) -> Decision | None:
    if not isinstance(text, str) or not text.strip() or text.startswith("/"):
        return None
    text = plain(text)
    said = normalise(text)
    size = len(said.split())
    if size > _MAX_WORDS * 2:
        # A pasted paragraph is an answer, whatever it contains.
        return Decision(ANSWER, intent, 3) if intent in commands() else None
    whole = whole_command(text, prefer=intent)
    if whole is not None:  # 1
        return Decision(COMMAND, whole, 1)
    unsure = next((n for n, p in vocabulary().maybe.items() if p.match(said)), None)
    if unsure is not None and not _is_list(question):  # 1: may be either, said on its own
        # (To "anyone else?", "that's it" or "done" means nobody else.)
        return Decision(ASK, unsure, 1)
    typo = typo_of(text)
    if typo is not None and typo == intent:  # 2
        return Decision(COMMAND if confidence >= AGREES else ASK, typo, 2)
    if intent in ("affirm", "deny"):  # 3: a yes or a no ("go for it", "correct")
        return None
    if intent not in commands():  # 3
        return _asked_for_anyway(text, size)
    command = intent
    assert command is not None
    answer = answer_pattern(command)
    if answer is not None and answer.search(normalise(text, clauses=True)):  # 4
        return Decision(ANSWER, command, 4)
    frame, found, head = _frame(text, command)
    if found is None:  # 5
        if _INFLECTED.search(said):
            return Decision(ANSWER, command, 5)
        if size <= 2 and confidence >= SURE and _asked_for_anyway(text, size) is not None:
            return Decision(ASK, command, 5)
        # The model named the wrong command: a plain request for another is asked about.
        return _asked_for_anyway(text, size) or Decision(ANSWER, command, 5)
    if _PEOPLE_BEFORE.search(head + " ") or frame == TO_DO:  # 4: someone else does it
        return Decision(ANSWER, command, 4)
    if frame in (REQUEST, SHARED) and _among_other_things(text, command):  # 6
        # "F to engage DA perp prog, M to reduce alcohol, CIN plan": a list that names
        # the meeting, not a request for its pack.
        return Decision(ANSWER, command, 6)
    if frame == REQUEST and size <= REQUEST_WORDS:  # 6
        return Decision(COMMAND if confidence >= AGREES else ASK, command, 6)
    if frame in (REQUEST, SHARED) and size <= REQUEST_WORDS:  # 6
        return Decision(ASK, command, 6)
    if frame == LOOSE:  # 6
        # A command word with other words after it ("clear floor", "stop drinking")
        # is an answer, unless the message speaks to the helper.
        addressed = size <= LOOSE_WORDS and _ADDRESSED.search(said)
        return Decision(ASK if addressed else ANSWER, command, 6)
    if size <= ASK_WORDS or (_ADDRESSED.search(said) and size <= LOOSE_WORDS + 2):  # 7
        return Decision(ASK, command, 7)
    return Decision(ANSWER, command, 7)
