"""Understanding on real queries: QueryNER span F1, WebShop routing, ShoppingBench options."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from agents.understanding.router import IntentRouter
from agents.understanding.slots import parse_slots
from agents.understanding.vocabulary import BASE_AUDIENCES, BASE_COLORS, BASE_MATERIALS, Vocabulary
from evals.metrics import precision_recall_f1

# QueryNER entity type -> our slot span type
QUERYNER_TYPES = {"creator": "brand", "color": "color", "department": "audience",
                  "material": "material", "UoM": "size", "price": "price"}


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def generic_vocabulary(train: Path, min_count: int = 2) -> Vocabulary:
    """Build a shop-independent vocabulary: QueryNER *train* brands plus the base lists."""
    brands = Counter(e["text"].lower() for row in _rows(train) for e in row["entities"]
                     if e["type"] == "creator")
    return Vocabulary(brands={b: b for b, n in brands.items() if n >= min_count and len(b) > 2},
                      colors={c: c for c in BASE_COLORS}, audiences=dict(BASE_AUDIENCES),
                      materials={m: m for m in BASE_MATERIALS})


def queryner_f1(dev: Path, vocab: Vocabulary) -> dict[str, dict[str, float]]:
    """Span F1 per slot type on QueryNER dev (a span matches on type and lowercase text)."""
    predicted: dict[str, list[tuple[int, str]]] = {t: [] for t in QUERYNER_TYPES.values()}
    gold: dict[str, list[tuple[int, str]]] = {t: [] for t in QUERYNER_TYPES.values()}
    for n, row in enumerate(_rows(dev)):
        for e in row["entities"]:
            if e["type"] in QUERYNER_TYPES:
                gold[QUERYNER_TYPES[e["type"]]].append((n, e["text"].lower().strip()))
        for span in parse_slots(row["query"], vocab).spans:
            if span.type in gold:
                predicted[span.type].append((n, span.text.lower().strip()))
    out = {}
    for kind in gold:
        prf = precision_recall_f1(predicted[kind], gold[kind])
        out[kind] = {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1,
                     "support": float(len(gold[kind]))}
    return out


def webshop_search_share(path: Path, router: IntentRouter, vocab: Vocabulary,
                         split: str = "test") -> tuple[float, float, Counter[str]]:
    """Share of WebShop instructions (all product searches) routed to search.

    Only instructions of ``split`` (dev or test by ``split_of``): the intent model trains on
    some of the train ones. Returns the raw router's share, the share the agent searches
    for when the instruction opens a conversation (context rules: no results yet, so no
    refinement), and the raw intent counts.
    """
    from agents.shopper.understand import effective_intent
    from agents.understanding.classifier import split_of

    goals = [g for g in json.loads(path.read_text(encoding="utf-8")) if split_of(g) == split]
    intents = router.route_many(goals)
    counts: Counter[str] = Counter(i.name for i in intents)
    acted = sum(effective_intent(i, parse_slots(g, vocab), {}, g) == "search"
                for g, i in zip(goals, intents, strict=True))
    return counts["search"] / max(1, len(goals)), acted / max(1, len(goals)), counts


def shoppingbench_options(path: Path, vocab: Vocabulary) -> dict[str, float]:
    """Share of required colour / size / price options parsed from ShoppingBench intents."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for row in _rows(path):
        slots = parse_slots(row["query"], vocab)
        reward = row.get("reward") or {}
        for attrs in reward.get("attributes") or []:
            for key, values in attrs.items():
                kind = "color" if "colo" in key else "size" if "size" in key else None
                if kind is None:
                    continue
                totals[kind] += 1
                got = (getattr(slots, kind) or "").lower()
                hits[kind] += int(bool(got) and any(got in str(v).lower() or str(v).lower()
                                                    in got for v in values))
        for bound in reward.get("price") or []:
            for relation, (low, high) in bound.items():
                totals["price"] += 1
                if "greater" in relation:
                    hits["price"] += int(slots.min_price is not None
                                         and abs(slots.min_price - low) < 0.01)
                elif "less" in relation:
                    hits["price"] += int(slots.max_price is not None
                                         and abs(slots.max_price - (high or low)) < 0.01)
                else:
                    hits["price"] += int(slots.min_price == low and slots.max_price == high)
    return {f"{k}_parsed": hits[k] / totals[k] for k in totals} | {
        f"{k}_required": float(totals[k]) for k in totals}
