"""Training the served-line gate from the labelled lines committed in ``evals/data``.

Each labelled line (``served_labels*.jsonl``: query, heads, attribute, title, line and the
three labels of ``served_labelling_guideline.md``) is right when all three labels are 1. The
model is a logistic regression on :mod:`knowledge.graph.gate_features` plus three label rates
learned from other queries: how often lines for the same (head, attribute) pair, the same
head and the same attribute were right. Rates for a training line leave its own query out, so
the model learns how far to trust a rate it has not seen the answer of.

The gate withholds the lines scoring below the ``WITHHOLD`` quantile of the out-of-fold scores
(5 folds grouped by query): a threshold chosen on the training lines alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.graph.evidence import Lexicon
from knowledge.graph.gate_features import FEATURES, Embed, HeadBook, Line, numbers

LABELS = Path(__file__).resolve().parents[2] / "evals" / "data"
SMOOTH = 10.0  # a rate counts as this many lines of the prior (forward v12-v15: beat 2, 5, 20)
WITHHOLD = 0.2  # share of training lines (out of fold) scoring lowest: their score is the bar
FOLDS = 5
RATES = ("pair_rate_min", "pair_rate_max", "head_rate_min", "attr_rate", "pair_seen")
Row = dict[str, Any]


def label_files(folder: Path = LABELS) -> list[Path]:
    """Every committed file of labelled served lines."""
    return sorted(folder.glob("served_labels*.jsonl"))


def labelled_rows(paths: Iterable[Path]) -> list[Row]:
    """The labelled lines, each served line once (rows set aside when labelled are left out).

    A census labelled again at other code (``served_labels_v20_at_<rev>.jsonl``) repeats the
    lines both codes served; counting them twice would weigh those queries double in the gate.
    """
    rows, seen = [], set()
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                row = json.loads(raw)
                key = _line_key(row)
                if "excluded" not in row and key not in seen:
                    seen.add(key)
                    rows.append(row)
    return rows


def _line_key(row: Row) -> tuple[str, ...]:
    """What makes a labelled line the same: catalogue, query, card and what it says."""
    fields = ("catalogue", "query", "product_id", "attribute", "line")
    return tuple(str(row.get(field, "")) for field in fields)


def right(row: Row) -> int:
    """1 when all three labels say the line is correct."""
    return int(all(int(row[k]) == 1 for k in ("knowledge", "product", "sentence")))


def as_line(row: Row) -> Line:
    """The gate's view of a labelled row."""
    return Line(row["query"], tuple(row["heads"]), row["attribute"], row["title"], row["line"])


class Rates:
    """Label counts per (head, attribute), head and attribute, kept per query."""

    def __init__(self, rows: list[Row]) -> None:
        """Count the rows' labels."""
        self.prior = float(np.mean([right(r) for r in rows])) if rows else 0.8
        self.tables: dict[str, dict[str, dict[str, list[int]]]] = {
            "pair": defaultdict(lambda: defaultdict(lambda: [0, 0])),
            "head": defaultdict(lambda: defaultdict(lambda: [0, 0])),
            "attr": defaultdict(lambda: defaultdict(lambda: [0, 0]))}
        for row in rows:
            for name, key in self._keys(row):
                cell = self.tables[name][key][row["query"]]
                cell[0] += right(row)
                cell[1] += 1

    @staticmethod
    def _keys(row: Row) -> list[tuple[str, str]]:
        attribute = row["attribute"]
        keys = [("attr", attribute)]
        for head in row["heads"]:
            keys += [("pair", f"{head}|{attribute}"), ("head", head)]
        return keys

    def totals(self) -> dict[str, dict[str, list[int]]]:
        """Per-key totals over all queries (what the served gate reads)."""
        return {name: {key: [sum(c[0] for c in cells.values()), sum(c[1] for c in cells.values())]
                       for key, cells in table.items()}
                for name, table in self.tables.items()}

    def features(self, row: Row, leave_out: str | None) -> list[float]:
        """The rates for ``row``, leaving ``leave_out``'s lines out of the counts."""
        def count(name: str, key: str) -> tuple[int, int]:
            cells = self.tables[name].get(key, {})
            ok = sum(c[0] for q, c in cells.items() if q != leave_out)
            return ok, sum(c[1] for q, c in cells.items() if q != leave_out)
        return rate_features(row["heads"], row["attribute"], count, self.prior)


def rate_features(heads: Iterable[str], attribute: str, count: Any, prior: float) -> list[float]:
    """``RATES`` from a counting function ``count(table, key) -> (right, lines)``."""
    def rate(name: str, key: str) -> tuple[float, int]:
        ok, n = count(name, key)
        return (ok + SMOOTH * prior) / (n + SMOOTH), n
    heads = list(heads) or [""]
    pairs = [rate("pair", f"{h}|{attribute}") for h in heads]
    head_rates = [rate("head", h)[0] for h in heads]
    return [min(p for p, _ in pairs), max(p for p, _ in pairs), min(head_rates),
            rate("attr", attribute)[0], float(np.log1p(max(n for _, n in pairs)))]


def matrix(rows: list[Row], base: np.ndarray, rates: Rates) -> np.ndarray:
    """Base features beside the rates (each row's own query left out)."""
    extra = np.array([rates.features(r, r["query"]) for r in rows], dtype=float)
    return np.hstack([base, extra])


def fit(x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """A standardised logistic regression, as plain numbers."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0])}


def score(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Probability of being right for each row of ``x``."""
    z = ((x - np.asarray(model["mean"])) / np.asarray(model["scale"])) @ np.asarray(
        model["coef"]) + model["intercept"]
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def folds(rows: list[Row], k: int = FOLDS) -> list[np.ndarray]:
    """Row indices of ``k`` folds, grouped by query (a fixed hash, not a random draw)."""
    import hashlib

    out: list[list[int]] = [[] for _ in range(k)]
    for i, row in enumerate(rows):
        out[int(hashlib.sha1(row["query"].encode()).hexdigest(), 16) % k].append(i)
    return [np.asarray(f, dtype=int) for f in out]


def out_of_fold(rows: list[Row], base: np.ndarray) -> np.ndarray:
    """Each row's score from a model trained without its query's fold."""
    y = np.array([right(r) for r in rows])
    scores = np.zeros(len(rows))
    for held in folds(rows):
        train = np.setdiff1d(np.arange(len(rows)), held)
        part = [rows[i] for i in train]
        rates = Rates(part)
        model = fit(matrix(part, base[train], rates), y[train])
        test = np.array([rates.features(rows[i], None) for i in held], dtype=float)
        scores[held] = score(model, np.hstack([base[held], test]))
    return scores


def base_features(rows: list[Row], embed: Embed, lexicon: Lexicon | None = None) -> np.ndarray:
    """:data:`FEATURES` for every row."""
    book, lex = HeadBook.from_seed(), lexicon or Lexicon()
    return np.array([numbers(as_line(r), book, lex, embed) for r in rows], dtype=float)


def train(rows: list[Row], embed: Embed) -> dict[str, Any]:
    """The gate: model, rate tables and the withholding bar, as JSON-ready numbers."""
    base = base_features(rows, embed)
    y = np.array([right(r) for r in rows])
    rates = Rates(rows)
    model = fit(matrix(rows, base, rates), y)
    oof = out_of_fold(rows, base)
    bar = float(np.quantile(oof, WITHHOLD))
    return {"features": [*FEATURES, *RATES], "model": model, "bar": bar,
            "prior": rates.prior, "rates": rates.totals(), "lines": len(rows)}
