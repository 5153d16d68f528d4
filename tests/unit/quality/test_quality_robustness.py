"""Any Unicode, any length: the checks return findings and never raise."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.plan.model import Pair, Plan, PlanRule, RuleKind, Step
from bot.quality import (
    CODES,
    Finding,
    check_danger_statement,
    check_existing_safety,
    check_jargon,
    check_plan,
    check_readability,
    check_rule,
    check_safety_goal,
    check_scaling_question,
    check_step,
)
from tests.support.timing import cpu_time

# Every code point, including lone surrogates and control characters.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=400)
WORDY = st.lists(
    st.sampled_from(
        ["Nan", "is", "worried", "DV", "neglect", "0", "10", "means", "could", "hurt", ",",
         ".", "will", "not", "for", "six", "months", "CIN", "(", ")", "Child", "in", "Need",
         "\u2019", "\u00df", "\u0130", "😀", "\n", "-", "Mr.", ";"]
    ),
    max_size=60,
).map(" ".join)


def _all_checks(text: str) -> list[Finding]:
    findings = []
    for audience in ("family", "worker", "practising"):
        findings += check_danger_statement(text, audience=audience)
        findings += check_safety_goal(text, audience=audience)
        findings += check_readability(text, "t", audience=audience)
        for kind in RuleKind:
            findings += check_rule(text, kind, audience=audience)
    findings += check_scaling_question(text)
    findings += check_jargon(text, "t")
    findings += check_existing_safety(text, text)
    findings += check_step(Step(what=text, who=text, due_text=text))
    return findings


@settings(max_examples=150, deadline=None)
@given(st.one_of(ANY_TEXT, WORDY))
def test_checks_never_raise_and_return_known_codes(text):
    for finding in _all_checks(text):
        assert isinstance(finding, Finding)
        assert finding.code in CODES
        assert isinstance(finding.message, str) and finding.message


@settings(max_examples=40, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_check_plan_never_raises(a, b):
    plan = Plan(
        reference="x",
        pairs=[Pair(danger_statement=a, safety_goal=b, scaling_question=a,
                    rules=[PlanRule(RuleKind.WHO_DOES_WHAT, b)]),
               Pair(danger_who=a, goal_duration=b)],
        steps=[Step(what=a, who=b, due_text=a)],
    )
    for finding in check_plan(plan, audience="family"):
        assert finding.code in CODES


def test_none_and_empty_text_are_handled():
    assert check_readability("", "t") == []
    assert check_jargon("", "t") == []
    assert [f.code for f in check_danger_statement("")] == [
        "danger.no_who", "danger.no_behaviour", "danger.no_impact"
    ]
    assert check_step(Step(what="")) != []


def test_very_long_text_is_fast_enough():
    with cpu_time() as elapsed:
        _all_checks("Nan, Sam, " * 5000 + "will know. " + "not " * 5000)
    assert elapsed.seconds < 5
