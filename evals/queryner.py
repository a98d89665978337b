"""QueryNER span F1 per slot type: the CRF tagger (new) beside the regex parsers (old).

QueryNER has train and dev only. The tagger trains on train (committed in the repo);
QueryNER dev is split by a fixed hash of ``esci_example_id`` into dev (tuning, sha1 % 10
in 0-4) and test (reported, 5-9). A span counts when its type and lower-case text match
a gold span of the same query. The catalogue vocabulary given to both parsers is the
imported ESCI product extract (brands from its brand column, colours...), not the demo
store: ``--catalog none`` runs without any catalogue, ``--catalog train-brands`` with the
QueryNER train brands the first build's eval used.

    python -m evals.queryner [--data ../shared/data] [--catalog esci|none|train-brands] [--json]
                             [--contextual]

``--contextual`` scores the tagger trained with MiniLM contextual features (knowledge/nlp/
contextual.py; built once, then cached), which serving does not use.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from agents.understanding.vocabulary import Vocabulary
from evals.metrics import precision_recall_f1
from knowledge.nlp.tagger import DATA, LABELS, USE_CONTEXT, load_tagger
from knowledge.settings import REPO_ROOT, Settings

TYPES = ("product_type", "brand", "color", "material", "audience", "size")
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


def split_of(row: dict[str, Any]) -> str:
    """``dev`` or ``test`` by sha1 of the row's ESCI example id."""
    digest = hashlib.sha1(str(row["esci_example_id"]).encode()).hexdigest()
    return "dev" if int(digest, 16) % 10 < 5 else "test"


def load_split(data: Path) -> dict[str, list[dict[str, Any]]]:
    """QueryNER dev rows, split into dev and test."""
    out: dict[str, list[dict[str, Any]]] = {"dev": [], "test": []}
    with (data / "queryner" / "dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                out[split_of(row)].append(row)
    return out


def catalogue_vocabulary(data: Path, which: str) -> Vocabulary:
    """The vocabulary a store importing ``which`` would have (``none``: base lists only)."""
    if which == "none":
        return Vocabulary.from_products([])
    if which == "train-brands":  # what the first build's eval used: QueryNER train brands
        from evals.shopper_parsing import generic_vocabulary

        return generic_vocabulary(DATA)
    from knowledge.ingest import parse_product, read_rows

    products = [parse_product(row) for _, row in read_rows(data / "esci" / "products.jsonl.gz")]
    return Vocabulary.from_products(products)


def gold_spans(rows: list[dict[str, Any]]) -> dict[str, list[tuple[int, str]]]:
    """(row index, lower-case text) of every gold span, per slot type."""
    gold: dict[str, list[tuple[int, str]]] = {t: [] for t in TYPES}
    for n, row in enumerate(rows):
        for e in row["entities"]:
            kind = LABELS.get(e["type"], e["type"])
            if kind in gold:
                gold[kind].append((n, _key(e["text"])))
    return gold


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def predicted_new(rows: list[dict[str, Any]], vocab: Vocabulary, settings: Settings,
                  contextual: bool = USE_CONTEXT) -> dict[str, list[tuple[int, str]]]:
    """Spans from the CRF tagger with the catalogue gazetteer."""
    tagger = load_tagger(settings, contextual)
    gaz = vocab.gazetteer()
    pred: dict[str, list[tuple[int, str]]] = {t: [] for t in TYPES}
    for n, row in enumerate(rows):
        for span in tagger.tag(row["query"], gaz):
            if span.label in pred:
                pred[span.label].append((n, _key(span.text)))
    return pred


def predicted_old(rows: list[dict[str, Any]], vocab: Vocabulary
                  ) -> dict[str, list[tuple[int, str]]]:
    """Spans from the frozen regex parsers (the first build), same catalogue."""
    from evals.baselines.regex_slots import parse_slots as old_parse
    from evals.baselines.regex_vocabulary import Vocabulary as OldVocabulary

    old = OldVocabulary(brands=vocab.brands, categories=vocab.categories, colors=vocab.colors,
                        types=vocab.types, type_category=vocab.type_category,
                        features=vocab.features, materials=vocab.materials, sizes=vocab.sizes,
                        audiences=vocab.audiences)
    pred: dict[str, list[tuple[int, str]]] = {t: [] for t in TYPES}
    for n, row in enumerate(rows):
        for span in old_parse(row["query"], old).spans:
            if span.type in pred:
                pred[span.type].append((n, _key(span.text)))
    return pred


def f1_interval(pred: list[tuple[int, str]], gold: list[tuple[int, str]], rows: int,
                draws: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of span F1: queries resampled with replacement (seeded).

    With 25-40 gold spans (material, colour) one query more or less moves F1 by several
    points; the interval says how far a figure can move on a same-sized set of queries.
    """
    counts = np.zeros((3, max(rows, 1)))  # hits, predicted, gold per query (as sets)
    truth = set(gold)
    for n, text in set(pred):
        counts[1, n] += 1
        counts[0, n] += (n, text) in truth
    for n, _ in truth:
        counts[2, n] += 1
    picks = np.random.default_rng(seed).integers(0, max(rows, 1), size=(draws, max(rows, 1)))
    hits, predicted, wanted = (counts[i][picks].sum(axis=1) for i in range(3))
    total = predicted + wanted
    f1 = np.where(total > 0, 2 * hits / np.maximum(total, 1), 1.0)
    low, high = np.percentile(f1, [2.5, 97.5])
    return round(float(low), 3), round(float(high), 3)


def scores(pred: dict[str, list[tuple[int, str]]], gold: dict[str, list[tuple[int, str]]],
           rows: int = 0) -> dict[str, dict[str, Any]]:
    """Precision, recall, F1, support and (``rows`` > 0) a 95% bootstrap interval per type."""
    out: dict[str, dict[str, Any]] = {}
    for kind in TYPES:
        prf = precision_recall_f1(pred[kind], gold[kind])
        out[kind] = {"precision": round(prf.precision, 3), "recall": round(prf.recall, 3),
                     "f1": round(prf.f1, 3), "support": len(gold[kind])}
        if rows:
            out[kind]["f1_95ci"] = list(f1_interval(pred[kind], gold[kind], rows))
    return out


def run(data: Path, catalog: str, settings: Settings,
        contextual: bool = USE_CONTEXT) -> dict[str, Any]:
    """Every figure: per split, new and old, per type."""
    began = time.perf_counter()
    load_tagger(settings, contextual)
    result: dict[str, Any] = {"catalog": catalog, "contextual": contextual,
                              "tagger_load_or_train_s":
                              round(time.perf_counter() - began, 2)}
    vocab = catalogue_vocabulary(data, catalog)
    for split, rows in load_split(data).items():
        gold = gold_spans(rows)
        result[split] = {"rows": len(rows),
                         "new": scores(predicted_new(rows, vocab, settings, contextual), gold,
                                       len(rows)),
                         "old": scores(predicted_old(rows, vocab), gold)}
    return result


def _table(result: dict[str, Any]) -> str:
    lines = [f"QueryNER span F1 (catalogue: {result['catalog']}, contextual features: "
             f"{result['contextual']}); dev n={result['dev']['rows']}, "
             f"test n={result['test']['rows']}",
             f"{'type':<13}{'dev new':>9}{'test new':>10}{'dev old':>9}{'test old':>10}"
             f"{'support d/t':>13}  dev new 95% CI"]
    for kind in TYPES:
        d, t = result["dev"], result["test"]
        lines.append(f"{kind:<13}{d['new'][kind]['f1']:>9.3f}{t['new'][kind]['f1']:>10.3f}"
                     f"{d['old'][kind]['f1']:>9.3f}{t['old'][kind]['f1']:>10.3f}"
                     f"{d['new'][kind]['support']:>7}/{t['new'][kind]['support']:<5}"
                     f"  {d['new'][kind]['f1_95ci'][0]:.3f}-{d['new'][kind]['f1_95ci'][1]:.3f}")
    return "\n".join(lines)


def main() -> None:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--catalog", choices=("esci", "none", "train-brands"), default="esci")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--contextual", action="store_true",
                        help="the tagger with MiniLM contextual features (not served)")
    args = parser.parse_args()
    result = run(args.data, args.catalog, Settings(), args.contextual or USE_CONTEXT)
    print(json.dumps(result, indent=1) if args.json else _table(result))


if __name__ == "__main__":
    main()
