"""A form turn makes one action call when its validation already asked the question."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.forms import FormAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.rasa_ext import form_question
from bot.rasa_ext.domain_builder import QUESTION_ASKED
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _tracker(domain: Domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("family-1", domain.slots)
    tracker.update(ActiveLoop("interview_form"))
    tracker.update(SlotSet("requested_slot", "harm"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("he pushed me", {"name": "inform", "confidence": 0.9}))
    return tracker


def _request(domain: Domain, events_so_far: list) -> list:
    form_question.install()
    # No action endpoint: any call to the action server fails loudly.
    form = FormAction("interview_form", None)
    return asyncio.run(
        form.request_next_slot(
            _tracker(domain),
            domain,
            CollectingOutputChannel(),
            TemplatedNaturalLanguageGenerator(domain.responses),
            events_so_far,
        )
    )


def test_the_question_the_validation_asked_is_not_asked_again(domain: Domain) -> None:
    events = _request(
        domain, [SlotSet("requested_slot", "danger_who"), SlotSet(QUESTION_ASKED, "danger_who")]
    )
    assert events == []


@pytest.mark.parametrize(
    "asked",
    [None, "harm"],  # the validation asked nothing, or another question than the form's next
)
def test_otherwise_the_form_asks_through_the_action_server(
    domain: Domain, asked: str | None
) -> None:
    with pytest.raises(RasaException):
        _request(domain, [SlotSet("requested_slot", "danger_who"), SlotSet(QUESTION_ASKED, asked)])


def test_the_last_word_of_the_validation_counts() -> None:
    assert (
        form_question.asked_in([SlotSet(QUESTION_ASKED, "harm"), SlotSet(QUESTION_ASKED, None)])
        is None
    )
    assert form_question.asked_in([SlotSet("requested_slot", "harm")]) is None
