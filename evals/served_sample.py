"""Draw a fresh sample of served evidence lines to label by hand (served_labelling_guideline.md).

Every evidence line served on the top-5 cards of the implicit-need query sets (ESCI and demo,
dev and test) is collected; the sample is the ``n`` lines with the smallest
``sha1(salt | query | product id | attribute)``, leaving out lines already in an earlier labelled
sample. Labels (``knowledge``, ``product``, ``sentence``) are then written by reading::

    python -m evals.served_sample --esci-dir DIR --demo-dir DIR --out sample.jsonl [--n 200]

With ``--queries FILE`` (a fresh query set, frozen before the code it measures) every line
served for those queries on both catalogues is written: a census, not a sample.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from evals.implicit_needs import K, demo_store, esci_store, rows_for
from knowledge.graph.serve import KnowledgeExpander
from knowledge.settings import Settings
from knowledge.store import Store

DATA = Path(__file__).resolve().parent / "data"
SALT = "served-v4"  # served_labels_v3.jsonl was drawn with "served-v3"


def served_lines(store: Store, catalogue: str,
                 rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every evidence line on the top-5 cards of one catalogue's implicit-need queries.

    ``rows`` replaces the catalogue's frozen query set (e.g. a fresh set of queries).
    """
    expander = store.search.expander
    if not isinstance(expander, KnowledgeExpander):
        raise TypeError("the store serves no knowledge graph (KnowledgeExpander)")
    out = []
    for row in rows if rows is not None else rows_for(catalogue, None):
        exp = expander.expand(row["query"])
        for rank, hit in enumerate(store.search.search(row["query"], k=K), start=1):
            for line, attr in zip(*expander.explain(exp, hit.product), strict=True):
                heads = sorted({e.head for e in exp.evidence
                                if e.relation == "NEEDS" and e.tail == attr})
                out.append({"catalogue": catalogue, "split": row.get("split", "fresh"),
                            "query": row["query"], "rank": rank, "product_id": hit.product.id,
                            "title": hit.product.title[:150], "attribute": attr,
                            "heads": heads, "line": line})
    return out


def key(row: dict[str, Any]) -> tuple[str, str, str]:
    """What makes a served line the same line across samples."""
    return row["query"], row["product_id"], row["attribute"]


def draw(lines: list[dict[str, Any]], n: int, labelled: set[tuple[str, str, str]],
         salt: str = SALT) -> list[dict[str, Any]]:
    """The ``n`` unlabelled lines with the smallest salted hash."""
    fresh = [r for r in lines if key(r) not in labelled]

    def digest(r: dict[str, Any]) -> str:
        return hashlib.sha1("|".join((salt, *key(r))).encode()).hexdigest()

    return sorted(fresh, key=digest)[:n]


def census(folders: dict[str, Path], queries: Path, out: Path, ranker: bool = True) -> None:
    """Write every line served for ``queries`` on both catalogues."""
    rows = [json.loads(line) for line in queries.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if "excluded" not in r]  # set aside when the set was written
    lines: list[dict[str, Any]] = []
    for name, build in (("esci", esci_store), ("demo", demo_store)):
        store = build(Settings(data_dir=folders[name], ranker_enabled=ranker))
        try:
            lines += served_lines(store, name, rows)
        finally:
            store.close()
    out.write_text("".join(json.dumps(r) + "\n" for r in lines))
    print(json.dumps({"queries": len(rows), "served_lines": len(lines),
                      "queries_with_lines": len({r["query"] for r in lines})}))


def main() -> None:
    """Collect the served lines of both catalogues and write the sample to label."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esci-dir", type=Path, required=True)
    parser.add_argument("--demo-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--salt", default=SALT)
    parser.add_argument("--queries", type=Path, help="fresh queries (JSONL): every line, no sample")
    parser.add_argument("--no-ranker", action="store_true",
                        help="hybrid order only (the learned ranker is on by default, as served)")
    args = parser.parse_args()
    if args.queries is not None:
        census({"esci": args.esci_dir, "demo": args.demo_dir}, args.queries, args.out,
               ranker=not args.no_ranker)
        return
    lines: list[dict[str, Any]] = []
    for name, build, folder in (("esci", esci_store, args.esci_dir),
                                ("demo", demo_store, args.demo_dir)):
        store = build(Settings(data_dir=folder, ranker_enabled=not args.no_ranker))
        try:
            lines += served_lines(store, name)
        finally:
            store.close()
    labelled = {key(json.loads(line)) for path in sorted(DATA.glob("served_labels*.jsonl"))
                for line in path.read_text().splitlines() if line.strip()}
    sample = draw(lines, args.n, labelled, args.salt)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in sample))
    print(json.dumps({"served_lines": len(lines), "already_labelled": len(labelled),
                      "sample": len(sample)}))


if __name__ == "__main__":
    main()
