"""CPU time of never-asked UCP catalog searches, in process, on a store already built.

``python -m evals.ucp_search_cpu --data-dir D`` (D: a store built by ``shopmage bench
ucp-search --data-dir D``) opens the store as the server does (knowledge attached and warmed,
start-up objects frozen out of the collector), asks the bench's warm-up queries, then times
``search_catalog`` for the bench's never-asked queries (cache misses). It prints the process
CPU time per search (every thread of the process: the query embedding's too), beside wall
time: on a loaded machine CPU time still compares two versions of the code, where wall time
(and the REST bench) mostly measures the load. Run it from two checkouts on one store to A/B
code, or from one checkout on two stores to A/B data.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    """Print CPU and wall p50/p95 (ms) of never-asked UCP searches on the store in --data-dir."""
    from evals.bench_ucp import QUERIES, _distinct_requests, _percentile
    from knowledge.settings import Settings
    from knowledge.store import Store
    from server.app import attach_knowledge
    from tools.ucp import catalog

    parser = argparse.ArgumentParser(prog="python -m evals.ucp_search_cpu")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    if not (args.data_dir / "shopmage.db").is_file():
        parser.error(f"{args.data_dir} holds no store: build one with "
                     "`shopmage bench ucp-search --data-dir DIR` first")
    store = Store(Settings(data_dir=args.data_dir))
    attach_knowledge(store, warm=True)
    asked = _distinct_requests(store, args.queries)
    for query in QUERIES:
        catalog.search(store, {"query": query}, "http://bench")
    gc.freeze()  # as the server does after start-up
    cpu, wall = [], []
    for body in asked:
        started, used = time.perf_counter(), time.process_time()
        catalog.search(store, body, "http://bench")
        cpu.append((time.process_time() - used) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    store.close()
    print(json.dumps({"products": len(store.search.index), "searches": len(cpu),
                      "cpu_p50_ms": round(_percentile(cpu, 0.5), 2),
                      "cpu_p95_ms": round(_percentile(cpu, 0.95), 2),
                      "wall_p50_ms": round(_percentile(wall, 0.5), 2),
                      "wall_p95_ms": round(_percentile(wall, 0.95), 2),
                      "load_1m": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()
