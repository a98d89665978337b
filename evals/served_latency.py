"""Time the served knowledge lines: ``expand`` plus ``explain`` on the top-5 cards, per query.

Search itself is outside the timed part (it is timed by ``shopmage bench``); what is timed is
what the knowledge layer adds to a search's cards: reading the query and writing (and gating)
each card's evidence lines. Stores as for the census (``evals.served_sample``)::

    python -m evals.served_latency --queries FILE --esci-dir DIR --demo-dir DIR

Prints p50 / p95 / mean milliseconds per query over both catalogues, and the lines served.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from evals.implicit_needs import K, demo_store, esci_store
from knowledge.settings import Settings


def timed(folders: dict[str, Path], queries: list[str]) -> tuple[list[float], int]:
    """Milliseconds of expand + explain per query and catalogue, and the lines served."""
    times: list[float] = []
    lines = 0
    for name, build in (("esci", esci_store), ("demo", demo_store)):
        store = build(Settings(data_dir=folders[name]))
        try:
            expander = store.search.expander
            expander.warm()  # type: ignore[union-attr]
            for query in queries:
                hits = store.search.search(query, k=K)
                started = time.perf_counter()
                exp = expander.expand(query)  # type: ignore[union-attr]
                for hit in hits:
                    lines += len(expander.explain(exp, hit.product)[0])  # type: ignore[union-attr]
                times.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    return times, lines


def main() -> None:
    """Print the timing as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--esci-dir", type=Path, required=True)
    parser.add_argument("--demo-dir", type=Path, required=True)
    args = parser.parse_args()
    rows = [json.loads(x) for x in args.queries.read_text().splitlines() if x.strip()]
    queries = [r["query"] for r in rows if "excluded" not in r]
    times, lines = timed({"esci": args.esci_dir, "demo": args.demo_dir}, queries)
    ms = np.asarray(times)
    print(json.dumps({"calls": len(ms), "p50_ms": round(float(np.percentile(ms, 50)), 3),
                      "p95_ms": round(float(np.percentile(ms, 95)), 3),
                      "mean_ms": round(float(ms.mean()), 3), "lines": lines}))


if __name__ == "__main__":
    main()
