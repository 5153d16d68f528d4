"""Rewrites tests/fidelity/known_gaps.yml from `scripts/fidelity_eval.py --show` output.

    .venv/bin/python scripts/fidelity_eval.py tests/fidelity/<batch>.yml --show > out.txt
    .venv/bin/python scripts/fidelity_known_gaps.py out.txt [more.txt ...]

Each file is one run's output; every batch it shows is replaced in known_gaps.yml,
the others are kept. A fact under the wrong person, a phone number or a lost answer
is listed with the issue 14 reason the ratchet asks for; a calm answer given the 999
reply with issue 11's. Only run it after reading the output: a new gap is a
regression to fix, not a line to add.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWN_GAPS = ROOT / "tests" / "fidelity" / "known_gaps.yml"

_BATCH = re.compile(r"^(?P<batch>\S+) \((?:development|blind)[^)]*\)$")
_CONVERSATION = re.compile(r"^(?P<id>\S+) \((?:family|worker|learner)\): facts ")
_FACT = re.compile(r"^  (?P<fid>\S+): (?P<status>\w+)(?P<flag> \[wrong person\])? - (?P<why>.*)$")
ISSUE_14 = "issue 14 (wrong person or lost answer): "
ISSUE_11 = "issue 11 (a calm plan answer given the 999 reply): "


def gaps_in(text: str) -> dict[str, dict[str, dict[str, str]]]:
    found: dict[str, dict[str, dict[str, str]]] = {}
    batch = conversation = None
    for line in text.splitlines():
        if match := _BATCH.match(line):
            batch = match.group("batch")
            found[batch] = {}
        elif (match := _CONVERSATION.match(line)) and batch is not None:
            conversation = match.group("id")
        elif (match := _FACT.match(line)) and batch is not None and conversation is not None:
            fid = match.group("fid")
            why = f"{match.group('status')}: {match.group('why')}"
            if match.group("flag") or fid.startswith(("phone/", "lost/")):
                why = ISSUE_14 + why
            elif fid.startswith("urgent/"):
                why = ISSUE_11 + why
            found[batch].setdefault(conversation, {})[fid] = why
    return found


def main(paths: list[str]) -> int:
    known = yaml.safe_load(KNOWN_GAPS.read_text(encoding="utf-8")) or {}
    for path in paths:
        for batch, conversations in gaps_in(Path(path).read_text(encoding="utf-8")).items():
            known[batch] = conversations
            print(f"{batch}: {sum(len(g) for g in conversations.values())} known gaps")
    KNOWN_GAPS.write_text(
        yaml.safe_dump(known, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
