"""A small store with the seed knowledge served, for the served-line tests."""

import json
from pathlib import Path

from knowledge.graph.build import build_knowledge
from knowledge.graph.serve import KnowledgeExpander
from knowledge.ingest import import_catalog
from knowledge.store import Store

Row = tuple[str, str, list[str]]


def serve_rows(store: Store, folder: Path, rows: list[Row], price: float = 40.0,
               gate: bool = False) -> Store:
    """Import ``rows`` (id, title, bullets) into ``store`` and serve the seed knowledge.

    The served-line rules are tested without the learned gate (``gate``), which may also
    hold a line back; ``test_served_gate.py`` tests the gate.
    """
    path = folder / "catalogue.jsonl"
    path.write_text("".join(json.dumps({"product_id": pid, "product_title": title,
                                        "product_bullet_point": "\n".join(bullets),
                                        "product_description": "", "price": price}) + "\n"
                            for pid, title, bullets in rows))
    import_catalog(store, path)
    build_knowledge(store, ("seed",))
    store.search.set_expander(KnowledgeExpander(store, gate=gate))
    return store


def card_lines(shop: Store, query: str, ids: list[str]) -> dict[str, list[str]]:
    """The evidence lines each of ``ids`` shows for ``query`` (search limited to them)."""
    from knowledge.search import SearchFilters

    hits = shop.search.search(query, SearchFilters(product_ids=ids), k=len(ids))
    return {h.product.id: h.why for h in hits}
