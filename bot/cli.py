"""The `safetyplan` command. Each module in bot/commands adds its own sub-commands."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import bot.commands
from bot.settings import SettingsError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safetyplan",
        description="A conversational assistant that helps write a draft safety plan.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in sorted(m.name for m in pkgutil.iter_modules(bot.commands.__path__)):
        importlib.import_module(f"bot.commands.{module}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SettingsError as error:
        print(f"Setting problem: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
