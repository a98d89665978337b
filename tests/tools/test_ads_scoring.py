"""The auction's compiled scorer gives exactly what the click and order models predict.

The request path reads :class:`tools.ads.scoring.Scorer`; the reference is the plain
:meth:`tools.ads.model.ClickModel.predict`. Both are compared bit for bit on seeded
pages of real fitted models, with queries that name types, hyphenated tags and stop words.
"""

from __future__ import annotations

import random

import numpy as np

from tools.ads import query_features as qf
from tools.ads.model import ClickModel, Context
from tools.ads.scoring import Scorer

TYPES = ("yoga mat", "water bottle", "foam roller", "resistance band", "dumbbell", "")
TAGS = ("non-slip", "eco-friendly", "lightweight", "insulated", "thick", "adjustable", "")
WORDS = ("yoga", "mat", "pilates", "water", "bottle", "lightweight", "non", "slip", "eco",
         "friendly", "gym", "thick", "foam", "roller", "band", "for", "the", "best", "hot",
         "insulated", "adjustable", "dumbbell", "kids", "travel", "a")
PLACES = ("search", "search", "category", "for_you", "chat")


def _terms(rng: random.Random, n: int) -> dict[str, tuple[str, ...]]:
    """Product terms as :func:`product_terms` makes them (some repeated, empty, or none)."""
    out: dict[str, tuple[str, ...]] = {}
    for i in range(n):
        kind = rng.choice(TYPES)
        tags = [f"f:{rng.choice(TAGS)}" for _ in range(rng.randrange(4))]
        out[f"p{i}"] = tuple(([f"type:{kind}"] if kind else []) + tags)
    out.pop("p3")  # a product the book has no terms for
    return out


def _query(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.1:
        return "the best for"  # stop words only
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 5)))


def _item(rng: random.Random, n: int) -> Context:
    return Context(f"p{rng.randrange(n)}", rng.choice([0.5, 9.99, 24.0, 120.0]),
                   rng.uniform(0.3, 1.0), rng.randrange(50), rng.choice(PLACES), _query(rng))


def _fitted(seed: int, terms: dict[str, tuple[str, ...]], n: int) -> ClickModel:
    """Click and order halves fitted on seeded events where query words meet product terms."""
    rng = random.Random(seed)
    model = ClickModel(terms=terms)
    items = [_item(rng, n) for _ in range(3000)]

    def chance(c: Context, base: float) -> float:
        hits = sum(1 for k in qf.crosses(c.query, terms.get(c.product_id, ()))
                   if k.split("|")[0] in k.split("|")[1])
        return min(0.9, base * (1 + 3 * hits) * c.relevance)

    clicked = np.array([rng.random() < chance(c, 0.05) for c in items])
    positions = [rng.randrange(3) for _ in items]
    assert model.fit_clicks(items, positions, clicked)
    orders = ClickModel(terms=terms)
    bought = np.array([rng.random() < chance(c, 0.08) for c in items])
    assert orders.fit_clicks(items, [0] * len(items), bought)
    model.cvr_model, model.cvr_crosses = orders.ctr_model, orders.ctr_crosses
    model.product_cvr, model.prior_cvr = orders.product_ctr, orders.prior_ctr
    assert model.ctr_crosses is not None and model.ctr_crosses.weight
    return model


def _page(rng: random.Random, n: int) -> list[Context]:
    """A page's bidders: one query, some products promoted by several campaigns."""
    query = _query(rng)
    cands = [Context(f"p{rng.randrange(n)}", rng.choice([0.5, 9.99, 24.0, 120.0]),
                     rng.uniform(0.3, 1.0), rank, rng.choice(PLACES), query)
             for rank in range(rng.randrange(1, 40))]
    return [c for c in cands for _ in range(rng.choice([1, 1, 2, 3]))]


def test_compiled_scorer_predicts_what_the_model_predicts_bit_for_bit() -> None:
    n = 60
    terms = _terms(random.Random(1), n)
    model = _fitted(2, terms, n)
    scorer = Scorer(model)
    rng = random.Random(3)
    for _ in range(300):
        items = _page(rng, n)
        ctr, cvr = scorer.predict(items)
        want_ctr, want_cvr = model.predict(items)
        assert np.array_equal(ctr, want_ctr) and np.array_equal(cvr, want_cvr)
    assert [len(a) for a in scorer.predict([])] == [0, 0]


def test_scorer_follows_a_retrained_model_and_the_priors_before_training() -> None:
    n = 60
    terms = _terms(random.Random(4), n)
    model = ClickModel(terms=terms, prior_cvr=0.07)
    scorer = Scorer(model)
    rng = random.Random(5)
    pages = [_page(rng, n) for _ in range(40)]
    for items in pages:  # untrained: the priors
        assert all(np.array_equal(a, b) for a, b in zip(scorer.predict(items),
                                                        model.predict(items), strict=True))
    before = [scorer.predict(items) for items in pages]
    trained = _fitted(6, terms, n)
    for name in ("ctr_model", "cvr_model", "ctr_crosses", "cvr_crosses", "product_ctr",
                 "product_cvr", "prior_ctr", "prior_cvr"):
        setattr(model, name, getattr(trained, name))  # as ClickModel.fit replaces them
    changed = 0
    for items, old in zip(pages, before, strict=True):
        new, want = scorer.predict(items), model.predict(items)
        assert np.array_equal(new[0], want[0]) and np.array_equal(new[1], want[1])
        changed += not np.array_equal(new[0], old[0])
    assert changed == len(pages)
    model.terms = {pid: () for pid in terms}  # a reloaded book: new terms
    for items in pages:
        new, want = scorer.predict(items), model.predict(items)
        assert np.array_equal(new[0], want[0]) and np.array_equal(new[1], want[1])


def test_compiled_crosses_and_dense_features_match_the_plain_ones() -> None:
    rng = random.Random(8)
    terms = _terms(rng, 80)
    model = _fitted(9, terms, 80)
    vocab = model.ctr_crosses
    assert vocab is not None
    table = vocab.table()
    for _ in range(2000):
        pid, query = f"p{rng.randrange(80)}", _query(rng)
        t = terms.get(pid, ())
        keys = qf.crosses(query, t)
        assert qf.cross_score(qf.word_weights(table, t), qf.tokens(query)) == vocab.score(keys)
        text = " ".join(qf.tokens(query))
        named = sum(1 for f in t if f.startswith("f:") and f[2:].replace("-", " ") in text)
        assert qf.dense(query, t) == (qf.ProductTerms.of(t).dense(text)) == (
            (float(any(k.startswith("type:") and k[5:] and k[5:] in text for k in t)),
             float(named)) if text else (0.0, 0.0))
