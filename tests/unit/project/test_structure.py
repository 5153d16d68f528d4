"""The shape the project promises: a generated domain that matches the questions, a pure core."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from bot.interview.catalogue import slots
from bot.interview.flow import BEFORE_PAIRS, PAIR_SLOTS, STEP_SLOTS
from bot.rasa_ext.domain_builder import render

ROOT = Path(__file__).resolve().parents[3]
PURE_PACKAGES = [
    "bot/plan",
    "bot/interview",
    "bot/parsing",
    "bot/safety",
    "bot/quality",
    "bot/practice",
    "bot/nlu",
    "bot/conversation",
    "exporters",
]
FORBIDDEN = ("rasa", "rasa_sdk", "sqlalchemy", "alembic", "sanic")


def test_domain_yml_is_generated_from_the_current_questions() -> None:
    assert (ROOT / "domain.yml").read_text(encoding="utf-8") == render(), (
        "domain.yml is out of date: run `safetyplan domain`"
    )


def test_every_question_in_the_flow_is_a_slot_with_an_ask_action() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    flow_slots = set(BEFORE_PAIRS) | set(PAIR_SLOTS) | set(STEP_SLOTS)
    assert flow_slots <= set(slots())
    for slot in slots():
        assert slot in domain["slots"]
        assert f"action_ask_{slot}" in domain["actions"]
        mapping = domain["slots"][slot]["mappings"][0]
        assert mapping["conditions"] == [{"active_loop": "interview_form", "requested_slot": slot}]
        # Interruptions are never saved as answers.
        assert {"help", "skip", "go_back", "stop", "urgent_danger"} <= set(mapping["not_intent"])


def test_the_contract_intents_exist() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    contract = {
        "greet",
        "goodbye",
        "thank",
        "affirm",
        "deny",
        "help",
        "example",
        "go_back",
        "skip",
        "stop",
        "restart",
        "review",
        "export",
        "bot_challenge",
        "out_of_scope",
    }
    assert contract <= set(domain["intents"])


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_domain_core_knows_nothing_of_rasa_or_sql() -> None:
    offenders = []
    for package in PURE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = _imports(path) & set(FORBIDDEN)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_the_question_texts_never_mention_the_emergency_number() -> None:
    text = (ROOT / "bot/interview/questions.yml").read_text(encoding="utf-8")
    assert "999" not in text
