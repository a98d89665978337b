"""The shopper's tool set as LangChain tools: thin wrappers whose docstrings the model reads.

The session id and store come from the graph's runtime context (``ShopperContext``), never
from arguments the model fills in, so no message can reach another shopper's cart. There is
no merchant operation here: the shopper role's tool set is fixed when the graph is built.
"""

from __future__ import annotations

from typing import Any

from langchain_core.tools import BaseTool, tool
from langgraph.prebuilt import ToolRuntime

from knowledge import carts as cart_tools
from knowledge.errors import ShopmageError
from tools.catalog import card, compare_products, find_products, product_details
from tools.knowledge_tools import explain_query
from tools.recommend import for_you, profile_vector


def _error(exc: ShopmageError) -> str:
    return f"Error: {exc}"


@tool
def search_products(query: str, runtime: ToolRuntime[Any, Any], max_price: float | None = None,
                    min_price: float | None = None, category: str | None = None,
                    color: str | None = None, brand: str | None = None
                    ) -> list[dict[str, Any]] | str:
    """Search the store's catalogue. Returns up to 5 products (id, title, price, why)."""
    ctx = runtime.context
    constraints = {"query": query, "max_price": max_price, "min_price": min_price,
                   "category": category, "color": color, "brand": brand}
    try:
        outcome = find_products(ctx.store, constraints, k=5,
                                profile_vector=profile_vector(ctx.store, ctx.session_id))
    except ShopmageError as exc:
        return _error(exc)
    return [card(h) for h in outcome.hits]


@tool
def get_product(product_id: str, runtime: ToolRuntime[Any, Any]) -> dict[str, Any] | str:
    """Get one product's details (title, price, brand, colour, attributes) by its id."""
    try:
        p = product_details(runtime.context.store, product_id)
    except ShopmageError as exc:
        return _error(exc)
    return {"id": p.id, "title": p.title, "price": p.price, "brand": p.brand, "color": p.color,
            "attributes": p.attributes}


@tool
def compare(product_ids: list[str], runtime: ToolRuntime[Any, Any]) -> dict[str, Any] | str:
    """Compare 2 to 4 products by id: a table of the attributes on which they differ."""
    try:
        return compare_products(runtime.context.store, product_ids)
    except ShopmageError as exc:
        return _error(exc)


@tool
def add_to_cart(product_id: str, runtime: ToolRuntime[Any, Any], quantity: int = 1
                ) -> dict[str, Any] | str:
    """Add a product (by id) to this shopper's cart; quantity 1 to 20."""
    ctx = runtime.context
    try:
        return cart_tools.add_to_cart(ctx.store.engine, ctx.session_id, product_id,
                                      quantity).model_dump()
    except ShopmageError as exc:
        return _error(exc)


@tool
def remove_from_cart(product_id: str, runtime: ToolRuntime[Any, Any]) -> dict[str, Any] | str:
    """Remove a product (by id) from this shopper's cart."""
    ctx = runtime.context
    try:
        return cart_tools.remove_from_cart(ctx.store.engine, ctx.session_id,
                                           product_id).model_dump()
    except ShopmageError as exc:
        return _error(exc)


@tool
def show_cart(runtime: ToolRuntime[Any, Any]) -> dict[str, Any]:
    """Show this shopper's cart: lines (product_id, title, price, quantity) and total."""
    ctx = runtime.context
    return cart_tools.show_cart(ctx.store.engine, ctx.session_id).model_dump()


@tool
def recommend_for_me(runtime: ToolRuntime[Any, Any]) -> list[dict[str, Any]]:
    """Personal picks for this shopper from their behaviour (popular picks when new)."""
    ctx = runtime.context
    return [card(h) for h in for_you(ctx.store, ctx.session_id, k=5)]


@tool
def explain(query: str, runtime: ToolRuntime[Any, Any]) -> dict[str, Any]:
    """Explain what a request means: audiences, needed features and the knowledge behind them."""
    return explain_query(runtime.context.store, query)


SHOPPER_TOOLS: list[BaseTool] = [search_products, get_product, compare, add_to_cart,
                                 remove_from_cart, show_cart, recommend_for_me, explain]
