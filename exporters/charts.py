"""A small chart of one pair's scores over time, and the same change said in words.

Drawn with matplotlib's Agg canvas directly (no pyplot), so nothing global is
touched and no display is needed: the bot runs on servers.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from exporters.formatting import long_date, month_year, score_text
from exporters.scores import ScoreRound
from exporters.text import one_line

# Colour-blind safe (Okabe-Ito), paired with distinct markers so print in grey works too.
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
_MARKERS = ("s", "^", "D", "v", "P", "X")
_MAX_PEOPLE_DRAWN = 4
_MAX_PEOPLE_DESCRIBED = 8
_MAX_ALT_TEXT = 1500


@dataclass(frozen=True)
class PersonTrend:
    name: str
    first: float
    last: float


def _people_trends(rounds: list[ScoreRound]) -> list[PersonTrend]:
    """First and last score of everyone who scored in more than one round."""
    seen: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for round_ in rounds:
        for score in round_.scores:
            key = " ".join(score.person_name.casefold().split())
            names.setdefault(key, score.person_name)
            seen.setdefault(key, []).append(float(score.value))
    return [
        PersonTrend(one_line(names[key], 60), values[0], values[-1])
        for key, values in seen.items()
        if len(values) > 1
    ]


def describe_change(title: str, rounds: list[ScoreRound]) -> str:
    """Alt text: 'Worry 1: from 3 in January 2024 to 6 in March 2024 (up 3).'"""
    points = [(r, r.average) for r in rounds if r.average is not None]
    if not points:
        return f"{title}: no scores to show."
    months = [month_year(r.on) for r, _ in points]
    # Two rounds in one month need the day to be told apart.
    when = (
        [f"on {long_date(r.on)}" for r, _ in points]
        if len(set(months)) < len(months)
        else [f"in {m}" for m in months]
    )
    several = any(len(r.values) > 1 for r, _ in points)
    path = " to ".join(
        f"{score_text(round(avg, 1))} {w}" for (_, avg), w in zip(points, when, strict=True)
    )
    change = round(points[-1][1] - points[0][1], 1)
    if change > 0:
        direction = f"up {score_text(change)}"
    elif change < 0:
        direction = f"down {score_text(-change)}"
    else:
        direction = "no change overall"
    text = f"{title}: {'average score ' if several else ''}from {path} ({direction})."
    trends = _people_trends(rounds) if several else []
    if trends:
        shown = trends[:_MAX_PEOPLE_DESCRIBED]
        parts = [f"{t.name} from {score_text(t.first)} to {score_text(t.last)}" for t in shown]
        if len(trends) > len(shown):
            parts.append(f"and {len(trends) - len(shown)} others")
        text += " " + "; ".join(parts) + "."
    return one_line(text, _MAX_ALT_TEXT)


def _label(name: str) -> str:
    # A "$" pair would switch matplotlib into maths notation: names stay literal.
    return one_line(name, 24).replace("$", r"\$")


class ScoreChart:
    """Draws score charts on one reused figure: setting up matplotlib axes
    costs more than drawing a few lines, and a plan can have ten charts."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        # Drawn at about the size it is shown (15.5 cm), so 9 pt text stays 9 pt.
        self._figure = Figure(figsize=(6.1, 2.5), dpi=110)
        FigureCanvasAgg(self._figure)
        self._axes = self._figure.add_axes((0.09, 0.17, 0.6, 0.72))
        ax = self._axes
        ax.set_ylim(-0.3, 10.3)
        ax.set_yticks(range(0, 11, 2))
        ax.tick_params(axis="y", labelsize=9)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_ylabel("Score (0 to 10)", fontsize=9)

    def render(self, title: str, rounds: list[ScoreRound]) -> bytes:
        """PNG of the average score per round, with each person's line when
        there are only a few of them and the spread of scores when there are many."""
        from matplotlib.dates import date2num

        ax = self._axes
        for artist in [*ax.lines, *ax.collections]:
            artist.remove()
        if ax.get_legend() is not None:
            ax.get_legend().remove()

        points = [r for r in rounds if r.average is not None]
        xs = [float(date2num(r.on)) for r in points]
        by_person: dict[str, tuple[str, list[float], list[float]]] = {}
        for x, round_ in zip(xs, points, strict=True):
            for score in round_.scores:
                key = " ".join(score.person_name.casefold().split())
                entry = by_person.setdefault(key, (score.person_name, [], []))
                entry[1].append(x)
                entry[2].append(float(score.value))
        averages = [r.average for r in points]
        if len(by_person) == 1:
            ax.plot(xs, averages, color="black", marker="o", linewidth=2.4,
                    label=_label(next(iter(by_person.values()))[0]))
        elif len(by_person) <= _MAX_PEOPLE_DRAWN:
            for i, (name, px, py) in enumerate(by_person.values()):
                ax.plot(px, py, color=_COLOURS[i], marker=_MARKERS[i], linewidth=1.2,
                        markersize=4, label=_label(name))
            ax.plot(xs, averages, color="black", marker="o", linewidth=2.4, label="Average")
        else:
            # Many lines on top of each other hide one another: show the spread instead.
            ax.fill_between(xs, [min(r.values) for r in points], [max(r.values) for r in points],
                            color="#9ecae1", alpha=0.6, linewidth=0, label="Lowest to highest")
            ax.plot(xs, averages, color="black", marker="o", linewidth=2.4, label="Average")

        ax.set_xticks(xs)
        ax.set_xticklabels([f"{r.on.day} {r.on:%b %Y}" for r in points])
        if xs:
            pad = (max(xs) - min(xs)) * 0.06 or 1.0
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_title(_label(title) + ": scores over time", fontsize=10, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9, frameon=False)

        out = io.BytesIO()
        with warnings.catch_warnings():
            # Emoji or Arabic in a name may lack a glyph in the chart font: the
            # table beside the chart has the exact text, so a missing glyph is fine.
            warnings.simplefilter("ignore", UserWarning)
            # Fast compression: the chart is small and export time matters more.
            self._figure.savefig(out, format="png", pil_kwargs={"compress_level": 1})
        return out.getvalue()


def render_score_chart(title: str, rounds: list[ScoreRound]) -> bytes:
    """One chart on its own (see ScoreChart to draw several)."""
    return ScoreChart().render(title, rounds)
