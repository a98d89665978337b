"""The QueryNER eval's bootstrap interval: it brackets the figure and shrinks with more queries."""

from evals.metrics import precision_recall_f1
from evals.queryner import f1_interval


def _half_right(queries: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Gold: one span per query; predictions right on even queries, wrong text on odd ones."""
    gold = [(n, "sofa") for n in range(queries)]
    pred = [(n, "sofa" if n % 2 == 0 else "leather sofa") for n in range(queries)]
    return pred, gold


def test_a_perfect_tagger_has_a_point_interval_at_one() -> None:
    gold = [(n, "lamp") for n in range(30)]
    assert f1_interval(list(gold), gold, 30) == (1.0, 1.0)


def test_the_interval_brackets_the_figure_and_is_repeatable() -> None:
    pred, gold = _half_right(40)
    point = precision_recall_f1(pred, gold).f1
    low, high = f1_interval(pred, gold, 40)
    assert low < point < high
    assert f1_interval(pred, gold, 40) == (low, high)


def test_ten_times_the_queries_give_a_much_narrower_interval() -> None:
    small = f1_interval(*_half_right(40), 40)
    large = f1_interval(*_half_right(400), 400)
    assert (large[1] - large[0]) < 0.5 * (small[1] - small[0])
