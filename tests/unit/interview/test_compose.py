"""Statements built from parts read as one sentence, whatever shape each part was given in."""

from __future__ import annotations

import pytest

from bot.plan.compose import compose_danger_statement, compose_safety_goal

BEHAVIOUR, IMPACT = "Dad shouts at Mum", "Leo could be frightened at home"


@pytest.mark.parametrize(
    ("who", "subject"),
    [
        ("Sam", "Sam is worried"),
        ("Sam is worried", "Sam is worried"),
        ("I'm worried", "I am worried"),
        ("Nan's really worried", "Nan is worried"),
        ("me", "I am worried"),
        ("The school, who are concerned", "The school is worried"),
        ("Children's services are worried about neglect", "Children's services are worried"),
        ("Sam and the school", "Sam and the school are worried"),
        ("The school's family worker", "The school's family worker is worried"),
    ],
)
def test_who_is_worried_is_said_once(who: str, subject: str) -> None:
    statement = compose_danger_statement(who, BEHAVIOUR, IMPACT)
    assert statement == f"{subject} that {BEHAVIOUR}, and that if nothing changes {IMPACT}."
    assert statement.count("worried") == 1


@pytest.mark.parametrize(
    ("who", "subject", "after"),
    [
        ("Jo", "Jo", ""),
        ("Jo will visit on Fridays", "Jo", " Jo will visit on Fridays."),
        ("Nan, the school and Sam will see it", "Nan, the school and Sam", ""),
        ("Nan and Will will help", "Nan and Will", " Nan and Will will help."),
        ("Will (Mum's brother)", "Will (Mum's brother)", ""),
        (None, "Everyone", ""),
    ],
)
def test_who_will_be_involved_reads_as_a_sentence_and_keeps_what_they_will_do(
    who: str | None, subject: str, after: str
) -> None:
    goal = compose_safety_goal(who, "Dad stays sober", "six months", ["Leo", "Mia"])
    assert goal == (
        f"{subject} will know that Leo and Mia are safe when Dad stays sober, "
        f"and this has been happening for six months.{after}"
    )
