"""The UCP shopping operations as MCP tools, named and shaped as the UCP MCP binding says.

Each tool takes ``meta`` (``{"ucp-agent": {"profile": URI}, "idempotency-key": ...}``) and the
binding's arguments (``catalog``, ``cart``, ``checkout``, ``id``); it answers with the UCP
object as ``structuredContent`` (and the same JSON as text). The agent's API key comes in the
HTTP ``X-API-Key`` (or ``Authorization: Bearer``) header, or from the server's own
``--agent-key`` on stdio. These tools need no merchant key and reach no merchant operation.
"""

from __future__ import annotations

import json
from typing import Any

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp_types import CallToolResult, TextContent

from tools.ucp.errors import UcpError
from tools.ucp.service import Outcome, ShoppingService

# complete and cancel must carry an idempotency key (the binding's meta schema says so)
KEY_REQUIRED = {"complete_checkout", "cancel_checkout", "cancel_cart"}
Obj = dict[str, Any]


def _result(outcome: Outcome) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=json.dumps(outcome.body))],
                          structured_content=outcome.body)


class UcpTools:
    """Registers the 13 UCP tools on an MCP server, over one :class:`ShoppingService`."""

    def __init__(self, service: ShoppingService, *, agent_key: str | None = None,
                 base_url: str = "http://127.0.0.1:8000") -> None:
        """Serve ``service``; ``agent_key`` and ``base_url`` stand in when there is no HTTP."""
        self.service, self.agent_key, self.base_url = service, agent_key, base_url

    def _caller(self, ctx: Context) -> tuple[str | None, str]:
        headers = ctx.headers or {}
        key = headers.get("x-api-key")
        auth = headers.get("authorization", "")
        if key is None and auth.lower().startswith("bearer "):
            key = auth[7:].strip()
        request = getattr(ctx.request_context, "request", None)
        base = str(request.base_url).rstrip("/") if request is not None and hasattr(
            request, "base_url") else self.base_url
        return key or self.agent_key, base

    async def run(self, ctx: Context, operation: str, meta: Obj | None,
                  resource_id: str | None = None, request: Any = None) -> CallToolResult:
        """Check ``meta`` and run one operation off the event loop."""
        try:
            meta = meta if isinstance(meta, dict) else {}
            agent = meta.get("ucp-agent")
            profile = agent.get("profile") if isinstance(agent, dict) else None
            if not isinstance(profile, str) or not profile.startswith(("http://", "https://")):
                raise UcpError('meta["ucp-agent"].profile, the platform\'s profile URL, is '
                               "required", code="invalid_ucp_agent", status=400,
                               severity="unrecoverable")
            key = meta.get("idempotency-key")
            if operation in KEY_REQUIRED and not key:
                raise UcpError(f'meta["idempotency-key"] is required for {operation}',
                               code="invalid_idempotency_key", status=400)
        except UcpError as exc:
            return _result(Outcome(exc.status, exc.body()))
        api_key, base = self._caller(ctx)
        outcome = await anyio.to_thread.run_sync(lambda: self.service.call(
            operation, api_key=api_key, agent_profile=profile, base_url=base,
            resource_id=resource_id, request=request,
            idempotency_key=str(key) if key else None))
        return _result(outcome)

    def register(self, server: MCPServer) -> None:
        """Add the catalog, cart, checkout and order tools to ``server``."""
        self._catalog(server)
        self._carts(server)
        self._checkout(server)

    def _catalog(self, server: MCPServer) -> None:
        @server.tool(name="search_catalog")
        async def search_catalog(ctx: Context, catalog: Obj,
                                 meta: Obj | None = None) -> CallToolResult:
            """Search products.

            catalog = {query, filters: {categories, price: {min, max}} (minor units),
            pagination: {limit, cursor}}.
            """
            return await self.run(ctx, "search_catalog", meta, request=catalog)

        @server.tool(name="lookup_catalog")
        async def lookup_catalog(ctx: Context, catalog: Obj,
                                 meta: Obj | None = None) -> CallToolResult:
            """Products by id: catalog = {ids: [...]}."""
            return await self.run(ctx, "lookup_catalog", meta, request=catalog)

        @server.tool(name="get_product")
        async def get_product(ctx: Context, catalog: Obj,
                              meta: Obj | None = None) -> CallToolResult:
            """One product's detail: catalog = {id}."""
            return await self.run(ctx, "get_product", meta, request=catalog)

        @server.tool(name="get_order")
        async def get_order(ctx: Context, id: str, meta: Obj | None = None) -> CallToolResult:
            """An order placed from one of your checkout sessions."""
            return await self.run(ctx, "get_order", meta, resource_id=id)

    def _carts(self, server: MCPServer) -> None:
        @server.tool(name="create_cart")
        async def create_cart(ctx: Context, cart: Obj, meta: Obj | None = None) -> CallToolResult:
            """Create a cart: cart = {line_items: [{item: {id}, quantity}]}."""
            return await self.run(ctx, "create_cart", meta, request=cart)

        @server.tool(name="get_cart")
        async def get_cart(ctx: Context, id: str, meta: Obj | None = None) -> CallToolResult:
            """A cart of yours."""
            return await self.run(ctx, "get_cart", meta, resource_id=id)

        @server.tool(name="update_cart")
        async def update_cart(ctx: Context, id: str, cart: Obj,
                              meta: Obj | None = None) -> CallToolResult:
            """Replace a cart's line items."""
            return await self.run(ctx, "update_cart", meta, resource_id=id, request=cart)

        @server.tool(name="cancel_cart")
        async def cancel_cart(ctx: Context, id: str, meta: Obj | None = None) -> CallToolResult:
            """Cancel a cart (meta needs an idempotency-key)."""
            return await self.run(ctx, "cancel_cart", meta, resource_id=id)

    def _checkout(self, server: MCPServer) -> None:
        @server.tool(name="create_checkout")
        async def create_checkout(ctx: Context, checkout: Obj,
                                  meta: Obj | None = None) -> CallToolResult:
            """Open a checkout session from {line_items} or {cart_id}.

            Stock is reserved; the buyer places the order at continue_url (no payments here).
            """
            return await self.run(ctx, "create_checkout", meta, request=checkout)

        @server.tool(name="get_checkout")
        async def get_checkout(ctx: Context, id: str, meta: Obj | None = None) -> CallToolResult:
            """A checkout session of yours."""
            return await self.run(ctx, "get_checkout", meta, resource_id=id)

        @server.tool(name="update_checkout")
        async def update_checkout(ctx: Context, id: str, checkout: Obj,
                                  meta: Obj | None = None) -> CallToolResult:
            """Replace an open session's line items (and buyer)."""
            return await self.run(ctx, "update_checkout", meta, resource_id=id,
                                  request=checkout)

        @server.tool(name="complete_checkout")
        async def complete_checkout(ctx: Context, id: str, checkout: Obj | None = None,
                                    meta: Obj | None = None) -> CallToolResult:
            """Complete: the buyer places the order at the returned continue_url.

            meta needs an idempotency-key.
            """
            return await self.run(ctx, "complete_checkout", meta, resource_id=id)

        @server.tool(name="cancel_checkout")
        async def cancel_checkout(ctx: Context, id: str,
                                  meta: Obj | None = None) -> CallToolResult:
            """Cancel an open session and release its stock (meta needs an idempotency-key)."""
            return await self.run(ctx, "cancel_checkout", meta, resource_id=id)
