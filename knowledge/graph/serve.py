"""Serving: ``expand(query)`` -> the audiences, intents, attributes and categories it implies.

Served assertions are held in memory: phrases (aliases and heads) are matched lexically on
stemmed tokens, and, when nothing matches, fuzzily against a Chroma collection of phrase
embeddings. A warm call costs well under a millisecond plus, for the fuzzy path, one
cached query embedding and one vector lookup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge.expansion import Evidence, Expansion
from knowledge.graph.card_lines import CardLines
from knowledge.graph.compounds import bound_parts
from knowledge.graph.evidence import Lexicon
from knowledge.graph.masks import CatalogueEvidence
from knowledge.graph.store import Assertion, served_assertions
from knowledge.store import Store
from knowledge.text import tokens

PHRASES = "knowledge_phrases"
FUZZY_MIN = 0.72
ALIAS_RELATIONS = ("X_IS_A", "X_WANT")
UNTYPED_WITH_TYPE = 0.4  # weight of a need with no product types when the query names a type
TYPED_WITHOUT_TYPE = 0.6  # weight of a type-specific need when the query names no type
SHARPEN = 3.0  # need weights are raised to this power so the strongest need leads the ranking
TYPE_MISS = 0.25  # knowledge-list weight of a product whose title names none of the asked types


def _key(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def _ev(a: Assertion) -> Evidence:
    return Evidence(a.head, a.relation, a.tail, a.score, a.source,
                    str((a.evidence or {}).get("why", "")))


def _for_types(a: Assertion) -> frozenset[str]:
    """The product-type words a need is stated for (empty: any product)."""
    names = (a.evidence or {}).get("for") or []
    return frozenset(w for name in names for w in tokens(str(name)))


@dataclass
class _Graph:
    """The served assertions, indexed for matching."""

    concepts: dict[tuple[str, ...], list[tuple[str, Assertion | None]]] = field(
        default_factory=lambda: defaultdict(list))
    needs: dict[str, list[Assertion]] = field(default_factory=lambda: defaultdict(list))
    interests: dict[str, list[Assertion]] = field(default_factory=lambda: defaultdict(list))
    type_category: dict[tuple[str, ...], str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    need_types: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    need_for: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    type_words: set[str] = field(default_factory=set)


def _index(rows: list[Assertion], categories: set[str]) -> _Graph:
    g = _Graph()
    for a in rows:
        if a.relation in ALIAS_RELATIONS and a.head_type == "query":
            g.concepts[_key(a.head)].append((a.tail, a))
        elif a.relation == "NEEDS":
            g.needs[a.head].append(a)
            g.need_types[(a.head, a.tail)] = _for_types(a)
            g.need_for[(a.head, a.tail)] = tuple(
                tuple(tokens(str(n))) for n in (a.evidence or {}).get("for") or [])
            g.type_words |= {phrase[-1] for phrase in g.need_for[(a.head, a.tail)] if phrase}
            g.concepts[_key(a.head)].append((a.head, None))
            g.kinds[a.head] = a.head_type
        elif a.relation == "X_INTERESTED_IN":
            g.interests[a.head].append(a)
        elif a.relation == "IS_A" and a.tail in categories:
            g.type_category[_key(a.head)] = a.tail
    for category in categories:
        g.type_category[_key(category.replace("_", " "))] = category
    g.concepts.pop((), None)
    return g


class KnowledgeExpander(CardLines):
    """The served knowledge graph behind search's query expansion and explanations."""

    def __init__(self, store: Store, lexicon: Lexicon | None = None, *,
                 gate: bool | None = None) -> None:
        """Load the served assertions and index their phrases (in memory and in Chroma).

        ``gate`` turns the served-line gate on or off (default: ``served_line_gate``).
        """
        self.store = store
        self.lexicon = lexicon or Lexicon()
        self._gate = False if (store.settings.served_line_gate if gate is None else gate) else None
        self.masks = CatalogueEvidence(store.engine, self.lexicon)
        self._catalogue: tuple[int, int] = (0, 0)
        self.reload()

    def reload(self) -> None:
        """Re-read what is served (after a build, an import or a review decision)."""
        self.masks.clear()
        self._unread_cache: dict[str, tuple[frozenset[str], ...]] = {}
        self._read_len_cache: dict[str, dict[str, int]] = {}
        categories = {str(c) for c in self.store.search.index.category if c}
        self.graph = _index(served_assertions(self.store.engine), categories)
        self.size = sum(len(v) for v in self.graph.needs.values())
        self._concept_words = [(key, frozenset(key)) for key in self.graph.concepts]
        self._phrases = [" ".join(k) for k in self.graph.concepts]
        existing = self.store.vectors.count(PHRASES)
        if self._phrases and existing != len(self._phrases):
            self.store.vectors.delete(self.store.vectors.collection(PHRASES).get()["ids"], PHRASES)
            vectors = self.store.embedder.embed_cached(self._phrases)
            self.store.vectors.upsert(self._phrases, vectors,
                                      name=PHRASES)
        self._phrase_vectors = self._phrase_matrix()

    def _phrase_matrix(self) -> np.ndarray:
        """The phrases' stored embeddings, one row per phrase (held in memory for matching).

        A cosine nearest neighbour over ~1,000 rows costs microseconds here; a Chroma query
        costs 2-5 ms of a search.
        """
        if not self._phrases:
            return np.zeros((0, self.store.embedder.dimension), dtype=np.float32)
        stored = self.store.vectors.vectors_for(self._phrases, PHRASES)
        missing = [p for p in self._phrases if p not in stored]
        if missing:
            stored.update(zip(missing, self.store.embedder.embed_cached(missing), strict=True))
        return np.stack([stored[p] for p in self._phrases]).astype(np.float32)

    def _matches(self, query: str) -> list[tuple[tuple[str, ...], float]]:
        words = tokens(query)
        have = set(words)
        bound = bound_parts(query)
        found = [(key, 1.0) for key, needed in self._concept_words if needed <= have
                 and all(bound[w] in needed for w in needed & bound.keys())]
        if found or len(words) < 2 or not self._phrases:
            return found
        similarity = self._phrase_vectors @ self.store.embedder.embed_query(query)
        best = int(np.argmax(similarity))
        if float(similarity[best]) < FUZZY_MIN:
            return []
        return [(_key(self._phrases[best]), float(similarity[best]))]

    def _shadowed(self, query: str,
                  matches: list[tuple[tuple[str, ...], float]]) -> frozenset[str]:
        """Concepts read only from a phrase the query says as the head of a longer one.

        "slippers for a teen who walks on cold tile" says "cold tile" (always cold), not
        "tile" (slippery floors); "a senior dog" is a senior pet, not any pet owner's dog. A
        modifier keeps its own sense ("cold" in "cold mornings" is still cold weather), so only
        the longer phrase's last words are shadowed, and only when the longer phrase reads other
        concepts and its words are said together. Ranking still uses them; lines do not.
        ``matches``: the query's phrase matches (:meth:`_matches`), read once by the caller.
        """
        words = tokens(query)
        said = f" {' '.join(words)} "
        found = [key for key, confidence in matches if confidence == 1.0]
        runs = [key for key in found if len(key) > 1 and f" {' '.join(key)} " in said]
        if not runs:
            return frozenset()

        def reads(key: tuple[str, ...]) -> set[str]:
            return {concept for concept, _ in self.graph.concepts[key]}

        hidden: set[str] = set()
        kept: set[str] = set()
        for key in found:
            if any(len(key) < len(run) and run[-len(key):] == key
                   and not reads(key) <= reads(run) for run in runs):
                hidden |= reads(key)
            else:
                kept |= reads(key)
        return frozenset(hidden - kept)

    def _category(self, query: str) -> str | None:
        have = set(tokens(query))
        named = [(len(k), c) for k, c in self.graph.type_category.items() if k and set(k) <= have]
        return max(named)[1] if named else None

    def expand(self, query: str) -> Expansion:
        """Intents, audiences, needed attributes and categories for ``query``, with evidence."""
        exp = Expansion(query=query)
        concepts: dict[str, float] = {}
        for key, confidence in self._matches(query):
            for concept, alias in self.graph.concepts[key]:
                concepts[concept] = max(concepts.get(concept, 0.0), confidence)
                if alias is not None:
                    exp.evidence.append(_ev(alias))
        named_types = set(tokens(query)) & self.graph.type_words
        exp.product_types = sorted(named_types)
        for concept, confidence in concepts.items():
            kind = self.graph.kinds.get(concept, "audience")
            (exp.intents if kind == "intent" else exp.audiences).append(concept)
            needs = self.graph.needs.get(concept, [])
            specific = any(self.graph.need_types.get((n.head, n.tail), frozenset()) & named_types
                           for n in needs)
            for need in needs:
                fit = self._type_fit(need, named_types, specific)
                if fit == 0.0:
                    continue
                weight = (need.score * confidence * fit) ** SHARPEN
                if weight > exp.attributes.get(need.tail, 0.0):
                    exp.attributes[need.tail] = weight
                exp.evidence.append(_ev(need))
        if exp.attributes:
            exp.categories = self._categories(query, concepts, bool(named_types))
        exp.evidence.sort(key=lambda e: (e.relation != "NEEDS", -e.score))
        return exp

    def _type_fit(self, need: Assertion, named: set[str], specific: bool) -> float:
        """How well a need's product types fit the types the query names (0: not at all).

        A need stated for no type is generic: it yields to the concept's needs stated for the
        named type (``specific``), and stands in full when the concept has none.
        """
        wanted = self.graph.need_types.get((need.head, need.tail), frozenset())
        if not wanted:
            return UNTYPED_WITH_TYPE if named and specific else 1.0
        if not named:
            return TYPED_WITHOUT_TYPE
        return 1.0 if wanted & named else 0.0

    # -- products: which have a needed attribute, and the lines that say so ------------------

    def attribute_mask(self, tag: str, index: Any, positions: np.ndarray | None = None
                       ) -> np.ndarray:
        """Products having ``tag``: as a tag, an attribute value or un-negated listing text.

        ``index`` is search's ``CatalogIndex``; with ``positions`` only those products are
        checked (the rest read False), which keeps a query's cost to its candidates.
        """
        self._follow(index)
        found = np.asarray(index.tag_mask(tag), dtype=bool).copy()
        shown = self.masks.mask(tag, index.ids)
        if positions is None:
            found |= shown
            return found
        todo = np.asarray(positions, dtype=int)
        found[todo] |= shown[todo]
        return found

    def warm(self) -> None:
        """Compute every served need's product mask now (at start-up), not on a query.

        About a second for 5,000 products on 2 cores; a shopper's first query with a need
        then costs no listing scan. The served-line gate is loaded (or built) here too.
        """
        self.line_gate()
        index = self.store.search.index
        self._follow(index)
        for tag in sorted({need.tail for needs in self.graph.needs.values() for need in needs}):
            index.tag_mask(tag)
            self.masks.mask(tag, index.ids)

    def _follow(self, index: Any) -> None:
        """Forget per-product evidence when search's catalogue index changed."""
        size = (id(index), len(index))
        if size != self._catalogue:
            self.masks.clear()
            self._catalogue = size

    def type_weights(self, exp: Expansion, index: Any, positions: np.ndarray) -> np.ndarray:
        """1 for products whose title names a type the query asks for, else ``TYPE_MISS``.

        All ones when the query names no known type. Only ``positions`` are read.
        """
        weights = np.ones(len(index))
        if not exp.product_types:
            return weights
        wanted = set(exp.product_types)
        self._follow(index)
        for pos, words in zip(positions, self.masks.title_words(index.ids, positions),
                              strict=True):
            if not wanted & words:
                weights[int(pos)] = TYPE_MISS
        return weights

    def _categories(self, query: str, concepts: dict[str, float], typed: bool
                    ) -> dict[str, float]:
        named = self._category(query)
        if named is not None:
            return {named: 1.0}
        if typed:  # the query names a product type: the audience's usual categories do not apply
            return {}
        weights: dict[str, float] = {}
        for concept in concepts:
            for interest in self.graph.interests.get(concept, []):
                category = self.graph.type_category.get(_key(interest.tail))
                if category:
                    weights[category] = max(weights.get(category, 0.0), interest.score)
        return weights
