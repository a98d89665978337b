"""The auction's compiled scorer gives exactly what the click and order models predict.

The request path reads :class:`tools.ads.scoring.Scorer`; the reference is the plain
:meth:`tools.ads.model.ClickModel.predict`. Both are compared bit for bit on seeded
pages of real fitted models, with queries that name types, hyphenated tags and stop words.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlmodel import Session, select

from knowledge import ads as ledger
from knowledge.ads import AdSettings
from knowledge.campaigns import Campaign
from knowledge.models import Product
from knowledge.sql import transaction
from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tools.ads import query_features as qf
from tools.ads.model import ClickModel, Context
from tools.ads.relevance import Relevance, needs_check
from tools.ads.scoring import Scorer
from tools.ads.serving import AdServer, Entry
from tools.ads.slots import Candidate
from tools.ads.upkeep import Book
from tools.campaigns import service

TYPES = ("yoga mat", "water bottle", "foam roller", "resistance band", "dumbbell", "")
TAGS = ("non-slip", "eco-friendly", "lightweight", "insulated", "thick", "adjustable", "")
WORDS = ("yoga", "mat", "pilates", "water", "bottle", "lightweight", "non", "slip", "eco",
         "friendly", "gym", "thick", "foam", "roller", "band", "for", "the", "best", "hot",
         "insulated", "adjustable", "dumbbell", "kids", "travel", "a")
PLACES = ("search", "search", "category", "for_you", "chat")
NOW = datetime.now(UTC).replace(hour=12)


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
    bought = [rng.random() < chance(c, 0.08) for c in items]
    assert model.fit_orders(items, bought)
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


class ReferenceServer(AdServer):
    """The ad server's request path written plainly (as it was before it was compiled)."""

    def _entries(self, book: Book, candidates: list[Candidate], now: datetime, placement: str,
                 query: str | None, before: tuple[str, ...] = ()) -> list[Entry]:
        check = self.relevance is not None and needs_check(placement, query)
        out: list[Entry] = []
        top = max((c.score for c in candidates), default=0.0)
        if top <= 0:
            return out
        hour = int(now.timestamp() // 3600)
        for cand in candidates:
            cids = book.by_product.get(cand.product.id)
            if not cids or cand.rank >= self.settings.relevance_top:
                continue
            share = cand.score / top
            if share < self.settings.relevance_floor or (cand.product.stock or 0) <= 0:
                continue
            live = [book.live[c] for c in cids
                    if book.live[c].eligible(now, hour, self.settings.reserve_cpc)]
            if not live:
                continue
            if check and self.relevance is not None:
                sim = self.relevance.similarity(self.relevance.query_vector(query or ""),
                                                cand.product.id)
                if sim is None or sim < self.settings.relevance_min_similarity:
                    continue
            ctx = Context(cand.product.id, float(cand.product.price or 0.0), share, cand.rank,
                          placement, query, before)
            out.extend((cand, item, ctx) for item in live)
        return out

    def _bids(self, entries: list[Entry]) -> tuple[np.ndarray, np.ndarray]:
        ctr, cvr = self.model.predict([e[2] for e in entries])
        bids = np.zeros(len(entries))
        for i, (_, item, ctx) in enumerate(entries):
            state = item.state
            if state.strategy == "fixed" and state.fixed_bid is not None:
                bids[i] = state.fixed_bid
            else:
                bids[i] = cvr[i] * ctx.price / item.target_roi * min(state.multiplier,
                                                                       state.pace)
        return bids, ctr


def _campaigns(store: Store, tmp_path: Path) -> None:
    """Acme's ROI campaign on its Zenflow products; a fixed-bid rival on every other one."""
    merchant, _, zen = acme_owns_zenflow(store, tmp_path)
    ours = service.create_campaign(store.engine, merchant, service.CampaignDraft(
        product_ids=zen, budget_total=500.0, target_roi=2.0, start=NOW.date(),
        end=NOW.date() + timedelta(days=6)), {})
    with Session(store.engine) as session:
        others = [p.id for p in session.exec(select(Product)) if p.id not in zen]
    bids = random.Random(11)
    with transaction(store.engine) as session:
        for i, pid in enumerate(others):
            session.add(Campaign(id=f"c_rival{i}", merchant_id=f"m_rival{i}", name=f"rival {i}",
                                 product_ids=[pid], budget_total=1e6, target_roi=1.0,
                                 start=NOW.date(), end=NOW.date() + timedelta(days=6)))
    for i, _ in enumerate(others):
        ledger.ensure_state(store.engine, f"c_rival{i}", 1e6, strategy="fixed",
                            fixed_bid=0.3 * bids.lognormvariate(0, 0.5))
    ledger.save_controller(store.engine, ours.id, 0, 1.7, 0.8)


def test_the_served_auction_equals_the_plain_reference(store: Store, tmp_path: Path) -> None:
    _campaigns(store, tmp_path)
    settings = AdSettings(slots=2)
    server = AdServer(store.engine, settings, relevance=Relevance.for_store(store),
                      background=False)
    reference = ReferenceServer(store.engine, settings, model=server.model,
                                relevance=Relevance.for_store(store), background=False)
    server.upkeep(NOW)
    reference.upkeep(NOW)
    book = server.book
    assert book is not None and len(book.live) > 70
    rng = random.Random(12)  # the shared model learns from seeded events on the catalogue
    pids = sorted(book.prices)
    queries = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 4)))
               for _ in range(40)] + ["yoga mat", "foam roller for running", "dog bed"]
    items = [Context(rng.choice(pids), book.prices[pids[0]], rng.uniform(0.3, 1.0),
                     rng.randrange(30), rng.choice(PLACES), rng.choice(queries),
                     qf.history_words(rng.sample(queries, rng.randrange(3))))
             for _ in range(2000)]
    assert server.model.fit_clicks(items, [rng.randrange(3) for _ in items],
                                   np.array([rng.random() < 0.08 for _ in items]))
    assert server.model.fit_orders(items, [rng.random() < 0.1 for _ in items])
    assert server.model.ctr_crosses is not None and server.model.ctr_crosses.weight
    shown = 0
    for n, query in enumerate(queries):
        hits = store.search.search(query, k=50)
        page = [Candidate(h.product, h.score, i) for i, h in enumerate(hits)]
        for placement in ("search", "category"):
            # sessions search again: the earlier searches' words join the crosses
            ours = server.sponsored(page, session_id=f"s{n % 7}", now=NOW, query=query,
                                    placement=placement)
            theirs = reference.sponsored(page, session_id=f"s{n % 7}", now=NOW, query=query,
                                         placement=placement)
            assert [(a.product.id, a.campaign_id, a.position, a.cpc) for a in ours] == [
                (a.product.id, a.campaign_id, a.position, a.cpc) for a in theirs]
            shown += len(ours)
    assert shown >= 60  # most pages filled both slots
