"""The core commands: run, train, chat, export, meeting-pack, import, cases, flags, db, domain."""

from __future__ import annotations

import argparse
import datetime as dt
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


def _no_case(reference: str) -> int:
    return fail(f"No case with the reference {reference}. `safetyplan cases` lists them.")


def _flag_status(flag) -> str:  # noqa: ANN001 - a bot.plan.model.UrgentFlag
    if not flag.is_reviewed:
        return "not reviewed"
    when = flag.reviewed_at.astimezone(dt.timezone.utc)
    status = f"reviewed: not urgent by {flag.reviewed_by} on {when.day} {when:%b %Y %H:%M} UTC"
    if flag.review_note:
        status += f". Note: {flag.review_note}"
    return status


def _print_flag(flag, where: str) -> None:  # noqa: ANN001
    when = f"{flag.at:%Y-%m-%d %H:%M} UTC"
    print(f"Flag {flag.id}  {when}  {where}  via {flag.channel}: {flag.message}")
    print(f"    {_flag_status(flag)}")


def cmd_flags(args: argparse.Namespace) -> int:
    from bot.storage.unit_of_work import SqlUnitOfWork

    if args.review is not None:
        return _review_flag(args)
    if args.by is not None or args.note is not None:
        return fail("--by and --note go with --review ID: which flag was reviewed?")
    with SqlUnitOfWork(load_settings().database_url) as uow:
        if args.case:
            plan = uow.plans.get(args.case)
            if plan is None:
                return _no_case(args.case)
            plans = [plan]
        else:
            plans = uow.plans.list()
        rows = [(p.reference, f) for p in plans for f in p.urgent_flags]
        loose = [] if args.case else uow.conversations.flags_without_case()
    if not rows and not loose:
        print("No urgent-danger flags.")
    for reference, flag in sorted(rows, key=lambda r: r[1].at, reverse=True):
        _print_flag(flag, reference)
    for flag in loose:
        _print_flag(flag, "(no case yet)")
    if any(not flag.is_reviewed for _, flag in rows):
        print(
            'To mark one reviewed: safetyplan flags CASE --review ID --by "Your name" '
            '[--note "..."]'
        )
    return 0


def _review_flag(args: argparse.Namespace) -> int:
    from bot.plan.model import AlreadyReviewed
    from bot.storage.unit_of_work import SaveFailed, SqlUnitOfWork

    if not args.case:
        return fail(
            "--review needs the case reference: safetyplan flags CASE --review ID --by NAME"
        )
    if args.by is None or not args.by.strip():
        return fail('--review needs the name of who reviewed it: --by "Sam Patel"')
    with SqlUnitOfWork(load_settings().database_url) as uow:
        plan = uow.plans.get(args.case)
        if plan is None:
            return _no_case(args.case)
        flag = uow.plans.flag(plan, args.review)
        if flag is None:
            return fail(
                f"Case {plan.reference} has no flag {args.review}, so nothing was changed. "
                f"`safetyplan flags {plan.reference}` lists this case's flags with their ids."
            )
        try:
            plan.review_flag(flag, args.by, args.note)
        except AlreadyReviewed:
            return fail(f"Flag {flag.id} is already {_flag_status(flag)}; nothing was changed.")
        try:
            uow.commit()
        except SaveFailed as error:
            return fail(f"The review could not be saved ({error}); nothing was changed.")
    print(f"Flag {flag.id} of case {plan.reference}: {_flag_status(flag)}")
    print("It has moved from page 1 of the worker document to its appendix.")
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
    flags.add_argument(
        "--review",
        type=int,
        metavar="ID",
        help='mark this flag of CASE "reviewed: not urgent" (needs --by)',
    )
    flags.add_argument("--by", metavar="NAME", help="who reviewed it, e.g. \"Sam Patel\"")
    flags.add_argument("--note", help="why it is not urgent (optional)")
    flags.set_defaults(func=cmd_flags)

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="bring the schema up to date").set_defaults(func=cmd_db)

    sub.add_parser("domain", help="regenerate domain.yml from the question catalogue").set_defaults(
        func=cmd_domain
    )
