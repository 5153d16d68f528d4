"""Commands only when the message is the command; otherwise the answer, or ask and keep it.

Issue 14, item 7: "dean to go to the alcohol place" (a step) was taken as
*stop* and lost; "Stopping altogether", answering "what would one point
higher look like?", ended the session. Item 8: "go back" then a new score
saved both scores.
"""

from __future__ import annotations

import pytest

from bot.interview import commands
from bot.interview.commands import ANSWER, ASK, COMMAND, decide
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.interview_driver import Driver
from tests.unit.interview.test_navigation import _to_children, _worker_with_one_worry


def _plan(database_url: str, sender: str = "person-1"):  # noqa: ANN202
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        return conversation.plan if conversation else None


# -- the decision ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "question"),
    [
        ("dean to go to the alcohol place", "stop", "step_what"),
        ("Stopping altogether", "stop", "scale_higher"),
        ("he wont stop drinking even when the kids are crying", "stop", "danger_behaviour"),
        ("he went back to drinking after he told everyone hed stopped", "go_back", "harm"),
        ("the school said jayden keeps skipping school", "skip", "harm"),
        ("Dad needs help with his drinking", "help", "needs"),
        ("Review the plan at the core group meeting every month", "review", "step_what"),
        ("mum to stop leaving them with whoever", "stop", "goal_happening"),
        ("Nan will come and take the kids back to hers", "go_back", "rule_who_does_what"),
    ],
)
def test_an_answer_with_a_command_word_in_it_is_an_answer(
    text: str, intent: str, question: str
) -> None:
    decision = decide(text, intent, 0.95, question)
    assert decision is not None and decision.kind == ANSWER, decision


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("stop", "stop"),
        ("Stop for now please", "stop"),
        ("can we stop for now", "stop"),
        ("sorry i have to go, the baby is crying", "stop"),
        ("I need a break", "stop"),
        ("go back", "go_back"),
        ("can i go back to the last question", "go_back"),
        ("i dont know", "skip"),
        ("skip this one please", "skip"),
        ("what does that mean?", "help"),
        ("start again", "restart"),
        ("let me see my answers", "review"),
        ("send me the plan", "export"),
        ("how do i get a copy to print", "export"),
        ("Can I have it as a document to share at the conference?", "export"),
    ],
)
def test_the_command_said_on_its_own_or_politely_is_the_command(text: str, command: str) -> None:
    # Whatever the intent model made of it: the words are the command.
    for intent in (command, "inform"):
        decision = decide(text, intent, 0.6, "step_what")
        assert decision is not None and decision.kind == COMMAND, (intent, decision)
        assert decision.command == command


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("i need to go to the doctors about my back", "stop"),
        ("can you help dad with his drinking", "help"),
        ("stop the drinking", "stop"),
    ],
)
def test_a_request_about_something_else_is_asked_about_never_obeyed(
    text: str, intent: str
) -> None:
    decision = decide(text, intent, 0.95, "step_what")
    assert decision is not None and decision.kind in (ASK, ANSWER), decision


def test_a_typo_of_a_short_command_is_the_command_when_the_model_agrees() -> None:
    assert decide("stpo", "stop", 0.9, "harm") == commands.Decision(COMMAND, "stop", 2)
    assert decide("go bak", "go_back", 0.9, "harm").kind == COMMAND  # type: ignore[union-attr]
    # The model is unsure: asked, not obeyed.
    assert decide("stpo", "stop", 0.3, "harm").kind == ASK  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["enough", "no more", "leave it"])
def test_a_short_message_that_could_be_either_is_asked_about(text: str) -> None:
    decision = decide(text, "stop", 0.95, "scale_higher")
    assert decision is not None and decision.kind in (ASK, COMMAND)
    if decision.kind == ASK:
        assert decision.command == "stop"


def test_messages_the_model_heard_as_answers_are_left_alone() -> None:
    assert decide("Nan and Sam", "inform", 0.9, "goal_who") is None
    assert decide("/stop", "stop", 1.0, "harm") is None


def test_every_command_has_a_question_and_buttons_in_plain_words() -> None:
    for name in commands.commands():
        assert commands.confirm_question(name).endswith("?")
        yes, no = commands.confirm_buttons(name)
        assert yes.startswith("Yes") and no.startswith("No")


# -- the interview asks, and keeps what was typed -------------------------------------------


def _to_harm(driver: Driver) -> None:
    _to_children(driver)
    for answer in ("Leo 7", "/deny", "/deny", "good mum", "no"):
        driver.say(answer)
    assert driver.current_slot() == "harm"


def _say_maybe(driver: Driver, text: str, command: str) -> str:
    """A message the Rasa server could not tell from a command (what the guard marks)."""
    reply = driver.service.answer(
        driver.sender, driver.channel, text, "inform", None, None, command
    )
    return driver._turn(reply, ask=reply.slot is not None)


def test_no_to_do_you_want_to_stop_keeps_the_words_as_the_answer(
    driver: Driver, database_url: str
) -> None:
    _to_harm(driver)
    asked = _say_maybe(driver, "he just stops talking and walks out", "stop")
    assert "Do you want to stop for now?" in asked
    assert driver.last_buttons[0].title == "Yes, stop for now"
    assert driver.current_slot() == "harm"
    kept = driver.say("/deny")
    assert "saved" in kept.lower()
    entries = [e.text for e in _plan(database_url).entries]
    assert "he just stops talking and walks out" in entries
    assert driver.current_slot() != "harm"


def test_yes_to_do_you_want_to_stop_stops_and_nothing_more_is_said(driver: Driver) -> None:
    _to_harm(driver)
    _say_maybe(driver, "enough", "stop")
    stopped = driver.say("/affirm")
    assert "Your answers are saved" in stopped
    assert "draft plan is ready" not in stopped
    again = driver.start()
    assert "Hello again" in again


def test_yes_to_go_back_goes_back_and_the_words_are_not_saved(
    driver: Driver, database_url: str
) -> None:
    _to_harm(driver)
    _say_maybe(driver, "back", "go_back")
    back = driver.say("/affirm")
    assert "Let's go back" in back
    assert "back" not in [e.text for e in _plan(database_url).entries]


def test_typing_something_else_instead_of_yes_or_no_is_the_answer(
    driver: Driver, database_url: str
) -> None:
    _to_harm(driver)
    _say_maybe(driver, "leave it", "stop")
    driver.say("he leaves them on their own at night")
    entries = [e.text for e in _plan(database_url).entries]
    assert "he leaves them on their own at night" in entries
    # Nothing typed is dropped; the person is told, and can go back to change it.
    assert "leave it" in entries


def test_carrying_on_after_a_longer_message_keeps_it_and_says_so(
    driver: Driver, database_url: str
) -> None:
    _to_harm(driver)
    _say_maybe(driver, "He stops me seeing my mum and my friends", "go_back")
    shown = driver.say("he leaves them on their own at night")
    assert 'I kept "He stops me seeing my mum and my friends" as your answer.' in shown
    entries = [e.text for e in _plan(database_url).entries]
    assert "He stops me seeing my mum and my friends" in entries
    assert "he leaves them on their own at night" in entries


def test_a_meeting_named_as_one_to_hold_is_a_step() -> None:
    decision = decide("Core group to check progress", "meeting_pack", 0.95, "step_what")
    assert decision is not None and decision.kind == ANSWER, decision


# -- go back, then a new score, replaces the old one (item 8) ---------------------------------



def _to_scale_score(driver: Driver) -> None:
    """A worker's first worry, its goal accepted, at the scaling question."""
    _worker_with_one_worry(driver)
    answers = {
        "goal_happening": "Dad is sober whenever he looks after Leo",
        "goal_who": "Sam",
        "add_person": "no",
        "goal_duration": "six months",
        "goal_check": '/choose{"choice": "accept"}',
    }
    while driver.current_slot() != "scale_score":
        driver.say(answers[driver.current_slot()])  # type: ignore[index]


def test_go_back_and_a_new_score_replaces_the_old_one(
    driver: Driver, database_url: str
) -> None:
    _to_scale_score(driver)
    driver.say("3")
    driver.say("go back")
    assert driver.current_slot() == "scale_score"
    driver.say("6")
    scores = _plan(database_url).pairs[0].scores
    assert [s.value for s in scores] == [6]


def test_to_anyone_else_a_short_no_more_is_the_answer_not_a_question() -> None:
    assert decide("done", "deny", 0.9, "supporters") is None
    asked = decide("enough", "inform", 0.9, "rule_triggers")
    assert asked is not None and (asked.kind, asked.command) == (ASK, "stop")


def test_a_plain_request_is_asked_about_even_when_the_model_heard_an_answer() -> None:
    asked = decide("Please delete everything and begin new plan", "inform", 0.7, "supporters")
    assert asked is not None and (asked.kind, asked.command) == (ASK, "restart")
    assert decide("Nan and grandad, they're back from spain now", "inform", 0.9,
                  "supporters") is None
    assert decide("go for it", "affirm", 0.9, "step_what") is None


@pytest.mark.parametrize(
    ("text", "intent", "question"),
    [
        ("core group 12/01/2027", "meeting_pack", "scale_meeting"),
        ("Core group review", "review", "step_what"),
        ("Core group review", "meeting_pack", "step_what"),
        ("review conference in march", "review", "step_what"),
        # Answers while a meeting is recorded (a worker's words in a REST test).
        ("2 because of what Sam Patel saw, meeting 1", "meeting_pack", "meeting_score"),
        ("she said the core group helped", "meeting_pack", "meeting_reason"),
        ("Nan to come to every core group", "meeting_pack", "meeting_new_step"),
        # A score and its reason (a persona got "Do you want to see the plan?" twice).
        ("5 need to see it last", "review", "meeting_score"),
        ("5 need to see it last", "review", "scale_score"),
    ],
)
def test_naming_a_meeting_where_a_meeting_is_the_answer_is_the_answer(
    text: str, intent: str, question: str
) -> None:
    decision = decide(text, intent, 0.95, question)
    assert decision is not None and decision.kind == ANSWER, decision


def test_asking_for_the_meeting_pack_in_so_many_words_still_gets_it() -> None:
    decision = decide("the meeting pack please", "meeting_pack", 0.95, "scale_meeting")
    assert decision is not None and decision.kind == COMMAND, decision


# -- the scaling question follows the goal it is built on (issue 14 item 6) -----------


def _to_score_then_back_to_the_goal(driver: Driver) -> None:
    _to_scale_score(driver)
    while driver.current_slot() != "goal_happening":
        driver.say("go back")


def test_a_rewritten_goal_rebuilds_the_scaling_question(
    driver: Driver, database_url: str
) -> None:
    _to_score_then_back_to_the_goal(driver)
    driver.say("Leo sees Dad sober at every contact")
    question = _plan(database_url).pairs[0].scaling_question or ""
    assert "10 means Leo sees Dad sober at every contact" in question
    assert "Dad is sober whenever" not in question
    assert "scaling question (worry 1)" in [r.what for r in _plan(database_url).revisions][-1:][0]


def test_a_scaling_question_written_by_hand_is_kept_when_the_goal_changes(
    driver: Driver, database_url: str
) -> None:
    _to_score_then_back_to_the_goal(driver)
    own = "Where are things between 0 (Dad drunk at contact) and 10 (sober at every contact)?"
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get("person-1")
        conversation.plan.pairs[0].scaling_question = own
        uow.commit()
    driver.say("Leo sees Dad sober at every contact")
    assert _plan(database_url).pairs[0].scaling_question == own


def test_someone_elses_score_at_the_own_score_question_is_not_saved_as_mine(
    driver: Driver, database_url: str
) -> None:
    """A persona typed "not mine, Kerry's. Kerry 6 ..." and it was saved as their own."""
    _to_scale_score(driver)
    reply = driver.say("not mine, it's Kerry's. 6 because Dean hasn't been drunk")
    assert "That sounds like someone else's score" in reply
    assert driver.current_slot() == "scale_score"
    assert _plan(database_url).pairs[0].scores == []
    driver.say("4 early days")
    assert [s.value for s in _plan(database_url).pairs[0].scores] == [4]


def test_a_list_that_names_a_meeting_is_an_answer() -> None:
    # A worker's "what needs to happen": "CIN plan" is the last item of a list,
    # not a request for the meeting pack (seen in fidelity batch a).
    text = "F to engage DA perp prog, M to reduce alcohol, CIN plan"
    decision = decide(text, "meeting_pack", 0.95, "needs")
    assert decision is not None and decision.kind == ANSWER
    # A request with politeness or a reason around it is still the command.
    polite = decide("sorry, the baby is crying, can we stop", "stop", 0.95, "needs")
    assert polite is not None and polite.kind == COMMAND


# -- "im back, can i carry on?" (a persona's own words) -------------------------------------

def _said_at_harm(driver: Driver, database_url: str, said: str) -> str:
    """Type `said` at "what has happened that worries people?": the reply, after checking
    nothing was saved and the same question is still asked."""
    _to_harm(driver)
    before = [e.text for e in _plan(database_url).entries]
    reply = driver.say(said)
    assert driver.current_slot() == "harm"
    assert [e.text for e in _plan(database_url).entries] == before
    return reply



def test_carrying_on_after_do_you_want_to_stop_keeps_the_words_and_goes_on(
    driver: Driver, database_url: str
) -> None:
    _to_harm(driver)
    _say_maybe(driver, "he just stops talking and walks out", "stop")
    reply = driver.say("no im back now can i carry on")
    assert "Your answers are saved" not in reply
    entries = [e.text for e in _plan(database_url).entries]
    assert "he just stops talking and walks out" in entries
    assert not any("carry on" in e for e in entries)
    assert driver.current_slot() not in ("harm", None)


@pytest.mark.parametrize("said", ["can i carry on", "im back", "Sorry I'm back, where were we?"])
def test_asking_to_carry_on_asks_the_question_again_and_saves_nothing(
    driver: Driver, database_url: str, said: str
) -> None:
    reply = _said_at_harm(driver, database_url, said)
    assert "OK, let's carry on." in reply


# -- questions about the chat itself ("who else gets to read this") -------------------------


@pytest.mark.parametrize(
    ("said", "told"),
    [
        ("who else gets to read this", "Your answers are kept for you and your worker."),
        ("can dean see this", "If there is someone who must not see it, tell your worker."),
        ("is this going to be used in court", "Your worker can tell you how plans are used"),
        ("why do i have to do this", "The plan shows what people are worried about"),
        ("is this gonna get my kids taken off me", "Your worker is the best person to ask"),
    ],
)
def test_a_question_about_the_chat_is_answered_and_nothing_is_saved(
    driver: Driver, database_url: str, said: str, told: str
) -> None:
    reply = _said_at_harm(driver, database_url, said)
    assert told in reply


@pytest.mark.parametrize(
    "said", ["dad to go to court in march", "anyone who sees him drunk calls nan",
             "he says ill lose the kids if i tell anyone",
             # Fidelity batches b and d: answers that were lost as questions about court.
             "If I had the court order and a place of our own",
             "If I have the court paper so he cannot come near house."],
)
def test_answers_that_mention_court_or_seeing_are_saved(
    driver: Driver, database_url: str, said: str
) -> None:
    _to_harm(driver)
    driver.say(said)
    assert said in [e.text for e in _plan(database_url).entries]


def test_why_at_the_role_question_is_answered_and_the_role_asked_again(driver: Driver) -> None:
    driver.start()
    driver.say("no")
    assert driver.current_slot() == "user_role"
    reply = driver.say("why do i have to do this")
    assert "The plan shows what people are worried about" in reply
    assert driver.current_slot() == "user_role"


@pytest.mark.parametrize("said", ["sorry kai fell over one sec", "hang on", "Sorry, bear with me"])
def test_asked_to_wait_nothing_is_saved_and_the_question_stays(
    driver: Driver, database_url: str, said: str
) -> None:
    reply = _said_at_harm(driver, database_url, said)
    assert "No rush" in reply


def test_waiting_words_inside_an_answer_are_the_answer(driver: Driver, database_url: str) -> None:
    _to_harm(driver)
    driver.say("he makes us wait a minute before we can talk")
    assert "he makes us wait a minute before we can talk" in [
        e.text for e in _plan(database_url).entries
    ]
