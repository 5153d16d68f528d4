"""The urgent path mid-form at every stage of the interview, and resuming where it was.

One family member's conversation goes through the whole interview. At each
stage a message saying a child is in danger now gets the 999 reply first, the
conversation (and, once there is one, the case) gets a flag, and nothing
already answered changes. What was typed is never dropped: at a question
whose answer is a description in the person's own words (bot/safety/
thresholds.yml, `answers_kept_first`) it is saved as the answer before the
alarm, and after "yes, I'm safe" the next question is asked and the person
is told it was kept; anywhere else (names, dates, scores, yes/no) it is kept
with the flag and the same question is asked again.
The channel is REST, the contract channel (the terminal client uses it too);
the web chat and Teams have their own tests of the same path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.runner import PROJECT_ROOT
from bot.safety.decide import thresholds
from bot.services import ConversationService
from bot.storage.unit_of_work import SqlUnitOfWork
from tests.support.walk import Walker, is_urgent_reply, texts

pytestmark = [pytest.mark.conversation, pytest.mark.slow]

STAGES = [
    "danger_now", "user_role", "consent", "children", "supporters", "strengths", "harm",
    "danger_who", "danger_check", "goal_happening", "scale_score", "rule_red_flags",
    "step_when", "closure_date", "review",
]

# Invented, and not in the urgent test set; each is urgent by the rules alone.
URGENT = [
    "he's hitting her right now",
    "he's got a knife and he's in the kitchen with the kids",
    "my partner is kicking the door in right now",
    "the baby isn't breathing",
    "he's strangling her",
    "he just hit my son and he's still here",
    "im hiding in the bathroom with the kids hes going mad",
    "she's taken a load of pills just now",
]
SAFE = "yes, I'm safe"
SAFETY_QUESTIONS = {"safe_to_continue", "check_danger"}


def _snapshot(database_url: str, sender: str) -> dict[str, Any]:
    """Everything already answered: the conversation's progress and the plan's contents."""
    with SqlUnitOfWork(database_url) as uow:
        conversation = uow.conversations.get(sender)
        assert conversation is not None
        state = dict(conversation.state or {})
        plan = conversation.plan
        snapshot: dict[str, Any] = {
            "role": conversation.role,
            "consent": conversation.consent,
            # The safety questions themselves are bookkeeping, not answers.
            "done": [k for k in state.get("done") or [] if k not in SAFETY_QUESTIONS],
            "history": list(state.get("history") or []),
            "conversation_flags": len(conversation.urgent_flags),
            "plan": None,
        }
        if plan is not None:
            snapshot["plan"] = {
                "children": [(c.first_name, c.age) for c in plan.children],
                "people": [(p.name, p.relationship, p.is_professional) for p in plan.people],
                "entries": [(e.kind.value, e.text, e.how_long) for e in plan.entries],
                "pairs": [
                    (
                        p.danger_who, p.danger_behaviour, p.danger_impact, p.danger_statement,
                        p.danger_confirmed, p.goal_happening, p.goal_who, p.goal_duration,
                        p.safety_goal, p.goal_confirmed,
                        [(s.person_name, s.value, s.reason) for s in p.scores],
                        [(r.kind.value, r.text) for r in p.rules],
                    )
                    for p in plan.pairs
                ],
                "steps": [(s.what, s.who, s.due) for s in plan.steps],
                "closure": plan.target_closure_date,
            }
            snapshot["plan_flags"] = len(plan.urgent_flags)
            snapshot["reference"] = plan.reference
        return snapshot


def _without_flags(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in snapshot.items() if k not in ("conversation_flags", "plan_flags")}


def test_urgent_at_every_stage_then_the_same_question(bot: Any) -> None:
    database_url = bot.settings.database_url
    service = ConversationService(settings=bot.settings)
    walker = Walker(bot, bot.new_sender("every-stage"), "family")
    walker.start()
    results: list[str] = []
    for number, stage in enumerate(STAGES):
        walker.to(stage)
        sender = walker.sender
        before = _snapshot(database_url, sender)

        reply = walker.say(URGENT[number % len(URGENT)])
        assert is_urgent_reply(reply), f"{stage}: no 999 reply: {texts(reply)!r}"
        first = reply[0].get("text") or ""
        assert "999" in first, f"{stage}: the emergency number is not the first thing said"
        assert walker.slot == "safe_to_continue", f"{stage}: then asked {walker.slot!r}"

        flagged = _snapshot(database_url, sender)
        assert flagged["conversation_flags"] == before["conversation_flags"] + 1, stage
        if before["plan"] is not None and before["consent"]:
            assert flagged["plan_flags"] == before["plan_flags"] + 1, stage
        kept_first = stage in thresholds().answers_kept_first
        if kept_first:
            # Saved as the answer before the alarm: in the database already.
            assert URGENT[number % len(URGENT)] in str(flagged["plan"]), stage
            reply = walker.say(SAFE)
            assert "kept what you wrote" in texts(reply), f"{stage}: {texts(reply)!r}"
            assert walker.slot not in (stage, *SAFETY_QUESTIONS), (
                f"{stage}: after '{SAFE}' the bot asked {walker.slot!r} again"
            )
            # The kept answer is an ordinary answer: go back to the question.
            walker.say("/go_back")
        else:
            assert _without_flags(flagged) == _without_flags(before), (
                f"{stage}: the urgent message changed what was already answered"
            )
            reply = walker.say(SAFE)
            assert walker.slot == stage, (
                f"{stage}: after '{SAFE}' the bot asked {walker.slot!r}: {texts(reply)!r}"
            )
            assert service.current_slot(sender, "rest") == stage
            after = _snapshot(database_url, sender)
            assert _without_flags(after) == _without_flags(before), (
                f"{stage}: resuming changed what was already answered: "
                f"{_without_flags(before)} -> {_without_flags(after)}"
            )
        results.append(stage)

    walker.to(None)
    final = _snapshot(database_url, walker.sender)
    # Flags raised before consent are carried into the case when it is created.
    assert final["conversation_flags"] == len(STAGES)
    assert final["plan_flags"] == len(STAGES)
    listed = _flags_command(bot.settings.var_dir, database_url, final["reference"])
    assert listed == len(STAGES), f"`safetyplan flags` listed {listed} flags"
    print(f"\nurgent reply, flag, and resume (same question, or the next with the answer "
          f"kept: {len(results)} stages OK "
          f"({', '.join(results)}); `safetyplan flags` lists all {listed}")


def _flags_command(var_dir: Path, database_url: str, reference: str) -> int:
    """How many flags `safetyplan flags CASE` lists (its lines hold the messages: not shown)."""
    env = {**os.environ, "DATABASE_URL": database_url, "SAFETYPLAN_VAR_DIR": str(var_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "flags", reference],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    return sum(f"  {reference}  via rest:" in line for line in done.stdout.splitlines())
