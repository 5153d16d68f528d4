"""The page files, the static assets the page may load, and short pages in plain words."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"

CONTENT_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Asset:
    content: bytes
    content_type: str


def load_assets(folder: Path = STATIC_DIR) -> dict[str, Asset]:
    """Every servable file under static/, by its path there.

    A fixed list made at start-up: a request can only name one of these, so
    no path from outside is ever joined onto the file system.
    """
    assets: dict[str, Asset] = {}
    for path in sorted(folder.rglob("*")):
        content_type = CONTENT_TYPES.get(path.suffix.lower())
        if path.is_file() and content_type and not path.name.startswith("."):
            assets[path.relative_to(folder).as_posix()] = Asset(path.read_bytes(), content_type)
    return assets


def page(name: str) -> str:
    return (WEB_DIR / name).read_text(encoding="utf-8")


def message_page(title: str, *paragraphs: str) -> str:
    """A small page of plain text, in the chat page's style."""
    body = "\n".join(f"    <p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>{html.escape(title, quote=False)}</title>
  <link rel="stylesheet" href="/chat/static/chat.css">
</head>
<body class="plain-page">
  <main class="page-width" id="main">
    <h1>{html.escape(title, quote=False)}</h1>
{body}
  </main>
</body>
</html>
"""
