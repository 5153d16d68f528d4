"""A long conversation: every answer lands at its question, however many messages came before.

The Rasa server starts a fresh session every few dozen messages
(bot.rasa_ext.session_rollover) so a turn does not grow dearer as a chat goes
on. The person must notice nothing: no message lost or doubled, the form
still active, the next answer saved at the question that was asked.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SessionStarted, UserUttered

from bot.plan.model import ColumnKind
from bot.rasa_ext.session_rollover import MESSAGES_PER_SESSION
from bot.rasa_ext.tracker_store import EncryptedSQLTrackerStore
from bot.settings import PROJECT_ROOT
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.walk import Walker, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def _events(bot: Any, sender: str) -> list[Any]:
    store = EncryptedSQLTrackerStore(
        domain=Domain.load(str(PROJECT_ROOT / "domain.yml")), url=bot.settings.database_url
    )
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    assert tracker is not None
    return list(tracker.events)


def test_an_answer_after_many_messages_is_saved_at_its_question(bot: Any) -> None:
    sender = bot.new_sender("long-chat")
    walker = Walker(bot, sender, "family")
    walker.start()
    walker.to("harm")
    sent = _user_texts(bot, sender)
    # Ask for an example at the same question until the next message is the first of a
    # new session: the answer then arrives straight after the session changed.
    in_session = _since_session_start(_events(bot, sender))
    for _ in range(MESSAGES_PER_SESSION - in_session):
        said = texts(walker.say("can I have an example"))
        sent.append("can I have an example")
        assert walker.slot == "harm", said
    answer = "He threw a mug at the wall on Friday and Leo saw it"
    said = texts(walker.say(answer))
    sent.append(answer)
    assert walker.slot != "harm", said  # taken, and the next question asked

    events = _events(bot, sender)
    assert sum(isinstance(e, SessionStarted) for e in events) >= 2
    # Every message stored once, in the order sent, each answered.
    assert [e.text for e in events if isinstance(e, UserUttered)] == sent
    assert isinstance(events[-1], BotUttered) or events[-1].type_name == "action"
    with SqlUnitOfWork(bot.settings.database_url) as uow:
        plan = uow.conversations.get(sender).plan
        harms = [e.text for e in plan.entries if e.kind == ColumnKind.HARM]
    assert answer in harms

    # Long after: the interview carries on to its end across more sessions.
    walker.to(None, max_turns=120)
    events = _events(bot, sender)
    messages = sum(isinstance(e, UserUttered) for e in events)
    # A new session every MESSAGES_PER_SESSION messages, and no more often.
    starts = sum(isinstance(e, SessionStarted) for e in events)
    assert starts == 1 + (messages - 1) // MESSAGES_PER_SESSION, (starts, messages)


def _user_texts(bot: Any, sender: str) -> list[str]:
    return [e.text for e in _events(bot, sender) if isinstance(e, UserUttered)]


def _since_session_start(events: list[Any]) -> int:
    count = 0
    for event in reversed(events):
        if isinstance(event, SessionStarted):
            break
        count += isinstance(event, UserUttered)
    return count
