"""The families' chat page in Chromium: a short interview by typing and clicking, resuming,
leaving quickly, text shown as text, errors in plain words, keyboard use, screenshots and
an axe-core scan."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.access.invites import create_invite
from tests.support.axe import axe_source, blocking
from tests.support.browser import ARTIFACTS, chromium, screenshot_path
from tests.support.webchat import make_case, token_payload

pytestmark = [pytest.mark.browser, pytest.mark.conversation, pytest.mark.slow]

IDLE = """() => {
  const log = document.getElementById('log');
  return log.children.length > 0 && log.getAttribute('aria-busy') !== 'true';
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def origin(bot) -> str:
    return f"http://127.0.0.1:{bot.settings.rasa_port}"


@pytest.fixture(scope="module")
def chat_url(origin: str) -> str:
    return f"{origin}/chat/"


@pytest.fixture()
def open_page(browser, origin: str) -> Iterator[Callable[..., Any]]:
    """New pages in fresh browser profiles; nothing may be fetched from anywhere else."""
    contexts: list[Any] = []
    outside: list[str] = []
    problems: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def make(width: int = 1280, height: int = 800, context: Any = None, **options: Any) -> Any:
        if context is None:
            context = browser.new_context(viewport={"width": width, "height": height}, **options)
            context.route("**/*", guard)
            contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on(
            "console",
            lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text
            else None,
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert outside == [], "the page loaded something from outside the server"
    assert problems == []


def wait_idle(page: Any) -> None:
    page.wait_for_function(IDLE, timeout=120_000)


def bot_texts(page: Any) -> list[str]:
    return page.locator("#log .message--bot .message__text").all_inner_texts()


def choose(page: Any, title: str) -> None:
    page.locator("#choices").get_by_role("button", name=title, exact=True).click()
    wait_idle(page)


def type_and_send(page: Any, text: str, key: str = "Enter") -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    if key == "Enter":
        box.press("Enter")
    else:
        page.get_by_role("button", name="Send", exact=True).click()
    wait_idle(page)


def begin(page: Any, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def start_as_family(page: Any, url: str) -> None:
    begin(page, url)
    choose(page, "No")
    choose(page, "A family member")
    choose(page, "Yes, that's OK")


# -- the page itself ------------------------------------------------------------------------


def test_the_page_is_plain_and_safe_to_land_on(open_page, chat_url: str) -> None:
    page = open_page(360, 740)
    begin(page, chat_url)
    assert page.get_attribute("html", "lang") == "en-GB"
    banner = page.get_by_text("If anyone is in danger now, call 999.")
    assert banner.is_visible()
    assert page.get_by_role("button", name="Leave this page quickly").is_visible()
    log = page.locator("#log")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    texts = bot_texts(page)
    assert any("danger right now" in text for text in texts)
    # Buttons from the bot are real buttons.
    choices = page.locator("#choices button")
    assert choices.count() == 2
    assert choices.evaluate_all("(all) => all.every((b) => b.type === 'button')")
    # The banner is the page's own, not one of the bot's messages.
    assert not any("999" in text for text in texts)


def test_a_short_interview_by_typing_and_clicking_ends_with_a_document(
    open_page, chat_url: str, tmp_path
) -> None:
    page = open_page(360, 740)
    start_as_family(page, chat_url)
    type_and_send(page, "Sarah, their mum")
    type_and_send(page, "Leo 6 and Mia 4", key="Send")
    assert any("Leo" in text for text in bot_texts(page))
    for _turn in range(80):
        if page.locator("#log .download-button").count():
            break
        for title in ("I don't know", "No", "Yes, that's right", "Yes, it's right"):
            button = page.locator("#choices").get_by_role("button", name=title, exact=True)
            if button.count():
                choose(page, title)
                break
        else:
            type_and_send(page, "I don't know")
    else:
        pytest.fail("the interview did not finish: " + bot_texts(page)[-1])
    assert any("Your draft plan is ready" in text for text in bot_texts(page))
    # The review is one message, folded into parts, not its paragraphs open in
    # bubbles of their own and then again folded (a persona on a phone).
    folded = page.locator("#log .message--bot:has(details.message__part)")
    assert folded.count() >= 1
    assert folded.first.locator(".message__text").first.inner_text() == "Here is the plan so far."
    open_children = [
        t for t in page.locator("#log .message--bot:not(:has(details)) .message__text")
        .all_inner_texts() if t.startswith("Children:") or "\nChildren:" in t
    ]
    assert open_children == []
    button = page.locator("#log .download-button").last
    assert button.inner_text() == "Download the document"
    with page.expect_download() as waiting:
        button.click()
    download = waiting.value
    assert download.suggested_filename.endswith("-family.docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"


def test_closing_the_tab_and_coming_back_carries_on(open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    choose(page, "No")
    before = page.locator("#log .message").all_inner_texts()
    token = page.evaluate("localStorage.getItem('safetyplan.chat.session')")
    assert token_payload(token)["s"].startswith("web-")
    context = page.context
    page.close()
    again = open_page(context=context)
    begin(again, chat_url)
    assert again.locator("#log .message").all_inner_texts() == before
    assert again.locator("#log .message--user .message__text").all_inner_texts() == ["No"]
    choose(again, "A family member")
    assert any("keep your answers" in text for text in bot_texts(again))
    # A reload is the same.
    again.reload()
    wait_idle(again)
    assert again.locator("#choices").get_by_role("button", name="Yes, that's OK").count() == 1


def test_an_invite_link_opens_the_case_and_leaves_the_address_bar(
    bot, open_page, origin: str
) -> None:
    _case, reference = make_case(bot.settings, "Nia")
    link = create_invite(reference, "family", 7, settings=bot.settings)
    page = open_page()
    begin(page, link)
    assert page.url == f"{origin}/chat/"
    choose(page, "No")
    # The invite set the role: straight to the question about keeping answers.
    assert "keep your answers" in bot_texts(page)[-1]
    count = page.locator("#log .message").count()
    # Opening the same link again on this device carries on the same chat.
    again = open_page(context=page.context)
    begin(again, link)
    assert again.locator("#log .message").count() == count


# -- leaving quickly ----------------------------------------------------------------------------


def _assert_neutral(page: Any, origin: str) -> None:
    assert page.url == f"{origin}/weather"
    text = page.locator("body").inner_text().lower()
    for word in ("999", "safety", "plan", "chat", "child", "worker"):
        assert word not in text, word
    assert "chat" not in page.title().lower()


def test_the_leave_button_replaces_the_page_without_history(open_page, chat_url, origin) -> None:
    page = open_page(360, 740)
    page.goto(f"{origin}/weather")  # somewhere they were before, as far as history goes
    begin(page, chat_url)
    length = page.evaluate("history.length")
    page.get_by_role("button", name="Leave this page quickly").click()
    page.wait_for_url("**/weather")
    _assert_neutral(page, origin)
    assert page.evaluate("history.length") == length
    page.go_back()
    assert page.url in (f"{origin}/weather", "about:blank")
    assert page.locator("#log").count() == 0


def test_escape_clears_the_page_at_once_and_leaves(open_page, chat_url, origin) -> None:
    page = open_page()
    begin(page, chat_url)
    # sessionStorage outlives the navigation: it records what the page looked like as it went.
    page.evaluate(
        """() => new MutationObserver(() => {
          if (!document.body.children.length) {
            sessionStorage.setItem('seen', 'cleared:' + document.title);
          }
        }).observe(document.body, {childList: true})"""
    )
    page.get_by_label("Your message").focus()
    page.keyboard.press("Escape")
    page.wait_for_url("**/weather")
    _assert_neutral(page, origin)
    assert page.evaluate("sessionStorage.getItem('seen')") == "cleared:"


# -- text is text; problems in plain words -----------------------------------------------------


def test_typed_script_is_shown_as_text_and_does_nothing(open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    typed = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    type_and_send(page, typed)
    shown = page.locator("#log .message--user .message__text").last
    assert shown.inner_text() == typed
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#log script, #log img").count() == 0


def test_when_the_server_cannot_be_reached_the_words_are_kept(open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    page.route("**/chat/api/message", lambda route: route.abort("internetdisconnected"))
    box = page.get_by_label("Your message")
    box.fill("Nobody is in danger")
    box.press("Enter")
    problem = page.locator("#problem")
    problem.wait_for(state="visible")
    assert "I can't reach the service just now" in problem.inner_text()
    # Plainly not saved, so nobody thinks it was; the words wait in the box.
    assert "wasn't saved" in problem.inner_text()
    assert box.input_value() == "Nobody is in danger"
    assert page.locator("#log .message--user").count() == 0
    page.unroute("**/chat/api/message")
    page.get_by_role("button", name="Try again").click()
    wait_idle(page)
    assert problem.is_hidden()
    assert box.input_value() == ""
    assert page.locator("#log .message--user .message__text").all_inner_texts() == [
        "Nobody is in danger"
    ]


def test_a_message_that_is_too_long_stays_in_the_box(bot, open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    long_text = "We go to the park. " * (bot.settings.max_answer_chars // 19 + 1)
    box = page.get_by_label("Your message")
    box.fill(long_text)
    box.press("Enter")
    problem = page.locator("#problem")
    problem.wait_for(state="visible")
    assert "longer than I can take" in problem.inner_text()
    assert page.get_by_role("button", name="Try again").is_hidden()
    assert box.input_value() == long_text
    assert page.locator("#log .message--user").count() == 0


# -- keyboard, zoom, motion ----------------------------------------------------------------------


def _tab_to(page: Any, name: str, backwards: bool = False) -> None:
    for _ in range(40):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent") == name:
            return
    pytest.fail(f"could not reach {name!r} with the keyboard")


def test_keyboard_only(open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    _tab_to(page, "No")
    ring = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
    assert "rgb(255, 221, 0)" in ring  # the focus is plain to see
    page.keyboard.press("Enter")
    wait_idle(page)
    assert page.evaluate("document.activeElement.id") == "message"
    _tab_to(page, "A family member", backwards=True)
    page.keyboard.press("Enter")
    wait_idle(page)
    _tab_to(page, "Yes, that's OK", backwards=True)
    page.keyboard.press(" ")
    wait_idle(page)
    assert page.evaluate("document.activeElement.id") == "message"
    page.keyboard.type("Sarah, their mum")
    page.keyboard.press("Enter")
    wait_idle(page)
    assert any("Sarah" in text for text in bot_texts(page))


@pytest.mark.parametrize(("width", "height"), [(320, 256), (640, 360), (360, 640)])
def test_zoom_and_small_screens_need_no_sideways_scrolling(
    open_page, chat_url: str, width: int, height: int
) -> None:
    # 640 x 360 is a 1280 x 720 window at 200% zoom; 320 px is WCAG's reflow width.
    page = open_page(width, height)
    begin(page, chat_url)
    choose(page, "No")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    for label in ("If anyone is in danger now, call 999.",):
        box = page.get_by_text(label).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height
    leave = page.get_by_role("button", name="Leave this page quickly").bounding_box()
    assert leave and 0 <= leave["y"] and leave["y"] + leave["height"] <= height


@pytest.mark.parametrize(("motion", "animation"), [("reduce", "none"),
                                                    ("no-preference", "typing-pulse")])
def test_the_typing_indicator_respects_reduced_motion(
    open_page, chat_url: str, motion: str, animation: str
) -> None:
    page = open_page(reduced_motion=motion)
    begin(page, chat_url)
    name = page.evaluate(
        """() => {
          const dots = document.createElement('span');
          dots.className = 'typing__dots';
          const dot = document.createElement('span');
          dots.appendChild(dot);
          document.getElementById('typing').appendChild(dots);
          return getComputedStyle(dot).animationName;
        }"""
    )
    assert name == animation


def test_the_typing_indicator_shows_while_the_bot_works(open_page, chat_url: str) -> None:
    page = open_page()
    begin(page, chat_url)
    held: list[Any] = []
    page.route("**/chat/api/message", lambda route: held.append(route))
    page.locator("#choices").get_by_role("button", name="No", exact=True).click()
    typing = page.locator("#typing")
    assert "writing a reply" in typing.inner_text()
    assert typing.get_attribute("role") == "status"
    for route in held:
        route.continue_()
    page.unroute("**/chat/api/message")
    wait_idle(page)
    assert typing.inner_text().strip() == ""


# -- screenshots and the accessibility scan -----------------------------------------------------


def _axe(page: Any, name: str) -> list[dict]:
    page.evaluate(axe_source())
    results = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(
        json.dumps(results.get("violations", []), indent=2), encoding="utf-8"
    )
    return blocking(results)


@pytest.mark.parametrize(("width", "height"), [(360, 740), (1280, 800)])
def test_screenshots_and_axe(open_page, chat_url: str, width: int, height: int) -> None:
    page = open_page(width, height)
    start_as_family(page, chat_url)
    type_and_send(page, "Sarah, their mum")
    type_and_send(page, "download")  # the download button is scanned too
    assert page.locator("#log .download-button").count() == 1
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshot_path(f"webchat-{width}.png")), full_page=True)
    assert _axe(page, f"webchat-{width}") == []
    # The problem message and its button are checked too.
    page.route("**/chat/api/message", lambda route: route.abort("internetdisconnected"))
    type_and_send_problem = page.get_by_label("Your message")
    type_and_send_problem.fill("They are all safe")
    type_and_send_problem.press("Enter")
    page.locator("#problem").wait_for(state="visible")
    assert _axe(page, f"webchat-{width}-problem") == []


def test_the_other_pages_pass_axe_too(open_page, origin: str) -> None:
    page = open_page()
    page.goto(f"{origin}/weather")
    assert _axe(page, "leave") == []
    page.goto(f"{origin}/chat/download/not-a-real-token")
    assert "This link doesn't work" in page.locator("h1").inner_text()
    assert _axe(page, "bad-link") == []


# -- on a phone ------------------------------------------------------------------------------


def test_on_a_phone_the_hints_fit_touch_and_999_is_a_call(open_page, chat_url: str) -> None:
    phone = open_page(390, 844, has_touch=True, is_mobile=True)
    begin(phone, chat_url)
    assert phone.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    hint = phone.locator("#message-hint")
    assert hint.inner_text() == "Type your answer, then tap Send."
    assert "Esc" not in phone.locator("#leave-hint").inner_text()
    call = phone.locator(".safety-bar a[href='tel:999']")
    assert call.is_visible() and call.inner_text() == "If anyone is in danger now, call 999."
    # With a keyboard and a mouse, the keys are explained.
    desk = open_page(1280, 800)
    begin(desk, chat_url)
    assert desk.locator("#message-hint").inner_text() == (
        "Press Enter to send. Press Shift and Enter for a new line."
    )
    assert "Esc key" in desk.locator("#leave-hint").inner_text()


def test_the_numbers_in_the_urgent_reply_are_tap_to_call(open_page, chat_url: str) -> None:
    page = open_page(390, 844, has_touch=True, is_mobile=True)
    start_as_family(page, chat_url)
    type_and_send(page, "he's hitting me right now and the kids are screaming")
    log = page.locator("#log")
    assert log.locator("a[href='tel:999']").count() == 1
    assert log.locator("a[href='tel:08088005000']").inner_text() == "0808 800 5000"
    assert log.locator("a[href='tel:08001111']").count() == 1
    # About domestic abuse: its helpline too, as a call.
    assert log.locator("a[href='tel:08082000247']").inner_text() == "0808 2000 247"
    # The person's own words are never turned into links.
    assert page.locator("#log .message--user a").count() == 0
    # A thumb can hit 999 in the reply: at least 44 px tall (it was 20).
    box = log.locator("a[href='tel:999']").bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, box


def test_a_questions_made_up_example_number_is_not_a_call(open_page, chat_url: str) -> None:
    # "her number is 07700 900123" in the who-will-do-what question is an example
    # from Ofcom's range for made-up numbers: tapping it must not ring anyone.
    page = open_page(390, 844, has_touch=True, is_mobile=True)
    start_as_family(page, chat_url)

    def with_example(route: Any) -> None:
        # The server's real reply, plus a question in the shape the interview asks it.
        response = route.fetch()
        body = response.json()
        body["messages"].append(
            {"text": "For example: 'Nan will take the children, her number is 07700 900123'. "
             "Or 'Sandra, 07811 234567'."}
        )
        route.fulfill(response=response, json=body)

    page.route("**/chat/api/message", with_example)
    type_and_send(page, "Sarah, their mum")
    page.get_by_text("Sandra, 07811 234567").wait_for()
    assert page.locator("#log a[href='tel:07811234567']").count() == 1
    assert page.locator("#log a[href^='tel:07700900']").count() == 0


def test_the_review_comes_in_parts_that_open_with_a_tap(open_page, chat_url: str) -> None:
    page = open_page(390, 844, has_touch=True, is_mobile=True)
    start_as_family(page, chat_url)
    type_and_send(page, "Sarah, their mum")
    type_and_send(page, "Leo 6 and Mia 4")
    type_and_send(page, "review")
    parts = page.locator("#log .message--bot details.message__part")
    assert parts.count() >= 1
    first = parts.first
    assert first.locator("summary").inner_text() == "Children and people"
    assert first.evaluate("(part) => part.open") is False
    first.locator("summary").tap()
    assert first.evaluate("(part) => part.open") is True
    assert "Leo (6)" in first.inner_text()
    # Coming back to the page shows the review in parts again.
    page.reload()
    wait_idle(page)
    assert page.locator("#log details.message__part").count() == parts.count()
