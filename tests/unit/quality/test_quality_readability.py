"""Reading ease and sentence length, stricter for family wording."""

from bot.quality import check_danger_statement, check_readability
from bot.quality.vocabulary import READING_LIMITS

DENSE = (
    "Following a number of domestic incidents and ongoing concerns regarding parental "
    "alcohol consumption, the local authority remains concerned regarding the children's "
    "emotional wellbeing and the parents' capacity to prioritise their needs."
)


def codes(findings):
    return sorted(f.code for f in findings)


def test_family_limits_are_stricter_than_worker_limits():
    family, worker = READING_LIMITS["family"], READING_LIMITS["worker"]
    assert family.min_reading_ease > worker.min_reading_ease
    assert family.max_sentence_words < worker.max_sentence_words
    assert 55 <= family.min_reading_ease <= 65


def test_dense_professional_prose_is_hard_for_anyone():
    findings = check_readability(DENSE, "danger statement 1", audience="worker")
    assert codes(findings) == ["read.hard", "read.long_sentence"]
    hard = findings[0]
    assert hard.target == "danger statement 1"
    assert "'drinking' for 'consumption'" in hard.suggestion or "everyday" in hard.suggestion
    assert hard.excerpt  # the hard words


def test_plain_short_sentences_pass():
    text = "Dad shouts when he drinks. Leo hides in his room. Nan is worried he could get hurt."
    assert check_readability(text, "t", audience="family") == []


def test_a_sentence_can_be_fine_for_a_worker_and_long_for_a_family():
    text = (
        "Nan is worried that Mum leaves the baby alone in the flat when she goes to the shop, "
        "so he could fall off the bed."
    )
    assert codes(check_readability(text, "t", audience="worker")) == []
    assert codes(check_readability(text, "t", audience="family")) == ["read.long_sentence"]


def test_danger_statement_uses_the_audience():
    text = (
        "Nan is worried that Mum leaves the baby alone in the flat when she goes to the shop, "
        "so he could fall off the bed."
    )
    assert "read.long_sentence" in codes(check_danger_statement(text, audience="family"))
    assert "read.long_sentence" not in codes(check_danger_statement(text, audience="worker"))


def test_short_text_is_not_judged_on_reading_ease():
    assert check_readability("Safeguarding escalation.", "t") == []


def test_unknown_audience_reads_as_worker():
    text = (
        "Nan is worried that Mum leaves the baby alone in the flat when she goes to the shop, "
        "so he could fall off the bed."
    )
    assert check_readability(text, "t", audience="practising") == []
