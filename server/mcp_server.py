"""shopmage over the Model Context Protocol (official ``mcp`` SDK, v2 ``MCPServer``).

The tool set is fixed when the server is built: catalogue, cart and knowledge tools for
anyone; the UCP shopping tools (``search_catalog`` ... ``get_order``, see
:mod:`server.ucp_mcp`) for outside agents with an agent key; merchant tools only when the
server was started with a valid merchant key, bound to that merchant (no tool takes a
merchant id from the caller).
"""

from __future__ import annotations

from typing import Any

from mcp.server.mcpserver import MCPServer

from knowledge import carts as cart
from knowledge.merchants import authenticate
from knowledge.models import Merchant
from knowledge.search import SearchFilters
from knowledge.store import Store
from server.ucp_mcp import UcpTools
from tools import catalog
from tools.campaigns import mcp_tools as campaign_mcp_tools
from tools.knowledge_tools import explain_query
from tools.results import tool_result
from tools.ucp.service import ShoppingService


def _public_tools(server: MCPServer, store: Store) -> None:
    @server.tool()
    def search_products(query: str, max_price: float | None = None,
                        category: str | None = None, k: int = 5) -> Any:
        """Search the store's catalogue (hybrid search with commonsense expansion).

        Returns product cards: id, title, price, brand, category and why each fits.
        """
        filters = SearchFilters(max_price=max_price, category=category)
        return tool_result(lambda: {"products": [
            catalog.card(h)
            for h in catalog.search_products(store, query, filters, max(1, min(k, 20)))]})

    @server.tool()
    def product_details(product_id: str) -> Any:
        """Everything the catalogue knows about one product, by id."""
        return tool_result(
            lambda: catalog.product_details(store, product_id).model_dump(mode="json"))

    @server.tool()
    def compare_products(product_ids: list[str]) -> Any:
        """Compare 2 to 4 products: the attributes on which they differ."""
        return tool_result(lambda: catalog.compare_products(store, product_ids))

    @server.tool()
    def explain_shopping_query(query: str) -> Any:
        """What a shopping query means: audiences, needed attributes, and the evidence."""
        return tool_result(lambda: explain_query(store, query))

    @server.tool()
    def add_to_cart(session_id: str, product_id: str, quantity: int = 1) -> Any:
        """Add a product to the cart of an anonymous shopping session."""
        return tool_result(lambda: cart.add_to_cart(store.engine, session_id, product_id,
                                              quantity).model_dump())

    @server.tool()
    def show_cart(session_id: str) -> Any:
        """The cart of an anonymous shopping session."""
        return tool_result(lambda: cart.show_cart(store.engine, session_id).model_dump())


def _merchant_tools(server: MCPServer, store: Store, merchant: Merchant) -> None:
    """Register the merchant-only tools, bound to ``merchant``, when that layer exists."""
    campaign_mcp_tools.register(server, store, merchant)


def build_mcp(store: Store, merchant_key: str | None = None, *, agent_key: str | None = None,
              service: ShoppingService | None = None,
              base_url: str = "http://127.0.0.1:8000") -> MCPServer:
    """The MCP server over ``store``: public and UCP tools; with a merchant key, merchant tools.

    ``agent_key`` is the UCP agent key used when a call carries none (stdio); ``service``
    shares the REST service's rate limits when both run in one process.
    """
    server = MCPServer(name="shopmage", instructions=(
        "Shop a store's catalogue: search products, get details, compare, keep a cart, and "
        "ask what a shopping query means. UCP agents use search_catalog, create_cart, "
        "create_checkout and the other UCP tools with their agent key. Merchant tools appear "
        "only with a merchant key."))
    _public_tools(server, store)
    UcpTools(service or ShoppingService(store), agent_key=agent_key,
             base_url=base_url).register(server)
    if merchant_key is not None:
        _merchant_tools(server, store, authenticate(store.engine, merchant_key))
    return server
