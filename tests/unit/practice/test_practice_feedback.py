"""End-of-practice summary: what went well, what to practise."""

import datetime as dt

from bot.plan.model import ColumnEntry, ColumnKind, Pair, Plan, Step
from bot.practice import get_case, practice_summary
from bot.quality import CODES


def test_a_model_answer_has_nothing_left_to_practise():
    summary = practice_summary(get_case("okafor").to_plan())
    assert summary.to_practise == []
    assert "Your danger statements name who is worried." in summary.did_well
    assert "Every step says who will do it and by when." in summary.did_well


def test_a_weak_attempt_is_told_what_to_practise():
    plan = Plan(
        reference="p",
        pairs=[
            Pair(
                danger_statement="Social care are worried about neglect and DV.",
                safety_goal="Dad will not drink.",
                scaling_question="On a scale of 0 to 10, where are things now?",
            )
        ],
        steps=[Step(what="Go to a parenting course")],
        entries=[ColumnEntry(ColumnKind.EXISTING_SAFETY, "Mum loves the children.")],
    )
    summary = practice_summary(plan)
    practise = " ".join(summary.to_practise)
    assert (
        "Practise describing the behaviour behind labels like 'neglect' and 'DV'."
        in summary.to_practise
    )
    assert "what will be happening, not what will stop" in practise
    assert "what 0 means and what 10 means" in practise
    assert "one named person and a date" in practise
    assert "strengths and existing safety apart" in practise
    assert "network" in practise
    assert "Your danger statements name who is worried." in summary.did_well


def test_an_empty_plan_gets_starting_points_and_no_false_praise():
    summary = practice_summary(Plan(reference="empty"))
    assert summary.did_well == []
    assert any("danger statement" in line for line in summary.to_practise)
    assert any("next steps" in line for line in summary.to_practise)


def test_sentences_are_plain_and_never_name_codes():
    plan = get_case("marsh").to_plan()
    plan.pairs[0].safety_goal = "Jay will stop going missing."
    plan.steps.append(Step(what="Review", who="all", due=dt.date(2025, 1, 1)))
    summary = practice_summary(plan)
    for line in summary.did_well + summary.to_practise:
        assert line.endswith(".")
        assert not any(code in line for code in CODES)
    assert any("not what will stop" in line for line in summary.to_practise)
