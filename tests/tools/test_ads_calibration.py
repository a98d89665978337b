"""The order model's held-out calibration (what the forecast's shoppers buy by)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from knowledge.db import make_engine
from knowledge.models import Event
from knowledge.settings import Settings
from tools.ads.calibration import IDENTITY, calibrated, order_calibration
from tools.ads.model import ClickModel, Context

START = datetime(2026, 5, 1, tzinfo=UTC)


def clicks_log(tmp_path: Path, rates: list[float], per_product: int, seed: int = 3) -> Engine:
    """A behaviour log: each click on product ``P<i>`` is bought with chance ``rates[i]``."""
    rng = random.Random(seed)
    rows = []
    for n in range(per_product):
        for i, rate in enumerate(rates):
            user, ts = f"u{n}-{i}", START + timedelta(minutes=n * len(rates) + i)
            rows.append({"user_id": user, "type": "search", "product_id": None, "ts": ts,
                         "query": "yoga mat"})
            rows.append({"user_id": user, "type": "click", "product_id": f"P{i}", "ts": ts,
                         "query": "yoga mat"})
            if rng.random() < rate:
                rows.append({"user_id": user, "type": "purchase", "product_id": f"P{i}",
                             "ts": ts, "query": None})
    engine = make_engine(Settings(data_dir=tmp_path))
    with engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]
    return engine


def test_a_model_that_learned_real_differences_is_held_out_calibrated(tmp_path: Path) -> None:
    rates = [0.05, 0.4] * 15
    engine = clicks_log(tmp_path, rates, per_product=40)
    a, b = order_calibration(engine, {f"P{i}": 30.0 for i in range(len(rates))}, {})
    assert 0.7 < b < 1.4 and abs(a) < 1.0


def test_products_that_differ_only_by_luck_are_not_told_apart(tmp_path: Path) -> None:
    """Each product's own order rate is learned out of fold: its luck does not leak in."""
    rates = [0.15] * 60
    engine = clicks_log(tmp_path, rates, per_product=15)
    prices = {f"P{i}": 30.0 for i in range(len(rates))}
    from tools.ads.model import organic_clicks

    items, bought = organic_clicks(engine, prices)
    model = ClickModel()
    assert model.fit_orders(items, bought)
    _, cvr = model.predict([Context(p, 30.0, 1.0, 0, "search", "yoga mat") for p in prices])
    assert float(np.ptp(cvr)) < 0.1  # in-sample rates spread these from ~0.03 to ~0.4


def test_calibrated_chances() -> None:
    assert abs(calibrated(0.3, IDENTITY) - 0.3) < 1e-9
    shrunk = (0.0, 0.5)
    assert calibrated(0.9, shrunk) < 0.9 and calibrated(0.1, shrunk) > 0.1
