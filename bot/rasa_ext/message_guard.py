"""An NLU component that runs after the classifiers and decides two things by rule.

1. Urgent danger: bot.safety.assess combines immediacy rules with the model's
   `urgent_danger` intent, so a retrain cannot silently lose detection, and a
   description of past harm is not mistaken for an emergency. When the rules
   find danger now, the intent is `urgent_danger` (the 999 reply at once).
   When only the model thinks so, it is `possible_danger`: the assistant asks
   straight away whether someone is in danger now, and keeps what was typed.
2. Answers that only look like commands ("Dad needs help with his drinking")
   are given back to the interview as `inform` (bot.nlu.guard).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.guard import refine_intent
from bot.safety import assess

URGENT = "urgent_danger"
POSSIBLE = "possible_danger"


def _set_intent(message: Message, name: str, confidence: float) -> None:
    message.set("intent", {"name": name, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in (message.get("intent_ranking") or []) if r.get("name") != name]
    message.set(
        "intent_ranking", [{"name": name, "confidence": confidence}] + ranking, add_to_output=True
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class MessageGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageGuard:
        return cls(config)

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._guard(message)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        return training_data

    @staticmethod
    def _guard(message: Message) -> None:
        text = message.get("text") or ""
        intent = message.get("intent") or {}
        name = intent.get("name")
        confidence = float(intent.get("confidence") or 0.0)
        assessment = assess(text, name, confidence)
        if assessment.urgent:
            # The rules are sure; the model alone is a reason to ask, not to sound the alarm.
            _set_intent(message, URGENT if assessment.source != "model" else POSSIBLE, 1.0)
            return
        if name == URGENT:
            # The model alone thought so, but the words say past or possible
            # harm: that is the plan being written, not an emergency.
            _set_intent(message, "inform", confidence)
            return
        refined = refine_intent(text, name, confidence)
        if refined != name:
            _set_intent(message, refined, confidence)
