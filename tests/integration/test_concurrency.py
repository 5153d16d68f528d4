"""Twenty people talking at once, each about their own family, never see each other's answers.

Twenty threads start together against the real servers, each a new
conversation that becomes its own case, each answering with its own child's
name and its own marker. Afterwards every plan holds exactly its own answers,
and no reply anyone got mentions another family.
"""

from __future__ import annotations

import re
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from exporters.json_plan import plan_to_json
from tests.support.family_walk import AT_STRENGTHS, walk

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

# None of these names is in the bot's own wording (its examples use Leo, Mia and Amara).
CHILDREN = [
    "Ruby", "Noah", "Oliver", "Isla", "Jack", "Freya", "Harry", "Arlo", "George", "Lily",
    "Oscar", "Ella", "Charlie", "Grace", "Alfie", "Evie", "Jacob", "Poppy", "Theo", "Ivy",
]
# Through the strengths, existing safety and harm answers: two of them carry the marker.
UPTO = AT_STRENGTHS + 3


def test_twenty_simultaneous_conversations_never_see_each_others_answers(bot) -> None:
    families = [
        (bot.new_sender(f"family{i}"), child, f"zqfam{i:02d}x{secrets.token_hex(3)}")
        for i, child in enumerate(CHILDREN)
    ]
    start = threading.Barrier(len(families))

    def talk(family: tuple[str, str, str]) -> list[str]:
        sender, child, marker = family
        start.wait(timeout=60)
        return walk(bot, sender, UPTO, marker=marker, child=child)

    with ThreadPoolExecutor(max_workers=len(families)) as pool:
        replies = list(pool.map(talk, families))

    markers = [marker for _sender, _child, marker in families]
    references = set()
    for (sender, child, marker), said in zip(families, replies, strict=True):
        with SqlUnitOfWork(bot.settings.database_url) as uow:
            plan = uow.conversations.get(sender).plan
            document = plan_to_json(plan)
            references.add(plan.reference)
            assert [c.first_name for c in plan.children] == [child]
            assert sum(marker in e.text for e in plan.entries) == 2
        others = [m for m in markers if m != marker]
        assert not [m for m in others if m in document], f"{sender}'s plan holds other answers"
        heard = "\n".join(said)
        assert f"{child} (7)" in heard
        assert not [m for m in others if m in heard]
        other_children = [c for c in CHILDREN if c != child]
        assert not [c for c in other_children if re.search(rf"\b{c}\b", heard)]
    assert len(references) == len(families), "every conversation has a case of its own"
