"""A self-contained HTML report of one run (Jinja2): inline CSS, plots as base64 PNG."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import jinja2

from evals.results import SuiteResult

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
max-width:1100px;color:#1d2330;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;
border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #dde2ea;padding:.3rem .6rem;text-align:left}
th{background:#f3f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#6b7385;font-size:.85rem}img{max-width:100%;border:1px solid #eef0f4}
pre{background:#f6f8fa;padding:.8rem;overflow:auto;font-size:.8rem}
details{margin:.5rem 0}
"""


_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def png_bytes(figure: Any) -> bytes:
    """PNG bytes of a matplotlib Figure (or the bytes themselves when already PNG)."""
    if isinstance(figure, bytes | bytearray):
        return bytes(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()


def _metric_rows(metrics: dict[str, dict[str, float]]) -> tuple[list[str], list[list[Any]]]:
    """One row per system, one column per metric (a blank where a system lacks a metric)."""
    names: list[str] = []
    for values in metrics.values():
        names.extend(m for m in values if m not in names)
    rows = [[system, *[values.get(m, "") for m in names]] for system, values in metrics.items()]
    return ["system", *names], rows


def render_report(results: dict[str, Any], result: SuiteResult) -> str:
    """Render the whole report page for one run (``results`` is the results.json content)."""
    meta = results["meta"]
    columns, rows = _metric_rows(results["metrics"])
    plots = [{"title": p.title, "png": base64.b64encode(png_bytes(p.figure)).decode("ascii")}
             for p in result.plots]
    return _TEMPLATES.get_template("report.html.j2").render(
        results=results, meta=meta, result=result, css=CSS, plots=plots,
        metric_columns=columns, metric_rows=rows,
        data_files=[[f["path"], f["rows"], f["sha256"][:16]] for f in meta["data_files"]],
        versions=[[k, v or "not installed"] for k, v in meta["versions"].items()])
