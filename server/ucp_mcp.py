"""The UCP shopping operations as MCP tools, named and shaped as the UCP MCP binding says.

Each tool takes ``meta`` (``{"ucp-agent": {"profile": URI}, "idempotency-key": ...}``) and the
binding's arguments (``catalog``, ``cart``, ``checkout``, ``id``); it answers with the UCP
object as ``structuredContent`` (and the same JSON as text). The agent's API key comes in the
HTTP ``X-API-Key`` (or ``Authorization: Bearer``) header, or from the server's own
``--agent-key`` on stdio. These tools need no merchant key and reach no merchant operation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from inspect import Parameter, Signature
from typing import Any

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp_types import CallToolResult, TextContent

from tools.ucp.errors import UcpError
from tools.ucp.service import OPERATIONS, Outcome, ShoppingService, api_key_from

# complete and cancel must carry an idempotency key (the binding's meta schema says so)
KEY_REQUIRED = {"complete_checkout", "cancel_checkout", "cancel_cart"}
Obj = dict[str, Any]
# name, takes an ``id``, the binding's body argument (if any), the description agents read
TOOLS: list[tuple[str, bool, str | None, str]] = [
    ("search_catalog", False, "catalog",
     "Search products. catalog = {query, filters: {categories, price: {min, max}} (minor "
     "units), pagination: {limit, cursor}}."),
    ("lookup_catalog", False, "catalog", "Products by id: catalog = {ids: [...]}."),
    ("get_product", False, "catalog", "One product's detail: catalog = {id}."),
    ("get_order", True, None, "An order placed from one of your checkout sessions."),
    ("create_cart", False, "cart",
     "Create a cart: cart = {line_items: [{item: {id}, quantity}]}."),
    ("get_cart", True, None, "A cart of yours."),
    ("update_cart", True, "cart", "Replace a cart's line items."),
    ("cancel_cart", True, None, "Cancel a cart (meta needs an idempotency-key)."),
    ("create_checkout", False, "checkout",
     "Open a checkout session from {line_items} or {cart_id}. Stock is reserved; the buyer "
     "places the order at continue_url (no payments here)."),
    ("get_checkout", True, None, "A checkout session of yours."),
    ("update_checkout", True, "checkout", "Replace an open session's line items (and buyer)."),
    ("complete_checkout", True, "checkout",
     "Complete: the buyer places the order at the returned continue_url. meta needs an "
     "idempotency-key."),
    ("cancel_checkout", True, None,
     "Cancel an open session and release its stock (meta needs an idempotency-key)."),
]


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
        key = api_key_from(ctx.headers or {})
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
        for name, takes_id, body, description in TOOLS:
            server.add_tool(self._tool(name, takes_id, body), name=name,
                            description=description)

    def _tool(self, name: str, takes_id: bool, body: str | None) -> Callable[..., Any]:
        """The tool function of one operation, with the binding's argument names."""
        takes_body = OPERATIONS[name][2]

        async def tool(ctx: Context, **args: Any) -> CallToolResult:
            request = args.get(body) if body and takes_body else None
            return await self.run(ctx, name, args.get("meta"), resource_id=args.get("id"),
                                  request=request)

        params = [Parameter("ctx", Parameter.POSITIONAL_OR_KEYWORD, annotation=Context)]
        if takes_id:
            params.append(Parameter("id", Parameter.KEYWORD_ONLY, annotation=str))
        if body:
            optional = not takes_body
            params.append(Parameter(body, Parameter.KEYWORD_ONLY,
                                    annotation=Obj | None if optional else Obj,
                                    default=None if optional else Parameter.empty))
        params.append(Parameter("meta", Parameter.KEYWORD_ONLY, annotation=Obj | None,
                                default=None))
        tool.__signature__ = Signature(params, return_annotation=CallToolResult)  # type: ignore[attr-defined]
        tool.__annotations__ = {p.name: p.annotation for p in params} | {
            "return": CallToolResult}
        tool.__name__ = name
        return tool
