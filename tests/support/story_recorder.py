"""Records tests/stories/ from real conversations with the real servers.

Each story is a scripted conversation (typed messages, and walks that answer
the interview up to a named question) held with a freshly started stack. The
story written is the conversation's own tracker, read back from the tracker
store: the intents the NLU really gave, the actions the policies really chose,
the form's slots as really set (the answer extracted, emptied by
`validate_interview_form`, `requested_slot` set from the interview's
checklist). `rasa test core` then replays them against the policies.

Regenerate after changing the dialogue, the rules or the interview's order:

    .venv/bin/python -m tests.support.story_recorder

and read the diff: a changed story is a changed conversation. The recorder
stops if a message was not classified as the story intends (the NLU would then
be telling a different story), naming the message's step, not its text.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import signal
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORIES_DIR = ROOT / "tests" / "stories"


@dataclass(frozen=True)
class Say:
    text: str
    # The intent the story needs; an answer the form takes whatever its intent may
    # list each acceptable one ("keep it" is not taught to the model: inform or fallback).
    intent: str | tuple[str, ...]

    def accepts(self, intent: str | None) -> bool:
        wanted = (self.intent,) if isinstance(self.intent, str) else self.intent
        return intent in wanted


@dataclass(frozen=True)
class Walk:
    """Answer the interview until this question is asked (None: until it has no more)."""

    to: str | None


Step = Say | Walk


@dataclass
class Script:
    name: str
    role: str
    about: str
    steps: list[Step] = field(default_factory=list)


# The stages of the form an interruption is tried at (requested_slot values).
STAGES = {
    "family": [
        "danger_now", "children", "harm", "danger_behaviour", "goal_happening",
        "scale_score", "rule_red_flags", "step_when", "review",
    ],
    # A worker pastes the whole danger statement, so its stage is the check.
    "worker": [
        "danger_now", "children", "harm", "danger_check", "goal_happening",
        "scale_score", "rule_red_flags", "step_when", "review",
    ],
    # A learner's family comes from the practice case.
    "learner": [
        "danger_now", "practice_case", "harm", "danger_behaviour", "goal_happening",
        "scale_score", "rule_red_flags", "step_when", "review",
    ],
}

URGENT_MESSAGES = [
    "he's hitting her right now",
    "he has a knife and he's in the kitchen with the kids",
    "my partner is kicking the door in right now",
    "the baby isn't breathing",
    "he's strangling her",
    "he just hit my son and he's still here",
    "I'm hiding in the bathroom with the kids, he's going mad",
    "she has taken a load of pills just now",
    "he's got a knife",
]


def _at_stages(role: str, moves: dict[str, list[Step]], default: list[Step],
               finish: bool = True) -> list[Step]:
    steps: list[Step] = [Say("hi", "greet")]
    for slot in STAGES[role]:
        steps.append(Walk(slot))
        steps.extend(moves.get(slot, default))
    if finish:
        steps.append(Walk(None))
    return steps


def scripts() -> list[Script]:
    safe = Say("yes I'm safe", "affirm")
    keep = Say("keep it", ("inform", "nlu_fallback"))
    found: list[Script] = []

    for role, who in (("family", "a family member"), ("worker", "a worker"),
                      ("learner", "a learner")):
        found.append(Script(
            f"happy path: {who}", role,
            f"{who.capitalize()} answers every question; the form completes and "
            "action_interview_complete follows.",
            [Say("hi", "greet"), Walk(None)],
        ))

    found.append(Script(
        "help at every stage", "family",
        "'help' (or its like) at each stage: action_help, then the form asks the same "
        "question again.",
        _at_stages("family", {
            "children": [Say("what does that mean?", "help")],
            "goal_happening": [Say("I don't understand", "help")],
        }, [Say("help", "help")]),
    ))
    found.append(Script(
        "example at every stage", "learner",
        "A learner asks for an example at each stage: action_example, then the same "
        "question.",
        _at_stages("learner", {
            "harm": [Say("can I see an example", "example")],
            "rule_red_flags": [Say("show me an example", "example")],
        }, [Say("example", "example")]),
    ))
    found.append(Script(
        "go back at every stage", "worker",
        "'go back' at each stage: action_go_back, the form asks the previous question "
        "(at the first one there is nothing to go back to); 'keep it' returns to the stage.",
        _at_stages("worker", {"danger_now": [Say("go back", "go_back")]},
                   [Say("go back", "go_back"), keep]),
    ))
    found.append(Script(
        "skip at every stage", "family",
        "'skip' at each stage: action_skip; the form moves on (at the danger question a "
        "skip counts as 'yes, someone may be in danger', so the safety question follows; "
        "skipping the final review completes the form).",
        _at_stages("family", {"danger_now": [Say("skip", "skip"), safe]},
                   [Say("skip", "skip")]),
    ))
    found.append(Script(
        "stop at every stage", "family",
        "'stop' or 'goodbye' at each stage: action_stop leaves the form; 'hi' brings the "
        "person back (asked again whether anyone is in danger, then whether to carry on). "
        "Once, 'help' outside the form first.",
        _at_stages("family", {
            "harm": [Say("bye", "goodbye"), Say("hi", "greet")],
            "goal_happening": [Say("stop", "stop"), Say("help", "help"), Say("hi", "greet")],
        }, [Say("stop", "stop"), Say("hi", "greet")]),
    ))
    found.append(Script(
        "restart at every stage", "worker",
        "'start again' at each stage: action_restart asks to confirm; 'no' keeps the "
        "answers and returns to the stage. At the final review 'yes' clears the plan.",
        _at_stages("worker", {
            "review": [Say("start again", "restart"), Say("yes", "affirm")],
        }, [Say("start again", "restart"), Say("no", "deny")], finish=False),
    ))
    found.append(Script(
        "review at every stage", "family",
        "'review' at each stage: action_review shows the plan so far; 'yes' returns to "
        "the stage (before any answer there is nothing to show). At the final review "
        "'review' asks which part to change; the final review is still asked after the "
        "earlier ones.",
        _at_stages("family", {
            "danger_now": [Say("review", "review")],
            "review": [Say("review", "review"), Say("1", "inform"),
                       Say("Leo 7, Mia 4 and Jay 1", "inform")],
        }, [Say("review", "review"), Say("yes it's right", "affirm")]),
    ))
    urgent_moves: dict[str, list[Step]] = {
        # At the first question, typing "yes" is the urgent answer.
        "danger_now": [Say("yes", "affirm"), safe],
    }
    for slot, message in zip(STAGES["family"][1:], URGENT_MESSAGES, strict=False):
        urgent_moves[slot] = [Say(message, "urgent_danger"), safe]
    urgent_steps = _at_stages("family", urgent_moves, [])
    urgent_steps += [Say(URGENT_MESSAGES[-1], "urgent_danger"), safe]
    found.append(Script(
        "urgent danger at every stage", "family",
        "A message saying a child is in danger now, at each stage and once after the "
        "form completed: utter_urgent_danger, action_urgent_danger, then the form asks "
        "whether the person is safe; 'yes' returns to the same question.",
        urgent_steps,
    ))
    found.append(Script(
        "possible danger heard by the model alone", "family",
        "Messages only the NLU model takes for danger now (the rules do not): "
        "action_possible_danger, and the form asks whether someone is in danger right now. "
        "'yes' gives the 999 reply and the safety question; 'no, it's about before' keeps "
        "the message as the answer and moves on.",
        [
            Say("hi", "greet"), Walk("harm"),
            Say("there's a fire and the kids are upstairs", "possible_danger"),
            Say("yes", "affirm"), safe,
            Walk("scale_reason"),
            Say("he has been trying", "possible_danger"),
            Say("no, it's about before", ("inform", "deny", "nlu_fallback")),
            Walk(None),
        ],
    ))
    found.append(Script(
        "small talk and documents during the interview", "worker",
        "Greeting, thanks, 'are you a bot', an off-topic question, a download and a "
        "meeting pack mid-form: each is answered and the form asks its question again.",
        [
            Say("hi", "greet"), Walk("strengths"),
            Say("hello", "greet"), Say("thanks", "thank"),
            Walk("scale_score"),
            Say("are you a real person?", "bot_challenge"),
            Say("what's the weather like tomorrow", "out_of_scope"),
            Walk("step_what"),
            Say("download the plan", "export"), Say("meeting pack please", "meeting_pack"),
            Walk(None),
            Say("thank you", "thank"), Say("download the plan", "export"),
        ],
    ))
    return found


# -- recording ----------------------------------------------------------------------


def _prepare_environment(var_dir: Path) -> None:
    """Like tests/conftest.py: a private data folder, fresh keys, the shared model cache."""
    from cryptography.fernet import Fernet

    os.environ["SAFETYPLAN_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["SAFETYPLAN_ENV"] = "development"
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    os.environ["SAFETYPLAN_ENCRYPTION_KEYS"] = Fernet.generate_key().decode("ascii")
    os.environ["SAFETYPLAN_SECRET_KEY"] = secrets.token_urlsafe(32)
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


def _play(chat: object, script: Script) -> tuple[str, list[tuple[int, Say]]]:
    """Holds the conversation; returns its sender id and which user message each Say was."""
    from tests.support.walk import Walker

    sender = f"story-{secrets.token_hex(6)}"
    walker = Walker(chat, sender, script.role)  # type: ignore[arg-type]
    typed: list[tuple[int, Say]] = []
    for step in script.steps:
        if isinstance(step, Walk):
            walker.to(step.to)
        else:
            walker.say(step.text)
            typed.append((len(walker.asked) - 1, step))
    return sender, typed


def _check_intents(script: Script, tracker: object, typed: list[tuple[int, Say]]) -> None:
    from rasa.shared.core.events import UserUttered

    events = [e for e in tracker.events if isinstance(e, UserUttered)]  # type: ignore[attr-defined]
    for index, say in typed:
        got = events[index].intent_name if index < len(events) else None
        if not say.accepts(got):
            raise SystemExit(
                f"{script.name!r}: user message {index + 1} was classified as {got!r}; "
                f"the story needs {say.intent!r}."
            )


def _story_yaml(script: Script, tracker: object) -> str:
    from rasa.shared.core.training_data.story_writer.yaml_story_writer import YAMLStoryWriter

    story = tracker.as_story()  # type: ignore[attr-defined]
    for step in story.story_steps:
        step.block_name = script.name
    text = YAMLStoryWriter().dumps(story.story_steps, is_test_story=True)
    body = text.split("stories:\n", 1)[1]
    comment = "\n".join(f"# {line}" for line in _wrap(script.about))
    return f"{comment}\n{body}"


def _wrap(text: str, width: int = 90) -> Iterable[str]:
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            yield line
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        yield line


HEADER = """\
# Rasa test stories, recorded from real conversations by
# `python -m tests.support.story_recorder` (edit the scripts there, not this file).
# Run by tests/integration/test_rasa_stories.py with `rasa test core
# --fail-on-prediction-errors`: the policies must predict every action below.
version: "3.1"
stories:
"""


def _file_name(script: Script) -> str:
    if script.name.startswith("happy path"):
        return "happy_paths.yml"
    return re.sub(r"[^a-z0-9]+", "_", script.name.lower()).strip("_") + ".yml"


def record(only: list[str] | None = None, model: Path | None = None) -> list[Path]:
    from rasa.shared.core.domain import Domain

    from bot.rasa_ext.tracker_store import EncryptedSQLTrackerStore
    from bot.runner import Stack, prepare_database, train
    from tests.support.servers import Bot, settings_for

    wanted = [s for s in scripts() if not only or any(o in s.name for o in only)]
    settings = settings_for(Path(os.environ["SAFETYPLAN_VAR_DIR"]) / "recorder")
    prepare_database(settings)
    stack = Stack(settings)
    stack.start(model or train(settings, quiet=True))
    written: list[Path] = []
    try:
        chat = Bot(stack)
        store = EncryptedSQLTrackerStore(
            domain=Domain.load(str(ROOT / "domain.yml")), url=settings.database_url
        )
        by_file: dict[str, list[str]] = {}
        for script in wanted:
            sender, typed = _play(chat, script)
            tracker = asyncio.run(store.retrieve_full_tracker(sender))
            _check_intents(script, tracker, typed)
            by_file.setdefault(_file_name(script), []).append(_story_yaml(script, tracker))
            print(f"recorded: {script.name}", flush=True)
    finally:
        stack.stop()
    STORIES_DIR.mkdir(parents=True, exist_ok=True)
    for name, stories in by_file.items():
        path = STORIES_DIR / name
        path.write_text(HEADER + "\n".join(stories), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="record only stories whose name has this")
    parser.add_argument("--model", type=Path, help="this trained model, not the current data's")
    args = parser.parse_args(argv)
    _prepare_environment(Path(tempfile.mkdtemp(prefix="safetyplan-stories-")))
    sys.path.insert(0, str(ROOT))
    # Stopped from outside: still stop the two servers (they run in their own sessions).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    for path in record(args.only, args.model):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
