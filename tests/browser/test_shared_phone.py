"""A shared phone: what the next person to pick it up can find, in Chromium with a profile
kept on disk between visits (closing the browser and opening it again on the same folder is
the phone picked up later).

- Leaving (the button or Esc) forgets the chat on this phone; the plan stays on the server.
- An invite travels in the address's fragment, never reaches a server, and leaves no trace
  in the address bar or the tab's history.
- A download link is made when the button is pressed, works once, and runs out in minutes.
- A chat left alone closes by itself, with a kind message.
- A link in a message's text is never dressed up as a download button.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.access.invites import create_invite
from tests.support.axe import axe_source, blocking
from tests.support.browser import phone_profile
from tests.support.servers import Bot, settings_for, start_stack
from tests.support.webchat import make_case

pytestmark = [pytest.mark.browser, pytest.mark.conversation, pytest.mark.slow]

STORE_KEY = "safetyplan.chat.session"
IDLE = """() => {
  const log = document.getElementById('log');
  return log.children.length > 0 && log.getAttribute('aria-busy') !== 'true';
}"""
EVIL = "https://evil.example/chat/download/x"
# Seconds, for the stack whose links and sessions run out quickly.
SHORT_IDLE_MINUTES = 0.25
SHORT_LINK_MINUTES = 0.05


def origin_of(bot: Bot) -> str:
    return f"http://127.0.0.1:{bot.settings.rasa_port}"


@pytest.fixture(scope="module")
def quick(var_dir: Path) -> Iterator[Bot]:
    """A stack whose download links last 3 seconds and whose chats close after 15 idle."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SAFETYPLAN_IDLE_MINUTES", str(SHORT_IDLE_MINUTES))
        patch.setenv("SAFETYPLAN_DOWNLOAD_LINK_MINUTES", str(SHORT_LINK_MINUTES))
        stack = start_stack(settings_for(var_dir / "quick-stack"))
    try:
        yield Bot(stack)
    finally:
        stack.stop()


def wait_idle(page: Any) -> None:
    page.wait_for_function(IDLE, timeout=120_000)


def begin(page: Any, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def choose(page: Any, title: str) -> None:
    page.locator("#choices").get_by_role("button", name=title, exact=True).click()
    wait_idle(page)


def type_and_send(page: Any, text: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")
    wait_idle(page)


def said_by_user(page: Any) -> list[str]:
    return page.locator("#log .message--user .message__text").all_inner_texts()


def start_as_family(page: Any, url: str) -> None:
    begin(page, url)
    choose(page, "No")
    choose(page, "A family member")
    choose(page, "Yes, that's OK")
    type_and_send(page, "Sarah, their mum")


def stored_token(page: Any) -> str | None:
    return page.evaluate(f"localStorage.getItem('{STORE_KEY}')")


# -- leaving --------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["button", "escape"])
def test_leaving_forgets_the_chat_on_this_phone(bot, tmp_path: Path, how: str) -> None:
    origin = origin_of(bot)
    profile = tmp_path / "phone"
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        choose(page, "No")
        assert said_by_user(page) == ["No"]
        assert stored_token(page)
        before = page.evaluate("history.length")
        if how == "button":
            page.get_by_role("button", name="Leave this page quickly").click()
        else:
            page.get_by_label("Your message").focus()
            page.keyboard.press("Escape")
        page.wait_for_url(f"{origin}/weather")
        # The address left in the bar says nothing about the chat, and the chat's
        # entry in the tab's history was replaced, not added to.
        assert "chat" not in page.url
        assert page.evaluate("history.length") == before
        assert stored_token(page) is None
    # The phone, picked up later: the chat is not there.
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        assert said_by_user(page) == []
        assert page.locator("#log .message--bot").count() >= 1  # a new chat's greeting


def test_a_reply_arriving_while_leaving_does_not_bring_the_chat_back(
    bot, tmp_path: Path
) -> None:
    origin = origin_of(bot)
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        replies: list[Any] = []
        leaving: list[Any] = []
        page.route("**/chat/api/message", lambda route: replies.append(route))
        page.route("**/weather", lambda route: leaving.append(route))
        # An answer is sent; while the helper is writing its reply, the person leaves.
        page.locator("#choices").get_by_role("button", name="No", exact=True).click()
        page.wait_for_function(
            "() => document.getElementById('log').getAttribute('aria-busy') === 'true'"
        )
        page.keyboard.press("Escape")
        deadline = time.monotonic() + 30
        while not (replies and leaving) and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert replies and leaving
        # The reply (with its fresh session token) reaches the page that is going...
        replies[0].continue_()
        page.wait_for_timeout(3_000)
        # ...and then the neutral page arrives.
        leaving[0].continue_()
        page.wait_for_url(f"{origin}/weather")
        assert stored_token(page) is None


# -- invites ----------------------------------------------------------------------------------


def test_an_invite_travels_in_the_fragment_and_leaves_no_trace(bot, tmp_path: Path) -> None:
    origin = origin_of(bot)
    _case, reference = make_case(bot.settings, "Nia")
    link = create_invite(reference, "family", 7, settings=bot.settings)
    assert link.startswith(f"{bot.settings.public_url}/chat/#invite=")
    assert "?" not in link
    secret = link.split("#invite=", 1)[1]
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        sent: list[str] = []
        page.on("request", lambda request: sent.append(request.url))
        begin(page, link)
        choose(page, "No")
        # The invite set the role: straight to the question about keeping answers.
        assert "keep your answers" in page.locator("#log .message--bot").last.inner_text()
        assert sent and not [url for url in sent if secret in url]
        assert page.url == f"{origin}/chat/"
        assert secret not in page.evaluate("location.href")
        # The tab's history entry for the page holds the clean address too.
        page.get_by_role("button", name="Leave this page quickly").click()
        page.wait_for_url(f"{origin}/weather")
        page.go_back()
        assert secret not in page.url
        assert secret not in page.evaluate("location.href")


# -- downloads --------------------------------------------------------------------------------


def _press_download(page: Any) -> Any:
    button = page.locator("#log .download-button").last
    with page.expect_download() as waiting:
        button.click()
    return waiting.value


def test_a_download_link_is_made_when_pressed_and_works_once(bot, tmp_path: Path) -> None:
    origin = origin_of(bot)
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        start_as_family(page, f"{origin}/chat/")
        type_and_send(page, "download")
        # A button, not a link: there is no address on the page to find later.
        assert page.locator("#log .download-button").last.inner_text() == "Download the document"
        assert page.locator("#log a[href*='/chat/download/']").count() == 0
        first = _press_download(page)
        assert first.suggested_filename.endswith("-family.docx")
        saved = tmp_path / first.suggested_filename
        first.save_as(saved)
        assert saved.read_bytes()[:2] == b"PK"
        assert first.url.startswith(f"{origin}/chat/download/")
        # The same link again: refused, kindly.
        again = page.request.get(first.url)
        assert again.status == 410
        assert "used already" in again.text()
        assert "press the download button again" in again.text()
        # After a reload the button is still there, and makes a new link that works.
        page.reload()
        wait_idle(page)
        second = _press_download(page)
        assert second.url != first.url
        second.save_as(tmp_path / "second.docx")
        assert (tmp_path / "second.docx").read_bytes()[:2] == b"PK"


def test_an_old_download_link_is_refused(quick: Bot, tmp_path: Path) -> None:
    origin = origin_of(quick)
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        start_as_family(page, f"{origin}/chat/")
        type_and_send(page, "download")
        # The press makes the link; hold the link back instead of following it.
        held: list[str] = []

        def hold(route: Any) -> None:
            held.append(route.request.url)
            route.abort()

        page.route("**/chat/download/**", hold)
        page.locator("#log .download-button").last.click()
        deadline = time.monotonic() + 30
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert held, "pressing the button made no link"
        page.wait_for_timeout(SHORT_LINK_MINUTES * 60_000 + 2_000)
        late = page.request.get(held[0])
        assert late.status == 404
        assert "run out" in late.text()


# -- a chat left alone -----------------------------------------------------------------------


def test_an_idle_chat_closes_with_a_kind_message(quick: Bot, tmp_path: Path) -> None:
    origin = origin_of(quick)
    profile = tmp_path / "phone"
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        choose(page, "No")
        token = stored_token(page)
        assert token and said_by_user(page) == ["No"]
        problem = page.locator("#problem")
        problem.wait_for(state="visible", timeout=int(SHORT_IDLE_MINUTES * 60_000) + 30_000)
        assert "nothing happened for a while" in problem.inner_text()
        assert "Your answers are saved" in problem.inner_text()
        # The conversation left the screen and the phone forgot it.
        assert page.locator("#log .message").count() == 0
        assert stored_token(page) is None
        # The server agrees: the old token no longer opens the chat.
        refused = page.request.get(
            f"{origin}/chat/api/history", headers={"Authorization": f"Bearer {token}"}
        )
        assert refused.status == 401
        assert refused.json()["code"] == "session_idle"
        page.evaluate(axe_source())
        scan = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert blocking(scan) == []
        # Starting again is one press.
        page.get_by_role("button", name="Start a new chat").click()
        wait_idle(page)
        assert said_by_user(page) == []
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        assert "No" not in said_by_user(page)


def test_after_a_closed_chat_the_invite_link_carries_on_with_the_plan(
    quick: Bot, tmp_path: Path
) -> None:
    origin = origin_of(quick)
    _case, reference = make_case(quick.settings, "Nia")
    link = create_invite(reference, "family", 7, settings=quick.settings)
    profile = tmp_path / "phone"
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        begin(page, link)
        choose(page, "No")
        choose(page, "Yes, that's OK")
        type_and_send(page, "Sarah, their mum")
        asked = page.locator("#log .message--bot").last.inner_text()
        assert "supports your family" in asked, asked  # the case knows its children
        type_and_send(page, "Nan, my mum")
        choose(page, "No, that's everyone")
    # The browser is closed while the chat is still open, and picked up after the idle
    # time: the token it kept has run out.
    time.sleep(SHORT_IDLE_MINUTES * 60 + 2)
    with phone_profile(profile, origin) as browser:
        page = browser.new_page()
        # Opening the invite link again carries on with the same plan, in a new chat:
        # the earlier one is not shown.
        begin(page, link)
        assert page.locator("#problem").is_hidden()
        assert said_by_user(page) == []
        choose(page, "No")
        asked = ""
        for _ in range(4):
            asked = page.locator("#log .message--bot").last.inner_text()
            if page.locator("#choices").get_by_role("button", name="Yes, that's OK").count():
                choose(page, "Yes, that's OK")
            elif "first name" in asked:
                type_and_send(page, "Sarah, their mum")
            else:
                break
        # Past the questions about who is talking, and not asked again for Nan.
        assert "first name" not in asked and "keep your answers" not in asked, asked
        assert "supports your family" not in asked, asked


def test_a_chat_in_use_stays_open(quick: Bot, tmp_path: Path) -> None:
    origin = origin_of(quick)
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        begin(page, f"{origin}/chat/")
        idle_ms = int(SHORT_IDLE_MINUTES * 60_000)
        # Answers more often than the idle time, for longer than it: still open.
        choose(page, "No")
        page.wait_for_timeout(idle_ms * 0.6)
        choose(page, "A family member")
        page.wait_for_timeout(idle_ms * 0.6)
        choose(page, "Yes, that's OK")
        assert page.locator("#problem").is_hidden()
        assert said_by_user(page) == ["No", "A family member", "Yes, that's OK"]


# -- link spoofing --------------------------------------------------------------------------


def test_an_address_in_an_answer_is_never_a_download_button(bot, tmp_path: Path) -> None:
    origin = origin_of(bot)
    with phone_profile(tmp_path / "phone", origin) as browser:
        page = browser.new_page()
        start_as_family(page, f"{origin}/chat/")
        type_and_send(page, "Leo 6")
        for _ in range(2):  # supporters, workers
            type_and_send(page, "I don't know")
        # A long answer is kept as an answer, address and all, and read back in the review.
        type_and_send(
            page,
            "We go to the park every Saturday with Nan and the children love it, and "
            f"there are photos of it at {EVIL}",
        )
        type_and_send(page, "review")
        page.reload()
        wait_idle(page)
        # The review comes folded in parts: open each one, as the person would.
        titles = page.locator("#log .message--bot details.message__part summary")
        for i in range(titles.count()):
            titles.nth(i).click()
        shown = page.locator("#log .message--bot .message__text").all_inner_texts()
        assert any(EVIL in text for text in shown), shown
        assert page.locator("#log .download-button").count() == 0
        assert page.get_by_text("Download the document").count() == 0
        # A link in a message shows its own address, whatever it is.
        links = page.locator("#log .message--bot a")
        assert links.count() >= 1
        for text in links.all_inner_texts():
            assert text.startswith(("http://", "https://")), text
