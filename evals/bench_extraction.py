"""Import speed with extraction: extraction alone and a full import, in products per second.

    python -m evals.bench_extraction [--products N]

Extraction runs over the first N shipped ESCI products (default all); the full import writes
N products (default 1000) into a fresh store in a temp dir (SQL + BM25 + embeddings + Chroma),
once with extraction and once with it replaced by a no-op, so the extraction share shows.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from unittest.mock import patch

from knowledge.demo.esci import esci_rows
from knowledge.extraction.extract import extract


def extraction_rate(rows: list[dict[str, Any]]) -> float:
    """Products per second for extraction alone."""
    start = time.perf_counter()
    for row in rows:
        bullets = str(row.get("product_bullet_point") or "").splitlines()
        extract(row.get("product_title") or "", bullets, row.get("product_description") or "",
                color=row.get("product_color") or None)
    return len(rows) / (time.perf_counter() - start)


def import_rate(rows: list[dict[str, Any]], *, with_extraction: bool) -> float:
    """Products per second for a full import into a fresh temp store."""
    import knowledge.ingest as ingest
    from knowledge.settings import Settings
    from knowledge.store import Store

    skip = patch.object(ingest, "apply_extraction", lambda *args, **kwargs: 0)
    with nullcontext() if with_extraction else skip, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "products.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
        store = Store(Settings(data_dir=Path(tmp) / "data", database_url=None,
                               chroma_url=None))
        store.embedder.embed(["warm up"])
        start = time.perf_counter()
        ingest.import_catalog(store, path)
        seconds = time.perf_counter() - start
        store.close()
    return len(rows) / seconds


def main() -> None:
    """Print extraction and import throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=1000, help="products for the import runs")
    args = parser.parse_args()
    rows = esci_rows()
    print(f"extraction only: {extraction_rate(rows):.0f} products/s over {len(rows)} ESCI products")
    some = rows[:args.products]
    print(f"import with extraction:    {import_rate(some, with_extraction=True):.0f} products/s "
          f"({len(some)} products)")
    print(f"import without extraction: {import_rate(some, with_extraction=False):.0f} products/s")


if __name__ == "__main__":
    main()
