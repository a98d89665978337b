"""The ACP product feed and agent keys from the CLI; every row validated by the spec's schema."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import httpx
import pytest
from jsonschema import Draft202012Validator

from knowledge.agents import authenticate_agent, create_agent
from knowledge.db import make_engine
from knowledge.errors import InvalidRequestError
from knowledge.settings import Settings
from knowledge.store import Store
from tests.cli_env import SHOPMAGE, ingested_env
from tests.server.conftest import LiveServer
from tests.server.ucp_shop import CATALOG, stock_catalog, ucp_app_only
from tests.server.ucp_spec import ACP_FEED
from tools.feed.acp import SCHEMA_FILE, check_row, feed_lines, row_from_flat


def spec_validator() -> Draft202012Validator:
    bundle = json.loads(ACP_FEED.read_text())
    return Draft202012Validator({**bundle, "$ref": "#/$defs/Product"})


@pytest.fixture(scope="module")
def data_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One ingested store for the module: the feed reads it, the agent test adds one agent."""
    return ingested_env(tmp_path_factory.mktemp("feed"), CATALOG)


def test_feed_export_acp_and_csv_every_row_valid(data_env: dict[str, str],
                                                 tmp_path: Path) -> None:
    assert SCHEMA_FILE.read_bytes() == ACP_FEED.read_bytes()  # the vendored copy is the spec
    jsonl, table = tmp_path / "feed.jsonl", tmp_path / "feed.csv"
    for fmt, out in (("acp", jsonl), ("csv", table)):
        done = subprocess.run([SHOPMAGE, "feed", "export", "--format", fmt, "--out", str(out),
                               "--base-url", "https://shop.example"], env=data_env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert f"{len(CATALOG)} products written" in done.stderr
    rows = [json.loads(line) for line in jsonl.read_text().splitlines()]
    validator = spec_validator()
    assert len(rows) == len(CATALOG)
    for row in rows:
        assert not list(validator.iter_errors(row)), row
    by_id = {row["id"]: row for row in rows}
    assert by_id["K1"]["variants"][0]["price"] == {"amount": 4200, "currency": "USD"}
    assert by_id["S3"]["variants"][0]["availability"] == {"available": False,
                                                          "status": "out_of_stock"}
    assert by_id["K1"]["url"].startswith("https://shop.example/store/")
    with table.open(newline="") as handle:
        flat = list(csv.DictReader(handle))
    assert [r["id"] for r in flat] == [r["id"] for r in rows]
    for r in flat:
        assert not list(validator.iter_errors(row_from_flat(r))), r


def test_an_invalid_row_or_format_stops_the_feed_naming_it() -> None:
    with pytest.raises(InvalidRequestError, match="acp or csv"):
        list(feed_lines([], "xml", "https://shop.example"))  # type: ignore[arg-type]
    row = {"id": "P9", "variants": [{"id": "P9", "title": "Mug",
                                     "price": {"amount": -5, "currency": "USD"}}]}
    with pytest.raises(InvalidRequestError, match="P9.*variants/0/price/amount"):
        check_row(row)


def test_agent_create_prints_a_key_that_authenticates(data_env: dict[str, str]) -> None:
    made = subprocess.run([SHOPMAGE, "agent", "create", "Gemini shopping", "--rate-limit",
                           "30/minute"], env=data_env, capture_output=True, text=True,
                          check=True, timeout=300).stdout
    key = made.split("API key: ")[1].strip()
    engine = make_engine(Settings(data_dir=Path(data_env["SHOPMAGE_DATA_DIR"])))
    agent = authenticate_agent(engine, key)
    assert (agent.name, agent.rate_limit) == ("Gemini shopping", "30/minute")
    assert key not in agent.key_hash
    again = subprocess.run([SHOPMAGE, "agent", "create", "Gemini shopping"], env=data_env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 1 and "already exists" in again.stdout
    with pytest.raises(InvalidRequestError, match="rate limit"):
        create_agent(engine, name="x", rate_limit="lots")


def test_acp_discovery_and_served_feed(store: Store, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ucp_app_only(monkeypatch)
    stock_catalog(store, tmp_path)
    with LiveServer(store) as server:
        declared = httpx.get(f"{server.url}/.well-known/acp.json").json()
        assert declared["protocol"]["name"] == "acp"
        feed_url = declared["feeds"][0]["url"]
        served = httpx.get(feed_url)
        assert served.headers["content-type"].startswith("application/x-ndjson")
        rows = [json.loads(line) for line in served.text.splitlines()]
        validator = spec_validator()
        assert len(rows) == len(CATALOG)
        assert all(not list(validator.iter_errors(r)) for r in rows)
