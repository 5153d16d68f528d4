"""A Teams activity delivered twice is answered once, also when the deliveries reach two replicas.

With several Rasa replicas behind a load balancer (SAFETYPLAN_LOCK_STORE_URL
set), the Bot Framework's redelivery of a message may reach a different
replica from the first delivery; the replicas remember what they handled in
the Redis they share. Runs against the Redis this machine runs on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import secrets

from bot.channels.teams import _RecentlySeen, _SharedRecentlySeen, recently_seen
from bot.teams.activities import Incoming
from tests.support.tools import require

# A database number of its own, as in the scale-out test.
REDIS_URL = "redis://127.0.0.1:6379/11"


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping())
    except redis.RedisError:
        return False


def activity(conversation: str, activity_id: str) -> Incoming:
    return Incoming(
        activity={"id": activity_id, "conversation": {"id": conversation}},
        type="message",
        text="hello",
        click=None,
    )


def test_one_server_remembers_in_its_own_memory() -> None:
    seen = recently_seen(None)
    assert isinstance(seen, _RecentlySeen)
    first = activity("a:1", "m1")

    async def deliveries() -> list[bool]:
        return [await seen.first_time(first), await seen.first_time(first),
                await seen.first_time(activity("a:1", "m2"))]

    assert asyncio.run(deliveries()) == [True, False, True]


def test_a_redelivery_to_the_other_replica_is_not_answered_again() -> None:
    require(redis_available(), f"needs Redis at {REDIS_URL}")
    conversation = f"a:{secrets.token_hex(6)}"

    async def deliveries() -> list[bool]:
        # Two replicas, each with its own connection to the shared Redis.
        one, two = _SharedRecentlySeen(REDIS_URL), _SharedRecentlySeen(REDIS_URL)
        message, next_message = activity(conversation, "m1"), activity(conversation, "m2")
        return [
            await one.first_time(message),
            await two.first_time(message),  # the redelivery, on the other replica
            await one.first_time(message),
            await two.first_time(next_message),
            await two.first_time(activity(f"{conversation}-other", "m1")),
        ]

    assert asyncio.run(deliveries()) == [True, False, False, True, True]


def test_without_redis_a_replica_still_answers_and_remembers_locally() -> None:
    seen = _SharedRecentlySeen("redis://127.0.0.1:1/0")  # nothing listens on port 1
    message = activity("a:offline", "m1")

    async def deliveries() -> list[bool]:
        return [await seen.first_time(message), await seen.first_time(message)]

    assert asyncio.run(deliveries()) == [True, False]
