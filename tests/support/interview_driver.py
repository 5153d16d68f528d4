"""Drives the interview through ConversationService as Rasa would, without Rasa.

Navigation words go to their own operations (as the Rasa rules route the
intents); everything else is an answer; after each turn the current question
is asked, as the form does.
"""

from __future__ import annotations

import datetime as dt
import json

from bot.interview.reply import Reply
from bot.services import ConversationService

NAVIGATION = {
    "help": "help",
    "example": "example",
    "go back": "go_back",
    "i don't know": "skip",
    "skip": "skip",
    "stop": "stop",
    "review": "review",
    "start again": "request_restart",
}
PAYLOAD_INTENTS = {"/affirm": "affirm", "/deny": "deny", "/skip": "skip", "/help": "help"}


class Driver:
    def __init__(self, service: ConversationService, sender: str, channel: str = "rest") -> None:
        self.service = service
        self.sender = sender
        self.channel = channel
        self.transcript: list[str] = []
        self.last_bubbles = 0

    def start(self) -> str:
        return self._turn(self.service.welcome(self.sender, self.channel), ask=True)

    def say(self, text: str) -> str:
        self.transcript.append(f"> {text}")
        operation = NAVIGATION.get(text.strip().lower())
        if operation:
            return self._turn(getattr(self.service, operation)(self.sender, self.channel), ask=True)
        choice = None
        intent = PAYLOAD_INTENTS.get(text.strip())
        if text.startswith("/choose"):
            choice = json.loads(text[len("/choose") :])["choice"]
            intent = "choose"
        # As the form's validation does: the answer and the next question in one unit
        # of work.
        reply, asked_with_it = self.service.answer_then_ask(
            self.sender, self.channel, text, intent, choice
        )
        if reply.slot is None and reply.saved:
            # The form has nothing more to ask: Rasa's rule runs action_interview_complete.
            reply.messages += self.service.complete(self.sender, self.channel).messages
        return self._turn(reply, ask=reply.slot is not None, asked_with_it=asked_with_it)

    def _turn(self, reply: Reply, ask: bool, asked_with_it: Reply | None = None) -> str:
        texts = [m.text for m in reply.messages]
        if ask and reply.saved:
            asked = self.service.ask(self.sender, self.channel)
            if asked_with_it is not None:
                # The question read in the answer's unit of work is the one a separate
                # ask reads from the database: every interview test checks it.
                assert _shown(asked_with_it) == _shown(asked), (text_of(asked_with_it), texts)
            texts += [m.text for m in asked.messages]
            # A question already asked in the reply (with "please say yes or no")
            # is not asked again: its buttons are on the reply's last message.
            shown = asked.messages or reply.messages
            self.last_buttons = shown[-1].buttons if shown else []
        self.transcript.extend(texts)
        # How many chat bubbles this turn showed (a question asked twice shows as two).
        self.last_bubbles = len(texts)
        return "\n".join(texts)

    def current_slot(self) -> str | None:
        return self.service.current_slot(self.sender, self.channel)


def _shown(reply: Reply) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    return [
        (m.text, [(b.title, b.payload) for b in m.buttons], [str(x) for x in m.sections])
        for m in reply.messages
    ]


def text_of(reply: Reply) -> str:
    return "\n".join(m.text for m in reply.messages)


def service_for(database_url: str, today: dt.date = dt.date(2026, 11, 26)) -> ConversationService:
    import dataclasses

    from bot.settings import load_settings

    settings = dataclasses.replace(load_settings(), database_url=database_url)
    return ConversationService(settings, clock=lambda: today)
