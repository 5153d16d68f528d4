"""assess() never raises, stays fast on hostile input, and sees both ends of a long paste.

Patterns are kept linear (alternations, fixed-width look-arounds, bounded
repeats), and the scanned text is capped at normalise.MAX_SCAN_CHARS (head and
tail). These tests would catch a pattern that backtracks catastrophically.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.safety import assess
from bot.safety.detect import MODEL_REASON
from bot.safety.normalise import MAX_SCAN_CHARS
from bot.safety.rules import DANGER_RULES, IMMEDIACY, SUPPRESSORS
from tests.support.timing import cpu_time

# CPU time of the calling thread (tests.support.timing), so a busy machine does not
# flake; a backtracking pattern burns seconds to minutes of CPU on these inputs.
SECONDS_PER_CALL = 1.0
LONG = 50_000

# Filler that looks like a case note but contains no danger phrase.
_FILLER = (
    "The family met with the worker at the school and talked about the plan, "
    "the network and the next steps for the children over the coming weeks. "
)


def _timed(text: str) -> float:
    with cpu_time() as elapsed:
        assess(text)
    return elapsed.seconds


# Every id a reason can carry: a reason is never a piece of the user's text.
KNOWN_IDS = (
    {rule.id for rule in DANGER_RULES}
    | {marker_id for marker_id, _ in SUPPRESSORS}
    | {MODEL_REASON}
)
# Lone surrogates included: they reach Python strings from badly encoded input.
ANY_CHARACTER = st.characters(exclude_categories=())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ANY_CHARACTER), st.sampled_from([None, "urgent_danger", "inform"]))
def test_never_raises_on_arbitrary_unicode(text: str, intent: str | None) -> None:
    result = assess(text, intent, 0.9 if intent else None)
    assert isinstance(result.urgent, bool)
    assert result.source in {"rules", "model", "rules+model", "none"}
    assert set(result.reasons) <= KNOWN_IDS


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=ANY_CHARACTER, min_size=1, max_size=50).map(
        lambda s: (s * (LONG // len(s) + 1))[:LONG]
    )
)
def test_long_repetitive_unicode_is_fast(text: str) -> None:
    assert _timed(text) < SECONDS_PER_CALL


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            "he is has got a the my kids knife taken loads of pills not now used to when "
            "hitting her him me tonight s ' . ! , help please run away left alone on own "
            "home scared to go 2 rn hes shes xname Jayden 12 year old".split()
        ),
        min_size=1,
        max_size=12_000,
    )
)
def test_long_text_made_of_rule_words_is_fast(words: list[str]) -> None:
    assert _timed(" ".join(words)) < SECONDS_PER_CALL


@pytest.mark.parametrize(
    "text",
    [
        "a" * LONG,
        " " * LONG,
        "." * LONG,
        "'s " * (LONG // 3),
        ("he is " * LONG)[:LONG],
        ("taken loads of " * LONG)[:LONG],
        ("hitting " * LONG)[:LONG],
        ("HELP " * LONG)[:LONG],
        "\ufdfa" * LONG,  # one character that NFKC expands to eighteen
        "A" + "\u0301" * LONG,  # a letter with fifty thousand accents
    ],
    ids=["a", "spaces", "dots", "apostrophe-s", "he-is", "taken", "ing", "HELP", "nfkc", "marks"],
)
def test_hostile_long_inputs_are_fast(text: str) -> None:
    assert _timed(text) < SECONDS_PER_CALL


def _paragraph(length: int) -> str:
    return (_FILLER * (length // len(_FILLER) + 1))[:length]


def test_filler_alone_is_not_urgent() -> None:
    assert not assess(_paragraph(LONG)).urgent


@pytest.mark.parametrize("phrase", ["he's got a knife.", "she has taken a load of pills."])
def test_urgent_phrase_at_the_start_of_a_long_paste_is_seen(phrase: str) -> None:
    assert assess(phrase + " " + _paragraph(LONG)).urgent


@pytest.mark.parametrize("phrase", ["he's got a knife", "please help he is hitting her"])
def test_urgent_phrase_at_the_end_of_a_long_paste_is_seen(phrase: str) -> None:
    assert assess(_paragraph(LONG) + ". " + phrase).urgent


def test_cap_is_some_thousands_of_characters() -> None:
    assert 2_000 <= MAX_SCAN_CHARS <= 10_000


def test_every_pattern_is_fast_on_a_long_adversarial_line() -> None:
    # Each pattern on its own, on a line of its own favourite words, without the cap.
    line = ("he is has been got a the my little 12 year old kids " * 400).strip()
    for pattern in [r.pattern for r in DANGER_RULES] + [p for _, p in IMMEDIACY + SUPPRESSORS]:
        with cpu_time() as elapsed:
            pattern.findall(line)
        assert elapsed.seconds < SECONDS_PER_CALL, pattern.pattern[:60]
