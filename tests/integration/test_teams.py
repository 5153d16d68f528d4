"""The Teams channel on a real running stack, against a local fake of the Bot Framework.

The stack is started with the TEAMS_* settings pointing at the fake, so the
connector fetches keys and tokens from it and posts its replies to it.
"""

from __future__ import annotations

import html
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.runner import Stack
from bot.storage.unit_of_work import SqlUnitOfWork
from bot.teams.activities import sender_id
from tests.support.fake_bot_framework import FakeBotFramework, Posted, message_activity
from tests.support.servers import stack_talking_to

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeBotFramework]:
    with FakeBotFramework() as running:
        yield running


@pytest.fixture(scope="module")
def stack(fake: FakeBotFramework, var_dir: Path) -> Iterator[Stack]:
    with stack_talking_to(fake, var_dir / "teams-stack") as started:
        yield started


def webhook(stack: Stack) -> str:
    return f"http://127.0.0.1:{stack.settings.rasa_port}/webhooks/teams/webhook"


def post(url: str, activity: Any, token: str | None = None, header: str | None = None) -> int:
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers["Authorization"] = header
    elif token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(activity).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def stored_conversation_exists(stack: Stack, activity: dict[str, Any]) -> bool:
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        return uow.conversations.get(sender_id(activity)) is not None


def text_of(posted: Posted) -> str:
    """The reply's words as a person sees them."""
    return html.unescape(posted.body.get("text", "").replace("<br>", "\n"))


def actions_of(posted: Posted) -> list[dict[str, Any]]:
    cards = posted.body.get("attachments") or []
    return [a for card in cards for a in card["content"].get("buttons", [])]


class TeamsUser:
    """One person in one Teams conversation, talking through the fake."""

    def __init__(self, stack: Stack, fake: FakeBotFramework) -> None:
        self.stack, self.fake = stack, fake
        first = message_activity(fake.service_url)
        self.conversation_id = first["conversation"]["id"]
        self.user_id = first["from"]["id"]
        self.seen = 0

    def activity(self, text: str, value: dict[str, Any] | None = None) -> dict[str, Any]:
        return message_activity(
            self.fake.service_url,
            text=text,
            conversation_id=self.conversation_id,
            user_id=self.user_id,
            value=value,
        )

    def send(self, activity: dict[str, Any], settle: float = 1.0) -> list[Posted]:
        """Posts an activity and returns the replies it got (all of them, once they stop)."""
        token = self.fake.mint("valid", service_url=self.fake.service_url)
        assert post(webhook(self.stack), activity, token) == 202
        replies = self.fake.wait_for(self.conversation_id, self.seen + 1, timeout=90)
        # The replies of one message are posted one after another: wait for the last.
        while True:
            time.sleep(settle)
            again = self.fake.posted_to(self.conversation_id)
            if len(again) == len(replies):
                break
            replies = again
        new = replies[self.seen :]
        self.seen = len(replies)
        return new

    def say(self, text: str) -> list[Posted]:
        return self.send(self.activity(text))

    def start_as_worker(self) -> list[Posted]:
        """Hello, nobody in danger, a worker, answers may be kept: at the first question."""
        consent = self.press(self.press(self.say("hello"), "No"), "A worker")
        return self.press(consent, "Yes, that's OK")

    def press(self, replies: list[Posted], title: str) -> list[Posted]:
        """Presses a card button the way Teams does for messageBack."""
        action = next(a for r in replies for a in actions_of(r) if a["title"] == title)
        assert action["type"] == "messageBack"
        return self.send(self.activity(action["text"], value=action["value"]))


def test_nothing_is_fetched_from_microsoft_at_start_up(
    stack: Stack, fake: FakeBotFramework
) -> None:
    assert fake.hits == {"metadata": 0, "keys": 0, "token": 0}


def test_a_signed_message_gets_the_greeting_and_first_question_posted_back(
    stack: Stack, fake: FakeBotFramework
) -> None:
    user = TeamsUser(stack, fake)
    activity = user.activity("hello")
    replies = user.send(activity)

    words = "\n".join(text_of(r) for r in replies)
    assert "Hello" in words
    assert "is anyone in danger right now?" in words
    assert "999" not in words
    for reply in replies:
        assert reply.authorization == f"Bearer {fake.access_tokens[-1]}"
        assert reply.activity_id == activity["id"]
        assert reply.conversation_id == activity["conversation"]["id"]
        assert reply.body["type"] == "message"
        assert reply.body["replyToId"] == activity["id"]
        assert reply.body["from"] == activity["recipient"]
        assert reply.body["recipient"] == activity["from"]
    actions = actions_of(replies[-1])
    assert [a["title"] for a in actions] == ["Yes, someone is in danger", "No"]
    assert all(a["type"] == "messageBack" for a in actions)
    assert actions[1]["text"] == "/deny" and actions[1]["displayText"] == "No"
    # Keys came from the metadata's jwks_uri; the Teams ids are not the stored sender.
    assert fake.hits["metadata"] >= 1 and fake.hits["keys"] >= 1
    assert stored_conversation_exists(stack, activity)


BAD_TOKENS = [
    "expired",
    "not_yet_valid",
    "wrong_key",
    "unknown_kid",
    "wrong_audience",
    "wrong_issuer",
    "alg_none",
    "hs256_public_key",
    "no_exp",
]


@pytest.mark.parametrize("kind", ["missing", "not_bearer", *BAD_TOKENS])
def test_requests_without_a_valid_token_are_refused_and_reach_nothing(
    stack: Stack, fake: FakeBotFramework, kind: str
) -> None:
    activity = message_activity(fake.service_url, text="hello")
    if kind == "missing":
        status = post(webhook(stack), activity)
    elif kind == "not_bearer":
        status = post(webhook(stack), activity, header=f"Basic {fake.mint('valid')}")
    else:
        status = post(webhook(stack), activity, fake.mint(kind, service_url=fake.service_url))
    assert status == 401
    time.sleep(1.0)
    assert not fake.anything_for(activity["conversation"]["id"])
    assert not stored_conversation_exists(stack, activity)


def test_a_service_url_other_than_the_one_the_token_vouches_for_is_refused(
    stack: Stack, fake: FakeBotFramework
) -> None:
    elsewhere = f"http://127.0.0.1:{stack.settings.action_port}/teams/"
    activity = message_activity(elsewhere, text="hello")
    assert post(webhook(stack), activity, fake.mint("valid", service_url=fake.service_url)) == 401
    time.sleep(1.0)
    assert not stored_conversation_exists(stack, activity)


@pytest.mark.parametrize(
    "service_url",
    ["https://evil.example/teams/", "http://10.1.2.3/teams/", "http://169.254.169.254/latest/"],
)
def test_a_service_url_outside_the_bot_framework_is_refused(
    stack: Stack, fake: FakeBotFramework, service_url: str
) -> None:
    # A token that names no serviceUrl leaves the address to the allow-list.
    activity = message_activity(service_url, text="hello")
    assert post(webhook(stack), activity, fake.mint("valid")) == 403
    time.sleep(1.0)
    assert not stored_conversation_exists(stack, activity)


def test_a_key_that_does_not_endorse_the_channel_is_refused(
    stack: Stack, fake: FakeBotFramework
) -> None:
    activity = message_activity(fake.service_url, text="hello")
    activity["channelId"] = "webchat"
    token = fake.mint("valid", service_url=fake.service_url)
    assert post(webhook(stack), activity, token) == 401
    assert not stored_conversation_exists(stack, activity)


def test_other_activity_types_are_acknowledged_and_not_answered(
    stack: Stack, fake: FakeBotFramework
) -> None:
    activity = message_activity(fake.service_url)
    activity["type"] = "conversationUpdate"
    activity["membersAdded"] = [activity["recipient"]]
    assert post(webhook(stack), activity, fake.mint("valid", service_url=fake.service_url)) == 200
    time.sleep(1.0)
    assert not fake.anything_for(activity["conversation"]["id"])


@pytest.mark.parametrize("kind", ["message", "conversationUpdate"])
def test_another_organisations_tenant_is_refused_on_every_activity(
    stack: Stack, fake: FakeBotFramework, kind: str
) -> None:
    for tenants in (("tenant-2", "tenant-2"), ("tenant-1", "tenant-2"), (None, None)):
        activity = message_activity(fake.service_url, text="hello")
        activity["type"] = kind
        activity["conversation"].pop("tenantId")
        activity.pop("channelData")
        if tenants[0]:
            activity["conversation"]["tenantId"] = tenants[0]
        if tenants[1]:
            activity["channelData"] = {"tenant": {"id": tenants[1]}}
        token = fake.mint("valid", service_url=fake.service_url)
        assert post(webhook(stack), activity, token) == 403, tenants
        time.sleep(0.5)
        assert not fake.anything_for(activity["conversation"]["id"])
        assert not stored_conversation_exists(stack, activity)


@pytest.mark.parametrize("conversation_type", ["channel", "groupChat"])
def test_a_message_in_a_channel_or_group_chat_is_refused(
    stack: Stack, fake: FakeBotFramework, conversation_type: str
) -> None:
    activity = message_activity(
        fake.service_url, text="download", conversation_type=conversation_type
    )
    assert post(webhook(stack), activity, fake.mint("valid", service_url=fake.service_url)) == 403
    time.sleep(1.0)
    assert not fake.anything_for(activity["conversation"]["id"])
    assert not stored_conversation_exists(stack, activity)


def test_a_revoked_workers_teams_chat_ends_and_a_new_invite_brings_it_back(
    stack: Stack, fake: FakeBotFramework
) -> None:
    from bot.access.invites import issue_invite, revoke
    from bot.faults import ACCESS_ENDED

    user = TeamsUser(stack, fake)
    user.start_as_worker()
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        case = uow.conversations.get(sender_id(user.activity("x"))).plan
    revoke(case.reference, settings=stack.settings)
    words = "\n".join(text_of(r) for r in user.say("download"))
    assert ACCESS_ENDED in words and "/chat/download/" not in words

    link = issue_invite(case.reference, "worker", settings=stack.settings).link
    words = "\n".join(text_of(r) for r in user.say(f"join {link}"))
    assert "now linked to the case" in words
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        assert uow.conversations.get(sender_id(user.activity("x"))).plan.id == case.id


def test_a_malformed_activity_is_a_bad_request(stack: Stack, fake: FakeBotFramework) -> None:
    token = fake.mint("valid", service_url=fake.service_url)
    assert post(webhook(stack), {"type": "message", "text": "hi"}, token) == 400
    assert post(webhook(stack), ["not", "an", "activity"], token) == 400


def test_a_short_exchange_answering_with_buttons(stack: Stack, fake: FakeBotFramework) -> None:
    user = TeamsUser(stack, fake)
    danger = user.say("hello")
    role = user.press(danger, "No")
    assert "Which of these is you?" in text_of(role[-1])
    assert [a["title"] for a in actions_of(role[-1])] == [
        "A family member",
        "A worker",
        "I'm practising",
    ]
    consent = user.press(role, "A worker")
    assert "OK to keep them?" in text_of(consent[-1])
    name = user.press(consent, "Yes, that's OK")
    assert "What's your name and role?" in text_of(name[-1])
    children = user.say("Sam Jones, social worker")
    assert "Sam Jones" in "\n".join(text_of(r) for r in children)
    assert "children's first names" in text_of(children[-1])


def test_an_activity_delivered_twice_is_answered_once(stack: Stack, fake: FakeBotFramework) -> None:
    user = TeamsUser(stack, fake)
    activity = user.activity("hello")
    replies = user.send(activity)
    token = fake.mint("valid", service_url=fake.service_url)
    assert post(webhook(stack), activity, token) == 200
    time.sleep(3.0)
    assert len(fake.posted_to(user.conversation_id)) == len(replies)


def test_a_button_from_an_earlier_question_is_not_used(
    stack: Stack, fake: FakeBotFramework
) -> None:
    user = TeamsUser(stack, fake)
    danger = user.say("hello")
    role = user.press(danger, "No")
    stale = user.press(danger, "No")  # the danger question's button, pressed again
    assert "earlier question" in text_of(stale[0])
    assert text_of(stale[-1]) == text_of(role[-1])  # the current question, asked again
    # And the interview did not move: the role buttons still work.
    consent = user.press(stale, "A worker")
    assert "OK to keep them?" in text_of(consent[-1])


def test_the_download_links_are_links_and_open_buttons(
    stack: Stack, fake: FakeBotFramework
) -> None:
    user = TeamsUser(stack, fake)
    user.start_as_worker()
    replies = user.say("download")
    with_links = [r for r in replies if any(a["type"] == "openUrl" for a in actions_of(r))]
    assert with_links, [text_of(r) for r in replies]
    opens = [a for a in actions_of(with_links[0]) if a["type"] == "openUrl"]
    assert {a["title"] for a in opens} >= {"Worker version", "Family version", "Meeting pack"}
    for action in opens:
        link = action["value"]
        assert link.startswith(f"{stack.settings.public_url}/chat/download/")
        assert f'<a href="{link}">' in with_links[0].body["text"]
    try:
        with urllib.request.urlopen(opens[0]["value"], timeout=60) as reply:
            status, content = reply.status, reply.read()
    except urllib.error.HTTPError as error:
        status, content = error.code, b""
    assert status == 200, "the download link from Teams did not give the document"
    assert content[:2] == b"PK"  # a Word document is a zip


def test_a_worker_joins_an_existing_case_with_an_invite(
    stack: Stack, fake: FakeBotFramework
) -> None:
    from bot.access.invites import issue_invite

    first = TeamsUser(stack, fake)
    first.start_as_worker()
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        case = uow.conversations.get(sender_id(first.activity("x"))).plan
    assert case is not None
    link = issue_invite(case.reference, "worker", settings=stack.settings).link

    second = TeamsUser(stack, fake)
    replies = second.say(f"join {link}")
    words = "\n".join(text_of(r) for r in replies)
    assert "now linked to the case" in words
    assert "is anyone in danger right now?" in words  # then the interview, on that case
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        joined = uow.conversations.get(sender_id(second.activity("x")))
        assert joined is not None and joined.plan is not None
        assert joined.plan.id == case.id and joined.role.value == "worker"


def test_a_bad_invite_is_refused_and_kept_out_of_the_conversation(
    stack: Stack, fake: FakeBotFramework
) -> None:
    user = TeamsUser(stack, fake)
    replies = user.say("join not-a-real-invite.token")
    assert "invite doesn't work" in text_of(replies[0])
    assert not stored_conversation_exists(stack, user.activity("x"))


def test_the_channel_is_off_without_settings(bot: Any) -> None:
    # The shared stack runs without TEAMS_* settings: 503, and nothing is contacted.
    base = f"http://127.0.0.1:{bot.settings.rasa_port}/webhooks/teams"
    with urllib.request.urlopen(f"{base}/", timeout=30) as reply:
        if json.loads(reply.read())["configured"]:
            pytest.skip("this machine's environment configures Teams")
    activity = message_activity("https://smba.trafficmanager.net/uk/", text="hello")
    request = urllib.request.Request(
        f"{base}/webhook",
        data=json.dumps(activity).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer x.y.z"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 503
    assert json.loads(refused.value.read()) == {"error": "Teams is not configured"}


def test_urgent_mid_interview_on_teams_then_the_same_question(
    stack: Stack, fake: FakeBotFramework
) -> None:
    user = TeamsUser(stack, fake)
    user.start_as_worker()
    user.say("Sam Jones, social worker")
    asked = "\n".join(text_of(r) for r in user.say("Leo 7 and Mia 4"))
    question = asked.strip().splitlines()[-1]
    urgent = user.say("my dad is hitting my mum right now")
    assert text_of(urgent[0]).startswith("If anyone is in danger now, call 999.")
    words = "\n".join(text_of(r) for r in urgent)
    assert "0808 800 5000" in words and "0800 1111" in words
    # A social worker is not told to "ask your worker for your local number".
    assert "ask your worker" not in words and "Emergency Duty Team" in words
    resumed = "\n".join(text_of(r) for r in user.say("yes, we're safe"))
    assert "999" not in resumed and question in resumed
    with SqlUnitOfWork(stack.settings.database_url) as uow:
        plan = uow.conversations.get(sender_id(user.activity("x"))).plan
        assert [c.first_name for c in plan.children] == ["Leo", "Mia"]
        flag = plan.urgent_flags[-1]
        assert (flag.channel, flag.message) == ("teams", "my dad is hitting my mum right now")


def test_an_address_in_an_answer_is_neither_a_link_nor_a_button(
    stack: Stack, fake: FakeBotFramework
) -> None:
    evil = "https://evil.example/chat/download/x"
    lookalike = f"{stack.settings.public_url}/chat/download/made-up"
    user = TeamsUser(stack, fake)
    user.start_as_worker()
    for answer in ("Sam Patel, social worker", "Leo 6", "I don't know", "I don't know"):
        user.say(answer)
    # A long answer is kept as it is, addresses and all, and read back in the review.
    user.say(
        "They go to the park every Saturday with their nan and the children love it; "
        f"there are photos at {evil} and at {lookalike}"
    )
    replies = user.say("review")
    assert any(evil in text_of(r) and lookalike in text_of(r) for r in replies), [
        text_of(r) for r in replies
    ]
    for reply in replies:
        assert "<a " not in reply.body["text"], reply.body["text"]
        assert [a for a in actions_of(reply) if a["type"] == "openUrl"] == []


def test_a_worker_records_a_meeting_in_teams(stack: Stack, fake: FakeBotFramework) -> None:
    """Issue 15 item 2 on Teams: the same recorder as the web chat, through the fake."""
    import datetime as dt

    from bot.access.invites import issue_invite
    from bot.plan.model import MeetingStatus, Pair, Person, Step

    with SqlUnitOfWork(stack.settings.database_url) as uow:
        plan = uow.plans.new_plan()
        plan.people += [Person("Kerry", "Mum"), Person("Jan", "Nan")]
        plan.pairs.append(
            Pair(
                danger_statement="Sam is worried Leo is left alone at night.",
                safety_goal="Sam will know Leo has an adult with him every night.",
                scaling_question="How sure are we that Leo has an adult with him every night?",
            )
        )
        plan.steps.append(Step("Jan to stay over on Fridays", "Jan", dt.date.today()))
        uow.commit()
        reference = plan.reference
    link = issue_invite(reference, "worker", settings=stack.settings).link

    user = TeamsUser(stack, fake)

    def words(replies: list[Posted]) -> str:
        return "\n".join(text_of(r) for r in replies)

    replies = user.say(f"join {link}")
    assert "now linked to the case" in words(replies)
    replies = user.press(replies, "No")
    if "OK to keep them?" in words(replies):
        replies = user.press(replies, "Yes, that's OK")
    started = words(user.say("we had a core group today"))
    assert "Recording the Core group" in started, started
    user.say("Kerry")
    replies = user.say("Sam Okafor, social worker, chair")
    asked = words(user.press(replies, "That's everyone"))
    assert "What score did Kerry give" in asked, asked
    user.say("6 because Jan has stayed every Friday")
    assert "Jan to stay over on Fridays" in words(user.say("5, one night alone in October"))
    replies = user.say("done")
    replies = user.press(replies, "No new steps")
    replies = user.press(replies, "Not set yet")
    read_back = user.press(replies, "No")
    assert "Worry 1, Kerry: 6 (Jan has stayed every Friday)" in words(read_back)
    assert "is saved." in words(user.press(read_back, "Yes, it's finished"))

    with SqlUnitOfWork(stack.settings.database_url) as uow:
        saved = uow.plans.get(reference)
        [meeting] = saved.meetings
        assert meeting.status is MeetingStatus.COMPLETE
        assert [(s.person.name, s.value, s.reason) for s in saved.pairs[0].scores] == [
            ("Kerry", 6, "Jan has stayed every Friday"),
            ("Sam Okafor", 5, "one night alone in October"),
        ]
        assert saved.steps[0].done
