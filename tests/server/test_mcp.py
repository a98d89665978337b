import json
import subprocess
from pathlib import Path

import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from tests.cli_env import SHOPMAGE, ingested_env
from tests.knowledge.test_ingest_search import CATALOG
from tests.scale.conftest import start
from tests.server.conftest import free_port


@pytest.fixture(scope="module")
def data_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One ingested store for the module: the tests use separate sessions and merchants."""
    return ingested_env(tmp_path_factory.mktemp("mcp"), CATALOG)


def payload(result) -> object:  # type: ignore[no-untyped-def]
    assert not result.is_error, result
    return json.loads(result.content[0].text)


async def test_stdio_tools_with_the_sdk_client(data_env: dict[str, str]) -> None:
    params = StdioServerParameters(command=SHOPMAGE, args=["mcp"], env=data_env)
    async with Client(params, read_timeout_seconds=120) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert {"search_products", "product_details", "compare_products", "add_to_cart"} <= names
        assert not any("campaign" in name for name in names)  # no merchant key, no merchant tools
        found = payload(await client.call_tool("search_products", {"query": "frying pan", "k": 2}))
        assert found["products"][0]["id"] == "K1"
        cart = payload(await client.call_tool("add_to_cart", {"session_id": "mcp-1",
                                                               "product_id": "S1"}))
        assert [line["product_id"] for line in cart["items"]] == ["S1"]
        missing = payload(await client.call_tool("product_details", {"product_id": "NOPE"}))
        assert "NOPE" in missing["error"]


async def test_streamable_http_transport(data_env: dict[str, str], tmp_path: Path) -> None:
    port = free_port()
    proc = start([SHOPMAGE, "mcp", "--transport", "http", "--port", str(port)],
                 f"http://127.0.0.1:{port}/mcp", tmp_path / "mcp.log", env=data_env)
    try:
        async with Client(f"http://127.0.0.1:{port}/mcp") as client:
            found = payload(await client.call_tool("search_products", {"query": "hiking boots"}))
            assert found["products"][0]["id"] == "S3"
    finally:
        proc.terminate()
        proc.wait(10)


def test_wrong_merchant_key_refuses_to_start(data_env: dict[str, str]) -> None:
    result = subprocess.run([SHOPMAGE, "mcp", "--merchant-key", "smk_wrong"], env=data_env,
                            capture_output=True, text=True, timeout=120, input="")
    assert result.returncode != 0
    assert "valid merchant API key" in result.stdout + result.stderr


async def test_merchant_tools_only_with_a_key(data_env: dict[str, str]) -> None:
    made = subprocess.run([SHOPMAGE, "merchant", "create", "Acme"], env=data_env, check=True,
                          capture_output=True, text=True).stdout
    key = made.split("API key: ")[1].strip()
    params = StdioServerParameters(command=SHOPMAGE, args=["mcp", "--merchant-key", key],
                                   env=data_env)
    async with Client(params, read_timeout_seconds=120) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert {"list_campaigns", "pause_campaign", "search_products"} <= names
        assert payload(await client.call_tool("list_campaigns", {})) == {"campaigns": []}
        foreign = payload(await client.call_tool("pause_campaign", {"campaign_id": "c_0000000000"}))
        assert "no campaign of yours" in foreign["error"]
