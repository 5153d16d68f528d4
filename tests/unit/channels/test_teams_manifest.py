"""`safetyplan teams-manifest`: a Teams app package with the bot id from settings."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from bot.cli import main
from bot.settings import load_settings
from bot.teams.manifest import ManifestError, build_manifest, build_package

BOT_ID = "00000000-1111-2222-3333-444444444444"


def settings(**changes: object):  # noqa: ANN201
    base = dataclasses.replace(
        load_settings(), teams_app_id=BOT_ID, public_url="https://plans.example.gov.uk"
    )
    return dataclasses.replace(base, **changes)


def test_the_package_holds_a_manifest_and_two_icons() -> None:
    package = build_package(settings())
    with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        colour = Image.open(io.BytesIO(archive.read("color.png")))
        outline = Image.open(io.BytesIO(archive.read("outline.png")))
    assert manifest == package.manifest
    assert colour.size == (192, 192)
    assert outline.size == (32, 32) and outline.mode == "RGBA"
    pixels = list(outline.getdata())
    assert any(a == 0 for *_, a in pixels), "the outline icon needs a transparent background"
    assert all((r, g, b) == (255, 255, 255) for r, g, b, a in pixels if a > 0), "white only"
    assert package.warnings == []


def test_the_manifest_names_the_bot_and_the_public_host() -> None:
    manifest, _ = build_manifest(settings())
    assert manifest["manifestVersion"] == "1.16"
    (bot,) = manifest["bots"]
    assert bot["botId"] == BOT_ID
    # Personal chats only: in a team's channel everyone would read the plan and its links.
    assert bot["scopes"] == ["personal"]
    assert all(c["scopes"] == ["personal"] for c in bot["commandLists"])
    assert manifest["validDomains"] == ["plans.example.gov.uk"]
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    assert len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000
    for url in manifest["developer"].values():
        assert not url.startswith("http") or url.startswith("https://")


def test_the_app_id_is_stable_for_a_bot_and_differs_between_bots() -> None:
    first, _ = build_manifest(settings())
    again, _ = build_manifest(settings())
    other, _ = build_manifest(settings(teams_app_id="another-bot"))
    assert first["id"] == again["id"] != other["id"]
    assert first["id"] != BOT_ID


def test_the_trade_mark_does_not_brand_the_app() -> None:
    manifest, _ = build_manifest(settings())
    text = json.dumps([manifest["name"], manifest["description"]]).lower()
    assert "signs of safety" not in text


def test_a_public_address_teams_cannot_use_is_warned_about() -> None:
    _, warnings = build_manifest(settings(public_url="http://localhost:5005"))
    assert any("https" in w for w in warnings)
    assert any("this machine" in w for w in warnings)


def test_no_app_id_is_a_clear_failure() -> None:
    with pytest.raises(ManifestError, match="TEAMS_APP_ID"):
        build_manifest(settings(teams_app_id=None))


def test_the_command_writes_the_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEAMS_APP_ID", BOT_ID)
    monkeypatch.setenv("SAFETYPLAN_PUBLIC_URL", "https://plans.example.gov.uk")
    out = tmp_path / "teams" / "app.zip"
    assert main(["teams-manifest", "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["bots"][0]["botId"] == BOT_ID


def test_the_command_fails_plainly_without_an_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TEAMS_APP_ID", raising=False)
    out = tmp_path / "app.zip"
    assert main(["teams-manifest", "--out", str(out)]) == 1
    assert "TEAMS_APP_ID is not set" in capsys.readouterr().err
    assert not out.exists()
