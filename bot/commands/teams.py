"""`safetyplan teams-manifest`: the Teams app package for sideloading."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import load_settings


def cmd_teams_manifest(args: argparse.Namespace) -> int:
    from bot.teams.manifest import ManifestError, build_package

    try:
        package = build_package(load_settings(), developer_name=args.developer)
    except ManifestError as error:
        print(str(error), file=sys.stderr)
        return 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(package.content)
    for warning in package.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    bot_id = package.manifest["bots"][0]["botId"]
    print(f"Wrote {out} (Teams app {package.manifest['id']}, bot {bot_id}).")
    print("Upload it in Teams: Apps > Manage your apps > Upload an app.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "teams-manifest", help="write the Microsoft Teams app package (manifest and icons, zipped)"
    )
    parser.add_argument(
        "--out", default="safetyplan-teams.zip", help="the zip to write (default: %(default)s)"
    )
    parser.add_argument(
        "--developer",
        default=None,
        help="the organisation named as developer (default: COUNCIL_NAME)",
    )
    parser.set_defaults(func=cmd_teams_manifest)
