"""A small round-robin proxy in front of several Rasa replicas, for the scale-out test.

It stands in for a deployment's load balancer, at its least helpful: no sticky
sessions. Each conversation's messages go to the replicas in turn (its first
message to replica `k mod n` for the k-th conversation seen, the next to the
one after, ...), so every consecutive pair of turns is handled by different
servers. Which replica answered each message is recorded for the test to check.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import defaultdict
from types import TracebackType

from aiohttp import ClientSession, ClientTimeout, web

from bot.runner import free_port


class RoundRobinProxy:
    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.port = free_port()
        # sender -> the index of the replica each of its messages went to, in order.
        self.routed: dict[str, list[int]] = defaultdict(list)
        self._first_seen: dict[str, int] = {}
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stopped: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._serve, name="round-robin-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _pick(self, sender: str) -> int:
        first = self._first_seen.setdefault(sender, len(self._first_seen))
        index = (first + len(self.routed[sender])) % len(self.backends)
        self.routed[sender].append(index)
        return index

    async def _forward(self, request: web.Request) -> web.Response:
        body = await request.read()
        try:
            sender = str(json.loads(body).get("sender", ""))
        except (ValueError, AttributeError):
            sender = ""
        backend = self.backends[self._pick(sender)]
        assert self._session is not None
        async with self._session.request(
            request.method,
            backend + request.path_qs,
            data=body,
            headers={"Content-Type": request.headers.get("Content-Type", "application/json")},
        ) as reply:
            return web.Response(
                status=reply.status, body=await reply.read(), content_type=reply.content_type
            )

    async def _main(self) -> None:
        self._stopped = asyncio.Event()
        self._session = ClientSession(timeout=ClientTimeout(total=180))
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._forward)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.port).start()
        self._ready.set()
        try:
            await self._stopped.wait()
        finally:
            await self._session.close()
            await runner.cleanup()

    def _serve(self) -> None:
        self._loop.run_until_complete(self._main())
        self._loop.close()

    def __enter__(self) -> RoundRobinProxy:
        self._session: ClientSession | None = None
        self._thread.start()
        if not self._ready.wait(timeout=30):
            raise RuntimeError("the round-robin proxy did not start")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._stopped is not None:
            self._loop.call_soon_threadsafe(self._stopped.set)
        self._thread.join(timeout=30)
