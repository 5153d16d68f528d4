"""`safetyplan export`, `import`, `meeting-pack`, `cases` and `flags` on a real database."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from docx import Document

from bot.plan.model import Child, Pair, Person, Step, UrgentFlag
from bot.storage.migrate import upgrade
from bot.storage.unit_of_work import SqlUnitOfWork

ROOT = Path(__file__).resolve().parents[2]


def _cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _seed(database_url: str) -> str:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.children.append(Child("Leo", 7))
        plan.people.append(Person("Jan", "grandmother"))
        plan.pairs.append(
            Pair(
                danger_statement="Sam is worried that Dad shouts.",
                safety_goal="Sam will know Leo is safe when Dad is calm.",
            )
        )
        plan.steps.append(Step("Family meeting", "Sam"))
        plan.urgent_flags.append(UrgentFlag("he has a knife", "rest"))
        plan.record("Sam", "added", "the draft plan")
        uow.commit()
        return plan.reference


def test_export_import_and_meeting_pack(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    reference = _seed(url)

    listed = _cli(url, "cases")
    assert listed.returncode == 0 and reference in listed.stdout

    family = tmp_path / "family.docx"
    assert (
        _cli(url, "export", reference, "--out", str(family), "--version", "family").returncode == 0
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(family.read_bytes())).paragraphs)
    assert "Draft safety plan for Leo" in text and "Change log" not in text

    exported = tmp_path / "plan.json"
    result = _cli(url, "export", reference, "--format", "json", "--out", str(exported))
    assert result.returncode == 0
    data = json.loads(exported.read_text())
    assert data["schema_version"] and data["reference"] == reference

    imported = _cli(url, "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "already exists" in imported.stdout
    new_reference = imported.stdout.strip().split()[-1].rstrip(".")
    with SqlUnitOfWork(url) as uow:
        copy = uow.plans.get(new_reference)
        assert copy is not None and [c.first_name for c in copy.children] == ["Leo"]
        assert copy.pairs[0].danger_statement == "Sam is worried that Dad shouts."

    pack = tmp_path / "pack.docx"
    assert _cli(url, "meeting-pack", reference, "--out", str(pack)).returncode == 0
    assert pack.stat().st_size > 0

    flags = _cli(url, "flags")
    assert "he has a knife" in flags.stdout and reference in flags.stdout

    missing = _cli(url, "export", "SP-NOSUCH", "--out", str(tmp_path / "x.docx"))
    assert missing.returncode == 1 and "No case with the reference SP-NOSUCH" in missing.stderr
