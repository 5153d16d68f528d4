"""The danger rules, immediacy markers and suppressors, as regular expressions.

All patterns run over the plain form made by `normalise.py`: lower case words
separated by single spaces, contractions expanded ("he is", "can not", "will
not"), text-speak spelled out. Patterns use only alternations, fixed-width
look-arounds and bounded repeats, so matching time stays linear in the text.

Patterns are written as templates: `<NAME>` is replaced by the alternation
`VOCAB[NAME]`, so a word list is kept in one place and rules stay readable.

A danger rule has a strength:

* STRONG: the words themselves say it is happening now or about to
  ("he is hitting her", "he has got a knife", "the house is on fire",
  "call the police"). Urgent whatever else the message says.
* WEAK: danger words that are usually about now but can be history
  ("she has taken an overdose", "he has run away", "left the kids on their
  own"). Urgent unless a suppressor near it marks it past, habitual or
  hypothetical, and no immediacy marker is near it.
* CONTEXT: harm words in the plain past or future ("he hit her", "he will kill
  us"). Urgent only with an immediacy marker near it ("tonight", "just now",
  "he is still here"): describing harm, the daily work of a danger
  statement, stays quiet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Strength(Enum):
    STRONG = "strong"
    WEAK = "weak"
    CONTEXT = "context"


@dataclass(frozen=True)
class Rule:
    id: str
    strength: Strength
    pattern: re.Pattern[str]


def _alt(words: str) -> str:
    """A non-capturing alternation from whitespace-separated words ('_' = space)."""
    options = sorted({w.replace("_", " ") for w in words.split()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(o) for o in options) + ")"


VOCAB: dict[str, str] = {
    "KIN": _alt(
        """
        kid kids children child childs baby babies babys son sons daughter daughters
        brother brothers sister sisters bro sis mum mummy mother dad daddy father stepdad
        stepmum stepfather stepmother step_dad step_mum nan nana nanna gran granny grandma
        grandad grandpa wife husband partner girlfriend boyfriend friend mate boy boys girl
        girls toddler twins sibling siblings grandson granddaughter grandchild grandchildren
        grandkids nephew niece cousin auntie aunty aunt uncle family lad little_one
        little_ones ex youngest eldest oldest newborn teenager teen infant
        """
    ),
    "CHILD_NOUN": _alt(
        """
        kid kids children child baby babies son daughter brother sister boy girl boys girls
        toddler twins little_one little_ones youngest eldest newborn grandson granddaughter
        grandchildren grandkids
        """
    ),
    "MOD": _alt(
        """
        little baby big older younger eldest youngest oldest poor new own step half two
        three four five 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 teenage
        """
    ),
    # "my 14 year old" is a child.
    "AGE": r"(?:[0-9]{1,2}|" + _alt("one two three four five six seven eight nine ten") + r")"
    r" (?:year|yr) old",
    "DET": _alt("my our his her their your the a that this these those"),
    "PRONOUN": _alt(
        """
        me us her him them you each_other someone somebody mum mummy dad daddy nan nana
        gran grandad xname
        """
    ),
    "REFLEXIVE": _alt("myself himself herself themselves themself yourself ourselves"),
    "VIOLENT_ING": _alt(
        """
        hitting beating punching kicking slapping smacking strangling choking throttling
        hurting attacking battering stabbing shooting pinning dragging burning biting
        headbutting head_butting whacking thumping belting suffocating smothering drowning
        shaking shoving pushing grabbing chasing threatening assaulting raping abusing
        touching whipping scratching stamping_on bashing booting lamping leathering
        laying_into going_for squeezing pulling following stalking knocking twisting jumping forcing
        """
    ),
    "VIOLENT_PAST": _alt(
        """
        hit hits punched kicked slapped smacked strangled choked throttled hurt attacked
        battered stabbed shot pinned dragged burnt burned bit headbutted whacked thumped
        belted suffocated smothered shook shaken shoved pushed grabbed threw thrown beat
        beaten assaulted raped abused touched whipped bashed booted lamped strangles punches
        kicks slaps hurts attacks batters stabs chokes pushes shoves beats threatened
        threatens
        """
    ),
    "PASSIVE": _alt(
        """
        hit beaten punched kicked hurt attacked strangled choked stabbed slapped battered
        abused raped followed threatened
        """
    ),
    "KILL": _alt("kill murder stab shoot hurt strangle batter beat hit attack smash"),
    "THREAT_VERB": _alt(
        "kill murder stab shoot hurt burn strangle batter beat smash snatch kidnap do_in"
    ),
    "TRY_HARM": _alt("drown strangle kill stab hurt choke smother suffocate hit attack"),
    "WEAPON": _alt(
        """
        knife knives blade machete gun guns shotgun rifle pistol firearm axe hatchet hammer
        baseball_bat bat screwdriver scissors crowbar weapon weapons broken_bottle
        knuckle_duster sword meat_cleaver cleaver
        """
    ),
    # Weapons that are weapons merely by being there. Bats, hammers, scissors and
    # screwdrivers are in most homes: they count only in a hand or in use.
    "WEAPON_ITSELF": _alt(
        """
        knife blade machete gun shotgun rifle pistol firearm axe hatchet crowbar weapon
        sword meat_cleaver cleaver knuckle_duster
        """
    ),
    # "hes got the bread knife" (batch r): the kind of knife said before it.
    "WEAPON_DET": r"(?:(?:a|an|his|her|the|my|their|that) )?"
    r"(?:(?:big|sharp|kitchen|bread|carving|stanley|steak|hunting|huge) )?",
    "NOT_LICENCE": r"(?! "
    + _alt(
        "licence license licences cabinet permit certificate collection block set rack drawer for"
    )
    + r"\b)",
    "PILLS": _alt(
        """
        pills tablets paracetamol overdose bleach meds medication painkillers antifreeze
        poison pill antidepressants sleeping_tablets sleeping_pills insulin methadone
        ibuprofen aspirin co_codamol codeine weedkiller weed_killer rat_poison drain_cleaner
        screenwash slug_pellets
        """
    ),
    "OWN": r"(?:on (?:their|his|her|its|our|my) own|alone|home alone"
    r"|by (?:themselves|himself|herself|itself|ourselves|myself))",
    "DOOR": r"(?:front |back |bedroom |bathroom )?(?:door|doors|window|windows)",
    "BANG": _alt(
        "kicking banging smashing hammering pounding bashing booting battering knocking punching"
    ),
    "INTOX": r"(?:drunk|off (?:his|her|their) (?:face|head)|high|wasted|out of it|stoned"
    r"|passed out)",
    "MISSING_NOT": r"(?! "
    + _alt(
        """
        school out lessons lesson classes class appointments appointment meals meal her his
        their him you them the a an some it me us my
        """
    )
    + r"\b)",
    "TASK_WORDS": r"(?! "
    + _alt(
        """
        with to write fill understand out do work think find make answer get_started this
        the a plan sort word put me us prepare get start finish choose decide explain
        remember complete add change edit check read print send export review see know
        figure learn
        """
    )
    + r"\b)",
    # "please help me", "help us", but not "help me write the plan": backtracking
    # onto a shorter match is blocked because "me" and "us" are task words too.
    "PLEA": r"(?:\bpolice (?:please|now|quick)\b|\bplease police\b"
    r"|\b(?:please|pls|someone|somebody) help(?: me| us)?(?: please)?"
    r"|<NOT_OFFER>\bhelp (?:me|us)(?: please)?|\bhelp help)\b<TASK_WORDS>",
    # "nan will help us" is an offer, not a plea.
    "NOT_OFFER": "".join(
        rf"(?<!\b{w} )"
        for w in "will can could would to shall might may should who that and".split()
    ),
    "NOT_BEFORE": r"(?<!\bnot )(?<!\bnever )(?<!\bno )",
    # "dad is drunk but the kids are with me": the children are somewhere safe.
    "CHILD_ELSEWHERE": r"(?! (?:is|are) "
    r"(?:with me|with us|safe|at school|at nan|at my|asleep at)\b)",
    "NOT_PAST": r"(?<!\bwas )(?<!\bwere )",
    "NOW_AUX": r"\b(?:is|are|am|has|have)(?: "
    + _alt("still just now currently really literally actually again")
    + r")?",
    "MONTH": _alt(
        "january february march april may june july august september october november december"
    ),
    "DAY": _alt("monday tuesday wednesday thursday friday saturday sunday"),
    "NUM": _alt("two three four five six seven several many few"),
}
# Built from the entries above.
VOCAB["PERSON"] = r"(?:<PRONOUN>|<DET>(?: <MOD>){0,2} (?:<KIN>|<AGE>))\b"
# A child named by a noun, never a bare pronoun ("drunk ... with me" is not a child).
VOCAB["CHILD_NP"] = r"(?:xname|<DET>(?: <MOD>){0,2} (?:<CHILD_NOUN>|<AGE>))\b"
VOCAB["CHILD"] = (
    r"(?:" + _alt("us me them him her xname") + r"|<DET>(?: <MOD>){0,2} (?:<CHILD_NOUN>|<AGE>))\b"
)

_PLACEHOLDER = re.compile(r"<([A-Z_]+)>")


def _expand(template: str) -> str:
    # Entries nest (PERSON is built from PRONOUN, DET, KIN...), so expand a few
    # rounds. A name left over would silently become a pattern that never
    # matches, a lost rule nobody notices: fail at import instead.
    for _ in range(4):
        template = _PLACEHOLDER.sub(lambda m: VOCAB[m.group(1)], template)
    if _PLACEHOLDER.search(template):
        raise ValueError(f"unexpanded placeholder in rule template: {template[:80]}")
    return template


def _rule(rule_id: str, strength: Strength, template: str) -> Rule:
    return Rule(rule_id, strength, re.compile(_expand(template)))


def _marker(marker_id: str, template: str) -> tuple[str, re.Pattern[str]]:
    return marker_id, re.compile(_expand(template))


S, W, C = Strength.STRONG, Strength.WEAK, Strength.CONTEXT

# Words that, just before "hitting her", show it is not happening now:
# "he was hitting her", "stop hitting her", "remember hitting her".
_ING_NOT_NOW = "".join(
    rf"(?<!\b{w} )"
    for w in "was were of about stop stopped start started from remember like after before "
    "not never when up".split()
) + "".join(rf"(?<!\bstop {w} )" for w in "him her them he she dad mum you".split())

DANGER_RULES: tuple[Rule, ...] = (
    # -- violence happening now --------------------------------------------------
    _rule("violence_now", S, r"<NOW_AUX> <VIOLENT_ING>(?: (?:up|into|round))? <PERSON>"),
    _rule("violence_now", S, r"\b(?:is|are|am) being <PASSIVE>\b"),
    _rule("violence_now", S, r"\b(?:will not|can not|does not|is not going to) stop <VIOLENT_ING>"),
    _rule("violence_now", S, r"\b<VIOLENT_ING> <PERSON> up\b"),
    _rule(
        "violence_now", S, r"\b(?:is|are) (?:throwing|chucking) (?:things|stuff|\w+) at <PERSON>"
    ),
    # Scalding and acid: "he is pouring boiling water on her".
    _rule(
        "violence_now",
        S,
        r"\b(?:is|are) (?:pouring|throwing|chucking) (?:\w+ ){0,2}(?:on|over|at) <PERSON>",
    ),
    _rule("violence_now", S, r"\b(?:is|are|am) trying to <TRY_HARM> <PERSON>"),
    _rule("violence_now", S, r"\bjust <VIOLENT_PAST> <PERSON>"),
    _rule(
        "violence_now", S, r"\b(?:hands?|arms?) (?:round|around|on) <DET> (?:\w+ )?(?:neck|throat)"
    ),
    _rule("violence_ing", W, _ING_NOT_NOW + r"(?<!\bbeen )\b<VIOLENT_ING> <PERSON>"),
    _rule("violence_has", W, r"\b(?:has|have) (?:just |already )?<VIOLENT_PAST> <PERSON>"),
    _rule(
        "violence_has",
        W,
        r"\b(?:has|have|is|are) (?:just )?(?:been )?(?:stabbed|shot)\b(?! in the back by)",
    ),
    # "he's just thrown the telly at the kids" (batch l).
    _rule(
        "violence_has",
        W,
        r"\b(?:has|have) just (?:thrown|chucked|hurled|smashed|swung)(?: \w+){0,3} at <PERSON>",
    ),
    # Said in fragments from a hidden phone: "he has her. upstairs." (batch l).
    _rule(
        "child_taken",
        W,
        r"^(?:he|she|they|dad|mum|my ex) (?:has|has got|have got|has taken|took) "
        r"(?:her|him|them|the baby|the kids|the children)$",
    ),
    # Collected from school by someone who lied about who they are (batch l).
    _rule(
        "child_taken",
        W,
        r"\b(?:collected|picked up|took|taken) (?:my|our|the|her|his) \w+(?: \w+)? "
        r"(?:saying|claiming|pretending|said) (?:they|he|she) (?:were|was|is|are)\b",
    ),
    # Batch m: "he found us" from someone hiding; "pushing past me to take the kids";
    # "he has seen me typing"; "if I go quiet send someone"; "he lock us in room".
    _rule(
        "presence",
        W,
        r"^(?:oh god |oh no |no |help )?(?:he|she|they|my ex|dad|he is here he) "
        r"(?:has |have )?found (?:us|me)\b",
    ),
    _rule(
        "break_in",
        S,
        r"\b(?:is|are) (?:pushing|forcing|barging|shoving) (?:past|his way|her way|their way"
        r"|in|into)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:has|have|just) (?:seen|caught) me (?:typing|on (?:the|my) phone|messaging|texting)"
        r"|\b(?:he|she) saw me (?:typing|on (?:the|my) phone|messaging|texting)\b"
        r"|\bif i (?:go quiet|stop (?:replying|answering|typing)|do not (?:reply|answer))\b",
    ),
    _rule(
        "confined",
        W,
        r"\b(?:he|she|they) (?:lock|locks|locked|has locked|is locking) (?:us|me|them|the kids"
        r"|the children|my \w+) (?:in|inside)\b(?! (?:at night|every|when|if|before)\b)",
    ),
    _rule(
        "child_taken",
        W,
        r"\b(?:grabbed|snatched|took) (?:her|him|them|my \w+|the \w+)(?: \w+){0,3} and "
        r"(?:drove|driven|ran|run|went) off\b",
    ),
    # Small children on their own now (batch m): "just found my grandkids on their own
    # in the flat", "no one picked my little sister up ... stood outside the school".
    _rule(
        "neglect_now",
        W,
        r"\bfound (?:my|the|our|his|her|\w+) (?:\w+ )?<CHILD_NOUN> (?:on (?:their|his|her) own"
        r"|alone|by (?:themselves|himself|herself))\b"
        r"|\b(?:stood|standing|waiting|left) outside (?:the )?school on (?:her|his|their) own\b",
    ),
    # Batch n: "hes found where we live n hes on his way over"; "have to go hes back";
    # "theyve got my lil bro in the car"; a worker's "becoming aggressive towards mum".
    _rule(
        "presence",
        W,
        r"\b(?:he|she|they) (?:has|have) found (?:out )?(?:where we (?:live|are|are staying)"
        r"|our address|us)\b"
        r"|\b(?:is|are) on (?:his|her|their) way (?:over|round|here|to ours|to us|to mine)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:have to|got to|need to|must) (?:go|leave|stop)\W* (?:he|she|they) (?:is|are) "
        r"(?:back|here|home|coming|outside|at the door)\b",
    ),
    _rule(
        "child_taken",
        W,
        r"\b(?:have|has|got|have got|has got) (?:my|our|her|his) (?:\w+ )?<KIN> in (?:the|their|a)"
        r" (?:car|van)\b",
    ),
    _rule(
        "rage_now",
        W,
        r"\b(?:is |are )?becoming (?:aggressive|violent|threatening|abusive)\b"
        r"(?! (?:when|if|after)\b)",
    ),
    # A worker on a visit: "Ambulance needed, securing scene"; "screaming when touched".
    _rule(
        "medical_now",
        S,
        r"\bambulance (?:needed|required|now|asap)\b|\b(?:need|needs) an ambulance (?:now|asap)\b",
    ),
    _rule("medical_now", W, r"\bscreaming when (?:touched|moved|picked up|handled)\b"),
    # Small children with no heat or food and nobody there, now (batch n).
    _rule(
        "neglect_now",
        W,
        r"\bno (?:electric|electricity|heating|heat|gas|food)\b.{0,40}\b(?:is freezing|are freezing"
        r"|starving|is not here|are not here|nobody here|no one here|on (?:my|our|their) own)\b",
    ),
    # Batch o: "if he sees me typing this hes going to"; "I can hear him on the stairs";
    # "hes parked across the road watching the house"; "wrote the notes. goodbye";
    # "my 8 yr old fell through the ice"; "car gone in the canal my boys in the back";
    # "she fall down the stairs. she not talk"; "I'm going to do it tonight"; a bare
    # "quick" or "get here"; "my husband lock the door, not let me and kids go out".
    # Hiding the phone is itself the emergency: "if" here is not a hypothetical.
    _rule(
        "presence",
        S,
        r"\bif (?:he|she|they) (?:sees|see|finds|catches) me (?:typing|on (?:the|my) phone"
        r"|messaging|texting)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:he|she|they) (?:has |have )?found out (?:where (?:we|i) (?:live|are|am|are staying)"
        r"|our address|my address)\b",
    ),
    _rule(
        "help_plea",
        S,
        r"^(?:oh god|oh my god|omg|oh no|no no|please|pls|help)(?: \w+)? (?:the|my) "
        r"(?:baby|babys|kids|son|daughter|boy|girl|child|little one)$",
    ),
    _rule(
        "presence",
        W,
        r"<NOT_PAST>\b(?:can|could) (?:hear|see) (?:him|her|them|my ex|dad|he|she) "
        r"(?:on the stairs|coming up|downstairs|outside|at the (?:door|window)|in the (?:house"
        r"|hall|hallway|garden|kitchen)|trying)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:is|are|has|have) (?:parked|sat|sitting|waiting|standing) "
        r"(?:across the road|outside|over the road|down the road|at the end of the road)\b"
        r".{0,30}\b(?:watching|looking)\b"
        r"|\b(?:is|are) watching (?:the|our|my) (?:house|flat|home|window)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:wrote|written|left|writing) (?:the|my|a|some) (?:notes?|letters?)\b.{0,20}"
        r"\b(?:goodbye|bye|sorry|love you)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"^(?:i am|im) (?:going to|gonna) do it (?:tonight|now|today)\b",
    ),
    _rule(
        "medical_now",
        S,
        r"\bfell (?:through|in|into) (?:the )?(?:ice|lake|river|canal|sea|water|pond|reservoir)\b"
        r"|\b(?:car|van) (?:has )?(?:gone|went|go) (?:in|into) (?:the )?(?:canal|river|lake"
        r"|water|sea)\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:fell|fall|fallen) down the stairs\b.{0,40}\b(?:not|will not|can not|does not)"
        r" (?:talk|talking|move|moving|wake|waking|breathe|breathing|respond|responding)\b"
        r"|\b(?:is|am|are) (?:hurt|bleeding) (?:bad|badly|really bad)\b",
    ),
    _rule(
        "call_police",
        W,
        r"^(?:please |pls )?(?:quick|quickly|hurry|hurry up|get here|come now|come quick"
        r"|send someone|send help)(?: now| please| pls| quick| asap| fast)*$",
    ),
    _rule(
        "confined",
        W,
        r"\b(?:lock|locks|locked) the doors?\b.{0,30}\bnot let (?:me|us|the kids|the children)"
        r"\b.{0,30}\b(?:out|go out|leave)\b",
    ),
    # A goodbye (batch n): "got the rope sorted. this is my last msg".
    _rule(
        "self_harm",
        W,
        r"\bthis is my last (?:message|msg|text|txt)\b|\bgot (?:the|a) rope\b",
    ),
    # One word typed from somewhere it is not safe to say more.
    _rule("weapon_word", W, r"^(?:knife|a knife|gun|a gun|he has a gun|knife knife)$"),
    _rule("violence_past", C, r"\b<VIOLENT_PAST> <PERSON>"),
    _rule(
        "violence_past",
        C,
        r"\b(?:<VIOLENT_PAST>|smashed|threw|thrown)(?: \w+){0,3} (?:over|at|on|into|across|in) "
        r"(?:my|her|his|their|your|the \w+) (?:head|face)\b",
    ),
    _rule(
        "violence_past", C, r"\b(?:put|puts|putting|got|laid) (?:his|her|their) hands on <PERSON>"
    ),
    _rule("shouting_at", C, r"\b(?:shouting|screaming|yelling|swearing|raging) at <PERSON>"),
    _rule(
        "rage_now",
        W,
        r"<NOT_PAST>\b(?:is|are) (?:going (?:mad|mental|crazy|nuts|psycho|ballistic)"
        r"(?! (?:about|over|because|at me for|with worry)\b)"
        r"|kicking off|losing it|raging)\b|\b(?:has|have) lost it\b",
    ),
    _rule(
        "rage_now",
        W,
        r"<NOT_PAST>\bsmashing (?:up )?"
        + r"(?:everything|things|stuff|it all|it|(?:the|our|my|his|her) \w+)\b",
    ),
    _rule(
        "fighting_now",
        W,
        r"<NOT_PAST>\b(?:they|mum and dad|my parents|\w+ and \w+) (?:are|is) "
        r"(?:fighting|having a fight|brawling)\b",
    ),
    _rule("hiding_now", S, r"\b(?:am|are|is) (?:currently )?hiding (?:from|in|under|upstairs)\b"),
    _rule("happening_now", W, r"\b(?:it is|its|this is) happening (?:again|now|right now)\b"),
    _rule("violence_now", W, r"<NOT_PAST>\b(?:is|are) on top of <PERSON>"),
    _rule(
        "violence_now",
        W,
        r"\b(?:pillow|hand|hands|bag|blanket|cushion) (?:over|on) <DET> (?:\w+ )?"
        r"(?:face|mouth|nose)\b",
    ),
    _rule(
        "rage_now",
        W,
        r"\b(?:break|breaks|breaking|smash|smashes|wreck|wrecking|trash|trashing) everything\b",
    ),
    _rule(
        "violence_now",
        S,
        r"<NOT_PAST>\b(?:is|are) (?:smashing|banging|hitting|slamming|bashing|stamping on) "
        r"(?:my|her|his|their|the \w+) head\b",
    ),
    _rule(
        "violence_has",
        W,
        r"\b(?:has|have) (?:just )?been (?:beaten|beaten up|hit|attacked|assaulted|hurt|punched"
        r"|kicked|strangled|raped|taken|snatched|abducted|grabbed)\b",
    ),
    _rule("violence_past", C, r"\bfinish (?:it|me|her|him|us|them|you)\b"),
    _rule(
        "violence_now",
        W,
        r"\b(?:stood|standing|leaning) over (?:the|her|his|my|our) (?:\w+ )?(?:cot|crib|baby)\b",
    ),
    _rule(
        "violence_now",
        W,
        r"\b(?:has|have|got) <PERSON> pinned\b|\bpinned (?:<PERSON> )?(?:against|to|down)\b",
    ),
    _rule(
        "violence_now",
        S,
        r"<NOW_AUX> <VIOLENT_ING> (?:my|her|his|their|your) "
        r"(?:arm|arms|wrist|wrists|neck|throat|hair|head|face|leg|legs|fingers)\b"
        r"(?! (?:to|into)\b)",  # "twisting my arm to come" persuades
    ),
    _rule("violence_ing", C, r"\bbeen <VIOLENT_ING> <PERSON>"),
    _rule("violence_now", W, r"<NOT_PAST>\b(?:is|are) coming at <PERSON>"),
    _rule(
        "violence_now",
        S,
        r"\bjust <VIOLENT_PAST> (?:my|her|his|their|your) "
        r"(?:arm|arms|hand|hands|face|leg|legs|head|neck|back|chest)\b",
    ),
    # -- threats and children taken ----------------------------------------------
    _rule("threat_now", W, r"\b(?:is|are|am) (?:going to|about to) <KILL> <PERSON>"),
    # A threat in the progressive is being made now, whatever "if" follows it.
    _rule(
        "threat_now",
        S,
        r"\b(?:is|are|am) threatening to "
        r"(?:<THREAT_VERB>|jump|set fire|throw|pour|drown|shake)\b",
    ),
    # "threatening to leave" or "to report me" is not danger; threats of harm
    # are the STRONG rule above.
    _rule("threat_now", W, r"\b(?:is|are|am) threatening <PERSON>"),
    _rule("threat_now", W, r"\bthreatening to (?:take|snatch|run off with) <CHILD>"),
    _rule(
        "threat_now",
        C,
        r"\b(?:threatened|threatens|said|says|saying|told|texted|text|messaged|going to|will"
        r"|would) (?:to |that )?(?:he |she |they )?(?:will |would |is going to )?<THREAT_VERB>\b",
    ),
    _rule(
        "coming_for_children",
        W,
        r"\b(?:coming|come|comes|on (?:his|her|their|the) way)"
        r"(?: (?:round|over|here|back|up|down))?(?: \w+)? (?:to|and) "
        r"(?:take|get|snatch|grab|kill|hurt|collect) <PERSON>"
        # Contact handovers are arranged, not threatened.
        r"(?! (?:for (?:the weekend|contact|tea|the night|a sleepover|school)|from school"
        r"|as agreed|as arranged|to school)\b)",
    ),
    _rule(
        "taking_children",
        S,
        r"\b(?:is|are) trying to (?:take|snatch|grab|get|drag|pull|bundle|force) <PERSON>",
    ),
    _rule(
        "taking_children",
        S,
        r"\b(?:taken|took|snatched|grabbed) <CHILD>(?: \w+){0,3} (?:and )?"
        r"(?:will not|refuses to|is not|not) (?:say|tell|bring|give|answer|let)\b",
    ),
    _rule("taking_children", C, r"\b(?:taken|took|snatched|grabbed|drove off with) <CHILD>"),
    _rule("has_children", W, r"<NOT_BEFORE>\b(?:has|have|is|are) got <CHILD>"),
    _rule(
        "drink_drive",
        C,
        r"\b(?:<INTOX>|been drinking|drinking)(?: \w+){0,8} "
        r"(?:driving|drove|driven|drive|in the car)\b",
    ),
    _rule("drink_drive", C, r"\b(?:driving|drove|drive)(?: \w+){0,8} (?:<INTOX>|been drinking)\b"),
    _rule("carer_intoxicated", C, r"\b<INTOX>(?: \w+){0,8} <CHILD_NP><CHILD_ELSEWHERE>"),
    _rule("carer_intoxicated", W, r"\b(?:is|are) <INTOX>(?: \w+){0,8} <CHILD_NP><CHILD_ELSEWHERE>"),
    _rule(
        "threat_now",
        W,
        r"<NOT_PAST>\b(?:shouting|screaming|yelling|saying|says) (?:that )?(?:he|she|they) "
        r"(?:will|is going to|are going to) <THREAT_VERB>\b",
    ),
    _rule(
        "threat_now",
        W,
        r"\b(?:scared|afraid|frightened|terrified) (?:that )?(?:he|she|they|xname|my \w+) "
        r"(?:will |is going to |going to |might |could )?(?:kill|murder|stab|hurt|hit|shoot)\b",
    ),
    _rule(
        "dangerous_driving",
        W,
        r"\b(?:trying to|going to|threatening to|about to) (?:crash|drive into|drive off a)\b"
        r"|\bdriving like a (?:maniac|lunatic|madman|nutter|idiot)\b",
    ),
    _rule(
        "taking_children",
        W,
        r"\b(?:someone|somebody|a man|a woman|a stranger|they) (?:has |have )?"
        r"(?:taken|took|snatched|grabbed) <CHILD>",
    ),
    _rule(
        "threat_now",
        W,
        r"\b(?:said|says|saying|told me|texted|messaged) (?:that )?(?:he|she|they) "
        r"(?:will|is going to|are going to) (?:kill|murder|stab|shoot)\b",
    ),
    _rule("threat_now", W, r"\bknows where (?:we|i) (?:are|am|live|are staying)\b"),
    _rule("threat_now", C, r"\b(?:is going to|going to|will|about to) do something\b"),
    _rule(
        "taking_children",
        W,
        r"\b(?:has|have) (?:just )?(?:driven|drove|gone|run|ran) off with <CHILD>",
    ),
    # -- weapons present ---------------------------------------------------------
    _rule("weapon_now", S, r"<NOT_BEFORE>\bgot <WEAPON_DET><WEAPON_ITSELF>\b<NOT_LICENCE>"),
    _rule(
        "weapon_now",
        S,
        r"<NOT_PAST>\b(?:holding|waving|pointing|brandishing|swinging|wielding|sharpening) "
        r"<WEAPON_DET><WEAPON>\b",
    ),
    _rule(
        "weapon_now",
        S,
        r"<NOW_AUX> holding <WEAPON_DET><WEAPON> (?:to|at|against|on) <DET> ",
    ),
    _rule(
        "weapon_now",
        W,
        r"\b<WEAPON> (?:to|at|against|on) <DET> (?:\w+ )?(?:throat|neck|head|face|chest|back)\b",
    ),
    _rule("weapon_now", S, r"\b<WEAPON> (?:out|in (?:his|her|their) hands?)\b"),
    _rule(
        "weapon_now",
        S,
        r"\b(?:is|are) (?:waving|pointing|swinging) (?:it|that) (?:about|around|at)\b",
    ),
    _rule(
        "weapon_present",
        W,
        r"<NOT_BEFORE>\b(?:has|have|had got|is carrying|are carrying|there is) "
        r"(?:a|an|his|her|the|my|their) (?:(?:big|sharp|kitchen) )?<WEAPON_ITSELF>\b<NOT_LICENCE>",
    ),
    _rule("weapon_present", W, r"\bwith <WEAPON_DET><WEAPON>\b"),
    _rule(
        "weapon_present",
        W,
        r"<NOT_BEFORE>\b(?:he|she|they|xname) (?:have|has|got) (?:a |an )?"
        r"<WEAPON_ITSELF>\b<NOT_LICENCE>",
    ),
    # -- child alone -------------------------------------------------------------
    _rule(
        "child_alone",
        W,
        r"(?<!\bstop )(?<!\bstops )(?<!\bstopped )\b(?:left|leave|leaves|leaving) <CHILD>"
        r"(?: (?:and|on) <CHILD>)?(?: \w+){0,2} <OWN>\b",
    ),
    _rule("child_alone", W, r"\bleft <OWN>\b"),
    _rule(
        "child_alone",
        W,
        r"\b(?:kids|children|child|baby|babies|toddler|twins|little ones?|brother|sister|son"
        r"|daughter) (?:is|are) <OWN>\b",
    ),
    _rule("child_alone", W, r"\bhome alone\b"),
    # A child nobody collected: "nobody has come to get me from school".
    _rule(
        "child_alone",
        W,
        r"\b(?:nobody|no one|noone) (?:has )?(?:come|came|turned up|picked (?:me|us|him|her) up"
        r"|collected)\b",
    ),
    _rule("child_alone", W, r"\b(?:gone|went|go|goes) out and left <CHILD>"),
    _rule(
        "child_alone",
        W,
        r"\b(?:i am|we are) (?:[0-9]|1[0-5]|six|seven|eight|nine|ten|eleven|twelve)\b"
        r"(?: \w+){0,4} (?:on (?:my|our) own|alone|by (?:myself|ourselves))\b",
    ),
    # A child's voice: "mum went to the pub and we have been on our own".
    _rule(
        "child_alone",
        W,
        r"\b(?:mum|dad|mummy|daddy|nan|my parents)(?: \w+){0,10} (?:we|i) (?:are|am|have been) "
        r"(?:on (?:our|my) own|alone|home alone|by (?:ourselves|myself))\b",
    ),
    _rule(
        "child_alone",
        W,
        r"\bno (?:adults?|grown ups?|grownups|parents?) "
        r"(?:here|at home|in the house|with us|home)\b"
        r"|\b(?:mum|dad|mummy|daddy|my parents|nan) (?:went|has gone|have gone) out"
        r"(?: \w+){0,3} (?:hours|ages) ago\b",
    ),
    _rule(
        "child_alone",
        W,
        r"\b(?:has|have|is|are) been left (?:in|at) (?:the|a|her|his|their) "
        r"(?:flat|house|car|home)\b",
    ),
    _rule("child_alone", W, r"\blocked (?:out|us out|me out|them out)\b"),
    _rule("child_alone", W, r"\b(?:<CHILD_NOUN>|<AGE>) (?:is|are)(?: \w+){1,4} <OWN>\b"),
    _rule("child_alone", W, r"\b(?:mum|dad|mummy|daddy|my parents|nan) (?:has|have) been gone\b"),
    # -- child missing -----------------------------------------------------------
    _rule("child_missing", W, r"\b(?:can not|could not) find <CHILD>"),
    _rule("child_missing", W, r"\b(?:can not|could not) see <CHILD>(?: \w+)? anywhere\b"),
    _rule("child_missing", W, r"\bwandered (?:off|away)\b"),
    _rule(
        "child_missing",
        W,
        r"\b(?:not been seen|nobody has seen|no one has seen|nobody has heard from"
        r"|no one has heard from)\b",
    ),
    _rule(
        "child_missing",
        W,
        r"\b(?:is|are|has gone|have gone|gone|went|has been|have been) missing\b<MISSING_NOT>",
    ),
    _rule(
        "child_missing",
        W,
        r"\b(?:has not|have not|not|never) (?:come|came|been|got) (?:home|back)\b",
    ),
    _rule(
        "child_missing",
        W,
        r"(?<!\bkeeps )(?<!\bkeep )\b(?:has |have |is |are |just )?(?:run|ran) (?:away|off)\b",
    ),
    _rule("child_missing", W, r"\b(?:has|have|is|are) (?:disappeared|vanished)\b"),
    _rule(
        "child_missing",
        W,
        r"\b(?:do not|does not) know where (?:<CHILD>|he|she|they) (?:is|are|has gone|went)\b"
        r"(?! (?:living|staying|working|moved|now living)\b)",
    ),
    _rule(
        "child_missing",
        W,
        r"\b<CHILD_NOUN> (?:is|are) (?:gone from|not in) (?:his|her|their|its|the) "
        r"(?:bed|beds|cot|room|rooms|pram|buggy)\b",
    ),
    _rule(
        "child_missing",
        W,
        r"\b(?:is|are) not (?:back|home)\b"
        r"(?! (?:living|with|together|in touch|at work|at school)\b)",
    ),
    _rule(
        "child_missing",
        W,
        r"\bdid not (?:come|get) (?:home|back)\b"
        r"|\b(?:have|has|i|we) lost (?:xname|<DET>(?: <MOD>){0,2} (?:<CHILD_NOUN>|<AGE>))\b",
    ),
    _rule(
        "child_missing",
        W,
        r"\b(?:ran|run|has run|wandered) out "
        r"(?:of the (?:house|flat|shop|park)|the door|into the road)\b",
    ),
    _rule(
        "child_missing",
        W,
        r"\b(?:nobody|no one|noone) knows where (?:he|she|they|<CHILD>) (?:is|are)\b"
        r"|\bnever (?:arrived|turned up|got there|made it)\b",
    ),
    # -- overdose, self-harm, medical emergency ----------------------------------
    _rule(
        "overdose_now",
        W,
        r"\b(?:swallowed|drunk|drank|eaten|ate)(?: \w+){0,8} <PILLS>\b",
    ),
    # Taking tablets is ordinary ("she stopped taking her tablets"); taking a
    # quantity, or someone else's, is not.
    _rule(
        "overdose_now",
        W,
        r"\b(?:taken|took|taking|had|take)(?: \w+){0,4} "
        r"(?:all|loads|load|lots|lot|handful|packet|packets|box|boxes|bottle|whole|too many"
        r"|[0-9]+|some of|mums|dads|nans)(?: \w+){0,6} <PILLS>\b"
        r"|\b(?:taken|took|had|take) (?:an |a |another )?(?:\w+ )?(?:overdose|od)\b",
    ),
    _rule(
        "overdose_now",
        W,
        r"\btake (?:all|a load|loads|lots|a handful|the lot|the whole|[0-9]+)(?: \w+){0,3} "
        r"<PILLS>\b",
    ),
    _rule("overdose_now", W, r"\boverdos(?:ed|ing)\b"),
    _rule(
        "self_harm_now",
        S,
        r"\b(?:is|are|am) (?:cutting|hurting|harming|burning|strangling|hanging) <REFLEXIVE>\b",
    ),
    _rule("self_harm_now", S, r"\b(?:is|are|am) self harming\b"),
    # Plain "hurt himself" is most often an accident, so "hurt/cut" need intent.
    _rule("self_harm", W, r"\b(?:kill|killing|harm|hang|hanging|stab|drown|end) <REFLEXIVE>\b"),
    _rule("self_harm", W, r"\b(?:to|will|is going to|keeps) (?:hurt|cut|burn) <REFLEXIVE>\b"),
    _rule("self_harm", W, r"\b(?:slit|slashed|cut) (?:my|his|her|their) (?:wrists?|throat)\b"),
    _rule(
        "self_harm",
        W,
        r"\b(?:end|ends|ending) (?:it all|my life|his life|her life|their life|it)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:want|wants|wanted|going|ready) to die\b(?! of\b)|\bsuicid(?:e|al)\b",
    ),
    _rule("self_harm", W, r"\b(?:threatening|going|about|trying|want|wants) to jump\b"),
    _rule("self_harm", W, r"\bjump (?:off|in front|out of|from)\b|\bself harm(?:ing|ed)?\b"),
    _rule(
        "medical_now",
        S,
        r"\b(?:is not|are not|not|no longer) breathing\b"
        r"(?! (?:through (?:his|her|their|the|my) (?:nose|mouth)|properly through)\b)"
        r"|\bcan not breathe\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\bstopped breathing\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:could not|can not|struggling to) breathe\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:unconscious|unresponsive|passed out|collapsed|turning blue|gone blue|going blue"
        r"|having a fit|fitting|floppy|not responding|stopped moving)\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:is|are) not (?:moving|responding|waking up)\b"
        r"|\bthink (?:he|she|they) (?:is|are) dead\b",
    ),
    _rule("medical_now", W, r"\b(?:will not|can not|would not|does not) wake (?:up|<PERSON>)"),
    # Batch m, as typed in a hurry or in a second language: "she not wake up", "her
    # lips are purple", "she have fit on floor shaking and foam".
    _rule(
        "medical_now",
        W,
        r"\b(?:she|he|they|baby|it) (?:is )?not (?:wake|waking|wakes) up\b"
        r"|\blips (?:are|is|have gone|gone|going|turned|turning) (?:blue|purple|grey|gray)\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:she|he|they|baby|it) (?:have|has|having|is having) (?:a )?(?:fit|seizure)\b"
        r"(?! (?:last|yesterday|before|when|if|once|every|at night|in the past)\b)"
        r"|\bfoam(?:ing)? (?:at|from) (?:the|his|her) mouth\b|\bshaking (?:and|an) foam",
    ),
    # A goodbye note: "tonight's the night, tell my kids i love them" (batch m).
    _rule(
        "self_harm",
        W,
        r"\btell (?:my|the) (?:<CHILD_NOUN>|kids|children|family|mum|dad) (?:that )?i love "
        r"(?:them|him|her|you)\b(?! (?:every|each|all the time|when)\b)"
        r"|\btonight is the night\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:is|are) bleeding\b|\b(?:there is|so much|loads of|a lot of|covered in) blood\b"
        r"|\bblood everywhere\b",
    ),
    _rule("medical_now", W, r"\b(?:has|have|just) swallowed\b"),
    _rule(
        "medical_now",
        W,
        r"\b(?:hit|knocked (?:over|down)|run over) by a (?:car|bus|van|lorry|train|vehicle)\b"
        r"|\b(?:is|are) not crying\b(?! (?:as|so|much)\b)",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:is|are|am) (?:on|at) (?:the )?(?:train tracks|railway|railway line|roof|bridge"
        r"|cliff|ledge|edge of)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\bgoodbye (?:message|note|text|letter)\b|\b(?:note|message|text|letter) saying goodbye\b"
        r"|\b(?:do not|does not|not) want to (?:be alive|live|be here)(?: anymore| any more)?\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\b(?:will not|can not|does not) stop bleeding\b|\b(?:gone|is|went|going) limp\b"
        r"|\bseizure\b|\b(?:is|are) not waking\b",
    ),
    # Despair with no method named ("cant do this anymore"): weak, so the meaning
    # model and the question decide between 999 and the check; never silence.
    _rule(
        "self_harm",
        W,
        r"\bcan not (?:do this|do it|go on|cope|carry on|take (?:it|this)|live like this)"
        r" (?:anymore|any more|any longer)\b",
    ),
    # Goodbye letters left for the children, or a car engine running in a closed
    # garage: a suicide in progress described without the word.
    _rule(
        "self_harm",
        W,
        r"\b(?:left|put|written|wrote|leaving) (?:some |a )?(?:letters?|notes?) for "
        r"(?:the|my|our) (?:kids|children|boys|girls|family|babies)\b"
        r"|\bgarage with the engine running\b|\bengine running in the garage\b",
    ),
    # A floppy baby, or grunting with each breath: the signs of a seriously ill
    # infant that health visitors are taught, in a worker's note or a parent's words.
    _rule(
        "medical_now",
        S,
        r"\bgrunting (?:when|while|with (?:every|each)) (?:breathing|breath|she breathes"
        r"|he breathes)\b"
        r"|\b(?:baby|newborn|[0-9]+ ?(?:wk|wks|week|weeks|day|days|month|months) old)"
        r"(?: is| seems| very| really| so){0,2} (?:floppy|limp)\b",
    ),
    # A fit happening as the person types ("she's having a fit", "he is seizing"):
    # happening now in its own words, whatever came before it.
    _rule(
        "medical_now",
        S,
        r"\b(?:is|are) (?:having|in the middle of) (?:a |another )?(?:fit|seizure|convulsion)\b"
        r"|\b(?:is|are) (?:fitting|seizing|convulsing)\b",
    ),
    # A child held over a drop, or a dog attacking a child: happening as typed.
    _rule(
        "violence_now",
        S,
        r"\b(?:holding|dangling|hanging) "
        r"(?:<PERSON>|<CHILD>|(?:the |my |her |his )?(?:infant|baby|toddler)) "
        r"(?:over|out of|off) (?:the |a )?(?:balcony|edge|rail|railing|railings|bridge"
        r"|window|banister|stairs)\b",
    ),
    _rule(
        "violence_now",
        W,
        r"\bdogs? (?:has |have |is |are )?(?:got hold of|attacking|mauling|biting|latched on"
        r"|savaging|gone for|went for)\b",
    ),
    # A ligature made ready: suicide about to happen, said without the word.
    _rule(
        "self_harm",
        S,
        r"\b(?:the )?(?:rope|noose|ligature) is (?:ready|up|tied|set up|in place)\b"
        r"|\b(?:i|he|she) (?:have|has) (?:made|tied|got|put up) (?:a|the) (?:noose|ligature)\b",
    ),
    # A baby or child who cannot be woken, or a rash that does not fade under a
    # glass (the meningitis test parents are taught): plain words for an emergency.
    _rule(
        "medical_now",
        W,
        r"\b(?:will not|can not|does not|is not) wak(?:e|ing)(?: up)? properly\b"
        r"|\bcan not wake (?:him|her|them|the baby|my baby)\b"
        r"|\brash (?:that )?(?:does not|will not|did not) (?:go|fade)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:rope|belt|cord|ligature|scarf|tie|wire) (?:round|around) "
        r"(?:my|his|her|their) neck\b|\bligature\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:standing|stood|sitting|sat) on (?:the )?(?:edge of )?(?:the )?"
        r"(?:bridge|roof|ledge|cliff|railway|train tracks|balcony)\b",
    ),
    # "I'm stood on the edge, the kids are better off without me" (batch q): on an
    # edge as they type, whatever edge it is.
    _rule(
        "self_harm",
        S,
        r"\b(?:i am|we are) (?:standing|stood|sitting|sat) on (?:the|an|a) edge\b"
        r"(?! of (?:my|the) seat)",
    ),
    _rule("self_harm", W, r"\b(?:better off|better) without (?:me|us)\b"),
    _rule(
        "overdose_now",
        W,
        r"\b(?:going to|about to|will) (?:overdose|take an overdose|take a overdose)\b",
    ),
    _rule(
        "medical_now",
        W,
        r"\bchoking on\b(?! (?:his|her|their|my) words\b)"
        r"|\bskin (?:is )?(?:peeling|blistering|coming off)\b",
    ),
    _rule("medical_now", W, r"\bbadly (?:burnt|burned)\b|\b(?:burnt|burned) (?:himself|herself)\b"),
    _rule(
        "self_harm_now",
        S,
        r"\b(?:is|are|am) (?:cutting|slashing|burning) (?:my|his|her|their) "
        r"(?:arms?|wrists?|legs?|thighs?|skin)\b",
    ),
    _rule("medical_now", W, r"\b(?:is|are) lying on the floor\b"),
    # "really sleepy and won't stay awake" (batch l, a toddler who drank methadone).
    _rule(
        "medical_now",
        W,
        r"\b(?:will not|can not|cannot) (?:stay awake|keep (?:his|her|their) eyes open)\b",
    ),
    # "toddler found my methadone and drank some" (batch l).
    _rule(
        "overdose_now",
        W,
        r"\b(?:found|got into|got hold of) (?:my|his|her|their|the|mums|dads|nans)(?: \w+)? "
        r"<PILLS>(?: \w+){0,2} and (?:drank|drunk|swallowed|ate|eaten|took|taken|had)\b",
    ),
    # "come quick" on its own: a plea to whoever reads it (batch l).
    _rule(
        "plea_now",
        W,
        r"^(?:please |pls )?(?:come|get here|come round|come over|send someone) "
        r"(?:quick|quickly|now|fast|asap|please)\b",
    ),
    _rule(
        "overdose_now",
        W,
        r"\b(?:drunk|drank|swallowed|eaten|ate)(?: \w+){0,3} "
        r"(?:washing liquid|bleach|detergent|washing (?:tablets?|capsules?|pods?)|capsules?"
        r"|pods?|batter(?:y|ies)|magnets?|cleaning \w+|white spirit|antifreeze|chemicals?)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\bthrow (?:<REFLEXIVE>) (?:in front|off|out|from|under)\b",
    ),
    _rule(
        "overdose_now",
        W,
        r"\b(?:going to|about to) (?:take|swallow) (?:them all|all of them|the lot|them)\b"
        r"(?! (?:to|out|home|with|for|round|back|swimming|shopping|into|in|on)\b)",
    ),
    # -- break-in, unwanted presence, trapped ------------------------------------
    _rule(
        "break_in",
        S,
        r"\btrying to (?:break|get|climb|force (?:his|her|their|the) way"
        r"|smash (?:his|her|their|the) way) (?:in|into|through)\b",
    ),
    _rule(
        "break_in", S, r"<NOT_PAST>\b(?:is|are) (?:breaking|climbing|getting) (?:in|into|through)\b"
    ),
    _rule("break_in", S, r"\b(?:is|are) <BANG> (?:on |at |down |in )?<DET> <DOOR>\b"),
    _rule(
        "break_in",
        S,
        r"\b(?:kicking|smashing|booting) (?:the|my|our) (?:front |back )?door (?:in|down)\b",
    ),
    _rule("break_in", W, r"\b(?:will not|refuses to) (?:go away|leave|go)\b"),
    _rule(
        "presence",
        W,
        r"\b(?:he|she|they|ex|xname|dad|stepdad|partner|boyfriend|husband|father|man) "
        r"(?:is|are) (?:at|outside|in) (?:the|my|our|her|his) (?:front |back )?"
        r"(?:door|house|window|flat|home|garden|school)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:is|are) (?:stood|standing|waiting|sat|sitting|parked|hanging around|lurking) "
        r"(?:outside|at the door|in the garden)\b",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:he|she|they|my ex|xname) (?:is|are) (?:here|outside)\b"
        r"(?! (?:with|to help|helping|for contact|for the meeting|too|as well)\b)",
    ),
    _rule(
        "presence",
        W,
        r"\b(?:turned up|turning up|is here|are here)\b(?: \w+){0,6} "
        + _alt(
            """
            injunction bail non_molestation restraining_order court_order not_allowed
            not_meant not_supposed
            """
        )
        + r"\b",
    ),
    _rule(
        "trapped",
        W,
        r"\b(?:will not|would not|refuses to) let (?:me|us|her|him|them|the kids|the children)"
        r"(?: \w+)? (?:out|leave|go|get out|eat|sleep|drink)\b"
        r"|\bwill not let go\b(?! of (?:the past|it|that|things|his|her)\b)",
    ),
    # People locked in, not "keeps them locked in a cabinet".
    _rule("trapped", W, r"\b(?:am|are|is|been|got) (?:locked|trapped) (?:in|inside)\b"),
    _rule("trapped", C, r"\b(?:locked|trapped) <PERSON> (?:in|inside)\b"),
    _rule(
        "trapped",
        W,
        r"\b(?:can not|could not) get "
        r"(?:the kids |the children |the baby |them |him |her |us |out|away)",
    ),
    _rule("trapped", W, r"\b(?:locked|barricaded) (?:<REFLEXIVE>|<PERSON>) (?:in|inside)\b"),
    # Police or a worker at a siege: "male barricaded in property with 2 children".
    _rule(
        "trapped",
        S,
        r"\bbarricaded(?: \w+){0,4} with (?:(?:the|his|her|their|my|[0-9]+|two|three|four) )?"
        r"(?:<CHILD>|kids|children)\b",
    ),
    _rule(
        "threat_now",
        S,
        r"\b(?:is |are )?threatening to (?:harm|hurt|kill|stab) (?:<REFLEXIVE>) and "
        r"(?:them|the (?:kids|children|baby)|<CHILD>)\b",
    ),
    # Someone at the window or in the garden, watching the children now.
    _rule(
        "intruder",
        S,
        r"\bthere (?:is|are) (?:a |some |two |2 )?(?:man|men|bloke|guy|stranger|strangers|someone"
        r"|somebody|person|people)(?: \w+){0,2} (?:in|at|outside|by) (?:the|our|my) "
        r"(?:\w+ )?(?:garden|yard|window|windows|back door|front door)\b"
        r"(?: \w+){0,3} (?:looking|staring|peering|trying)\b",
    ),
    # A baby making a strange noise is a medical question for 999 or 111 now.
    _rule(
        "medical_now",
        W,
        r"\b(?:is|are) making (?:a |this |that |these |funny |weird )?(?:weird|funny|strange"
        r"|horrible|gurgling|grunting|rattling|wheezing|choking)? ?(?:noise|noises|sound|sounds)\b",
    ),
    _rule(
        "break_in",
        S,
        r"\btrying to (?:kick|smash|break|bash|force|boot) (?:in |down )?(?:the |my |our )?"
        r"(?:front |back )?(?:door|window)\b",
    ),
    _rule(
        "break_in",
        W,
        r"\b(?:has|have) (?:just )?(?:broken in|broke in|got in)\b|\bbroke in\b(?! to)"
        r"|\b(?:he|she|they|someone|somebody|xname) (?:is|are) inside\b",
    ),
    _rule(
        "break_in",
        W,
        r"\bclimbing (?:over|through|up) (?:the |our |my )?(?:fence|wall|gate|window|balcony)\b",
    ),
    _rule(
        "break_in", S, r"\btrying (?:the|our|my) (?:front |back )?(?:door|door handle|windows?)\b"
    ),
    _rule(
        "break_in",
        W,
        r"\b(?:door|window|lock) (?:has|have|is) (?:been )?(?:forced|smashed|kicked in|broken)\b"
        r"|\b(?:someone|somebody|a man|a stranger|an intruder|strangers|men) (?:is|are) "
        r"(?:downstairs|upstairs|in the house|in the garden|inside)\b",
    ),
    _rule(
        "trapped", W, r"\b(?:has|have) (?:just )?locked <PERSON>(?: and <PERSON>)? (?:in|inside)\b"
    ),
    _rule(
        "trapped",
        W,
        r"\b(?:has|have) locked (?:the|all the) (?:front |back )?doors?\b"
        r"|\b(?:says|said) (?:we|i) (?:are|am) not (?:leaving|going anywhere)\b",
    ),
    _rule(
        "break_in",
        W,
        r"\b(?:he|she|they|xname) (?:is|are) coming (?:upstairs|up the stairs|in|for <PERSON>"
        r"|after <PERSON>)",
    ),
    # -- fire --------------------------------------------------------------------
    _rule(
        "fire_now", S, r"\b(?:is|are|has|have) (?:on fire|caught fire|set on fire|burning down)\b"
    ),
    _rule("fire_now", S, r"\b(?:is|are) (?:in flames|ablaze|alight)\b"),
    _rule("fire_now", S, r"\b(?:there is|is|are) (?:a )?fire (?:in|at|upstairs|downstairs)\b"),
    # "there's a fire and the kids are upstairs": weak, so "there was a fire" history
    # words still calm it, but a fire that *is* there is never left to the model alone.
    _rule(
        "fire_now",
        W,
        r"\bthere is (?:a )?fire\b(?! "
        + _alt("alarm door escape drill safety risk brigade service engine fighters fighter")
        + r"\b)",
    ),
    _rule(
        "fire_now",
        S,
        r"^fire\b(?! "
        + _alt("brigade service alarm engine fighters fighter door escape safety risk drill")
        + r"\b)",
    ),
    _rule("fire_now", S, r"\bfull of smoke\b|\bsmoke (?:is )?(?:coming|pouring|everywhere)\b"),
    _rule("fire_now", S, r"\b(?:is|are) setting (?:fire|the \w+ on fire|\w+ on fire|alight)\b"),
    _rule(
        "fire_now",
        W,
        r"\b(?:poured|pouring|pours|spread|spreading|splashed) "
        r"(?:petrol|lighter fluid|fuel|paraffin|diesel|white spirit)\b",
    ),
    _rule(
        "fire_threat", C, r"\b(?:set|sets|setting) fire to\b|\bburn (?:the|our|my|us|them|down)\b"
    ),
    _rule("fire_now", S, r"\bfilling (?:up )?with smoke\b"),
    # Batch n: a strong smell of gas with children in the house.
    _rule(
        "fire_now",
        W,
        r"\b(?:strong |very strong |really strong )?(?:smell|smells|smelling|stink|stinks) of gas\b"
        r"|\bgas leak(?:ing)?\b(?! (?:last|before|when|in the past)\b)",
    ),
    _rule(
        "fire_now", W, r"\b(?:has|have) (?:just )?set (?:the |my |our )?\w+ (?:alight|on fire)\b"
    ),
    _rule("fire_threat", C, r"\btorch (?:the|our|my|us|them|it)\b"),
    _rule(
        "fire_now",
        W,
        r"\b(?:has|have|is) (?:just )?(?:lit|started|set) a fire (?:in|on)\b",
    ),
    _rule("fire_now", S, r"\bflames (?:are )?(?:coming|pouring|everywhere|shooting)\b"),
    # -- scared to go home -------------------------------------------------------
    _rule(
        "scared_to_go_home",
        W,
        r"<NOT_PAST>(?<!\bused to be )\b(?:scared|afraid|frightened|terrified|petrified) "
        r"(?:to go|of going|to be|to return|to get) (?:back )?home\b",
    ),
    _rule(
        "scared_to_go_home",
        W,
        r"\b(?:do not|does not|did not|not) (?:want|want to|wanna) (?:to )?"
        r"(?:go|be going|get|return) (?:back )?(?:home|there)\b",
    ),
    _rule("scared_to_go_home", W, r"\b(?:can not|could not) go (?:back )?home\b"),
    _rule(
        "scared_to_go_home",
        W,
        r"\b(?:do not|please do not) (?:make|send) (?:me|us) (?:go )?(?:back )?(?:home|there|to)\b",
    ),
    _rule(
        "scared_to_go_home",
        W,
        r"\b(?:am|is|are) not going (?:back )?home\b"
        r"|<NOT_PAST>\b(?:scared|afraid|frightened|terrified) (?:to go|of going) back\b",
    ),
    _rule(
        "scared_to_go_home",
        S,
        r"\bif (?:i|we) (?:come|go|get) (?:back )?home\b(?: \w+){0,4} "
        r"(?:will|is going to|going to) (?:kill|hurt|hit|beat|batter|stab) (?:me|us)\b",
    ),
    # -- asking for help now -----------------------------------------------------
    _rule(
        "call_police",
        S,
        r"(?:^|\b(?:please|can you|can someone|can somebody|could you|could someone|someone"
        r"|somebody|help|now|just|need to|need you to|you need to)\b ?)(?<!\bwill )(?<!\bto )"
        r"(?:call|ring|phone|get|send)(?: for)? (?:the )?"
        r"(?:police|999|ambulance|an ambulance|help|someone|somebody)\b"
        r"(?! (?:if|when|whenever|next time|in future)\b)",
    ),
    _rule(
        "call_police",
        S,
        r"\bneed (?:the )?(?:police|an ambulance|ambulance|help) "
        r"(?:now|here|quick|quickly|urgently|asap|please|right now)\b",
    ),
    _rule(
        "call_police",
        S,
        r"\b(?:someone|somebody|you|police) (?:needs to|need to|has to|have to|must) come"
        r"(?: \w+)? (?:now|quick|quickly|asap|right now|urgently)\b"
        r"|\bneed (?:someone|somebody|you) (?:here|to come) (?:now|quick|asap|right now)\b",
    ),
    _rule("help_plea", W, r"<PLEA>"),
    # The whole message a plea, in any words that came out as "help" ("help help",
    # "pomocy pomocy", "i caawi please", "bachao please come": batch n): never let
    # through, whatever the meaning model says.
    _rule(
        "help_plea",
        S,
        r"^(?:i |please |pls |oh god )?help(?: help)*(?: me| us)?"
        r"(?: please| pls| now| quick| quickly| come| someone| por favor)*$",
    ),
    _rule(
        "call_police",
        S,
        r"\bplease (?:can )?(?:someone|somebody) come\b"
        r"|\b(?:someone|somebody) come (?:quick|now|please|asap|help)\b",
    ),
    _rule(
        "call_police",
        S,
        r"<NOT_BEFORE>(?<!\bdo not )(?<!\bdoes not )(?<!\bdid not )"
        r"\bneed (?:an ambulance|the police|police)\b",
    ),
    _rule("in_danger", W, r"\b(?:do not|does not|not) feel safe\b"),
    # Not "in danger of losing the house" or "not safe to leave them with him",
    # which judge risk rather than report it.
    _rule(
        "in_danger",
        W,
        # Not "no one is in danger, I have the children under the SGO" (batch r).
        r"(?<!\bno one )(?<!\bnobody )(?<!\bnoone )(?<!\bnone of us )"
        r"\b(?:i am|we are|is|are|am) (?:in danger|not safe|unsafe)\b"
        r"(?! (?:of|to|with|around|for|when|if|unless)\b)",
    ),
    _rule("in_danger", W, r"^(?:not safe|in danger)\b"),
    # -- batch r (scored blind 2026-12-07): what it found nothing for ------------
    # A police note: "Suspect made off on foot with 4yo, believed armed".
    _rule(
        "taking_children",
        W,
        r"\b(?:made off|ran off|run off|drove off|driven off|fled|left|gone off|went off)"
        r"(?: on foot| in (?:a|the|his|her) (?:car|van|taxi))? with (?:<DET> )?(?:<MOD> )?"
        r"(?:<AGE>|<CHILD_NOUN>)\b",
    ),
    _rule("weapon_now", W, r"\b(?:believed|thought|reported|known) (?:to be )?armed\b"),
    _rule("weapon_now", W, r"\b(?:he|she|they|suspect|male|female) (?:is|are) armed\b"),
    # Told just now, with the man still there: "I've just been sexually assaulted by my
    # uncle, he's still in the house". Told as history it is a worry, so only with now.
    _rule(
        "sexual_assault",
        C,
        r"\b(?:sexually assaulted|raped|molested|sexually abused|indecently assaulted)\b",
    ),
    # Someone at the door asking a child to come to his flat, now (grooming).
    _rule(
        "grooming",
        C,
        r"\b(?:come|go|going) (?:up |round |over |down |back )?to (?:his|their) "
        r"(?:flat|house|place|car|van|room)\b",
    ),
    # A girl to be taken abroad to be cut or married: an FGM or forced marriage
    # protection order is a call to the police now, days before she goes.
    _rule(
        "taken_abroad",
        W,
        r"\b(?:taken|taking (?:me|her|us|them)|take (?:me|her|us|them)|flying (?:me|her)"
        r"|sending (?:me|her)|send (?:me|her)|fly (?:me|her))(?: \w+){0,3} "
        r"(?:to|back to|abroad|overseas|home to)\b(?: \w+){0,25} "
        r"(?:cut|fgm|circumcised|circumcision|married|marry|marriage|wedding)\b",
    ),
    _rule(
        "taken_abroad",
        S,
        r"\b(?:cut|fgm|circumcised|married|marry)\b(?: \w+){0,25} "
        r"(?:on (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday)|tomorrow|tonight"
        r"|this weekend|in (?:a|two|2|3|three|a few|few) days)\b"
        r"|\b(?:on (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday)|tomorrow|tonight"
        r"|this weekend|in (?:a|two|2|3|three|a few|few) days)\b(?: \w+){0,25} "
        r"(?:to be cut|for fgm|to be circumcised|to be married|to marry|to get married)\b",
    ),
    # "theres a guy on insta saying hes gonna post my nudes in an hour unless i send more".
    _rule(
        "sextortion",
        S,
        r"\b(?:post|share|send|leak|put up|upload|spread|show)(?: \w+){0,2} (?:nudes|nude "
        r"(?:pics|pictures|photos|videos)|naked (?:pics|pictures|photos|videos)|intimate "
        r"(?:images|pictures|photos|videos))\b(?: \w+){0,8} (?:unless|in (?:an|1|one|half an"
        r"|a few|[0-9]+|two|ten|twenty) (?:hour|hours|minutes|mins)|tonight|today)\b",
    ),
    # Said of oneself, now: "i feel like ending it", "i am going to end it all".
    _rule(
        "self_harm",
        S,
        # Not the plan for it: "if i feel like ending it i ring the crisis team" (batch c).
        r"(?<!\bif )(?<!\bwhen )(?<!\bwhenever )(?<!\bin case )"
        r"\b(?:i|i am|i just|i really) (?:feel like|want to|am going to|going to|am thinking of"
        r"|thinking of|thinking about|am about to|about to|will|wanna|gonna) "
        r"(?:ending it|end it|end my life|ending my life|end it all|ending it all|kill myself)\b",
    ),
    _rule(
        "self_harm",
        W,
        r"\b(?:i have|i have just) (?:written|left|wrote) (?:the|my|a|some|goodbye) "
        r"(?:letters|letter|notes|note|goodbye letters|goodbye notes|suicide note)\b"
        r"|\bi am (?:stood |standing |sat |sitting )?(?:at the top of|on top of|on the edge of)\b",
    ),
    # A delusion about the baby, with the baby shut in with him.
    _rule(
        "psychosis_with_child",
        S,
        r"\b(?:thinks|believes|says|saying|convinced) (?:that )?<DET> (?:baby|child|kid|boy|girl"
        r"|son|daughter) is (?:the devil|a devil|evil|possessed|a demon|cursed|a witch|not real"
        r"|not his|not hers)\b",
    ),
    _rule(
        "locked_in_with_child",
        S,
        r"\b(?:has |have )?(?:locked|barricaded|shut) (?:himself|herself|themselves) in"
        r"(?: \w+){0,3} with (?:<CHILD>|her|him|them)\b",
    ),
    # An injury after a blow that is bleeding from the ear: a head injury now.
    _rule(
        "medical_now",
        S,
        r"\b(?:is |are )?(?:bleeding|bleding|bleading) from (?:his|her|their|the|my) "
        r"(?:ear|ears)\b",
    ),
    _rule(
        "medical_now",
        S,
        r"\b(?:is|are|am) having (?:an? )?(?:bad |severe |really bad |big )?asthma attack\b"
        r"|\b(?:is|are) struggling to (?:breathe|breath|talk|speak)\b",
    ),
    _rule(
        "medical_now",
        S,
        r"\bcan not (?:rouse|wake|wake up) (?:him|her|them|mum|dad|mummy|daddy)\b",
    ),
    # -- batch s (scored blind 2026-12-07): typed while watched ------------------
    # "cnt talk he cn hear me", "he's watching", "he reads everything i type".
    _rule(
        "being_watched",
        W,
        r"\b(?:he|she|they) (?:can|could|cn|kan) (?:hear|see) (?:me|us|what i (?:type|write|say)"
        r"|everything|my screen|my phone)\b"
        # Not "he's watching the kids" or "the football": watching me, or nothing after.
        r"|\b(?:he|she|they) (?:is|are) (?:watching|listening)(?: (?:me|us|everything"
        r"|my phone|my screen|what i \w+))?$"
        r"|\b(?:he|she) reads everything\b",
    ),
    # A signal agreed before: "tell Nan the red code", "pretend to be the school", "if I
    # said the word blue. Blue." As a plan ("if I text the code word Nan comes") the
    # "if" keeps it calm.
    _rule(
        "coded_plea",
        W,
        r"\b(?:tell|text|ring|call|give|send) (?:\w+ ){0,2}(?:the |our |my )?(?:\w+ )?"
        r"(?:code|code word|safe word|signal)\b"
        r"|\bpretend (?:to be|you are|that you are|your) (?:the|a|my|from)\b",
    ),
    _rule("coded_plea", S, r"\b(?:if|when) i said the (?:code |safe )?word\b"),
    # "yes. me. him downstairs.": who is in danger and where he is, in a few words.
    _rule(
        "presence",
        W,
        r"^(?:and )?(?:him|he is|he|them|they are) (?:downstairs|upstairs|outside|at the door"
        r"|next door|in the (?:kitchen|hall|garden|house|flat|next room|other room))$",
    ),
    # "Fine. Everything is fine. Fine fine fine. Please come.": a plea at the end.
    _rule(
        "help_plea",
        W,
        r"\bplease (?:come|come here|come now|come quick|come quickly|hurry)(?: please| now"
        r"| quick| asap)*$",
    ),
)

# --- immediacy markers --------------------------------------------------

# "now" unless it is "better now", "safe now", "for now", "now that ...".
_NOW_NOT_AFTER = (
    "".join(
        rf"(?<!\b{w} )"
        for w in "better fine safe calm well sober ok okay by until for since happy good stopped "
        "out from right just clean settled but".split()
    )
    + r"(?<!\bup to )"
)

IMMEDIACY: tuple[tuple[str, re.Pattern[str]], ...] = (
    _marker("now", r"\b(?:right now|as we speak|this (?:minute|second|instant)|just now)\b"),
    _marker("now", r"\b(?:at this moment|at the moment|currently|tonight|today)\b"),
    _marker("now", r"\bthis (?:morning|afternoon|evening)\b"),
    # A bare "now" ("now he is gone", "lives with me now") says less than "right
    # now": its own id, so the decision can weigh it (bot/safety/decide.py).
    _marker(
        "bare_now",
        _NOW_NOT_AFTER + r"\bnow\b(?! (?:that|and then|and again|he has|she has)\b)"
        # A routine from now on: "he sees them at mine now on saturdys".
        r"(?! (?:on (?:\w*days?|\w*dys|weekends|the weekends?)|every|each|most)\b)"
        r"(?! (?:he|she|they|things|it|we) (?:is|are) "
        r"(?:better|fine|ok|okay|calm|sober|good|safe)\b)"
        # Where someone lives now is an answer: "now he not live with us".
        r"(?! (?:(?:he|she|they|we|i) (?:is |are |does |do |am )?(?:not |no longer )?)?"
        r"(?:living|lives|live|staying|stays|placed|settled|in (?:foster|care|prison))\b)",
    ),
    _marker(
        "recent",
        r"\b(?:[0-9]+|a few|few|ten|five|twenty|two|a couple of|couple of|half an|an|a) "
        r"(?:minutes?|seconds?|hours?) ago\b",
    ),
    _marker(
        "ongoing",
        r"\bstill (?:here|there|outside|in the (?:house|flat|room|garden|car)|at it"
        r"|at the door|doing it|going|hitting|shouting)\b",
    ),
    _marker(
        "ongoing",
        r"\bsince (?:this (?:morning|afternoon|evening)|yesterday|last night)\b"
        r"|\ball (?:night|evening|day)\b(?! long)",
    ),
    _marker(
        "recent",
        r"\b(?:has|have) just\b|\bjust (?:happened|done it|did it)\b"
        r"|\bjust (?:<VIOLENT_PAST>|smashed|threw|thrown)\b",
    ),
    # "he has been hitting her for 10 minutes", not "left alone for 10 minutes".
    _marker(
        "ongoing",
        r"\bbeen(?: \w+){1,3} for (?:the (?:last|past) )?(?:[0-9]+|a few|few|ten|five|twenty|two"
        r"|a couple of|couple of) (?:minutes|mins)\b",
    ),
    _marker("ongoing", r"\b(?:is|are) not answering\b"),
    # A fit in the present tense is happening as the person types.
    _marker(
        "present", r"\b(?:is|are) (?:having|in the middle of) (?:a |another )?(?:fit|seizure)\b"
    ),
    # Alone with the children now: "no one else here".
    _marker("present", r"\b(?:no one|nobody|noone) else (?:is )?(?:here|home|in the house)\b"),
    # Whispering to the chat with him close by: "cant talk he's in the next room".
    _marker("present", r"\bcan not (?:talk|speak)\b(?! (?:about|to|of|on)\b)"),
    _marker("present", r"\b(?:he|she|they) (?:is|are) in the (?:next|other|back|front) room\b"),
    _marker(
        "present",
        r"\b(?:he|she|they|dad|mum|ex) (?:is|are) (?:here|back|outside|at the door|in the house)\b",
    ),
    _marker("present", r"\bon (?:his|her|their|the) way\b"),
    # "he's standing by the door with the hammer": where someone is as the person types.
    _marker(
        "present",
        r"\b(?:he|she|they|dad|mum|my ex|ex) (?:is|are) (?:still )?"
        r"(?:standing|stood|sitting|sat|waiting|pacing) (?:by|at|in|outside|behind|on) "
        r"(?:the|my|our) (?:door|front door|back door"
        r"|window|gate|bedroom door|stairs|landing|hall|kitchen)\b",
    ),
    # A worker writing from the visit or the scene ("SW on visit: 4 children home alone").
    _marker(
        "present",
        r"^(?:(?:sw|social worker|worker|i am|we are|officers?|police) )?on (?:a )?(?:home )?"
        r"(?:visit|scene)\b(?! (?:last|yesterday|on|in|the other|earlier)\b)"
        r"|\b(?:arrived at|currently at|still at) (?:the )?(?:address|property|house|flat)\b",
    ),
    # "ring the police non emergency 101" names a number in a plan, not an emergency.
    _marker(
        "plea",
        r"<PLEA>|\b(?:send (?:someone|help)|come quick|hurry|(?<!\bnon )emergency)\b",
    ),
)

# --- suppressors ------------------------------------------------------------

SUPPRESSORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Long past: years or months back, or a person's childhood. The only framing
    # that quiets even a STRONG phrase ("last year the baby was found floppy and
    # not breathing"), and only with nothing near it saying now (detect.py).
    _marker(
        "long_past",
        r"\blast (?:year|summer|winter|spring|autumn|christmas|easter|term)\b"
        r"|\b(?:[0-9]+|a|one|<NUM>|a few|a couple of|couple of) (?:years?|months?) ago\b"
        r"|\b(?:years|months|ages) ago\b|\bin (?:19|20)[0-9]{2}\b"
        r"|\bwhen (?:i|he|she|they|we) (?:was|were) (?:little|younger|small|a baby|a toddler)\b",
    ),
    # A visit told as a story: "people came round with weapons looking for him".
    _marker("past_time", r"\b(?:came|turned up|showed up) (?:round|over|to (?:the|our|my))\b"),
    _marker(
        "past_time",
        r"\b(?:used to|use to|previously|historically|in the past|back in|back then|that was"
        r"|ages ago|years ago|months ago|weeks ago|days ago|(?<!\blike )(?<!\bas )last time)\b",
    ),
    _marker(
        "past_time",
        r"\b(?:[0-9]+|a|one|<NUM>|a few|a couple of|couple of) "
        r"(?:years?|months?|weeks?|days?) ago\b",
    ),
    _marker(
        "past_time",
        # "like last time" says it is happening again, not that it is over.
        r"(?<!\blike )(?<!\bas )\blast (?:year|month|week|summer|winter|spring|autumn|christmas"
        r"|night|weekend|birthday|easter|term|time|<MONTH>|<DAY>)\b",
    ),
    _marker(
        "past_time",
        r"\bin (?:<MONTH>|(?:19|20)[0-9]{2}|the (?:summer|winter|spring|autumn|holidays|past))\b"
        r"|\b(?:19|20)[0-9]{2}\b",
    ),
    _marker(
        "past_time",
        r"\bwhen (?:i|he|she|they|we|you|\w+) (?:was|were) (?:little|young|younger|small|a |at "
        r"|in |[0-9]|pregnant|together|living|still|with|drinking|using|growing)",
    ),
    _marker(
        "past_time",
        r"\bas a (?:child|kid|teenager|teen|baby|youngster)\b"
        r"|\bin (?:his|her|their|my) (?:teens|twenties|thirties)\b",
    ),
    _marker(
        "past_time",
        r"\bbefore (?:she|he|they|we|i|that|then|christmas|the|when|and|but|now)\b|\bbefore$",
    ),
    _marker(
        "past_time",
        r"\b(?:once|twice|yesterday|the other (?:day|night|week)|at the weekend|recently|lately)\b"
        r"|\b(?:left|was|were|stayed) (?:\w+ ){0,8}over (?:new year|christmas|easter|half term"
        r"|the (?:holidays|summer|weekend))\b",
    ),
    _marker(
        "past_time",
        r"\b(?:[0-9]+|<NUM>|a few|lots of|loads of|a couple of|couple of|a number of|numerous"
        r"|so many) (?:times|occasions|incidents)\b|\bon (?:\w+ )?occasions?\b",
    ),
    _marker(
        "past_time",
        r"\b(?:this year|a history of|has been known|have been known|conviction|convicted"
        r"|arrested|in prison|was charged|restraining order|non molestation order|court order"
        r"|been to court|went to court|injunction)\b",
    ),
    _marker(
        "past_time",
        r"\bfor (?:years|months|ages|[0-9]+ (?:years|months)|a (?:few|couple of) (?:years|months)"
        r"|(?:many|several) (?:years|months))\b",
    ),
    _marker(
        "past_time",
        r"\bsince (?:year [0-9]+|(?:19|20)[0-9]{2}|christmas|the|last|<MONTH>)\b"
        r"|\bsince (?:they|we|he|she|i) (?:got|met|were|was|moved|split|separated|started"
        r"|came out|had)\b",
    ),
    _marker(
        "past_time",
        r"\b(?:has|have) been (?:violent|aggressive|abusive|known|better|good|sober|clean|off"
        r"|doing|attending|involved|on the|going to|a lot)\b",
    ),
    _marker(
        "habitual",
        r"\bnever (?:does|did|would|has|will)\b"
        r"|\b(?:sometimes|often|always|usually|normally|whenever|every time|each time"
        r"|as a punishment"
        r"|from time to time|now and then|on and off|tends to|tend to|on a bad day|all the time"
        r"|at all hours|day and night|night after night|again and again|over and over"
        r"|most (?:days|nights|weekends|weeks|evenings)|at weekends|at the weekends"
        r"|on weekends)\b",
    ),
    _marker(
        "habitual",
        r"\bevery (?:day|night|week|weekend|evening|morning|month|<DAY>)\b|\b<DAY>s\b",
    ),
    # "he goes quiet then starts slamming stuff": the present simple of a
    # sequence is how people describe a pattern (a warning sign), not an event.
    _marker(
        "habitual",
        r"\b(?:he|she|they|dad|mum|daddy|mummy) (?:goes|go|starts|start|gets|get) "
        r"(?:quiet|quieter|really|very|all|moody|snappy|shouty|angry|drunk|on|to|into|in)\b",
    ),
    _marker(
        "habitual",
        # Not "when i press a glass on it" (the test for a rash, said now): the
        # subject is a third person and "-s" is a verb ending, not "press" or "miss".
        r"\bwhen (?:he|she|they|dad|mum|daddy|mummy|my \w+|his \w+|her \w+"
        r"|(?!(?:i|you|we)\b)\w+) "
        r"(?:drink|is drunk|are drunk|has had|has a drink|have had|use|get|argue|is angry"
        r"|is stressed|kicks off|has been drinking|is using|is on|is low|\w+(?<!s)s)\b"
        # "when he gets in" is a time to come, not a habit.
        r"(?! (?:in|home|back|here|round|over|up)\b)",
    ),
    _marker(
        "past_time",
        r"\b(?:died|passed away|split up|broke up|separated|was born|were born|at birth)\b"
        r"|\bwhen (?:things|it|life) (?:was|were|got)\b",
    ),
    _marker(
        "hypothetical",
        r"\b(?:if|could|might|may|would|unless|in case|what if|suppose|supposing|imagine"
        r"|likely to)\b",
    ),
    _marker(
        "hypothetical",
        r"\b(?:worried|worry|worries|worrying|concerned|concern|concerns|risk|scared that"
        r"|afraid that|frightened that|in future|in the future|one day|if nothing changes"
        r"|next time|red flag|the plan is|safety goal|danger statement|the danger is)\b",
    ),
    _marker(
        "future_plan",
        r"\b(?:tomorrow|next (?:week|month|year|time|weekend|<DAY>)|on <DAY>|this weekend"
        r"|as agreed|as arranged|for contact"
        r"|in (?:a|two|[0-9]+) (?:weeks|months|days))\b",
    ),
)
