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
    why: str = ""  # what the attribute does for this head ("helps keep balance in pregnancy")

    def sentence(self) -> str:
        """A short statement of the assertion itself (not of any product)."""
        tail = self.tail.replace("-", " ")
        if self.relation == "NEEDS":
            return f"for {self.head}: {tail}" + (f" ({self.why})" if self.why else "")
        verb = self.relation.lower().replace("_", " ")
        return f"{self.head} {verb} {tail}"


@dataclass
class Expansion:
    """What a query needs beyond its words, with the assertions that say so."""

    query: str
    intents: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    attributes: dict[str, float] = field(default_factory=dict)
    categories: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    product_types: list[str] = field(default_factory=list)  # type words the query names

    @property
    def empty(self) -> bool:
        """True when no intent or audience was recognised."""
        return not (self.attributes or self.categories)

    def reasons_for(self, tags: set[str], category: str | None = None) -> list[str]:
        """Lines for the needed attributes a product carries as tags ("Waterproof: ...").

        Used when the expander cannot read product text; the knowledge graph's
        ``explain`` gives richer lines with the listing's own words.
        """
        reasons = []
        for ev in self.evidence:
            if ev.relation == "NEEDS" and ev.tail in tags:
                label = ev.tail.replace("-", " ").capitalize()
                reasons.append(f"{label}: {ev.why or 'wanted for ' + ev.head}")
        return list(dict.fromkeys(reasons))


class Expander(Protocol):
    """Anything that can expand a query with commonsense knowledge."""

    def expand(self, query: str) -> Expansion:
        """Return the intents, audiences, needed attributes and evidence for ``query``."""
        ...
