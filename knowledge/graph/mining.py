"""Behaviour mining: what queries' outcomes over-represent (lift, PMI, minimum support).

From query -> outcome pairs (the strongest signal the log has: a purchase, else a cart, else a
click, within two hours of the shopper's last search) and co-purchases (types bought by the
same shopper), emit typed candidate assertions with their statistics as evidence.

Nothing here assumes the demo generator's tags: a product's features are its ``features``
attribute (given, or extracted at import), else the known attributes its listing text
states (negation-aware, see :mod:`knowledge.graph.evidence`); its type is the ``type``
attribute, else the last step of its category path, else its category.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.graph.evidence import Lexicon, find_evidence
from knowledge.graph.store import Assertion
from knowledge.models import Event, Product
from knowledge.text import tokens

WINDOW = timedelta(hours=2)
OUTCOMES = ("purchase", "cart", "click")  # strongest first; mining uses the first the log has


def outcome_kind(engine: Engine) -> str | None:
    """The strongest outcome event the log holds (purchase, cart, click), or None."""
    with Session(engine) as session:
        for kind in OUTCOMES:
            if session.exec(select(Event.id).where(Event.type == kind).limit(1)).first():
                return kind
    return None


def query_outcomes(engine: Engine, outcome: str
                   ) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """(last search, product) pairs ending in ``outcome`` within the window, and baskets."""
    pairs: list[tuple[str, str]] = []
    baskets: dict[str, list[str]] = defaultdict(list)
    last: dict[str, tuple[str, object]] = {}
    # sqlmodel's select() is typed for up to four columns
    stmt = select(  # type: ignore[call-overload]
        Event.user_id, Event.type, Event.query, Event.product_id, Event.ts).where(
        col(Event.type).in_(("search", outcome))).order_by(Event.user_id, Event.ts)
    with Session(engine) as session:
        for user, kind, query, product, ts in session.exec(stmt):
            if kind == "search" and query:
                last[user] = (query, ts)
            elif kind == outcome and product:
                baskets[user].append(product)
                if user in last and ts - last[user][1] <= WINDOW:
                    pairs.append((last[user][0], product))
    return pairs, baskets


def product_features(product: Product, lexicon: Lexicon) -> set[str]:
    """A product's feature tags: its ``features`` attribute, else what its text states."""
    attrs = product.attributes or {}
    given = attrs.get("features")
    if isinstance(given, list) and given:
        return {str(f).strip().lower() for f in given if str(f).strip()}
    return {a for a in lexicon.entries if find_evidence(product, a, lexicon) is not None}


def product_type(product: Product) -> str:
    """The product's type: ``type`` attribute, else last category step, else category."""
    attrs = product.attributes or {}
    path = attrs.get("category_path")
    last = path[-1] if isinstance(path, list) and path else ""
    return str(attrs.get("type") or last or product.category or "").strip().lower()


def _terms(query: str) -> set[str]:
    words = tokens(query)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _score(lift: float, support: int) -> float:
    return round(min(0.99, 0.35 + 0.25 * math.log2(lift) + 0.05 * math.log(support)), 3)


def mine(engine: Engine, *, min_support: int = 6, min_lift: float = 1.8) -> list[Assertion]:
    """Candidate (term, NEEDS, attribute), (term, X_INTERESTED_IN, category), (A, USED_WITH, B).

    Works on whatever the log holds: purchases, else carts, else clicks (named in each
    assertion's evidence as ``signal``); an empty log mines nothing.
    """
    outcome = outcome_kind(engine)
    if outcome is None:
        return []
    pairs, baskets = query_outcomes(engine, outcome)
    wanted = sorted({pid for _, pid in pairs}
                    | {pid for items in baskets.values() for pid in items})
    lexicon = Lexicon()
    info: dict[str, Any] = {}
    with Session(engine) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for p in session.exec(select(Product).where(col(Product.id).in_(chunk))):
                info[p.id] = (product_features(p, lexicon), p.category, product_type(p))
    out = _term_assertions(pairs, info, min_support, min_lift)
    out += _copurchase_assertions(baskets, info, min_support, min_lift)
    for a in out:
        a.evidence = {**a.evidence, "signal": outcome}
    return out


def _term_assertions(pairs: list[tuple[str, str]], info: dict[str, Any], min_support: int,
                     min_lift: float) -> list[Assertion]:
    total = len(pairs)
    feature_n: Counter[str] = Counter()
    term_n: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for query, pid in pairs:
        if pid not in info:
            continue
        tags, category, _ = info[pid]
        items = {f"attr:{t}" for t in tags} | {f"cat:{category}"}
        feature_n.update(items)
        for term in _terms(query):
            term_n[term] += 1
            joint.update((term, item) for item in items)
    out = []
    for (term, item), n in joint.items():
        if n < min_support or term_n[term] < min_support:
            continue
        lift = (n / term_n[term]) / (feature_n[item] / total)
        if lift < min_lift:
            continue
        kind, value = item.split(":", 1)
        relation = "NEEDS" if kind == "attr" else "X_INTERESTED_IN"
        out.append(Assertion(head=term, head_type="query", relation=relation, tail=value,
                             source="mining", score=_score(lift, n), evidence={
                                 "support": n, "term_purchases": term_n[term],
                                 "lift": round(lift, 3), "pmi": round(math.log2(lift), 3)}))
    return out


def _copurchase_assertions(baskets: dict[str, list[str]], info: dict[str, Any], min_support: int,
                           min_lift: float) -> list[Assertion]:
    type_n: Counter[str] = Counter()
    pair_n: Counter[tuple[str, str]] = Counter()
    for items in baskets.values():
        types = sorted({info[p][2] for p in items if p in info and info[p][2]})
        type_n.update(types)
        pair_n.update((a, b) for i, a in enumerate(types) for b in types[i + 1:])
    users = max(1, len(baskets))
    out = []
    for (a, b), n in pair_n.items():
        lift = n * users / (type_n[a] * type_n[b])
        if n >= min_support and lift >= min_lift:
            out.append(Assertion(head=a, head_type="product", relation="USED_WITH", tail=b,
                                 source="mining", score=_score(lift, n),
                                 evidence={"support": n, "lift": round(lift, 3)}))
    return out
