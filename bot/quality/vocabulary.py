"""Every word list and threshold the quality checks use, kept in one place.

The checks in ``checks.py`` and ``readability.py`` hold the logic; what counts
as a label, an observable behaviour, a worry word or a duration lives here so
that a practice lead can read and change it without reading code. Patterns are
regular expressions matched case-insensitively on text whose quotes and dashes
have been normalised (see ``text.normalise``), unless a name says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- thresholds ---------------------------------------------------------------


@dataclass(frozen=True)
class ReadingLimits:
    min_reading_ease: float
    max_sentence_words: int


# Flesch reading ease 60 is where "plain English" starts (60-70 reads easily for
# most 13-15 year olds); parents tell us long words in plans scare them, and
# many read under stress or in a second language, so family wording must reach
# it. Worker wording may be a little denser (50, the bottom of "fairly
# difficult"), because it is also read by colleagues, but it still ends up in
# front of the family, so it is not let off entirely. Sentence limits follow
# plain-English guidance: about 15-20 words on average, 25 at most.
READING_LIMITS: dict[str, ReadingLimits] = {
    "family": ReadingLimits(min_reading_ease=60.0, max_sentence_words=20),
    "worker": ReadingLimits(min_reading_ease=50.0, max_sentence_words=25),
}
# Below this many words the Flesch formula swings wildly on a single long word,
# so short texts are judged on sentence length and jargon only.
MIN_WORDS_FOR_READING_EASE = 8

# "About eight actions at most" (Essex early help guidance) and "three or fewer"
# danger statements (practice guide).
MAX_OPEN_STEPS = 8
MAX_PAIRS = 3

# A family hint must never contain these (substring match, any case).
FORBIDDEN_IN_FAMILY_HINTS = ("wrong", "error", "score", "fail", "poor")

# -- professional labels --------------------------------------------------------
#
# Each label: the pattern that finds it, the kinds of behaviour that would sit
# behind it (themes, below), how to describe that behaviour instead, and a
# gentle question for a family member that does not repeat the label.


@dataclass(frozen=True)
class Label:
    name: str
    pattern: str
    themes: tuple[str, ...]
    describe: str
    hint: str


_ANY = ("any",)

LABELS: tuple[Label, ...] = (
    Label(
        "neglect",
        r"neglect(?:s|ed|ful|ing)?",
        ("care", "supervision", "home"),
        "Describe what the children go without and how often, e.g. 'Leo has gone to school "
        "hungry most days this term and the house has had no heating since October'.",
        "Could you say what the children have been going without, like meals, clean clothes, "
        "a warm home or someone keeping an eye on them?",
    ),
    Label(
        "domestic violence",
        r"domestic\s+(?:violence|abuse)",
        ("violence",),
        "Say what the adult does and what the children see or hear, e.g. 'when Dad drinks he "
        "shouts at Mum and has pushed her into the wall while Leo was in the room'.",
        "Could you say what happens between the grown-ups when things go badly, and where "
        "the children are when it happens?",
    ),
    Label(
        "domestic incidents",
        r"domestic\s+incidents?",
        ("violence",),
        "Say what happened each time: who did what, and where the children were.",
        "Could you say what happened between the grown-ups, and where the children were?",
    ),
    Label(
        "coercive control",
        r"coercive(?:\s+and)?\s+control\w*|controlling\s+behaviours?",
        ("violence", "emotional"),
        "Say what the person does, e.g. 'Dean checks Kelly's phone every night, keeps her bank "
        "card and stops her seeing her sister'.",
        "Could you say what he does that makes it hard for her to live her own life?",
    ),
    Label(
        "substance misuse",
        r"(?:substance|drug|alcohol)\s+(?:mis|ab)?use|(?:drinking|drink|drug|alcohol)\s+problems?",
        ("drink_drugs",),
        "Name what is used, how much and what the parent then does, e.g. 'when Mum drinks more "
        "than a bottle of wine she falls asleep and Mia is left on her own'.",
        "Could you say what is drunk or taken, how much, and what happens with the children "
        "then?",
    ),
    Label(
        "alcoholic",
        r"alcoholic|addict(?:ed|ion)?",
        ("drink_drugs",),
        "Describe the drinking or drug use itself (what, how much, how often) and what the "
        "children experience, rather than naming the person.",
        "Could you say what the drinking looks like day to day, and what it means for the "
        "children?",
    ),
    Label(
        "emotional abuse",
        r"emotional(?:ly)?\s+(?:abuse[ds]?|abusive|harm(?:ed|ful)?|neglect(?:ed|ful)?)",
        ("emotional",),
        "Say what the adult says or does to the child, e.g. 'Mum calls Amber stupid and locks "
        "her in her room for hours when she is angry'.",
        "Could you say what gets said or done to the child that upsets them?",
    ),
    Label(
        "physical or sexual abuse",
        r"(?:physical|sexual)(?:ly)?\s+(?:abuse[ds]?|abusive|harm(?:ed|ful)?)",
        ("violence", "sexual"),
        "Describe what the adult did, in plain words agreed with the family, and when.",
        "Could you say, in your own words, what happened?",
    ),
    Label(
        "non-engagement",
        r"non[\s-]?engag\w*|disengag\w*|(?:lack\s+of|poor|limited)\s+engagement|engag(?:e|es|ed|ing|ement)\b",
        ("engagement",),
        "Say what the person will do or has not done, e.g. 'Mum has missed four of the last six "
        "health visitor appointments' or 'Dad will go to the Tuesday group'.",
        "Could you say which visits or appointments have been hard to get to, or what you "
        "will go along to?",
    ),
    Label(
        "disguised compliance",
        r"disguised\s+compliance",
        _ANY,
        "Say what was agreed and what then happened, e.g. 'Dad agreed to stay at his brother's "
        "but the neighbours have seen him at the house most nights'.",
        "Could you say what was agreed, and what has happened since?",
    ),
    Label(
        "inappropriate",
        r"(?:in)?appropriate(?:ly)?",
        _ANY,
        "Say exactly what was done and why it worries people, e.g. 'Dad shows Josh videos of "
        "people being hurt'; or what the right action is, e.g. 'ring Nan on 07700 900123'.",
        "Could you say exactly what happens, or what you would like to see instead?",
    ),
    Label(
        "concerns around",
        r"concern(?:s|ed)?\s+(?:around|regarding)",
        _ANY,
        "Say who is worried and what they have seen, e.g. 'Ms Khan is worried because Leo has "
        "come to school hungry most days'.",
        "Could you say who is worried, and what they have seen?",
    ),
    Label(
        "toxic trio",
        r"toxic\s+trio",
        _ANY,
        "Take each worry in turn and say what happens: what the drinking, the fighting or the "
        "low mood looks like, and what the children experience.",
        "Could you take each worry one at a time, and say what happens at home?",
    ),
    Label(
        "chaotic",
        r"chaotic",
        _ANY,
        "Say what the day looks like, e.g. 'there are no set mealtimes, the children go to bed "
        "after midnight and are often late for school'.",
        "Could you say what a hard day at home looks like?",
    ),
    Label(
        "home conditions",
        r"(?:poor\s+)?home\s+conditions",
        ("home", "care"),
        "Say what is in the home, e.g. 'there is dog mess on the kitchen floor and the children "
        "share one mattress with no bedding'.",
        "Could you say what the house is like at the moment, room by room?",
    ),
    Label(
        "lacks capacity",
        r"(?:lack(?:s|ing)?\s+(?:the\s+)?|lack\s+of\s+)capacity(?:\s+to\s+[\w-]+)?|(?:parenting|parental)\s+capacity"
        r"|capacity\s+to\s+(?:change|parent|prioriti[sz]e|protect|meet|care)",
        _ANY,
        "Say what the parent has or has not been able to do, e.g. 'Mum has not been able to get "
        "the children to school on her own since January'.",
        "Could you say what has been hard to manage, and what has gone better?",
    ),
    Label(
        "mental health",
        r"(?:poor\s+)?mental\s+health(?:\s+(?:issues|problems|difficulties|concerns|needs))?"
        r"(?!\s+(?:services?|team|nurse|worker|practitioner|support|appointments?|clinic))",
        ("mental",),
        "Say what the parent does when they are unwell and what that means for the children, "
        "e.g. 'when Mum feels low she stays in bed all day and the children get themselves to "
        "school'.",
        "Could you say what happens on the days when things feel too much?",
    ),
    Label(
        "relapse",
        r"relaps(?:e|es|ed|ing)",
        ("drink_drugs", "mental"),
        "Say what people would actually see, e.g. 'Dad is drinking in the day again' or 'Mum "
        "stops answering her phone'.",
        "Could you say what people would notice if things started to slip?",
    ),
    Label(
        "significant harm",
        r"significant\s+harm",
        _ANY,
        "Say what could happen to the child if nothing changes, e.g. 'Leo could be badly hurt "
        "if he is in the way'.",
        "Could you say what you fear could happen to the children if nothing changes?",
    ),
    Label(
        "safeguarding",
        r"safeguarding",
        _ANY,
        "Say who is worried and what about, in everyday words.",
        "Could you say who is worried and what about, in everyday words?",
    ),
    Label(
        "exploitation",
        r"exploit(?:ation|ed|ing)|county\s+lines",
        ("exploitation",),
        "Say what has been seen, e.g. 'Jay goes missing overnight and comes home with new "
        "trainers and cash he cannot explain'.",
        "Could you say what you have noticed, like being out late or having new things?",
    ),
    Label(
        "volatile",
        r"volatile|toxic\s+relationship|parental\s+conflict",
        ("violence", "emotional"),
        "Say what happens when the adults argue and where the children are.",
        "Could you say what happens when the grown-ups argue, and where the children are?",
    ),
    Label(
        "supervision",
        r"(?:poor|lack\s+of|inadequate|inconsistent|limited)\s+supervision",
        ("supervision",),
        "Say when the children have been left and for how long, e.g. 'Mia (3) has been left "
        "on her own in the flat while Mum goes to the shop'.",
        "Could you say when the children have been on their own, and for how long?",
    ),
    Label(
        "basic care",
        r"basic\s+(?:care|needs)",
        ("care",),
        "Name the care: meals, clean clothes, baths, nappies, bedtimes, doctor and dentist.",
        "Could you say what the day-to-day care looks like, like meals, baths and bedtimes?",
    ),
    Label(
        "boundaries",
        r"(?:poor|lack\s+of|no|clear|consistent)\s+boundaries",
        _ANY,
        "Say what the rule is or what happens, e.g. 'Jay is out until 2am most nights and "
        "nobody knows where he is'.",
        "Could you say what the rules at home are, and what happens when they are broken?",
    ),
    Label(
        "attachment issues",
        r"attachment\s+(?:issues|difficulties|problems|concerns)",
        ("care", "emotional"),
        "Say what happens between parent and child, e.g. 'Rosie is rarely picked up when she "
        "cries'.",
        "Could you say what happens when the little one cries or needs a cuddle?",
    ),
    Label(
        "risky behaviour",
        r"risk(?:y|[\s-]taking)\s+behaviours?",
        _ANY,
        "Say what the young person does, where and with whom.",
        "Could you say what the young person has been doing that worries you?",
    ),
    Label(
        "vulnerable",
        r"vulnerab(?:le|ility|ilities)",
        _ANY,
        "Say what makes the person less safe, e.g. 'Chloe is 17, has no family nearby and her "
        "ex-partner knows where she lives'.",
        "Could you say what makes things harder or less safe for them?",
    ),
    Label(
        "failure to protect",
        r"fail(?:ure|ing|ed|s)?\s+to\s+protect",
        _ANY,
        "Say what happened and what the parent did or did not do at the time.",
        "Could you say what happened, and what you were able to do at the time?",
    ),
    Label(
        "hygiene",
        r"(?:poor|lack\s+of)\s+(?:personal\s+)?hygiene|hygiene\s+(?:issues|concerns|needs)|unkempt",
        ("care",),
        "Say what people see, e.g. 'Ruby has come to school in the same clothes all week and "
        "her hair has nits'.",
        "Could you say what baths, washing and clean clothes look like at the moment?",
    ),
    Label(
        "wellbeing",
        r"(?:emotional|physical)\s+(?:and\s+(?:emotional|physical)\s+)?well[\s-]?being",
        _ANY,
        "Say how the child is affected in plain words, e.g. 'Leo wets the bed and is scared to "
        "go home'.",
        "Could you say how the children seem, and what you notice about them?",
    ),
)

# Acronyms that stand for a label: they are both unexplained shorthand and a
# label, so they get both findings. Matched case-sensitively.
LABEL_ACRONYMS: dict[str, str] = {
    "DV": "domestic violence",
    "DA": "domestic violence",
    "CSE": "exploitation",
    "CCE": "exploitation",
}

LABEL_ACRONYMS_KEYS = frozenset(a.casefold() for a in LABEL_ACRONYMS)

# -- acronyms --------------------------------------------------------------------

# Known shorthand in UK children's services, with the words that explain it.
ACRONYMS: dict[str, str] = {
    "CP": "child protection",
    "CPP": "child protection plan",
    "CIN": "child in need",
    "TAF": "team around the family",
    "TAC": "team around the child",
    "LAC": "looked after child",
    "CLA": "child looked after",
    "EHCP": "education, health and care plan",
    "ICPC": "initial child protection conference",
    "RCPC": "review child protection conference",
    "PLO": "public law outline",
    "MASH": "multi-agency safeguarding hub",
    "DA": "domestic abuse",
    "DV": "domestic violence",
    "SW": "social worker",
    "HV": "health visitor",
    "CAMHS": "child and adolescent mental health services",
    "IRO": "independent reviewing officer",
    "LADO": "local authority designated officer",
    "EHA": "early help assessment",
    "FSW": "family support worker",
    "SGO": "special guardianship order",
    "CSE": "child sexual exploitation",
    "CCE": "child criminal exploitation",
    "MARAC": "multi-agency risk assessment conference",
    "IDVA": "independent domestic violence adviser",
    "NFA": "no further action",
    "ASB": "anti-social behaviour",
    "SEN": "special educational needs",
    "SEND": "special educational needs and disabilities",
    "SENCO": "special educational needs co-ordinator",
    "SENDCO": "special educational needs co-ordinator",
    "DSL": "designated safeguarding lead",
    "PEP": "personal education plan",
    "YOT": "youth offending team",
    "YJS": "youth justice service",
    "EDT": "emergency duty team",
    "CAF": "common assessment framework",
    "FGC": "family group conference",
    "ISW": "independent social worker",
    "ASD": "autism spectrum disorder",
    "PCSO": "police community support officer",
    "MAPPA": "multi-agency public protection arrangements",
    "DBS": "disclosure and barring service",
    "UC": "universal credit",
    "S47": "section 47",
    "S17": "section 17",
    "S20": "section 20",
}

# Emphasis in capitals ("Mum will NOT") is not an acronym.
EMPHASIS_WORDS = frozenset(
    """not never always no yes me he she we you him her they them us it is was all any now and
    or but the a to do did does must will can so very really please help stop why what who how
    when ok hi mum dad nan love safe home my our your his their off out up on in at be am are
    were has had have if of for by with go get got one two ten too lot bad sad mad hit hurt kid
    kids omg lol drunk high scared sorry thank thanks ever again""".split()
)

# Shorthand most families use themselves; never flagged.
EVERYDAY_ACRONYMS = frozenset(
    {
        "GP", "NHS", "A&E", "OK", "UK", "TV", "ID", "PE", "MP", "IT", "AM", "PM", "BBC",
        "DVD", "CCTV", "PIN", "SIM", "USB", "ASAP", "ADHD", "PTSD", "GCSE", "GCSES", "NSPCC",
        "COVID", "MOT", "NB", "PS", "AA", "DJ", "RSPCA", "SATS", "SAT", "ICU", "ITV", "BT", "TBC",
        "WIFI", "OCD", "LGBT", "LGBTQ", "PC", "XL", "UN", "EU", "USA",
    }
)

# Little words left out when the initials of an expansion are read
# ("Child in Need (CIN)" spells CIN with or without them).
ACRONYM_SMALL_WORDS = frozenset({"of", "and", "the", "in", "for", "to", "&", "a", "on"})

# -- observable behaviour ------------------------------------------------------------
#
# Verbs are given as "base" or "base/irregular/forms"; regular endings are
# added automatically (unused forms are harmless). Nouns and adjectives are
# matched as written plus a plural "s". Each theme lists what would sit
# behind a label of that kind; "general" is everyday action.

BEHAVIOUR_VERBS: dict[str, tuple[str, ...]] = {
    "violence": (
        "hit", "push", "shove", "slap", "punch", "kick", "grab", "strangle", "choke",
        "throttle", "throw/threw/thrown", "smash", "break/broke/broken", "shout", "scream",
        "yell", "swear/swore/sworn", "threaten", "bite/bit/bitten", "pin", "drag",
        "spit/spat", "lock", "smack", "stamp", "headbutt", "attack", "fight/fought", "argue",
        "pull", "trap", "strike/struck", "beat/beaten", "slam", "wait", "send/sent",
    ),
    "drink_drugs": (
        "drink/drank/drunk", "smoke", "inject", "snort", "sniff", "deal", "sell/sold",
        "buy/bought",
    ),
    "care": (
        "feed/fed", "cook", "wash", "bath", "bathe", "dress", "clean", "brush",
        "shower", "bring/brought",
    ),
    "supervision": (
        "leave/left", "wander", "watch", "lock",
    ),
    "emotional": (
        "shout", "scream", "swear/swore/sworn", "threaten", "ignore", "blame", "criticise",
        "belittle", "tell/told", "mock", "lock", "call", "humiliate",
    ),
    "engagement": (
        "miss", "cancel", "answer", "attend", "ring/rang/rung", "phone", "visit", "arrive",
    ),
    "mental": (
        "cry/cried", "sleep/slept", "eat/ate/eaten", "say/said", "hear/heard", "overdose",
        "cut", "shut", "stay",
    ),
    "exploitation": (
        "carry/carried", "text", "message", "meet/met",
    ),
    "sexual": (
        "touch", "film", "photograph", "undress",
    ),
    "general": (
        "collect", "walk", "put", "wake/woke/woken", "talk", "listen", "read", "play", "sit/sat",
        "check", "tidy", "pay/paid", "give/gave/given", "laugh", "hug", "cuddle", "agree",
        "take/took/taken", "fall/fell/fallen", "keep/kept", "make/made", "contact", "open",
        "help", "use", "cook", "fit", "stand/stood", "run/ran", "drive/drove/driven",
        "hide/hid/hidden",
    ),
}

BEHAVIOUR_WORDS: dict[str, tuple[str, ...]] = {
    "violence": ("wall", "door", "knife", "knives", "belt", "bruise", "mark", "throat", "plate"),
    "drink_drugs": (
        "drunk", "cans", "bottle", "vodka", "beer", "lager", "cider", "wine", "spirits",
        "pint", "pub", "hungover", "hangover", "sober", "cannabis", "weed", "skunk", "heroin",
        "cocaine", "crack", "spice", "ketamine", "pills", "tablets", "needle", "high", "stoned",
        "alcohol", "drugs",
    ),
    "care": (
        "food", "hungry", "breakfast", "dinner", "tea", "lunch", "meal", "nappy", "nappies",
        "clothes", "dressed", "bath", "dirty", "smell", "smelly", "lice", "nits", "teeth",
        "doctor", "dentist", "heating", "mould", "damp", "bed", "mattress", "weight", "milk",
        "formula", "cot", "fridge", "cupboard", "clean", "fed",
    ),
    "supervision": (
        "alone", "asleep", "road", "out", "late", "overnight", "missing", "gas", "fire",
        "cooker", "window", "balcony", "stairs", "sofa", "door", "own",
    ),
    "emotional": ("names", "stupid", "useless", "room"),
    "engagement": ("appointment", "door", "phone", "calls", "visit"),
    "mental": ("bed", "curtains", "voices", "asleep", "tablets", "pills", "room"),
    "exploitation": (
        "missing", "overnight", "cars", "car", "older", "money", "cash", "trainers", "phone",
        "drugs", "train", "texts", "messages", "parcels",
    ),
    "home": (
        "rubbish", "mess", "dog", "mould", "damp", "heating", "bins", "floor", "smell", "food",
        "bed", "broken", "wires", "clutter", "mattress", "bedding",
    ),
    "sexual": ("naked", "private", "pictures", "photos"),
    "general": ("football", "gate", "key", "tidy", "calls"),
}

# Multi-word actions, matched as patterns.
BEHAVIOUR_PHRASES: dict[str, tuple[str, ...]] = {
    "supervision": (
        r"go(?:es|ing)?\s+(?:out|missing|round)",
        r"went\s+(?:out|missing|round)",
        r"gone\s+(?:out|missing)",
        r"stay(?:s|ed|ing)?\s+out",
        r"on\s+(?:his|her|their|my|your)\s+own",
        r"come(?:s)?\s+home|came\s+home|coming\s+home",
    ),
    "mental": (r"stay(?:s|ed|ing)?\s+in\s+bed", r"gets?\s+up|got\s+up|getting\s+up"),
    "care": (
        r"get(?:s|ting)?\s+(?:\w+\s+){0,3}(?:up|dressed|ready|to\s+school)",
        r"got\s+(?:\w+\s+){0,3}(?:up|dressed|ready|to\s+school)",
        r"put(?:s|ting)?\s+\w+\s+to\s+(?:bed|sleep)",
        r"to\s+school\s+(?:on\s+time|late|hungry)",
    ),
    "general": (
        r"pick(?:s|ed|ing)?\s+(?:\w+\s+)?up",
        r"drop(?:s|ped|ping)?\s+(?:\w+\s+)?off",
        r"turn(?:s|ed|ing)?\s+up",
        r"sort(?:s|ed|ing)?\s+(?:\w+\s+){0,2}out",
        r"let(?:s|ting)?\s+(?:\w+\s+){0,2}in\b",
        r"pop(?:s|ped|ping)?\s+(?:in|round)",
        r"come(?:s)?\s+round|came\s+round",
        r"go(?:es)?\s+to|went\s+to",
        r"going\s+to\s+(?:school|bed|nursery|college|work|football|meetings?|the|his|her|their)\b",
    ),
}

# Vague wording that looks like action but describes none; blanked out before
# behaviour is looked for, so "keeps Leo safe" does not count as behaviour.
VAGUE_BEHAVIOUR = (
    r"keep(?:s|ing)?\s+(?:\w+\s+){0,3}safe",
    r"kept\s+(?:\w+\s+){0,3}safe",
    r"meet(?:s|ing)?\s+(?:\w+(?:'s)?\s+){0,3}needs",
    r"needs\s+(?:will\s+be|are|being|were|to\s+be)\s+met",
    r"look(?:s|ed|ing)?\s+after",
    r"car(?:e|es|ed|ing)\s+for",
    r"cop(?:e|es|ed|ing)",
    r"struggl\w*",
    r"make(?:s)?\s+(?:\w+\s+){0,2}changes",
    r"make\s+sure",
    r"use\s+(?:this|the)\s+plan",
)

# -- danger statements ---------------------------------------------------------------

# Words that say someone is worried; the words before them name who.
WORRY_WORDS = frozenset(
    {
        "worried", "worry", "worries", "concerned", "concern", "concerns", "fear", "fears",
        "feared", "think", "thinks", "believe", "believes",
    }
)
# Worry as a noun says who only when someone owns it: "my worry", "Nan's
# concern", "school have raised concerns"; not "DA concerns" or "the worry".
WORRY_NOUNS = frozenset({"concern", "concerns", "worry", "worries", "fear", "fears"})
WORRY_OWNERS = frozenset(
    {
        "my", "our", "has", "have", "had", "raised", "raise", "raises", "share", "shares",
        "shared", "expressed", "express", "voiced", "voice", "i", "we", "they", "also", "still",
    }
)
# These say worry only when followed by "that" or "about" ("I'm scared that...");
# otherwise they usually describe the child ("Leo could be scared").
WORRY_WORDS_NEEDING_THAT = frozenset({"scared", "frightened", "afraid", "anxious"})

# Words that start a new clause: who is worried sits after the last of them.
CLAUSE_WORDS = frozenset(
    {"that", "because", "when", "if", "but", "so", "as", "while", "although", "whether"}
)

# Words skipped when reading who is worried.
WHO_FILLERS = frozenset(
    {
        "is", "are", "am", "was", "were", "be", "been", "being", "'m", "'re", "feel", "feels",
        "felt", "get", "gets", "got", "getting", "become", "becomes", "became", "also", "all",
        "both", "really", "very", "still", "remain", "remains", "remained", "so", "too",
        "quite", "deeply", "extremely", "increasingly", "most", "more", "particularly",
        "seriously", "has", "have", "had", "and", "or", "now", "again", "continue",
        "continues", "to", "of", "at", "in", "from", "with", "on", "by", "as", "well",
        "equally", "understandably", "rightly", "greatly",
    }
)
# A who made only of these names nobody in particular.
VAGUE_WHO = frozenset(
    {
        "there", "there's", "it", "it's", "this", "that", "these", "those", "everyone",
        "everybody", "someone", "somebody", "people", "professionals", "professional",
        "agencies", "agency", "services", "they", "they're", "concerns", "concern", "worry",
        "worries", "main", "key", "significant", "serious", "ongoing", "some", "many",
        "other", "others", "the", "a", "an", "various", "multiple", "several", "lot",
        "here", "what", "which", "who", "one", "current", "further", "number", "additional",
    }
)
FIRST_PERSON = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "we'll", "my", "our",
     "me", "us"}
)
# First person that names who will see a goal happening ("we will know"); "us"
# and "me" are usually the children on the receiving end ("Mum will stop
# shouting at us").
FIRST_PERSON_SUBJECTS = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "we'll"}
)

# Words that mark what could happen in future.
MODALS = frozenset({"could", "might", "may", "will", "would", "'ll", "can", "shall"})
FUTURE_PHRASES = (
    r"going\s+to",
    r"likely\s+to",
    r"at\s+risk\s+of",
    r"risk\s+of",
    r"if\s+(?:nothing|this|things)\s+(?:changes?|continues?|carries\s+on|goes\s+on|happens?\s+again|keeps?\s+happening)",
    r"if\s+(?:this|it)\s+(?:does\s+not|doesn't)\s+change",
)
# Ongoing impact that needs no modal ("he is learning to be frightened").
ONGOING_IMPACT = (
    r"(?:is|are|'s|'re)\s+(?:already\s+)?(?:learning|starting|beginning|growing\s+up)",
    r"has\s+started\s+to|have\s+started\s+to",
)
# What could happen to a child.
IMPACT_WORDS = frozenset(
    {
        "hurt", "harmed", "harm", "injured", "injury", "injuries", "injure", "killed", "kill",
        "die", "dies", "died", "dead", "death", "scared", "frightened", "afraid", "fear",
        "fearful", "terrified", "upset", "unsafe", "hungry", "ill", "sick", "unwell",
        "lonely", "cold", "cry", "crying", "withdrawn", "worry", "worried", "worrying",
        "anxious", "sad", "confused", "blame", "grow", "learn", "learning", "think",
        "thinking", "believe", "feel", "feels", "miss", "missing", "behind", "suffocate",
        "suffocating", "breathing", "breathe", "overheat", "fall", "falls", "burn", "burned",
        "burnt", "drown", "choke", "exploited", "groomed", "abused", "trapped", "shaken",
        "bruised", "arrested", "stabbed", "nightmares", "copy", "copying", "unwanted",
        "unloved", "nobody", "alone", "caught", "weight", "wet", "run", "lose", "friends",
        "struggle", "angry", "hate", "ashamed", "embarrassed", "bullied", "hospital",
        "seriously", "badly", "neglected", "smothered", "smother", "suffocated",
        "beaten", "starve", "starving", "exploit", "care",
    }
)

# -- safety goals ----------------------------------------------------------------------

# Framing a goal as what will have stopped.
NEGATIVE_GOAL = (
    r"\bnot\b",
    r"n't\b",
    r"\bwont\b|\bdont\b|\bdoesnt\b|\bcant\b|\bcannot\b|\bisnt\b|\barent\b",
    r"\bnever\b",
    r"\bno\s+longer\b",
    r"\bno\s+more\b(?!\s+than)",
    r"\bstop(?:s|ped|ping)?\b",
    r"\bceas(?:e|es|ed|ing)\b",
    r"\brefrain(?:s|ed|ing)?\b",
    r"\babstain(?:s|ed|ing)?\b",
    r"\bquit(?:s|ting)?\b",
    r"\bg(?:ive|ives|ave|iven|iving)\s+up\b",
    r"\bfree\s+(?:from|of)\b",
    r"\b[\w]+-free\b",
)
# Not negative framing despite the words: "not only", "no more than", and a
# negative inside a condition ("if he doesn't feel safe, he will ring Nan").
NEGATIVE_GOAL_EXCEPTIONS = (r"\bnot\s+(?:only|just)\b", r"\bwhether\s+or\s+not\b")
CONDITION_WORDS = frozenset({"if", "unless", "whether"})

# People who can see a goal happening (not the caregiver alone).
NETWORK_ROLES = frozenset(
    {
        "nan", "nana", "nanny", "nanna", "gran", "granny", "grandma", "grandmother", "grandad",
        "granddad", "grandpa", "grandfather", "grandparent", "grandparents", "aunt", "auntie",
        "aunty", "uncle", "cousin", "godmother", "godfather", "godparent", "neighbour",
        "neighbours", "friend", "friends", "teacher", "teachers", "headteacher", "school",
        "nursery", "college", "childminder", "worker", "visitor", "midwife",
        "doctor", "nurse", "police", "mentor", "coach", "pastor", "imam", "priest", "vicar",
        "church", "mosque", "network", "conference", "core", "sw", "hv", "gp", "fsw",
        "sister", "brother", "stepmum", "stepdad",
    }
)
# "I will know ..." / "Jo will see ...": a named person who witnesses.
WITNESS_VERBS = (
    r"(?:will|would|can|could|should|to)?\s*(?:know|knows|see|sees|notice|notices|check|checks"
    r"|visit|visits|hear|hears|agree|agrees|be\s+sure|be\s+confident|confirm|confirms)"
)

# Duration: how long it must be shown.
NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
    r"|twenty|few|several|couple\s+of)"
)
TIME_UNITS = (
    r"(?:days?|weeks?|fortnights?|months?|years?|terms?|half[\s-]terms?|holidays?|seasons?|christmas"
    r"|easter|summer|winter|spring|autumn|birthdays?|ramadan|eid|diwali|hanukkah|school\s+year)"
)
DURATION = (
    rf"\b(?:for|over|across|throughout|through|during|within)\b(?:\s+[\w'-]+){{0,4}}?\s+{TIME_UNITS}\b",
    rf"\bat\s+least\s+{NUMBER_WORDS}\s+{TIME_UNITS}\b",
    rf"\b{NUMBER_WORDS}\s+(?:more\s+)?{TIME_UNITS}\s+(?:in\s+a\s+row|running|straight|or\s+more)\b",
    rf"\b(?:this|the\s+whole|the\s+rest\s+of\s+the|the\s+next)\s+(?:school\s+)?{TIME_UNITS}\b",
    r"\buntil\b\s+\S+",
    r"\bincluding\s+(?:at|on|over|during|through|in)\b",
    r"\b(?:every|each)\s+(?:day|week|weekend)\s+(?:since|from)\b",
)
# Existing safety also counts time shown with "since".
TIME_SHOWN = DURATION + (r"\bsince\b", r"\b(?:last|past)\s+(?:\w+\s+)?(?:weeks?|months?|years?)\b")

# -- scaling questions ---------------------------------------------------------------

# "0 means ...", "zero is ...", "0 = ...", "with 0 being ..."; not "0-10" or "0 to 10".
_ANCHOR_TAIL = (
    r"\s*(?:(?:means?|meaning|is|would\s+(?:mean|be)|stands?\s+for|being|equals|represents"
    r"|is\s+when|will\s+be|would\s+look\s+like)\b|[:=]|[-]\s*(?!\s*(?:\d|ten\b|10\b)))"
)
ZERO_ANCHOR = rf"(?<![\w.])(?:0|zero|nought)(?![\w.]){_ANCHOR_TAIL}|\bat\s+(?:0|zero)\s*,"
TEN_ANCHOR = rf"(?<![\w.])(?:10|ten)(?![\w.]){_ANCHOR_TAIL}|\bat\s+(?:10|ten)\s*,"

# -- plan rules ----------------------------------------------------------------------

# How to reach someone.
CONTACT = (
    r"\b0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}\b",
    r"\+44\s?\d[\d\s]{8,12}",
    r"\b(?:999|111|101)\b",
    r"\b(?:ring|rings|rang|call|calls|called|phone|phones|phoned|text|texts|texted|message"
    r"|messages|messaged|email|emails|emailed|whatsapp|knock|knocks|contact|contacts)\b",
    r"\b(?:go|goes|come|comes|pop|pops)\s+round\b",
    r"\bnext\s+door\b",
    r"\bnumber\b",
    r"@",
)
# The person after these is the one contacted, not the one acting ("ring Sam").
CONTACT_VERBS = frozenset(
    {"ring", "rings", "call", "calls", "phone", "phones", "text", "texts", "message", "tell",
     "tells", "email", "contact", "contacts", "alert", "alerts", "inform", "informs"}
)

# Words that do not name who will act in a rule.
# "The network will act" names nobody in particular.
RULE_NOT_PEOPLE = frozenset(
    {
        "police", "emergency", "someone", "somebody", "anyone", "anybody", "network",
        "conference", "core", "everyone", "everybody", "family", "professionals", "services",
    }
)
# Capitalised words that are not names when they start a sentence.
NOT_NAMES = frozenset(
    {
        "if", "when", "the", "a", "an", "any", "all", "someone", "somebody", "everyone",
        "everybody", "professionals", "they", "he", "she", "it", "this", "that", "there",
        "then", "please", "after", "before", "on", "in", "at", "by", "for", "with", "where",
        "what", "who", "how", "while", "once", "as", "and", "or", "but", "so", "until", "every",
        "each", "no", "not", "signs", "things", "increase", "anniversary", "money", "agencies",
        "services", "anyone", "whoever", "both", "should", "will", "would", "could", "can",
        "must", "may", "might", "to", "call", "ring", "phone", "text", "his", "her",
        "their", "our", "your", "my", "nobody", "people", "staff",
    }
)

# -- steps -----------------------------------------------------------------------------

# An owner that is everyone is nobody.
VAGUE_OWNERS = frozenset(
    {
        "", "everyone", "everybody", "all", "tbc", "tbd", "?", "unknown", "n/a", "na", "none",
        "family", "the family", "professionals", "all professionals", "services", "network",
        "the network", "anyone", "someone", "various", "all agencies", "agencies", "-",
    }
)
# A due "date" that gives nobody a day to check against.
VAGUE_DATES = frozenset(
    {
        "", "ongoing", "asap", "a.s.a.p.", "as soon as possible", "tbc", "tbd", "soon",
        "as needed", "when needed", "when possible", "when able", "n/a", "na", "none", "?",
        "-", "at some point", "in due course", "whenever", "continuous", "throughout",
    }
)

# Relationships that make someone a caregiver rather than part of the wider network.
CAREGIVER_RELATIONSHIPS = frozenset(
    {
        "mum", "dad", "mother", "father", "parent", "parents", "stepdad", "stepmum",
        "step-dad", "step-mum", "carer", "partner", "mum's partner", "dad's partner",
        "birth mother", "birth father",
    }
)


# -- existing safety ---------------------------------------------------------------------

# What a strength sounds like; love is a strength, not safety.
STRENGTH_WORDS = (
    r"\blov(?:e|es|ed|ing)\b",
    r"\bcar(?:es|ing)\b(?!\s+for)",
    r"\bbond(?:ed)?\b",
    r"\bclose\s+(?:to|relationship)\b",
    r"\bwants?\s+(?:the\s+best|what'?s\s+best)\b",
    r"\bgood\s+(?:mum|dad|mother|father|parents?|relationship)\b",
    r"\bdevoted\b",
    r"\bproud\b",
    r"\bkind\b",
    r"\battached\b",
    r"\bcommitted\b",
    r"\bmotivated\b",
    r"\bwilling\b",
)

# -- readability ---------------------------------------------------------------------------

# Everyday swaps for words that make plans hard for families.
PLAIN_WORDS: dict[str, str] = {
    "accommodation": "home",
    "additionally": "also",
    "address": "sort out",
    "adequate": "enough",
    "alcohol": "drink",
    "approximately": "about",
    "appropriate": "right",
    "assist": "help",
    "attend": "go to",
    "commence": "start",
    "consequently": "so",
    "consistently": "every time",
    "consume": "drink",
    "consumption": "drinking",
    "demonstrate": "show",
    "deterioration": "getting worse",
    "difficulties": "problems",
    "ensure": "make sure",
    "environment": "home",
    "escalation": "getting worse",
    "facilitate": "help",
    "frequently": "often",
    "however": "but",
    "immediately": "straight away",
    "implement": "do",
    "incident": "time",
    "intoxicated": "drunk",
    "maintain": "keep",
    "monitor": "check",
    "necessary": "needed",
    "obtain": "get",
    "prioritise": "put first",
    "professionals": "workers",
    "regarding": "about",
    "reside": "live",
    "residence": "home",
    "significant": "big",
    "subsequently": "then",
    "sufficient": "enough",
    "supervision": "someone keeping an eye on",
    "sustained": "kept up",
    "utilise": "use",
}
