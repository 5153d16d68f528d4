"""Test session set-up: a private data folder, shared keys, a shared model cache, real servers."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent

# Before anything imports the settings: this session's data lives in its own
# folder; trained models are cached across runs, keyed by their inputs.
_VAR = Path(tempfile.mkdtemp(prefix="safetyplan-test-"))
os.environ["SAFETYPLAN_VAR_DIR"] = str(_VAR)
os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
os.environ.pop("DATABASE_URL", None)
os.environ["SAFETYPLAN_ENV"] = "development"
os.environ["RASA_TELEMETRY_ENABLED"] = "false"
os.environ.setdefault("MPLCONFIGDIR", str(_VAR / "matplotlib"))
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
# One set of keys for this process and every server it starts, so a test can
# read what the servers wrote.
os.environ["SAFETYPLAN_ENCRYPTION_KEYS"] = Fernet.generate_key().decode("ascii")
os.environ["SAFETYPLAN_SECRET_KEY"] = secrets.token_urlsafe(32)


@pytest.fixture(scope="session")
def var_dir() -> Path:
    return _VAR


@pytest.fixture(scope="session")
def bot(var_dir: Path) -> Iterator[object]:
    """A running Rasa server and action server, shared by the conversation tests."""
    from tests.support.servers import Bot, settings_for, start_stack

    stack = start_stack(settings_for(var_dir / "shared-stack"))
    try:
        yield Bot(stack)
    finally:
        stack.stop()
