"""Needs read by likeness to the asked type's own features.

A shopper states a need in their own words ("a leash for walking the dog on unlit lanes",
"a power bank for a long weekend off grid"); the seed's phrases may not hold those words, but
the products of the asked type carry only a handful of features, and each feature says what
it does ("Reflective: reflects light back in the dark", "Long battery life: runs a long time
on a charge"), with a few plain phrases of the same (``graph/feature_said.jsonl``: "not
heavy", "visible in headlights"). The query's words outside the type's own name are compared
(sentence embeddings) with each feature's label and benefit and those phrases (the closest
counts); a feature close enough joins the query's needs, weighted by how close. Only
features that products of the asked type carry are read, so a need never pulls in another
type, and the ranking still checks every product for the feature in its own listing (a read
need earns no evidence line: lines come from the knowledge's stated needs only).
Works for any catalogue whose products carry ``features`` (given, or extracted at import).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.expansion import Expansion
from knowledge.said_needs import said_words, with_needs

MIN_LIKENESS = 0.20  # below this a feature is not read
FULL_LIKENESS = 0.40  # at or above this the read need weighs as much as a stated one
NEAR_BEST = 0.05  # a second feature within this of the best is read too
WARM_MOST = 400  # features embedded up front (a few seconds at most, once)
MAX_WEIGHT = 0.5  # search's full_need: the strongest a read need ranks
# materials a shopper may need for what they do (a product's material is one of its tags);
# plain everyday materials (cotton, plastic, rubber, polyester, ...) say too little to read
MATERIALS = {
    "merino wool": "Merino wool: soft warm wool that wicks sweat and resists odour",
    "fleece": "Fleece: soft, warm and cosy",
    "down": "Down: very warm for its weight and packs small",
    "hyaluronic acid": "Hyaluronic acid: draws water into the skin and holds it there",
    "shea butter": "Shea butter: rich plant butter that softens and moisturises",
    "cocoa butter": "Cocoa butter: rich butter that softens and moisturises dry skin",
    "aloe": "Aloe: cools and soothes irritated or sunburnt skin",
    "zinc oxide": "Zinc oxide: mineral sunblock that shields skin from the sun",
    "memory foam": "Memory foam: moulds to the body for comfort",
    "silicone": "Silicone: soft, flexible and food-safe",
    "sisal": "Sisal: tough natural fibre that stands up to scratching",
    "cork": "Cork: natural, grippy and sustainable",
    "stainless steel": "Stainless steel: durable, rust-free and easy to clean",
    "cast iron": "Cast iron: holds heat evenly and lasts for generations",
    "glass": "Glass: does not stain, hold smells or leach chemicals",
    "mesh": "Mesh: open weave that lets air through",
    "ripstop": "Ripstop: tear-resistant woven fabric",
    "leather": "Leather: durable natural material that wears in well",
    "neoprene": "Neoprene: soft cushioned coating that grips",
    "tpe": "TPE: latex-free, non-toxic rubbery material",
    "knit": "Knit: stretchy, breathable knitted fabric",
}


def describe(feature: str, lexicon: Any) -> str:
    """The feature's label and benefit ("Reflective: reflects light back in the dark")."""
    if feature in MATERIALS:
        return MATERIALS[feature]
    entry = lexicon.entry(feature) if lexicon is not None else None
    label = entry.label if entry is not None else feature.replace("-", " ")
    benefit = entry.benefit if entry is not None else ""
    return f"{label}: {benefit}" if benefit else label


SAID = Path(__file__).resolve().parent / "graph" / "feature_said.jsonl"


def _said_phrases(path: Path = SAID) -> dict[str, tuple[str, ...]]:
    """Short phrases of what each feature does, in plain words (``feature_said.jsonl``)."""
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return {str(r["feature"]): tuple(r.get("said") or ()) for r in rows}


# Feature descriptions embedded once per process (model, backend, text): a process that opens
# several stores (tests, the eval harness) no longer re-embeds the same few hundred texts.
_TEXT_VECTORS: dict[tuple[str, str, str], np.ndarray] = {}


class LikelyNeeds:
    """Reads, for one catalogue, which of the asked type's features a query's words are like."""

    def __init__(self, embedder: Any) -> None:
        """Keep the embedder; feature descriptions are embedded once each, on first use."""
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}
        self._said = _said_phrases()
        self._warmed: tuple[int, int] = (0, 0)

    def warm(self, index: Any, lexicon: Any) -> None:
        """Embed the catalogue's commonest features once, not on a shopper's query.

        Once per catalogue index; the rarest features (beyond ``WARM_MOST``) wait for a query.
        """
        key = (id(index), len(index))
        if key == self._warmed:
            return
        self._warmed = key
        counts: Counter[str] = Counter()
        for features, tags in zip(index.features, index.tags, strict=True):
            counts.update(features)
            counts.update(tags & MATERIALS.keys())
        for feature, _ in counts.most_common(WARM_MOST):
            self._feature_vectors(feature, lexicon)

    def _feature_vectors(self, feature: str, lexicon: Any) -> np.ndarray:
        """The feature's description and plain phrases, embedded once (one text a run)."""
        found = self._vectors.get(feature)
        if found is None:
            texts = [describe(feature, lexicon), *self._said.get(feature, ())]
            found = np.stack([self._text_vector(t) for t in texts])
            self._vectors[feature] = found
        return found

    def _text_vector(self, text: str) -> np.ndarray:
        """One description's vector, shared by every store of the process using the same model."""
        key = (str(getattr(self.embedder, "model_name", "")),
               str(getattr(self.embedder, "backend", "")), text)
        found = _TEXT_VECTORS.get(key)
        if found is None:
            found = self.embedder.embed([text])[0]
            _TEXT_VECTORS[key] = found
        return found

    def read(self, query: str, features: set[str], lexicon: Any) -> dict[str, float]:
        """Features of ``features`` the query's situation words are like (feature -> weight)."""
        words = said_words(query)
        if not words or not features:
            return {}
        names = sorted(features)
        said = self.embedder.embed_query(" ".join(words))
        likeness = np.array([float((self._feature_vectors(n, lexicon) @ said).max())
                             for n in names])
        best = float(likeness.max())
        if best < MIN_LIKENESS:
            return {}
        found = {}
        for name, value in zip(names, likeness.tolist(), strict=True):
            if value >= MIN_LIKENESS and value >= best - NEAR_BEST:
                share = min(1.0, (value - MIN_LIKENESS) / (FULL_LIKENESS - MIN_LIKENESS))
                found[name] = MAX_WEIGHT * max(0.5, share)
        return found


def type_features(index: Any, of_type: np.ndarray) -> set[str]:
    """The features (and telling materials) the asked type's products carry."""
    features: set[str] = set()
    for pos in np.flatnonzero(of_type > 0):
        features |= index.features[int(pos)]
        features |= index.tags[int(pos)] & MATERIALS.keys()
    return features


def with_likely_needs(exp: Expansion | None, query: str, index: Any, of_type: np.ndarray,
                      reader: LikelyNeeds, lexicon: Any) -> Expansion | None:
    """``exp`` (or a fresh expansion) with the type's features the query's words are like.

    A need the knowledge or the query's own words already read keeps its (higher) weight.
    """
    reader.warm(index, lexicon)
    return with_needs(exp, query, reader.read(query, type_features(index, of_type), lexicon))
