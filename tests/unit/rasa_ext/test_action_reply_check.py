"""The Rasa server still checks every reply of the action server, but checks the schema once."""

from __future__ import annotations

import jsonschema
import pytest
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

from bot.rasa_ext import action_reply_check

GOOD = {
    "events": [{"event": "slot", "name": "requested_slot", "value": "family_name"}],
    "responses": [{"text": "What's your first name?"}],
}
# `events` must be a list of events, each naming its kind.
BAD = {"events": [{"name": "requested_slot"}], "responses": []}


@pytest.fixture(scope="module")
def action() -> RemoteAction:
    action_reply_check.install()
    return RemoteAction("interview_form", None)


def test_a_good_reply_passes_and_a_bad_one_fails_with_rasas_explanation(
    action: RemoteAction,
) -> None:
    assert action._validate_action_result(GOOD) is True
    with pytest.raises(jsonschema.ValidationError) as failed:
        action._validate_action_result(BAD)
    assert "Failed to validate Action server response" in failed.value.message
    # The same verdict as Rasa's own check (jsonschema.validate) on both.
    jsonschema.validate(GOOD, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(BAD, RemoteAction.action_response_format_spec())


def test_the_schema_itself_is_checked_once_not_on_every_reply(
    action: RemoteAction, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls = validator_for(RemoteAction.action_response_format_spec())
    checks = []
    original = cls.check_schema
    monkeypatch.setattr(cls, "check_schema", lambda schema: checks.append(1) or original(schema))
    monkeypatch.setattr(action_reply_check, "_validator", None)
    for _ in range(20):
        assert action._validate_action_result(GOOD) is True
    assert len(checks) == 1
