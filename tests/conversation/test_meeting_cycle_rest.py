"""The meeting cycle end to end through the REST channel (issue 15, "Done when").

A worker builds a three-worry case in the chat, then records an initial child
protection conference, a core group six weeks later and another six weeks after
that: three people score three worries each time with reasons; a step is marked
done at the second meeting and a new one agreed there. Then, from the links the
chat gives: the JSON export holds every score with its reason and meeting, the
meeting pack is at most four pages before its appendices in LibreOffice with the
score history and the timeline in date order, and the family version says how
things have moved.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.conversation.test_interviews import Chat, _offers_to_add
from tests.integration.test_documents_libreoffice import (  # noqa: F401
    convert_to_pdf,
    pdf_pages,
    pdftotext,
    soffice,
)

pytestmark = [pytest.mark.conversation, pytest.mark.slow, pytest.mark.libreoffice]

TODAY = dt.date.today()  # the servers' clock
HELD = (TODAY - dt.timedelta(weeks=12), TODAY - dt.timedelta(weeks=6), TODAY)
SCORERS = ("Sam Patel", "Grace", "Mum")


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


MEETINGS = (
    f"we had an initial child protection conference on {HELD[0]:%d/%m/%Y}",
    f"record the core group from {HELD[1]:%d/%m/%Y}",
    "we had a core group today",
)


def _score(meeting: int, pair: int, person: str) -> int:
    return 2 + 2 * meeting + SCORERS.index(person) % 2 + pair % 2


def _cursor(chat: Chat) -> str | None:
    conversation, _plan = chat.plan()
    cursor = conversation.state.get("cursor")
    return cursor if isinstance(cursor, str) else None


def _worry(chat: Chat, statement: str, goal: str, who: str, how_long: str, score: str) -> None:
    chat(statement)
    chat('/choose{"choice": "accept"}')
    chat(goal)
    if _offers_to_add(chat(who)):
        chat("/deny")
    chat(how_long)
    chat('/choose{"choice": "accept"}')
    if "Why " in chat(score):
        chat("because things are a bit calmer")
    chat("Mum telling Grace when things get hard")
    chat("/deny")  # no other people's scores now: they come from the meetings
    for text in ("Mum asks for help early", "weekends", "curtains closed all day",
                 "Grace will ring Sam"):
        if _offers_to_add(chat(text)):
            chat("/deny")


def _build_case(chat: Chat) -> None:
    chat("hello")
    chat("no")
    chat('/choose{"choice": "worker"}')
    chat("/affirm")
    chat("Sam Patel, social worker")
    chat("Amara 2")
    chat("Grace, maternal grandmother, 07700 900123")
    chat("/deny")
    chat("Dr Okoye, GP")
    chat("/deny")
    for answer in ("Mum is loving and attentive with Amara",
                   "When Mum has been drinking, Grace has taken Amara overnight",
                   "yes", "three times since June",
                   "Amara was found asleep on the sofa with Mum after Mum had been drinking",
                   "Mum is isolated and in rent arrears", "Safe sleep every night"):
        chat(answer)
    worries = (
        ("Sam (social worker) and the health visitor are worried that when Mum has been "
         "drinking she falls asleep on the sofa holding Amara, and that if nothing changes "
         "Amara could be smothered or dropped.",
         "Mum puts Amara in her cot for every sleep and is sober when she cares for her"),
        ("Sam (social worker) and Grace are worried that Mum leaves tablets where Amara can "
         "reach them, and that if nothing changes Amara could swallow them and be poisoned.",
         "medicines are locked away every day and the floor is clear"),
        ("Sam (social worker) and the GP are worried that Mum misses Amara's health "
         "appointments, and that if nothing changes Amara's health needs will not be met.",
         "Mum takes Amara to every health appointment"),
    )
    for number, (statement, goal) in enumerate(worries):
        _worry(chat, statement, goal, "Grace and the health visitor", "for three months", "4")
        chat("yes" if number < 2 else "no")  # another worry?
    for what, who, when in (("Referral to the alcohol service", "Sam", "in 1 week"),
                            ("Buy a lockable medicine box", "Mum", "in 3 weeks"),
                            ("Grace to visit twice a week", "Grace", "in 5 weeks")):
        chat(what)
        chat(who)
        chat(when)
        chat("yes" if what != "Grace to visit twice a week" else "no")
    chat(f"{TODAY + dt.timedelta(days=300):%d/%m/%Y}")
    assert "Worker version" in chat("yes")


def _record(chat: Chat, said: str, number: int) -> None:
    chat(said)
    names = ["Sam Patel", "Grace", "Mum, mother"]
    for _ in range(80):
        slot = _cursor(chat)
        last = chat.log[-1]
        if slot == "meeting_attendee" and "Who chaired" in last:
            chat("me")  # the worker, Sam Patel
        elif slot == "meeting_attendee":
            chat(names.pop(0) if names else '/choose{"choice": "everyone"}')
        elif slot == "meeting_score":
            person = re.search(r"What score did (.+?) give", last)
            pair = re.findall(r"Worry (\d)\.", last)
            assert person and pair, last
            name, worry = person.group(1), int(pair[-1]) - 1
            chat(f"{_score(number, worry, name)} because of what {name} saw, meeting {number + 1}")
        elif slot == "meeting_reason":
            chat(f"what was seen at meeting {number + 1}")
        elif slot == "meeting_step":
            # The referral is done at the second meeting and not asked about again.
            assert number < 2 or "alcohol service" not in last, last
            chat("done" if number == 1 and "alcohol service" in last else "not yet")
        elif slot == "meeting_new_step":
            if number == 1 and "Any other" not in last:
                chat("Mum to book Amara's missed health check")
            else:
                chat("no new steps")
        elif slot == "meeting_step_who":
            chat("Mum")
        elif slot == "meeting_step_when":
            chat(f"by {TODAY + dt.timedelta(days=10):%d/%m/%Y}")
        elif slot == "meeting_closure":
            chat("yes, still right")
        elif slot == "meeting_changes":
            chat("no")
        elif slot == "meeting_finish":
            assert "is saved." in chat('/choose{"choice": "finish"}')
            return
        else:
            pytest.fail(f"unexpected question {slot}: {last}")
    pytest.fail("the meeting did not finish")


def test_three_meetings_three_people_three_worries_through_rest(
    bot, soffice: str, pdftotext: str, tmp_path: Path  # noqa: ANN001, F811
) -> None:
    chat = Chat(bot, "worker")
    _build_case(chat)
    for number, said in enumerate(MEETINGS):
        _record(chat, said, number)

    # The links the chat gives, as the worker would use them.
    offer = chat("download")
    links = dict(re.findall(r"^(Worker version|Family version|Meeting pack|JSON)[^:]*: (\S+)",
                            offer, re.M))
    assert set(links) == {"Worker version", "Family version", "Meeting pack", "JSON"}, offer

    def fetch(kind: str) -> bytes:
        status, content, _headers = bot.get(links[kind])
        assert status == 200, kind
        return content

    exported = json.loads(fetch("JSON"))
    assert [(m["kind"], m["held_on"], m["status"]) for m in exported["meetings"]] == [
        ("initial_conference", HELD[0].isoformat(), "complete"),
        ("core_group", HELD[1].isoformat(), "complete"),
        ("core_group", HELD[2].isoformat(), "complete"),
    ]
    people = [p["name"] for p in exported["people"]]
    rows = sorted(
        (s["meeting"], p, people[s["person"]], s["value"], s["reason"])
        for p, pair in enumerate(exported["pairs"])
        for s in pair["scores"]
        if s["meeting"] is not None
    )
    assert len(rows) == 27, rows
    for meeting, pair, name, value, reason in rows:
        assert value == _score(meeting, pair, name)
        assert reason == f"of what {name} saw, meeting {meeting + 1}"
    # One person, one line of scores: each scorer is one record in the plan.
    assert sorted({r[2] for r in rows}) == sorted(SCORERS)
    steps = exported["steps"]
    assert [(s["what"], s["done"]) for s in steps] == [
        ("Referral to the alcohol service", True),
        ("Buy a lockable medicine box", False),
        ("Grace to visit twice a week", False),
        ("Mum to book Amara's missed health check", False),
    ]
    assert steps[3]["who"] == "Mum"
    assert steps[3]["due"] == (TODAY + dt.timedelta(days=10)).isoformat()

    # Kept with its pages as PNGs: what a chair prints after three meetings.
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "meeting-cycle-rest"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()  # a longer pack from an earlier run would leave its last pages here
    path = folder / "pack.docx"
    path.write_bytes(fetch("Meeting pack"))
    (pdf,) = convert_to_pdf(soffice, [path], tmp_path)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf), str(folder / "page")],
                       check=True, timeout=120)
    pages = pdf_pages(pdftotext, pdf)
    first_appendix = next(
        n for n, page in enumerate(pages, start=1) if re.search(r"^Appendix: ", page, re.M)
    )
    assert first_appendix - 1 <= 4, [" ".join(p.split())[:80] for p in pages]
    front = " ".join(" ".join(pages[: first_appendix - 1]).split())
    assert "Score history" in front
    for held in HELD:
        assert f"{held.day} {held:%b %Y}" in front, held
    # The timeline by date: 10 days, 1 week... in date order, done or not.
    order = [front.index(w) for w in ("alcohol service", "missed health check",
                                      "lockable medicine box", "twice a week")]
    assert order == sorted(order), front

    family = docx.Document(io.BytesIO(fetch("Family version")))
    text = " ".join(p.text for p in family.paragraphs)
    for number in (1, 2, 3):
        assert f"For worry {number}, everyone feels things have got better since the" in text

    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(chat.sender).plan
        assert len(plan.meetings) == 3 and len(plan.pairs) == 3
