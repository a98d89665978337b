"""Catalogue vocabulary as tagger features: which known terms (brands, colours...) a query holds.

A :class:`Gazetteer` maps multi-word terms to labels. The tagger sees, for every token,
whether it begins or continues a known term of each label, so one trained model serves
any catalogue: the store's own brand column, colours and product types are applied at
inference time instead of being baked into the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

MAX_TERM_TOKENS = 5
_EDGE = "\"'“”‘’,.?!;:()[]{}"
_PLURAL = re.compile(r"(?<=[a-z]{3})(?:es|s)$")


def norm_token(token: str) -> str:
    """A token as the tagger and gazetteer compare it: lower case, edge punctuation removed."""
    low = token.lower().strip(_EDGE)
    return low or token.lower()


def singular(token: str) -> str:
    """Crude singular form, for matching "sneakers" against the term "sneaker"."""
    if token.endswith("ss") or len(token) <= 3:
        return token
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    return token[:-1] if token.endswith("s") else token


@dataclass
class Gazetteer:
    """Known terms per label (lower-case token tuples -> (label, canonical value))."""

    terms: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_terms(cls, **by_label: Iterable[str] | Mapping[str, str]) -> Gazetteer:
        """Build from ``label=terms``; a mapping gives each term its canonical value."""
        gaz = cls()
        for label, terms in by_label.items():
            pairs = terms.items() if isinstance(terms, Mapping) else ((t, t) for t in terms)
            for term, canonical in pairs:
                gaz.add(label, term, canonical)
        return gaz

    def add(self, label: str, term: str, canonical: str | None = None) -> None:
        """Register ``term`` (any case, several words allowed) under ``label``."""
        key = tuple(norm_token(t) for t in re.split(r"[\s_]+", term.strip()) if t)
        if not key or len(key) > MAX_TERM_TOKENS:
            return
        self.terms.setdefault(key, {}).setdefault(label, canonical or term)
        if len(key[-1]) > 3:
            plural = (*key[:-1], singular(key[-1]))
            self.terms.setdefault(plural, {}).setdefault(label, canonical or term)

    def merged(self, other: Gazetteer | None) -> Gazetteer:
        """A new gazetteer holding the terms of both (``other`` adds labels, never replaces)."""
        out = Gazetteer({k: dict(v) for k, v in self.terms.items()})
        for key, labels in (other.terms.items() if other else ()):
            for label, canonical in labels.items():
                out.terms.setdefault(key, {}).setdefault(label, canonical)
        return out

    def matches(self, words: list[str]) -> list[tuple[int, int, str, str]]:
        """Every (start, end, label, canonical) term match over normalised ``words``."""
        found = []
        n = len(words)
        for start in range(n):
            for end in range(min(n, start + MAX_TERM_TOKENS), start, -1):
                key = tuple(words[start:end])
                labels = self.terms.get(key)
                if labels is None and end - start >= 1:
                    labels = self.terms.get((*key[:-1], singular(key[-1])))
                for label, canonical in (labels or {}).items():
                    found.append((start, end, label, canonical))
        return found

    def token_features(self, words: list[str]) -> list[dict[str, float]]:
        """Per-token features ``gaz:<label>:B|I`` (begin / inside a known term)."""
        feats: list[dict[str, float]] = [{} for _ in words]
        for start, end, label, _ in self.matches(words):
            feats[start][f"gaz:{label}:B"] = 1.0
            for i in range(start + 1, end):
                feats[i][f"gaz:{label}:I"] = 1.0
        return feats

    def lookup(self, label: str, text: str) -> str | None:
        """The canonical value of ``text`` as a known ``label`` term (None when unknown)."""
        key = tuple(norm_token(t) for t in text.split())
        if not key:
            return None
        for candidate in (key, (*key[:-1], singular(key[-1]))):
            value = self.terms.get(candidate, {}).get(label)
            if value is not None:
                return value
        return None

    def __len__(self) -> int:
        """Number of distinct term keys."""
        return len(self.terms)


@dataclass
class GazetteerStack:
    """Several gazetteers read as one (no copying: the catalogue's plus the learned one)."""

    layers: tuple[Gazetteer, ...]

    def token_features(self, words: list[str]) -> list[dict[str, float]]:
        """The union of every layer's ``gaz:<label>:B|I`` features."""
        feats: list[dict[str, float]] = [{} for _ in words]
        for layer in self.layers:
            for mine, theirs in zip(feats, layer.token_features(words), strict=True):
                mine.update(theirs)
        return feats
