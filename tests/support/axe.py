"""axe-core for the accessibility scan, installed from the npm registry by the tests themselves.

The project does not vendor axe: the first browser test run installs the
pinned version with npm into var/test-tools/ (git-ignored) and reuses it after
that. Run `python -m tests.support.axe` to install it ahead of time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.tools import require

AXE_VERSION = "4.14.1"
ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "var" / "test-tools" / f"axe-core-{AXE_VERSION}"
SCRIPT = TOOLS / "node_modules" / "axe-core" / "axe.min.js"

# Violations at these levels fail the scan.
BLOCKING = ("serious", "critical")


def installed_version() -> str | None:
    package = SCRIPT.parent / "package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def install() -> Path:
    """The path of axe.min.js, installing the pinned version with npm if it isn't there yet."""
    if SCRIPT.is_file() and installed_version() == AXE_VERSION:
        return SCRIPT
    npm = shutil.which("npm")
    require(npm is not None, "needs `npm` to install axe-core: install Debian's npm")
    TOOLS.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 - npm with fixed arguments
        [
            npm or "npm",
            "install",
            "--prefix",
            str(TOOLS),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            f"axe-core@{AXE_VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    require(
        result.returncode == 0 and SCRIPT.is_file(),
        f"could not install axe-core {AXE_VERSION} with npm: {result.stderr.strip()[-400:]}",
    )
    return SCRIPT


def axe_source() -> str:
    return install().read_text(encoding="utf-8")


def blocking(results: dict) -> list[dict]:
    """The serious and critical violations of an axe run, briefly: rule, impact, where."""
    found = []
    for violation in results.get("violations", []):
        if violation.get("impact") in BLOCKING:
            found.append(
                {
                    "id": violation["id"],
                    "impact": violation["impact"],
                    "help": violation.get("help"),
                    "targets": [node.get("target") for node in violation.get("nodes", [])][:5],
                }
            )
    return found


if __name__ == "__main__":
    print(install())
