"""Access commands: invite someone to a case's web chat, list the invites, revoke them."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from bot.settings import load_settings


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _no_case(reference: str) -> int:
    return _fail(f"No case with the reference {reference}. `safetyplan cases` lists them.")


def cmd_invite(args: argparse.Namespace) -> int:
    from bot.access.invites import UnknownCase, issue_invite

    try:
        invitation = issue_invite(args.case, args.role, args.days, load_settings())
    except UnknownCase:
        return _no_case(args.case)
    except ValueError as error:
        return _fail(f"Could not make the link: {error}.")
    invite = invitation.invite
    who = "a family member" if invite.role.value == "family" else "a worker"
    print(
        f"Link for {who} on case {invitation.case_reference} (invite {invite.public_id}, "
        f"works until {invite.expires_at:%Y-%m-%d %H:%M} UTC). Send it privately; anyone "
        "with it can open the case:",
        file=sys.stderr,
    )
    # The link alone on standard output, so scripts can capture it.
    print(invitation.link)
    return 0


def _status(invite, now: dt.datetime) -> str:  # noqa: ANN001 - bot.storage.invites.Invite
    if invite.revoked_at is not None:
        return f"revoked {invite.revoked_at:%Y-%m-%d %H:%M}"
    if not invite.usable(now):
        return f"expired {invite.expires_at:%Y-%m-%d %H:%M}"
    return f"open until {invite.expires_at:%Y-%m-%d %H:%M}"


def cmd_invites(args: argparse.Namespace) -> int:
    from bot.access.invites import UnknownCase, list_invites

    try:
        invites = list_invites(args.case, load_settings())
    except UnknownCase:
        return _no_case(args.case)
    if not invites:
        print(f"No invites for {args.case.upper()}.")
        return 0
    now = dt.datetime.now(dt.timezone.utc)
    for invite in invites:
        print(
            f"{invite.public_id}  {invite.role.value:7}  made {invite.created_at:%Y-%m-%d %H:%M}"
            f"  {_status(invite, now)} (UTC)"
        )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from bot.access.invites import UnknownCase, revoke

    try:
        count = revoke(args.case, args.invite, load_settings())
    except UnknownCase:
        return _no_case(args.case)
    if args.invite and count == 0:
        return _fail(
            f"No open invite {args.invite} on {args.case.upper()}. "
            f"`safetyplan invites {args.case}` lists them."
        )
    plural = "s" if count != 1 else ""
    if args.invite:
        print(f"Revoked {count} invite{plural}. Links already sent no longer work.")
    else:
        print(
            f"Revoked {count} invite{plural}. Every link to {args.case.upper()} and every "
            "conversation on it, including the one that created it, no longer works. "
            f"To let someone carry on, send a new invite: safetyplan invite {args.case.upper()}"
            " --role worker|family"
        )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    invite = sub.add_parser("invite", help="print a link that opens the web chat on a case")
    invite.add_argument("case", help="the case reference, e.g. SP-ABC234")
    invite.add_argument("--role", choices=["family", "worker"], required=True)
    invite.add_argument(
        "--days",
        type=int,
        default=None,
        help="how long the link works (default: SAFETYPLAN_LINK_LIFETIME_DAYS, 30)",
    )
    invite.set_defaults(func=cmd_invite)

    invites = sub.add_parser("invites", help="list a case's invite links")
    invites.add_argument("case")
    invites.set_defaults(func=cmd_invites)

    revoke = sub.add_parser("revoke", help="stop a case's invite links from working")
    revoke.add_argument("case")
    revoke.add_argument("--invite", help="only this invite (default: all of the case's)")
    revoke.set_defaults(func=cmd_revoke)
