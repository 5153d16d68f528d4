"""The answers that end a meeting's record, scored on a batch written blind.

    .venv/bin/python scripts/meeting_answers_eval.py tests/data/meeting_answers_blind/B.yml [--show]

A batch (written by someone who has not read the code) gives, for each answer to
one of the questions after the scores (where a step stands; any new steps; is the
closure date still right; did anything else change), what a careful worker would
conclude: a status, a new step, a date, "ask again". Each answer is given to the
interview in process (the conversation service, a real SQLite database) at that
question of a freshly recorded core group, and the outcome is read from what was
saved and what is asked next. The Rasa server's language model is not in the
loop: the answer reaches the question's own handler, as most typed answers do.

Prints the share of answers that came out as the batch expects, per question, and
the worst kind of miss: a fact saved that the worker did not say (a wrong status,
a step invented from "yes", a wrong date). --show lists the misses (only for a
batch already scored blind: it is development data from then on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The case each answer is given in: batch a's; a batch may say its own (`context:`).
DEFAULT_CONTEXT = {
    "today": dt.date(2026, 12, 6),
    "meeting": "we had a core group today",
    "step": "Dean to start the alcohol support group",
    "step_who": "Dean",
    "step_due": dt.date(2026, 11, 26),
    "closure": dt.date(2027, 6, 24),
}
SLOT = {
    "step_status": "meeting_step",
    "new_step": "meeting_new_step",
    "closure": "meeting_closure",
    "other_changes": "meeting_changes",
}
# Outcomes that put something in the plan the worker did not say.
_WRONG_FACT = {"wrong_status", "wrong_date", "invented_step", "changed_date"}


class Case:
    """One database with one case; each answer is tried at a new meeting on a fresh copy."""

    def __init__(self, folder: Path, context: dict[str, Any] | None = None) -> None:
        from bot.storage.migrate import upgrade

        self.context = {**DEFAULT_CONTEXT, **(context or {})}
        for key in ("today", "step_due", "closure"):
            value = self.context[key]
            self.context[key] = value if isinstance(value, dt.date) else dt.date.fromisoformat(
                str(value))
        self.folder = folder
        self.template = folder / "template.db"
        upgrade(f"sqlite:///{self.template}")
        self.reference = self._build(f"sqlite:///{self.template}")
        self.count = 0

    def _build(self, url: str) -> str:
        from bot.plan.model import Pair, Person, Step
        from bot.storage.unit_of_work import SqlUnitOfWork

        with SqlUnitOfWork(url) as uow:
            plan = uow.plans.new_plan()
            plan.people += [Person("Kerry", "Mum"), Person("Dean", "Dad")]
            plan.pairs.append(Pair(danger_statement="Dean drinks and shouts at the children",
                                   scaling_question="Where are things today, from 0 to 10?"))
            context = self.context
            plan.steps += [
                Step(context["step"], context["step_who"], context["step_due"]),
                Step("Kerry to keep Nan's number on the fridge", "Kerry", dt.date(2026, 12, 20)),
            ]
            plan.target_closure_date = context["closure"]
            uow.commit()
            return plan.reference

    def at(self, question: str) -> tuple[Any, str]:
        """A driver at `question` of a core group being recorded today, and its database."""
        import shutil

        from bot.plan.model import Role
        from bot.storage.unit_of_work import SqlUnitOfWork
        from tests.support.interview_driver import Driver, service_for

        self.count += 1
        path = self.folder / f"case-{self.count}.db"
        shutil.copy(self.template, path)
        url = f"sqlite:///{path}"
        driver = Driver(service_for(url, today=self.context["today"]), f"eval-{self.count}")
        with SqlUnitOfWork(url) as uow:
            case_id = uow.plans.get(self.reference).id
        driver.service.bind(driver.sender, driver.channel, case_id, Role.WORKER)
        driver.start()
        for said in ("no", "yes", "Sam Okafor, social worker", self.context["meeting"],
                     "Kerry", "that's everyone", "not recorded", "6 because things are calmer"):
            driver.say(said)
            if driver.current_slot() == SLOT[question]:
                break
        answers = {"meeting_step": "not yet", "meeting_new_step": "no new steps",
                   "meeting_closure": "yes", "meeting_changes": "no"}
        for _ in range(6):
            slot = driver.current_slot()
            if slot == SLOT[question]:
                return driver, url
            driver.say(answers[slot])
        raise RuntimeError(f"could not reach {question}: {driver.transcript[-2:]}")


def _plan(url: str, reference: str) -> Any:
    from bot.storage.unit_of_work import SqlUnitOfWork

    with SqlUnitOfWork(url) as uow:
        return uow.plans.get(reference)


def judge(item: dict[str, Any], case: Case) -> tuple[str, str]:
    """(outcome, what happened) for one item; outcome "right" when it is as expected."""
    question, expect = item["question"], str(item["expect"])
    driver, url = case.at(question)
    driver.say(str(item["answer"]))
    after = driver.current_slot()
    plan = _plan(url, case.reference)
    meeting = plan.meetings[-1]
    asked_again = after == SLOT[question]
    if question == "step_status":
        review = next(
            (r for r in meeting.step_reviews if r.step.what == case.context["step"]), None
        )
        # The next step's question follows a saved answer, so what was saved decides.
        got = "ask" if review is None else review.status.value
        if got == expect and item.get("note") and review is not None:
            # Something beyond the status was said: it is kept, in the worker's own
            # words (a batch's note may paraphrase them, so only its presence counts).
            if not (review.note or "").strip():
                return "note_lost", f"{got}, no note"
        if got == expect:
            return "right", got
        if expect == "ask":
            return "guessed", got
        if got == "ask":
            return "asked_when_clear", got
        return "wrong_status", got
    if question == "new_step":
        added = len(plan.steps) > 2
        got = "ask" if asked_again and not added else ("step" if added else "none")
        if got == expect:
            return "right", got
        if got == "step":
            return "invented_step", got
        if got == "ask":
            return "asked_when_clear", got
        return "missed_step" if expect == "step" else "guessed", got
    if question == "closure":
        date = plan.target_closure_date
        if asked_again:
            got = "ask"
        elif date == case.context["closure"]:
            got = "keep"  # kept as it was: right for "still right" and for "not set"
        else:
            got = "date"
        if expect in ("keep", "not_set") and got == "keep":
            return "right", got
        if expect == "date" and got == "date":
            wanted = item.get("date")
            wanted = wanted if isinstance(wanted, dt.date) else dt.date.fromisoformat(str(wanted))
            return ("right", str(date)) if date == wanted else ("wrong_date", str(date))
        if expect == "ask" and got == "ask":
            return "right", got
        if got == "date":
            return "changed_date", str(date)
        if got == "ask":
            return "asked_when_clear", got
        return "missed_date" if expect == "date" else "guessed", got
    if question == "other_changes":
        if asked_again:
            got = "ask"
        else:
            # A yes is answered "Once the record is finished I'll open the plan ...".
            got = "yes" if "open the plan" in " ".join(driver.transcript[-3:]) else "no"
        if got == expect:
            return "right", got
        if got == "ask":
            return "asked_when_clear", got
        return ("guessed" if expect == "ask" else "wrong_answer"), got
    raise ValueError(f"unknown question {question}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batch", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    data = yaml.safe_load(args.batch.read_text(encoding="utf-8"))
    items = data["items"]
    outcomes: Counter[str] = Counter()
    per_question: dict[str, list[int]] = {}
    misses = []
    with tempfile.TemporaryDirectory() as folder:
        case = Case(Path(folder), data.get("context"))
        for item in items:
            outcome, got = judge(item, case)
            outcomes[outcome] += 1
            tally = per_question.setdefault(item["question"], [0, 0])
            tally[0] += outcome == "right"
            tally[1] += 1
            if outcome != "right":
                misses.append((item, outcome, got))
    total = len(items)
    right = outcomes["right"]
    print(f"batch: {data.get('batch', args.batch.stem)}  ({total} answers)")
    print(f"as expected: {right}/{total} = {right / total:.1%}")
    for question, (ok, n) in per_question.items():
        print(f"  {question:14} {ok}/{n} = {ok / n:.1%}")
    wrong = sum(outcomes[k] for k in _WRONG_FACT)
    print(f"a fact saved that was not said: {wrong}")
    for kind, n in sorted(outcomes.items()):
        if kind != "right":
            print(f"  {kind}: {n}")
    if args.show:
        for item, outcome, got in misses:
            print(f"- [{item['question']}] {item['answer']!r}: expected {item['expect']}, "
                  f"got {got} ({outcome})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
