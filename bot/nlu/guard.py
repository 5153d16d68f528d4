"""A second opinion on navigation intents, so answers are not lost as commands.

During the interview almost every message is an answer. The NLU model sometimes
labels an answer with a navigation intent because it contains a command word
("Dad needs help with his drinking" -> help, "we want the kids back" ->
go_back). Treating that as a command would throw the answer away, so
``refine_intent`` checks the model's choice against one transparent table.

The rule, for a message the model gave a navigation intent
(``NAVIGATION_INTENTS``). The guard needs *evidence* that a message is an
answer before it overrules the model, because on fresh sentences the model
recognises commands better than any fixed list of phrases does:

1. More words than the intent's ``max_words`` -> ``inform``. Commands are
   short; long messages are answers even if they contain a command phrase.
2. The intent's ``answer`` pattern matches (the command word used as an
   ordinary word: "needs help", "came back", "stop shouting", "started
   drinking again") -> ``inform``. Answer patterns do not reach across
   punctuation, so "I need to stop, the kids are back" stays a command.
3. The intent's ``command`` pattern matches -> keep the intent.
4. Small talk (``needs_command``: greet, goodbye, thank) has a closed
   vocabulary, and an off-topic message is a question or a request, so for
   those intents no command phrase -> ``inform`` (a lone name such as "Ruby"
   is not a greeting; "we've got no money" is not an off-topic request).
5. At most ``SHORT_WORDS`` words shaped like an answer (``ANSWER_SHAPED``: a
   number, a date, a duration, a person such as "my sister") -> ``inform``.
6. Confidence below ``MIN_CONFIDENCE`` -> ``inform``: in an interview an
   uncertain message is more likely an answer.
7. Otherwise -> keep the model's intent.

Other intents (``inform``, ``affirm``, ``deny``, ``urgent_danger``,
``nlu_fallback``) are returned unchanged: the guard only ever turns a
navigation intent into ``inform``, so it can never hide an urgent-danger
message. A missing intent (``None``) becomes ``inform``. The function never
raises; on unexpected input it falls back to the model's intent.

Patterns are matched against a normalised copy of the text: lower case,
apostrophes removed ("don't" -> "dont"), other punctuation turned into
spaces, a little text-speak expanded ("u" -> "you", "pls" -> "please"). The
text itself is never logged or stored here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NAVIGATION_INTENTS: frozenset[str] = frozenset(
    {
        "greet",
        "goodbye",
        "thank",
        "help",
        "example",
        "go_back",
        "skip",
        "stop",
        "restart",
        "review",
        "export",
        "bot_challenge",
        "out_of_scope",
        "start_practice",
        "meeting_pack",
    }
)

INFORM = "inform"

# Short interview answers look like this: a score or date, a month or weekday,
# a duration, or a person. Used only for short messages that matched no
# command phrase (step 4), so "6" or "end of may" is never taken for a command.
ANSWER_SHAPED = (
    r"\d|\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    r"sep|sept|september|oct|october|nov|november|dec|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|tomorrow|tonight|yesterday|today|weeks?|months?|"
    r"years?|christmas|xmas|easter|term|summer|winter|spring|autumn|asap|daily|weekly|"
    r"every|twice|once|one|two|three|four|five|six|seven|eight|nine|ten|zero|my|mum|dad|"
    r"nan|grandad|grandma|sister|brother|auntie|aunt|uncle|partner|cousin|friend|neighbour|"
    r"nurse|gp|midwife|visitor|officer|manager|teacher|school|nursery|worker|just me|"
    r"nobody|none|no one|he|hes|she|shes|they|theyre|their|his|her|and|weekends?|weekdays?|"
    r"only)\b"
)

# Step 5 looks at messages up to this many words; step 6 overrules a model
# less sure than this (the pipeline's FallbackClassifier already catches most).
SHORT_WORDS = 3
MIN_CONFIDENCE = 0.5

# Only the start of a pasted paragraph matters for the patterns, and capping
# the length keeps matching fast whatever arrives.
_MAX_CHARS = 2000

# Text-speak and common misspellings, applied word by word before matching.
_SPEAK = {
    "u": "you",
    "ya": "you",
    "r": "are",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "plse": "please",
    "wot": "what",
    "wat": "what",
    "wht": "what",
    "dnt": "dont",
    "dont": "dont",
    "cnt": "cant",
    "wiv": "with",
    "da": "the",
    "bk": "back",
    "bck": "back",
    "nxt": "next",
    "sumthing": "something",
    "summat": "something",
}

# People an answer is usually about. A command word right after one of these
# ("nan can help", "he needs to stop") is an ordinary word, not a command.
_PEOPLE = (
    r"(?:he|hes|she|shes|they|theyre|him|her|them|his|their|dad|daddy|father|"
    r"mum|mummy|mom|mam|mother|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|"
    r"auntie|aunty|aunt|uncle|sister|brother|cousin|partner|boyfriend|girlfriend|"
    r"husband|wife|ex|stepdad|stepmum|son|daughter|kids|kid|children|child|baby|"
    r"boys|girls|twins|school|teacher|nursery|police|everyone|nobody|someone|people|"
    r"family|neighbour|friend|worker)"
)
# Between a person and the command word: up to three words ("needs to", "has
# got to", "wants him to"), none of them "I", "we" or "you": in "the social
# worker said can I change it" the command is the user's own.
_GAP = r"(?:\s+(?!(?:i|im|we|you|me|us)\b)\w+){0,3}\s+"


@dataclass(frozen=True)
class _Rule:
    """How to recognise one navigation intent as a command or as an answer."""

    command: str  # searched in the normalised text; shows a real command
    answer: str | None  # searched first; shows the word is used ordinarily
    max_words: int  # longer messages are answers whatever they contain
    question_is_command: bool = False  # a message ending in "?" counts as the command
    # Step 4: small talk has a closed vocabulary, so without a command phrase
    # the message is an answer (a lone name such as "Ruby" is not a greeting).
    needs_command: bool = False


# One table for every navigation intent: read it top to bottom to see why a
# message was kept or turned into an answer.
RULES: dict[str, _Rule] = {
    "help": _Rule(
        command=(
            r"\bhelp\b|\bhuh\b|\beh\b|^what$|^sorry what$|\bexplain|\bmean(s|ing|t)?\b|"
            r"\b(dont|not|do not|cant) (really )?(understand|get it|get what|follow)|"
            r"\bunderstand\b|\bconfus|\b(im|i am|bit|totally|completely) lost\b|\blost me\b|"
            r"\bwhat (is|are|does|do|counts)\b|\bwhats\b|"
            r"\bwhy (are|do) you ask|\bhow (do|am|should|can) i (answer|write|put)|"
            r"\bsimpler\b|\bsimple\b|\beasier words\b|\bbig words\b|\bcome again\b|"
            r"\byou what\b|\bwhat (am i|do you want me|should i)\b|^\W*$|\bsimpl|"
            r"\bwhat to (put|write|say)\b|\btell me more\b|\bsupposed to\b|\bon earth\b|"
            r"\bstuck\b|\bno sense\b|\bdont get\b|\banother way\b|\bdifferent words\b"
        ),
        answer=(
            rf"\b{_PEOPLE}{_GAP}help|\bhelp(s|ed|ing|ful)\b|\b(needs|needed) (some |more )?help\b|"
            r"\b(a lot of|lots of|loads of|no|proper|extra) help\b|"
            r"\bdo with (some |a bit of )?help\b|"
            r"^help (the|my|our) (kids|children|baby|family|boys|girls|son|daughter)\b|"
            r"\b(not|isnt|wasnt) supposed to\b|\b(no one|nobody|noone|someone|anyone) to help\b|"
            r"\bhelp for (my|his|her|their|the)\b|"
            r"\b(know|sure) (where|why|when|if|who|how|what) (he|hes|she|shes|they|dad|mum)\b|"
            r"\bhelp (him|her|them|us|out|with (his|her|their|the (kids|children|baby|rent|"
            r"school|house|flat)|money|drink|drugs|housing|rent|bills|debt|school))\b|"
            r"\b(get|got|getting|gets|ask|asked|asking|accept|accepted|need|needs|needed)"
            r" (some |more |any |proper |extra )?help (for|with) (his|her|their|my|our|the) "
            r"(drink|drinking|drugs|mental|anger|depression|money|debts?|housing|kids|children)"
        ),
        max_words=15,
    ),
    "example": _Rule(
        command=(
            r"\bexamples?\b|\be ?g\b|\bsample\b|\blike what\b|\bsuch as\b|"
            r"\bshow me\b|\bwhat (would|might|do|does|should) (a|an|other|someone|people|you)\b|"
            r"\bwhat (kind|sort) of\b|\bgood (one|answer) look|\ban idea\b|\bidea of what\b"
        ),
        answer=(
            r"\bfor example\b(?:\s+\w+){2,}|\b(bad|good|great|poor) example (to|for)\b|"
            r"\bsets? (a|an) \w* ?example\b|\bexample (i|he|she) gave\b|\bthe example\b|"
            r"\bexample (is|was|would be) (when|that|how|him|her|the)\b"
        ),
        max_words=14,
    ),
    "go_back": _Rule(
        command=(
            r"\bback\b|\bundo\b|\bprevious\b|\blast (one|question|answer|message|bit)\b|"
            r"\bmistake\b|\bredo\b|\bwrong\b|\btake that\b|\bdidnt mean\b|\bthe one before\b|"
            r"\bquestion before\b|\bsend too (early|soon)\b|\btoo early\b|\bcorrect\b"
        ),
        answer=(
            r"\b(came|come|comes|coming|went|goes|moved|move|moves|moving|got|gets|getting|"
            r"brought|bring|sent|gave|give|taken|took|stay|stays|stayed|live|lives|living)"
            r"\s+back\b|"
            r"\b(kids|children|child|son|daughter|baby|boys|girls|them|him|her|family|"
            r"twins|us)\s+back\b|"
            r"\bback (home|in|together|on|at|with|to (school|work|court|nursery|college|him|her|"
            r"his|the (gp|doctors?|flat|house|hospital|drink|drugs)|drinking|using|normal))\b|"
            r"\bback (then|in (19|20)\d\d)\b|\bback (pain|door|garden|bedroom)\b|"
            r"\bback (to basics|to normal|on track|to (his|her|their) old|living|staying)\b|"
            r"\b(his|her|their) back\b|"
            r"\bprevious (partner|boyfriend|girlfriend|husband|wife|social worker|school|"
            r"address|relationship)\b"
        ),
        max_words=14,
    ),
    "skip": _Rule(
        command=(
            r"\bskip\b|\b(dont|do not|dunno|didnt) know\b|\bdunno\b|\bdont no\b|\bidk\b|"
            r"\bnot know\b|\bnot (really |too |very )?sure\b|\bunsure\b|\buncertain\b|"
            r"\bnot certain\b|\bno (idea|clue)\b|\bnot a clue\b|\bgot a clue\b|\bnot now\b|"
            r"\bnot right now\b|^pass\b|\bpass (on|this|that|it|please)\b|^next\b|"
            r"\bnext question\b|\bmove on\b|\bcome back to (it|that|this)\b|\blater\b|"
            r"\brather not\b|\bdont want to (answer|say)\b|\bcant (answer|think|say)\b|"
            r"\bnothing comes to mind\b|\bthink about (it|that|this)\b|\bleave (it|that|this)\b|"
            r"\bask my\b|\banother (time|day)\b"
        ),
        answer=(
            r"\bskip(s|ped|ping)\b|"
            rf"\b{_PEOPLE}{_GAP}(skip|pass|move on)\b|"
            r"\bskip (school|meals?|breakfast|lunch|dinner|tea|appointments?|meetings?|contact|"
            r"class|classes|lessons?|nursery|college|work)\b|"
            r"\b(know|sure|idea|clue)\W+(?:(?:where|why|when|whether|if|who|how|what|that)\W+"
            r"(?:(?:old|time|day|date|much|many|long|often|year)\W+)?)?"
            r"(he|hes|hell|hed|she|shes|shell|shed|they|theyre|theyll|him|her|them|his|their|"
            r"dad|mum|nan|grandma|the babys|the kids|the childrens|"
            r"grandad|kids|children|baby|school|the (kids|children|baby|school|money|police|"
            r"social worker))\b|"
            r"\bbut (probably|maybe|i think|possibly|perhaps|it|he|she|they|we|nan|my)\b|"
            r"\bpass(ed|es|ing)\b|\bnext (mon|tues|wednes|thurs|fri|satur|sun)day\b|"
            r"\b(they|he|she|nan|mum|dad|school|nobody) (dont|doesnt|didnt) know\b|"
            r"\bnext (week|weekend|month|year|meeting|core group|conference|term)\b"
        ),
        max_words=12,
    ),
    "stop": _Rule(
        command=(
            r"\bstop\b|\bpause\b|\bbrb\b|\bbe right back\b|"
            r"\b(need|have|got|gotta|going) to (go|run|leave)\b|\bgotta (go|run)\b|"
            r"\bfinish\b|\bcarry on\b|\bcontinue\b|\banother (time|day)\b|"
            r"\b(come|be) back later\b|\bsave\b|\bexit\b|\bquit\b|\bbreak\b|\benough for\b|"
            r"\bdone for (now|today)\b|\bleave it (there|now|for)\b|\bend chat\b|"
            r"\bcant do this\b|\bpick this up\b|\brest (another|tomorrow|later)\b|"
            r"\bno more today\b|\bany more today\b|\bhave to go\b|\bneed to go\b|\bdash\b|"
            r"\bsign(ing)? off\b|\bcome back\b|\boff now\b|\bhead off\b"
        ),
        answer=(
            rf"\b{_PEOPLE}{_GAP}stop|\b(needs|has|wants|got) to stop\b|"
            r"\b(shouting|drinking|fighting|arguing|hitting|violence|abuse|drugs|rows|arguments|"
            r"fights|texts|messages|calls) (\w+ )?(to|needs? to|has to|have to|must|should) "
            r"stop\b|"
            r"\bstop (him|her|them|dad|mum|the kids|the children)\b|"
            r"\bstop(s|ped)\b|"
            r"\bstop(ping)? (?!talking|chatting|asking|doing|typing|answering|this|that|"
            r"here|now|it|please|for|the (chat|questions?|interview))\w+ing\b|"
            r"\bbus stop\b|\bstop(ping|ped)? (by|over|round|at)\b|"
            r"\bcome back (to live|home|to (me|us|mine|ours))\b|\bsave (money|up)\b|"
            r"\bbreak(s|ing)? (things|stuff|windows?|doors?|the|his|her|it)\b|"
            # "Carry on" with no "later" is the answer to "shall we carry on?" and
            # "are you safe to carry on?", never a request to leave.
            r"\bsafe to (carry on|continue|go on)\b|"
            r"^((yes|yeah|yep|ok|okay|sure|please|i am|im) (; )?)*(lets |let us )?"
            r"(carry on|continue|keep going)( please| then| now| with (it|the plan))?$"
        ),
        max_words=15,
    ),
    "restart": _Rule(
        command=(
            r"\brestart\b|\bstart ?(again|over|afresh|fresh)\b|\bstart (it|this|the \w+|all) "
            r"(again|over)\b|\bstart from\b|\bbegin again\b|\bbeginning\b|\bfrom (the )?scratch\b|"
            r"\bfrom the (top|start)\b|\bback to the start\b|\breset\b|\bwipe\b|\bclear\b|"
            r"\bscrap\b|\bdelete\b|\bnew (plan|start)\b|\ball again\b|\ball over\b|"
            r"\bstartagain\b|\bagain\b|\bfresh\b|\bbegin\b"
        ),
        answer=(
            r"\bstart(ed|s|ing)\b|\bstart (?!(every|any|some|no)thing)\w+ing\b|"
            rf"\b{_PEOPLE}{_GAP}start\b|"
            rf"\b{_PEOPLE}(?:\s+(?!(?:i|im|we|you|me|us)\b)\w+){{0,4}}\s+again\b|"
            r"\b(drinking|using|drugs|gambling|smoking|hitting|happened|happening|fighting|"
            r"arguing|shouting|relapsed?)\b(?:\s+\w+){0,2}\s+again\b|"
            r"\bfresh start for\b|\bbeginning of\b|"
            r"\bnew (school|job|house|flat|home|partner|baby|worker)\b"
        ),
        max_words=14,
    ),
    "review": _Rule(
        command=(
            r"\breview\b|\bshow\b|\bsee\b|\blook (at|over)\b|\bgo over\b|\bcheck\b|"
            r"\bsummary\b|\bsummarise\b|\bread (it |them |me |back)|\bso far\b|"
            r"\bwhere are we\b|\bhow far\b|\bchange\b|\bedit\b|\bfix\b|\balter\b|"
            r"\bwhat (have|did) (i|we)\b|\bview\b|\brecap\b|\bcovered\b|\bgone through\b|"
            r"\bremind me\b|\blist\b|\bmy answers\b|\bhow does (it|the plan) look\b"
        ),
        answer=(
            r"\b(the|a|next|last|case|cp|annual|school|child protection|court|medication)\s+"
            r"review\b|\breview(ed)? (meeting|conference|date|hearing|is|was|in|on)\b|"
            r"\b(changed|changing|changes)\b|"
            rf"\b{_PEOPLE}{_GAP}(change|see|sees|saw|check|checks|fix|look|review)\b|"
            r"\bnothing (has |will |would |is going to )?change\b|\bwill change\b|"
            r"\b(with|of|any|big|no) change\b|\bto show (the|his|her|them|school)\b|"
            r"\bfix (the|a|his|her|their) (damp|boiler|heating|door|window|flat|house|roof)\b|"
            r"\bchange (the locks|(his|her|their|my) (number|phone|ways|behaviour|attitude|"
            r"school|mind))\b|\bthe plan is\b|\bsee (the|his|her|their) (kids|children|"
            r"baby|dad|mum|nan|gp|doctor)\b"
        ),
        max_words=14,
    ),
    "export": _Rule(
        command=(
            r"\bexport\b|\bdownload|\bdwnload\b|\bsend\b|\bemail\b|\bword\b|\bdocx\b|"
            r"\bdocument\b|\bprint\b|\bcopy\b|\bfile\b|\bpdf\b|\bmosaic\b|\bliquidlogic\b|"
            r"\beclipse\b|\bshare\b|\bfinished plan\b|\bget the plan\b|\bcase record\b|"
            r"\bupload\b|\bkeep a\b|\bplan out\b|\bsystem\b|\battach\b|\brecord\b"
        ),
        answer=(
            r"\b(sends|sent|sending|printed|prints|printing|emailed|emails|shares|shared|"
            r"copied|copies|texts|texted)\b|\bthe word\b|"
            r"\bsend (the kids|the children|them|him|her|the baby|money|messages|texts)\b|"
            r"\bexport(s|er|ers|ing)? (warehouse|business|company|firm|job|work)\b|"
            r"\bworks? in export\b|\b(kept|keeps|keep) (his|her|their) word\b|"
            r"\b(we|they|he|she) (print|email|send|share|copy)\b"
            r"(?! (it|this|the plan|a copy|me)\b)|"
            r"\bword against\b|\bshare (a |the )?(bed|room|bedroom|flat|house|custody|care)\b"
        ),
        max_words=15,
    ),
    "start_practice": _Rule(
        command=(
            r"\bpracti[cs]e\b|\btraining\b|\btrain\b|\bexample case\b|\bworked example\b|"
            r"\b(pretend|made up|fake|dummy|sample|test|training|practice) (case|family|run)\b|"
            r"\blearn(er|ing)?\b|\bteach\b|\brole ?play\b|\bdummy\b|\bhave a go\b"
        ),
        answer=(
            r"\b(gp|doctors?|dental|dentist|medical|surgery) practi[cs]e\b|"
            r"\bpractice (nurse|manager|team)\b|"
            r"\b(potty|toilet|sleep) training\b|\b(his|her|their|my) training\b|"
            r"\btraining (course|programme|program|centre|center) (on|for|about|in)\b|"
            r"\b(kids|children|he|she|they|son|daughter)\s+(\w+\s+)?practi[cs]es?\b|"
            r"\b(is|are|was|were|been) (learning|training|practi[cs]ing)\b|"
            r"\btraining (on|about|in|for)\b|\b(group|course|class|college|lessons?)\b"
        ),
        max_words=18,
    ),
    "meeting_pack": _Rule(
        command=(
            r"\bmeeting\b|\bmtg\b|\bpack\b|\bcore group\b|\bconference\b|\bcin\b|\btaf\b|"
            r"\bprep\b|\bprepare\b|\bagenda\b|\bpapers\b"
        ),
        answer=(
            r"\b(at|in|after|during|since) the (\w+ ){0,2}(meeting|conference|core group)\s+"
            r"(the|we|they|he|she|everyone|it|mum|dad|school|nan|social|i)\b|"
            # "the conference is on monday" is an answer, unless a pack is asked for.
            r"^(?!.*\b(pack|prep|prepare|ready|papers|agenda)\b).*"
            r"\b(meeting|conference|core group)\s+(is|was|are|were|will be|went|said|meets|"
            r"met|decided|agreed|happens|happened)\b|"
            r"\b(til|till|until|by|before|after) the (next |last )?"
            r"(meeting|conference|core group)\b|"
            r"\b(come|comes|came|go|goes|went|turn up|turns up|attend|attends|attended|invited) "
            r"(to )?the (\w+ )?(meeting|conference|core group)\b|"
            r"\bpack(ed|ing|s)\b|\bpack of\b|\bpack (his|her|their|my) (bags?|stuff|things)\b"
        ),
        max_words=18,
    ),
    "greet": _Rule(
        command=(
            r"^(hi+|hello+|helo|hey+|heya|hiya|yo|sup|alright|ello|howdy|salaam|salam|hola|"
            r"morning|afternoon|evening|good (morning|afternoon|evening|day)|you alright|"
            r"you ok|hey up)\b"
        ),
        answer=None,
        max_words=6,
        needs_command=True,
    ),
    "goodbye": _Rule(
        command=(
            r"^(ok |okay |right |well |anyway |alright )*(bye+|goodbye|good bye|see (you|ya)|cya|"
            r"ttyl|ta ?ra|ta ta|tata|cheerio|night|nite|good ?night|take care|later|laters|"
            r"speak (soon|later|tomorrow)|talk (soon|later|tomorrow)|catch you|that(s| is) "
            r"(all|it|me)|all done|have a (good|nice|lovely|great)|enjoy your|toodles|nighty)\b|"
            r"\b(bye+|goodbye|cheerio|good ?night|night night|see (you|ya) (later|soon|then)|"
            r"take care|have a (good|nice|lovely|great) (day|evening|night|weekend|one))\b"
        ),
        answer=None,
        max_words=8,
        needs_command=True,
    ),
    "thank": _Rule(
        command=(
            r"^(ok |okay |oh |aw |aww |great |brilliant |lovely |perfect |right |that(s| is) "
            r"(great|lovely|brilliant|really helpful|helpful|kind) )*(thanks|thank (you|u)|"
            r"thankyou|thnx|thx|ty|tysm|ta|cheers|many (many )?thanks|much appreciated|appreciate|"
            r"i appreciate)\b|\b(thanks|thank you|thankyou|cheers|appreciate it|grateful)\b"
        ),
        answer=(
            r"\bthanks to\b|\bthank (him|her|them)\b|"
            r"\bgrateful (to|for) (him|her|them|my|the)\b"
        ),
        max_words=10,
        needs_command=True,
    ),
    "bot_challenge": _Rule(
        command=(
            r"\b(bot|robot|human|computer|machine|ai|automated|automatic|chat ?bot|chatgpt|"
            r"program|typing|(talking|speaking|chatting) (to|with)|actual person)\b|"
            r"\breal (person|people|human)\b|\bare you (a |an )?real\b|^who (is|am|are)\b|"
            r"\b(is|are) (there|you) (a |an )?(real |actual )?(person|someone|anyone)\b|"
            r"\b(anyone|someone) (actually |really )?(there|reading|typing)\b|^what are you$"
        ),
        # A statement about someone ("he is a real person who cares") is an answer.
        answer=r"^(he|hes|she|shes|they|theyre|my|our|his|her|their|nan|mum|dad)\b",
        max_words=12,
    ),
    "out_of_scope": _Rule(
        # Off-topic messages are nearly always requests or questions; a
        # statement ("we've got no money") is an answer about the family.
        command=(
            r"^(can|could|will|would|do|does|did|is|are|am|should|shall|have|has)\b|"
            r"\b(can|could|will|would) you\b|^(got|know) any\b|"
            r"\b(jokes?|weather|pizza|takeaway|poem|bitcoin|prime minister|capital of)\b|"
            r"^(what|whats|who|whos|where|wheres|how|which|why)\b|"
            r"^(tell|say|order|book|find|play|sing|write|give|get|recommend|show|fix|translate|"
            r"hack|ring|text|call|sort|pay|lend|make|phone) (me|us)\b|\bbook me\b|\bfor me\b|"
            r"^(order|book|play|sing|write|recommend|translate|hack) (a|an|some|the|my)\b|"
            r"^(lol|haha+|asdf\w*|blah|lmao)\b"
        ),
        # A statement about the family that does not address the bot ("the
        # weather makes his asthma worse") is an answer.
        answer=(
            r"^(the|my|our|his|her|he|hes|she|shes|they|theyre|theyve|we|were|weve|ive|"
            r"im|id)\b(?!.*\byou\b)|"
            r"\b(can|could) you (put|add|include|mention|note) (that|down|in)\b"
        ),
        max_words=14,
        question_is_command=True,
        needs_command=True,
    ),
}

_COMPILED: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    intent: (
        re.compile(rule.command),
        re.compile(rule.answer) if rule.answer else None,
    )
    for intent, rule in RULES.items()
}


_ANSWER_SHAPED = re.compile(ANSWER_SHAPED)


def _normalise(text: str, clauses: bool = False) -> str:
    """Lower-case, drop apostrophes, turn other punctuation into spaces.

    With ``clauses`` a comma or full stop becomes " ; ", which no answer
    pattern reaches across ("I need to stop, the kids are back").
    """
    lowered = text[:_MAX_CHARS].lower().replace("\u2019", "'").replace("'", "")
    if clauses:
        lowered = re.sub(r"[,.;:!?]+", " ; ", lowered)
    words = re.sub(r"[^a-z0-9;]+", " ", lowered).split()
    text_out = " ".join(_SPEAK.get(word, word) for word in words)
    return text_out.strip(" ;")


def normalise(text: str, clauses: bool = False) -> str:
    """The text as the patterns see it (see `_normalise`)."""
    return _normalise(text, clauses)


def answer_pattern(intent: str) -> re.Pattern[str] | None:
    """The pattern that shows a navigation intent's word used ordinarily, in an answer."""
    compiled = _COMPILED.get(intent)
    return compiled[1] if compiled else None


def command_pattern(intent: str) -> re.Pattern[str] | None:
    """The pattern of words that show a navigation intent's command."""
    compiled = _COMPILED.get(intent)
    return compiled[0] if compiled else None


def _as_confidence(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def refine_intent(text: str, intent: str | None, confidence: float) -> str:
    """Return the intent to act on; see the module docstring for the rule."""
    try:
        return _refine(text, intent, confidence)
    except Exception:  # a guard must never break the conversation
        return intent if isinstance(intent, str) and intent else INFORM


def _refine(text: object, intent: str | None, confidence: object) -> str:
    if not isinstance(intent, str) or not intent:
        return INFORM
    if intent not in NAVIGATION_INTENTS:
        return intent
    rule = RULES[intent]
    command, answer = _COMPILED[intent]
    raw = text if isinstance(text, str) else ""
    # Counting words on the raw text is cheap, so a pasted essay never reaches
    # the patterns.
    if len(raw.split()) > rule.max_words:
        return INFORM
    normalised = _normalise(raw)
    word_count = len(normalised.split())
    if word_count > rule.max_words:  # 1
        return INFORM
    if answer is not None and answer.search(_normalise(raw, clauses=True)):  # 2
        return INFORM
    if command.search(normalised):  # 3
        return intent
    if rule.question_is_command and raw.rstrip().endswith("?"):  # 3
        return intent
    if rule.needs_command:  # 4
        return INFORM
    if word_count <= SHORT_WORDS and _ANSWER_SHAPED.search(normalised):  # 5
        return INFORM
    if _as_confidence(confidence) < MIN_CONFIDENCE:  # 6
        return INFORM
    return intent  # 7
