"""Run-to-run comparison: per system and metric, A, B, B - A and the relative change."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evals.harness import load_results


@dataclass(frozen=True)
class MetricDelta:
    """One system/metric compared across two runs; ``a`` or ``b`` is None when absent there."""

    system: str
    metric: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        """B - A, or None when either side is missing."""
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def relative(self) -> float | None:
        """(B - A) / |A|, or None when A is 0 or either side is missing."""
        if self.delta is None or not self.a:
            return None
        return self.delta / abs(self.a)

    @property
    def status(self) -> str:
        """``both``, ``only in A`` or ``only in B``."""
        if self.a is None:
            return "only in B"
        return "only in A" if self.b is None else "both"


@dataclass(frozen=True)
class Comparison:
    """Two runs compared: their suites and one row per system/metric present in either."""

    suite_a: str
    suite_b: str
    rows: list[MetricDelta]


def compare_results(run_a: Path, run_b: Path) -> Comparison:
    """Structured comparison of two runs (folders or results.json paths)."""
    a, b = load_results(run_a), load_results(run_b)
    ma, mb = a["metrics"], b["metrics"]
    rows: list[MetricDelta] = []
    for system in _union(ma, mb):
        sa, sb = ma.get(system, {}), mb.get(system, {})
        for metric in _union(sa, sb):
            rows.append(MetricDelta(system, metric, _num(sa.get(metric)), _num(sb.get(metric))))
    return Comparison(str(a.get("suite", "?")), str(b.get("suite", "?")), rows)


def _union(first: dict[str, object], second: dict[str, object]) -> list[str]:
    return list(first) + [k for k in second if k not in first]


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def fmt(value: float | None, *, signed: bool = False, percent: bool = False) -> str:
    """Format a number for display: 4 decimals (or a percentage), '-' when missing."""
    if value is None:
        return "-"
    if percent:
        return f"{value * 100:+.1f}%"
    return f"{value:+.4f}" if signed else f"{value:.4f}"


def format_comparison(comparison: Comparison) -> str:
    """Plain-text table of a comparison."""
    header = ("system", "metric", "A", "B", "delta", "rel", "note")
    lines = [header]
    for r in comparison.rows:
        note = "" if r.status == "both" else r.status
        lines.append((r.system, r.metric, fmt(r.a), fmt(r.b), fmt(r.delta, signed=True),
                      fmt(r.relative, percent=True), note))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in lines]
    title = f"A: {comparison.suite_a}  B: {comparison.suite_b}"
    if comparison.suite_a != comparison.suite_b:
        title += "  (different suites)"
    return "\n".join([title, *text])


def compare_runs(run_a: Path, run_b: Path) -> str:
    """Text comparison of two runs: A, B, delta and relative delta per system and metric."""
    return format_comparison(compare_results(run_a, run_b))
