"""The eval harness: metrics on hand-computed values, results.json and report, compare, ESCI."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.eval import eval_app
from evals.compare import compare_results, compare_runs
from evals.datasets import DatasetError
from evals.datasets.esci import default_esci_dir, load_esci, load_judgments, load_products
from evals.harness import (
    EvalError,
    Plot,
    SuiteContext,
    SuiteResult,
    Table,
    get_suite,
    register_suite,
    run_suite,
)
from evals.metrics import mrr as mean_rr
from evals.metrics import (
    ndcg_at_k,
    percentile,
    precision_recall_f1,
    recall_at_k,
    reciprocal_rank,
    span_f1,
    token_f1,
)
from knowledge.settings import Settings

runner = CliRunner()

# -- metrics -------------------------------------------------------------------------------


def test_ndcg_graded_gains_by_hand() -> None:
    gains = {"e": 1.0, "s": 0.1, "c": 0.01, "i": 0.0}
    # ranking i, s, e: DCG = 0 + 0.1/log2(3) + 1/log2(4) = 0.063093 + 0.5
    # ideal e, s, c:   IDCG = 1 + 0.1/log2(3) + 0.01/2 = 1.068093
    assert ndcg_at_k(["i", "s", "e"], gains, 3) == pytest.approx(0.563093 / 1.068093, abs=1e-6)
    assert ndcg_at_k(["e", "s", "c", "i"], gains, 10) == pytest.approx(1.0)
    # k=1 looks only at the first place; an unjudged item gains 0
    assert ndcg_at_k(["s", "e"], gains, 1) == pytest.approx(0.1)
    # unjudged x first: DCG = 1/log2(3); ideal top 2 = e, s = 1 + 0.1/log2(3)
    assert ndcg_at_k(["x", "e"], gains, 2) == pytest.approx(
        (1 / math.log2(3)) / (1 + 0.1 / math.log2(3)))
    assert ndcg_at_k(["a"], {"a": 0.0}, 5) == 0.0


def test_recall_mrr_and_f1_by_hand() -> None:
    assert recall_at_k(["a", "b", "c", "d"], {"b", "d", "z"}, 2) == pytest.approx(1 / 3)
    assert recall_at_k(["a", "b", "c", "d"], {"b", "d", "z"}, 4) == pytest.approx(2 / 3)
    assert reciprocal_rank(["a", "b", "c"], {"c"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], {"c"}) == 0.0
    assert mean_rr([["a", "b"], ["x", "y"], ["q"]], [{"b"}, {"x"}, {"z"}]) == pytest.approx(0.5)
    p, r, f = precision_recall_f1(["a", "b", "c", "d"], ["b", "c", "e"])
    assert (p, r) == (0.5, pytest.approx(2 / 3)) and f == pytest.approx(4 / 7)
    assert span_f1([(0, 4, "COLOR"), (5, 9, "TYPE")], [(0, 4, "COLOR"), (5, 9, "SIZE")]).f1 == 0.5
    # 2 shared tokens; precision 2/3, recall 2/4 -> F1 = 4/7
    assert token_f1("red running shoes", "the red running sneakers").f1 == pytest.approx(4 / 7)
    with pytest.raises(ValueError, match="k must be positive"):
        recall_at_k(["a"], {"a"}, 0)


def test_percentile_interpolates_like_numpy() -> None:
    values = [15, 20, 35, 40, 50]
    assert percentile(values, 50) == 35
    assert percentile(values, 40) == pytest.approx(29.0)  # pos 1.6 -> 20 + 0.6 * 15
    assert percentile(values, 100) == 50
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


# -- harness, report, compare --------------------------------------------------------------


@register_suite("tiny-test")
def _tiny(ctx: SuiteContext) -> SuiteResult:
    assert ctx.data is not None
    rows = ctx.data.read_text().splitlines()
    ctx.record_data_file(ctx.data, len(rows))
    ctx.progress("scored")
    scale = 1.0 + ctx.seed / 10
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 2))
    figure.subplots().plot([0, 1], [0, scale])
    return SuiteResult(
        metrics={"alpha": {"acc": 0.75 * scale, "rows": len(rows)}, f"only-{ctx.seed}": {"x": 1}},
        tables=[Table("confusion", ["gold", "pred yes"], [["yes", 3]])],
        plots=[Plot("line <plot>", figure)], notes=["a note & more"], details={"rows": len(rows)})


def _run_tiny(tmp_path: Path, name: str, seed: int) -> Path:
    data = tmp_path / "tiny.txt"
    data.write_text("a\nb\nc\n")
    return run_suite("tiny-test", tmp_path / name, data=data, seed=seed,
                     settings=Settings(data_dir=tmp_path / "data"))


def test_run_suite_writes_results_and_report(tmp_path: Path) -> None:
    path = _run_tiny(tmp_path, "run", seed=0)
    results = json.loads(path.read_text())
    assert set(results) == {"suite", "metrics", "meta"} and results["suite"] == "tiny-test"
    assert results["metrics"] == {"alpha": {"acc": 0.75, "rows": 3.0}, "only-0": {"x": 1.0}}
    meta = results["meta"]
    assert {"settings", "versions", "seeds", "data_files", "started", "seconds",
            "git_commit"} <= set(meta)
    assert meta["seeds"] == {"seed": 0} and meta["versions"]["python"].startswith("3.11")
    assert meta["versions"]["numpy"] and meta["settings"]["llm_api_key"] == "***"
    assert meta["settings"]["llm_max_tokens"] == 160  # only secrets are masked
    (file,) = meta["data_files"]
    assert file["rows"] == 3 and len(file["sha256"]) == 64
    report = (path.parent / "report.html").read_text()
    assert "0.7500" in report and "only-0" in report and "confusion" in report
    assert "data:image/png;base64," in report and "line &lt;plot&gt;" in report
    assert "a note &amp; more" in report and "<link" not in report


def test_unknown_suite_and_bad_data_are_named(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"unknown suite 'nope'; available: .*retrieval"):
        get_suite("nope")
    with pytest.raises(EvalError, match="no such file"):
        run_suite("tiny-test", tmp_path / "out", data=tmp_path / "missing.txt")
    assert not (tmp_path / "out" / "results.json").exists()


def test_compare_lists_deltas_and_one_sided_entries(tmp_path: Path) -> None:
    a, b = _run_tiny(tmp_path, "a", seed=0), _run_tiny(tmp_path, "b", seed=2)
    rows = {(r.system, r.metric): r for r in compare_results(a.parent, b.parent).rows}
    acc = rows[("alpha", "acc")]
    assert (acc.a, acc.b) == (0.75, pytest.approx(0.9)) and acc.delta == pytest.approx(0.15)
    assert acc.relative == pytest.approx(0.2)
    assert rows[("only-0", "x")].status == "only in A"
    assert rows[("only-2", "x")].status == "only in B"
    text = compare_runs(a, b)
    assert "+0.1500" in text and "+20.0%" in text and "only in B" in text


def test_cli_runs_and_compares(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(tmp_path / "data"))
    data = tmp_path / "tiny.txt"
    data.write_text("a\nb\n")
    for name, seed in (("a", "0"), ("b", "5")):
        result = runner.invoke(eval_app, ["run", "--suite", "tiny-test", "--out",
                                          str(tmp_path / name), "--data", str(data),
                                          "--seed", seed])
        assert result.exit_code == 0, result.output
    assert "0.7500" in result.output or "1.1250" in result.output
    result = runner.invoke(eval_app, ["compare", str(tmp_path / "a"), str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "+0.3750" in result.output and "+50.0%" in result.output
    result = runner.invoke(eval_app, ["compare", str(tmp_path / "a"), str(tmp_path / "zz")])
    assert result.exit_code == 1 and "no results.json" in result.output
    result = runner.invoke(eval_app, ["run", "--suite", "nope", "--out", str(tmp_path / "c")])
    assert result.exit_code == 1 and "unknown suite 'nope'" in result.output


# -- ESCI loaders --------------------------------------------------------------------------


def _judgment(qid: str, label: str = "E") -> str:
    return json.dumps({"query_id": qid, "query": f"query {qid}",
                       "judgments": [{"product_id": "P1", "esci_label": label, "rating": 1.0}]})


def test_esci_loader_rejects_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "judgments.jsonl"
    path.write_text(_judgment("1") + "\n" + _judgment("2") + "\n{not json\n")
    with pytest.raises(DatasetError, match=r"judgments.jsonl, line 3: not valid JSON"):
        load_judgments(path)
    path.write_text(_judgment("1") + "\n" + _judgment("2", label="X") + "\n")
    with pytest.raises(DatasetError, match=r"line 2: unknown esci_label 'X' for product 'P1'"):
        load_judgments(path)
    path.write_text('{"query_id": "1", "product_id": "P1", "esci_label": "E"}\n')
    with pytest.raises(DatasetError, match=r"line 1: missing or empty field 'query'"):
        load_judgments(path)
    products = tmp_path / "products.jsonl.gz"
    with gzip.open(products, "wt") as handle:
        handle.write('{"product_id": "P1", "product_title": "t"}\n{"product_id": "P2"}\n')
    with pytest.raises(DatasetError, match=r"line 2: missing or empty field 'product_title'"):
        load_products(products)


def test_esci_loader_accepts_the_flat_form(tmp_path: Path) -> None:
    path = tmp_path / "flat.jsonl"
    rows = [("q1", "red shoes", "P1", "E"), ("q2", "tea", "P3", "I"),
            ("q1", "red shoes", "P2", "S")]
    path.write_text("".join(json.dumps(dict(zip(("query_id", "query", "product_id", "esci_label"),
                                                r, strict=True))) + "\n" for r in rows))
    q1, q2 = load_judgments(path)
    assert (q1.query, q1.product_ids, q1.exact) == ("red shoes", ("P1", "P2"), {"P1"})
    assert q1.gains == {"P1": 1.0, "P2": 0.1} and q2.gains == {"P3": 0.0}


def test_shared_esci_extract_loads() -> None:
    data = load_esci(default_esci_dir())
    assert len(data.queries) == 121 and len(data.products) == 6597
    assert all(q.exact for q in data.queries)
