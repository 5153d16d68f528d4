"""`safetyplan invite | invites | revoke`."""

from __future__ import annotations

import pytest

from bot.access.invites import InviteRefused, check
from bot.cli import main


@pytest.fixture()
def cli_env(settings, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SAFETYPLAN_PUBLIC_URL", "https://plans.example")
    return settings


def test_invite_prints_the_link_alone_on_stdout(cli_env, case, capsys) -> None:
    case_id, reference = case
    assert main(["invite", reference.lower(), "--role", "family", "--days", "3"]) == 0
    out, err = capsys.readouterr()
    link = out.strip()
    assert link.startswith("https://plans.example/chat/#invite=")
    assert "\n" not in link
    assert reference in err and "family member" in err
    assert check(link.split("=", 1)[1], cli_env)[0] == case_id


def test_invites_lists_and_revoke_stops_them(cli_env, case, capsys) -> None:
    _case_id, reference = case
    main(["invite", reference, "--role", "family"])
    main(["invite", reference, "--role", "worker"])
    links = [line for line in capsys.readouterr().out.splitlines() if line]
    assert main(["invites", reference]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2
    assert "family" in listing[0] and "worker" in listing[1]
    assert all("open until" in line for line in listing)
    first_id = listing[0].split()[0]
    assert main(["revoke", reference, "--invite", first_id]) == 0
    assert "Revoked 1 invite." in capsys.readouterr().out
    assert main(["revoke", reference, "--invite", first_id]) == 1
    assert "No open invite" in capsys.readouterr().err
    assert main(["revoke", reference]) == 0
    assert "Revoked 1 invite." in capsys.readouterr().out
    for link in links:
        with pytest.raises(InviteRefused):
            check(link.split("=", 1)[1], cli_env)
    main(["invites", reference])
    assert all("revoked" in line for line in capsys.readouterr().out.splitlines())


def test_unknown_cases_and_bad_roles(cli_env, capsys) -> None:
    assert main(["invite", "SP-NOSUCH", "--role", "family"]) == 1
    assert "No case with the reference SP-NOSUCH" in capsys.readouterr().err
    assert main(["invites", "SP-NOSUCH"]) == 1
    assert main(["revoke", "SP-NOSUCH"]) == 1
    with pytest.raises(SystemExit):
        main(["invite", "SP-NOSUCH", "--role", "admin"])


def test_no_invites_yet(cli_env, case, capsys) -> None:
    _case_id, reference = case
    assert main(["invites", reference]) == 0
    assert "No invites" in capsys.readouterr().out
