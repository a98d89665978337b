"""Real listings pasted as briefs: how often the contradiction check refuses them, and rightly.

A merchant who pastes a real listing (title and bullets) as a brief gets a refusal when the
brief's contradiction check finds two facts that cannot both be true. On public ESCI
listings most listings do not contradict themselves, so every refusal is worth reading:
a refusal of a listing that holds no real clash is a **false refusal**.

The ESCI products are split by a fixed hash of the product id into two halves:

- ``open``: builders may run and read it (fixes tuned there are in-sample);
- ``held``: only an independent labeller reads it; its labels are written by reading the
  listing, before any figure is counted from them.

Commands (run from the repository root)::

    python -m evals.listing_refusals run --half held --out F.jsonl   # refusals, one per line
    # from an export outside the repo: add --esci-dir /path/to/shared/data/esci
    python -m evals.listing_refusals sample --refusals F.jsonl --n 60 --seed 17 --out S.jsonl
    python -m evals.listing_refusals count --refusals F.jsonl --labels L.jsonl

A label line is ``{"product_id", "verdict": "clash" | "false", "why"}``: ``clash`` when a
careful copywriter would agree the listing states two facts of the one product that cannot
both hold, ``false`` otherwise (options, variants, parts, ranges and other readings).
The 1,000-character brief limit is not applied: the clash checks are what is measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from evals.datasets.esci import default_esci_dir, read_jsonl, write_jsonl
from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions

HALVES = ("open", "held", "all")


def half_of(product_id: str) -> str:
    """``open`` or ``held``, fixed by a hash of the product id."""
    digest = hashlib.sha1(f"refusals:{product_id}".encode()).digest()
    return "held" if digest[0] % 2 else "open"


def listings(half: str, folder: Path | None = None) -> Iterator[tuple[str, str]]:
    """``(product_id, title + bullets)`` of every ESCI listing with bullets in ``half``."""
    source = (folder or default_esci_dir()) / "products.jsonl.gz"
    for _, row in read_jsonl(source):
        bullets = str(row.get("product_bullet_point") or "").strip()
        pid = str(row["product_id"])
        if bullets and (half == "all" or half_of(pid) == half):
            yield pid, f"{str(row.get('product_title') or '').strip()}\n{bullets}"


def refusal(text: str) -> str | None:
    """The check's message when it refuses ``text``, else None."""
    try:
        check_contradictions(text)
    except InvalidRequestError as err:
        return str(err)
    return None


def run(half: str, out: Path | None, folder: Path | None = None) -> dict[str, Any]:
    """Check every listing of ``half``; write the refusals to ``out``; return the counts."""
    checked, refused = 0, []
    for pid, text in listings(half, folder):
        checked += 1
        message = refusal(text)
        if message is not None:
            refused.append({"product_id": pid, "message": message, "text": text})
    if out is not None:
        write_jsonl(refused, out)
    return {"half": half, "checked": checked, "refused": len(refused),
            "share": round(len(refused) / max(checked, 1), 4)}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in read_jsonl(path)]


def count(refusals: Path, labels: Path) -> dict[str, Any]:
    """Refusals split by the labeller's verdict; unlabelled refusals are listed, not guessed."""
    verdicts = {r["product_id"]: r["verdict"] for r in _rows(labels)}
    bad = sorted({v for v in verdicts.values()} - {"clash", "false"})
    if bad:
        raise SystemExit(f"labels hold verdicts other than clash/false: {bad}")
    refused = [r["product_id"] for r in _rows(refusals)]
    labelled = [pid for pid in refused if pid in verdicts]
    false = [pid for pid in labelled if verdicts[pid] == "false"]
    lifted = [pid for pid, v in verdicts.items() if pid not in set(refused)]
    return {"refused": len(refused), "labelled": len(labelled),
            "false_refusals": len(false), "real_clashes": len(labelled) - len(false),
            "false_share_of_labelled": round(len(false) / max(len(labelled), 1), 3),
            "unlabelled": [pid for pid in refused if pid not in verdicts],
            "labelled_no_longer_refused": {
                "clash": sum(verdicts[p] == "clash" for p in lifted),
                "false": sum(verdicts[p] == "false" for p in lifted)}}


def sample(refusals: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` refusals drawn with ``seed``, for labelling."""
    rows = _rows(refusals)
    return random.Random(seed).sample(rows, min(n, len(rows)))


def main(argv: list[str] | None = None) -> None:
    """Command line: run / sample / count."""
    parser = argparse.ArgumentParser(prog="python -m evals.listing_refusals")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_run = sub.add_parser("run")
    p_run.add_argument("--half", choices=HALVES, required=True)
    p_run.add_argument("--out", type=Path)
    p_run.add_argument("--esci-dir", type=Path, help="folder of products.jsonl.gz "
                       "(default: <repo>/../shared/data/esci)")
    p_sample = sub.add_parser("sample")
    p_sample.add_argument("--refusals", type=Path, required=True)
    p_sample.add_argument("--n", type=int, default=60)
    p_sample.add_argument("--seed", type=int, default=17)
    p_sample.add_argument("--out", type=Path, required=True)
    p_count = sub.add_parser("count")
    p_count.add_argument("--refusals", type=Path, required=True)
    p_count.add_argument("--labels", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.cmd == "run":
        folder = args.esci_dir
        if folder is not None and not (folder / "products.jsonl.gz").is_file():
            parser.error(f"{folder} holds no products.jsonl.gz")
        print(json.dumps(run(args.half, args.out, folder)))
    elif args.cmd == "sample":
        rows = sample(args.refusals, args.n, args.seed)
        write_jsonl(rows, args.out)
        print(json.dumps({"sampled": len(rows), "out": str(args.out)}))
    else:
        print(json.dumps(count(args.refusals, args.labels), indent=1))


if __name__ == "__main__":
    main()
