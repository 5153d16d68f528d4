"""The core commands: run, train, chat, export, meeting-pack, import, cases, flags, db, domain."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import load_settings


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runner import StartupError, run_forever
    from bot.storage.engine import DatabaseUnavailable

    try:
        return run_forever(load_settings())
    except (StartupError, DatabaseUnavailable) as error:
        return fail(str(error))


def cmd_train(args: argparse.Namespace) -> int:
    from bot.runner import StartupError, train

    try:
        path = train(load_settings(), force=args.force)
    except StartupError as error:
        return fail(str(error))
    print(path)
    return 0


def cmd_domain(args: argparse.Namespace) -> int:
    from bot.rasa_ext.domain_builder import write

    print(f"Wrote {write()}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from bot.storage.engine import DatabaseUnavailable
    from bot.storage.migrate import current_revision, upgrade

    settings = load_settings()
    try:
        upgrade(settings.database_url)
    except DatabaseUnavailable as error:
        return fail(str(error))
    print(f"Database is at revision {current_revision(settings.database_url)}.")
    return 0


def _load_plan(reference: str):  # noqa: ANN202
    from bot.storage.unit_of_work import SqlUnitOfWork

    with SqlUnitOfWork(load_settings().database_url) as uow:
        return uow.plans.get(reference)


def cmd_export(args: argparse.Namespace) -> int:
    from bot.services import render_document

    plan = _load_plan(args.case)
    if plan is None:
        return fail(f"No case with the reference {args.case}. `safetyplan cases` lists them.")
    fmt = args.format or ("json" if str(args.out).endswith(".json") else "docx")
    kind = "json" if fmt == "json" else f"plan-{args.version}"
    document = render_document(plan, kind, load_settings())
    Path(args.out).write_bytes(document.content)
    print(f"Wrote {args.out}")
    return 0


def cmd_meeting_pack(args: argparse.Namespace) -> int:
    from bot.services import render_document

    plan = _load_plan(args.case)
    if plan is None:
        return fail(f"No case with the reference {args.case}. `safetyplan cases` lists them.")
    document = render_document(plan, "meeting-pack", load_settings())
    Path(args.out).write_bytes(document.content)
    print(f"Wrote {args.out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from bot.plan.reference import new_reference
    from bot.storage.orm import start_mappers
    from bot.storage.unit_of_work import SqlUnitOfWork
    from exporters.json_plan import plan_from_json

    # The plan objects must be made after the mapping, so the database can see them.
    start_mappers()
    try:
        plan = plan_from_json(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return fail(f"Could not read {args.file}: {error}")
    with SqlUnitOfWork(load_settings().database_url) as uow:
        if uow.plans.get(plan.reference) is not None:
            old = plan.reference
            while uow.plans.get(plan.reference) is not None:
                plan.reference = new_reference()
            print(f"A case {old} already exists; imported as {plan.reference}.")
        uow.plans.add(plan)
        uow.commit()
    print(f"Imported case {plan.reference}.")
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    from bot.storage.unit_of_work import SqlUnitOfWork

    with SqlUnitOfWork(load_settings().database_url) as uow:
        plans = uow.plans.list()
    if not plans:
        print("No cases yet.")
    for plan in plans:
        print(
            f"{plan.reference}  {plan.status.value:7}  updated {plan.updated_at:%Y-%m-%d %H:%M}  "
            f"{len(plan.pairs)} worries, {len(plan.steps)} steps"
        )
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    from bot.storage.unit_of_work import SqlUnitOfWork

    with SqlUnitOfWork(load_settings().database_url) as uow:
        plans = [uow.plans.get(args.case)] if args.case else uow.plans.list()
        rows = [(p.reference, f) for p in plans if p is not None for f in p.urgent_flags]
        loose = [] if args.case else uow.conversations.flags_without_case()
    if not rows and not loose:
        print("No urgent-danger flags.")
    for reference, flag in sorted(rows, key=lambda r: r[1].at, reverse=True):
        print(f"{flag.at:%Y-%m-%d %H:%M} UTC  {reference}  via {flag.channel}: {flag.message}")
    for flag in loose:
        print(f"{flag.at:%Y-%m-%d %H:%M} UTC  (no case yet)  via {flag.channel}: {flag.message}")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.channels.terminal import chat

    return chat(url=args.url, sender=args.sender)


def register(sub: argparse._SubParsersAction) -> None:

    sub.add_parser(
        "run", help="train if needed, start both servers, print the chat address"
    ).set_defaults(func=cmd_run)
    train = sub.add_parser("train", help="train the model if its data changed")
    train.add_argument(
        "--force", action="store_true", help="train even if a model for this data exists"
    )
    train.set_defaults(func=cmd_train)

    chat = sub.add_parser("chat", help="hold the interview in this terminal")
    chat.add_argument("--url", default=None, help="the REST webhook (default: the local server)")
    chat.add_argument(
        "--sender", default=None, help="carry on this conversation (its id is shown at the start)"
    )
    chat.set_defaults(func=cmd_chat)

    export = sub.add_parser("export", help="write a case's plan to a file")
    export.add_argument("case", help="the case reference, e.g. SP-ABC234")
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--format", choices=["docx", "json"], help="default: from the file name")
    export.add_argument("--version", choices=["family", "worker"], default="worker")
    export.set_defaults(func=cmd_export)

    pack = sub.add_parser("meeting-pack", help="write the meeting pack for a case")
    pack.add_argument("case")
    pack.add_argument("--out", required=True)
    pack.set_defaults(func=cmd_meeting_pack)

    importer = sub.add_parser("import", help="add a case from a JSON export")
    importer.add_argument("file")
    importer.set_defaults(func=cmd_import)

    sub.add_parser("cases", help="list the cases").set_defaults(func=cmd_cases)
    flags = sub.add_parser("flags", help="list times someone said a child might be in danger now")
    flags.add_argument("case", nargs="?", help="only this case")
    flags.set_defaults(func=cmd_flags)

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="bring the schema up to date").set_defaults(func=cmd_db)

    sub.add_parser("domain", help="regenerate domain.yml from the question catalogue").set_defaults(
        func=cmd_domain
    )
