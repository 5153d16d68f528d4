"""Professional labels and acronyms: found, explained, and mended."""

import pytest

from bot.quality import check_danger_statement, check_jargon, check_safety_goal


def codes(findings):
    return [f.code for f in findings]


def test_neglect_is_a_label_with_a_suggestion_naming_the_behaviour():
    findings = check_danger_statement("Social care are worried about neglect.")
    label = next(f for f in findings if f.code == "jargon.label")
    assert label.excerpt == "neglect"
    assert label.target == "danger statement"
    assert "hungry" in label.suggestion or "go without" in label.suggestion
    assert "neglect" not in label.family_hint.casefold()
    assert "danger.no_behaviour" in codes(findings)


def test_rewriting_with_the_behaviour_removes_the_label_finding():
    before = check_danger_statement(
        "Ms Khan at school is worried about neglect. Leo could get ill.", audience="worker"
    )
    after = check_danger_statement(
        "Ms Khan at school is worried that Leo comes to school hungry and in dirty clothes "
        "most days. Leo could get ill.",
        audience="worker",
    )
    assert "jargon.label" in codes(before)
    assert "jargon.label" not in codes(after)
    assert "danger.no_behaviour" not in codes(after)
    assert codes(after) == []


@pytest.mark.parametrize(
    "label",
    [
        "neglect", "neglectful", "DV", "domestic violence", "domestic abuse",
        "substance misuse", "emotional abuse", "emotional harm", "non-engagement",
        "disengaged", "disguised compliance", "inappropriate", "concerns around",
        "toxic trio", "chaotic", "poor home conditions", "lacks capacity",
    ],
)
def test_a_statement_that_only_uses_the_label_always_gets_the_finding(label):
    findings = check_danger_statement(f"Nan is worried about {label}.")
    assert "jargon.label" in codes(findings)
    assert any(f.excerpt and f.excerpt.casefold() == label.casefold() for f in findings)


def test_a_label_beside_its_behaviour_gets_only_the_lighter_note():
    findings = check_danger_statement(
        "Ms Khan and Sam are worried about domestic abuse: when Dad is drunk he punches walls "
        "and has grabbed Mum by the throat. Leo could be badly hurt."
    )
    assert "jargon.label_beside_behaviour" in codes(findings)
    assert "jargon.label" not in codes(findings)


def test_behaviour_of_another_kind_does_not_explain_a_label():
    # Drinking is not what sits behind "neglect".
    findings = check_jargon("Dad drinks and there is neglect.", "harm 1")
    assert codes(findings) == ["jargon.label"]


@pytest.mark.parametrize(
    "acronym",
    ["CP", "CIN", "TAF", "LAC", "CLA", "EHCP", "ICPC", "RCPC", "PLO", "MASH", "SW", "HV",
     "CAMHS", "IRO", "LADO", "EHA"],
)
def test_known_acronyms_are_flagged_with_their_expansion(acronym):
    findings = check_jargon(f"We talked about the {acronym} at the meeting.", "step 1")
    assert codes(findings) == ["jargon.acronym"]
    assert findings[0].excerpt == acronym
    assert "in full" in findings[0].suggestion


def test_an_acronym_that_stands_for_a_label_gets_both_findings():
    assert sorted(codes(check_jargon("Police are worried about DV.", "t"))) == [
        "jargon.acronym",
        "jargon.label",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Child in Need (CIN) meeting is on Monday.",
        "The CIN (Child in Need) meeting is on Monday.",
        "At the child in need meeting the CIN plan was agreed.",
        "Team Around the Family (TAF) meeting next week.",
        "She has an Education, Health and Care Plan (EHCP).",
        "The Multi-Agency Risk Assessment Conference (MARAC) met.",
    ],
)
def test_an_acronym_explained_in_the_same_text_is_fine(text):
    assert codes(check_jargon(text, "t")) == []


def test_unknown_acronyms_are_flagged_but_everyday_ones_and_shouting_are_not():
    assert codes(check_jargon("Mum will go to CGL on Tuesdays.", "t")) == ["jargon.acronym"]
    assert codes(check_jargon("Mum will see the GP and ring the NHS line.", "t")) == []
    assert codes(check_jargon("Dad will NOT drink when he has the kids.", "t")) == []
    assert codes(check_jargon("DAD SHOUTS AT MUM AND THE KIDS ARE SCARED", "t")) == []


def test_mental_health_services_are_not_a_label_but_mental_health_is():
    assert codes(check_jargon("The mental health team will visit.", "t")) == []
    assert codes(check_jargon("We are worried about Mum's mental health.", "t")) == [
        "jargon.label"
    ]


def test_a_label_is_reported_once_per_text():
    findings = check_safety_goal("No neglect, no neglect, no neglect.")
    assert codes(findings).count("jargon.label") == 1
