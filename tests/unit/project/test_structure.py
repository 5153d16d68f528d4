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


# -- declared dependencies and the README's map ---------------------------------------

_OUR_CODE = ("bot", "actions", "exporters", "scripts", "tests")


def _import_names(distribution: str) -> set[str]:
    """The top-level names an installed distribution can be imported by."""
    import importlib.metadata as metadata

    dist = metadata.distribution(distribution)
    names = set((dist.read_text("top_level.txt") or "").split())
    if not names:  # Python 3.10 has no packages_distributions() reading RECORD
        names = {
            f.parts[0].removesuffix(".py")
            for f in dist.files or []
            if f.parts and not f.parts[0].endswith((".dist-info", ".data", ".pth"))
        }
    return names


def _declared_distributions() -> set[str]:
    import re

    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # Requirement strings inside `dependencies = [...]` and the extras' lists.
    lists = re.findall(r"^(?:dependencies|dev) = \[(.*?)^\]", text, re.M | re.S)
    names = re.findall(r'^\s*"([A-Za-z0-9][A-Za-z0-9._-]*)', "\n".join(lists), re.M)
    return {re.sub(r"[-_.]+", "-", n).lower() for n in names}


def test_every_third_party_import_is_declared_in_pyproject() -> None:
    import sys

    ours = {path.stem for folder in _OUR_CODE for path in (ROOT / folder).rglob("*.py")}
    imported: dict[str, str] = {}
    for folder in _OUR_CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in _imports(path):
                imported.setdefault(name, str(path.relative_to(ROOT)))
    importable = set().union(*(_import_names(d) for d in _declared_distributions()))
    undeclared = [
        f"{name} (first imported in {where})"
        for name, where in sorted(imported.items())
        if name not in sys.stdlib_module_names
        and name not in _OUR_CODE
        and name not in ours
        and name not in importable
    ]
    assert undeclared == [], "add to pyproject.toml (and `make lock`): " + "; ".join(undeclared)


def test_the_readme_map_lists_everything_in_bot() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it is built") :]
    mapped = set(re.findall(r"^bot/([A-Za-z_]+(?:\.py)?)/?\s", section, re.M))
    present = {
        p.name
        for p in (ROOT / "bot").iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.name != "__init__.py")
    }
    assert mapped == present
