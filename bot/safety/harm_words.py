"""Does a message say anything at all about harm, fear or danger?

The NLU model learns the *shape* of urgent messages (present tense, a family
member, "now") as much as their meaning, so on its own it can call "the
children are relaxed and Dad is calm at tea time" urgent. A model vote for
urgency counts only when the message also has a word from this list: a
message with no word about violence, fear, weapons, injury, drink or drugs,
being missing or alone, an intruder or a call for help cannot be telling us a
child is in danger now. The rules in `rules.py` do not use this list; they
stand on their own.

The list is deliberately broad (stems, not whole words, and everyday verbs
such as "coming" and "outside" that urgent messages lean on): it has to hold a
word of every urgent message in `tests/data/`, and its only job is to keep a
plainly calm message from the danger check.
"""

from __future__ import annotations

import re

from bot.safety.normalise import normalise

# Stems match at the start of a word ("hurt" matches "hurting", "hurts").
_STEMS = """
    hit beat punch kick slap smack push shov strangl chok throttl
    hurt harm injur wound bruis bleed blood bled broke break smash stab cut burn
    knife knive blade weapon gun shoot shot sword machete bat hammer axe
    kill murder die dying dead death
    attack assault fight fought violen aggress abus rape raping molest touch grop
    threat scream shout yell swear rage raging angry mad furious
    scar fright terrif afraid panic crying cries cried trembl shak
    danger unsafe not_safe emergency help sos save rescue
    police cops ambulance 999 hospital doctor paramedic
    fire flame smoke gas alight
    overdos pill tablet poison drug high stoned off_his off_her drunk drink pissed
    wasted booze alcohol
    miss disappear vanish gone run_away ran_away runaway ran_off lost
    alone on_her_own on_his_own on_their_own unattended abandon left
    lock trap hid barricad escap flee fled
    grab snatch took take kidnap abduct
    intrud burglar stranger
    outside door window coming on_his_way on_her_way here turned_up
    follow stalk chase watch
    unconscious not_breathing breath collaps fall fell drown seiz fit
    suicid self_harm end_it
    groom exploit gang dealer
    naked photo sex
    weird wrong worried worry rough temper
    come came back home where find found anywhere seen answer
    night dark tonight midnight
    swallow hang rope neck throat wrist slit tied
    jump bridge edge roof track crash driv petrol torch boil bleach paracetamol
    pin stamp twist drag boot bit whip throw threw laying_into do_her_in
    do_him_in do_me_in finish climb fence crowbar
    floppy blue wak passed_out pass_out
    end_my my_life goodbye leave let_go let_me
    someone somebody nobody no_one anyone
    by_themselves by_himself by_herself off_their off_its on_top again waiting
    on_our_own on_my_own on_your_own woke not_in get_in trying pub
"""


def _pattern() -> re.Pattern[str]:
    stems = sorted({s.replace("_", " ") for s in _STEMS.split()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")")


_HARM = _pattern()


def mentions_harm(text: str) -> bool:
    """True when any sentence of `text` has a word about harm, fear or danger."""
    if not isinstance(text, str):
        return False
    return any(_HARM.search(sentence) for sentence in normalise(text))
