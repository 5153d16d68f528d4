"""Starts `rasa` with the project's plug-ins in place, telemetry off and no message text in logs.

Used for `rasa run`, `rasa train` and `rasa test` alike, so every Rasa
process behaves the same: nothing leaves the machine, and a missing action
server is reported to the person instead of silently ignored.

Rasa writes what people type into its logs in three ways, each closed here:
- its DEBUG logging prints messages and slot values: the level is held at
  INFO unless SAFETYPLAN_ALLOW_DEBUG_LOGS=true says the logs may hold
  personal data (a developer's machine with made-up cases);
- its structured log events carry text under known keys (`user_text`,
  `slot_values`, ...) at any level, a WARNING among them: those values are
  replaced by "[redacted]" before anything is written;
- a message that starts with "/" but is not a well-formed intent is quoted
  whole in a warning: that warning loses the quote.
"""

from __future__ import annotations

import os
import sys
from typing import Any

REDACTED = "[redacted]"
ALLOW_DEBUG = "SAFETYPLAN_ALLOW_DEBUG_LOGS"
# Rasa's command-line switches that turn on DEBUG logging.
_DEBUG_FLAGS = {"--debug", "-vv"}
# How long Sanic (both servers) keeps a connection open with no request read on
# it; Sanic's default is 5 s. A new connection counts as idle until its request
# is read, so when a busy server's event loop is held up for 5 s (actions run
# one after another on it) it dropped waiting connections unread: the Rasa
# server then told people "couldn't save that" (seen with two replicas and
# twenty conversations on two cores). Longer than a load balancer's usual 60 s
# idle timeout, so a proxy never reuses a connection the server is closing.
KEEP_ALIVE_SECONDS = "75"
# Rasa's warnings that quote a whole user message ("Failed to parse arguments in line '<text>'").
_QUOTING_WARNINGS = ("Failed to parse arguments in line",)
# The keys of Rasa's structured log events that carry conversation text: the
# list Rasa's own anonymiser uses (rasa/utils/log_utils.py), and the keys its
# events use for parse results and trackers.
TEXT_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
        "parse_data",
        "events",
        "tracker",
        "value",
        "slot_value",
        "entities",
        "utterance",
        "bot_message",
    }
)


def debug_allowed() -> bool:
    return os.environ.get(ALLOW_DEBUG, "").strip().lower() in ("1", "true", "yes")


def prepare_environment() -> None:
    # Rasa sends usage data to a third party unless told not to.
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # Read by Sanic when Rasa makes its app (SANIC_ settings come from the environment).
    os.environ.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", KEEP_ALIVE_SECONDS)
    # Rasa's debug logging prints message text: never below INFO by default.
    level = os.environ.get("LOG_LEVEL", "").strip().upper()
    if not level or (level in ("DEBUG", "NOTSET") and not debug_allowed()):
        os.environ["LOG_LEVEL"] = "INFO"
    # Libraries (Sanic's access log among them) stay at ERROR.
    if not debug_allowed():
        os.environ.pop("LOG_LEVEL_LIBRARIES", None)


def without_debug_flags(argv: list[str]) -> list[str]:
    if debug_allowed():
        return argv
    dropped = [a for a in argv if a in _DEBUG_FLAGS]
    if dropped:
        print(
            f"Ignoring {' '.join(dropped)}: debug logs would hold what people type. "
            f"Set {ALLOW_DEBUG}=true on a machine with made-up cases only.",
            file=sys.stderr,
        )
    return [a for a in argv if a not in _DEBUG_FLAGS]


def _redact_event(_logger: Any, _name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor in place of Rasa's anonymiser (which needs Rasa Pro to do anything)."""
    for key in TEXT_KEYS.intersection(event_dict):
        event_dict[key] = REDACTED
    return event_dict


def _quiet_warning(raise_warning: Any) -> Any:
    def raise_redacted_warning(message: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(message, str) and message.startswith(_QUOTING_WARNINGS):
            message = f"{message.split(' in line', 1)[0]} in a user message {REDACTED}."
        raise_warning(message, *args, **kwargs)

    return raise_redacted_warning


def keep_text_out_of_logs() -> None:
    """Redacts conversation text from Rasa's structured logs and from warnings that quote it."""
    import rasa.shared.utils.io as rasa_io
    from rasa.utils import log_utils

    if log_utils._anonymizer is _redact_event:
        return
    # configure_structlog() picks the module's _anonymizer up when Rasa starts.
    log_utils._anonymizer = _redact_event
    rasa_io.raise_warning = _quiet_warning(rasa_io.raise_warning)


def main(argv: list[str] | None = None) -> None:
    prepare_environment()
    from bot.rasa_ext import (
        action_payload,
        action_reply_check,
        fast_load,
        fault_barrier,
        form_question,
        question_context,
        session_rollover,
    )

    fault_barrier.install()
    action_reply_check.install()
    action_payload.install()
    form_question.install()
    session_rollover.install()
    question_context.install()
    fast_load.install()
    keep_text_out_of_logs()
    from bot.rasa_ext import hardening

    hardening.install()
    from rasa.__main__ import main as rasa_main

    args = without_debug_flags(list(argv if argv is not None else sys.argv[1:]))
    sys.argv = ["rasa", *args]
    rasa_main()


if __name__ == "__main__":
    main()
