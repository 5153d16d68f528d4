"""The first real conversation, through both real servers, checked in the database.

Greet, say who you are, give the children's first names: they are saved and
read back. Then both servers are stopped and started again, and the
conversation carries on where it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.servers import Bot, settings_for, start_stack

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


def _plan_children(database_url: str, sender: str) -> list[tuple[str, int | None]]:
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        assert conversation is not None and conversation.plan is not None
        return [(c.first_name, c.age) for c in conversation.plan.children]


def test_first_conversation_is_saved_and_survives_a_restart(var_dir: Path) -> None:
    settings = settings_for(var_dir / "foundation")
    stack = start_stack(settings)
    try:
        client = Bot(stack)
        sender = client.new_sender()
        greeting = client.texts(client.say(sender, "hi"))
        assert "draft safety plan" in greeting
        assert "is anyone in danger right now?" in greeting.lower()
        assert "999" not in greeting

        role_question = client.say(sender, "no")
        assert [b["title"] for b in role_question[-1]["buttons"]] == [
            "A family member", "A worker", "I'm practising",
        ]
        consent = client.texts(client.say(sender, '/choose{"choice": "family"}'))
        assert "keep your answers" in consent
        client.say(sender, "/affirm")
        asks_children = client.texts(client.say(sender, "Sarah, I'm their mum"))
        assert "children's first names" in asks_children

        readback = client.texts(client.say(sender, "leo 7 and mia 4"))
        assert "Leo (7) and Mia (4)" in readback
        assert _plan_children(settings.database_url, sender) == [("Leo", 7), ("Mia", 4)]
        assert "supports your family" in readback
    finally:
        stack.stop()

    stack = start_stack(settings)
    try:
        client = Bot(stack)
        # The same conversation goes on at the question it had reached.
        after = client.texts(client.say(sender, "Nan, my mum"))
        assert "Added Nan" in after
        assert "Anyone else who supports your family?" in after
        with SqlUnitOfWork(settings.database_url) as uow:
            plan = uow.conversations.get(sender).plan
            assert [p.name for p in plan.people] == ["Sarah", "Nan"]
        assert _plan_children(settings.database_url, sender) == [("Leo", 7), ("Mia", 4)]
    finally:
        stack.stop()
