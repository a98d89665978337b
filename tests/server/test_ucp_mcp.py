"""UCP over MCP: a real ``mcp`` client session on the real server on loopback."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from knowledge.store import Store
from tests.server.conftest import LiveServer
from tests.server.ucp_shop import lines, new_agent, stock_catalog, ucp_app_only
from tests.server.ucp_spec import check_error, errors, mcp_result_schema, mcp_tool_names

META = {"ucp-agent": {"profile": "https://agent.example/.well-known/ucp"}}


async def call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    meta = {**META, "idempotency-key": str(uuid.uuid4())}
    result = await client.call_tool(tool, {"meta": meta, **arguments})
    assert not result.is_error, result
    body = result.structured_content
    assert isinstance(body, dict)
    return body


def valid(tool: str, body: dict[str, Any]) -> dict[str, Any]:
    assert body["ucp"]["status"] == "success", body
    problems = errors(mcp_result_schema(tool), body)
    assert not problems, problems
    return body


async def test_an_agent_shops_over_mcp(store: Store, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ucp_app_only(monkeypatch)
    stock_catalog(store, tmp_path)
    with LiveServer(store) as server:
        agent = new_agent(store, server.url, "mcp-agent")
        http = create_mcp_http_client(headers={"X-API-Key": agent.key})
        async with Client(streamable_http_client(f"{server.url}/ucp/mcp",
                                                 http_client=http)) as client:
            names = {tool.name for tool in (await client.list_tools()).tools}
            assert mcp_tool_names() <= names
            assert not any("campaign" in name for name in names)
            found = valid("search_catalog", await call(
                client, "search_catalog", catalog={"query": "frying pan"}))
            assert found["products"][0]["id"] == "K1"
            product = valid("get_product", await call(client, "get_product",
                                                      catalog={"id": "K1"}))
            assert product["product"]["title"].startswith("Hearthware")
            cart = valid("create_cart", await call(
                client, "create_cart", cart={"line_items": lines(("K1", 1), ("C1", 2))}))
            cart = valid("update_cart", await call(
                client, "update_cart", id=cart["id"], cart={"line_items": lines(("K1", 2))}))
            checkout = valid("create_checkout", await call(
                client, "create_checkout", checkout={"cart_id": cart["id"]}))
            assert checkout["status"] == "requires_escalation" and checkout["continue_url"]
            assert [(li["item"]["id"], li["quantity"]) for li in checkout["line_items"]] == [
                ("K1", 2)]
            read = valid("get_checkout", await call(client, "get_checkout", id=checkout["id"]))
            assert read["id"] == checkout["id"]
            refused = await call(client, "create_cart", cart={"line_items": lines(("K1", 0))})
            check_error(refused, "invalid_quantity")
            no_key = await client.call_tool("cancel_checkout", {"meta": META,
                                                                "id": checkout["id"]})
            check_error(no_key.structured_content, "invalid_idempotency_key")
            canceled = valid("cancel_checkout", await call(client, "cancel_checkout",
                                                           id=checkout["id"]))
            assert canceled["status"] == "canceled"
        stranger = create_mcp_http_client(headers={"X-API-Key": "sak_not_a_key"})
        async with Client(streamable_http_client(f"{server.url}/ucp/mcp",
                                                 http_client=stranger)) as client:
            denied = await client.call_tool("search_catalog", {"meta": META,
                                                               "catalog": {"query": "pan"}})
            check_error(denied.structured_content, "unauthorized")
