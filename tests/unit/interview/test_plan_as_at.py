"""A worker asks for the plan as it stood at a past meeting (issue 15, item 7).

What the worker notices: after a meeting's record is finished, "the plan as it was at
the core group on 26 November" gives a worker document of the plan as it stood then,
titled so nobody takes it for the current plan, without a step added since; a meeting
finished before copies were kept, or words that name no meeting or several, get a kind
reply listing the meetings that can be shown. Families are not offered it, and answers
that mention a meeting stay answers.
"""

from __future__ import annotations

import glob
import io
import re
from pathlib import Path

import pytest
import yaml
from docx import Document as read_docx

from bot.interview.plan_as_at import is_request
from bot.plan.model import Role, Step
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver
from tests.unit.interview.test_record_meeting import _case, _plan, _worker

ROOT = Path(__file__).resolve().parents[3]
CORE = "Core group, 26 November 2026"


def _record_core_group(driver: Driver) -> None:
    driver.say("record a meeting")
    driver.say("/choose" + '{"choice": "core_group"}')
    driver.say("today")
    driver.say("Dan")
    driver.say("that's everyone")
    driver.say("Dan")  # who chaired
    driver.say("6 he is trying")
    driver.say("5 because nights are better")
    driver.say("done")
    driver.say("not yet")
    driver.say("no new steps")
    driver.say("not set yet")
    driver.say("no")
    assert "The Core group, 26 November 2026 is saved." in driver.say(
        "/choose" + '{"choice": "finish"}'
    )


def _add_a_step_since(database_url: str, reference: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None
        plan.steps.append(Step("Leo starts after-school club", "Sarah"))
        plan.record("Sam Patel (social worker)", "added", "step 3")
        uow.commit()


def _document_text(driver: Driver, said: str) -> tuple[str, list[str]]:
    """The title and paragraphs of the document whose single-use link the reply gave."""
    [token] = re.findall(r"/chat/download/(\S+)", said)
    document = driver.service.render_download(token)
    assert document.filename.endswith("-as-at-2026-11-26.docx")
    doc = read_docx(io.BytesIO(document.content))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return doc.paragraphs[0].text, texts


@pytest.mark.parametrize(
    "words",
    [
        "the plan as it was at the core group on 26 November",
        "Plan as at the core group, please",
        "show me the plan from the last core group",
    ],
)
def test_a_worker_gets_the_plan_as_it_stood_at_a_finished_meeting(
    driver: Driver, database_url: str, words: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    _record_core_group(driver)
    _add_a_step_since(database_url, reference)
    asked_before = driver.current_slot()

    said = driver.say(words)

    assert f"The plan as it stood at the {CORE} (worker version)" in said
    assert "It is not the current plan" in said
    title, texts = _document_text(driver, said)
    assert title == f"As it stood at the {CORE}"
    joined = "\n".join(texts)
    assert "Dan goes to the drinking group" in joined
    assert "Leo starts after-school club" not in joined  # added after the meeting
    # The change log says where each change was made.
    assert "at the Core group, 26 Nov 2026" in texts and "between meetings" in texts
    # Nothing was taken as an answer, and the chat carries on where it was.
    assert driver.current_slot() == asked_before
    plan = _plan(database_url, reference)
    assert [s.what for s in plan.steps][-1] == "Leo starts after-school club"


def test_a_meeting_finished_before_copies_were_kept_is_explained_and_others_offered(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)  # its initial conference was finished with no copy
    _worker(driver, database_url, reference)
    _record_core_group(driver)

    reply = driver.service.answer(driver.sender, driver.channel, "plan as at the ICPC")
    texts = [m.text for m in reply.messages]
    assert any(
        "I don't have a copy of the plan from the Initial child protection conference, "
        "8 October 2026" in t
        for t in texts
    )
    assert [b.title for b in reply.messages[-1].buttons] == [CORE]
    assert not any("/chat/download/" in t for t in texts)
    # The button's words are a request for that meeting's plan.
    said = driver.say(reply.messages[-1].buttons[0].payload)
    assert _document_text(driver, said)[0] == f"As it stood at the {CORE}"


def test_words_that_name_no_meeting_say_so_and_list_those_that_can_be_shown(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    _record_core_group(driver)
    reply = driver.service.answer(
        driver.sender, driver.channel, "the plan as it was at the meeting on 3 March 2026"
    )
    texts = [m.text for m in reply.messages]
    assert "Sorry, I couldn't find a meeting like that on this plan." in texts
    assert [b.title for b in reply.messages[-1].buttons] == [CORE]


def test_with_nothing_kept_yet_the_worker_is_told_when_copies_are_kept(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    reply = driver.service.answer(driver.sender, driver.channel, "plan as at the last conference")
    texts = " ".join(m.text for m in reply.messages)
    assert "I don't have a copy of the plan from the" in texts
    assert "one is kept each time a meeting's record is finished" in texts


def test_a_family_is_not_offered_a_past_meetings_plan_and_nothing_is_saved(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    _record_core_group(driver)
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        assert plan is not None and plan.id is not None
        case_id, uid = plan.id, plan.meetings[-1].uid
    family = Driver(driver.service, "family-1")
    family.service.bind(family.sender, family.channel, case_id, Role.FAMILY)
    family.start()
    family.say("no")
    family.say("yes")
    family.say("Sarah, mum")
    version = _plan(database_url, reference).version
    said = family.say("the plan as it was at the core group on 26 November")
    assert "the plan as it is now" in said and "/chat/download/" not in said
    assert _plan(database_url, reference).version == version  # not kept as an answer
    # Nor can the family's chat make a link to it by naming the document.
    assert family.service.download_link(family.sender, "webchat", f"plan-at:{uid}") is None


def test_no_answer_in_the_projects_examples_is_taken_for_the_request() -> None:
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(value)
                elif key == "examples" and isinstance(value, str):
                    texts.extend(
                        line.strip()[2:] for line in value.splitlines()
                        if line.strip().startswith("- ")
                    )
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    files = glob.glob(str(ROOT / "tests/data/**/*.yml"), recursive=True)
    files += glob.glob(str(ROOT / "data/nlu/*.yml"))
    for name in files:
        walk(yaml.safe_load(Path(name).read_text(encoding="utf-8")))
    assert len(texts) > 3000
    assert [t for t in texts if is_request(t)] == []
    for answer in [
        "at the core group Dad said he would stop",
        "review the plan at the core group",
        "plan at the core group",
        "Dad will share the plan at the core group",
        "we agreed the plan at the conference",
        "show me the plan",
    ]:
        assert not is_request(answer), answer


def test_said_outside_the_interview_the_service_sends_it_and_leaves_other_words_alone(
    driver: Driver, database_url: str
) -> None:
    reference = _case(database_url)
    _worker(driver, database_url, reference)
    _record_core_group(driver)
    # What the Rasa actions for a message outside the form ask first (actions/navigation.py).
    reply = driver.service.plan_as_at(driver.sender, "webchat", "plan as at the core group")
    assert reply is not None
    [message] = reply.messages
    assert [(d.kind.startswith("plan-at:"), d.title) for d in message.downloads] == [
        (True, "Plan as at Core group, 26 Nov 2026")
    ]
    assert "/chat/download/" not in message.text  # the web chat makes the link on a press
    link = driver.service.download_link(driver.sender, "webchat", message.downloads[0].kind)
    assert link is not None and link.startswith("/chat/download/")
    assert driver.service.plan_as_at(driver.sender, "webchat", "we had a core group today") is None
    # After "stop", "is anyone in danger right now?" comes first, as for every request.
    driver.say("stop")
    assert driver.service.plan_as_at(driver.sender, "webchat", "plan as at the core group") is None
