"""Danger statements, safety goals, scaling questions, rules, steps, existing safety."""

import datetime as dt

import pytest

from bot.plan.model import RuleKind, Step
from bot.quality import (
    check_danger_statement,
    check_existing_safety,
    check_rule,
    check_safety_goal,
    check_scaling_question,
    check_step,
)

GOOD_DANGER = (
    "Sam the social worker and Nan are worried that when Dad drinks he shouts at Mum and "
    "has pushed her. If nothing changes, Leo could be hurt."
)


def codes(findings):
    return sorted(f.code for f in findings)


def test_a_complete_danger_statement_passes():
    assert codes(check_danger_statement(GOOD_DANGER)) == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("When Dad drinks he shouts at Mum and pushes her. Leo could be hurt.", "danger.no_who"),
        ("There are concerns that Dad shouts at Mum. Leo could be hurt.", "danger.no_who"),
        ("Professionals are worried that Dad shouts at Mum. Leo could be hurt.", "danger.no_who"),
        ("Nan is worried about Dad. Leo could be hurt.", "danger.no_behaviour"),
        ("Nan is worried that Mum is not coping. Leo could be hurt.", "danger.no_behaviour"),
        ("Nan is worried that Dad shouts at Mum.", "danger.no_impact"),
        ("Nan is worried that Dad shouts at Mum and it will affect Leo.", "danger.no_impact"),
    ],
)
def test_each_missing_part_of_a_danger_statement_is_named(text, missing):
    assert missing in codes(check_danger_statement(text))


@pytest.mark.parametrize(
    "who",
    ["I am worried", "We're worried", "My worry is", "Nan thinks", "Ms Khan at school is worried"],
)
def test_ways_of_saying_who_is_worried(who):
    text = f"{who} that Dad shouts at Mum when he drinks. Leo could be scared."
    assert "danger.no_who" not in codes(check_danger_statement(text))


def test_impact_words_in_the_future_are_not_taken_as_the_caregivers_behaviour():
    findings = check_danger_statement("Nan is worried about Mum. Leo could miss school and be hit.")
    assert "danger.no_behaviour" in codes(findings)


GOOD_GOAL = (
    "Nan and Sam will know Leo is safe when Dad is sober every time he looks after him. "
    "This will have been happening for six months, including at Christmas."
)


def test_a_complete_safety_goal_passes():
    assert codes(check_safety_goal(GOOD_GOAL)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dad will not drink around Leo.",
        "Dad won't drink around Leo.",
        "Dad will no longer drink around Leo.",
        "Dad will stop drinking around Leo.",
        "Dad will never drink around Leo.",
        "Dad will refrain from drinking around Leo.",
        "Dad will abstain from alcohol.",
        "Dad will cease drinking.",
    ],
)
def test_goals_framed_as_stopping_are_negative(text):
    findings = check_safety_goal(text)
    assert "goal.negative" in codes(findings)
    negative = next(f for f in findings if f.code == "goal.negative")
    assert negative.excerpt


def test_a_negative_inside_a_condition_is_not_stopping_framing():
    text = (
        "Leo will ring Nan if he doesn't feel safe, and Nan will collect him, "
        "for the next six months."
    )
    assert "goal.negative" not in codes(check_safety_goal(text))


@pytest.mark.parametrize(
    "duration",
    ["for six months", "for at least 12 weeks", "until the review in March",
     "over the summer holidays", "for a whole school term"],
)
def test_durations_are_recognised(duration):
    text = f"Nan will see Dad sober when he collects Leo, {duration}."
    assert "goal.no_duration" not in codes(check_safety_goal(text))


def test_a_goal_missing_who_and_duration():
    assert codes(check_safety_goal("Mum will cook the children a hot meal every night.")) == [
        "goal.no_duration",
        "goal.no_who",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On a scale of 0 to 10, where 10 means Leo is safe with Dad and 0 means Dad still "
         "hits Mum, where are things now?", []),
        ("On a scale of 0 to 10, where are things now?",
         ["scale.no_ten_anchor", "scale.no_zero_anchor"]),
        ("On a scale of 0-10 where 10 is Leo safe with Dad, where are we?",
         ["scale.no_zero_anchor"]),
        ("Where zero means Dad still hits Mum, how are things out of ten?",
         ["scale.no_ten_anchor"]),
    ],
)
def test_scaling_question_anchors(text, expected):
    assert codes(check_scaling_question(text)) == expected


def test_who_does_what_needs_a_person_and_a_way_to_reach_them():
    assert codes(check_rule("Nan will ring Sam on 07700 900123.", RuleKind.WHO_DOES_WHAT)) == []
    assert codes(check_rule("Someone will ring Sam.", RuleKind.WHO_DOES_WHAT)) == ["rule.no_person"]
    assert codes(check_rule("Nan will take the children.", "who_does_what")) == ["rule.no_contact"]


def test_red_flags_and_going_well_signs_must_be_observable():
    assert codes(check_rule("Things get worse.", RuleKind.RED_FLAG)) == ["rule.vague"]
    assert codes(check_rule("Mum stops answering her phone.", RuleKind.RED_FLAG)) == []
    # Triggers are often events, not behaviour.
    assert codes(check_rule("Dad's birthday.", RuleKind.TRIGGER)) == []


def test_steps_need_an_owner_and_a_date():
    assert codes(check_step(Step(what="Go to a parenting course"))) == [
        "step.no_date",
        "step.no_owner",
    ]
    assert codes(check_step(Step(what="Ring Nan", who="Sam", due=dt.date(2025, 4, 1)))) == []
    assert codes(check_step(Step(what="Ring Nan", who="Sam", due_text="in two weeks"))) == []
    assert codes(check_step(Step(what="Ring Nan", who="everyone", due_text="ASAP"))) == [
        "step.no_date",
        "step.no_owner",
    ]
    finding = check_step(Step(what="Ring Nan", who="Sam"), target="step 5")[0]
    assert finding.target == "step 5"


def test_existing_safety_is_protective_action_over_time_not_love():
    assert codes(check_existing_safety("Mum loves the children.")) == [
        "columns.strength_as_safety"
    ]
    assert codes(check_existing_safety("Nan has the children on Fridays.")) == [
        "columns.safety_no_time"
    ]
    assert codes(check_existing_safety("Nan has the children on Fridays.", "since June")) == []
