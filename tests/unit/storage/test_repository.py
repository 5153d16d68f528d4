"""The repository keeps every part of a plan, records who changed it, and keeps cases apart."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.conversation.model import Conversation
from bot.plan.model import (
    Attendee,
    Child,
    ColumnEntry,
    ColumnKind,
    Meeting,
    MeetingType,
    OpenQuestion,
    Pair,
    Person,
    PlanRule,
    Role,
    RuleKind,
    Score,
    Step,
    UrgentFlag,
)
from bot.storage.engine import engine_for
from bot.storage.unit_of_work import SqlUnitOfWork


def _full_plan(uow: SqlUnitOfWork):  # noqa: ANN202
    plan = uow.plans.new_plan(target_closure_date=dt.date(2027, 9, 30))
    plan.children += [Child("Leo", 7), Child("Mia", 4)]
    plan.people += [
        Person("Jan", "grandmother", contact="07700 900123"),
        Person("Sam Patel", "social worker", is_professional=True),
    ]
    plan.entries += [
        ColumnEntry(ColumnKind.STRENGTH, "Gets the children to school every day"),
        ColumnEntry(
            ColumnKind.EXISTING_SAFETY, "Takes the children to Nan's", how_long="since June"
        ),
        ColumnEntry(ColumnKind.HARM, "Pushed Mum into a wall in March"),
    ]
    meeting = Meeting(
        MeetingType.CORE_GROUP, dt.date(2027, 1, 12), [Attendee("Jan"), Attendee("Sam Patel")]
    )
    plan.meetings.append(meeting)
    pair = Pair(
        danger_who="Sam and the school",
        danger_behaviour="when Dad drinks he shouts",
        danger_impact="Leo could be hurt",
        danger_statement="Sam and the school are worried that when Dad drinks he shouts.",
        safety_goal="Everyone will know Leo is safe when Dad is sober.",
        scaling_question="On a scale of 0 to 10 ...",
    )
    pair.scores += [Score("Jan", 5.5, "he is trying", meeting=meeting, scored_on=meeting.held_on)]
    pair.rules += [
        PlanRule(
            RuleKind.WHO_DOES_WHAT,
            "Nan takes the children",
            person_name="Nan",
            action="takes the children",
            contact="07700 900123",
        )
    ]
    plan.pairs.append(pair)
    plan.steps += [
        Step("Dad to start at the alcohol service", "Dad", dt.date(2027, 1, 20), "in 2 weeks")
    ]
    plan.open_questions.append(OpenQuestion("complicating", "What makes things harder"))
    plan.urgent_flags.append(UrgentFlag("he has a knife", "rest"))
    plan.record("Sam Patel (social worker)", "added", "the draft plan")
    return plan


def test_a_whole_plan_is_kept_and_read_back(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = _full_plan(uow)
        reference = plan.reference
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        stored = uow.plans.get(reference)
    assert stored is not None
    assert [(c.first_name, c.age) for c in stored.children] == [("Leo", 7), ("Mia", 4)]
    assert [p.name for p in stored.people] == ["Jan", "Sam Patel"]
    assert stored.people[1].is_professional
    assert stored.entries_of(ColumnKind.EXISTING_SAFETY)[0].how_long == "since June"
    pair = stored.pairs[0]
    assert pair.danger_statement.startswith("Sam and the school are worried")
    assert pair.scores[0].value == 5.5 and pair.scores[0].meeting.kind is MeetingType.CORE_GROUP
    assert pair.rules[0].kind is RuleKind.WHO_DOES_WHAT and pair.rules[0].contact == "07700 900123"
    assert stored.steps[0].due == dt.date(2027, 1, 20)
    assert stored.target_closure_date == dt.date(2027, 9, 30)
    assert stored.open_questions[0].key == "complicating"
    assert stored.urgent_flags[0].message == "he has a knife"
    assert stored.meetings[0].attendee_names == ["Jan", "Sam Patel"]


def test_an_update_is_saved_and_recorded_in_the_revision_log(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        reference = _full_plan(uow).reference
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        version = plan.version
        plan.steps[0].done = True
        plan.children.pop(0)
        plan.record("Jan (grandmother)", "changed", "step 1 to done")
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
    assert plan.steps[0].done is True
    assert [c.first_name for c in plan.children] == ["Mia"]
    assert plan.version == version + 1
    last = plan.revisions[-1]
    assert (last.actor, last.action, last.what) == (
        "Jan (grandmother)",
        "changed",
        "step 1 to done",
    )
    assert last.at.tzinfo is not None


def test_a_failed_transaction_keeps_nothing_of_the_change(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        reference = _full_plan(uow).reference
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        plan.children.append(Child("Sam", 2))
        # Leaving without commit: the change must not reach the database.
    with SqlUnitOfWork(database_url) as uow:
        assert [c.first_name for c in uow.plans.get(reference).children] == ["Leo", "Mia"]


def test_cases_never_see_each_others_data(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        first = uow.plans.new_plan()
        first.children.append(Child("Leo", 7))
        second = uow.plans.new_plan()
        second.children.append(Child("Amara", 2))
        uow.commit()
        references = first.reference, second.reference
    assert references[0] != references[1]
    with SqlUnitOfWork(database_url) as uow:
        first = uow.plans.get(references[0])
        first.children[0].first_name = "Leon"
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        assert [c.first_name for c in uow.plans.get(references[0]).children] == ["Leon"]
        assert [c.first_name for c in uow.plans.get(references[1]).children] == ["Amara"]
        assert uow.plans.get("SP-NOSUCH") is None


def test_a_conversation_belongs_to_its_plan(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get_or_create("sender-1", "rest")
        conversation.role = Role.FAMILY
        conversation.plan = uow.plans.new_plan()
        conversation.state = {"done": ["children"]}
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        again = uow.conversations.get("sender-1")
        assert isinstance(again, Conversation)
        assert again.role is Role.FAMILY and again.plan is not None
        assert again.state == {"done": ["children"]}
        assert uow.conversations.for_plan(again.plan)[0].sender_id == "sender-1"


def test_free_text_is_not_stored_in_clear(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan()
        plan.children.append(Child("Zebedee-marker", 7))
        plan.entries.append(ColumnEntry(ColumnKind.HARM, "marker-phrase-of-harm"))
        uow.commit()
    with engine_for(database_url).connect() as connection:
        names = [row[0] for row in connection.execute(sa.text("SELECT first_name FROM children"))]
        texts = [row[0] for row in connection.execute(sa.text("SELECT text FROM column_entries"))]
    assert names and all("Zebedee" not in n and n.startswith("f1:") for n in names)
    assert texts and all("marker-phrase" not in t for t in texts)


def test_a_flag_review_is_kept_encrypted_and_logged(database_url: str) -> None:
    reviewed_at = dt.datetime(2026, 12, 6, 14, 2, tzinfo=dt.timezone.utc)
    with SqlUnitOfWork(database_url) as uow:
        plan = _full_plan(uow)
        plan.urgent_flags.append(UrgentFlag("Dad is outside now", "teams"))
        reference = plan.reference
        uow.commit()
        flag_id = plan.urgent_flags[0].id
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        flag = uow.plans.flag(plan, flag_id)
        assert flag is plan.urgent_flags[0] and not flag.is_reviewed
        version = plan.version
        plan.review_flag(flag, "Reviewer-marker Patel", "note-marker: about last year", reviewed_at)
        uow.commit()
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.get(reference)
        flag = uow.plans.flag(plan, flag_id)
    assert flag.reviewed_at == reviewed_at
    assert (flag.reviewed_by, flag.review_note) == (
        "Reviewer-marker Patel",
        "note-marker: about last year",
    )
    assert plan.reviewed_flags == [flag]
    assert [f.message for f in plan.unreviewed_flags] == ["Dad is outside now"]
    assert plan.version == version + 1
    last = plan.revisions[-1]
    assert (last.actor, last.action, last.what) == (
        "Reviewer-marker Patel",
        "reviewed",
        "a danger-now flag: not urgent",
    )
    assert last.is_flag_review and last.at == reviewed_at
    assert "note-marker" not in (last.detail or "")
    with engine_for(database_url).connect() as connection:
        rows = list(
            connection.execute(sa.text("SELECT reviewed_by, review_note FROM urgent_flags"))
        )
    stored = [value for row in rows for value in row if value is not None]
    assert len(stored) == 2 and all(v.startswith("f1:") for v in stored)
    assert all("marker" not in v for v in stored)


def test_a_flag_is_found_only_within_its_own_case(database_url: str) -> None:
    with SqlUnitOfWork(database_url) as uow:
        first = uow.plans.new_plan()
        first.urgent_flags.append(UrgentFlag("he has a knife", "rest"))
        second = uow.plans.new_plan()
        second.urgent_flags.append(UrgentFlag("someone is at the door", "rest"))
        uow.commit()
        references = first.reference, second.reference
        ids = first.urgent_flags[0].id, second.urgent_flags[0].id
    with SqlUnitOfWork(database_url) as uow:
        first, second = (uow.plans.get(r) for r in references)
        assert uow.plans.flag(first, ids[0]).message == "he has a knife"
        assert uow.plans.flag(first, ids[1]) is None
        assert uow.plans.flag(second, ids[0]) is None
        assert uow.plans.flag(first, 10_000) is None
