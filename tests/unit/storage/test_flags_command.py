"""`safetyplan flags [CASE]` and `safetyplan flags CASE --review ID --by NAME [--note ...]`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.plan.model import UrgentFlag
from bot.storage.unit_of_work import SqlUnitOfWork
from exporters.docx_plan import REVIEWED_FLAGS, URGENT
from tests.unit.exporters.export_reading import load, sections

UTC = dt.timezone.utc
REVIEWED = re.compile(
    r"reviewed: not urgent by Sam Patel on (\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}) UTC"
)


@pytest.fixture()
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


@pytest.fixture()
def cases(cli: str) -> dict[str, object]:
    """Two cases with a flag each, and a flag from a conversation that never consented."""
    with SqlUnitOfWork(cli) as uow:
        first = uow.plans.new_plan()
        first.urgent_flags.append(
            UrgentFlag("he has a knife", "rest", dt.datetime(2026, 12, 5, 21, 40, tzinfo=UTC))
        )
        first.urgent_flags.append(
            UrgentFlag("Dad is outside now", "teams", dt.datetime(2026, 12, 5, 22, 0, tzinfo=UTC))
        )
        second = uow.plans.new_plan()
        second.urgent_flags.append(UrgentFlag("someone is at the door", "web chat"))
        loose = uow.conversations.get_or_create("never-consented", "rest")
        loose.urgent_flags.append(UrgentFlag("help he is here", "rest"))
        uow.commit()
        return {
            "first": first.reference,
            "second": second.reference,
            "knife": first.urgent_flags[0].id,
            "outside": first.urgent_flags[1].id,
            "door": second.urgent_flags[0].id,
            "first_version": first.version,
        }


def _plan(url: str, reference: str):  # noqa: ANN202
    with SqlUnitOfWork(url) as uow:
        return uow.plans.get(reference)


def test_the_list_shows_each_flag_with_its_id_and_status(cases, capsys) -> None:
    assert main(["flags"]) == 0
    out = capsys.readouterr().out
    knife = f"Flag {cases['knife']}  2026-12-05 21:40 UTC  {cases['first']}  via rest: he has a"
    assert knife in out
    assert f"Flag {cases['door']}" in out and "someone is at the door" in out
    # A conversation that never consented has no case, and its flag still lists.
    assert "(no case yet)  via rest: help he is here" in out
    assert out.count("    not reviewed") == 4
    assert "--review ID" in out


def test_marking_a_flag_reviewed_records_who_when_and_why(cli, cases, capsys) -> None:
    before = dt.datetime.now(UTC)
    code = main(
        [
            "flags", cases["first"].lower(), "--review", str(cases["knife"]),
            "--by", "  Sam   Patel ", "--note", "Spoke to mum: it was about last year",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    said = f"Flag {cases['knife']} of case {cases['first']}: reviewed: not urgent by Sam Patel"
    assert said in out
    assert "Note: Spoke to mum: it was about last year" in out

    plan = _plan(cli, cases["first"])
    flag = next(f for f in plan.urgent_flags if f.id == cases["knife"])
    assert flag.reviewed_by == "Sam Patel"
    assert flag.review_note == "Spoke to mum: it was about last year"
    assert before <= flag.reviewed_at <= dt.datetime.now(UTC)
    assert [f.message for f in plan.unreviewed_flags] == ["Dad is outside now"]
    # The change log says who reviewed which flag.
    assert plan.version == cases["first_version"] + 1
    last = plan.revisions[-1]
    assert (last.actor, last.action, last.what) == (
        "Sam Patel", "reviewed", "a danger-now flag: not urgent"
    )
    assert last.detail == "The flag raised 5 Dec 2026 21:40 UTC via rest."

    assert main(["flags", cases["first"]]) == 0
    listing = capsys.readouterr().out
    shown = REVIEWED.search(listing)
    assert shown is not None
    assert shown.group(1) == f"{flag.reviewed_at.day} {flag.reviewed_at:%b %Y %H:%M}"
    assert "Note: Spoke to mum" in listing
    assert listing.count("    not reviewed") == 1  # the other flag of the case
    assert "someone is at the door" not in listing  # only this case's flags


def test_a_reviewed_flag_moves_to_the_appendix_of_the_exported_document(
    cli, cases, capsys, tmp_path: Path
) -> None:
    review = ["flags", cases["first"], "--review", str(cases["knife"]), "--by", "Sam Patel"]
    assert main(review) == 0
    out = tmp_path / "plan.docx"
    assert main(["export", cases["first"], "--out", str(out)]) == 0
    found = dict(sections(load(out.read_bytes())))
    assert "he has a knife" not in found[URGENT]
    assert "Dad is outside now" in found[URGENT]
    assert "he has a knife" in found[REVIEWED_FLAGS] and "Sam Patel" in found[REVIEWED_FLAGS]
    assert "Dad is outside now" not in found[REVIEWED_FLAGS]


def test_an_id_from_another_case_is_refused_and_nothing_changes(cli, cases, capsys) -> None:
    for wrong in (cases["door"], 99_999):
        code = main(["flags", cases["first"], "--review", str(wrong), "--by", "Sam Patel"])
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert f"Case {cases['first']} has no flag {wrong}, so nothing was changed." in err
        assert f"`safetyplan flags {cases['first']}` lists this case's flags" in err
    first, second = _plan(cli, cases["first"]), _plan(cli, cases["second"])
    assert not any(f.is_reviewed for f in first.urgent_flags + second.urgent_flags)
    assert first.version == cases["first_version"] and not first.revisions


def test_a_flag_is_reviewed_once(cli, cases, capsys) -> None:
    args = ["flags", cases["first"], "--review", str(cases["knife"])]
    assert main([*args, "--by", "Sam Patel"]) == 0
    capsys.readouterr()
    assert main([*args, "--by", "Jo Bloggs", "--note", "again"]) == 1
    err = capsys.readouterr().err
    assert "already reviewed: not urgent by Sam Patel" in err and "nothing was changed" in err
    plan = _plan(cli, cases["first"])
    assert plan.reviewed_flags[0].reviewed_by == "Sam Patel"
    assert len(plan.revisions) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["flags", "--review", "1", "--by", "Sam Patel"], "--review needs the case reference"),
        (["flags", "{first}", "--review", "{knife}"], '--by "Sam Patel"'),
        (["flags", "{first}", "--review", "{knife}", "--by", "   "], '--by "Sam Patel"'),
        (["flags", "{first}", "--by", "Sam Patel"], "--by and --note go with --review ID"),
        (["flags", "SP-NOSUCH"], "No case with the reference SP-NOSUCH"),
        (["flags", "SP-NOSUCH", "--review", "1", "--by", "Sam"], "No case with the reference"),
    ],
)
def test_incomplete_requests_are_refused_kindly(cli, cases, capsys, args, message) -> None:
    argv = [a.format(first=cases["first"], knife=cases["knife"]) for a in args]
    assert main(argv) == 1
    assert message in capsys.readouterr().err
    assert not _plan(cli, cases["first"]).reviewed_flags
