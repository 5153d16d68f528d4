"""The rules layer on the phrasings the brief names, and on what must stay quiet.

These are illustrations and regression pins; the measured figures come from
the labelled sets (test_targets.py). Every sentence is invented.
"""

from __future__ import annotations

import pytest

from bot.safety import assess
from bot.safety.normalise import normalise
from bot.safety.rules import DANGER_RULES, IMMEDIACY, SUPPRESSORS

URGENT = {
    "violence happening": [
        "he's hitting her",
        "beating me up right now",
        "my stepdad is kicking my brother",
        "he is strangling mum",
        "dad is hurting me",
    ],
    "threat for tonight or now": [
        "he said he'll kill us tonight",
        "he's coming round to get the kids",
        "she's on her way over to take the baby",
    ],
    "weapon present": [
        "he's got a knife",
        "he has a gun",
        "he is holding a knife to her throat",
    ],
    "child alone now": [
        "she's left the kids on their own",
        "the little one is home alone and she's 3",
    ],
    "child missing now": [
        "I can't find my daughter",
        "my son hasn't come home",
        "my 12 year old has run away",
    ],
    "overdose or self-harm now": [
        "she's taken a load of pills",
        "my mum has overdosed",
        "he is cutting himself right now",
        "I'm going to kill myself",
    ],
    "break-in": [
        "someone is trying to break in",
        "he's kicking the door in",
        "he is banging on the door and won't go",
    ],
    "fire": ["the flat is on fire", "there is a fire in the kitchen"],
    "scared to go home": [
        "I'm scared to go home",
        "i don't want to go home he'll hit me",
    ],
    "asking for help": ["call the police", "help me please he's going mad"],
    "suppressor never cancels immediacy": [
        "he used to hit her and he's hitting her now",
        "last year was bad but tonight he says he will kill us",
        "he has been violent in the past and right now he has a knife",
    ],
    "text-speak and typos": [
        "hes hittin her rn",
        "HE IS HITTING MY MUM",
        "he said hes comin 2nite 2 take the kids",
        "shes took a load of pilz",
        "pls help hes gona hurt me",
        "im soooo scared hes beatin her up",
        "he's got a knife !!!!",
    ],
}

NOT_URGENT = {
    "past": [
        "Dad hit Mum last year",
        "the police came twice in March",
        "he used to hit her when they were together",
        "years ago he held a knife to her",
        "she took an overdose in 2019",
    ],
    "habitual": [
        "Dad hits Mum when he drinks",
        "sometimes she leaves them on their own",
        "every weekend he gets drunk and shouts",
    ],
    "hypothetical or worry": [
        "I'm worried he could hurt the baby if he carries on",
        "if nothing changes the kids might get hurt",
        "my worry is she might take too many tablets one day",
        "if he turns up we will call the police",
    ],
    "ordinary answers": [
        "5 out of 10",
        "Nan and Aunty Jo",
        "he is doing well at the moment",
        "tonight we are having pizza",
        "he is hitting the gym every day",
        "can you help me write the danger statement",
        "she is beating herself up about it",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(group, text) for group, texts in table.items() for text in texts]


@pytest.mark.parametrize(("group", "text"), _cases(URGENT))
def test_urgent_phrasings(group: str, text: str) -> None:
    result = assess(text)
    assert result.urgent, group
    assert result.source == "rules"
    assert result.reasons


@pytest.mark.parametrize(("group", "text"), _cases(NOT_URGENT))
def test_descriptions_of_harm_are_not_urgent(group: str, text: str) -> None:
    assert not assess(text).urgent, group


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("hes hittin her rn", "he is hitting her right now"),
        ("shes gona come 2nite", "she is going to come tonight"),
        ("im scared cant get out", "i am scared can not get out"),
        ("HE'S GOT A KNIFE!!!", "he has got a knife"),
        ("he\u2019s here", "he is here"),
        ("pls plz heeeelp", "please please help"),
        ("he wont go u kno", "he will not go you know"),
        ("dad's pinning him down", "dad is pinning him down"),
        ("hell kill me", "he will kill me"),
        ("it was hell", "it was hell"),
        ("my sister is 2", "my sister is 2"),
        ("he used 2 batter her", "he used to batter her"),
        ("smthing wiv the baby", "something with the baby"),
        ("the police came round to see Jayden", "the police came round to see xname"),
    ],
)
def test_normalising_text_speak(typed: str, plain: str) -> None:
    assert " ".join(normalise(typed)) == plain


def test_sentences_are_split_so_rules_do_not_run_across_them() -> None:
    assert normalise("He left. She is fine!") == ["he left", "she is fine"]


def test_rule_ids_are_short_identifiers() -> None:
    ids = {r.id for r in DANGER_RULES} | {i for i, _ in IMMEDIACY} | {i for i, _ in SUPPRESSORS}
    for rule_id in ids:
        assert rule_id.replace("_", "").isalpha() and rule_id.islower(), rule_id
        assert len(rule_id) <= 24, rule_id
