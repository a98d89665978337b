"""``creative``: listings, ad copy, selling points and banners over demo products.

A demo store is built in a scratch folder (``build_demo``); a seeded, category-stratified
sample of products (``SHOPMAGE_EVAL_CREATIVE_PRODUCTS``, default 100) gets, each, a
listing draft with the real model, ad variants (the model on the first
``SHOPMAGE_EVAL_CREATIVE_AD_LLM`` of them,
default 30, templates on the rest), ranked selling points, and for every fifth product
banners in the three standard sizes. Metrics (system ``creative``):

- ``length_compliance``: share of stored texts within their limits (title 150, bullet 200,
  headline 30, ad description 90) and banners whose measured text stays on the canvas and
  off the image;
- ``unsupported_claims_before``: share of the claims in the model's own text that no
  attribute or assertion supports (before the checker);
- ``unsupported_claims_in_drafts``: unsupported claims counted in every stored draft;
- ``selling_point_attr_coverage``: share of a product's features and material named by its
  top-5 selling points (mean over products);
- ``distinct2``: distinct-2 across each product's three ad variants (mean);
- ``listing_seconds_p50`` / ``listing_seconds_p95``: wall time of a full listing draft.

Those demo-product figures are regression checks (the drafts are counted by the checker that
filtered them). The headline is the frozen brief set (system ``briefs_test``, beside
``briefs_dev``; ``evals.listing_briefs``): facts present with numbers exact, drafts with any
unsupported word by the independent grader, draft time p50/p95; plus the hand audit's count
(``evals.listing_audit count``). ``SHOPMAGE_EVAL_CREATIVE_BRIEFS=0`` skips the brief set.
"""

from __future__ import annotations

import os
import random
import time
from collections import defaultdict
from typing import Any

from sqlmodel import Session, select

from evals.metrics import mean, percentile
from evals.results import SuiteContext, SuiteResult, Table, register_suite
from knowledge.creatives import Creative, save_creative
from knowledge.demo_build import build_demo
from knowledge.graph.build import build_knowledge
from knowledge.graph.serve import KnowledgeExpander
from knowledge.merchants import create_merchant
from knowledge.models import Product
from knowledge.store import Store
from tools.creatives.adcopy import DESCRIPTION_MAX, HEADLINE_MAX, distinct_n, generate_ads
from tools.creatives.banner_creatives import make_banners
from tools.creatives.claims import facts_for, unsupported_claims
from tools.creatives.layout import inside, overlaps
from tools.creatives.listing import BULLET_MAX, TITLE_MAX, draft_listing
from tools.creatives.selling_points import attribute_coverage, selling_points


def _setting(name: str, default: int) -> int:
    return int(os.environ.get(f"SHOPMAGE_EVAL_CREATIVE_{name}", default))


def _build_store(ctx: SuiteContext) -> tuple[Store, str]:
    store = Store(ctx.store_settings())
    counts = build_demo(store, products=800, shoppers=60, seed=7)
    stats = build_knowledge(store, ("seed", "mining"))
    store.search.set_expander(KnowledgeExpander(store))
    source = (f"demo store ({counts['products']} products); knowledge graph: "
              f"{stats.get('seed', 0)} seed assertions + mining")
    return store, source


def _sample(store: Store, n: int, seed: int) -> list[Product]:
    with Session(store.engine) as session:
        products = list(session.exec(select(Product).order_by(Product.id)))
    by_cat: dict[str, list[Product]] = defaultdict(list)
    for p in products:
        by_cat[p.category or ""].append(p)
    rng = random.Random(seed)
    for group in by_cat.values():
        rng.shuffle(group)
    picked: list[Product] = []
    while len(picked) < min(n, len(products)):
        for group in by_cat.values():
            if group and len(picked) < n:
                picked.append(group.pop())
    return picked


def _texts(creative: Creative) -> list[tuple[str, str, int]]:
    """(field, text, limit) of the shopper-visible texts of a stored creative."""
    c = creative.content
    if creative.kind == "listing":
        return ([("title", c["title"], TITLE_MAX)]
                + [("bullet", b, BULLET_MAX) for b in c["bullets"]]
                + [("description", c["description"], 10_000)]
                + [("keyword", k, 10_000) for k in c["keywords"]])
    if creative.kind == "ad_copy":
        return [("headline", c["headline"], HEADLINE_MAX),
                ("ad_description", c["description"], DESCRIPTION_MAX)]
    if creative.kind == "banner":
        return [("banner_headline", c["headline"], 10_000), ("cta", c["cta"], 10_000)]
    return []


def _banner_ok(creative: Creative) -> bool:
    layout = creative.content["layout"]
    canvas = (0, 0, layout["width"], layout["height"])
    boxes = [tuple(t["bbox"]) for t in layout["texts"]]
    return all(inside(b, canvas) and not overlaps(b, tuple(layout["image_box"])) for b in boxes)


@register_suite("creative")
def run(ctx: SuiteContext) -> SuiteResult:
    """Generate creatives for sampled demo products and score limits, claims and diversity."""
    result = _brief_figures(ctx) if _setting("BRIEFS", 1) else None
    store, source = _build_store(ctx)
    try:
        out = _evaluate(ctx, store, source)
    finally:
        store.close()
    if result is not None:
        out.metrics.update(result.metrics)
        out.tables = result.tables + out.tables
        out.notes = result.notes + out.notes
    return out


def _brief_figures(ctx: SuiteContext) -> SuiteResult:
    """The frozen brief set, graded independently: dev beside test (test is the headline)."""
    from evals.listing_audit import LABELS, count
    from evals.listing_briefs import by_split
    from evals.listing_briefs import run as run_briefs

    ctx.progress("brief set: drafting 70 listings with the packaged model")
    figures = by_split(run_briefs(use_llm=True))
    metrics = {f"briefs_{split}": dict(values) for split, values in figures.items()}
    audit = count(LABELS) if LABELS.exists() else None
    if audit is not None:
        metrics["briefs_test"]["audit_drafts"] = audit["drafts"]
        metrics["briefs_test"]["audit_unsupported"] = audit["unsupported"]
    table = Table("Listing briefs (frozen set), independent grader: dev beside test",
                  ["figure", "dev", "test"],
                  [[k, round(figures["dev"][k], 3), round(figures["test"][k], 3)]
                   for k in figures["test"]])
    notes = ["Headline: briefs_test. Targets: facts_present >= 0.95, drafts_unsupported <= "
             "0.02, hand audit <= 1 of 50, seconds_p95 <= 6 on 2 quiet cores."]
    return SuiteResult(metrics=metrics, tables=[table], notes=notes)


def _evaluate(ctx: SuiteContext, store: Store, source: str) -> SuiteResult:
    merchant, _ = create_merchant(store.engine, name="eval merchant")
    products = _sample(store, _setting("PRODUCTS", 100), ctx.seed)
    ad_llm = _setting("AD_LLM", 30)
    ctx.progress(f"{source}; {len(products)} products sampled")
    seconds, coverage, diversity = [], [], []
    model_claims = model_bad = 0
    for i, product in enumerate(products):
        start = time.perf_counter()
        listing = draft_listing(store, merchant_id=merchant.id, product_id=product.id)
        seconds.append(time.perf_counter() - start)
        model_claims += listing.content["claims_in_model_text"]
        model_bad += listing.content["unsupported_in_model_text"]
        stats: dict[str, int] = {}
        ads = generate_ads(store, product, n=3, use_llm=i < ad_llm, stats=stats)
        model_claims += stats.get("claims_in_model_text", 0)
        model_bad += stats.get("unsupported_in_model_text", 0)
        for ad in ads:
            save_creative(store.engine, merchant_id=merchant.id, kind="ad_copy",
                          product_id=product.id, content=ad.as_dict(), claims=ad.claims)
        diversity.append(distinct_n([f"{a.headline} {a.description}" for a in ads]))
        cov = attribute_coverage(product, selling_points(store, product, k=5))
        if cov is not None:
            coverage.append(cov)
        if i % 5 == 0:
            make_banners(store, merchant_id=merchant.id, product_id=product.id)
        if i % 10 == 9:
            ctx.progress(f"{i + 1}/{len(products)} products, listing p50 "
                         f"{percentile(seconds, 50):.2f} s")
    return _score(store, merchant.id, products, seconds, coverage, diversity,
                  (model_claims, model_bad), source, ad_llm)


def _score(store: Store, merchant_id: str, products: list[Product], seconds: list[float],
           coverage: list[float], diversity: list[float], model: tuple[int, int], source: str,
           ad_llm: int) -> SuiteResult:
    with Session(store.engine) as session:
        rows = list(session.exec(select(Creative).where(Creative.merchant_id == merchant_id)))
        facts = {p.id: facts_for(store, p)
                 for p in session.exec(select(Product))}
    checks: list[bool] = []
    offenders: list[list[str]] = []
    by_field: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        for name, text, limit in _texts(row):
            ok = len(text) <= limit
            checks.append(ok)
            by_field[name][0] += ok
            by_field[name][1] += 1
            for claim in unsupported_claims(text, facts[row.product_id]):  # type: ignore[index]
                offenders.append([str(row.product_id), row.kind, name, claim.term,
                                  claim.reason or "", text[:120]])
        if row.kind == "banner":
            checks.append(_banner_ok(row))
    claims, bad = model
    metrics = {"creative": {
        "length_compliance": mean(checks),
        "unsupported_claims_before": bad / claims if claims else 0.0,
        "unsupported_claims_in_drafts": len(offenders),
        "selling_point_attr_coverage": mean(coverage),
        "distinct2": mean(diversity), "listing_seconds_p50": percentile(seconds, 50),
        "listing_seconds_p95": percentile(seconds, 95)}}
    kinds: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row.kind] += 1
    table = Table("Length limits by field", ["field", "within limit", "total"],
                  [[k, v[0], v[1]] for k, v in sorted(by_field.items())])
    details: dict[str, Any] = {"source": source, "products": len(products),
                               "creatives": dict(kinds),
                               "model_claims": claims, "model_unsupported_claims": bad,
                               "ad_products_with_model": min(ad_llm, len(products)),
                               "cpu_threads": store.settings.llm_threads}
    notes = [f"{source}; {len(products)} products; listing drafts written by the packaged model "
             f"at temperature 0; ad copy by the model for the first {ad_llm} products."]
    unbacked = Table("Unsupported claims found in stored drafts (should be none)",
                     ["product", "kind", "field", "claim", "reason", "text"], offenders)
    return SuiteResult(metrics=metrics, tables=[table, unbacked], notes=notes, details=details)
