"""Needs a query states in words the catalogue's own features are made of.

A shopper names the problem, and the asked type's features name what answers it in the same
words: "sneakers ... they ban shoes that mark the court" -> non-marking, "a bowl for a toddler
who spills everything" -> spill-proof, "serum for dehydrated skin" -> hydrating, "boots for
sweaty feet" -> sweat-proof. Only the features products *of the asked type* carry are read
(so "black scuffs" never reads a colour, nor "backpack" a packable tent), and only from the
query's words outside the type's own name. Works for any catalogue whose products carry a
``features`` attribute (given, or extracted at import).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from knowledge.expansion import Expansion
from knowledge.text import STOPWORDS
from knowledge.type_names import head_words

SAID_WEIGHT = 0.5  # as strong as a need the knowledge states outright (search's full_need)
MIN_ROOT = 4
# words of a feature name that say how, not what: "non-marking" is about marks
AFFIXES = frozenset("""non anti free proof resistant resistance safe friendly repellent fit
easy on off high low extra super ultra pro plus""".split())
_SUFFIX = re.compile(r"(?:able|ible|ing|ed|ive|ion|er|es|s|y)$")
_PREFIX = re.compile(r"^(?:de|un|non|anti)(?=[a-z]{4})")
_WORD = re.compile(r"[a-z]+")


def roots(feature: str) -> set[str]:
    """The word roots a feature name is about: "non-marking" -> {mark}.

    Roots shorter than four letters are too vague to read ("dur" of durable).
    """
    out = set()
    for part in _WORD.findall(feature.lower()):
        root = _SUFFIX.sub("", part)
        if part not in AFFIXES and len(root) >= MIN_ROOT:
            out.add(root)
    return out


def said_words(query: str) -> list[str]:
    """The query's content words outside its head phrase, prefixes dropped.

    "serum for dehydrated skin" -> [hydrated, skin].
    """
    head = set(head_words(query))
    words = [w for w in _WORD.findall(query.lower()) if w not in head and w not in STOPWORDS]
    return [_PREFIX.sub("", w) for w in words]


def said_needs(query: str, index: Any, of_type: np.ndarray) -> dict[str, float]:
    """Features of the asked type's products that the query's words name (feature -> weight)."""
    words = said_words(query)
    if not words:
        return {}
    features: set[str] = set()
    for pos in np.flatnonzero(of_type > 0):
        features |= index.features[int(pos)]
    found = {}
    for feature in features:
        if any(w.startswith(r) for r in roots(feature) for w in words):
            found[feature] = SAID_WEIGHT
    return found


def with_said_needs(exp: Expansion | None, query: str, index: Any,
                    of_type: np.ndarray) -> Expansion | None:
    """``exp`` (or a fresh expansion) with the needs the query's words name added."""
    return with_needs(exp, query, said_needs(query, index, of_type))


def with_needs(exp: Expansion | None, query: str, found: dict[str, float]) -> Expansion | None:
    """``exp`` (or a fresh expansion) with ``found`` needs (an earlier, higher weight stays)."""
    if not found:
        return exp
    exp = exp if exp is not None else Expansion(query=query)
    for feature, weight in found.items():
        exp.attributes[feature] = max(weight, exp.attributes.get(feature, 0.0))
    return exp
