"""Shopper understanding figures on labelled sets: intent, policy answers, speed.

Every figure is computed through the code the live service and ``shopmage understand``
run (``MessageUnderstanding`` -> ``understand_text``; policy turns through
``ShopperService.run_turn``), on a fixed-hash split, dev beside test:

- ``shopper_eval.jsonl``: 341 messages written by hand before any training or tuning
  (eval only: dev/test halves) - the headline is its **test** half;
- ``pq_probe.jsonl``: 118 on-screen messages (94 product questions) written later, frozen
  before the product-question training phrasings they measure (a secondary figure);
- the training corpus's own dev/test rows (same style as training: a regression figure).

The first build's exemplar router is scored on the same rows for comparison.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agents.understanding.classifier import read_jsonl, split_of
from agents.understanding.explain import MessageUnderstanding, shopper_state
from agents.understanding.intent import CORPUS
from evals.metrics import mean, percentile
from knowledge.settings import REPO_ROOT

EVAL_SET = REPO_ROOT / "evals" / "data" / "understanding" / "shopper_eval.jsonl"
PROBE_SET = REPO_ROOT / "evals" / "data" / "understanding" / "pq_probe.jsonl"
POLICY_WORDS = ("ship", "deliver", "return", "refund", "pay", "discount", "free", "days")


def labelled_sets() -> dict[str, list[dict[str, Any]]]:
    """``{"eval_dev", "eval_test", "probe_dev", "probe_test", "corpus_dev", "corpus_test"}``."""
    held = read_jsonl([EVAL_SET])
    probe = read_jsonl([PROBE_SET])
    corpus = [r for r in read_jsonl([CORPUS]) if split_of(r["text"]) != "train"]
    return {"eval_dev": [r for r in held if r["split"] == "dev"],
            "eval_test": [r for r in held if r["split"] == "test"],
            "probe_dev": [r for r in probe if r["split"] == "dev"],
            "probe_test": [r for r in probe if r["split"] == "test"],
            "corpus_dev": [r for r in corpus if split_of(r["text"]) == "dev"],
            "corpus_test": [r for r in corpus if split_of(r["text"]) == "test"]}


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 over the expected labels."""
    scores = []
    for label in sorted({e for e, _ in pairs}):
        tp = sum(e == p == label for e, p in pairs)
        fp = sum(p == label != e for e, p in pairs)
        fn = sum(e == label != p for e, p in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return mean(scores)


def intent_metrics(rows: list[dict[str, Any]], predict: Callable[[dict[str, Any]], str]
                   ) -> tuple[dict[str, float], list[tuple[str, str, str]]]:
    """Accuracy, macro-F1 and product-question recall with products on screen; the errors."""
    pairs = [(str(r["label"]), predict(r)) for r in rows]
    shown_pq = [p == e for (e, p), r in zip(pairs, rows, strict=True)
                if e == "product_question" and int(r.get("results") or 0) > 0]
    old_intents = [(e, p) for e, p in pairs if e not in ("policy_question", "order_status")]
    errors = [(str(r["text"]), e, p) for (e, p), r in zip(pairs, rows, strict=True) if e != p]
    return {"accuracy": mean([float(e == p) for e, p in pairs]), "macro_f1": macro_f1(pairs),
            "product_question_recall_on_screen": mean([float(x) for x in shown_pq]),
            "accuracy_without_new_intents": mean([float(e == p) for e, p in old_intents]),
            "messages": float(len(pairs))}, errors


def model_predictor(reader: MessageUnderstanding) -> Callable[[dict[str, Any]], str]:
    """The live decision: ``MessageUnderstanding.shopper`` (rules, model, state rules)."""
    return lambda r: str(reader.shopper(str(r["text"]), int(r.get("results") or 0),
                                        int(r.get("cart") or 0))["intent"])


def baseline_predictor(reader: MessageUnderstanding) -> Callable[[dict[str, Any]], str]:
    """The first build's exemplar router, with the same state adjustments."""
    from agents.shopper.understand import effective_intent
    from agents.understanding.slots import parse_slots
    from evals.baselines.exemplar_router import ExemplarRouter

    router = ExemplarRouter(reader.embedder)

    def predict(r: dict[str, Any]) -> str:
        text = str(r["text"])
        state = shopper_state(int(r.get("results") or 0), int(r.get("cart") or 0))
        routed = router.route(text)
        return effective_intent(routed, parse_slots(text, reader.vocabulary), state, text)
    return predict


def understanding_latency(reader: MessageUnderstanding, rows: list[dict[str, Any]]
                          ) -> dict[str, float]:
    """Per-message understanding time (intent + slots), each text seen once (cold cache).

    One warm-up message first loads the tagger and model, as a running service has them.
    Wall time and process CPU time (less sensitive to other load on the machine), and the
    share of messages the cascade sent to the sentence-vector model.
    """
    reader.shopper("warm-up: a red rain jacket under 50 dollars")
    times, cpu, embedded = [], [], 0
    model = reader.router.model
    for r in rows:
        started, used = time.perf_counter(), time.process_time()
        setattr(model, "last_stage", "rule")  # noqa: B010 - absent on a plain classifier
        reader.shopper(str(r["text"]), int(r.get("results") or 0), int(r.get("cart") or 0))
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        embedded += getattr(model, "last_stage", "full") == "full"
    return {"understand_p50_ms": percentile(times, 50), "understand_p95_ms": percentile(times, 95),
            "cpu_p50_ms": percentile(cpu, 50), "cpu_p95_ms": percentile(cpu, 95),
            "share_embedded": embedded / max(1, len(rows)), "messages": float(len(times))}


def policy_files_text(folder: Path) -> str:
    """All policy text of a folder, whitespace-normalised (to check quotes are verbatim)."""
    return " ".join(" ".join(p.read_text(encoding="utf-8").split())
                    for p in sorted(Path(folder).glob("*.md")))


async def _policy_turn(service: Any, sid: str, text: str, results: int
                       ) -> tuple[str, list[dict[str, Any]]]:
    events = [e async for e in service.run_turn(sid, {"type": "message", "text": text})]
    return service.last[sid].reply, events


def policy_metrics(service: Any, rows: list[dict[str, Any]], folder: Path
                   ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """Policy questions end to end through the live service.

    Success: an answerable question (``policy_docs`` non-empty) gets a ``policy`` event whose
    passage comes from one of those documents, verbatim; an unanswerable one gets the
    "I don't know" reply with the contact passage. Invented: a reply that talks about a
    policy topic without a verbatim passage from the files.
    """
    corpus = policy_files_text(folder)
    ok, invented, failures = [], 0, []
    for n, r in enumerate(rows):
        reply, events = asyncio.run(_policy_turn(service, f"policy-{n}", str(r["text"]), 0))
        shown = [e for e in events if e["type"] == "policy"]
        verbatim = all(" ".join(e["passage"].split()) in corpus for e in shown)
        want = r.get("policy_docs") or []
        if want:
            good = (bool(shown) and verbatim and shown[0]["doc"] in want
                    and "don't know" not in reply)
        else:
            good = "don't know" in reply and all(e["doc"] == "contact" for e in shown)
        topical = any(w in reply.lower() for w in POLICY_WORDS)
        if (topical and not shown) or not verbatim:
            invented += 1
        ok.append(good)
        if not good:
            failures.append((str(r["text"]), reply[:160]))
    return {"policy_answered_from_text": mean([float(x) for x in ok]),
            "invented_policy": float(invented), "questions": float(len(rows))}, failures


def main() -> None:
    """``python -m evals.intent_figures``: intent dev/test and speed, printed (no policy turns)."""
    from agents.understanding.vocabulary import Vocabulary
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings

    settings = Settings()
    reader = MessageUnderstanding(settings, Embedder(settings), Vocabulary.from_products([]))
    sets = labelled_sets()
    speed = understanding_latency(reader, sets["eval_test"] + sets["eval_dev"])
    print("speed", {k: round(v, 2) for k, v in speed.items()})
    for name, rows in sets.items():
        figures, _ = intent_metrics(rows, model_predictor(reader))
        print(name, {k: round(v, 3) for k, v in figures.items()})


if __name__ == "__main__":
    main()
