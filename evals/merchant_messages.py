"""The merchant test set played through the real merchant service, one message per session.

Set: ``evals/data/merchant/messages.jsonl`` (165 messages written before the code, frozen),
split dev/test by ``sha1(id) % 10``. Fixture: ``fixture.json`` (the merchant's brands and
nine campaigns with recorded spend and GMV), seeded once and restored before every message,
so a wrong campaign touched by one message is caught and never leaks into the next.

Per message the service runs as production does (model-backed intent, catalogue search,
simulator forecasts, creatives) with the day pinned to the fixture's ``today``. Checks:

- ``draft_one_turn``: messages that give product, budget and ROI get a complete plan in that
  turn (a draft, or the simulator's best achievable ROI for an unreachable target);
  ``draft_one_turn_strict`` counts drafts only.
- ``wrong_campaign_actions``: messages after which any campaign outside the expected ones
  changed (for lists awaiting confirmation: after the confirming "yes" too). Target 0.
- ``intent_accuracy``: the intent the graph routed on, against the label.
- ``slot_accuracy``: every stated value (budget, daily budget, ROI, days, start, end) and the
  products (their types within the accepted types), per slot over the messages that label it.
- ``outcome_accuracy``: the reply did what the label says (ask, act, confirm, report, ...).
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, delete, select

from knowledge.ads import AdEvent
from knowledge.campaigns import Campaign, CampaignAudit
from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns import service

DATA = Path(__file__).resolve().parent / "data" / "merchant"
VALUE_SLOTS = ("budget", "daily_budget", "target_roi", "days", "start", "end")
ServiceFactory = Callable[[Store], Any]


def load_messages(split: str | None = None) -> list[dict[str, Any]]:
    """The labelled messages (optionally one split)."""
    rows = [json.loads(line) for line in (DATA / "messages.jsonl").read_text().splitlines()
            if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def fixture() -> dict[str, Any]:
    """The merchant set-up the labels assume."""
    return dict(json.loads((DATA / "fixture.json").read_text()))


def _type(p: Product) -> str:
    return str((p.attributes or {}).get("type") or p.category or "").lower()


def seed_campaigns(store: Store, merchant_id: str, fix: dict[str, Any]) -> dict[str, str]:
    """Create the fixture's campaigns with recorded spend and GMV; key -> campaign id.

    They ran from 20 days ago to today, so a new draft (tomorrow at the earliest) never
    overlaps them; campaigns of one product type share its products out in turn (a product
    may not be in two live campaigns at once).
    """
    today = date.fromisoformat(fix["today"])
    with Session(store.engine) as session:
        owned = sorted(session.exec(select(Product).where(Product.merchant_id == merchant_id)),
                       key=lambda p: p.id)
    same_type: dict[str, list[str]] = {}
    for spec in fix["campaigns"]:
        same_type.setdefault(spec["product_type"], []).append(spec["key"])
    ids = {}
    for spec in fix["campaigns"]:
        sharers = same_type[spec["product_type"]]
        of_type = [p.id for p in owned if _type(p) == spec["product_type"]]
        products = of_type[sharers.index(spec["key"])::len(sharers)]
        plan = service.CampaignDraft(product_ids=products, budget_total=spec["budget_total"],
                                     target_roi=spec["target_roi"], name=spec["name"],
                                     start=today - timedelta(days=20), end=today)
        campaign = service.create_campaign(store.engine, merchant_id, plan, {})
        if spec["status"] == "paused":
            service.change_campaign(store.engine, merchant_id, campaign.id, "pause")
        ids[spec["key"]] = campaign.id
        _record(store, campaign.id, products[0], spec["spend"], spec["gmv"])
    return ids


def _record(store: Store, campaign_id: str, product_id: str, spend: float, gmv: float) -> None:
    with Session(store.engine) as session:
        for kind, cost, value in (("impression", 0.0, 0.0), ("click", spend, 0.0),
                                  ("order", 0.0, gmv)):
            session.add(AdEvent(kind=kind, campaign_id=campaign_id, product_id=product_id,
                                session_id="eval-history", impression_id=f"hist-{campaign_id}",
                                cost=cost, gmv=value))
        session.commit()


def snapshot(store: Store) -> dict[str, tuple[str, float, float]]:
    """Every campaign's status, budget and ROI target."""
    with Session(store.engine) as session:
        return {c.id: (c.status, c.budget_total, c.target_roi)
                for c in session.exec(select(Campaign))}


def restore(store: Store, before: dict[str, tuple[str, float, float]]) -> None:
    """Put the campaigns back as they were; drop any created since."""
    with Session(store.engine) as session:
        for c in session.exec(select(Campaign)):
            if c.id not in before:
                session.delete(c)
                continue
            c.status, c.budget_total, c.target_roi = before[c.id]
            session.add(c)
        session.exec(delete(CampaignAudit).where(col(CampaignAudit.action) != "create"))
        session.commit()


async def _turn(svc: Any, merchant: str, session: str, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"draft": None, "reply": "", "creatives": [], "campaign_events": 0}
    async for event in svc.run_turn(merchant, session, {"type": "message", "text": text}):
        if event["type"] == "campaign_draft":
            out["draft"] = event["draft"]
        elif event["type"] == "creative":
            out["creatives"].append(event["creative"])
        elif event["type"] == "campaign":
            out["campaign_events"] += 1
        elif event["type"] == "token":
            out["reply"] += event["text"]
        elif event["type"] == "error":
            out["reply"] += f"[error {event.get('message')}]"
    return out


def _changed(before: dict[str, tuple[str, float, float]],
             after: dict[str, tuple[str, float, float]]) -> set[str]:
    return {cid for cid, row in before.items() if after.get(cid) != row}


def _expected_ids(row: dict[str, Any], keys: dict[str, str]) -> set[str] | None:
    ref = row["slots"]["campaign"]
    if ref == "all":
        return set(keys.values())
    return {keys[k] for k in ref} if isinstance(ref, list) else None


def _graph_intent(svc: Any, merchant: str, session: str) -> str | None:
    config = {"configurable": {"thread_id": f"{merchant}:{session}"}}
    intent = svc.graph.get_state(config).values.get("intent")
    return str(intent) if intent is not None else None


def play(store: Store, svc: Any, merchant: str, keys: dict[str, str], row: dict[str, Any],
         before: dict[str, tuple[str, float, float]]) -> dict[str, Any]:
    """One labelled message through the service; what happened, as facts."""
    session = f"eval-{row['id']}"
    first = asyncio.run(_turn(svc, merchant, session, row["text"]))
    after_first = snapshot(store)
    result = {"id": row["id"], **first, "intent": _graph_intent(svc, merchant, session),
              "changed_first": _changed(before, after_first), "after_rows": after_first,
              "created": len(set(after_first) - set(before))}
    if row["outcome"] == "confirm":
        second = asyncio.run(_turn(svc, merchant, session, "yes"))
        result["confirm_reply"] = second["reply"]
        result["changed_after_yes"] = _changed(before, snapshot(store))
    return result


def _draft_values(draft: dict[str, Any]) -> dict[str, Any]:
    return {"budget": draft.get("budget_total"), "daily_budget": draft.get("budget_daily"),
            "target_roi": draft.get("target_roi")}


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(b, int | float) and not isinstance(b, bool):
        try:
            return abs(float(a) - float(b)) < 1e-6
        except (TypeError, ValueError):
            return False
    return str(a) == str(b)


def slot_hits(row: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """Per labelled slot: right or wrong (values exactly; products by type)."""
    hits = {k: _same(got.get(k), row["slots"][k]) for k in VALUE_SLOTS}
    expected = row["slots"]["products"]
    if expected is not None:
        types = set(got.get("product_types") or [])
        hits["products"] = (not types) if not expected else bool(types) and types <= set(expected)
    return hits


def _draft_complete(r: dict[str, Any]) -> bool:
    return r["draft"] is not None or "best achievable ROI" in r["reply"]


def outcome_ok(row: dict[str, Any], r: dict[str, Any], keys: dict[str, str],
               names: dict[str, str]) -> bool:
    """Whether the reply did what the label says, and nothing else."""
    kind, expected = row["outcome"], _expected_ids(row, keys)
    quiet = not r["changed_first"] and not r["created"]
    if kind == "draft":
        return _draft_complete(r) and quiet
    if kind == "ask":
        return quiet and r["draft"] is None and not r["creatives"] and "?" in r["reply"]
    if kind == "act":
        if r["changed_first"] != (expected or set()):
            return False
        fields = {"status": 0, "budget_total": 1, "target_roi": 2}
        return all(_same(r["after_rows"][cid][fields[k]], v) for cid in r["changed_first"]
                   for k, v in row.get("after", {}).items())
    if kind == "confirm":
        after = r.get("changed_after_yes", set())
        return quiet and bool(after) and after <= (expected or set())
    if kind in ("report", "list"):
        wanted = expected or set()
        return quiet and all(names[cid] in r["reply"] for cid in wanted)
    if kind == "audience":
        return quiet and ("Who to target" in r["reply"] or "no shopper segment" in r["reply"])
    if kind == "creative":
        kinds = {c.get("kind") for c in r["creatives"]}
        return quiet and kinds == {row.get("creative_kind")}
    return quiet and r["draft"] is None  # reply: why / chat


def wrong_campaign(row: dict[str, Any], r: dict[str, Any], keys: dict[str, str]) -> bool:
    """A campaign outside the ones the message refers to changed (before or after 'yes')."""
    allowed = _expected_ids(row, keys) if row["outcome"] in ("act", "confirm") else set()
    first_ok = r["changed_first"] <= (allowed if row["outcome"] == "act" else set())
    later = r.get("changed_after_yes", set())
    return not first_ok or not later <= (allowed or set())


def score(rows: list[dict[str, Any]], results: list[dict[str, Any]],
          slots: list[dict[str, Any]], keys: dict[str, str], names: dict[str, str]
          ) -> dict[str, float]:
    """The figures for one split."""
    drafts = [r for row, r in zip(rows, results, strict=True) if row["outcome"] == "draft"]
    per_slot: Counter[str] = Counter()
    per_slot_n: Counter[str] = Counter()
    all_right = 0
    for row, got in zip(rows, slots, strict=True):
        hits = slot_hits(row, got)
        per_slot.update(k for k, ok in hits.items() if ok)
        per_slot_n.update(hits.keys())
        all_right += all(hits.values())
    n = len(rows)
    out = {
        "messages": float(n),
        "draft_one_turn": sum(map(_draft_complete, drafts)) / max(1, len(drafts)),
        "draft_one_turn_strict": sum(r["draft"] is not None for r in drafts) / max(1, len(drafts)),
        "draft_messages": float(len(drafts)),
        "wrong_campaign_actions": float(sum(wrong_campaign(row, r, keys)
                                            for row, r in zip(rows, results, strict=True))),
        "intent_accuracy": sum(r["intent"] == row["intent"]
                               for row, r in zip(rows, results, strict=True)) / n,
        "slot_accuracy": sum(per_slot.values()) / max(1, sum(per_slot_n.values())),
        "messages_all_slots_right": all_right / n,
        "outcome_accuracy": sum(outcome_ok(row, r, keys, names)
                                for row, r in zip(rows, results, strict=True)) / n,
    }
    out.update({f"slot_{k}": per_slot[k] / per_slot_n[k] for k in sorted(per_slot_n)})
    if all("model_intent" in s for s in slots):  # understand_merchant alone, without the store
        out["model_intent_accuracy"] = sum(s["model_intent"] == row["intent"]
                                           for row, s in zip(rows, slots, strict=True)) / n
    return out


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


def set_up(store: Store) -> tuple[str, dict[str, str], dict[str, str]]:
    """The fixture's merchant with its products and campaigns: (merchant id, keys, names)."""
    from knowledge.merchants import create_merchant

    fix = fixture()
    merchant, _ = create_merchant(store.engine, name="Eval merchant (issue 12 set)")
    service.assign_products(store.engine, merchant.id, brands=fix["brands"])
    keys = seed_campaigns(store, merchant.id, fix)
    names = {keys[c["key"]]: c["name"] for c in fix["campaigns"]}
    return merchant.id, keys, names


def evaluate(store: Store, svc: Any, merchant: str, keys: dict[str, str], names: dict[str, str],
             rows: list[dict[str, Any]], read_slots: SlotReader,
             progress: Callable[[str], None] = lambda _m: None
             ) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Play and score ``rows``; the figures and one record per message (for error reading)."""
    today = date.fromisoformat(fixture()["today"])
    before = snapshot(store)
    results, slots = [], []
    for i, row in enumerate(rows):
        if i % 20 == 0:
            progress(f"merchant messages {i}/{len(rows)}")
        restore(store, before)
        results.append(play(store, svc, merchant, keys, row, before))
        slots.append(read_slots(store, merchant, row["text"], today))
    restore(store, before)
    records = [{"id": row["id"], "text": row["text"], "intent": r["intent"],
                "expected_intent": row["intent"], "outcome_ok": outcome_ok(row, r, keys, names),
                "wrong_campaign": wrong_campaign(row, r, keys), "slots": slot_hits(row, s),
                "reply": r["reply"][:300]}
               for row, r, s in zip(rows, results, slots, strict=True)]
    return score(rows, results, slots, keys, names), records


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
        types = sorted({_type(p) for p in _own_products(ctx, got.product_phrase)})
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
