"""Responses rendered by the Rasa server itself, so the urgent path needs no action server."""

from __future__ import annotations

from typing import Any

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.safety.helplines import kinds_in
from bot.safety.messages import urgent_message
from bot.settings import load_settings

# bot.channels.teams.CHANNEL: the layers keep the two plug-ins apart, so the name is
# written here too (tests/unit/safety/test_helplines.py checks they agree).
TEAMS_CHANNEL = "teams"

URGENT_RESPONSE = "utter_urgent_danger"


class SafetyPlanNLG(TemplatedNaturalLanguageGenerator):
    """The domain's responses, except the urgent one, which carries this council's numbers."""

    def __init__(
        self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None
    ) -> None:
        super().__init__((domain or Domain.empty()).responses)
        self.settings = load_settings()

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        if utter_action == URGENT_RESPONSE:
            # The message that raised the alarm may call for a helpline of its own
            # (domestic abuse); the plan's earlier worries are the action server's.
            said = (tracker.latest_message.text or "") if tracker.latest_message else ""
            # Only social workers use the Teams channel (docs/design.md): they are not
            # told to "ask your worker".
            # (The output channel is always the collector: the input channel says which.)
            channel = tracker.get_latest_input_channel()
            audience = "worker" if channel == TEAMS_CHANNEL else "family"
            return {"text": urgent_message(self.settings, kinds_in([said]), audience)}
        return await super().generate(utter_action, tracker, output_channel, **kwargs)
