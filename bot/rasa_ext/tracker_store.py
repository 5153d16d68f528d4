"""Rasa's SQL tracker store, in the plan's own database, with every event's data encrypted.

Rasa keeps each user message in its `events` table. This store writes the
same rows but the `data` column holds a Fernet token instead of clear JSON,
so no message text rests in clear. It uses the project's DATABASE_URL, so a
conversation and its plan live (and are erased) together.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker

from bot.settings import load_settings
from bot.storage.crypto import active_keyring
from bot.storage.engine import create_engine

log = logging.getLogger(__name__)

# A PostgreSQL advisory lock key of this project's own (any fixed 64-bit number).
CREATE_TABLES_LOCK = 0x5AFE_7C4A_0001


class EncryptedSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        database_url = url or load_settings().database_url
        self.engine = create_engine(database_url)
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Replicas started together on a new database would otherwise race
                # to create the table, and the loser would fail to start. The lock
                # ends with this transaction.
                connection.exec_driver_sql(
                    f"SELECT pg_advisory_xact_lock({CREATE_TABLES_LOCK})"
                )
            self.Base.metadata.create_all(connection)
        self.sessionmaker = sessionmaker(bind=self.engine)
        # Skip SQLTrackerStore.__init__: it builds its own URL from parts and
        # would not apply the SQLite settings two processes need.
        TrackerStore.__init__(self, domain, event_broker, **kwargs)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        keyring = active_keyring()
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                intent = data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=intent,
                        action_name=data.get("name"),
                        data=keyring.encrypt(json.dumps(data)),
                    )
                )
            session.commit()

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        keyring = active_keyring()
        with self.session_scope() as session:
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).all()
            events = [json.loads(keyring.decrypt(row.data)) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    def delete_conversation(self, sender_id: str) -> int:
        """Removes every event of one conversation; returns how many rows went."""
        with self.session_scope() as session:
            count = (
                session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            )
            session.commit()
            return int(count)
