"""The order model reads the click model's query-product crosses (one dense feature)."""

from __future__ import annotations

import random

from tests.tools.test_ads_scoring import _fitted, _item, _terms
from tools.ads.model import AFFINITY, ClickModel


def test_the_order_model_learns_from_the_click_crosses() -> None:
    n = 60
    terms = _terms(random.Random(1), n)
    model = _fitted(2, terms, n)  # clicks and orders both rise where query words meet terms
    assert model.cvr_model is not None
    assert model.cvr_model.coef_[0][AFFINITY] > 0
    rng = random.Random(4)
    items = [_item(rng, n) for _ in range(50)]
    assert any(a != 0.0 for a in model.affinity(items))


def test_no_click_model_means_no_affinity() -> None:
    rng = random.Random(5)
    items = [_item(rng, 10) for _ in range(20)]
    assert ClickModel(terms=_terms(random.Random(1), 10)).affinity(items) == [0.0] * 20
