"""shopmage over the Model Context Protocol (official ``mcp`` SDK, v2 ``MCPServer``).

The tool set is fixed when the server is built: catalogue, cart and knowledge tools for
anyone; merchant tools only when the server was started with a valid merchant key, bound
to that merchant (no tool takes a merchant id from the caller).
"""

from __future__ import annotations

import importlib
from typing import Any

from mcp.server.mcpserver import MCPServer

from knowledge.errors import ShopmageError
from knowledge.models import Merchant
from knowledge.search import SearchFilters
from knowledge.store import Store
from tools import cart, catalog
from tools.knowledge_tools import explain_query
from tools.merchants import authenticate


def _safe(call: Any) -> Any:
    """Run a tool body; a domain error becomes a short message the caller can act on."""
    try:
        return call()
    except ShopmageError as exc:
        return {"error": str(exc)}


def _public_tools(server: MCPServer, store: Store) -> None:
    @server.tool()
    def search_products(query: str, max_price: float | None = None,
                        category: str | None = None, k: int = 5) -> Any:
        """Search the store's catalogue (hybrid search with commonsense expansion).

        Returns product cards: id, title, price, brand, category and why each fits.
        """
        filters = SearchFilters(max_price=max_price, category=category)
        return _safe(lambda: {"products": [
            catalog.card(h)
            for h in catalog.search_products(store, query, filters, max(1, min(k, 20)))]})

    @server.tool()
    def product_details(product_id: str) -> Any:
        """Everything the catalogue knows about one product, by id."""
        return _safe(lambda: catalog.product_details(store, product_id).model_dump(mode="json"))

    @server.tool()
    def compare_products(product_ids: list[str]) -> Any:
        """Compare 2 to 4 products: the attributes on which they differ."""
        return _safe(lambda: catalog.compare_products(store, product_ids))

    @server.tool()
    def explain_shopping_query(query: str) -> Any:
        """What a shopping query means: audiences, needed attributes, and the evidence."""
        return _safe(lambda: explain_query(store, query))

    @server.tool()
    def add_to_cart(session_id: str, product_id: str, quantity: int = 1) -> Any:
        """Add a product to the cart of an anonymous shopping session."""
        return _safe(lambda: cart.add_to_cart(store.engine, session_id, product_id,
                                              quantity).model_dump())

    @server.tool()
    def show_cart(session_id: str) -> Any:
        """The cart of an anonymous shopping session."""
        return _safe(lambda: cart.show_cart(store.engine, session_id).model_dump())


def _merchant_tools(server: MCPServer, store: Store, merchant: Merchant) -> None:
    """Register the merchant-only tools, bound to ``merchant``, when that layer exists."""
    try:
        module = importlib.import_module("tools.campaigns.mcp_tools")
    except ModuleNotFoundError:
        return
    module.register(server, store, merchant)


def build_mcp(store: Store, merchant_key: str | None = None) -> MCPServer:
    """The MCP server over ``store``; with a merchant key, the merchant tools too."""
    server = MCPServer(name="shopmage", instructions=(
        "Shop a store's catalogue: search products, get details, compare, keep a cart, and "
        "ask what a shopping query means. Merchant tools appear only with a merchant key."))
    _public_tools(server, store)
    if merchant_key is not None:
        _merchant_tools(server, store, authenticate(store.engine, merchant_key))
    return server
