"""Bot Framework activities: reading what Teams sends, writing what we send back.

Buttons become a hero card of `messageBack` actions rather than suggested
actions, because:

- Teams shows only the first three suggested actions, and many questions
  here offer more (accept, write it my way, change a part; review menus);
- with `messageBack` the chat shows the button's words ("A worker") while the
  bot receives the exact payload (`/choose{"choice": "worker"}`); `imBack`
  would post the raw payload into the chat for everyone to read;
- cards work the same in personal chats, group chats and channels.

Card buttons stay clickable after the question has moved on, so each one
carries a fingerprint of the question it belongs to, and the channel refuses
a click whose question is no longer the latest (see `bot.channels.teams`).

Links are only ever made by the server: an "open" button, or a link in the
text, only for a download link the action server sent as a structured
attachment (`custom: {"downloads": [...]}`) and only when it is on this
server's own public address. An address anywhere else in a message (a person's
answer read back, say) stays plain text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from bot.teams.config import TeamsConfig

BUTTON_KIND = "safetyplan-button"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
_URL = re.compile(r"https?://[^\s<>\"']+")
_TRAILING = ".,;:!?)"
_AT = re.compile(r"<at>([^<]{0,200})</at>", re.IGNORECASE)


class BadActivity(ValueError):
    """The activity lacks something every Bot Framework message has."""


@dataclass(frozen=True)
class Click:
    """A press of one of our card buttons."""

    payload: str
    question: str | None


@dataclass(frozen=True)
class Incoming:
    activity: dict[str, Any]
    type: str
    text: str
    click: Click | None

    @property
    def conversation_id(self) -> str:
        return str(self.activity["conversation"]["id"])

    @property
    def service_url(self) -> str:
        return str(self.activity["serviceUrl"])

    @property
    def tenant_id(self) -> str | None:
        """The tenant the activity comes from; None when missing or said two ways."""
        conversation = self.activity.get("conversation")
        channel_data = self.activity.get("channelData")
        tenant = channel_data.get("tenant") if isinstance(channel_data, dict) else None
        named = {
            t for t in (_text_field(conversation, "tenantId"), _text_field(tenant, "id")) if t
        }
        return named.pop() if len(named) == 1 else None

    @property
    def conversation_type(self) -> str | None:
        return _text_field(self.activity.get("conversation"), "conversationType")

    @property
    def channel_id(self) -> str | None:
        value = self.activity.get("channelId")
        return value if isinstance(value, str) else None


def _text_field(mapping: Any, key: str) -> str | None:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return value if isinstance(value, str) and value else None


def read_activity(activity: Any) -> Incoming:
    """The parts of an activity the channel uses; BadActivity when one is missing."""
    if not isinstance(activity, dict):
        raise BadActivity("an activity must be a JSON object")
    kind = _text_field(activity, "type")
    if kind is None:
        raise BadActivity("the activity has no type")
    if kind != "message":
        return Incoming(activity, kind, "", None)
    for key in ("id", "serviceUrl"):
        if _text_field(activity, key) is None:
            raise BadActivity(f"the activity has no {key}")
    for key in ("conversation", "from", "recipient"):
        if _text_field(activity.get(key), "id") is None:
            raise BadActivity(f"the activity has no {key}.id")
    value = activity.get("value")
    if isinstance(value, dict) and value.get("kind") == BUTTON_KIND:
        payload = value.get("payload")
        if isinstance(payload, str):
            question = value.get("q")
            click = Click(payload, question if isinstance(question, str) else None)
            return Incoming(activity, kind, payload, click)
    raw = activity.get("text")
    text = strip_mentions(raw if isinstance(raw, str) else "", activity)
    return Incoming(activity, kind, text.strip(), None)


def strip_mentions(text: str, activity: dict[str, Any]) -> str:
    """The text without the @mention of the bot (channels and group chats add one)."""
    bot_id = _text_field(activity.get("recipient"), "id")
    entities = activity.get("entities")
    for entity in entities if isinstance(entities, list) else []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        if _text_field(entity.get("mentioned"), "id") == bot_id:
            mention = _text_field(entity, "text")
            if mention:
                text = text.replace(mention, " ")
    # Anyone else mentioned stays in the answer, by name.
    return _AT.sub(lambda m: m.group(1), text)


def sender_id(activity: dict[str, Any]) -> str:
    """A stable id for this person in this conversation that does not keep Teams ids in clear."""
    conversation = activity["conversation"]["id"]
    person = _text_field(activity.get("from"), "aadObjectId") or activity["from"]["id"]
    digest = hashlib.sha256(f"teams\n{conversation}\n{person}".encode()).hexdigest()
    return "teams-" + digest[:32]


# -- where replies may go ----------------------------------------------------------


class ServiceUrlRefused(ValueError):
    """Replies must not be posted to this address."""


def _same_url(first: str, second: str) -> bool:
    a, b = urlsplit(first.strip()), urlsplit(second.strip())
    return (
        a.scheme.lower() == b.scheme.lower()
        and a.netloc.lower() == b.netloc.lower()
        and a.path.rstrip("/") == b.path.rstrip("/")
    )


def _host_listed(host: str, allowed: tuple[str, ...]) -> bool:
    return any(
        host == entry or (entry.startswith(".") and host.endswith(entry)) for entry in allowed
    )


def check_service_url(url: str, config: TeamsConfig, vouched: str | None) -> None:
    """Refuses a serviceUrl the server must not post to.

    `vouched` is the serviceUrl claim of the verified token: when present the
    activity's serviceUrl must be the same address. Without it, the host must
    be one of Microsoft's. Plain http only to this machine, in development.
    """
    if vouched is not None and not _same_url(url, vouched):
        raise ServiceUrlRefused("the serviceUrl differs from the one in the token")
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise ServiceUrlRefused("the serviceUrl is not a valid address") from error
    if parts.username or parts.password or parts.query or parts.fragment or not host:
        raise ServiceUrlRefused("the serviceUrl is not a plain address")
    if config.allow_insecure_service_url and host in LOOPBACK_HOSTS:
        if parts.scheme in ("http", "https"):
            return
    if parts.scheme != "https":
        raise ServiceUrlRefused("the serviceUrl must use https")
    if vouched is None and not _host_listed(host, config.service_url_hosts):
        raise ServiceUrlRefused("the serviceUrl is not a Bot Framework address")


def reply_url(incoming: Incoming) -> str:
    base = incoming.service_url.rstrip("/")
    conversation = quote(incoming.conversation_id, safe="")
    activity = quote(str(incoming.activity["id"]), safe="")
    return f"{base}/v3/conversations/{conversation}/activities/{activity}"


# -- what we send ------------------------------------------------------------------


def question_fingerprint(text: str) -> str:
    """A short tag for a question's wording: ties a card button to the question it answered.

    Base32 letters and the digits 2-7 only, so the tag can never read "999".
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:16].lower()


def _split_links(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is_link) pairs, with trailing punctuation left outside links."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        pieces.append((text[position : match.start()], False))
        pieces.append((url, True))
        position = match.start() + len(url)
    pieces.append((text[position:], False))
    return [p for p in pieces if p[0]]


def to_teams_html(text: str, links: Iterable[str] = ()) -> str:
    """The message as the small HTML subset Teams renders (textFormat "xml").

    Markdown would read the underscores in a download link's token as
    italics; escaped HTML keeps every character as sent. Only the addresses
    in `links` (the server's own, from the attachment) become real links.
    """
    allowed = set(links)
    out = []
    for piece, is_link in _split_links(text):
        if is_link and piece in allowed:
            out.append(
                f'<a href="{html.escape(piece, quote=True)}">{html.escape(piece, quote=False)}</a>'
            )
        else:
            out.append(html.escape(piece, quote=False))
    return "".join(out).replace("\n", "<br>")


def own_downloads(
    message: dict[str, Any], is_own_link: Callable[[str], bool]
) -> list[dict[str, str]]:
    """The message's attached documents whose link is one of this server's download links."""
    custom = message.get("custom")
    offered = custom.get("downloads") if isinstance(custom, dict) else None
    found = []
    for item in offered if isinstance(offered, list) else []:
        if not isinstance(item, dict):
            continue
        title, url = item.get("title"), item.get("url")
        if isinstance(title, str) and isinstance(url, str) and title and is_own_link(url):
            found.append({"title": title[:40], "url": url})
    return found


def link_buttons(downloads: list[dict[str, str]]) -> list[dict[str, str]]:
    """An "open" button for each of the server's own download links."""
    return [{"type": "openUrl", "title": d["title"], "value": d["url"]} for d in downloads]


def with_attachments(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's messages with each attachment put back on the text it came with.

    Rasa hands a structured attachment over as a message of its own, after its text.
    """
    joined: list[dict[str, Any]] = []
    for message in messages:
        lone = message.get("custom") and not message.get("text") and not message.get("buttons")
        if lone and joined and not joined[-1].get("custom"):
            joined[-1] = {**joined[-1], "custom": message["custom"]}
        elif not lone:
            joined.append(message)
    return joined


def _own_link_of_this_server(url: str) -> bool:
    from bot.access.downloads import is_own_link

    return is_own_link(url)


def button_action(button: dict[str, Any], question: str) -> dict[str, Any]:
    title = str(button.get("title") or button.get("payload") or "")
    payload = str(button.get("payload") or title)
    return {
        "type": "messageBack",
        "title": title,
        "displayText": title,
        "text": payload,
        "value": {"kind": BUTTON_KIND, "q": question, "payload": payload},
    }


def reply_activity(
    incoming: Incoming,
    message: dict[str, Any],
    is_own_link: Callable[[str], bool] = _own_link_of_this_server,
) -> dict[str, Any]:
    """One bot message as a reply to the person's activity."""
    activity = incoming.activity
    text = str(message.get("text") or "")
    downloads = own_downloads(message, is_own_link)
    reply: dict[str, Any] = {
        "type": "message",
        "from": activity["recipient"],
        "recipient": activity["from"],
        "conversation": activity["conversation"],
        "replyToId": activity["id"],
        "textFormat": "xml",
        "text": to_teams_html(text, [d["url"] for d in downloads]),
        "locale": "en-GB",
    }
    question = question_fingerprint(text)
    actions = [button_action(b, question) for b in message.get("buttons") or []]
    actions += link_buttons(downloads)
    if actions:
        reply["attachments"] = [
            {"contentType": "application/vnd.microsoft.card.hero", "content": {"buttons": actions}}
        ]
    if message.get("buttons"):
        reply["inputHint"] = "expectingInput"
    return reply
