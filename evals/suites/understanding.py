"""``understanding``: shopper intent, store-policy answers and understanding speed.

Run: ``shopmage eval run --suite understanding --out runs/understanding``.

Systems (dev beside test; the headline is ``*_test`` on the hand-written eval set):

- ``intent_eval_dev`` / ``intent_eval_test``: the trained model through the live decision
  on evals/data/understanding/shopper_eval.jsonl (written before training, frozen);
- ``baseline_eval_dev`` / ``baseline_eval_test``: the first build's exemplar router there;
- ``intent_corpus_dev`` / ``intent_corpus_test``: the corpus's own held-out rows (same style
  as training, a regression figure);
- ``policy_dev`` / ``policy_test``: policy questions through ``ShopperService.run_turn``
  on a fresh store with the demo policies: answered from the text with the passage shown,
  and replies that invent policy;
- ``speed``: understanding time per message (intent + slots), each text seen once.
"""

from __future__ import annotations

from typing import Any

from agents.understanding.intent import CORPUS
from evals.intent_figures import (
    EVAL_SET,
    baseline_predictor,
    intent_metrics,
    labelled_sets,
    model_predictor,
    policy_metrics,
    understanding_latency,
)
from evals.results import SuiteContext, SuiteResult, Table, register_suite


def _policy(ctx: SuiteContext, sets: dict[str, list[dict[str, Any]]]
            ) -> tuple[dict[str, dict[str, float]], list[list[str]]]:
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.shopper.service import ShopperService
    from knowledge.policies import policy_dir
    from knowledge.store import Store

    settings = ctx.store_settings("policy")
    store = Store(settings)
    try:
        service = ShopperService(store, InMemorySaver())
        folder = policy_dir(settings)
        out, failures = {}, []
        for split in ("dev", "test"):
            rows = [r for r in sets[f"eval_{split}"] if r["label"] == "policy_question"]
            out[f"policy_{split}"], fails = policy_metrics(service, rows, folder)
            failures += [[split, text, reply] for text, reply in fails]
    finally:
        store.close()
    return out, failures


@register_suite("understanding")
def run(ctx: SuiteContext) -> SuiteResult:
    """Score intent (model and old router), policy answers and speed; dev beside test."""
    from agents.understanding.explain import MessageUnderstanding
    from agents.understanding.vocabulary import Vocabulary
    from knowledge.embeddings import Embedder

    sets = labelled_sets()
    ctx.record_data_file(EVAL_SET, len(sets["eval_dev"]) + len(sets["eval_test"]))
    ctx.record_data_file(CORPUS, len(sets["corpus_dev"]) + len(sets["corpus_test"]))
    ctx.progress("loading (training on first use) the intent model ...")
    reader = MessageUnderstanding(ctx.settings, Embedder(ctx.settings),
                                  Vocabulary.from_products([]))
    speed = understanding_latency(reader, sets["eval_test"] + sets["eval_dev"])
    metrics: dict[str, dict[str, float]] = {"speed": speed}
    errors: list[list[str]] = []
    model, baseline = model_predictor(reader), baseline_predictor(reader)
    for name, rows in sets.items():
        kind, split = name.split("_")
        metrics[f"intent_{kind}_{split}"], errs = intent_metrics(rows, model)
        errors += [[name, *e] for e in errs]
        if kind == "eval":
            metrics[f"baseline_eval_{split}"], _ = intent_metrics(rows, baseline)
    ctx.progress("policy questions through the shopper service ...")
    policy, policy_failures = _policy(ctx, sets)
    metrics |= policy
    tables = [Table("Intent errors (set, text, expected, predicted)",
                    ["set", "text", "expected", "predicted"], errors[:120]),
              Table("Policy questions not answered right", ["split", "text", "reply"],
                    policy_failures)]
    notes = ["Headline: intent_eval_test (hand-written, frozen before tuning). The corpus "
             "figures share the training set's style and are a regression check.",
             "Speed is measured on this machine as it is (note its load when reading it)."]
    return SuiteResult(metrics=metrics, tables=tables, notes=notes)
