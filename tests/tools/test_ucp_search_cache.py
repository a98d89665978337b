"""UCP catalog search answers are cached briefly and never outlive a catalogue change."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import import_catalog
from knowledge.store import Store
from tests.knowledge.test_ingest_search import write_jsonl
from tests.server.ucp_shop import stock_catalog
from tools.ucp import catalog
from tools.ucp.search_cache import cache_for

BASE = "http://shop.test"


def _ids(answer: dict[str, object]) -> list[str]:
    return [p["id"] for p in answer["products"]]  # type: ignore[attr-defined, index]


def test_a_repeated_search_is_served_from_the_cache(store: Store, tmp_path: Path) -> None:
    stock_catalog(store, tmp_path)
    cache = cache_for(store.search)
    request = {"query": "shoes", "pagination": {"limit": 5}}
    first = catalog.search(store, request, BASE)
    assert cache.misses == 1 and cache.hits == 0 and _ids(first)
    first["products"].clear()  # a caller changing its copy changes nothing cached
    again = catalog.search(store, request, BASE)
    assert cache.hits == 1 and _ids(again) and _ids(again) == _ids(
        catalog.search(store, request, BASE))
    other = catalog.search(store, {**request, "pagination": {"limit": 2}}, BASE)
    assert cache.misses == 2 and len(_ids(other)) <= 2


def test_new_products_are_searchable_at_once(store: Store, tmp_path: Path) -> None:
    stock_catalog(store, tmp_path)
    request = {"query": "periwinkle zither"}
    before = catalog.search(store, request, BASE)
    assert "zither-1" not in _ids(before)
    import_catalog(store, write_jsonl(tmp_path / "more.jsonl", [{
        "product_id": "zither-1", "product_title": "Periwinkle zither with case",
        "price": 80.0, "stock": 3, "category": "music"}]))
    assert _ids(catalog.search(store, request, BASE))[0] == "zither-1"
    store.search.reload()  # a rebuilt index drops every cached answer
    misses = cache_for(store.search).misses
    catalog.search(store, request, BASE)
    assert cache_for(store.search).misses == misses + 1
