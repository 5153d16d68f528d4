"""The set-up and start-up say plainly what is wrong, and stop, instead of hanging."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from bot.runner import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_setup_without_python_310_says_what_to_install(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "bootstrap.sh", project / "scripts" / "bootstrap.sh")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copy(ROOT / "constraints.txt", project / "constraints.txt")
    # A machine with only the system Python (3.11 here), no pyenv and no uv.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "cat", "sha256sum", "cut", "grep", "sort", "rm", "env", "dirname"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    system_python = Path("/usr/bin/python3")
    if system_python.exists():
        (bin_dir / "python3").symlink_to(system_python)
    result = subprocess.run(
        ["bash", "scripts/bootstrap.sh"],
        cwd=project,
        env={"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "none")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    message = result.stderr.strip()
    assert "needs Python 3.10" in message
    assert "pyenv install 3.10" in message and "uv python install 3.10" in message
    assert len(message.splitlines()) == 1
    assert not (project / ".venv").exists()


def _run(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_port_in_use_is_named_and_nothing_hangs(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = _run(
            ["run"],
            {"SAFETYPLAN_VAR_DIR": str(tmp_path), "SAFETYPLAN_RASA_PORT": str(port),
             "SAFETYPLAN_ACTION_PORT": "0"},
            timeout=600,
        )
    assert result.returncode == 1
    assert f"Port {port}" in result.stderr and "already in use" in result.stderr
    assert "SAFETYPLAN_RASA_PORT" in result.stderr


def test_an_unreachable_database_names_the_setting_to_fix(tmp_path: Path) -> None:
    # Free ports, not the defaults: with `make run` up in another terminal, 5005 is
    # taken and the run would stop at the port check before reaching the database.
    result = _run(
        ["run"],
        {"SAFETYPLAN_VAR_DIR": str(tmp_path),
         "SAFETYPLAN_RASA_PORT": str(free_port()),
         "SAFETYPLAN_ACTION_PORT": str(free_port()),
         "DATABASE_URL": "postgresql+psycopg2://nobody@127.0.0.1:1/nowhere"},
    )
    assert result.returncode == 1
    assert "Cannot reach the database" in result.stderr and "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
