"""Rasa's check of each action server reply, without re-checking the schema every time.

Rasa (3.6.21, `RemoteAction._validate_action_result`) checks every reply of
the action server with `jsonschema.validate(reply, schema)`, which first
validates the schema itself against the JSON Schema meta-schema, on every
call. The schema never changes. Timed on the busy 2-core machine, one check
took 63 ms with the meta-check and 4 ms without, and a turn makes two action
calls (docs/performance.md). Here the
schema is checked once and its validator kept; every reply is still checked
against it. A reply that fails is handed to Rasa's own check, so the error
and its message are exactly Rasa's.
"""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

_original = RemoteAction._validate_action_result
_installed = False
_validator: Any = None


def _checker() -> Any:
    global _validator
    if _validator is None:
        schema = RemoteAction.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)
        _validator = cls(schema)
    return _validator


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if best_match(_checker().iter_errors(result)) is None:
        return True
    return bool(_original(self, result))  # raises ValidationError, with Rasa's explanation


def install() -> None:
    global _installed
    if not _installed:
        RemoteAction._validate_action_result = _validate_action_result
        _installed = True
