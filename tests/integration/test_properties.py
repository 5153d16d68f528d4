"""Property tests: arbitrary Unicode into the message endpoint and into every exporter text field.

- Any text at all (every code point, lone surrogates and controls included)
  sent to the REST webhook gets a 200 and a proper reply, and the
  conversation still answers afterwards.
- A small plan with arbitrary text in every field renders as the worker and
  family plans and the meeting pack; python-docx reads each back, and
  LibreOffice converts every one of them to PDF.

Example counts are fixed so the run stays short: see EXAMPLES below.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import signal
import subprocess
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.plan.model import (
    Attendee,
    CaseStatus,
    Child,
    ColumnEntry,
    ColumnKind,
    Meeting,
    MeetingType,
    OpenQuestion,
    Pair,
    Person,
    Plan,
    PlanRule,
    Revision,
    RuleKind,
    Score,
    Step,
    UrgentFlag,
)
from exporters import ExportOptions
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan
from tests.support.family_walk import AT_STRENGTHS, FAULTS, walk
from tests.support.tools import require_program

EXAMPLES = {"messages": 40, "documents": 25, "libreoffice": 12}
CONVERT_TIMEOUT_S = 600

# Every code point: lone surrogates, controls, private use, unassigned.
ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(ANY_CHARACTER, max_size=max_size)


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    text = lambda size=40: draw(texts(size))  # noqa: E731
    optional = lambda size=40: draw(maybe(texts(size)))  # noqa: E731
    meetings = [
        Meeting(
            draw(st.sampled_from(MeetingType)), draw(DATES), [Attendee(text()) for _ in range(2)]
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    pairs = []
    for _ in range(draw(st.integers(0, 2))):
        pair = Pair(
            danger_who=optional(), danger_behaviour=optional(), danger_impact=optional(),
            danger_statement=optional(200), danger_confirmed=draw(st.booleans()),
            goal_happening=optional(), goal_who=optional(), goal_duration=optional(),
            safety_goal=optional(200), goal_confirmed=draw(st.booleans()),
            scaling_question=optional(200),
        )
        pair.scores = [
            Score(text(), draw(st.floats(0, 10)), optional(), optional(), draw(DATES),
                  draw(st.sampled_from(meetings)) if meetings and draw(st.booleans()) else None)
            for _ in range(draw(st.integers(0, 2)))
        ]
        pair.rules = [
            PlanRule(kind, text(80), optional(), optional(), optional())
            for kind in RuleKind
            for _ in range(draw(st.integers(0, 1)))
        ]
        pairs.append(pair)
    return Plan(
        reference="SP-" + draw(st.text("ABCDEFGHJKMNPQRSTUVWXYZ2345678", min_size=6, max_size=6)),
        status=draw(st.sampled_from(CaseStatus)),
        target_closure_date=draw(maybe(DATES)),
        target_closure_text=optional(),
        written_with=[text() for _ in range(draw(st.integers(0, 2)))],
        children=[Child(text(20), draw(maybe(st.integers(0, 17))))
                  for _ in range(draw(st.integers(0, 2)))],
        people=[Person(text(30), optional(), draw(st.booleans()), optional(), optional())
                for _ in range(draw(st.integers(0, 3)))],
        entries=[ColumnEntry(kind, text(200), optional())
                 for kind in ColumnKind for _ in range(draw(st.integers(0, 1)))],
        pairs=pairs,
        steps=[Step(text(80), optional(), draw(maybe(DATES)), optional(), draw(st.booleans()))
               for _ in range(draw(st.integers(0, 3)))],
        meetings=meetings,
        open_questions=[OpenQuestion(text(), text()) for _ in range(draw(st.integers(0, 1)))],
        revisions=[Revision(text(), draw(st.sampled_from(["added", "changed", "removed"])),
                            text(), optional()) for _ in range(draw(st.integers(0, 2)))],
        urgent_flags=[UrgentFlag(text(100), text(10)) for _ in range(draw(st.integers(0, 1)))],
    )


OPTIONS = {"today": dt.date(2026, 11, 26), "council_name": "Testshire",
           "council_phone": "01632 960000"}


def documents(plan: Plan) -> dict[str, bytes]:
    return {
        "plan-worker": render_plan(plan, ExportOptions(version="worker", **OPTIONS)),
        "plan-family": render_plan(plan, ExportOptions(version="family", **OPTIONS)),
        "meeting-pack": render_meeting_pack(plan, ExportOptions(**OPTIONS)),
    }


# -- exporters -------------------------------------------------------------------------


@settings(max_examples=EXAMPLES["documents"], deadline=None)
@given(plan=plans())
def test_every_document_renders_and_reads_back(plan: Plan) -> None:
    for name, content in documents(plan).items():
        assert content[:2] == b"PK", name
        docx.Document(io.BytesIO(content))


@pytest.mark.slow
@pytest.mark.libreoffice
def test_every_document_opens_in_libreoffice(tmp_path: Path) -> None:
    soffice = require_program("soffice", "libreoffice-writer-nogui")
    folder = tmp_path / "docx"
    folder.mkdir()
    numbers = itertools.count()

    @settings(max_examples=EXAMPLES["libreoffice"], deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(plan=plans())
    def render(plan: Plan) -> None:
        number = next(numbers)
        for name, content in documents(plan).items():
            (folder / f"{number:03d}-{name}.docx").write_bytes(content)

    render()
    files = sorted(folder.iterdir())
    assert len(files) >= 3 * EXAMPLES["libreoffice"] // 2
    # One LibreOffice run for them all (it starts slowly), in its own profile and process group.
    outdir = tmp_path / "pdf"
    command = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice took more than {CONVERT_TIMEOUT_S} s for {len(files)} files")
    missing = [f.name for f in files
               if not (outdir / f"{f.stem}.pdf").is_file()
               or (outdir / f"{f.stem}.pdf").stat().st_size == 0]
    assert process.returncode == 0 and not missing, (missing, out[-2000:], err[-2000:])


# -- the message endpoint ----------------------------------------------------------------


@pytest.fixture(scope="module")
def parked_sender(bot) -> str:
    sender = bot.new_sender("hypothesis")
    walk(bot, sender, AT_STRENGTHS)
    return sender


@pytest.mark.conversation
@pytest.mark.slow
def test_any_text_gets_a_proper_reply(bot, parked_sender: str) -> None:
    senders = itertools.cycle([parked_sender, bot.new_sender("hypothesis-new")])

    @settings(max_examples=EXAMPLES["messages"], deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(message=st.one_of(texts(60), texts(6000)))
    def send(message: str) -> None:
        status, reply = bot.post({"sender": next(senders), "message": message})
        assert status == 200, (status, reply)
        assert isinstance(reply, list) and reply
        words = "\n".join(m.get("text") or "" for m in reply)
        assert words.strip() and not any(fault in words for fault in FAULTS), words

    send()
    status, reply = bot.post({"sender": parked_sender, "message": "help"})
    assert status == 200 and reply and not any(
        fault in (m.get("text") or "") for m in reply for fault in FAULTS
    )
