"""The Teams app package: manifest.json and two icons in a zip, for sideloading.

The names and descriptions are plain words. The product supports Signs of
Safety practice but is not branded with that trade mark, so the name does not
appear here.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

from bot.settings import Settings

MANIFEST_VERSION = "1.16"
SCHEMA = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/v1.16/MicrosoftTeams.schema.json"
)
ACCENT = "#1F5F7A"
SHORT_NAME = "Safety plan helper"
FULL_NAME = "Safety plan helper for children's services"
SHORT_DESCRIPTION = "Write a draft safety plan for a family, one question at a time."
FULL_DESCRIPTION = (
    "A chat assistant for social workers and family support workers. It asks one question "
    "at a time and builds a draft safety plan: what we are worried about, what is working "
    "well, what needs to happen, safety goals, scaling questions, the family's rules and "
    "next steps with who does what by when. The draft can be downloaded as a Word document "
    "to talk through with the family and their network. It supports your judgement; it "
    "never decides risk. If a child is in danger now, call 999."
)
# Stable across runs for the same bot, so a new package updates the sideloaded app.
_APP_NAMESPACE = uuid.UUID("6d1f4f3e-2a51-4c1b-9a55-5e8f0c7d2b10")


class ManifestError(ValueError):
    """The package can't be made from these settings; the message says what to set."""


@dataclass(frozen=True)
class AppPackage:
    manifest: dict[str, Any]
    warnings: list[str]
    content: bytes


def app_id_for(bot_id: str) -> str:
    return str(uuid.uuid5(_APP_NAMESPACE, bot_id))


def build_manifest(
    settings: Settings,
    developer_name: str | None = None,
    version: str = "1.0.0",
) -> tuple[dict[str, Any], list[str]]:
    if not settings.teams_app_id:
        raise ManifestError(
            "TEAMS_APP_ID is not set. Set it to the Microsoft App ID of the bot's Azure Bot "
            "registration (and TEAMS_APP_PASSWORD to its client secret), then run this again."
        )
    warnings: list[str] = []
    public = urlsplit(settings.public_url)
    host = (public.hostname or "").lower()
    if public.scheme != "https":
        warnings.append(
            f"SAFETYPLAN_PUBLIC_URL ({settings.public_url}) is not https: Teams needs an https "
            "address for the bot's messaging endpoint and the download links."
        )
    if host in {"localhost", "127.0.0.1", "::1", ""}:
        warnings.append(
            "SAFETYPLAN_PUBLIC_URL points at this machine; Teams can't reach it. "
            "Set it to the public address (for a trial, a tunnel's address)."
        )
    website = settings.public_url if public.scheme == "https" else f"https://{host or 'localhost'}"
    manifest: dict[str, Any] = {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id_for(settings.teams_app_id),
        "developer": {
            "name": developer_name or settings.council_name or "Children's services",
            "websiteUrl": website,
            "privacyUrl": f"{website}/privacy",
            "termsOfUseUrl": f"{website}/terms",
        },
        "name": {"short": SHORT_NAME, "full": FULL_NAME},
        "description": {"short": SHORT_DESCRIPTION, "full": FULL_DESCRIPTION},
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": settings.teams_app_id,
                # Personal chats only: in a team's channel everyone reads the
                # plan and its links.
                "scopes": ["personal"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal"],
                        "commands": [
                            {"title": "help", "description": "What I can do and how to answer"},
                            {"title": "download", "description": "Get the plan as a document"},
                            {"title": "go back", "description": "Change the last answer"},
                            {"title": "stop", "description": "Stop for now; nothing is lost"},
                        ],
                    }
                ],
            }
        ],
        "validDomains": [host] if host else [],
    }
    return manifest, warnings


# -- icons -------------------------------------------------------------------------


def _house(draw: ImageDraw.ImageDraw, size: int, colour: Any, width: int) -> None:
    """A simple house: the plan is about a child being safe at home."""
    s = size
    roof = [(s * 0.18, s * 0.50), (s * 0.50, s * 0.20), (s * 0.82, s * 0.50)]
    draw.line(roof, fill=colour, width=width, joint="curve")
    draw.rectangle((s * 0.28, s * 0.48, s * 0.72, s * 0.80), outline=colour, width=width)
    draw.rectangle((s * 0.44, s * 0.62, s * 0.56, s * 0.80), fill=colour)


def colour_icon(size: int = 192) -> bytes:
    image = Image.new("RGBA", (size, size), ACCENT)
    _house(ImageDraw.Draw(image), size, "white", max(2, size // 20))
    return _png(image)


def outline_icon(size: int = 32) -> bytes:
    """White on transparent, as Teams asks for the outline icon."""
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    _house(ImageDraw.Draw(image), size, (255, 255, 255, 255), 2)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def build_package(settings: Settings, developer_name: str | None = None) -> AppPackage:
    manifest, warnings = build_manifest(settings, developer_name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr("color.png", colour_icon())
        archive.writestr("outline.png", outline_icon())
    return AppPackage(manifest, warnings, out.getvalue())
