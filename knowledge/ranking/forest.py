"""LightGBM trees flattened into lookup tables, all trees of all members scored at once.

LightGBM's own ``predict`` walks every tree row by row and pays a fixed cost per call: for the
40 candidates of one search, a 300-tree booster costs about 0.4 ms, so an ensemble of five
would add 2 ms to every search. Here the trees are read once into tables:

* every split of a feature is one of that feature's thresholds, so a value is reduced to its
  *bin* (how many of the feature's thresholds lie below it; NaN has a bin of its own), and
  every split's decision is a function of the bin;
* a leaf is reached when the (at most two, the ranker's trees have 3 leaves) decisions on
  its path hold, so all leaves whose paths read the same one or two features sum into one
  table indexed by those features' bins.

A row's score is then one gather per table and a sum. Trees deeper than two levels, or with
a "Zero" missing-value rule, are scored by the general path (the decision table: every leaf
is "all its path's decisions hold"). The decision rule is LightGBM's numerical split
(``tree.h``): a NaN becomes 0 unless the split routes missing values; values routed as missing
(NaN, or zero for a "Zero" split) take the default side; otherwise ``value <= threshold`` goes
left.
"""

from __future__ import annotations

from typing import Any

import numpy as np

ZERO = 1e-35  # LightGBM's kZeroThreshold
MISSING = {"None": 0, "Zero": 1, "NaN": 2}


class Forest:
    """The trees of one or more boosters; :meth:`raw` is their weighted sum of leaf values.

    Every leaf is kept with the path that reaches it, as columns of the decision table
    (node goes left / node goes right), so a row's score is a sum over leaves of "all the
    path's decisions hold" times the leaf value: two column gathers and one product.
    """

    def __init__(self, boosters: list[Any], weights: list[float] | None = None) -> None:
        """Flatten ``boosters`` (each tree's leaves scaled by its booster's weight)."""
        weights = weights or [1.0] * len(boosters)
        self.num_feature = int(boosters[0].num_feature())
        nodes: list[tuple[int, float, int, bool]] = []  # feature, threshold, missing, left
        paths: list[list[int]] = []  # per leaf: decision-table columns that must hold
        values: list[float] = []

        def fill(node: dict[str, Any], weight: float, path: list[int]) -> None:
            if "split_index" not in node:
                paths.append(path)
                values.append(float(node.get("leaf_value", 0.0)) * weight)
                return
            if node.get("decision_type", "<=") != "<=":
                raise ValueError("only numerical '<=' splits can be flattened")
            i = len(nodes)
            nodes.append((int(node["split_feature"]), float(node["threshold"]),
                          MISSING[str(node.get("missing_type", "None"))],
                          bool(node.get("default_left", True))))
            fill(node["left_child"], weight, [*path, 2 * i])
            fill(node["right_child"], weight, [*path, 2 * i + 1])

        for booster, weight in zip(boosters, weights, strict=True):
            for tree in booster.dump_model()["tree_info"]:
                fill(tree["tree_structure"], weight, [])
        # histogram bins make many trees split alike: one column per distinct split, one
        # term per distinct path (their leaf values summed)
        distinct = {n: i for i, n in enumerate(dict.fromkeys(nodes))}
        column = [2 * distinct[n] for n in nodes]
        always = 2 * len(distinct)  # a column that always holds (pads shorter paths)
        self.depth = max([1] + [len(p) for p in paths])  # a one-leaf tree holds always
        terms: dict[tuple[int, ...], float] = {}
        for path, value in zip(paths, values, strict=True):
            key = tuple(sorted({column[c // 2] + c % 2 for c in path}))
            key += (always,) * (self.depth - len(key))
            terms[key] = terms.get(key, 0.0) + value
        self.feature = np.array([n[0] for n in distinct], dtype=np.intp)
        self.threshold = np.array([n[1] for n in distinct])
        self.missing = np.array([n[2] for n in distinct], dtype=np.int8)
        self.default_left = np.array([n[3] for n in distinct], dtype=bool)
        self.paths = np.array(list(terms), dtype=np.intp).reshape(-1, self.depth).T.copy()
        self.values = np.array(list(terms.values()))
        self._plain = not (self.missing == MISSING["Zero"]).any()
        self.tables = (BinTables(self) if self._plain and self.depth <= 2 and len(self.feature)
                       else None)

    def decisions(self, x: np.ndarray) -> np.ndarray:
        """For every row and node: does the row go left there? (rows x nodes)."""
        value = x[:, self.feature]
        if self._plain and not np.isnan(value).any():
            return np.asarray(value <= self.threshold)
        nan = np.isnan(value)
        kind = self.missing[None, :]
        value = np.where(nan & (kind != MISSING["NaN"]), 0.0, value)
        as_missing = ((kind == MISSING["Zero"]) & (np.abs(value) <= ZERO)) | (
            (kind == MISSING["NaN"]) & nan)
        return np.asarray(np.where(as_missing, self.default_left[None, :],
                                   value <= self.threshold))

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Sum over trees of the leaf each row of ``x`` reaches (one value per row)."""
        x = np.asarray(x, dtype=float)
        if x.ndim != 2 or x.shape[1] != self.num_feature:
            raise ValueError(f"expected rows of {self.num_feature} features, got {x.shape}")
        if self.tables is not None:
            return self.tables.raw(x)
        left = self.decisions(x)
        table = np.empty((len(x), 2 * left.shape[1] + 1), dtype=bool)
        table[:, 0:-1:2], table[:, 1:-1:2], table[:, -1] = left, ~left, True
        reached = table.take(self.paths[0], axis=1)
        for step in self.paths[1:]:
            reached &= table.take(step, axis=1)
        return np.asarray(reached.astype(float) @ self.values, dtype=float)


class BinTables:
    """A depth-2 :class:`Forest` as per-feature thresholds and one table per feature pair."""

    def __init__(self, forest: Forest) -> None:
        """Build the tables from the forest's distinct splits and leaf terms."""
        used = sorted(set(forest.feature.tolist()))
        self.features = np.array(used, dtype=np.intp)
        where = {f: k for k, f in enumerate(used)}
        cuts = [np.unique(forest.threshold[forest.feature == f]) for f in used]
        # every feature's distinct thresholds in one row, grouped by feature: a value's bin
        # is how many of its feature's thresholds lie below it
        self.cut_feature = np.repeat(self.features, [len(c) for c in cuts])
        self.cuts = np.concatenate(cuts)
        self.starts = np.cumsum([0] + [len(c) for c in cuts])[:-1].astype(np.intp)
        self.nan_bin = np.array([len(c) + 1 for c in cuts], dtype=np.intp)
        size = [len(c) + 2 for c in cuts]  # bins: 0..len(c) for numbers, len(c)+1 for NaN
        # go-left of every split, per bin of its feature
        lefts = []
        for node in range(len(forest.feature)):
            k = where[int(forest.feature[node])]
            at = int(np.searchsorted(cuts[k], forest.threshold[node]))
            left = np.arange(size[k]) <= at
            left[-1] = (bool(forest.default_left[node]) if forest.missing[node] == MISSING["NaN"]
                        else 0.0 <= forest.threshold[node])  # a NaN read as 0
            lefts.append(left)
        always = 2 * len(forest.feature)
        self.constant = 0.0
        tables: dict[tuple[int, ...], np.ndarray] = {}
        for path, value in zip(forest.paths.T.tolist(), forest.values.tolist(), strict=True):
            holds = [(where[int(forest.feature[c // 2])], lefts[c // 2] ^ bool(c % 2))
                     for c in path if c != always]
            if not holds:
                self.constant += value
                continue
            if len(holds) == 2 and holds[0][0] == holds[1][0]:  # two splits of one feature
                holds = [(holds[0][0], holds[0][1] & holds[1][1])]
            holds.sort(key=lambda h: h[0])
            key = tuple(h[0] for h in holds)
            grid = np.outer(holds[0][1], holds[1][1]) if len(holds) == 2 else holds[0][1]
            tables[key] = tables.get(key, np.zeros(grid.shape)) + value * grid
        # one flat array; a table of one feature reads a second "feature" whose bin is 0
        none = len(used)
        self.first = np.array([k[0] for k in tables], dtype=np.intp)
        self.second = np.array([k[1] if len(k) == 2 else none for k in tables], dtype=np.intp)
        self.stride = np.array([t.shape[1] if t.ndim == 2 else 1 for t in tables.values()],
                               dtype=np.intp)
        self.offset = np.cumsum([0] + [t.size for t in tables.values()])[:-1].astype(np.intp)
        self.flat = (np.concatenate([t.ravel() for t in tables.values()]) if tables
                     else np.zeros(0))

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The forest's score of every row of ``x`` (rows x all features)."""
        below = (x[:, self.cut_feature] > self.cuts).view(np.int8)
        bins = np.add.reduceat(below, self.starts, axis=1, dtype=np.intp)
        nan = np.isnan(x[:, self.features])
        if nan.any():
            bins = np.where(nan, self.nan_bin[None, :], bins)
        bins = np.concatenate([bins, np.zeros((len(x), 1), dtype=np.intp)], axis=1)
        at = self.offset + bins[:, self.first] * self.stride + bins[:, self.second]
        return np.asarray(self.flat[at].sum(axis=1) + self.constant, dtype=float)


def _count(node: dict[str, Any]) -> tuple[int, int]:
    """(internal nodes, leaves) of a dumped tree."""
    if "split_index" not in node:
        return 0, 1
    left, right = _count(node["left_child"]), _count(node["right_child"])
    return left[0] + right[0] + 1, left[1] + right[1]
