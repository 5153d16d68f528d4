"""A fixed family-member walk through the interview, step by step, for the trust tests.

Each step is what the person types and words the bot's reply must contain,
so a test can stop at a chosen question (in the middle of a danger statement,
say) and know where it is. `{m}` in an answer is replaced by the test's
marker: lower-case, so the name finder never takes it for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from bot.faults import CANNOT_READ, NO_REPLY, NOT_AVAILABLE, NOT_SAVED

FAULTS = (NOT_SAVED, NOT_AVAILABLE, CANNOT_READ, NO_REPLY)


class Client(Protocol):
    def say(self, sender: str, message: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Step:
    says: str
    expect: str  # in the reply, case-insensitively: the next question


STEPS = [
    Step("hi", "is anyone in danger right now"),
    Step("no", "which of these is you"),
    Step('/choose{"choice": "family"}', "keep your answers"),
    Step("/affirm", "what's your first name"),
    Step("Sarah, I'm their mum", "children's first names"),
    Step("{child} 7", "supports your family"),
    Step("Nan, my mum", "anyone else who supports"),
    Step("no", "which workers"),
    Step("Sam Patel, social worker", "any other workers"),
    Step("no", "good things about your family"),
    Step("she loves the kids and gets them to school every day {m}", "kept the children safe"),
    Step("no", "what has happened that worries people"),
    Step("Dad pushed me into the wall in March {m}", "makes things harder"),
    Step("we have no money {m}", "needs to happen"),
    Step("Dad needs to stop drinking {m}", "who is worried"),
    Step("Sam the social worker and Nan", "what does the grown-up do"),
    Step("when Dad drinks he shouts and pushes me {m}", "what could happen to"),
    Step("{child} could be hurt if he gets in the way {m}", "is that right?"),
    Step("yes", "worry 1 is saved"),
]

# Where the walk is after `STEPS[:n]`, for the questions the tests stop at.
AT_STRENGTHS = 10
AT_DANGER_BEHAVIOUR = 16
AT_DANGER_IMPACT = 17


def text_of(reply: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in reply)


def answer(step: Step, marker: str = "", child: str = "Leo") -> str:
    return step.says.replace("{m}", marker).replace("{child}", child)


def walk(
    client: Client,
    sender: str,
    upto: int,
    marker: str = "",
    child: str = "Leo",
    start: int = 0,
) -> list[str]:
    """Says steps[start:upto], checking each reply asks the expected next question."""
    replies = []
    for step in STEPS[start:upto]:
        said = text_of(client.say(sender, answer(step, marker, child)))
        assert step.expect in said.lower(), (step.says, said)
        assert not any(fault in said for fault in FAULTS), said
        replies.append(said)
    return replies
