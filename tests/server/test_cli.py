import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_ingest_then_search(data_dir: Path) -> None:
    catalog = write_jsonl(data_dir / "c.jsonl", CATALOG)
    result = runner.invoke(app, ["ingest", "catalog", str(catalog)])
    assert result.exit_code == 0, result.output
    assert "imported 5 products" in result.output
    result = runner.invoke(app, ["search", "shoes", "--max-price", "100", "--category", "shoes",
                                 "--json"])
    assert result.exit_code == 0, result.output
    ids = [row["id"] for row in json.loads(result.output.strip().splitlines()[-1])]
    assert set(ids) == {"S1", "S2"}


def test_bad_import_is_reported_and_changes_nothing(data_dir: Path) -> None:
    bad = data_dir / "bad.jsonl"
    bad.write_text(json.dumps(CATALOG[0]) + "\n" + '{"product_id": "X2"}\n')
    result = runner.invoke(app, ["ingest", "catalog", str(bad)])
    assert result.exit_code == 1
    assert "line 2: product_title is missing" in result.output
    result = runner.invoke(app, ["search", "shoes", "--json"])
    assert json.loads(result.output.strip().splitlines()[-1]) == []


def test_events_import_and_merchant_key(data_dir: Path) -> None:
    runner.invoke(app, ["ingest", "catalog", str(write_jsonl(data_dir / "c.jsonl", CATALOG))])
    events = write_jsonl(data_dir / "e.jsonl", [
        {"user_id": "u1", "type": "view", "product_id": "S1"},
        {"user_id": "u1", "type": "purchase", "product_id": "S1"}])
    result = runner.invoke(app, ["ingest", "events", str(events)])
    assert "imported 2 events" in result.output
    result = runner.invoke(app, ["merchant", "create", "Acme"])
    assert result.exit_code == 0 and "API key: smk_" in result.output
    again = runner.invoke(app, ["merchant", "create", "Acme"])
    assert again.exit_code == 1 and "already exists" in again.output
