"""How the new and the old merchant code read a message: slot readers, the old service, time.

``new_slots`` reads as the merchant graph does now; ``old_slots`` and ``old_service`` are the
pre-issue-12 code (``evals.baselines.merchant_old``, from git history), scored on the same
messages; ``understanding_ms`` times ``understand_merchant`` per message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from evals.merchant_fixture import fixture, product_type
from knowledge.store import Store

SlotReader = Callable[[Store, str, str, date], dict[str, Any]]


def new_slots(store: Store, merchant_id: str, text: str, today: date) -> dict[str, Any]:
    """Slots as the merchant graph reads them now (parsers + catalogue search)."""
    from agents.merchant.resolve import find_products
    from agents.merchant.slots import parse_goal
    from agents.merchant.understand import understand_merchant

    read = understand_merchant(text, today=today, embedder=store.embedder,
                               settings=store.settings)
    found = find_products(store, merchant_id, parse_goal(text, today).residue)
    return {**read["slots"], "product_types": found.types, "model_intent": read["intent"]}


def old_service(store: Store, today: date) -> Any:
    """The pre-issue-12 merchant service (evals.baselines.merchant_old) with its day pinned."""
    from evals.baselines.merchant_old import nodes, slots
    from evals.baselines.merchant_old.service import MerchantService as OldService

    class Pinned(date):
        @classmethod
        def today(cls) -> Pinned:
            return cls(today.year, today.month, today.day)

    setattr(nodes, "date", Pinned)  # noqa: B010 - the old modules read their own ``date``
    setattr(slots, "date", Pinned)  # noqa: B010
    return OldService(store)


def old_slots(store: Store, merchant_id: str, text: str, today: date) -> dict[str, Any]:
    """Slots as the old code read them (its regexes and word-overlap product match)."""
    from evals.baselines.merchant_old.context import MerchantContext as OldContext
    from evals.baselines.merchant_old.nodes import _own_products
    from evals.baselines.merchant_old.slots import parse_goal as old_parse

    got = old_parse(text, today)
    days = (got.end - got.start).days + 1 if got.start and got.end else None
    types: list[str] = []
    if got.product_phrase:
        ctx = OldContext(store=store, merchant_id=merchant_id)
        types = sorted({product_type(p) for p in _own_products(ctx, got.product_phrase)})
    return {"budget": got.budget_total, "daily_budget": got.budget_daily,
            "target_roi": got.target_roi, "days": days,
            "start": got.start.isoformat() if got.start else None,
            "end": got.end.isoformat() if got.end else None, "product_types": types}


def understanding_ms(store: Store, rows: list[dict[str, Any]]) -> dict[str, float]:
    """Wall time of ``understand_merchant`` per message (model warm): p50 and p95 in ms."""
    import time

    import numpy as np

    from agents.merchant.understand import understand_merchant

    today = date.fromisoformat(fixture()["today"])
    understand_merchant("warm up", today=today, embedder=store.embedder, settings=store.settings)
    times = []
    for row in rows:
        start = time.perf_counter()
        understand_merchant(row["text"], today=today, embedder=store.embedder,
                            settings=store.settings)
        times.append((time.perf_counter() - start) * 1000)
    return {"understand_ms_p50": float(np.percentile(times, 50)),
            "understand_ms_p95": float(np.percentile(times, 95))}
