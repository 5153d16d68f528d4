"""A whole interview through `safetyplan chat` in a pseudo-terminal, then the plan in the database.

The script answers each question by what it asks, not by its position, so a
reworded or reordered question fails with the question in the message rather
than with a timeout. Choices are made by typing their number (or letter), as
a person would.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.tools import require

ROOT = Path(__file__).resolve().parents[2]
SAFETYPLAN = Path(sys.executable).parent / "safetyplan"
PROMPT = r"\nyou> "

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


@dataclass(frozen=True)
class Choose:
    """Pick the option with this title by typing its label."""

    title: str


Answer = str | Choose
NEXT_YEAR = dt.date.today().year + 1

# What to answer, by what the question asks; a list is used up one per asking.
SCRIPT: list[tuple[str, list[Answer]]] = [
    (r"is anyone in danger right now\?", [Choose("No")]),
    (r"Which of these is you\?", [Choose("A worker")]),
    (r"OK to keep them\?", [Choose("Yes, that's OK")]),
    (r"your name and role\?", ["Sam Jones, social worker"]),
    (r"children's first names", ["Leo 6 and Mia 3"]),
    (r"naturally connected network", ["Jo (neighbour)"]),
    (r"Anyone else in the network\?", [Choose("No, that's everyone")]),
    (r"Which professionals are involved\?", ["Ms Khan, teacher at Leo's school"]),
    (r"Any other professionals\?", [Choose("No, that's everyone")]),
    (r"the family's strengths\?", ["Mum loves the children and walks them to school every day"]),
    (
        r"^Existing safety:",
        ["Last month when Dad was shouting, Mum took the children to Jo's house"],
    ),
    (r"while the danger was actually present", [Choose("Yes")]),
    (r"how long, and how often, has this safety", ["Twice in the last six months"]),
    (r"what harm has happened\?", ["Last month Dad pushed Mum into the wall while Leo watched"]),
    (r"^Complicating factors", ["Dad lost his job and the family are in debt"]),
    (r"^What needs to happen\?", ["Dad gets help with his drinking"]),
    (r"Who is worried\?", ["Sam the social worker and Ms Khan at school"]),
    (
        r"caregiver's behaviour",
        ["When Dad drinks more than a few cans he shouts and has pushed Mum into the wall"],
    ),
    (
        r"^What could happen to .* if nothing changes",
        [
            "Leo and Mia could be hurt if they are in the way, and they are learning to be "
            "frightened at home"
        ],
    ),
    (r"Accept it, rewrite it whole", [Choose("Yes, that's right"), Choose("Yes, that's right")]),
    (
        r"^Safety goal 1: what will everyone need to see",
        ["Dad sorts out disagreements calmly and stays sober when he looks after the children"],
    ),
    (r"Who will be involved, or see it happening", ["Jo will visit on Fridays"]),
    (r"For how long must it be seen", ["six months, including Christmas"]),
    # "2" is the score, not the second option: the options are lettered here.
    (r"Your own score", ["2"]),
    (r"^Why 2\?", ["Dad has started going to a group but still drank last weekend"]),
    (r"one point higher", ["Dad stays sober for a whole month"]),
    (r"other people's scores", [Choose("No, carry on")]),
    (r"How will we know it's going well", ["The children are relaxed and Dad is calm at tea time"]),
    (r"^Stresses and triggers", ["Payday weekends and football matches"]),
    (r"^Red flags", ["Dad buying cans or raising his voice"]),
    (r"If a red flag appears, who will do what\?", ["Mum will ring Jo and go to Jo's house"]),
    (r"Add another danger statement", [Choose("No")]),
    (
        r"Step \d: what needs to happen",
        [
            "Dad books an appointment with the alcohol service",
            "Jo and Mum make a plan for payday weekends",
        ],
    ),
    (r"Who is responsible for step", ["Dad", "Jo"]),
    (r"Target date for step", [f"30 June {NEXT_YEAR}", f"31 July {NEXT_YEAR}"]),
    (r"^Another step\?", [Choose("Yes"), Choose("No")]),
    (r"Target date for closing the case", [f"31 December {NEXT_YEAR}"]),
    (r"Is the draft right\?", [Choose("Yes, it's right")]),
]


def last_question(screen: str) -> tuple[str, dict[str, str]]:
    """The question the bot ended this turn with (its last paragraph), and its options."""
    said = screen.split("\nbot> ")[-1]
    options = {
        m.group(2).strip(): m.group(1) for m in re.finditer(r"(?m)^ {5}\[(\w+)\] (.+)$", said)
    }
    words = re.sub(r"(?m)^ {5}\[\w+\] .+$", "", said).strip()
    question = re.split(r"\n\s*\n", words)[-1]
    return re.sub(r"\s+", " ", question).strip(), options


class Terminal:
    def __init__(self, child: Any) -> None:
        self.child = child
        self.transcript: list[str] = []

    def turn(self) -> str:
        self.child.expect(PROMPT)
        screen = self.child.before.replace("\r\n", "\n")
        self.transcript.append(screen)
        return screen

    def answer(self, answer: Answer, options: dict[str, str]) -> None:
        if isinstance(answer, Choose):
            assert answer.title in options, (answer.title, options)
            self.child.sendline(options[answer.title])
        else:
            self.child.sendline(answer)


def run_interview(terminal: Terminal) -> str:
    remaining = {pattern: list(answers) for pattern, answers in SCRIPT}
    added: list[str] = []
    for _ in range(120):
        screen = terminal.turn()
        assert "999" not in screen, f"the urgent path started on an ordinary answer:\n{screen}"
        question, options = last_question(screen)
        if "The draft plan is complete" in screen:
            return screen
        offers = [title for title in options if title.startswith("Yes, add ")]
        if offers:
            # The flow offers to add people named in an answer to the network: yes, once.
            terminal.answer(Choose(offers[0] if not added else "No"), options)
            added.append(question)
            continue
        for pattern, answers in remaining.items():
            if re.search(pattern, question, re.IGNORECASE):
                assert answers, f"asked again (was the answer refused?): {question!r}\n{screen}"
                terminal.answer(answers.pop(0), options)
                break
        else:
            raise AssertionError(f"a question the script doesn't know: {question!r}\n{screen}")
    raise AssertionError("the interview did not finish")


def test_a_whole_interview_in_the_terminal_produces_a_plan(bot: Any) -> None:
    pexpect = pytest.importorskip("pexpect")
    require(SAFETYPLAN.exists(), f"needs `safetyplan` at {SAFETYPLAN}: run `make setup`")
    sender = bot.new_sender("terminal")
    child = pexpect.spawn(
        str(SAFETYPLAN),
        ["chat", "--url", bot.url, "--sender", sender],
        cwd=str(ROOT),
        env={**os.environ, "TERM": "dumb"},
        encoding="utf-8",
        timeout=120,
        dimensions=(50, 200),
    )
    terminal = Terminal(child)
    try:
        child.expect("Type a number to choose an option")
        end = run_interview(terminal)
        assert "/chat/download/" in end
        child.sendline("quit")
        child.expect("Say hello when you want to carry on")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, "\n".join(terminal.transcript[-3:])

    with SqlUnitOfWork(bot.settings.database_url) as uow:
        conversation = uow.conversations.get(sender)
        assert conversation is not None and conversation.plan is not None
        plan = uow.plans.get_by_id(conversation.plan.id)
    assert plan is not None
    assert [(c.first_name, c.age) for c in plan.children] == [("Leo", 6), ("Mia", 3)]
    names = {p.name for p in plan.people}
    assert {"Sam Jones", "Jo", "Ms Khan"} <= names
    (pair,) = plan.pairs
    assert pair.danger_confirmed and "pushed Mum into the wall" in (pair.danger_statement or "")
    assert pair.goal_confirmed and "six months" in (pair.safety_goal or "")
    (score,) = pair.scores
    assert score.value == 2 and "group" in (score.reason or "")
    assert score.one_point_higher == "Dad stays sober for a whole month"
    assert len(pair.rules) == 4
    assert [(s.who, s.due) for s in plan.steps] == [
        ("Dad", dt.date(NEXT_YEAR, 6, 30)),
        ("Jo", dt.date(NEXT_YEAR, 7, 31)),
    ]
    assert plan.target_closure_date == dt.date(NEXT_YEAR, 12, 31)


def test_the_terminal_says_plainly_when_the_assistant_cannot_be_reached(bot: Any) -> None:
    pexpect = pytest.importorskip("pexpect")
    from bot.runner import free_port

    url = f"http://127.0.0.1:{free_port()}/webhooks/rest/webhook"
    output, status = pexpect.run(
        f"{SAFETYPLAN} chat --url {url}", cwd=str(ROOT), withexitstatus=True, timeout=60,
        encoding="utf-8",
    )
    assert status == 1
    assert "Couldn't reach the assistant" in output and "Traceback" not in output
