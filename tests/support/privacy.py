"""Privacy test helpers: plans full of a marker, tracker events, searching the bytes on disk."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa

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
    StepReview,
    StepStatus,
    UrgentFlag,
)
from bot.storage.engine import engine_for
from bot.storage.unit_of_work import SqlUnitOfWork


def marked_case(database_url: str, marker: str, senders: Iterable[str] = ()) -> str:
    """A case with the marker in every free-text field of every part, and conversations on it."""
    with SqlUnitOfWork(database_url) as uow:
        plan = uow.plans.new_plan(target_closure_text=f"{marker} closure")
        plan.written_with.append(f"{marker} writer")
        plan.children.append(Child(f"{marker}child", 7))
        plan.people.append(Person(f"{marker}nan", f"{marker} rel", contact=f"{marker} 0770"))
        plan.entries.append(ColumnEntry(ColumnKind.EXISTING_SAFETY, f"{marker} safety", marker))
        meeting = Meeting(
            MeetingType.CORE_GROUP,
            dt.date(2027, 1, 12),
            [
                Attendee(f"{marker} attendee"),
                Attendee(f"{marker}nan", plan.people[0], role=f"{marker} role", chaired=True),
            ],
        )
        plan.meetings.append(meeting)
        pair = Pair(
            danger_who=f"{marker} who",
            danger_behaviour=f"{marker} behaviour",
            danger_impact=f"{marker} impact",
            danger_statement=f"{marker} statement",
            goal_happening=f"{marker} happening",
            goal_who=f"{marker} goal who",
            goal_duration=f"{marker} duration",
            safety_goal=f"{marker} goal",
            scaling_question=f"{marker} scale",
        )
        pair.scores.append(Score(f"{marker} scorer", 4, f"{marker} reason", f"{marker} higher",
                                 meeting=meeting, person=plan.people[0]))
        pair.rules.append(PlanRule(RuleKind.WHO_DOES_WHAT, f"{marker} rule", f"{marker} p",
                                   f"{marker} action", f"{marker} contact"))
        plan.pairs.append(pair)
        plan.steps.append(Step(f"{marker} step", f"{marker} owner", due_text=f"{marker} soon"))
        meeting.step_reviews.append(StepReview(plan.steps[0], StepStatus.CHANGED, f"{marker} note"))
        plan.open_questions.append(OpenQuestion("needs", "What needs to happen"))
        plan.urgent_flags.append(UrgentFlag(f"{marker} urgent", "rest"))
        plan.record(f"{marker} actor", "added", f"{marker} what", f"{marker} detail")
        plan.record(f"{marker} actor", "added", f"{marker} at", meeting=meeting)
        # The plan as it stood when the meeting's record was finished (bot/snapshots.py).
        meeting.snapshot = f'{{"kept": "{marker} snapshot"}}'
        reviewed = UrgentFlag(f"{marker} reviewed flag", "rest")
        plan.urgent_flags.append(reviewed)
        plan.review_flag(reviewed, f"{marker} reviewer", f"{marker} review note")
        for sender in senders:
            conversation = uow.conversations.get_or_create(sender, "rest")
            conversation.plan = plan
            conversation.role = Role.FAMILY
            conversation.consent = True
            conversation.user_name = f"{marker} user"
            conversation.state = {"flags": {"note": marker}}
            conversation.urgent_flags.append(UrgentFlag(f"{marker} said", "rest"))
        uow.commit()
        return plan.reference


def tracker_store(database_url: str):  # noqa: ANN201
    """The project's encrypting tracker store on this database (creates Rasa's events table)."""
    from rasa.shared.core.domain import Domain

    from bot.rasa_ext.tracker_store import EncryptedSQLTrackerStore

    return EncryptedSQLTrackerStore(domain=Domain.empty(), url=database_url)


def save_messages(database_url: str, sender: str, texts: Iterable[str],
                  timestamp: float | None = None) -> None:
    """Stores user messages for a sender through the real tracker store."""
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [UserUttered(text, timestamp=timestamp) for text in texts]
    tracker = DialogueStateTracker.from_events(sender, events, slots=[])
    store = tracker_store(database_url)
    try:
        asyncio.run(store.save(tracker))
    finally:
        store.engine.dispose()


def event_count(database_url: str, sender: str | None = None) -> int:
    query = "SELECT COUNT(*) FROM events" + (" WHERE sender_id = :s" if sender else "")
    with engine_for(database_url).connect() as connection:
        return int(connection.execute(sa.text(query), {"s": sender}).scalar_one())


def stored_values(database_url: str, table: str, column: str) -> list[str]:
    """A column's values exactly as stored (ciphertext, for encrypted columns)."""
    with engine_for(database_url).connect() as connection:
        return [
            row[0]
            for row in connection.execute(sa.text(f"SELECT {column} FROM {table}"))  # noqa: S608
            if row[0] is not None
        ]


def all_ciphertexts(database_url: str) -> set[str]:
    """Every encrypted value in the database (plan tables and tracker events), as stored."""
    from bot.storage.rotation import encrypted_columns

    return {
        value
        for table, columns in encrypted_columns(engine_for(database_url))
        for column in columns
        for value in stored_values(database_url, table, column)
    }


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def sqlite_files(database_url: str) -> list[Path]:
    """The database file and its write-ahead log and index, where they exist."""
    path = Path(database_url.removeprefix("sqlite:///"))
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def where_found(files: Iterable[Path], needles: Iterable[str]) -> list[tuple[str, str]]:
    """(file, needle) for every needle found in a file, case-insensitively, as UTF-8 or UTF-16."""
    forms = []
    for needle in needles:
        lowered = needle.lower()
        forms.append((needle, lowered.encode("utf-8")))
        forms.append((needle, lowered.encode("utf-16-le")))
    hits = []
    for path in files:
        try:
            content = path.read_bytes().lower()
        except OSError:
            continue
        hits += [(str(path), needle) for needle, form in forms if form in content]
    return sorted(set(hits))
