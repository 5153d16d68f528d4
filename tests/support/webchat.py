"""A client for the web chat channel's JSON API, and cases to invite people to."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from typing import Any

from bot.plan.model import Child
from bot.settings import Settings


def token_payload(token: str) -> dict[str, Any]:
    """What a signed token says about itself (read only: the server checks the signature)."""
    body = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def with_payload(token: str, **changes: Any) -> str:
    """The same signature over a changed payload: what a tamperer would send."""
    payload = dict(token_payload(token), **changes)
    body = base64.urlsafe_b64encode(
        json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    ).rstrip(b"=").decode()
    return f"{body}.{token.split('.')[1]}"


class WebChat:
    """One browser's worth of the API: a session token and the calls the page makes."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base = base_url.rstrip("/")
        self.token = token

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        token: str | None = None,
        timeout: float = 120.0,
    ) -> tuple[int, Any, dict[str, str]]:
        sent = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent.setdefault("Content-Type", "application/json")
        use = token if token is not None else self.token
        if use:
            sent.setdefault("Authorization", f"Bearer {use}")
        request = urllib.request.Request(
            self.base + path, data=data, headers=sent, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                status, content, got = reply.status, reply.read(), dict(reply.headers)
        except urllib.error.HTTPError as error:
            status, content, got = error.code, error.read(), dict(error.headers)
        if "json" in got.get("Content-Type", got.get("content-type", "")):
            content = json.loads(content or b"null")
            # As the page does: each answer's fresh token replaces the one sent.
            fresh = content.get("session") if isinstance(content, dict) else None
            if isinstance(fresh, str) and use and use == self.token:
                self.token = fresh
            return status, content, got
        return status, content, got

    def open(self, invite: str | None = None) -> WebChat:
        status, reply, _ = self.request(
            "POST", "/chat/api/session", body={"invite": invite} if invite else {}, token=""
        )
        assert status == 201, (status, reply)
        self.token = reply["token"]
        return self

    def start(self) -> list[dict[str, Any]]:
        status, reply, _ = self.request("POST", "/chat/api/start", body={})
        assert status == 200, (status, reply)
        return reply["messages"]

    def say(self, text: str) -> list[dict[str, Any]]:
        status, reply, _ = self.request("POST", "/chat/api/message", body={"message": text})
        assert status == 200, (status, reply)
        return reply["messages"]

    def history(self) -> dict[str, Any]:
        status, reply, _ = self.request("GET", "/chat/api/history")
        assert status == 200, (status, reply)
        return reply

    def download(self, kind: str) -> str:
        """The fresh single-use link the page asks for when a download button is pressed."""
        status, reply, _ = self.request("POST", "/chat/api/download", body={"kind": kind})
        assert status == 200, (status, reply)
        return reply["url"]

    @staticmethod
    def offered(messages: list[dict[str, Any]]) -> list[str]:
        """The kinds of document the messages offer as download buttons."""
        return [d["kind"] for m in messages for d in m.get("downloads") or []]

    @staticmethod
    def texts(messages: list[dict[str, Any]]) -> str:
        return "\n".join(m.get("text") or "" for m in messages)


def make_case(settings: Settings, child_name: str) -> tuple[int, str]:
    """A case in the stack's database with one child, as a worker would have started it."""
    from bot.storage.unit_of_work import SqlUnitOfWork

    with SqlUnitOfWork(settings.database_url) as uow:
        plan = uow.plans.new_plan()
        plan.children.append(Child(first_name=child_name, age=7))
        uow.commit()
        return int(plan.id), plan.reference
