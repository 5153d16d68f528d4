"""Gives the NLU pipeline the question a message answers.

Rasa's NLU components see only the message, yet the same words mean
different things at different questions ("Nan comes to take the children" is
the answer to "who will do what?", and alarming at the opening question).
Before a message is parsed, the name of the question the interview is asking
(the form's `requested_slot`) is put in the message's metadata under
`QUESTION_KEY`, where MessageGuard reads it. Only the question's name is
added, never anything the person typed.
"""

from __future__ import annotations

from typing import Any

QUESTION_KEY = "safetyplan_question"
_MARK = "_safetyplan_question_context"


def question_of(metadata: Any) -> str | None:
    if isinstance(metadata, dict):
        value = metadata.get(QUESTION_KEY)
        return value if isinstance(value, str) else None
    return None


def install() -> None:
    from rasa.core.processor import MessageProcessor

    original = MessageProcessor.parse_message
    if getattr(original, _MARK, False):
        return

    async def parse_message(
        self: MessageProcessor,
        message: Any,
        tracker: Any = None,
        only_output_properties: bool = True,
    ) -> dict[str, Any]:
        if tracker is not None:
            question = tracker.get_slot("requested_slot")
            metadata = dict(message.metadata or {})
            metadata[QUESTION_KEY] = question if isinstance(question, str) else None
            message.metadata = metadata
        return await original(self, message, tracker, only_output_properties)

    setattr(parse_message, _MARK, True)
    MessageProcessor.parse_message = parse_message
