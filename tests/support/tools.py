"""System tools some tests need: skip saying what to install; in CI a missing tool is a failure."""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(condition: bool, what: str) -> None:
    if condition:
        return
    if in_ci():
        pytest.fail(f"{what} (CI=true: missing tools fail the run instead of skipping)")
    pytest.skip(what)


def require_program(program: str, package: str) -> str:
    path = shutil.which(program)
    require(path is not None, f"needs `{program}`: install Debian's {package}")
    return path or ""
