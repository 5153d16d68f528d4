"""Scores on one pair, gathered into rounds: one meeting, or one day without a meeting."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from bot.plan.model import Meeting, Pair, Plan, Score


@dataclass(frozen=True)
class ScoreRound:
    on: dt.date
    meeting: Meeting | None
    scores: tuple[Score, ...]

    @property
    def values(self) -> list[float]:
        return [float(s.value) for s in self.scores if math.isfinite(float(s.value))]

    @property
    def average(self) -> float | None:
        values = self.values
        return sum(values) / len(values) if values else None


def score_date(score: Score) -> dt.date:
    """When a score was given: the meeting's date when it was given at one.

    A score given before a planned meeting is dated the day it was given, never
    the meeting's date still to come.
    """
    if score.meeting is not None and not score.meeting.is_planned:
        return score.meeting.held_on
    return score.scored_on


def score_rounds(pair: Pair) -> list[ScoreRound]:
    """Rounds in date order; scores keep the order they were recorded in."""
    groups: dict[object, list[Score]] = {}
    for score in pair.scores:
        key: object = id(score.meeting) if score.meeting is not None else score.scored_on
        groups.setdefault(key, []).append(score)
    rounds = [
        ScoreRound(
            on=max(score_date(s) for s in scores), meeting=scores[0].meeting, scores=tuple(scores)
        )
        for scores in groups.values()
    ]
    # sorted() is stable, so two rounds on the same day stay in recorded order.
    return sorted(rounds, key=lambda r: r.on)


def ordered_scores(pair: Pair) -> list[Score]:
    return [score for round_ in score_rounds(pair) for score in round_.scores]


def all_meetings(plan: Plan) -> list[Meeting]:
    """The plan's meetings plus any a score points at that the list misses."""
    meetings = list(plan.meetings)
    seen = {id(m) for m in meetings}
    for pair in plan.pairs:
        for score in pair.scores:
            if score.meeting is not None and id(score.meeting) not in seen:
                seen.add(id(score.meeting))
                meetings.append(score.meeting)
    return meetings


def latest_meeting(plan: Plan) -> Meeting | None:
    """The latest meeting that has happened (or is being recorded): never a planned one."""
    meetings = [m for m in all_meetings(plan) if not m.is_planned]
    if not meetings:
        return None
    # max() keeps the first of equal dates; the last recorded one is the latest.
    return max(reversed(meetings), key=lambda m: m.held_on)
