"""Two Rasa replicas on PostgreSQL with the Redis lock store, behind a round-robin proxy.

The deployment the README describes ("Deploying beyond one machine"), started
with the project's own launcher: one stack (action server and Rasa server) and
one more Rasa replica calling the same action server, both on a PostgreSQL
database made for this test and a Redis lock store, with the same keys and
action secret. A proxy with no sticky sessions sends each conversation's
messages to the two replicas in turn, so every turn is handled by the other
replica than the one before.

Twenty families talk at once through the proxy, while eight of the same
families talk straight to one replica. Afterwards each conversation through
the proxy holds every message it sent, once and in order, each followed by the
replies the person saw, and its plan holds the family's answers; and the
replies, conversation and plan are the same as those the same family got when
one replica handled every turn.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.runner import Stack, free_port, prepare_database, train
from bot.storage.crypto import active_keyring
from bot.storage.engine import engine_for
from bot.storage.unit_of_work import SqlUnitOfWork
from exporters.json_plan import plan_to_json
from tests.support.databases import postgres_database
from tests.support.family_walk import AT_STRENGTHS, STEPS, answer, text_of
from tests.support.round_robin import RoundRobinProxy
from tests.support.servers import Bot, settings_for
from tests.support.tools import require

pytestmark = [pytest.mark.conversation, pytest.mark.postgres, pytest.mark.slow]

REDIS = "127.0.0.1", 6379
# A database number of its own, so these locks never meet another run's.
REDIS_DB = 11
FAMILIES = 20
# The single-replica run, for comparison: the first eight of the same families.
REFERENCE_FAMILIES = 8
# Through the family, its network, workers, strengths and the first worry (two answers
# carry the family's marker). The whole test must stay within a few minutes on two
# busy cores; a longer walk or all twenty families twice adds minutes, not checks.
WALK = STEPS[: AT_STRENGTHS + 3]
CHILDREN = [
    "Ruby", "Noah", "Oliver", "Isla", "Jack", "Freya", "Harry", "Arlo", "George", "Lily",
    "Oscar", "Ella", "Charlie", "Grace", "Alfie", "Evie", "Jacob", "Poppy", "Theo", "Ivy",
]


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis(*REDIS, db=REDIS_DB, socket_timeout=3).ping())
    except redis.RedisError:
        return False


@dataclass
class Deployment:
    first: Stack
    second: Stack
    database_url: str

    def replica_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{s.settings.rasa_port}" for s in (self.first, self.second)]


@pytest.fixture(scope="module")
def deployment(var_dir: Path) -> Iterator[Deployment]:
    require(redis_available(), f"needs Redis at {REDIS[0]}:{REDIS[1]}")
    with postgres_database() as url, pytest.MonkeyPatch.context() as patch:
        # Every host of a deployment is given the same action secret (README).
        patch.setenv("SAFETYPLAN_ACTION_SECRET", secrets.token_urlsafe(32))
        lock_store = f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}"
        first_settings = dataclasses.replace(
            settings_for(var_dir / "replica-1", database_url=url), lock_store_url=lock_store
        )
        second_settings = dataclasses.replace(
            first_settings, var_dir=var_dir / "replica-2", rasa_port=free_port()
        )
        prepare_database(first_settings)
        model = train(first_settings, quiet=True)
        first, second = Stack(first_settings), Stack(second_settings, actions=False)
        try:
            # Started together, as a deployment rolls replicas out: on a new
            # database both create the conversation table at the same moment.
            with ThreadPoolExecutor(max_workers=2) as pool:
                for started in [pool.submit(s.start, model) for s in (first, second)]:
                    started.result()
            yield Deployment(first, second, url)
        finally:
            second.stop()
            first.stop()


class Through(Bot):
    """A client of the deployment that talks to one address: the proxy, or one replica."""

    def __init__(self, stack: Stack, url: str) -> None:
        super().__init__(stack)
        self._url = url

    @property
    def url(self) -> str:
        return self._url


def converse(talkers: list[tuple[Through, str, int]]) -> list[list[str]]:
    """Every (client, sender, family) walks at once; the replies each one saw, turn by turn."""
    start = threading.Barrier(len(talkers))

    def talk(talker: tuple[Through, str, int]) -> list[str]:
        client, sender, family = talker
        start.wait(timeout=60)
        said = []
        for step in WALK:
            reply = text_of(client.say(sender, answer(step, marker(family), CHILDREN[family])))
            assert step.expect in reply.lower(), (sender, step.says, reply)
            said.append(reply)
        return said

    with ThreadPoolExecutor(max_workers=len(talkers)) as pool:
        return list(pool.map(talk, talkers))


def marker(index: int) -> str:
    return f"zqscale{index:02d}x"


def stored_turns(database_url: str, sender: str) -> list[tuple[str, list[str]]]:
    """The conversation as the tracker store holds it: each message and the bot texts after it."""
    keyring = active_keyring()
    with engine_for(database_url).connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT type_name, data FROM events WHERE sender_id = :sender "
                "AND type_name IN ('user', 'bot') ORDER BY id"
            ),
            {"sender": sender},
        ).all()
    turns: list[tuple[str, list[str]]] = []
    for type_name, data in rows:
        event = json.loads(keyring.decrypt(data))
        if type_name == "user":
            turns.append((event.get("text") or "", []))
        else:
            assert turns, f"{sender}: the bot spoke before anyone did"
            turns[-1][1].append(event.get("text") or "")
    return turns


def plan_document(database_url: str, sender: str) -> dict[str, Any]:
    with SqlUnitOfWork(database_url) as uow:
        return json.loads(plan_to_json(uow.conversations.get(sender).plan))


# What differs between two runs of the same conversation: the case's own reference and
# the moments things happened.
REFERENCE = re.compile(r"SP-[A-Z0-9-]+")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")


def same_anywhere(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: same_anywhere(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same_anywhere(v) for v in value]
    if isinstance(value, str):
        return TIMESTAMP.sub("<time>", REFERENCE.sub("<reference>", value))
    return value


def test_two_replicas_behind_round_robin_lose_duplicate_and_reorder_nothing(
    deployment: Deployment,
) -> None:
    bot = Bot(deployment.first)
    run = secrets.token_hex(3)
    spread = [f"scale-{run}-{i:02d}" for i in range(FAMILIES)]
    alone = [f"single-{run}-{i:02d}" for i in range(REFERENCE_FAMILIES)]

    with RoundRobinProxy(deployment.replica_urls()) as proxy:
        # The single-replica run goes on at the same time, straight to the first replica:
        # the same families' words, every turn handled by one server.
        through_proxy = Through(bot.stack, proxy.url + "/webhooks/rest/webhook")
        direct = Through(bot.stack, bot.url)
        heard = converse(
            [(through_proxy, sender, i) for i, sender in enumerate(spread)]
            + [(direct, sender, i) for i, sender in enumerate(alone)]
        )
        routed = dict(proxy.routed)
    heard_spread, heard_alone = heard[:FAMILIES], heard[FAMILIES:]

    # Every message really did alternate between the two replicas.
    for sender in spread:
        path = routed[sender]
        assert len(path) == len(WALK)
        assert all(a != b for a, b in zip(path, path[1:])), (sender, path)
    assert {routed[s][0] for s in spread} == {0, 1}

    for index, sender in enumerate(spread):
        sent = [answer(step, marker(index), CHILDREN[index]) for step in WALK]
        turns = stored_turns(deployment.database_url, sender)
        # Each message once, in the order it was sent: nothing lost, doubled or swapped.
        assert [said for said, _ in turns] == sent, sender
        # After each one, exactly the replies the person saw.
        assert ["\n".join(replies) for _, replies in turns] == heard_spread[index], sender
        spread_plan = plan_document(deployment.database_url, sender)
        assert json.dumps(spread_plan).count(marker(index)) == 2, sender
        assert [c["first_name"] for c in spread_plan["children"]] == [CHILDREN[index]], sender
        if index < REFERENCE_FAMILIES:
            # The same as when one replica handles every turn.
            single = alone[index]
            assert same_anywhere(heard_spread[index]) == same_anywhere(heard_alone[index])
            assert same_anywhere(turns) == same_anywhere(
                stored_turns(deployment.database_url, single)
            ), sender
            assert same_anywhere(spread_plan) == same_anywhere(
                plan_document(deployment.database_url, single)
            ), sender


def test_a_connection_waiting_longer_than_sanics_default_five_seconds_is_still_answered(
    deployment: Deployment,
) -> None:
    # What a busy server's held-up event loop, or a load balancer reusing an idle
    # connection, looks like: a connection open for a while before its request is read.
    # Sanic's default dropped it after 5 s unread, and the Rasa server then said
    # "couldn't save that" for an action call that never arrived.
    action_port = deployment.first.settings.action_port
    ports = [action_port, *(s.settings.rasa_port for s in (deployment.first, deployment.second))]
    connections = [socket.create_connection(("127.0.0.1", port), timeout=30) for port in ports]
    time.sleep(7)
    for port, connection in zip(ports, connections, strict=True):
        with connection:
            path = "/health" if port == action_port else "/webhooks/rest/"
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            assert connection.recv(64).startswith(b"HTTP/1.1 200"), port
