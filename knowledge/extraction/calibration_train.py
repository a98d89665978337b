"""Training the calibrated extraction filter from the labelled gold sets (seeded, cached).

Every value the finders extract from a gold product is labelled right or wrong by the eval's
own matching (``gold.norm``, type alternatives, the guideline's label space); a logistic
regression learns P(right) from :mod:`calibration`'s features. The value reliability tables
a training row sees come from the other gold sets only (out of fold), so the model learns how
far to trust a table built without the row's own label. The threshold is chosen by
set-grouped cross-validation: the highest held-out precision whose held-out recall stays at
or above ``MIN_RECALL``, then for the key a shopper reads first (the type) the best
held-out F1 whose held-out precision stays at or above ``MIN_PRECISION``.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.extraction.calibration import (
    candidates,
    judged,
    learned_features,
    static_features,
    texts_of,
    type_head,
)
from knowledge.extraction.gold import (
    PRODUCTS,
    gold_count,
    label_space,
    norm,
    read_gold,
    right_values,
    set_name,
)
from knowledge.extraction.mentions import table_key
from knowledge.extraction.offers import add_offers

log = logging.getLogger(__name__)
NAME, VERSION = "extraction-filter", "1"
SEED = 0
# held-out recall the threshold must keep: the floor (0.75) plus 0.03 for fresh data.
# 0.80 was asked for, but the finders' own pooled held-out recall over v1-v27 is 0.799, so
# 0.80 admits no cut at all (python -m evals.extraction_calibration --min-recall 0.80)
MIN_RECALL = 0.78
# held-out precision the type's cut must keep: the floor (0.90) plus 0.025 for
# fresh data. Above it that cut maximises F1: a shopper filters, asks and compares by type,
# an unseen type is no less a type, and the head-noun guesses ``offers`` makes are recall
# the finders alone never had (a cut for sizes too bought 0.01 recall for 0.04 precision)
MIN_PRECISION = 0.925
SHOPPER_KEYS = ("type",)
FOLDS = 3  # set-grouped folds that choose the threshold (3 keep training near 30 s)
KEYS = ("type", "features", "materials", "audiences", "sizes", "colors")


@dataclass
class Candidate:
    """One extracted value of one gold product, with its label (None: outside the label space)."""

    group: str
    product_id: str
    split: str
    key: str
    value: str
    normed: str
    head: str
    where: str
    static: dict[str, float]
    right: bool | None
    table: str = ""  # the field its reliability tables are kept under (``mentions.table_key``)


@dataclass
class Labelled:
    """The candidates of some gold sets and, per (set, split, key), the gold counts."""

    candidates: list[Candidate] = field(default_factory=list)
    gold: dict[tuple[str, str, str], int] = field(default_factory=dict)


def read_products(ids: set[str], path: Path = PRODUCTS) -> dict[str, dict[str, Any]]:
    """The ESCI product rows named by ``ids``."""
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["product_id"] in ids:
                found[row["product_id"]] = row
    return found


def raw_extraction(row: dict[str, Any]) -> tuple[Any, dict[str, str]]:
    """The finders' output (unfiltered) for one ESCI product row, and the texts it read."""
    from knowledge.extraction.extract import extract

    bullets = [b for b in str(row.get("product_bullet_point") or "").splitlines() if b.strip()]
    title, description = row.get("product_title") or "", row.get("product_description") or ""
    color = row.get("product_color") or None
    brand = row.get("product_brand") or None
    result = extract(title, bullets, description, color=color, brand=brand)
    texts = texts_of(title, bullets, description, color)
    add_offers(result, title, brand, texts)  # the filter judges offers as import makes them
    return result, texts


def labelled(paths: Sequence[Path], products: Path = PRODUCTS) -> Labelled:
    """Candidates and gold counts of the given gold sets (the finders run once per product)."""
    sets = [(set_name(p), read_gold(p)) for p in paths]
    rows = read_products({g["product_id"] for _, gold in sets for g in gold}, products)
    space = label_space()
    out = Labelled()
    for group, gold in sets:
        for g in gold:
            if g["product_id"] not in rows:
                raise ValueError(
                    f"gold set {group}: product {g['product_id']} is not in {products}")
            result, texts = raw_extraction(rows[g["product_id"]])
            for key in KEYS:
                slot = (group, g["split"], key)
                out.gold[slot] = out.gold.get(slot, 0) + gold_count(g, key)
            head = type_head(result.attributes)
            seen: set[tuple[str, str]] = set()
            for key, value, own in candidates(result.attributes, result.spans):
                if (key, norm(value)) in seen:  # the eval scores each normalised value once
                    continue
                seen.add((key, norm(value)))
                right = norm(value) in right_values(g, key) if judged(space, key, value) else None
                out.candidates.append(Candidate(
                    group, g["product_id"], g["split"], key, value, norm(value), head,
                    own[0]["field"],
                    static_features(key, value, own, texts, result.attributes), right,
                    table_key(key, own)))
    return out


def offered(c: Candidate) -> bool:
    """Whether a candidate is a guess offered to the filter alone (``extraction.offers``)."""
    return any(":guess_" in name for name in c.static)


Counts = dict[tuple[str, str, str], list[float]]


def _cells(c: Candidate) -> tuple[tuple[str, str, str], ...]:
    """The table entries a candidate counts toward and reads: its value, placed, type, field."""
    key = c.table or c.key
    return (("value", key, c.normed), ("context", key, c.head),
            ("placed", key, f"{c.normed}@{c.where}"), ("prior", key, ""))


def _counts(items: Iterable[Candidate]) -> Counts:
    """[right, seen] per (table, field, entry) over the labelled candidates."""
    out: Counts = defaultdict(lambda: [0.0, 0.0])
    for c in items:
        if c.right is None:
            continue
        for cell in _cells(c):
            out[cell][0] += float(c.right)
            out[cell][1] += 1.0
    return out


def _tables(counts: Counts) -> dict[str, Any]:
    """Reliability tables (JSON-ready) from counts."""
    out: dict[str, Any] = {"value": {}, "context": {}, "placed": {}, "prior": {}}
    for (table, key, name), (hits, seen) in counts.items():
        if seen <= 0:
            continue
        if table == "prior":
            out["prior"][key] = hits / seen
        else:
            out[table].setdefault(key, {})[name] = [hits, seen]
    return out


def tables(items: Iterable[Candidate]) -> dict[str, Any]:
    """Reliability tables from labelled candidates: per value, per (field, type), per field."""
    return _tables(_counts(items))


def features(c: Candidate, table: dict[str, Any]) -> dict[str, float]:
    """All features of a candidate under the given reliability tables."""
    return {**c.static, **learned_features(c.table or c.key, c.normed, c.head, c.where, table)}


def out_of_fold(items: list[Candidate]) -> list[dict[str, float]]:
    """Features of training candidates, each with tables from the other gold sets only."""
    total = _counts(items)
    rows: list[dict[str, float]] = []
    by_group: dict[str, list[Candidate]] = defaultdict(list)
    for c in items:
        by_group[c.group].append(c)
    features_of: dict[int, dict[str, float]] = {}
    for members in by_group.values():
        own = _counts(members)
        needed = {cell for c in members for cell in _cells(c)} & total.keys()
        table = _tables({k: [total[k][0] - own[k][0], total[k][1] - own[k][1]]
                         if k in own else total[k] for k in needed})
        features_of.update((id(c), features(c, table)) for c in members)
    rows = [features_of[id(c)] for c in items]
    return rows


def _sparse(rows: list[dict[str, float]], column: dict[str, int]) -> Any:
    """The feature dicts as a sparse matrix (columns by ``column``)."""
    from scipy.sparse import csr_matrix

    data, indices, starts = [], [], [0]
    for row in rows:
        for name, number in row.items():
            if number:
                data.append(number)
                indices.append(column[name])
        starts.append(len(data))
    return csr_matrix((data, indices, starts), shape=(len(rows), len(column)), dtype=float)


def fit(items: list[Candidate], seed: int = SEED, c_value: float = 0.5) -> dict[str, Any]:
    """A logistic model of P(right) from labelled candidates (no threshold yet)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    items = [c for c in items if c.right is not None]
    if not items or len({c.right for c in items}) < 2:
        raise ValueError("the filter needs labelled values both right and wrong to train on")
    rows = out_of_fold(items)
    names = sorted({n for r in rows for n in r})
    column = {n: i for i, n in enumerate(names)}
    x = _sparse(rows, column)
    y = np.array([c.right for c in items], dtype=int)
    # scaled, not centred: the matrix stays sparse (most features belong to one field)
    scale = np.sqrt(np.asarray(x.multiply(x).mean(axis=0)).ravel())
    scale[scale == 0] = 1.0
    mean = np.zeros(len(names))
    model = LogisticRegression(C=c_value, solver="newton-cholesky", max_iter=200,
                               random_state=seed)
    model.fit(x.multiply(1.0 / scale).tocsr(), y)
    return {"name": NAME, "version": VERSION, "features": names,
            "coef": [round(float(w), 8) for w in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 8),
            "mean": [round(float(m), 8) for m in mean],
            "scale": [round(float(s), 8) for s in scale],
            "tables": tables(items), "label_space": sorted(label_space()),
            "thresholds": {"default": 0.0}}
