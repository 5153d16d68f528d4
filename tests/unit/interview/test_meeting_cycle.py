"""The meeting cycle in the chat: three meetings, three people scoring three worries each time.

A worker records an initial child protection conference, a core group six
weeks later and another six weeks after that, as they would in the web chat
(the conversation service in process, the real database); a step is marked
done at the second. Then the JSON export holds every score with its reason
and meeting, the meeting pack is at most four pages before its appendices in
LibreOffice with the score history and the timeline in date order, and the
family document says in words how things have moved (issue 15).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import docx
import pytest

from bot.plan.model import Pair, Person, Role, Step
from bot.storage.unit_of_work import SqlUnitOfWork
from exporters import ExportOptions
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan
from exporters.json_plan import plan_to_json
from tests.integration.test_documents_libreoffice import (  # noqa: F401
    convert_to_pdf,
    pdf_pages,
    pdftotext,  # noqa: F401
    soffice,
)
from tests.support.interview_driver import Driver

pytestmark = pytest.mark.libreoffice

TODAY = dt.date(2026, 11, 26)  # the driver's clock
MEETINGS = (
    ("we had an initial child protection conference on 1 October", dt.date(2026, 10, 1)),
    ("record the core group from 12 November", dt.date(2026, 11, 12)),
    ("we had a core group today", TODAY),
)
# Not six weeks for the last one: the driver's clock is 26 November, and a meeting
# is not recorded before it has happened.
SCORERS = ("Dan", "Sarah", "Sam Patel")


def _score(meeting: int, pair: int, person: str) -> int:
    return 2 + 2 * meeting + SCORERS.index(person) % 2 + pair % 2


def _case(database_url: str) -> str:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.people += [
            Person("Sarah", "Mum"),
            Person("Dan", "Dad"),
            Person("Sam Patel", "Social worker", is_professional=True),
        ]
        for worry in ("Dan's drinking", "Leo alone at night", "Leo missing school"):
            plan.pairs.append(
                Pair(
                    danger_statement=f"Sam is worried about {worry}.",
                    safety_goal=f"Sam will know Leo is safe from {worry} for six months.",
                    scaling_question=f"How safe is Leo from {worry}, from 0 to 10?",
                )
            )
        plan.steps += [
            Step("Nan's number on the fridge", "Sarah", dt.date(2026, 12, 20)),
            Step("Dan goes to the drinking group", "Dan", dt.date(2026, 11, 1)),
            Step("Leo's school plan", "Sam Patel", None),
        ]
        uow.commit()
        return plan.reference


def _record(driver: Driver, said: str, number: int) -> None:
    driver.say(said)
    names = ["Dan, Dad", "Sarah, Mum", "Sam Patel"]
    for _ in range(80):
        slot = driver.current_slot()
        last = driver.transcript[-1]
        if slot == "meeting_attendee" and "Who chaired" in last:
            driver.say("Sam Patel")
        elif slot == "meeting_attendee":
            driver.say(names.pop(0) if names else '/choose{"choice": "everyone"}')
        elif slot == "meeting_score":
            person = re.search(r"What score did (.+?) give", last)
            pair = re.findall(r"Worry (\d)", last)
            assert person and pair, last
            name, worry = person.group(1), int(pair[-1]) - 1
            value = _score(number, worry, name)
            driver.say(f"{value} because of what {name} saw at meeting {number + 1}")
        elif slot == "meeting_reason":
            driver.say(f"what was seen at meeting {number + 1}")
        elif slot == "meeting_step":
            # Overdue as it stood at the meeting: not yet on 1 October, by 12 November.
            if "drinking group" in last:
                assert ("Overdue." in last) == (number == 1), last
            # Done at the second meeting; a done step is not asked about again.
            assert number < 2 or "drinking group" not in last, last
            driver.say("done" if number == 1 and "drinking group" in last else "not yet")
        elif slot == "meeting_new_step":
            # One step agreed at the second meeting; the third reviews it like any other.
            if number == 1 and "Any other" not in last:
                driver.say("Leo to see the school nurse about sleep")
            else:
                driver.say("no new steps")
        elif slot == "meeting_step_who":
            driver.say("Sam Patel")
        elif slot == "meeting_step_when":
            driver.say("by 18 December")
        elif slot == "meeting_closure":
            driver.say("30 June 2027" if number == 0 else "yes, still right")
        elif slot == "meeting_changes":
            driver.say("no")
        elif slot == "meeting_finish":
            driver.say('/choose{"choice": "finish"}')
            return
        else:
            pytest.fail(f"unexpected question {slot}: {last}")
    pytest.fail("the meeting did not finish")


def test_three_meetings_three_people_three_worries(
    driver: Driver, database_url: str, soffice: str, pdftotext: str, tmp_path: Path  # noqa: F811
) -> None:
    reference = _case(database_url)
    with SqlUnitOfWork(database_url) as uow:
        case_id = uow.plans.get(reference).id
    driver.service.bind(driver.sender, driver.channel, case_id, Role.WORKER)
    driver.start()
    for said in ("no", "yes", "Sam Patel, social worker"):
        driver.say(said)
    for number, (said, _held) in enumerate(MEETINGS):
        _record(driver, said, number)
        assert any("is saved." in line for line in driver.transcript[-3:]), driver.transcript[-3:]

    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        exported = json.loads(plan_to_json(plan))
        pack = render_meeting_pack(plan, ExportOptions(today=TODAY))
        family = render_plan(plan, ExportOptions(version="family", today=TODAY))

    # JSON: 3 meetings x 3 people x 3 worries, each score with its reason and meeting.
    assert [(m["kind"], m["held_on"]) for m in exported["meetings"]] == [
        ("initial_conference", "2026-10-01"), ("core_group", "2026-11-12"),
        ("core_group", "2026-11-26")]
    rows = sorted(
        (s["meeting"], p, s["person_name"], s["value"], s["reason"])
        for p, pair in enumerate(exported["pairs"]) for s in pair["scores"]
    )
    assert len(rows) == 27
    for meeting, pair, name, value, reason in rows:
        assert value == _score(meeting, pair, name)
        assert reason == f"of what {name} saw at meeting {meeting + 1}"
    assert [s["done"] for s in exported["steps"]] == [False, True, False, False]
    added = exported["steps"][3]
    assert (added["what"], added["who"], added["due"]) == (
        "Leo to see the school nurse about sleep", "Sam Patel", "2026-12-18")
    assert exported["target_closure_date"] == "2027-06-30"

    # The pack, as a chair prints it.
    path = Path("test-artifacts/meeting-cycle")
    path.mkdir(parents=True, exist_ok=True)
    path = path / "pack.docx"
    path.write_bytes(pack)
    (pdf,) = convert_to_pdf(soffice, [path], tmp_path)
    pages = pdf_pages(pdftotext, pdf)
    first_appendix = next(
        n for n, page in enumerate(pages, start=1) if re.search(r"^Appendix: ", page, re.M)
    )
    assert first_appendix - 1 <= 4, [" ".join(p.split())[:80] for p in pages]
    front = " ".join(" ".join(pages[: first_appendix - 1]).split())
    assert "Score history" in front and "1 Oct 2026" in front and "26 Nov 2026" in front
    # Timeline by date: the overdue group on 1 November, then 20 December, then undated.
    order = [front.index(w) for w in ("drinking group", "school nurse", "fridge", "school plan")]
    assert order == sorted(order), front

    # The family's version says how things have moved, in words.
    text = " ".join(p.text for p in docx.Document(io.BytesIO(family)).paragraphs)
    for number in (1, 2, 3):
        assert f"For worry {number}, everyone feels things have got better since the" in text
