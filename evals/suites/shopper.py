"""``shopper``: scripted multi-turn conversations through the real shopper graph and model.

The demo store is built in a scratch folder (``build_demo``) with its commonsense knowledge
served (seed + mining, as ``make run`` serves it), then every conversation of
``evals/data/shopper_conversations.jsonl`` is played through ``ShopperService.run_turn``.

Metrics (system ``shopper``): ``intent_accuracy``, ``slot_accuracy`` (expected slot keys
parsed right), ``task_success`` (every expectation of a conversation met), ``clarification_rate``
(share of turns that asked), ``grounding_violations`` (replies naming a price, title or brand
the turn's results do not hold; an independent checker), ``ttft_p50_ms``, ``turn_p95_ms``,
``non_llm_share`` (turn time outside the model, over all turns). System ``understanding``
holds the parsers on real queries: QueryNER span F1 per type, the share of WebShop
instructions routed to search, ShoppingBench required options parsed.

The conversations run on the checkpointer the server would open for the eval's store
(``server.checkpoints.open_checkpointer``: SQLite next to it, or PostgreSQL when
``SHOPMAGE_DATABASE_URL`` says so), so eval turns take the live path, persistence included.
``SHOPMAGE_EVAL_CHECKPOINTER=memory`` plays them in memory instead.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections import Counter
from typing import Any

from evals.metrics import mean, percentile
from evals.results import SuiteContext, SuiteResult, Table, register_suite
from evals.shopper_checks import (
    GroundingChecker,
    TurnOutcome,
    catalogue_can_satisfy,
    check_turn,
    slot_hits,
)
from evals.shopper_parsing import (
    generic_vocabulary,
    queryner_f1,
    shoppingbench_options,
    webshop_search_share,
)
from knowledge.carts import show_cart
from knowledge.demo_build import build_demo
from knowledge.graph.build import build_knowledge
from knowledge.graph.serve import KnowledgeExpander
from knowledge.settings import REPO_ROOT
from knowledge.store import Store

CONVERSATIONS = REPO_ROOT / "evals" / "data" / "shopper_conversations.jsonl"
SHARED = REPO_ROOT.parent / "shared" / "data"
TAXONOMY = REPO_ROOT / "knowledge" / "demo" / "taxonomy.json"


def _build_store(ctx: SuiteContext) -> tuple[Store, str]:
    store = Store(ctx.store_settings())
    counts = build_demo(store, products=1500, shoppers=100, seed=7)
    stats = build_knowledge(store, ("seed", "mining"))  # as `make run` serves it
    store.search.set_expander(KnowledgeExpander(store))
    kept = stats.get("kept", {}).get("mining", 0)
    return store, (f"demo store ({counts['products']} products), knowledge served "
                   f"({stats.get('seed', 0)} seed + {kept} mined assertions)")


def _outcome(service: Any, sid: str, events: list[dict[str, Any]],
             state: dict[str, Any]) -> TurnOutcome:
    stats = service.last[sid]
    plan = (stats.turn or {}).get("plan") or {}
    cards: list[dict[str, Any]] = next(
        (e["items"] for e in events if e["type"] == "products"), [])
    cart = next((e for e in events if e["type"] == "cart"), None)
    return TurnOutcome(intent=stats.intent, slots=stats.slots, cards=cards, cart=cart,
                       clarified=any(e["type"] == "clarification" for e in events),
                       reply=stats.reply, relaxed=plan.get("relaxed") or [],
                       constraints=state.get("constraints") or {},
                       comparison=plan.get("comparison"))


async def _play(service: Any, store: Store, checker: GroundingChecker,
                convs: list[dict[str, Any]], tally: dict[str, Any]) -> None:
    for n, conv in enumerate(convs):
        if n % 50 == 0:
            tally["progress"](f"conversation {n}/{len(convs)}")
        sid = f"eval-{conv['id']}"
        previous: list[dict[str, Any]] = []
        failures: list[str] = []
        for turn in conv["turns"]:
            frame = {"type": "message", "text": turn["user"]}
            cart_before = show_cart(store.engine, sid).model_dump()
            events = [e async for e in service.run_turn(sid, frame)]
            out = _outcome(service, sid, events, await service.state(sid))
            out.cart_before = cart_before
            stats, expect = service.last[sid], turn["expect"]
            tally["intents"].append((expect.get("intent"), out.intent))
            ok, total = slot_hits(expect.get("slots", {}), out.slots)
            tally["slots"][0] += ok
            tally["slots"][1] += total
            tally["clarified"].append(out.clarified)
            failures += check_turn(store, sid, expect, out, previous)
            tally["grounding"] += checker.violations(store, out, turn["user"])
            if stats.ttft_ms is not None:
                tally["ttft"].append(stats.ttft_ms)
            tally["total"].append(stats.total_ms)
            tally["llm"].append(stats.llm_ms)
            if out.cards and out.intent in ("search", "refine", "recommend_for_me"):
                previous = out.cards
            if "results" in expect and out.relaxed:
                tally["relaxed"].append(conv["kind"])
        tally["tasks"].append((conv["kind"], not failures))
        if conv["kind"] == "webshop":
            want = conv["turns"][0]["expect"]["results"]
            tally["webshop"].append((catalogue_can_satisfy(store, want), not failures))
        if failures:
            tally["failures"].append({"id": conv["id"], "why": failures[:3]})


def _understanding(ctx: SuiteContext, router: Any) -> tuple[dict[str, float], list[Table]]:
    metrics: dict[str, float] = {}
    tables = []
    ner = SHARED / "queryner"
    if (ner / "dev.jsonl").exists():
        vocab = generic_vocabulary(ner / "train.jsonl")
        scores = queryner_f1(ner / "dev.jsonl", vocab)
        ctx.record_data_file(ner / "dev.jsonl", sum(1 for _ in (ner / "dev.jsonl").open()))
        metrics |= {f"queryner_f1_{k}": v["f1"] for k, v in scores.items()}
        tables.append(Table("QueryNER dev: slot span F1 per type",
                            ["type", "precision", "recall", "f1", "gold spans"],
                            [[k, round(v["precision"], 3), round(v["recall"], 3),
                              round(v["f1"], 3), int(v["support"])] for k, v in scores.items()]))
    goals = SHARED / "webshop" / "human_goals.json"
    if goals.exists():
        ctx.progress("routing the WebShop instructions ...")
        vocab = generic_vocabulary(ner / "train.jsonl")
        for split in ("dev", "test"):
            share, acted, counts = webshop_search_share(goals, router, vocab, split)
            metrics[f"webshop_search_share_{split}"] = share
            metrics[f"webshop_search_share_in_context_{split}"] = acted
        ctx.record_data_file(goals, sum(counts.values()))
        tables.append(Table("WebShop test instructions: routed intent", ["intent", "count"],
                            [[k, v] for k, v in counts.most_common()]))
    bench = SHARED / "shoppingbench" / "product_queries.dev.jsonl"
    if bench.exists():
        bench_vocab = generic_vocabulary(ner / "train.jsonl") if ner.exists() else None
        if bench_vocab is not None:
            found = shoppingbench_options(bench, bench_vocab)
            ctx.record_data_file(bench, sum(1 for _ in bench.open()))
            metrics |= {f"shoppingbench_{k}": v for k, v in found.items()}
    return metrics, tables


def _router_ablation(store: Store, convs: list[dict[str, Any]]) -> dict[str, float]:
    """Context-free router accuracy on the suite's turns: embeddings only vs LLM fallback."""
    from agents.shopper.service import StoreModel
    from agents.understanding.router import IntentRouter

    turns = {t["user"]: t["expect"]["intent"] for c in convs for t in c["turns"]
             if t["expect"].get("intent")}
    plain = IntentRouter(store.embedder)
    fallback = IntentRouter(store.embedder, StoreModel(store))
    out = {}
    for name, router in (("embedding", plain), ("llm_fallback", fallback)):
        routed = [router.route(text) for text in turns]
        out[f"router_accuracy_{name}"] = mean([float(r.name == want) for r, want in zip(
            routed, turns.values(), strict=True)])
        out[f"router_llm_calls_{name}"] = float(sum(r.source == "llm" for r in routed))
    return out


def _confusion(pairs: list[tuple[str | None, str]]) -> Table:
    labels = sorted({e for e, _ in pairs if e} | {p for _, p in pairs})
    counts = Counter(pairs)
    rows = [[e, *[counts[(e, p)] for p in labels]] for e in labels]
    return Table("Intent confusion matrix (rows: expected, columns: predicted)",
                 ["expected", *labels], rows)


async def _play_on_checkpointer(store: Store, convs: list[dict[str, Any]],
                                tally: dict[str, Any]) -> Any:
    """Play every conversation on the configured checkpointer (or in memory if asked)."""
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.shopper.service import ShopperService
    from server.checkpoints import open_checkpointer

    checker = GroundingChecker.for_store(store)
    if os.environ.get("SHOPMAGE_EVAL_CHECKPOINTER", "configured") == "memory":
        service = ShopperService(store, InMemorySaver())
        await _play(service, store, checker, convs, tally)
        return service
    async with open_checkpointer(store.settings) as saver:
        service = ShopperService(store, saver)
        await _play(service, store, checker, convs, tally)
    return service


@register_suite("shopper")
def run(ctx: SuiteContext) -> SuiteResult:
    """Play the scripted conversations; measure understanding on real query sets."""
    convs = [json.loads(line) for line in CONVERSATIONS.read_text().splitlines() if line]
    ctx.record_data_file(CONVERSATIONS, len(convs))
    store, catalogue = _build_store(ctx)
    ctx.progress(f"{catalogue}; {len(convs)} conversations")
    try:
        store.llm  # load the model before timing turns  # noqa: B018
        tally: dict[str, Any] = {"intents": [], "slots": [0, 0], "clarified": [], "tasks": [],
                                 "grounding": [], "ttft": [], "total": [], "llm": [],
                                 "failures": [], "progress": ctx.progress, "relaxed": [],
                                 "webshop": []}
        service = asyncio.run(_play_on_checkpointer(store, convs, tally))
        understanding, tables = _understanding(ctx, service.router)
        understanding |= _router_ablation(store, convs)
    finally:
        store.close()
    return _result(tally, understanding, tables, catalogue, len(convs))


def _result(tally: dict[str, Any], understanding: dict[str, float], tables: list[Table],
            catalogue: str, n: int) -> SuiteResult:
    intents = [(e, p) for e, p in tally["intents"] if e]
    total, llm = sum(tally["total"]), sum(tally["llm"])
    shopper = {
        "intent_accuracy": mean([float(e == p) for e, p in intents]),
        "slot_accuracy": tally["slots"][0] / max(1, tally["slots"][1]),
        "task_success": mean([float(ok) for _, ok in tally["tasks"]]),
        "clarification_rate": mean([float(c) for c in tally["clarified"]]),
        "grounding_violations": float(len(tally["grounding"])),
        "ttft_p50_ms": percentile(tally["ttft"], 50) if tally["ttft"] else 0.0,
        "turn_p95_ms": percentile(tally["total"], 95),
        "non_llm_share": (total - llm) / total if total else 0.0,
    }
    by_kind: dict[str, list[bool]] = {}
    for kind, ok in tally["tasks"]:
        by_kind.setdefault(kind, []).append(ok)
    tables = [_confusion(intents),
              Table("Task success by conversation kind", ["kind", "conversations", "success"],
                    [[k, len(v), round(mean([float(x) for x in v]), 3)]
                     for k, v in sorted(by_kind.items())]),
              *tables]
    webshop = tally["webshop"]
    shopper["webshop_tasks_satisfiable"] = float(sum(s for s, _ in webshop))
    shopper["webshop_tasks_solved"] = float(sum(ok for _, ok in webshop))
    shopper["webshop_solved_when_satisfiable"] = mean(
        [float(ok) for sat, ok in webshop if sat] or [0.0])
    notes = ["These conversations are generated from the project's own templates: a "
             "regression figure, never the headline (see the `understanding` suite for intent "
             "on hand-written messages, dev beside test).",
             f"Catalogue: {catalogue}; {n} conversations, {len(tally['total'])} turns.",
             "Grounding violations: " + ("; ".join(tally["grounding"][:10]) or "none")]
    return SuiteResult(metrics={"shopper": shopper, "understanding": understanding},
                       tables=tables, notes=notes,
                       details={"failures": tally["failures"][:60],
                                "dont_carry_turns_by_kind": dict(Counter(tally["relaxed"])),
                                "webshop_tasks": len(tally["webshop"]),
                                "webshop_tasks_satisfiable": sum(s for s, _ in tally["webshop"]),
                                "webshop_success_when_satisfiable": mean(
                                    [float(ok) for sat, ok in tally["webshop"] if sat] or [0.0]),
                                "turns": len(tally["total"]),
                                "llm_turn_ms_p50": percentile([t for t, m in zip(
                                    tally["total"], tally["llm"], strict=True) if m], 50)
                                if any(tally["llm"]) else 0.0})
