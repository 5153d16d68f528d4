"""Findings are written to help: family hints are gentle and free of jargon."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.plan.model import RuleKind
from bot.quality import (
    CODES,
    check_danger_statement,
    check_rule,
    check_safety_goal,
)
from bot.quality.codes import WORDING, make
from bot.quality.vocabulary import ACRONYMS, FORBIDDEN_IN_FAMILY_HINTS, LABELS

_LABEL_PATTERNS = [re.compile(rf"(?<![\w-])(?:{label.pattern})(?![\w-])", re.I) for label in LABELS]


def assert_gentle(hint: str) -> None:
    folded = hint.casefold()
    for word in FORBIDDEN_IN_FAMILY_HINTS:
        assert word not in folded, (word, hint)
    for code in CODES:
        assert code not in hint
    assert "{" not in hint and "}" not in hint
    for pattern in _LABEL_PATTERNS:
        assert not pattern.search(hint), (pattern.pattern, hint)
    for acronym in ACRONYMS:
        assert not re.search(rf"\b{re.escape(acronym)}\b", hint), (acronym, hint)
    assert hint.strip().endswith("?"), hint


def test_the_forbidden_words_are_the_ones_asked_for():
    assert set(FORBIDDEN_IN_FAMILY_HINTS) >= {"wrong", "error", "score", "fail", "poor"}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_gentle_complete_wording(code):
    finding = make(code, "t", excerpt="x", describe="Say what happens.", hint="Could you say?",
                   expand="Write it out.", ease=40.0, limit=60.0, audience="family",
                   swaps="Use everyday words.", count=30)
    assert finding.message and finding.suggestion
    assert_gentle(finding.family_hint)
    assert code.count(".") == 1


def test_every_label_hint_is_gentle():
    for label in LABELS:
        assert_gentle(label.hint)
        assert label.describe


def test_codes_are_documented_in_the_package_docstring():
    import bot.quality

    for code in WORDING:
        assert code in bot.quality.__doc__


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_hints_stay_gentle_for_any_text(text):
    findings = (
        check_danger_statement(text, audience="family")
        + check_safety_goal(text, audience="family")
        + check_rule(text, RuleKind.WHO_DOES_WHAT, audience="family")
    )
    for finding in findings:
        assert finding.code in CODES
        assert_gentle(finding.family_hint)
