"""The retrieval suite end to end on a small ESCI-format dataset, through ``shopmage eval``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.eval import eval_app

runner = CliRunner()

PRODUCTS = [
    ("B1", "Stainless Steel Insulated Water Bottle 32 oz", "HydroMax", "Kitchen"),
    ("B2", "Plastic Sports Water Bottle with Straw", "Splash", "Sports"),
    ("B3", "Glass Water Pitcher with Filter", "Clearo", "Kitchen"),
    ("S1", "Women's Trail Running Shoes Waterproof", "Stride", "Shoes"),
    ("S2", "Men's Leather Dress Shoes Oxford", "Formo", "Shoes"),
    ("S3", "Running Shoe Laces Reflective 2 Pairs", "Lacey", "Accessories"),
    ("C1", "Dark Roast Whole Bean Coffee 2 lb Bag", "Bean Co", "Grocery"),
    ("C2", "Ceramic Coffee Mug 12 oz Set of 4", "Mugly", "Kitchen"),
    ("C3", "Green Tea Bags Organic 100 Count", "Leafy", "Grocery"),
    ("X1", "Wool Hiking Socks Cushioned", "Trekker", "Clothing"),
    ("X2", "USB-C Charging Cable 6 ft", "Voltz", "Electronics"),
    ("X3", "Yoga Mat Non Slip Extra Thick", "Zen", "Sports"),
]
QUERIES = [
    ("q1", "insulated stainless steel water bottle",
     [("B1", "E"), ("B2", "S"), ("B3", "C"), ("X2", "I")]),
    ("q2", "women's waterproof trail running shoes",
     [("S1", "E"), ("S2", "S"), ("S3", "C"), ("C3", "I")]),
    ("q3", "dark roast whole bean coffee",
     [("C1", "E"), ("C2", "C"), ("C3", "S"), ("X3", "I")]),
]


def _product(pid: str, title: str, brand: str, category: str) -> dict[str, Any]:
    return {"product_id": pid, "product_locale": "us", "product_title": title,
            "product_description": "", "product_bullet_point": f"{title}\nGreat value",
            "product_brand": brand, "product_color": "", "category": [category, "More"],
            "price": None if pid.startswith("X") else 19.99, "rating": 4.5}


def write_dataset(folder: Path) -> Path:
    """Write a small ESCI-format dataset (grouped judgments, ESCI product rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "products.jsonl").open("w") as handle:
        for row in PRODUCTS:
            handle.write(json.dumps(_product(*row)) + "\n")
    with (folder / "judgments.dev.jsonl").open("w") as handle:
        for qid, query, judged in QUERIES:
            handle.write(json.dumps({"query_id": qid, "query": query, "judgments": [
                {"product_id": p, "esci_label": label} for p, label in judged]}) + "\n")
    return folder


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("retrieval")
    data = write_dataset(base / "esci")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHOPMAGE_DATA_DIR", str(base / "appdata"))
        result = runner.invoke(eval_app, ["run", "--suite", "retrieval", "--out",
                                          str(base / "out"), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "ndcg@10" in result.output
    yield base / "out"


def test_every_system_scores_the_obvious_queries(run_dir: Path) -> None:
    results = json.loads((run_dir / "results.json").read_text())
    assert results["suite"] == "retrieval"
    metrics = results["metrics"]
    assert set(metrics) == {"bm25", "dense", "hybrid", "hybrid+knowledge", "learned_ranker_cv",
                            "random"}
    learned, shuffled = metrics.pop("learned_ranker_cv"), metrics.pop("random")
    assert learned["ndcg@10_delta_vs_hybrid"] == pytest.approx(
        learned["ndcg@10"] - metrics["hybrid"]["ndcg@10"])
    assert 0.0 < shuffled["ndcg@10"] < metrics["hybrid"]["ndcg@10"]
    delta = metrics["hybrid+knowledge"].pop("ndcg@10_delta_vs_hybrid")
    assert delta == pytest.approx(metrics["hybrid+knowledge"]["ndcg@10"]
                                  - metrics["hybrid"]["ndcg@10"])
    for system, values in metrics.items():
        assert set(values) == {"ndcg@10", "recall@10", "mrr"}, system
        # each query's exact product names the query's words: it must come first
        assert values["mrr"] == 1.0, system
        assert values["recall@10"] == 1.0, system
        assert values["ndcg@10"] > 0.9, system


def test_run_records_the_data_and_the_index(run_dir: Path) -> None:
    meta = json.loads((run_dir / "results.json").read_text())["meta"]
    rows = sorted((Path(f["path"]).name, f["rows"]) for f in meta["data_files"])
    assert rows == [("judgments.dev.jsonl", 3), ("products.jsonl", 12)]
    assert meta["details"]["products"] == 12 and meta["details"]["products_per_second"] > 0
    report = (run_dir / "report.html").read_text()
    assert "Per-query nDCG@10 by system" in report and "data:image/png;base64," in report
    assert "products indexed in" in report and "insulated stainless steel water bottle" in report


def test_malformed_judgments_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(tmp_path / "appdata"))
    data = write_dataset(tmp_path / "esci")
    lines = (data / "judgments.dev.jsonl").read_text().splitlines()
    lines[1] = lines[1].replace('"S"', '"maybe"')
    (data / "judgments.dev.jsonl").write_text("\n".join(lines) + "\n")
    result = runner.invoke(eval_app, ["run", "--suite", "retrieval", "--out", str(tmp_path / "o"),
                                      "--data", str(data)])
    assert result.exit_code == 1
    assert "judgments.dev.jsonl, line 2: unknown esci_label 'maybe'" in result.output
    assert not (tmp_path / "o" / "results.json").exists()


def test_judged_product_missing_from_catalogue_is_named(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(tmp_path / "appdata"))
    data = write_dataset(tmp_path / "esci")
    text = (data / "judgments.dev.jsonl").read_text().replace('"X3"', '"GONE"')
    (data / "judgments.dev.jsonl").write_text(text)
    result = runner.invoke(eval_app, ["run", "--suite", "retrieval", "--out", str(tmp_path / "o"),
                                      "--data", str(data)])
    assert result.exit_code == 1
    assert "line 3: query 'q3' judges 'GONE', which is not in products.jsonl" in result.output
