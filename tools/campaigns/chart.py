"""The forecast chart: cumulative spend and GMV of the median run, ROI against the target."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def forecast_chart(forecast: dict[str, Any], path: Path) -> Path:
    """Write a PNG of the forecast (``Forecast.as_dict()`` shape) and return its path."""
    spend = np.cumsum(forecast["daily_spend"])
    gmv = np.cumsum(forecast["daily_gmv"])
    days = np.arange(1, len(spend) + 1)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4), dpi=100)
    left.plot(days, spend, label="spend", color="#c0392b")
    left.plot(days, gmv, label="GMV", color="#27ae60")
    for q, style in (("p10", ":"), ("p90", "--")):
        left.axhline(forecast[q]["gmv"], color="#27ae60", linestyle=style, linewidth=0.8,
                     label=f"GMV {q}")
    left.set(title="cumulative (median run)", xlabel="day")
    left.legend(fontsize=7)
    roi = np.divide(gmv, spend, out=np.zeros_like(gmv), where=spend > 0)
    right.plot(days, roi, color="#2c3e50", label="ROI")
    right.axhline(forecast["target_roi"], color="#e67e22", linestyle="--", label="target")
    right.set(title="ROI", xlabel="day")
    right.legend(fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def report_chart(report: dict[str, Any], path: Path) -> Path:
    """Write a PNG of recorded results beside the forecast.

    Cumulative spend vs plan and GMV per flight hour,
    beside the forecast's cumulative spend and GMV per day.
    """
    series = report["series"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4), dpi=100)
    hours = np.arange(1, len(series["spend"]) + 1) / 24
    left.plot(hours, series["plan"], label="plan", color="#7f8c8d", linestyle="--")
    left.plot(hours, series["spend"], label="spend", color="#c0392b")
    left.plot(hours, series["gmv"], label="GMV", color="#27ae60")
    left.set(title=f"recorded (ROI {report['roi']:.2f}, target {report['target_roi']:g})",
             xlabel="day")
    left.legend(fontsize=7)
    forecast = report.get("forecast") or {}
    if forecast.get("daily_spend"):
        days = np.arange(1, len(forecast["daily_spend"]) + 1)
        right.plot(days, np.cumsum(forecast["daily_spend"]), label="spend", color="#c0392b")
        right.plot(days, np.cumsum(forecast["daily_gmv"]), label="GMV", color="#27ae60")
        right.legend(fontsize=7)
    right.set(title="forecast (median run)", xlabel="day")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
