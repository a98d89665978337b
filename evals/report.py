"""A self-contained HTML report of one run: inline CSS, plots as base64 PNG, no external files."""

from __future__ import annotations

import base64
import html
import io
import json
from typing import Any

from evals.results import Plot, SuiteResult, Table

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


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f'<td class="num">{value:.4f}</td>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="num">{value}</td>'
    return f"<td>{_esc('' if value is None else value)}</td>"


def html_table(columns: list[str], rows: list[list[Any]]) -> str:
    """Render an HTML table with escaped cells; floats shown with 4 decimals."""
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def metrics_table(metrics: dict[str, dict[str, float]]) -> str:
    """One row per system, one column per metric (a blank where a system lacks a metric)."""
    names: list[str] = []
    for values in metrics.values():
        names.extend(m for m in values if m not in names)
    rows = [[system, *[values.get(m, "") for m in names]] for system, values in metrics.items()]
    return html_table(["system", *names], rows)


def png_bytes(figure: Any) -> bytes:
    """PNG bytes of a matplotlib Figure (or the bytes themselves when already PNG)."""
    if isinstance(figure, bytes | bytearray):
        return bytes(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()


def _plot(plot: Plot) -> str:
    data = base64.b64encode(png_bytes(plot.figure)).decode("ascii")
    return (f"<h3>{_esc(plot.title)}</h3>"
            f'<img alt="{_esc(plot.title)}" src="data:image/png;base64,{data}">')


def _table(table: Table) -> str:
    return f"<h3>{_esc(table.title)}</h3>" + html_table(table.columns, table.rows)


def render_report(results: dict[str, Any], result: SuiteResult) -> str:
    """Render the whole report page for one run (``results`` is the results.json content)."""
    meta = results["meta"]
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>shopmage eval: {_esc(results['suite'])}</title><style>{CSS}</style></head><body>",
        f"<h1>Suite <code>{_esc(results['suite'])}</code></h1>",
        f'<p class="muted">started {_esc(meta["started"])} UTC, {meta["seconds"]:.1f} s, '
        f"commit {_esc(meta['git_commit'] or 'unknown')}, seed {_esc(meta['seeds'])}</p>",
        "<h2>Metrics</h2>", metrics_table(results["metrics"]),
    ]
    if result.notes:
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li>{_esc(n)}</li>" for n in result.notes)
                     + "</ul>")
    if result.plots:
        parts.append("<h2>Plots</h2>" + "".join(_plot(p) for p in result.plots))
    if result.tables:
        parts.append("<h2>Tables</h2>" + "".join(_table(t) for t in result.tables))
    parts.append(_meta_section(meta))
    parts.append("</body></html>")
    return "\n".join(parts)


def _meta_section(meta: dict[str, Any]) -> str:
    files = [[f["path"], f["rows"], f["sha256"][:16]] for f in meta["data_files"]]
    versions = [[k, v or "not installed"] for k, v in meta["versions"].items()]
    out = ["<h2>Run</h2>"]
    if files:
        out.append("<h3>Data files</h3>" + html_table(["path", "rows", "sha256 (prefix)"], files))
    if meta.get("details"):
        out.append("<h3>Details</h3><pre>" + _esc(json.dumps(meta["details"], indent=2)) + "</pre>")
    out.append("<h3>Versions</h3>" + html_table(["package", "version"], versions))
    out.append("<details><summary>Settings</summary><pre>"
               + _esc(json.dumps(meta["settings"], indent=2)) + "</pre></details>")
    return "".join(out)
