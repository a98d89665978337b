"""LLM generation: ask the configured model for assertions about what shoppers bought.

Prompts carry a (query, purchased product) or co-purchase pair; the answer is constrained
to a JSON schema (relation from the fixed list). The tiny default model mostly produces
noise, which the critics remove; a bigger GGUF produces more that pass.
"""

from __future__ import annotations

import random
import time
from typing import Any

from sqlmodel import Session, select
from tqdm import tqdm

from knowledge.errors import ShopmageError
from knowledge.graph.mining import outcome_kind, query_outcomes
from knowledge.graph.relations import RELATIONS
from knowledge.graph.store import Assertion
from knowledge.models import Product
from knowledge.store import Store

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "head": {"type": "string", "maxLength": 40},
        "relation": {"type": "string", "enum": list(RELATIONS)},
        "tail": {"type": "string", "maxLength": 40},
    },
    "required": ["head", "relation", "tail"],
}
SYSTEM = ("You write one commonsense fact about why a shopper bought a product, as JSON "
          "with head, relation and tail. Example: a shopper searched 'shoes for pregnant "
          "women' and bought slip-resistant walking shoes -> {\"head\": \"pregnant women\", "
          "\"relation\": \"NEEDS\", \"tail\": \"slip-resistant\"}.")


def _prompts(store: Store, limit: int, seed: int) -> list[str]:
    outcome = outcome_kind(store.engine)
    pairs = query_outcomes(store.engine, outcome)[0] if outcome else []
    rng = random.Random(seed)
    rng.shuffle(pairs)
    with Session(store.engine) as session:
        titles = {p.id: p.title for p in session.exec(select(Product))}
    return [f"The shopper searched '{q}' and bought '{titles[p]}'." for q, p in pairs[:limit]
            if p in titles]


def generate(store: Store, *, limit: int = 30, seed: int = 0
             ) -> tuple[list[Assertion], dict[str, Any]]:
    """Candidate assertions from the LLM and the throughput it reached."""
    out: list[Assertion] = []
    failures = 0
    started = time.perf_counter()
    for prompt in tqdm(_prompts(store, limit, seed), desc="llm knowledge", disable=None):
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]
        try:
            value = store.llm.complete_json(messages, SCHEMA, max_tokens=60)
        except ShopmageError:
            failures += 1
            continue
        out.append(Assertion(head=str(value["head"]).strip().lower(), head_type="query",
                             relation=value["relation"], tail=str(value["tail"]).strip().lower(),
                             source="llm", score=0.5, evidence={"prompt": prompt}))
    minutes = (time.perf_counter() - started) / 60
    return out, {"prompts": limit, "generated": len(out), "failures": failures,
                 "assertions_per_minute": round(len(out) / max(minutes, 1e-9), 1)}
