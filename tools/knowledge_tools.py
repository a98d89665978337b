"""What the commonsense knowledge makes of a query, for explanations."""

from __future__ import annotations

from typing import Any

from knowledge.store import Store


def explain_query(store: Store, query: str) -> dict[str, Any]:
    """Return the audiences, attributes, categories and evidence the knowledge layer infers."""
    expander = store.search.expander
    if expander is None or not query.strip():
        return {"query": query, "audiences": [], "attributes": {}, "categories": {},
                "evidence": []}
    exp = expander.expand(query)
    return {"query": query, "audiences": list(exp.audiences), "attributes": dict(exp.attributes),
            "categories": dict(exp.categories),
            "evidence": [ev.sentence() for ev in exp.evidence[:5]]}
