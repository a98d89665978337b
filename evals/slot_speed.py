"""Time per message of the slot understanding (tagger + price/negation/reference parsers).

Messages: the QueryNER dev queries plus the written price expressions, parsed one at a
time with the ESCI catalogue's vocabulary (or the demo-free base lists with
``--catalog none``). Prints p50/p95/p99 in milliseconds after a warm-up, wall-clock and
this thread's CPU time. Run it on a quiet machine for the figure of record; under load the
wall figure reads high (the CPU figure much less so).

    python -m evals.slot_speed [--data ../shared/data] [--catalog esci|none] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from agents.understanding.slots import parse_slots
from evals.prices import DATA as PRICES
from evals.queryner import DEFAULT_DATA, catalogue_vocabulary
from knowledge.nlp.tagger import load_tagger
from knowledge.settings import Settings


def messages(data: Path) -> list[str]:
    """Real queries and written price phrasings."""
    with (data / "queryner" / "dev.jsonl").open(encoding="utf-8") as handle:
        queries = [json.loads(line)["query"] for line in handle if line.strip()]
    prices = [json.loads(line)["text"] for line in PRICES.read_text().splitlines() if line]
    return queries + prices


def main() -> None:
    """Print latency percentiles of ``parse_slots``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--catalog", choices=("esci", "none"), default="esci")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tagger = load_tagger(Settings())
    vocab = catalogue_vocabulary(args.data, args.catalog)
    texts = messages(args.data)
    for text in texts[:50]:
        parse_slots(text, vocab, tagger)
    wall, cpu = [], []
    for _ in range(args.repeat):
        for text in texts:
            began, began_cpu = time.perf_counter(), time.thread_time()
            parse_slots(text, vocab, tagger)
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.thread_time() - began_cpu) * 1000)
    print(f"parse_slots over {len(texts)} messages x{args.repeat} (catalogue {args.catalog})")
    for name, values in (("wall", wall), ("cpu", cpu)):
        p50, p95, p99 = np.percentile(values, [50, 95, 99])
        print(f"  {name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, p99 {p99:.2f} ms")


if __name__ == "__main__":
    main()
