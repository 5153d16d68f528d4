"""Reading Teams activities and writing replies: ids, mentions, serviceUrl rules, cards."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from bot.teams.activities import (
    BUTTON_KIND,
    BadActivity,
    ServiceUrlRefused,
    check_service_url,
    question_fingerprint,
    read_activity,
    reply_activity,
    reply_url,
    sender_id,
    to_teams_html,
    with_attachments,
)
from bot.teams.config import TeamsConfig
from tests.support.fake_bot_framework import message_activity

SERVICE = "https://smba.trafficmanager.net/uk/"
CONFIG = TeamsConfig(
    app_id="app",
    app_password="secret",
    openid_metadata_url="https://login.example.test/meta",
    token_url="https://login.example.test/token",
    allowed_issuers=("https://api.botframework.com",),
)
DEV = dataclasses.replace(CONFIG, allow_insecure_service_url=True)


def test_the_sender_id_is_stable_hashed_and_acceptable_to_the_rest_contract() -> None:
    first = message_activity(SERVICE, conversation_id="a:conv", user_id="29:user")
    again = message_activity(SERVICE, conversation_id="a:conv", user_id="29:user")
    other = message_activity(SERVICE, conversation_id="a:conv", user_id="29:other")
    assert sender_id(first) == sender_id(again) != sender_id(other)
    assert re.fullmatch(r"teams-[0-9a-f]{32}", sender_id(first))
    assert "conv" not in sender_id(first) and "user" not in sender_id(first)


def test_the_azure_object_id_is_preferred_to_the_teams_user_id() -> None:
    one = message_activity(SERVICE, conversation_id="a:c", user_id="29:x")
    two = message_activity(SERVICE, conversation_id="a:c", user_id="29:y")
    two["from"]["aadObjectId"] = one["from"]["aadObjectId"]
    assert sender_id(one) == sender_id(two)


def test_the_bots_own_mention_is_removed_but_other_people_keep_their_names() -> None:
    text = "<at>Safety plan helper</at> <at>Sam Jones</at> visits"
    activity = message_activity(SERVICE, text=text)
    activity["entities"] = [
        {
            "type": "mention",
            "text": "<at>Safety plan helper</at>",
            "mentioned": {"id": activity["recipient"]["id"], "name": "Safety plan helper"},
        }
    ]
    assert read_activity(activity).text == "Sam Jones visits"


def test_a_card_button_press_carries_its_payload_and_question() -> None:
    value = {"kind": BUTTON_KIND, "q": "abc", "payload": '/choose{"choice": "worker"}'}
    incoming = read_activity(message_activity(SERVICE, text="ignored", value=value))
    assert incoming.text == '/choose{"choice": "worker"}'
    assert incoming.click is not None and incoming.click.question == "abc"


@pytest.mark.parametrize("missing", ["id", "serviceUrl", "conversation", "from", "recipient"])
def test_a_message_without_its_essentials_is_bad(missing: str) -> None:
    activity = message_activity(SERVICE)
    del activity[missing]
    with pytest.raises(BadActivity):
        read_activity(activity)


def test_other_activity_types_are_read_but_not_as_messages() -> None:
    assert read_activity({"type": "conversationUpdate"}).type == "conversationUpdate"
    with pytest.raises(BadActivity):
        read_activity(["not", "an", "object"])


# -- where replies may go ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net/uk/",
        "https://smba.trafficmanager.net/amer/",
        "https://europe.botframework.com/",
        "https://smba.infra.gcc.teams.microsoft.com/teams",
    ],
)
def test_microsofts_addresses_are_allowed(url: str) -> None:
    check_service_url(url, CONFIG, None)


@pytest.mark.parametrize(
    "url",
    [
        "http://smba.trafficmanager.net/uk/",  # not https
        "https://evil.example/",  # not Microsoft's
        "https://smba.trafficmanager.net.evil.example/",
        "https://user:pw@smba.trafficmanager.net/",
        "https://smba.trafficmanager.net/uk/?next=evil",
        "http://127.0.0.1:8080/",  # plain http to this machine outside development
        "ftp://smba.trafficmanager.net/",
        "https://smba.trafficmanager.net:notaport/",
        "not a url",
    ],
)
def test_other_addresses_are_refused(url: str) -> None:
    with pytest.raises(ServiceUrlRefused):
        check_service_url(url, CONFIG, None)


def test_the_token_vouching_for_another_address_is_refused() -> None:
    with pytest.raises(ServiceUrlRefused, match="differs"):
        check_service_url(SERVICE, CONFIG, "https://smba.trafficmanager.net/emea/")
    check_service_url(SERVICE, CONFIG, SERVICE.rstrip("/"))
    # What the token vouches for need not be on the list of hosts.
    check_service_url("https://new.example/", CONFIG, "https://new.example/")


def test_development_may_post_to_this_machine_over_http_but_nowhere_else() -> None:
    check_service_url("http://127.0.0.1:8080/teams/", DEV, None)
    check_service_url("http://localhost:8080/teams/", DEV, None)
    for url in ["http://10.0.0.5/", "http://169.254.169.254/latest/", "http://example.com/"]:
        with pytest.raises(ServiceUrlRefused):
            check_service_url(url, DEV, None)


def test_the_reply_address_escapes_the_conversation_id() -> None:
    activity = message_activity(SERVICE, conversation_id="19:abc@thread.skype;messageid=1")
    url = reply_url(read_activity(activity))
    assert url.startswith("https://smba.trafficmanager.net/uk/v3/conversations/19%3Aabc%40thread")
    assert url.endswith(f"/activities/{activity['id']}")
    assert "/../" not in reply_url(read_activity(message_activity(SERVICE, conversation_id="../x")))


# -- what we send --------------------------------------------------------------------


def test_a_reply_swaps_from_and_recipient_and_answers_the_activity() -> None:
    activity = message_activity(SERVICE)
    reply = reply_activity(read_activity(activity), {"text": "Hello."})
    assert reply["type"] == "message"
    assert reply["from"] == activity["recipient"] and reply["recipient"] == activity["from"]
    assert reply["conversation"] == activity["conversation"]
    assert reply["replyToId"] == activity["id"]
    assert "attachments" not in reply


def test_buttons_become_a_hero_card_of_message_back_actions() -> None:
    message = {
        "text": "Are you a family member or a worker?",
        "buttons": [
            {"title": "A family member", "payload": '/choose{"choice": "family"}'},
            {"title": "A worker", "payload": '/choose{"choice": "worker"}'},
            {"title": "I'm practising", "payload": '/choose{"choice": "practising"}'},
            {"title": "Help", "payload": "/help"},
        ],
    }
    reply = reply_activity(read_activity(message_activity(SERVICE)), message)
    (card,) = reply["attachments"]
    assert card["contentType"] == "application/vnd.microsoft.card.hero"
    actions = card["content"]["buttons"]
    assert [a["title"] for a in actions] == [b["title"] for b in message["buttons"]]
    assert all(a["type"] == "messageBack" for a in actions)
    assert [a["text"] for a in actions] == [b["payload"] for b in message["buttons"]]
    assert actions[1]["displayText"] == "A worker"
    assert actions[1]["value"] == {
        "kind": BUTTON_KIND,
        "q": question_fingerprint(message["text"]),
        "payload": '/choose{"choice": "worker"}',
    }


OWN = "https://plans.example.gov.uk/chat/download/"


def own(url: str) -> bool:
    return url.startswith(OWN) and "/" not in url[len(OWN) :]


def test_download_links_are_real_links_and_open_buttons() -> None:
    link = OWN + "eyJj_IjoxLCJrIjoi.a_b-c"
    text = f"The draft plan as a Word document.\nWorker version (with change log): {link}\nThanks"
    message = {
        "text": text,
        "custom": {"downloads": [{"kind": "plan-worker", "title": "Worker version", "url": link}]},
    }
    reply = reply_activity(read_activity(message_activity(SERVICE)), message, own)
    assert reply["textFormat"] == "xml"
    assert f'<a href="{link}">{link}</a>' in reply["text"]
    assert "<br>" in reply["text"]
    (card,) = reply["attachments"]
    assert card["content"]["buttons"] == [
        {"type": "openUrl", "title": "Worker version", "value": link}
    ]


def test_links_in_the_text_alone_are_neither_buttons_nor_links() -> None:
    # A person's answer read back: the address looks like one of ours, or is ours.
    for link in ("https://evil.example/chat/download/x", OWN + "abc"):
        text = f"You said: the plan is at {link}"
        reply = reply_activity(read_activity(message_activity(SERVICE)), {"text": text}, own)
        assert "attachments" not in reply
        assert "<a " not in reply["text"]
        assert html.unescape(reply["text"]) == text


def test_an_attachment_naming_another_address_gets_no_button() -> None:
    evil = "https://evil.example/chat/download/x"
    message = {
        "text": f"Download: {evil}",
        "custom": {"downloads": [{"kind": "plan-family", "title": "Open", "url": evil}]},
    }
    reply = reply_activity(read_activity(message_activity(SERVICE)), message, own)
    assert "attachments" not in reply
    assert "<a " not in reply["text"]


def test_an_attachment_joins_the_text_it_came_with() -> None:
    link = OWN + "abc"
    custom = {"downloads": [{"kind": "plan-family", "title": "Open the document", "url": link}]}
    joined = with_attachments(
        [{"text": "Here it is:\n" + link}, {"custom": custom}, {"text": "Anything else?"}]
    )
    assert joined == [
        {"text": "Here it is:\n" + link, "custom": custom},
        {"text": "Anything else?"},
    ]


def test_text_is_escaped_not_interpreted() -> None:
    text = "Dad said <b>stop</b> & left; Mum's *fine* _really_"
    rendered = to_teams_html(text)
    assert "<b>" not in rendered
    assert html.unescape(rendered) == text


def test_fingerprints_never_contain_999() -> None:
    for number in range(5000):
        assert "999" not in question_fingerprint(f"question {number}")
