"""Loading the labelled sets and the NLU file, shared by the safety tests."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
TEST_SET = ROOT / "tests" / "data" / "urgent_test.yml"
DEV_SET = ROOT / "tests" / "data" / "urgent_dev.yml"
NLU_FILE = ROOT / "data" / "nlu" / "safety.yml"


def load_set(path: Path) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["urgent"]), list(data["not_urgent"])


def load_nlu(path: Path = NLU_FILE) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples: dict[str, list[str]] = {}
    for block in data["nlu"]:
        if "intent" not in block:
            continue
        lines = [line.strip() for line in block["examples"].splitlines()]
        examples.setdefault(block["intent"], []).extend(
            line[2:].strip() for line in lines if line.startswith("- ")
        )
    return examples


def plain(text: str) -> str:
    """Case, punctuation and apostrophes removed: "He's here!" -> "hes here"."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", "")))
