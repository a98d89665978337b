"""Build the knowledge graph: seed + behaviour mining (+ LLM), through the critics, to SQL."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from knowledge.graph.critics import Critic
from knowledge.graph.io import read_assertions
from knowledge.graph.store import retire_missing, upsert_assertions
from knowledge.store import Store

SEED_DIR = Path(__file__).with_name("seed")
SOURCES = ("seed", "mining", "llm")


def build_knowledge(store: Store, sources: tuple[str, ...] = ("seed", "mining"), *,
                    llm_limit: int = 30, critic: Critic | None = None) -> dict[str, Any]:
    """Run the chosen sources, filter mined and generated candidates, store them."""
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown sources {sorted(unknown)}; valid: {', '.join(SOURCES)}")
    started = time.perf_counter()
    stats: dict[str, Any] = {}
    if "seed" in sources:
        seed = [a for path in sorted(SEED_DIR.glob("*.jsonl")) for a in read_assertions(path)]
        stats["seed"] = upsert_assertions(store.engine, seed)
        stats["seed_retired"] = retire_missing(store.engine, "seed", seed)
    candidates = []
    if "mining" in sources:
        from knowledge.graph.mining import mine

        mined = mine(store.engine)
        stats["mined_candidates"] = len(mined)
        candidates += mined
    if "llm" in sources:
        from knowledge.graph.llm_gen import generate

        generated, stats["llm"] = generate(store, limit=llm_limit)
        candidates += generated
    if candidates:
        critic = critic or Critic(store.embedder)
        kept, rejected = critic.judge(candidates)
        stats["kept"] = {s: sum(1 for a in kept if a.source == s) for s in ("mining", "llm")}
        stats["rejected"] = rejected
        stats["critic"] = vars(critic.report)
        upsert_assertions(store.engine, kept)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats
