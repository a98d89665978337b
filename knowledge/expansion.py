"""The contract between commonsense knowledge and search: what a query *means*.

The knowledge graph (``knowledge.graph``) implements :class:`Expander`; search calls it
inside ``search()`` so every caller gets query expansion, attribute boosting and the
evidence that explains a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Evidence:
    """One served assertion, e.g. (pregnant women, NEEDS, slip-resistant)."""

    head: str
    relation: str
    tail: str
    score: float
    source: str

    def sentence(self) -> str:
        """A short human reason, used in "why recommended" texts."""
        verb = self.relation.lower().replace("_", " ")
        if self.relation == "NEEDS":
            return f"{self.head} shoppers need {self.tail}"
        return f"{self.head} {verb} {self.tail}"


@dataclass
class Expansion:
    """What a query needs beyond its words, with the assertions that say so."""

    query: str
    intents: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    attributes: dict[str, float] = field(default_factory=dict)
    categories: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when no intent or audience was recognised."""
        return not (self.attributes or self.categories)

    def reasons_for(self, tags: set[str], category: str | None = None) -> list[str]:
        """Evidence sentences for the attribute tags (and category) a product has."""
        reasons = []
        for ev in self.evidence:
            if ev.tail in tags or (category is not None and ev.tail == category):
                reasons.append(ev.sentence())
        return list(dict.fromkeys(reasons))


class Expander(Protocol):
    """Anything that can expand a query with commonsense knowledge."""

    def expand(self, query: str) -> Expansion:
        """Return the intents, audiences, needed attributes and evidence for ``query``."""
        ...
