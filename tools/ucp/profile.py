"""Discovery documents: the UCP business profile and the ACP feed declaration."""

from __future__ import annotations

from typing import Any

from tools.ucp.errors import UCP_VERSION
from tools.ucp.shapes import CAPABILITIES

SPEC = f"https://ucp.dev/{UCP_VERSION}/specification"
SCHEMAS = f"https://ucp.dev/{UCP_VERSION}/schemas/shopping"
SERVICE_SCHEMAS = f"https://ucp.dev/{UCP_VERSION}/services/shopping"
CAPABILITY_DOCS = {
    "catalog_search": ("catalog/search", "catalog_search.json"),
    "catalog_lookup": ("catalog/lookup", "catalog_lookup.json"),
    "cart": ("cart", "cart.json"),
    "checkout": ("checkout", "checkout.json"),
    "order": ("order", "order.json"),
}
REST_PATH, MCP_PATH = "/ucp", "/ucp/mcp"
ACP_VERSION = "2026-04-17"


def business_profile(base_url: str) -> dict[str, Any]:
    """``/.well-known/ucp``: the shopping service over REST and MCP, and its capabilities.

    No payment handlers are declared: buyers pay on the store's own checkout page.
    """
    services = [
        {"version": UCP_VERSION, "spec": f"{SPEC}/overview", "transport": "rest",
         "schema": f"{SERVICE_SCHEMAS}/rest.openapi.json", "endpoint": base_url + REST_PATH},
        {"version": UCP_VERSION, "spec": f"{SPEC}/overview", "transport": "mcp",
         "schema": f"{SERVICE_SCHEMAS}/mcp.openrpc.json", "endpoint": base_url + MCP_PATH},
    ]
    capabilities = {
        CAPABILITIES[name]: [{"version": UCP_VERSION, "spec": f"{SPEC}/{doc}",
                              "schema": f"{SCHEMAS}/{schema}"}]
        for name, (doc, schema) in CAPABILITY_DOCS.items()}
    return {"ucp": {"version": UCP_VERSION, "services": {"dev.ucp.shopping": services},
                    "capabilities": capabilities, "payment_handlers": {}}}


def acp_declaration(base_url: str) -> dict[str, Any]:
    """``/.well-known/acp.json``: the ACP discovery document, declaring the product feed.

    shopmage implements no ACP checkout service (agents check out over UCP), so
    ``capabilities.services`` is empty; ``feeds`` names the product feed files.
    """
    return {"protocol": {"name": "acp", "version": ACP_VERSION,
                         "supported_versions": [ACP_VERSION]},
            "api_base_url": f"{base_url}/acp", "transports": ["rest"],
            "capabilities": {"services": [], "supported_currencies": ["usd"]},
            "feeds": [{"format": "jsonl", "url": f"{base_url}/acp/feed.jsonl",
                       "schema": "schema.feed.json#/$defs/Product"},
                      {"format": "csv", "url": f"{base_url}/acp/feed.csv"}],
            "ucp_profile": f"{base_url}/.well-known/ucp"}
