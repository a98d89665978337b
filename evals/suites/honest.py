"""``honest``: the shopper reply says "we don't carry X" exactly when X is not carried.

Plays every request of ``evals/data/honest_types.jsonl`` (frozen before tuning: 50 types the
demo catalogue lacks, 50 it has; presence decided by :func:`evals.honest_checks.catalogue_has_type`)
as the first turn of a fresh session through the real shopper graph and packaged model, on
the demo store ``make run`` serves (knowledge and, when it builds, the learned ranker on).

Metrics per split (dev, test; test is the headline):

- ``dont_carry_when_absent``: share of absent-type replies whose first sentence says the
  store does not carry it (target >= 0.95);
- ``dont_carry_when_present``: the same over present-type replies (target <= 0.02);
- ``offers_carried_types``: share of absent-type replies that name a carried type;
- ``replies_naming_unshown_type``: replies whose wording names a product type no card shows
  (an independent checker, not the guard; target 0).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from evals.honest_checks import catalogue_has_type, says_dont_carry, unshown_type_mentions
from evals.metrics import mean
from evals.results import SuiteContext, SuiteResult, Table, register_suite
from knowledge.demo.world import taxonomy
from knowledge.demo_build import build_demo
from knowledge.graph.build import build_knowledge
from knowledge.graph.serve import KnowledgeExpander
from knowledge.settings import REPO_ROOT
from knowledge.store import Store

REQUESTS = REPO_ROOT / "evals" / "data" / "honest_types.jsonl"
ISSUE_EXAMPLES = ("headphones for the gym", "phone case for a construction worker",
                  "a toddler who keeps spilling his drinks")


def _catalogue_types(store: Store) -> list[str]:
    from sqlmodel import Session, select

    from knowledge.models import Product

    with Session(store.engine) as session:
        kinds = {(p.attributes or {}).get("type") for p in session.exec(select(Product))}
    return sorted(k for k in kinds if isinstance(k, str))


def _build(ctx: SuiteContext) -> Store:
    from knowledge.ranking.reranker import attach_reranker

    store = Store(ctx.store_settings())
    build_demo(store, products=1500, shoppers=100, seed=7)
    build_knowledge(store, ("seed", "mining"))
    store.search.set_expander(KnowledgeExpander(store))
    attach_reranker(store)
    return store


async def _replies(store: Store, texts: list[str]) -> list[dict[str, Any]]:
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.shopper.service import ShopperService

    service = ShopperService(store, InMemorySaver())
    out = []
    for n, text in enumerate(texts):
        sid = f"honest-{n}"
        events = [e async for e in service.run_turn(sid, {"type": "message", "text": text})]
        cards: list[dict[str, Any]] = next(
            (e["items"] for e in events if e["type"] == "products"), [])
        stats = service.last[sid]
        plan = (stats.turn or {}).get("plan") or {}
        out.append({"text": text, "reply": stats.reply, "cards": cards,
                    "intent": stats.intent, "type_check": plan.get("type_check"),
                    "dropped": stats.dropped})
    return out


@register_suite("honest")
def run(ctx: SuiteContext) -> SuiteResult:
    """Play the frozen honest-answer requests; score them with the independent checks."""
    rows = [json.loads(line) for line in REQUESTS.read_text().splitlines() if line.strip()]
    ctx.record_data_file(REQUESTS, len(rows))
    store = _build(ctx)
    try:
        types = _catalogue_types(store)
        disagree = [r["id"] for r in rows
                    if catalogue_has_type(r["requested_type"], types) != r["present"]]
        ctx.progress(f"{len(types)} catalogue types; playing {len(rows)} requests ...")
        store.llm  # load the model before playing  # noqa: B018
        played = asyncio.run(_replies(store, [r["request"] for r in rows]
                                      + list(ISSUE_EXAMPLES)))
    finally:
        store.close()
    lexicon = set(types) | {r["requested_type"] for r in rows}
    return _result(rows, played, lexicon, types, disagree)


def _score(rows: list[dict[str, Any]], played: list[dict[str, Any]], lexicon: set[str],
           carried: list[str]) -> dict[str, float]:
    absent = [(r, p) for r, p in zip(rows, played, strict=True) if not r["present"]]
    present = [(r, p) for r, p in zip(rows, played, strict=True) if r["present"]]
    offers = [_names_any(p["reply"], carried) for _, p in absent]
    return {
        "dont_carry_when_absent": mean([float(says_dont_carry(p["reply"])) for _, p in absent]),
        "dont_carry_when_present": mean([float(says_dont_carry(p["reply"]))
                                         for _, p in present]),
        "offers_carried_types": mean([float(o) for o in offers]),
        "replies_naming_unshown_type": float(sum(
            bool(unshown_type_mentions(p["reply"], p["cards"], lexicon)) for p in played)),
        "requests": float(len(rows)),
    }


def _names_any(reply: str, carried: list[str]) -> bool:
    from evals.honest_checks import normal

    text = f" {normal(reply)} "
    return any(f" {normal(t)} " in text for t in carried)


def _result(rows: list[dict[str, Any]], played: list[dict[str, Any]], lexicon: set[str],
            carried: list[str], disagree: list[str]) -> SuiteResult:
    labelled, examples = played[:len(rows)], played[len(rows):]
    metrics = {}
    for split in ("dev", "test"):
        pairs = [(r, p) for r, p in zip(rows, labelled, strict=True) if r["split"] == split]
        metrics[split] = _score([r for r, _ in pairs], [p for _, p in pairs], lexicon, carried)
    failures = [[r["id"], r["split"], r["present"], r["request"], p["reply"][:160],
                 ", ".join(unshown_type_mentions(p["reply"], p["cards"], lexicon))]
                for r, p in zip(rows, labelled, strict=True)
                if says_dont_carry(p["reply"]) == r["present"]
                or unshown_type_mentions(p["reply"], p["cards"], lexicon)]
    table = Table("Requests answered wrongly (don't-carry mismatch or a type no card shows)",
                  ["id", "split", "present", "request", "reply", "unshown types"], failures)
    shown = Table("The issue's examples", ["request", "reply", "card types"],
                  [[p["text"], p["reply"], ", ".join(str(c.get("type")) for c in p["cards"])]
                   for p in examples])
    notes = [f"Presence labels disagreeing with this store's type list: {len(disagree)}"
             f" {disagree[:5]}.",
             "Independent checks: evals/honest_checks.py (first-sentence regex for don't-carry;"
             " type mentions from the catalogue's and the request set's types, plurals folded,"
             " a type named inside the don't-carry clause allowed)."]
    return SuiteResult(metrics=metrics, tables=[shown, table], notes=notes,
                       details={"catalogue_types": len(carried), "label_disagreements": disagree,
                                "taxonomy_types": sum(len(c["types"]) for c in
                                                      taxonomy()["categories"].values())})
