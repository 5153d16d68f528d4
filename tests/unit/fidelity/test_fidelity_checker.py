"""The fidelity harness's own checks (tests/support/fidelity.py), without servers."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bot.interview.catalogue import catalogue
from bot.interview.flow import PAIR_SLOTS
from tests.support import fidelity
from tests.support.fidelity import MISSING, RIGHT, WRONG, Conversation, Persona, Run, Turn

EXPECT: dict[str, Any] = {
    "children": [{"name": "Tyler", "age": 8}, {"name": "Mia", "age": None}],
    "people": [
        {"name": "Sandra", "relationship": ["mum", "nan"], "professional": False,
         "phone": "07700 900456"},
        {"name": "Jo Baker", "relationship": ["social worker"], "professional": True,
         "phone": None},
    ],
    "not_people": ["Mias"],
    "who_does_what": [
        {"who": "Sandra", "action": ["collect", "kids"], "phone": "07700 900456"},
        {"who": "Dean", "action": ["brother"], "phone": None},
    ],
    "steps": [{"what": ["alcohol", "service"], "who": "Dean", "due": "2027-01-31"}],
    "scores": [{"who": "me", "value": 5}],
    "closure": None,
}


def _rule(person: str | None, action: str, contact: str | None) -> dict[str, Any]:
    return {"kind": "who_does_what", "text": action, "person_name": person, "action": action,
            "contact": contact}


def _person(name: str, relationship: str | None, professional: bool = False,
            contact: str | None = None) -> dict[str, Any]:
    return {"name": name, "relationship": relationship, "is_professional": professional,
            "contact": contact, "role_in_plan": None}


PLAN: dict[str, Any] = {
    "written_with": ["Kerry (mum)"],
    "children": [{"first_name": "Tyler", "age": 8}, {"first_name": "Mia", "age": None}],
    "people": [
        _person("Kerry", "mum"),
        _person("Sandra", "Kerry's mum", contact="07700900456"),
        _person("Jo Baker", "social worker", professional=True),
    ],
    "pairs": [{
        "danger_statement": "Jo is worried that when Dean drinks he shouts",
        "rules": [
            {"kind": "red_flag", "text": "cans in the bin", "person_name": None, "action": None,
             "contact": None},
            _rule("Sandra", "collect the kids", "07700 900456"),
            _rule("Dean", "go to his brother's", None),
        ],
        "scores": [{"person_name": "Kerry", "value": 5.0, "meeting": None, "reason": "calmer"}],
    }],
    "steps": [{"what": "Dean to go to the alcohol service", "who": "Dean", "due": "2027-01-31"}],
    "target_closure_date": None,
    "revisions": [{"detail": "a change log is not the plan"}],
}


def _facts(plan: dict[str, Any]) -> dict[str, fidelity.Fact]:
    return {f.id: f for f in fidelity.check_facts(EXPECT, plan)}


def test_a_faithful_plan_has_every_fact_right() -> None:
    facts = _facts(PLAN)
    assert set(facts) == {"children/1", "children/2", "people/1", "people/2", "not_people/1",
                          "who_does_what/1", "who_does_what/2", "phone/1", "steps/1",
                          "scores/1", "closure"}
    assert [f.id for f in facts.values() if not f.right] == []


def test_a_number_under_another_person_is_a_wrong_person_fact() -> None:
    plan = copy.deepcopy(PLAN)
    plan["pairs"][0]["rules"][1:] = [_rule("Dean", "go to his brother's", "07700 900456")]
    facts = _facts(plan)
    assert facts["phone/1"].status == WRONG and facts["phone/1"].wrong_person
    assert facts["who_does_what/2"].status == WRONG and facts["who_does_what/2"].wrong_person
    assert facts["who_does_what/1"].status == MISSING


def test_an_action_under_another_person_is_wrong_and_absent_values_are_missing() -> None:
    plan = copy.deepcopy(PLAN)
    plan["pairs"][0]["rules"][1] = _rule("Dean", "collect the kids", None)
    plan["people"][1].update(contact=None, relationship=None)
    plan["people"].append(_person("Mias", "nursery", professional=True))
    plan["steps"][0].update(who=None, due="2026-12-25")
    plan["children"][1]["age"] = 3
    facts = _facts(plan)
    assert facts["who_does_what/1"].wrong_person and facts["who_does_what/1"].status == WRONG
    assert facts["people/1"].status == MISSING  # neither relationship nor phone kept
    assert facts["not_people/1"].status == WRONG
    assert facts["steps/1"].status == WRONG  # a wrong date, besides a missing owner
    assert facts["children/2"].status == WRONG  # an age nobody gave


def test_unquoted_dates_and_quoted_ages_in_a_batch_are_read_as_meant() -> None:
    import datetime as dt

    expect = {**EXPECT, "children": [{"name": "Tyler", "age": "8"}],
              "steps": [{"what": ["alcohol"], "who": "Dean", "due": dt.date(2027, 1, 31)}]}
    assert all(f.right for f in fidelity.check_facts(expect, PLAN))


def test_people_match_on_the_full_name_or_the_first_name_never_a_title() -> None:
    assert fidelity.same_person("Sandra", "sandra price")
    assert fidelity.same_person("Jo Baker", "JO")
    assert fidelity.same_person("Mrs Hughes", "mrs hughes")
    assert not fidelity.same_person("Mrs Hughes", "Mrs Khan")
    assert fidelity.phone_numbers("ring +44 7700 900456 or 0121 496 0123") == [
        "07700900456", "01214960123"]


def _run(answers: list[tuple[str, str]], plan: dict[str, Any]) -> Run:
    conversation = Conversation("c1", "", "worker", {s: a for s, a in answers}, (), (), {})
    run = Run(conversation, "sender", plan=plan)
    run.turns = [Turn(slot, 0, said, "") for slot, said in answers]
    return run


def test_an_answer_is_lost_when_no_span_of_it_is_in_the_plan() -> None:
    plan = copy.deepcopy(PLAN)
    plan["pairs"][0]["rules"] += [
        {"kind": "trigger", "text": "payday weekends", "person_name": None, "action": None,
         "contact": None},
        {"kind": "trigger", "text": "Football matches", "person_name": None, "action": None,
         "contact": None},
    ]
    run = _run([("rule_triggers", "payday weekends; football matches"),
                ("rule_red_flags", "Cans in the bin!"),
                ("harm", "a change log is not the plan"),
                ("complicating", "dunno"),
                ("about_you", "Kerry, their mum")], plan)
    assert [f.id for f in fidelity.lost_answers(run)] == ["lost/harm"]


def test_the_persona_answers_each_question_from_its_file() -> None:
    conversation = Conversation(
        "c1", "", "family", {"supporters": "my mum Sandra"},
        ({"danger_who": "me"}, {"danger_who": "Jo"}), ({"step_what": "a"},),
        {"not_people": ["Little Stars"]})
    persona = Persona(conversation)
    assert persona.answer("supporters", []) == "my mum Sandra"
    assert persona.answer("supporters", []) == "no"  # "anyone else?"
    assert persona.answer("needs", []) == fidelity.DONT_KNOW
    assert persona.answer("danger_who", []) == "me"
    assert persona.answer("more_pairs", []) == "yes"
    assert persona.answer("more_pairs", []) == "yes"  # asked again: the same, still worry 2
    assert persona.answer("danger_who", []) == "Jo"
    assert persona.answer("more_pairs", []) == "no"
    assert persona.answer("more_steps", []) == "no"
    offer = [{"text": "Little Stars isn't on your list of people who help yet. Shall I add it?"}]
    assert persona.answer("add_person", offer) == fidelity.NOT_A_PERSON
    offer = [{"text": "Sandra and Gary aren't on your list of people who help yet. "
                      "Shall I add them?"}]
    assert persona.answer("add_person", offer) == "yes"


def _result(not_right: list[fidelity.Fact]) -> fidelity.Result:
    run = _run([], {})
    return fidelity.Result(run, [*not_right, fidelity.Fact("children/1", RIGHT)], [])


def test_the_ratchet_fails_on_new_gaps_closed_gaps_and_unexcused_wrong_persons() -> None:
    result = _result([fidelity.Fact("people/1", MISSING),
                      fidelity.Fact("phone/1", WRONG, wrong_person=True)])
    assert fidelity.ratchet([result], {"c1": {"people/1": "why", "phone/1": "issue 14: why"}}) \
        == []
    problems = fidelity.ratchet([result], {"c1": {"phone/1": "why", "steps/1": "why"},
                                           "c9": {}})
    assert len(problems) == 4
    assert "people/1: missing, not in known_gaps (a regression)" in problems[0]
    assert "'issue 14' reason" in problems[1]
    assert "steps/1: now right; delete its line" in problems[2]
    assert "c9: in known_gaps but not in the batch" in problems[3]


def test_the_worry_and_step_questions_are_the_interview_s() -> None:
    assert fidelity.WORRY_SLOTS <= set(PAIR_SLOTS)
    assert fidelity.STEP_SLOTS | fidelity.KEPT_AS_TEXT | set(fidelity.FIXED) <= set(catalogue())


@pytest.mark.parametrize("corpus", fidelity.corpora(), ids=lambda c: c.name)
def test_every_corpus_file_is_in_the_format(corpus: fidelity.Corpus) -> None:
    questions = set(catalogue())
    expect_keys = {"children", "people", "not_people", "who_does_what", "steps", "scores",
                   "closure"}
    assert corpus.status in ("blind", "development")
    for conversation in corpus.conversations:
        assert conversation.role in ("family", "worker"), conversation.id
        top = set(conversation.answers) - {"worries", "steps"}
        groups = [set(g) for g in (*conversation.worries, *conversation.steps)]
        assert top.union(*groups) <= questions, conversation.id
        assert set(conversation.expect) <= expect_keys, conversation.id


class _ScriptedChat:
    """Replies in turn, whatever is said; records what was said."""

    def __init__(self, replies: list[str]) -> None:
        self.replies = replies
        self.said: list[str] = []

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        self.said.append(message)
        return [{"text": self.replies[min(len(self.said), len(self.replies)) - 1]}]


def test_the_drive_carries_on_after_the_interview_stops_and_notes_a_stuck_question() -> None:
    ask = {slot: spec.ask.family for slot, spec in catalogue().items()}
    conversation = Conversation("c1", "", "family", {"needs": "Dad to stop drinking"}, (), (), {})
    chat = _ScriptedChat([ask["danger_now"], "Your answers are saved. Take care.",
                          ask["needs"], ask["needs"], ask["needs"], ask["review"]])
    run = fidelity.drive(chat, conversation, lambda sender: {})
    assert chat.said == ["hi", "no", fidelity.RESTART, "Dad to stop drinking",
                         fidelity.DONT_KNOW, fidelity.SKIP]
    assert run.ended == ["danger_now"] and run.stuck == ["stuck at needs"] and run.error is None
