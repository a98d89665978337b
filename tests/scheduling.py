"""The parallel run's groups, and their order: longest first, by how long each took last time.

``make test`` runs the suite on two workers (``-n 2 --dist loadgroup --no-loadscope-reorder``).
Each group (a test module, or all the browser tests, which share one demo server) runs on
one worker, and a worker that finishes a group takes the next one in collection order. A
long group that starts last keeps one worker busy while the other idles, so the groups go
longest first (the LPT rule), by the seconds each took in the last parallel run (kept in
pytest's cache under ``KEY``); a group never timed is estimated from its number of tests at
the timed groups' seconds per test. With no record yet, groups with more tests go first
(what xdist does by default). Order changes no result:
every group keeps its own tests' order, and fixtures are per module or per worker.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

KEY = "shopmage/group-seconds"


def group_of(nodeid: str) -> str:
    """A test's group: its module, or "web" for every browser test."""
    module = nodeid.split("::", 1)[0]
    return "web" if module.startswith("tests/web/") else module


def order_groups(items: list[pytest.Item], seconds: dict[str, float]) -> None:
    """Sort ``items`` in place: groups longest first, each group's tests in their order."""
    groups: dict[str, list[pytest.Item]] = {}
    for item in items:
        groups.setdefault(group_of(item.nodeid), []).append(item)
    timed = [g for g in groups if g in seconds]
    per_test = (sum(seconds[g] for g in timed) / sum(len(groups[g]) for g in timed)
                if timed else 1.0)
    weight = {g: float(seconds[g]) if g in seconds else per_test * len(tests)
              for g, tests in groups.items()}
    ranked = sorted(groups, key=lambda g: -weight[g])  # stable: ties keep collection order
    items[:] = [item for g in ranked for item in groups[g]]


class GroupTimes:
    """Each group's test time (setup, call and teardown) in this run."""

    def __init__(self) -> None:
        """Nothing timed yet."""
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def add(self, report: pytest.TestReport) -> None:
        """Count one phase of one test."""
        self.seconds[group_of(report.nodeid)] += report.duration

    def save(self, config: pytest.Config, exitstatus: int) -> None:
        """Keep the times of a parallel run that ran to its end (the xdist controller only)."""
        cache: Any = getattr(config, "cache", None)
        parallel = config.getoption("numprocesses", None) and not hasattr(config, "workerinput")
        if cache is None or not parallel or exitstatus not in (0, 1) or not self.seconds:
            return
        known = dict(cache.get(KEY, {}))
        known.update({g: round(s, 2) for g, s in self.seconds.items()})
        cache.set(KEY, known)
