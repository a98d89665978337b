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

The set and the fixture are in :mod:`evals.merchant_fixture`, the checks in
:mod:`evals.merchant_checks`, the slot readers (new and old code) in
:mod:`evals.merchant_readers`; the names the merchant suite uses are re-exported here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any

from evals.merchant_checks import outcome_ok, score, slot_hits, wrong_campaign
from evals.merchant_fixture import DATA, fixture, load_messages, restore, set_up, snapshot
from evals.merchant_readers import (
    SlotReader,
    new_slots,
    old_service,
    old_slots,
    understanding_ms,
)
from knowledge.store import Store

__all__ = ["DATA", "SlotReader", "evaluate", "fixture", "load_messages", "new_slots",
           "old_service", "old_slots", "play", "set_up", "understanding_ms"]


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
