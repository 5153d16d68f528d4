"""refine_intent keeps real commands and turns answers that merely contain a
command word back into `inform`. Every sentence here is invented."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu.guard import NAVIGATION_INTENTS, RULES, refine_intent

ROOT = Path(__file__).resolve().parents[3]

CONTRACT = {
    "greet",
    "goodbye",
    "thank",
    "help",
    "example",
    "go_back",
    "skip",
    "stop",
    "restart",
    "review",
    "export",
    "bot_challenge",
    "out_of_scope",
    "start_practice",
    "meeting_pack",
}

# (text, intent the model gave): a real command, so the intent is kept.
COMMANDS = [
    ("help", "help"),
    ("HELP", "help"),
    ("help!!", "help"),
    ("what does that mean?", "help"),
    ("wat does that mean", "help"),
    ("what do u mean", "help"),
    ("huh?", "help"),
    ("eh", "help"),
    ("i dont understand", "help"),
    ("I don't understand the question", "help"),
    ("sorry im confused", "help"),
    ("can you explain that in simple words", "help"),
    ("whats a danger statement", "help"),
    ("what is existing safety", "help"),
    ("i need help with this question", "help"),
    ("how do i answer this", "help"),
    ("?", "help"),
    ("example", "example"),
    ("give me an example", "example"),
    ("can u show me an example pls", "example"),
    ("like what?", "example"),
    ("what would a good answer look like", "example"),
    ("go back", "go_back"),
    ("back", "go_back"),
    ("bk", "go_back"),
    ("undo", "go_back"),
    ("can we go back", "go_back"),
    ("I want to go back", "go_back"),
    ("I made a mistake on the last one", "go_back"),
    ("previous question please", "go_back"),
    ("oops that was wrong", "go_back"),
    ("i dont know", "skip"),
    ("I don't know", "skip"),
    ("dunno", "skip"),
    ("idk", "skip"),
    ("not sure", "skip"),
    ("no idea", "skip"),
    ("skip", "skip"),
    ("can we skip this one", "skip"),
    ("lets skip it", "skip"),
    ("pass", "skip"),
    ("not now", "skip"),
    ("can we come back to that", "skip"),
    ("i'd rather not say", "skip"),
    ("stop", "stop"),
    ("STOP", "stop"),
    ("can we stop here", "stop"),
    ("I need to go", "stop"),
    ("gotta go", "stop"),
    ("can we finish later", "stop"),
    ("pause", "stop"),
    ("brb", "stop"),
    ("i want to stop now", "stop"),
    ("save and exit", "stop"),
    ("can we stop talking now", "stop"),
    ("can we start again", "restart"),
    ("start again", "restart"),
    ("restart", "restart"),
    ("start over please", "restart"),
    ("i want to start from the beginning", "restart"),
    ("wipe it and start again", "restart"),
    ("review", "review"),
    ("show me what we've got", "review"),
    ("I want to change something", "review"),
    ("can I edit the danger statement", "review"),
    ("what have I said so far", "review"),
    ("can i see the plan", "review"),
    ("download", "export"),
    ("send me the plan", "export"),
    ("can I have it as a Word document", "export"),
    ("print it", "export"),
    ("email it to me pls", "export"),
    ("I want to practise", "start_practice"),
    ("practice mode", "start_practice"),
    ("can I try an example case", "start_practice"),
    ("training case", "start_practice"),
    ("I need the meeting pack", "meeting_pack"),
    ("prep for the core group", "meeting_pack"),
    ("something for the conference", "meeting_pack"),
    ("hi", "greet"),
    ("hiya", "greet"),
    ("good morning", "greet"),
    ("hello there how are you", "greet"),
    ("bye", "goodbye"),
    ("ok bye", "goodbye"),
    ("see ya", "goodbye"),
    ("ta ra", "goodbye"),
    ("thanks", "thank"),
    ("thank you so much", "thank"),
    ("cheers", "thank"),
    ("thanks for your help", "thank"),
    ("that's really helpful thanks", "thank"),
    ("ty", "thank"),
    ("are you a real person", "bot_challenge"),
    ("am I talking to a bot", "bot_challenge"),
    ("r u human", "bot_challenge"),
    ("what's the weather like", "out_of_scope"),
    ("tell me a joke", "out_of_scope"),
    ("order a pizza", "out_of_scope"),
    ("can you get my kids back", "out_of_scope"),
    ("what benefits can I get", "out_of_scope"),
    ("do i need a solicitor?", "out_of_scope"),
    ("lol", "out_of_scope"),
]

# (text, intent the model wrongly gave): really an answer, so `inform`.
ANSWERS = [
    ("Dad needs help with his drinking", "help"),
    ("she needs help with her mental health", "help"),
    ("Leo needs help with his reading", "help"),
    ("nan can help with the school run", "help"),
    ("my mum helps me a lot", "help"),
    ("the school has been really helpful", "help"),
    ("he is getting help for his anger", "help"),
    ("we need help with the rent", "help"),
    ("she won't accept any help", "help"),
    ("i want him to get help for his drinking", "help"),
    ("for example he made their tea every night", "example"),
    ("he sets a bad example to the boys", "example"),
    ("we want the kids back", "go_back"),
    ("we want the kids back home", "go_back"),
    ("i just want my children back", "go_back"),
    ("he came back at 2am", "go_back"),
    ("she went back to him in october", "go_back"),
    ("he moved back in last month", "go_back"),
    ("go back to the GP about her depression", "go_back"),
    ("the kids are back at school now", "go_back"),
    ("back in 2022 he was arrested", "go_back"),
    ("her previous partner hit her", "go_back"),
    ("i dont know where he is living now", "skip"),
    ("not sure if nan can do weekends", "skip"),
    ("no idea where the money goes", "skip"),
    ("I don't know why the school rang the social worker", "skip"),
    ("not sure yet but probably my aunt", "skip"),
    ("the kids skip school when she is unwell", "skip"),
    ("he skipped his last three appointments", "skip"),
    ("her mum passed away last year", "skip"),
    ("next friday", "skip"),
    ("I want him to stop shouting at them", "stop"),
    ("I want him to stop shouting", "stop"),
    ("she needs to stop leaving them alone", "stop"),
    ("he has to stop smoking in the house", "stop"),
    ("they need to stop arguing in front of the kids", "stop"),
    ("Leo needs to stop hitting his sister", "stop"),
    ("she stopped taking her tablets", "stop"),
    ("he stops eating when he is stressed", "stop"),
    ("mum will stop seeing her ex", "stop"),
    ("i want the shouting to stop", "stop"),
    ("she cant stop crying", "stop"),
    ("she started drinking again", "restart"),
    ("he is using again", "restart"),
    ("it happened again on friday", "restart"),
    ("he has to start going to the parenting course", "restart"),
    ("they moved him to a new school", "restart"),
    ("the review meeting is on the 3rd", "review"),
    ("the case review is in march", "review"),
    ("he has changed a lot since the summer", "review"),
    ("she changed the locks", "review"),
    ("dad sees the kids every saturday", "review"),
    ("nan will check on them every night", "review"),
    ("he sends them money but never visits", "export"),
    ("she printed off the course certificate", "export"),
    ("we'll send the kids to nan's if there's a row", "export"),
    ("the kids share a bedroom", "export"),
    ("he works in export at the docks", "export"),
    ("the GP practice referred her", "start_practice"),
    ("she is doing her training to be a nurse", "start_practice"),
    ("Mia is learning to be frightened at home", "start_practice"),
    ("at the last core group the school said he was doing better", "meeting_pack"),
    ("the conference is on the 12th", "meeting_pack"),
    ("she packed her bags and left him", "meeting_pack"),
    ("hi my name is Sarah and I have two boys Leo and Alfie", "greet"),
    ("alright he's much better with them now", "greet"),
    ("thanks to nan we got through it", "thank"),
    ("Ruby", "greet"),
    ("my ex, he lives in Leeds", "goodbye"),
    ("he is a real person who cares about them", "bot_challenge"),
    ("we've got no money and the flat's damp", "out_of_scope"),
    ("my benefits got stopped in may", "out_of_scope"),
    ("she lost her job and we are behind on the rent", "out_of_scope"),
    ("the police have been out to the house four times", "out_of_scope"),
]

PASTED_NOTE = (
    "Home visit notes: mum said she wants help with housing and asked us to stop "
    "the contact centre visits until dad goes back to his group. She does not know "
    "if she can start again with the course. Please review at the core group."
)


@pytest.mark.parametrize(("text", "intent"), COMMANDS)
def test_short_clear_commands_keep_their_intent(text: str, intent: str) -> None:
    assert refine_intent(text, intent, 0.95) == intent


@pytest.mark.parametrize(("text", "intent"), COMMANDS)
def test_commands_are_kept_even_when_the_model_is_unsure(text: str, intent: str) -> None:
    # A matched command phrase decides on its own: the fallback classifier
    # already catches the truly uncertain predictions.
    assert refine_intent(text, intent, 0.5) == intent


@pytest.mark.parametrize(("text", "intent"), ANSWERS)
def test_answers_using_command_words_become_inform(text: str, intent: str) -> None:
    assert refine_intent(text, intent, 0.9) == "inform"


@pytest.mark.parametrize("intent", sorted(CONTRACT))
def test_a_pasted_paragraph_is_always_an_answer(intent: str) -> None:
    assert refine_intent(PASTED_NOTE, intent, 0.99) == "inform"


def test_navigation_intents_are_the_contract() -> None:
    assert NAVIGATION_INTENTS == CONTRACT
    assert set(RULES) == CONTRACT


@pytest.mark.parametrize(
    "intent", ["inform", "affirm", "deny", "urgent_danger", "nlu_fallback"]
)
def test_other_intents_pass_through(intent: str) -> None:
    # The guard only ever demotes a navigation intent, so it can never hide
    # an urgent-danger message.
    assert refine_intent("help me please", intent, 0.99) == intent
    assert refine_intent("stop", intent, 0.1) == intent


def test_missing_intent_is_an_answer() -> None:
    assert refine_intent("Leo 7 and Mia 4", None, 0.0) == "inform"
    assert refine_intent("help", "", 0.0) == "inform"


def test_unrecognised_message_needs_a_confident_model() -> None:
    # No evidence either way: trust a sure model, and treat an unsure one as
    # an answer (in an interview most messages are answers).
    assert refine_intent("wha", "help", 0.95) == "help"
    assert refine_intent("can you say it in easier english", "help", 0.9) == "help"
    assert refine_intent("wha", "help", 0.3) == "inform"


def test_answer_patterns_do_not_reach_across_punctuation() -> None:
    assert refine_intent("i need to stop, the kids are back", "stop", 0.95) == "stop"
    assert refine_intent("i need to stop the kids fighting", "stop", 0.95) == "inform"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("6", "help"),
        ("about a 5", "skip"),
        ("end of may", "export"),
        ("until Christmas", "stop"),
        ("12/01/2027", "review"),
        ("for six months", "restart"),
        ("my sister Kelly", "go_back"),
        ("the midwife", "example"),
        ("nobody really", "skip"),
        ("twice a week", "meeting_pack"),
    ],
)
def test_short_answers_shaped_like_answers_are_never_commands(text: str, intent: str) -> None:
    assert refine_intent(text, intent, 0.99) == "inform"


def _training_examples() -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def test_every_navigation_training_example_is_kept() -> None:
    # The guard runs inside the NLU pipeline after the model: if it demoted a
    # sentence the model was taught as a command, that command could never work.
    demoted = [
        (intent, text)
        for text, intent in _training_examples()
        if intent in NAVIGATION_INTENTS and refine_intent(text, intent, 0.95) != intent
    ]
    assert not demoted


def test_an_off_topic_question_mark_counts_as_a_request() -> None:
    assert refine_intent("football tonight?", "out_of_scope", 0.9) == "out_of_scope"
    assert refine_intent("football with his dad on saturdays", "out_of_scope", 0.9) == "inform"


@pytest.mark.parametrize(
    ("text", "intent", "confidence"),
    [
        (None, "help", 0.9),
        (42, "stop", 0.9),
        ("", "help", 0.9),
        ("   ", "go_back", 0.9),
        ("help", "help", float("nan")),
        ("help", "help", None),
        ("help", "help", "high"),
        ("stop", "not_an_intent", 0.9),
        ("\x00\ufffd" * 5000, "review", 0.9),
        ("back " * 100000, "go_back", 0.9),
        ("’’’???!!!", "help", 0.9),
    ],
)
def test_never_raises_on_odd_input(text: object, intent: str, confidence: object) -> None:
    result = refine_intent(text, intent, confidence)  # type: ignore[arg-type]
    assert isinstance(result, str) and result


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=300),
    intent=st.one_of(st.none(), st.sampled_from(sorted(CONTRACT | {"inform", "affirm"}))),
    confidence=st.floats(allow_nan=True, allow_infinity=True),
)
def test_result_is_the_given_intent_or_inform(
    text: str, intent: str | None, confidence: float
) -> None:
    result = refine_intent(text, intent, confidence)
    assert result in {intent, "inform"}
    if not math.isfinite(confidence) and intent in CONTRACT:
        # Without a usable confidence only a recognised command is kept.
        assert result in {intent, "inform"}
