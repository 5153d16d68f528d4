"""Scores a fidelity corpus (issue 14) through the real servers.

    .venv/bin/python scripts/fidelity_eval.py BATCH.yml [BATCH.yml ...] [--show]
        [--transcript] [--save-plans DIR] [--seats N] [--note TEXT]

Starts its own Rasa server and action server on free ports with a throwaway
database, drives every conversation of each batch through the REST channel to
the review (tests/support/fidelity.py) and checks the plan's JSON against the
facts the batch expects. Prints, per conversation and in total: facts right,
missing and wrong, facts attached to the wrong person, answers lost, questions
stuck and turns per answer; then one row for the table in
docs/fidelity-evaluation.md. Prints no typed text unless --show (then also
why each fact is not right). Exits 1 on a harness error (a conversation that
did not reach the review, a batch that does not load), never on low scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batches", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true",
                        help="print why each fact is not right (quotes names and answers)")
    parser.add_argument("--transcript", action="store_true",
                        help="with --show: print every turn of every conversation")
    parser.add_argument("--save-plans", type=Path, metavar="DIR",
                        help="write each conversation's plan JSON to DIR/<batch>_<id>.json")
    parser.add_argument("--seats", type=int, default=3, help="conversations at once")
    parser.add_argument("--note", default="", help="the last column of the table row")
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    var_dir = Path(tempfile.mkdtemp(prefix="safetyplan-fidelity-"))
    # Before any settings are read: a throwaway data folder, the trained models of
    # this checkout, and keys this process shares with the servers, so it can read
    # the plans they saved.
    os.environ["SAFETYPLAN_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("SAFETYPLAN_MODELS_DIR", str(ROOT / "var" / "models"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["SAFETYPLAN_ENV"] = "development"
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    from cryptography.fernet import Fernet

    os.environ["SAFETYPLAN_ENCRYPTION_KEYS"] = Fernet.generate_key().decode("ascii")
    os.environ["SAFETYPLAN_SECRET_KEY"] = secrets.token_urlsafe(32)

    from tests.support import fidelity
    from tests.support.servers import settings_for, start_stack
    from tests.support.walk import RestChat

    try:
        batches = [fidelity.load_corpus(path) for path in args.batches]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"harness error: the batch does not load: {error}", file=sys.stderr)
        return 1
    # The servers take the day the batches were written as today, so relative dates
    # read as they were meant on any later day (SAFETYPLAN_TODAY, development only).
    written = {b.written for b in batches if b.written}
    if len(written) > 1:
        print(f"harness error: batches written on different days: {sorted(written)}; "
              "score them one run each", file=sys.stderr)
        return 1
    if written:
        os.environ["SAFETYPLAN_TODAY"] = written.pop()
    stack = start_stack(settings_for(var_dir / "stack"))
    failed = False
    try:
        chat = RestChat(stack.rest_url)
        plans = fidelity.database_plans(stack.settings.database_url)
        for batch in batches:
            results = fidelity.run_all(chat, batch, plans, seats=args.seats)
            print(f"{batch.name} ({batch.status}, {len(results)} conversations)")
            for result in results:
                print(fidelity.line(result))
                print("\n".join(fidelity.details(result, args.show)))
                if args.show and args.transcript:
                    for turn in result.run.turns:
                        print(f"    [{turn.slot}] > {turn.said}\n      "
                              + turn.reply.replace("\n", "\n      "))
                if args.save_plans and result.run.plan is not None:
                    args.save_plans.mkdir(parents=True, exist_ok=True)
                    target = args.save_plans / f"{batch.name}_{result.id}.json"
                    target.write_text(json.dumps(result.run.plan, indent=2, ensure_ascii=False),
                                      encoding="utf-8")
                failed = failed or bool(result.run.error)
            total = fidelity.totals(results)
            print(f"total: facts {total.right}/{total.facts} right ({total.right_share:.0%}), "
                  f"{total.missing} missing, {total.wrong} wrong; wrong person "
                  f"{total.wrong_person}; answers lost {total.lost}; stuck {total.stuck}; "
                  f"ended early {total.ended}; 999 replies {total.urgent}; "
                  f"turns/answer {total.turns_per_answer:.2f}; harness errors {total.errors}")
            print(fidelity.TABLE_HEADER)
            print(fidelity.table_row(dt.date.today().isoformat(), batch, results, args.note))
            print()
    finally:
        stack.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
