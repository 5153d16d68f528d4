"""Starts `rasa` with the project's plug-ins in place and telemetry off.

Used for `rasa run`, `rasa train` and `rasa test` alike, so every Rasa
process behaves the same: nothing leaves the machine, and a missing action
server is reported to the person instead of silently ignored.
"""

from __future__ import annotations

import os
import sys


def prepare_environment() -> None:
    # Rasa sends usage data to a third party unless told not to.
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # Rasa's debug logging prints message text: never below INFO by default.
    os.environ.setdefault("LOG_LEVEL", "INFO")


def main(argv: list[str] | None = None) -> None:
    prepare_environment()
    from bot.rasa_ext import fault_barrier

    fault_barrier.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(argv if argv is not None else sys.argv[1:])]
    rasa_main()


if __name__ == "__main__":
    main()
