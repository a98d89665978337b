"""The shopper's earlier searches as model features: memory, the log, and what is learned."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from knowledge.db import make_engine
from knowledge.models import Event
from knowledge.settings import Settings
from tools.ads import history
from tools.ads import query_features as qf
from tools.ads.model import ClickModel, Context

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)
TERMS: dict[str, tuple[str, ...]] = {"mat1": ("type:yoga mat", "f:non-slip"),
                                     "mat2": ("type:yoga mat", "f:eco")}


def test_the_server_remembers_each_sessions_earlier_searches() -> None:
    recent = history.Recent(size=2)
    assert recent.words("a", "yoga mat for pilates") == ()  # a first search: nothing before
    assert recent.words("a", "water bottle") == ("yoga", "mat", "pilates")
    assert recent.words("a", None) == ("water", "bottle", "yoga", "mat", "pilates")  # read only
    assert recent.words("a", "towel")[:2] == ("water", "bottle")  # newest first
    recent.words("b", "tent")
    recent.words("c", "stove")  # three sessions in a memory of two: the stalest goes
    assert recent.words("a", "x") == ()


def test_the_forecast_shoppers_read_what_the_bidder_read_for_the_last_search() -> None:
    recent = history.Recent()
    assert recent.earlier("a") == ()  # nothing served yet
    recent.words("a", "yoga mat for pilates")
    bidder_read = recent.words("a", "water bottle")  # the server serves "water bottle"
    assert recent.earlier("a") == bidder_read == ("yoga", "mat", "pilates")
    assert recent.earlier("a") == bidder_read  # read only: asking again changes nothing


def test_the_log_gives_each_row_the_searches_before_it(tmp_path: Path) -> None:
    engine = make_engine(Settings(data_dir=tmp_path))
    with Session(engine) as session:
        for i, query in enumerate(["yoga mat for pilates", "foam roller", "water bottle",
                                   "running shoes", "dog bed", "tent"]):
            session.add(Event(user_id="s1", type="search", query=query,
                              ts=T0 + timedelta(minutes=i)))
        session.commit()
    got = history.from_log(engine, [("s1", T0), ("s1", T0 + timedelta(minutes=2)),
                                    ("s1", T0 + timedelta(minutes=9)), ("s2", T0)])
    assert got[0] == () and got[3] == ()
    assert got[1] == ("foam", "roller", "yoga", "mat", "pilates")  # not the search itself
    assert got[2][:2] == ("tent", "dog") and "pilates" not in got[2]  # the last 4 only


def test_the_order_model_learns_who_buys_from_earlier_searches() -> None:
    """One bare query; the sessions that searched for pilates before buy the non-slip mat."""
    rng = random.Random(3)
    items, bought = [], []
    for _ in range(3000):
        pid = rng.choice(sorted(TERMS))
        before = qf.history_words([rng.choice(["pilates class", "camping stove"])])
        chance = 0.4 if pid == "mat1" and "pilates" in before else 0.08
        items.append(Context(pid, 30.0, 1.0, 0, "search", "yoga mat", before))
        bought.append(rng.random() < chance)
    model = ClickModel(terms=TERMS)
    assert model.fit_orders(items, bought)
    ask = [Context("mat1", 30.0, 1.0, 0, "search", "yoga mat", hist)
           for hist in (("pilates", "class"), ("camping", "stove"))]
    _, cvr = model.predict(ask)
    assert cvr[0] > 1.5 * cvr[1]


def test_feature_tags_named_in_earlier_searches_are_counted() -> None:
    before = qf.history_words(["non slip yoga mat", "eco towel"])
    assert qf.named_before(before, TERMS["mat1"]) == 1.0  # "non slip" -> f:non-slip
    assert qf.named_before((), TERMS["mat1"]) == 0.0
    assert qf.named_before(qf.history_words(["tent"]), TERMS["mat2"]) == 0.0
