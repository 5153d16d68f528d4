"""Privacy commands: erase a case, purge what is past its retention period, rotate keys."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from bot.settings import Settings, load_settings

_PERIOD = re.compile(r"^\s*(\d+)\s*([dwh]?)\s*$", re.I)
_UNITS = {"": "days", "d": "days", "w": "weeks", "h": "hours"}


def parse_period(text: str) -> dt.timedelta:
    """'90d', '12w', '36h' or a bare number of days."""
    match = _PERIOD.match(text)
    if not match or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a period: use a whole number of days such as 90d (or 12w, 36h)"
        )
    return dt.timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _describe(period: dt.timedelta) -> str:
    if period.seconds == 0:
        return f"{period.days} days"
    return f"{period.total_seconds() / 3600:.0f} hours"


def _confirm(reference: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(
        f"Erase case {reference} and everything tied to it (its plan, people, conversations and "
        "their messages)? This cannot be undone. Type the case reference to confirm: "
    )
    return answer.strip().upper() == reference


# -- erase and purge --------------------------------------------------------------


def cmd_erase(args: argparse.Namespace) -> int:
    from bot.storage.erasure import ForgetIncomplete, erase_case
    from bot.storage.unit_of_work import SqlUnitOfWork

    settings = load_settings()
    reference = args.case.strip().upper()
    with SqlUnitOfWork(settings.database_url) as uow:
        exists = uow.plans.get(reference) is not None
    if not exists:
        return _fail(f"No case with the reference {reference}. `safetyplan cases` lists them.")
    if not args.yes and not _confirm(reference):
        return _fail(
            f"Not erased. To erase without being asked: safetyplan erase {reference} --yes"
        )
    try:
        erased = erase_case(settings, reference)
    except ForgetIncomplete as error:
        return _fail(f"Case {reference} is erased, but: {error}", code=2)
    if erased is None:
        return _fail(f"No case with the reference {reference}.")
    print(
        f"Erased case {reference}: the plan, {erased.conversations} conversation(s), "
        f"{erased.events} stored message event(s) and {len(erased.files)} file(s)."
    )
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from bot.storage.erasure import ForgetIncomplete, purge

    settings = load_settings()
    period = args.older_than or dt.timedelta(days=settings.retention_days)
    try:
        found = purge(settings, period, dry_run=args.dry_run)
    except ForgetIncomplete as error:
        return _fail(f"Purged, but: {error}", code=2)
    verb = "Would erase" if args.dry_run else "Erased"
    print(
        f"{verb} {len(found.references)} case(s) and {len(found.loose_senders)} conversation(s) "
        f"without a case, untouched for more than {_describe(period)} "
        f"(since {found.cutoff:%Y-%m-%d %H:%M} UTC)."
    )
    for reference in found.references:
        print(f"  {reference}")
    return 0


# -- keys ---------------------------------------------------------------------------


def _engine(settings: Settings):  # noqa: ANN202
    from bot.storage.engine import engine_for

    return engine_for(settings.database_url)


def cmd_keys_generate(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    print(Fernet.generate_key().decode("ascii"))
    return 0


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    from bot.storage.crypto import add_primary_key, load_keyring, use_keyring
    from bot.storage.rotation import reencrypt

    settings = load_settings()
    from_setting = bool(settings.encryption_keys)
    if from_setting and not args.no_new_key and len(settings.encryption_keys) < 2:
        return _fail(
            "The keys come from SAFETYPLAN_ENCRYPTION_KEYS. Put a new key first in that setting "
            "and keep the old one after it (comma-separated; `safetyplan keys generate` makes "
            "one), restart the servers, then run this again."
        )
    if from_setting or args.no_new_key:
        keyring = load_keyring(settings)
    else:
        keyring = add_primary_key(settings)
        print("Added a new first key to the key file; the old keys are kept to read old values.")
    use_keyring(keyring)
    tally = reencrypt(_engine(settings), keyring)
    print(
        f"Re-encrypted {tally.values} value(s) under the first key; "
        f"{tally.skipped} changed meanwhile and were left as written."
    )
    if tally.unreadable:
        return _fail(
            f"{tally.unreadable} value(s) could not be read with any key and were left alone. "
            "Do not drop the old keys."
        )
    print("When every server uses the new key, `safetyplan keys drop-old` removes the old ones.")
    return 0


def cmd_keys_drop_old(args: argparse.Namespace) -> int:
    from bot.storage.crypto import keep_only_primary_key, load_keyring
    from bot.storage.rotation import needing_old_keys

    settings = load_settings()
    keyring = load_keyring(settings)
    if len(keyring.keys) < 2:
        print("There is only one key; nothing to drop.")
        return 0
    tally = needing_old_keys(_engine(settings), keyring)
    if tally.unreadable:
        return _fail(
            f"{tally.unreadable} stored value(s) still need an old key. Run "
            "`safetyplan keys rotate --no-new-key`, then this again. No key was dropped."
        )
    if settings.encryption_keys:
        print(
            f"All {tally.values} value(s) read with the first key alone. Remove the other keys "
            "from SAFETYPLAN_ENCRYPTION_KEYS and restart the servers."
        )
        return 0
    keep_only_primary_key(settings)
    print(f"All {tally.values} value(s) read with the first key alone; the old keys are removed.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    erase = sub.add_parser(
        "erase", help="erase a case: its plan, people, conversations and their messages"
    )
    erase.add_argument("case", help="the case reference, e.g. SP-ABC234")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(func=cmd_erase)

    purge = sub.add_parser(
        "purge", help="erase cases and conversations untouched for longer than the retention period"
    )
    purge.add_argument(
        "--older-than",
        type=parse_period,
        default=None,
        metavar="PERIOD",
        help="e.g. 90d, 12w (default: SAFETYPLAN_RETENTION_DAYS, 90 days)",
    )
    purge.add_argument("--dry-run", action="store_true", help="list what would go; erase nothing")
    purge.set_defaults(func=cmd_purge)

    keys = sub.add_parser("keys", help="encryption keys: rotate, drop old keys, generate")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    rotate = keys_sub.add_parser(
        "rotate", help="add a new first key and re-encrypt everything stored under it"
    )
    rotate.add_argument(
        "--no-new-key",
        action="store_true",
        help="only re-encrypt under the current first key (finish an interrupted rotation)",
    )
    rotate.set_defaults(func=cmd_keys_rotate)
    keys_sub.add_parser(
        "drop-old", help="remove old keys once nothing stored needs them"
    ).set_defaults(func=cmd_keys_drop_old)
    keys_sub.add_parser(
        "generate", help="print a new key (for SAFETYPLAN_ENCRYPTION_KEYS)"
    ).set_defaults(func=cmd_keys_generate)
