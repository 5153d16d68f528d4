"""check_plan: every check over a whole plan, with findable targets."""

import datetime as dt

from bot.plan.model import (
    ColumnEntry,
    ColumnKind,
    Pair,
    Person,
    Plan,
    PlanRule,
    RuleKind,
    Step,
)
from bot.quality import check_plan
from tests.support.timing import cpu_time

DANGER = (
    "Sam the social worker and Nan are worried that when Dad drinks he shouts at Mum and "
    "has pushed her. If nothing changes, Leo could be hurt."
)
GOAL = (
    "Nan and Sam will know Leo is safe when Dad is sober every time he looks after him. "
    "This will have been happening for six months, including at Christmas."
)
SCALE = (
    "On a scale of 0 to 10, where 10 means everyone is sure Leo is safe with Dad and 0 means "
    "Dad is still drinking and pushing Mum, where are things now?"
)


def good_pair() -> Pair:
    return Pair(
        danger_statement=DANGER,
        safety_goal=GOAL,
        scaling_question=SCALE,
        rules=[
            PlanRule(RuleKind.RED_FLAG, "Dad is drinking in the day again."),
            PlanRule(RuleKind.WHO_DOES_WHAT, "Nan will take Leo home with her and ring Sam.",
                     person_name="Nan", contact="07700 900123"),
        ],
    )


def good_plan(pairs: int = 1, steps: int = 3) -> Plan:
    return Plan(
        reference="T-1",
        target_closure_text="in nine months",
        people=[Person("Nan", "grandmother"), Person("Sam", "social worker", is_professional=True)],
        pairs=[good_pair() for _ in range(pairs)],
        steps=[Step(what=f"Ring Nan about week {n}", who="Sam", due_text="in two weeks")
               for n in range(steps)],
        entries=[ColumnEntry(ColumnKind.EXISTING_SAFETY, "Nan has had Leo every weekend.",
                             how_long="since June")],
    )


def codes(findings):
    return sorted(f.code for f in findings)


def test_a_good_plan_has_no_findings():
    assert check_plan(good_plan()) == []


def test_four_pairs_and_nine_steps_are_too_many():
    findings = check_plan(good_plan(pairs=4, steps=9))
    assert codes(findings) == ["plan.too_many_pairs", "plan.too_many_steps"]


def test_done_steps_do_not_count_towards_too_many():
    plan = good_plan(steps=9)
    plan.steps[0].done = True
    assert "plan.too_many_steps" not in codes(check_plan(plan))


def test_pairs_without_goal_or_scale_and_goals_without_danger():
    plan = good_plan(pairs=3)
    plan.pairs[0].safety_goal = None
    plan.pairs[1].scaling_question = None
    plan.pairs[2].danger_statement = None
    findings = check_plan(plan)
    by_code = {f.code: f.target for f in findings}
    assert by_code["plan.pair_without_goal"] == "worry 1"
    assert by_code["plan.pair_without_scale"] == "worry 2"
    assert by_code["plan.pair_without_danger"] == "worry 3"


def test_targets_name_the_place_in_the_plan():
    plan = good_plan(pairs=2, steps=5)
    plan.pairs[1].danger_statement = "Social care are worried about neglect."
    plan.steps[4].who = None
    plan.pairs[0].rules[0].text = "Things get worse."
    targets = {(f.code, f.target) for f in check_plan(plan)}
    assert ("jargon.label", "danger statement 2") in targets
    assert ("danger.no_impact", "danger statement 2") in targets
    assert ("step.no_owner", "step 5") in targets
    assert ("rule.vague", "worry 1, red flag 1") in targets


def test_parts_are_checked_when_there_is_no_whole_statement_yet():
    plan = good_plan()
    pair = plan.pairs[0]
    pair.danger_statement = None
    pair.danger_who, pair.danger_behaviour, pair.danger_impact = (
        "Nan and Sam", "Dad shouts at Mum when he drinks", "Leo could be hurt",
    )
    pair.safety_goal = None
    pair.goal_happening, pair.goal_who, pair.goal_duration = (
        "Dad is sober every time he looks after Leo", "Nan and Sam", "six months",
    )
    assert check_plan(plan) == []
    pair.danger_impact = None
    pair.goal_duration = None
    assert codes(check_plan(plan)) == ["danger.no_impact", "goal.no_duration"]


def test_timeline_without_closure_and_plan_without_network():
    plan = good_plan()
    plan.target_closure_text = None
    plan.people = [Person("Sam", "social worker", is_professional=True), Person("Kerry", "mum")]
    assert codes(check_plan(plan)) == ["plan.no_closure", "plan.no_network"]
    plan.target_closure_date = dt.date(2026, 1, 1)
    assert codes(check_plan(plan)) == ["plan.no_network"]


def test_column_entries_are_checked():
    plan = good_plan()
    plan.entries += [
        ColumnEntry(ColumnKind.HARM, "Two DV incidents."),
        ColumnEntry(ColumnKind.EXISTING_SAFETY, "Mum loves Leo very much."),
    ]
    targets = {(f.code, f.target) for f in check_plan(plan)}
    assert ("jargon.acronym", "harm 1") in targets
    assert ("columns.strength_as_safety", "existing safety 2") in targets


def test_family_audience_is_passed_through():
    plan = good_plan()
    plan.pairs[0].danger_statement = (
        "Nan is worried that Mum leaves the baby alone in the flat when she goes to the shop, "
        "so he could fall off the bed."
    )
    assert "read.long_sentence" not in codes(check_plan(plan, audience="worker"))
    assert "read.long_sentence" in codes(check_plan(plan, audience="family"))


def test_a_whole_plan_is_checked_without_a_pathological_cost():
    # A guard, not a target (the figure is printed by `make bench`): CPU time of this
    # thread, so other processes on the machine cannot make it fail.
    plan = good_plan(pairs=3, steps=8)
    check_plan(plan)  # warm caches once
    plan = good_plan(pairs=3, steps=8)
    for pair in plan.pairs:  # fresh text each time, so nothing is cached
        pair.danger_statement += f" ({id(pair)})"
    with cpu_time() as elapsed:
        check_plan(plan)
    assert elapsed.seconds < 0.5
