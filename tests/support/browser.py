"""Debian's Chromium driven by Playwright: no browser download, nothing fetched from outside."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support.tools import require, require_program

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    executable = require_program("chromium", "chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev extra installs it
        require(False, "needs Playwright for Python: pip install -e '.[dev]'")
        raise
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot_path(name: str) -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@contextmanager
def phone_profile(profile: Path, origin: str, **options: Any) -> Iterator[Any]:
    """Chromium with a profile kept on disk, as a phone's browser keeps one between visits.

    Closing and opening it again on the same folder is the phone picked up later:
    localStorage, history and cookies are what the browser wrote to disk. Nothing
    may be fetched from anywhere but `origin`.
    """
    executable = require_program("chromium", "chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev extra installs it
        require(False, "needs Playwright for Python: pip install -e '.[dev]'")
        raise
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=CHROMIUM_ARGS,
            accept_downloads=True,
            viewport={"width": 360, "height": 740},
            **options,
        )
        context.route("**/*", guard)
        try:
            yield context
        finally:
            context.close()
    assert outside == [], "the page loaded something from outside the server"
