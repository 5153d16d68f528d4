"""The checks agree with the labelled set written from practice knowledge."""

from bot.quality.codes import CODES
from bot.quality.labelled import evaluate, load


def test_labelled_set_is_big_enough_and_uses_known_codes():
    items = load()
    assert len(items) >= 50
    kinds = {item["kind"] for item in items}
    assert {"danger", "goal", "scale", "rule", "step"} <= kinds
    assert {item.get("audience", "worker") for item in items} >= {"family", "worker"}
    assert any(item["expected"] == [] for item in items)
    for item in items:
        assert set(item["expected"]) <= set(CODES), item


def test_precision_and_recall_on_the_labelled_set():
    result = evaluate(load())
    assert result.total.precision >= 0.9, result.disagreements
    assert result.total.recall >= 0.9, result.disagreements


def test_precision_and_recall_on_the_held_out_items():
    result = evaluate(load(), split="holdout")
    assert result.items >= 30
    assert result.total.precision >= 0.9, result.disagreements
    assert result.total.recall >= 0.9, result.disagreements
