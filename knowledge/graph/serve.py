"""Serving: ``expand(query)`` -> the audiences, intents, attributes and categories it implies.

Served assertions are held in memory: phrases (aliases and heads) are matched lexically on
stemmed tokens, and, when nothing matches, fuzzily against a Chroma collection of phrase
embeddings. A warm call costs well under a millisecond plus, for the fuzzy path, one
cached query embedding and one vector lookup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from knowledge.expansion import Evidence, Expansion
from knowledge.graph.store import Assertion, served_assertions
from knowledge.store import Store
from knowledge.text import tokens

PHRASES = "knowledge_phrases"
FUZZY_MIN = 0.72
ALIAS_RELATIONS = ("X_IS_A", "X_WANT")


def _key(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def _ev(a: Assertion) -> Evidence:
    return Evidence(a.head, a.relation, a.tail, a.score, a.source)


@dataclass
class _Graph:
    """The served assertions, indexed for matching."""

    concepts: dict[tuple[str, ...], list[tuple[str, Assertion | None]]] = field(
        default_factory=lambda: defaultdict(list))
    needs: dict[str, list[Assertion]] = field(default_factory=lambda: defaultdict(list))
    interests: dict[str, list[Assertion]] = field(default_factory=lambda: defaultdict(list))
    type_category: dict[tuple[str, ...], str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


def _index(rows: list[Assertion], categories: set[str]) -> _Graph:
    g = _Graph()
    for a in rows:
        if a.relation in ALIAS_RELATIONS and a.head_type == "query":
            g.concepts[_key(a.head)].append((a.tail, a))
        elif a.relation == "NEEDS":
            g.needs[a.head].append(a)
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


class KnowledgeExpander:
    """The served knowledge graph behind search's query expansion and explanations."""

    def __init__(self, store: Store) -> None:
        """Load the served assertions and index their phrases (in memory and in Chroma)."""
        self.store = store
        self.reload()

    def reload(self) -> None:
        """Re-read what is served (after a build, an import or a review decision)."""
        categories = {str(c) for c in self.store.search.index.category if c}
        self.graph = _index(served_assertions(self.store.engine), categories)
        self.size = sum(len(v) for v in self.graph.needs.values())
        self._phrases = [" ".join(k) for k in self.graph.concepts]
        existing = self.store.vectors.count(PHRASES)
        if self._phrases and existing != len(self._phrases):
            self.store.vectors.delete(self.store.vectors.collection(PHRASES).get()["ids"], PHRASES)
            vectors = self.store.embedder.embed_cached(self._phrases)
            self.store.vectors.upsert(self._phrases, vectors,
                                      name=PHRASES)

    def _matches(self, query: str) -> list[tuple[tuple[str, ...], float]]:
        words = tokens(query)
        have = set(words)
        found = [(key, 1.0) for key in self.graph.concepts if set(key) <= have]
        if found or len(words) < 2 or not self._phrases:
            return found
        vector = self.store.embedder.embed_query(query)
        best = self.store.vectors.query(vector, 1, name=PHRASES)
        return [(_key(phrase), sim) for phrase, sim in best if sim >= FUZZY_MIN]

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
        for concept, confidence in concepts.items():
            kind = self.graph.kinds.get(concept, "audience")
            (exp.intents if kind == "intent" else exp.audiences).append(concept)
            for need in self.graph.needs.get(concept, []):
                weight = need.score * confidence
                if weight > exp.attributes.get(need.tail, 0.0):
                    exp.attributes[need.tail] = weight
                exp.evidence.append(_ev(need))
        if exp.attributes:
            exp.categories = self._categories(query, concepts)
        exp.evidence.sort(key=lambda e: (e.relation != "NEEDS", -e.score))
        return exp

    def _categories(self, query: str, concepts: dict[str, float]) -> dict[str, float]:
        named = self._category(query)
        if named is not None:
            return {named: 1.0}
        weights: dict[str, float] = {}
        for concept in concepts:
            for interest in self.graph.interests.get(concept, []):
                category = self.graph.type_category.get(_key(interest.tail))
                if category:
                    weights[category] = max(weights.get(category, 0.0), interest.score)
        return weights
