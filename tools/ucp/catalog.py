"""UCP catalog operations over shopmage's own search (hybrid retrieval + knowledge expansion)."""

from __future__ import annotations

from typing import Any

from knowledge.models import Product
from knowledge.search import Hit, SearchFilters
from knowledge.store import Store
from tools import catalog as catalog_tools
from tools.ucp import shapes
from tools.ucp.errors import UcpError
from tools.ucp.search_cache import cache_for

MAX_LIMIT = 50
MAX_OFFSET = 500


def _bad(content: str, path: str) -> UcpError:
    return UcpError(content, code="invalid_request", status=400, path=path)


def _amount(value: Any, path: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _bad(f"a price filter is a whole, non-negative amount in minor units, got "
                   f"{value!r}", path)
    return value / 100


def _filters(raw: Any) -> tuple[SearchFilters, list[str]]:
    """Shopmage filters and the category list from a UCP ``search_filters`` object."""
    if raw is None:
        return _priced(SearchFilters()), []
    if not isinstance(raw, dict):
        raise _bad("filters must be an object", "$.filters")
    categories = raw.get("categories") or []
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        raise _bad("filters.categories must be a list of strings", "$.filters.categories")
    price = raw.get("price") or {}
    if not isinstance(price, dict):
        raise _bad("filters.price must be an object with min and max", "$.filters.price")
    low = _amount(price.get("min"), "$.filters.price.min")
    high = _amount(price.get("max"), "$.filters.price.max")
    if low is not None and high is not None and low > high:
        raise _bad("filters.price.min is above filters.price.max", "$.filters.price")
    return _priced(SearchFilters(min_price=low, max_price=high)), [c.strip() for c in categories]


def _priced(filters: SearchFilters) -> SearchFilters:
    """Only priced products can be offered over UCP: rank among those (price >= 0)."""
    if filters.min_price is None:
        filters.min_price = 0.0
    return filters


def _page(raw: Any) -> tuple[int, int]:
    raw = raw or {}
    if not isinstance(raw, dict):
        raise _bad("pagination must be an object", "$.pagination")
    limit = raw.get("limit", 10)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise _bad(f"pagination.limit must be 1 to {MAX_LIMIT}", "$.pagination.limit")
    cursor = raw.get("cursor") or "0"
    if not isinstance(cursor, str) or not cursor.isdigit() or int(cursor) > MAX_OFFSET:
        raise _bad("pagination.cursor is not one this service issued", "$.pagination.cursor")
    return limit, int(cursor)


def _ranked(store: Store, query: str, filters: SearchFilters, categories: list[str],
            k: int) -> list[Hit]:
    """Best ``k`` hits over every asked category (each searched, then merged by score)."""
    scopes: list[str | None] = [*categories] or [None]
    hits: list[Hit] = []
    for category in scopes:
        scoped = SearchFilters(min_price=filters.min_price, max_price=filters.max_price,
                               category=category)
        if query:
            hits.extend(catalog_tools.search_products(store, query, scoped, k))
        else:
            hits.extend(store.search.popular(scoped, k))
    if len(scopes) > 1:
        hits.sort(key=lambda h: -h.score)
    return hits[:k]


def search(store: Store, request: dict[str, Any], base_url: str) -> dict[str, Any]:
    """``search_catalog``: query, categories and price filters, paged by cursor."""
    query = request.get("query") or ""
    if not isinstance(query, str) or len(query) > 500:
        raise _bad("query must be a string of at most 500 characters", "$.query")
    filters, categories = _filters(request.get("filters"))
    if not query.strip() and not categories:
        raise _bad("a search needs a query or at least one category", "$.query")
    limit, offset = _page(request.get("pagination"))
    key = (query.strip(), filters.min_price, filters.max_price, tuple(categories), limit,
           offset, base_url)
    answer: dict[str, Any] = cache_for(store.search).answer(store.search, key, lambda: _answer(
        store, query.strip(), filters, categories, (limit, offset), base_url))
    return answer


def _answer(store: Store, query: str, filters: SearchFilters, categories: list[str],
            page: tuple[int, int], base_url: str) -> dict[str, Any]:
    """The search answer itself (what :func:`search` caches)."""
    limit, offset = page
    hits = _ranked(store, query, filters, categories, offset + limit + 1)
    sellable = [h for h in hits if h.product.price is not None]
    shown = sellable[offset:offset + limit]
    more = len(sellable) > offset + limit
    pagination: dict[str, Any] = {"has_next_page": more}
    if more:
        pagination["cursor"] = str(offset + limit)
    return {"ucp": shapes.envelope("catalog_search"),
            "products": [shapes.product(h.product, base_url, h.why) for h in shown],
            "pagination": pagination}


def _ids(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(i, str) for i in raw):
        raise _bad("ids must be a non-empty list of product ids", "$.ids")
    if len(raw) > 100:
        raise _bad("at most 100 ids per lookup", "$.ids")
    return list(dict.fromkeys(raw))


def lookup(store: Store, request: dict[str, Any], base_url: str) -> dict[str, Any]:
    """``lookup_catalog``: products by id; unknown ids are named in a warning message."""
    ids = _ids(request.get("ids"))
    found = [p for p in catalog_tools.products_by_ids(store, ids) if p.price is not None]
    known = {p.id for p in found}
    response: dict[str, Any] = {
        "ucp": shapes.envelope("catalog_lookup"),
        "products": [shapes.product(p, base_url, inputs=[p.id]) for p in found]}
    missing = [i for i in ids if i not in known]
    if missing:
        response["messages"] = [{"type": "warning", "code": "not_found",
                                 "content": f"no product with id {i!r}", "path": "$.ids"}
                                for i in missing]
    return response


def get_product(store: Store, request: dict[str, Any], base_url: str) -> dict[str, Any]:
    """``get_product``: one product's full detail."""
    product_id = request.get("id")
    if not isinstance(product_id, str) or not product_id:
        raise _bad("id must be a product id", "$.id")
    found = catalog_tools.products_by_ids(store, [product_id])
    if not found or found[0].price is None:
        raise UcpError(f"no product with id {product_id!r}", code="not_found", status=404,
                       path="$.id")
    product: Product = found[0]
    return {"ucp": shapes.envelope("catalog_lookup"),
            "product": shapes.product(product, base_url)}
