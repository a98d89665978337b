"""The MCP endpoint of the UCP profile, ``/ucp/mcp``, served inside the main app.

It is the same MCP server as ``shopmage mcp`` (public and UCP tools, no merchant tools),
over streamable HTTP, sharing the REST service (and so its rate limits and idempotency).
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

from fastapi import APIRouter
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import Receive, Scope, Send

from server.deps import AppState
from server.mcp_server import build_mcp
from tools.ucp.profile import MCP_PATH

router = APIRouter(tags=["ucp"])


async def setup(state: AppState) -> None:
    """Build the MCP server over the shared shopping service and start its sessions."""
    server = build_mcp(state.store, service=state.ucp,
                       base_url=f"http://{state.settings.host}:{state.settings.port}")
    # Agents reach the store by its public host name; keys, not the Host header, guard it.
    server.streamable_http_app(streamable_http_path=MCP_PATH, transport_security=(
        TransportSecuritySettings(enable_dns_rebinding_protection=False)))
    running: AbstractAsyncContextManager[Any] = server.session_manager.run()
    await running.__aenter__()
    state.ucp_mcp_app = StreamableHTTPASGIApp(server.session_manager)
    state.ucp_mcp_running = running


async def teardown(state: AppState) -> None:
    """Stop the MCP sessions."""
    running, state.ucp_mcp_running = state.ucp_mcp_running, None
    if running is not None:
        await running.__aexit__(None, None, None)


class _Endpoint:
    """Hands a request to the MCP app built at start-up."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = scope["app"].state.shopmage.ucp_mcp_app
        await app(scope, receive, send)


# An ASGI app (not a function): Starlette hands it scope, receive and send as they come.
router.add_route(MCP_PATH, _Endpoint(), methods=["GET", "POST", "DELETE"],  # type: ignore[arg-type]
                 include_in_schema=False)
