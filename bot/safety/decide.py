"""The urgent-danger decision with the question in view: 999, ask first, or carry on.

Three layers, each doing what it is good at:

1. The danger rules (rules.py, through `detect._scan`): phrasings known to
   mean danger now. They are the floor no retrain can lose: a message they
   fire on is never let through silently, it at least gets the check
   question ("Is someone in danger right now?"). One exception, at the plan's
   own questions only: a rule that is not STRONG, on a message the meaning
   model is near-certain is calm ("Nan comes to take the children" as who
   will do what) carries on.
2. The meaning model (meaning.py): a classifier over pretrained sentence
   vectors that recognises emergencies in words nobody wrote down, and
   recognises calm plan content that happens to use danger words.
3. The question being answered. The same words mean different things at
   different questions: at "what would be a warning sign?" or "who will do
   what?", "she hides under the bed" and "Nan comes to take the children" are
   the answer the plan asks for. There the bar for the alarm is higher, and
   present, happening-now evidence still raises it.

And one cue the other layers can miss: a bare cry for help ("help", "HELP",
"what do i do", "sos") is answered with the check question, never silence.

Thresholds are data in `thresholds.yml`, measured on blind batches
(docs/safety-evaluation.md). The result carries reason ids and the
probability only, never the user's words, so it is safe to log.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import yaml

from bot.safety.detect import _scan
from bot.safety.normalise import normalise
from bot.safety.other_languages import (
    mostly_another_language,
    mostly_another_script,
    names_help_or_danger,
    read_in_english,
)

THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yml")
log = logging.getLogger(__name__)


class Outcome(str, Enum):
    NONE = "none"
    CHECK = "check"
    URGENT = "urgent"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    # Rule ids, "meaning", "distress", "plan_answer": why, never the words.
    reasons: tuple[str, ...]
    probability: float

    @property
    def urgent(self) -> bool:
        return self.outcome is Outcome.URGENT


@dataclass(frozen=True)
class Thresholds:
    # The meaning model alone: at or above -> 999; at or above -> check.
    urgent: float
    check: float
    # A rule fired: the meaning model at or above this confirms -> 999.
    rule_confirm: float
    # A STRONG rule fired: at or above this -> 999 (below: the check).
    strong_confirm: float
    # Another rule fired but the meaning model is this sure it is calm (p below):
    # carry on. Only at plan questions, where danger words are the answer asked for.
    rule_floor: float


@dataclass(frozen=True)
class ContextThresholds:
    default: Thresholds
    plan: Thresholds
    opening: Thresholds
    # At a plan question, the meaning model alone on a message framed as past,
    # habitual or possible, with nothing in it pointing at now.
    framed: Thresholds
    # The same, on an answer with no such framing but nothing pointing at now either.
    unanchored: Thresholds
    # Names, roles, yes/no, dates: the meaning model hears danger in "im the mum".
    short_answer: Thresholds
    # "Is someone in danger right now?" / "Are you safe to carry on?" asked after
    # 999 was shown: "ok police came and took him. im ok now" is the answer.
    after_alarm: Thresholds
    plan_questions: frozenset[str]
    after_alarm_questions: frozenset[str]
    short_answer_questions: frozenset[str]
    opening_questions: frozenset[str]
    answers_kept_first: frozenset[str]

    def for_question(self, question: str | None) -> Thresholds:
        if question in self.opening_questions:
            return self.opening
        if question in self.plan_questions:
            return self.plan
        if question in self.short_answer_questions:
            return self.short_answer
        if question in self.after_alarm_questions:
            return self.after_alarm
        return self.default


@lru_cache(maxsize=1)
def thresholds() -> ContextThresholds:
    data = yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))

    def read(name: str) -> Thresholds:
        values = data["thresholds"][name]
        return Thresholds(
            urgent=float(values["urgent"]),
            check=float(values["check"]),
            rule_confirm=float(values["rule_confirm"]),
            strong_confirm=float(values["strong_confirm"]),
            rule_floor=float(values.get("rule_floor", 0.0)),
        )

    return ContextThresholds(
        default=read("default"),
        plan=read("plan"),
        opening=read("opening"),
        framed=read("framed"),
        unanchored=read("unanchored"),
        short_answer=read("short_answer"),
        after_alarm=read("after_alarm"),
        after_alarm_questions=frozenset(data["after_alarm_questions"]),
        plan_questions=frozenset(data["plan_questions"]),
        short_answer_questions=frozenset(data["short_answer_questions"]),
        opening_questions=frozenset(data["opening_questions"]),
        answers_kept_first=frozenset(data["answers_kept_first"]),
    )


# Signs of present distress in a short message that the rules may not settle
# ("what do i do", "can someone call the police", "i'm so scared"): the check.
_DISTRESS = re.compile(
    r"^(?:(?:please|pls|plz|someone|somebody|i need|need|can you|can someone|can anyone|"
    r"anyone|get|oh god|god|omg|quick|quickly)\s+)*"
    r"(?:help|urgent|please|pls|plz)(?:\s+(?:me|us|please|pls|now|quick|quickly|"
    r"someone|him|her|them|the kids|my kids|my baby|asap))*$"
    r"|\bwhat (?:do|should|can) i do\b"
    # "i'd ring the police" / "nan will call 999" is the plan, not a plea.
    r"|(?<!\bwould )(?<!\bwill )(?<!\bto )(?<!\bid )(?<!\bill )(?<!\bcan )(?<!\bshould )"
    r"\b(?:call|ring|phone|get|send) (?:the )?(?:police|ambulance|999|someone|somebody|"
    r"help)\b"
    r"|\b(?:i am|im) (?:so )?(?:scared|terrified|frightened)\b"
)
# A short message that is itself an alarm: 999 at once.
_ALARM = re.compile(
    # "no im not safe" answering "are you safe to carry on?" is the alarm itself.
    r"^(?:(?:no|nope|yes|yeah|please|pls|plz|help|urgent)\s+)*"
    r"(?:sos|mayday|emergency|(?:i am |we are |im )?"
    r"not safe(?: here| now)?|call (?:the )?(?:police|ambulance|999)(?: now| please| pls)*|"
    r"(?:can|could|will) (?:you|someone|somebody|anyone) (?:call|ring|phone|get) (?:someone|"
    r"somebody|the police|police|an ambulance|999|help)(?: now| please| pls)*)"
    r"(?:\s+(?:please|pls|plz|help|now|urgent))*$"
)
# Present-tense signs the rules' immediacy markers leave out ("is in the house",
# "I am outside", "not breathing"): with any of them the message is not framed
# as past or possible, whatever else it says.
_POINTS_AT_NOW = re.compile(
    r"\b(?:is|are|am|im) (?:here|outside|in the (?:house|flat|room|garden|car|bathroom)"
    r"|at the (?:door|window|house)|on (?:the|his|her) way|not (?:breathing|moving|answering"
    r"|waking|responding))\b|\bago\b"
    # "just", but not in a habit told in the present simple ("theres no warning, he just
    # goes off" as a warning sign, batch r).
    r"|\bjust\b(?! (?:goes|gets|starts|does|kicks|flips|snaps|loses|explodes|blows|turns"
    r"|comes|walks|leaves|storms|stops|sits|shuts|switches|changes|drinks|shouts)\b)"
    # A bare "now", unless it says where someone lives now ("father now living at his
    # brother's", "now he not live with us"): that is the answer to a past worry.
    # Nor a "now" that starts a routine ("he sees them at mine now on saturdys").
    r"|\bnow\b(?! (?:on (?:\w*days?|\w*dys|weekends|the weekends?)|every|each|most)\b)"
    r"(?! (?:(?:he|she|they|we|i) (?:is |are |does |do |am )?(?:not |no longer )?)?"
    r"(?:living|lives|live|staying|stays|placed|settled|in (?:foster|care|prison)))"
)
# Longer messages are answers: a distress phrase there is part of the plan
# ("if he kicks off I ring 999"), and the meaning model judges them.
_SHORT_WORDS = 8
# A reply to the opening question that starts as a plain no.
_NO_ANSWER = re.compile(
    # "no food in", "no one picked her up": what is missing, not a no (batch m).
    r"^(?:(?:no|nope|nah|nie|n/?a)\b(?! (?:food|heating|heat|electric|electricity|gas|money"
    r"|adults?|grown ups?|parents?|sign|answer|reply|water|milk|nappies|formula|one|body)\b)"
    r"|not (?:now|right now|at the moment|at present|today|in danger"
    r"|really)|(?:it is|its|everything is|all is) (?:calm|quiet|fine|ok|okay|alright)|"
    r"(?:nobody|no one|noone)\b(?! (?:picked|came|come|collected|answered|answering|answers"
    r"|has|have|home|is home|is here|here|to look|looking|about|around|with|is with|fed)\b)|"
    r"none|we are (?:ok|okay|fine|safe|all safe)|i am (?:ok|okay|fine|safe))\b"
)


# A question about the process itself ("is this gonna get my kids taken off me", "will
# social services take my baby"): a worry about the plan, not an emergency. A persona
# (a mum on a phone) got the 999 reply for it at every question: the meaning model
# hears "kids taken". Only when no danger rule fires.
_ASKS_ABOUT_THE_PROCESS = re.compile(
    r"^(?:(?:so|but|and|ok|okay|sorry|honestly|be honest|seriously|please)\s+)*"
    r"(?:is|will|would|could|can|does|do|are|am i|are you)\s+(?:this|it|that|filling this in"
    r"|doing this|the plan|this plan|social services|the social|social workers?"
    r"|my social worker|you|children s services|the council)\b"
    r".{0,60}\b(?:taken off|take (?:my|the) (?:kids|children|baby|son|daughter)|taken away"
    r"|lose (?:my|the) (?:kids|children|baby)|put (?:them|the kids|my kids) in care|into care"
    r"|removed)\b"
)


# An order for food, typed into a safety plan: the way someone who is
# watched asks for help without saying so ("can i order a large margherita to 14
# Fern Close please, as quick as you can", batch q). Asked about, never let by.
_DISGUISED_ORDER = re.compile(
    r"\b(?:can i|could i|can we|could we|i would like to|i want to|we would like to) order "
    r"(?:a |an |some |two |2 |one )?(?:large |small |medium |big )?"
    r"(?:pizza|pizzas|margherita|pepperoni|takeaway|curry|chinese|indian|kebab|burger|burgers)\b"
    r"|\b(?:pizza|margherita|pepperoni|takeaway)\b.{0,40}\b(?:to|at) [0-9]+ \w+"
)


# A "no" taken back in the same message.
_CHANGED_MIND = re.compile(r"\b(?:actually|wait|hang on|hold on|oh no|oh god|omg)\b")


# "help" on its own: it may be about the question. "pls help", "help me",
# "someone help" are pleas, and are judged as such.
_BARE_HELP = re.compile(r"help")


def is_bare_help(text: str) -> bool:
    """'help', 'HELP!', 'Help?': just the word help, which may be about the question."""
    joined = " ".join(normalise(text)).strip()
    return bool(joined) and _BARE_HELP.fullmatch(joined) is not None


# "Jan 5", "Ms Khan 5", "me 4 -": a name (or "me") then a score, at the start of a clause.
_SCORE_ENTRY = re.compile(
    r"(?:^|[.;,\n]\s*|\s-\s)(?:me|i|[A-Za-z][\w']*(?:\s[A-Z][\w']*)?)\s*[:=-]?\s*"
    r"(?:10|[0-9](?:\.5)?)\b(?!\s*(?:am|pm|wks?|weeks?|days?|months?|years?|times?|%|/))",
    re.IGNORECASE,
)


def _is_score_list(text: str) -> bool:
    """Two or more people's scores in one message."""
    return len(_SCORE_ENTRY.findall(text)) >= 2


def _meaning(text: str, rules_fired: bool) -> float:
    """The meaning model's probability; if it cannot run, the rules decide as they always did."""
    from bot.safety.meaning import urgent_probability

    try:
        return urgent_probability(text)
    except Exception as error:  # noqa: BLE001 - the urgent path must answer whatever happens
        log.error("the urgent meaning model failed (%s); the rules decide", type(error).__name__)
        return 1.0 if rules_fired else 0.0


def says_nobody_is_in_danger(text: str) -> bool:
    """'nobody is in danger now, it was years ago', 'no we're ok': a no to the opening question."""
    return _NO_ANSWER.match(" ".join(normalise(text))) is not None


def _short(text: str) -> str | None:
    """The normalised message when it is short enough to be a cry rather than an answer."""
    joined = " ".join(normalise(text)).strip()
    return joined if joined and len(joined.split()) <= _SHORT_WORDS else None


def decide(text: str, question: str | None = None, probability: float | None = None) -> Decision:
    """Whether `text`, typed at `question` (a slot name, or None), needs 999, the check, or neither.

    `probability` is the meaning model's output when the caller already has it.
    """
    if not isinstance(text, str) or not text.strip():
        return Decision(Outcome.NONE, (), 0.0)
    english, plea = read_in_english(text)
    if plea:
        # "help" and a danger word in another language ("pomocy on ma nóż").
        return Decision(Outcome.URGENT, ("other_language_plea",), 1.0)
    if not normalise(english):
        # Nothing left the checks can read: the meaning model is not asked (given
        # nothing, it says whatever its training made of nothing; after batch p's
        # messages in other scripts it called "🇬🇧 👍🏽" urgent). Words in a script
        # the checks cannot read are asked about; emoji and symbols alone are not.
        if mostly_another_script(text):
            return Decision(Outcome.CHECK, ("other_language",), 0.0)
        return Decision(Outcome.NONE, (), 0.0)
    decision = _decide(english, question, probability)
    if decision.outcome is Outcome.NONE and (
        mostly_another_script(text)
        or (names_help_or_danger(text) and mostly_another_language(text))
    ):
        # Written in a script the checks cannot read (once its emergency words are in
        # English), or in another language with a word for help or danger in it
        # ("Lūdzu, palīdziet", batch r): never silence, ask.
        return Decision(Outcome.CHECK, ("other_language",), decision.probability)
    if (
        decision.outcome is Outcome.URGENT
        and decision.reasons == ("meaning",)
        and mostly_another_language(text)
    ):
        # The meaning model reads English: on a message mostly in another language it
        # saw a few glossary words and a phone number ("...07700 900876" answering who
        # will do what, batch r, scored 0.96; a Swahili account of past violence, 0.96).
        # Ask, do not sound 999 on that alone.
        return Decision(Outcome.CHECK, ("other_language", "meaning"), decision.probability)
    return decision


def _decide(text: str, question: str | None, probability: float | None) -> Decision:
    short = _short(text)
    if short is not None and _ALARM.fullmatch(short):
        return Decision(Outcome.URGENT, ("alarm",), 1.0)
    scan = _scan(text)
    # The message as the patterns below read it: normalised once, not once a pattern.
    joined = " ".join(normalise(text))
    if probability is None:
        probability = _meaning(text, rules_fired=bool(scan.firing))
    p = probability
    if is_bare_help(text):
        # "help" alone may be about the question: always asked which it is, never
        # the 999 reply unasked (the meaning model, trained on batch o's "help" as
        # urgent, is sure of it; the design is the check).
        return Decision(Outcome.CHECK, ("help_plea",), p)
    limits = thresholds().for_question(question)
    # "Nobody is in danger, it was years ago" to "is anyone in danger right now?" is a no.
    # Unless the rest of it plainly reads as an emergency ("no food in and the gas has run out").
    opening_no = (
        question in thresholds().opening_questions
        and says_nobody_is_in_danger(text)
        and p < limits.urgent
        # "nobody is in danger... actually he's just come in the front door": changed mind.
        and not (scan.any_strong_or_immediate and _CHANGED_MIND.search(joined))
    )
    if scan.firing:
        if opening_no and not scan.any_strong:
            return Decision(Outcome.NONE, ("no_answer",), p)
        if not scan.any_strong and p < limits.rule_floor:
            return Decision(Outcome.NONE, ("plan_answer",), p)
        if (
            scan.with_now
            or (scan.any_strong and p >= limits.strong_confirm)
            or p >= limits.rule_confirm
        ):
            # Present, happening-now evidence raises the alarm at any question.
            return Decision(Outcome.URGENT, scan.firing, p)
        # The rules' floor: never silence, at least ask.
        return Decision(Outcome.CHECK, scan.firing + ("meaning_doubts",), p)
    if _DISGUISED_ORDER.search(joined):
        return Decision(Outcome.CHECK, ("disguised_order",), p)
    if _ASKS_ABOUT_THE_PROCESS.search(joined):
        return Decision(Outcome.NONE, ("process_question",), p)
    if question in thresholds().plan_questions and not (
        scan.any_strong_or_immediate or _POINTS_AT_NOW.search(joined)
    ):
        # At the questions that ask for past harm, habits and what could happen,
        # with nothing in the answer pointing at now, the meaning model alone
        # (it hears danger words: "he is trying" as a score's reason scored 0.95)
        # needs more before it may interrupt; more still when the answer is framed
        # as past, habitual or possible ("that was last year", "at all hours").
        limits = thresholds().framed if scan.any_suppressor else thresholds().unanchored
    if p >= limits.urgent and not opening_no:
        if question in thresholds().plan_questions and _is_score_list(text):
            # "Kerry 6 dean hasnt been drunk around the kids for 3 wks. Jan 5 ...": several
            # people's scores with their reasons, and no rule saying it is happening now.
            # The meaning model hears the worries in the reasons; ask, never sound 999.
            return Decision(Outcome.CHECK, ("meaning", "score_list"), p)
        return Decision(Outcome.URGENT, ("meaning",), p)
    if p >= limits.check and not opening_no:
        return Decision(Outcome.CHECK, ("meaning",), p)
    if short is not None and _DISTRESS.search(short):
        return Decision(Outcome.CHECK, ("distress",), p)
    return Decision(Outcome.NONE, scan.suppressed_by, p)
