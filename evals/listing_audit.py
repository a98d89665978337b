"""The 50 drafts of the hand audit, and the count of their labels.

``python -m evals.listing_audit generate OUT.jsonl`` drafts listings (real packaged model)
for every test-split brief and for 22 demo-catalogue products (seeded generator, seed 11),
and writes each draft with its source, for a person to read and label under
evals/data/creative/audit_guideline.md. ``python -m evals.listing_audit count`` prints the
labels of both audits: the first (evals/data/creative/audit_labels.jsonl; its failures
guided the later checker fixes) and the second (audit_labels_v2.jsonl: 59 new briefs
frozen before drafting, audit_briefs_v2.jsonl, drafted with
``python -m evals.listing_audit generate-v2 OUT.jsonl``; its failures guided further
fixes) and the third (audit_labels_v3.jsonl: 54 more new briefs frozen before those
fixes, ``generate-v3``) and the fourth (audit_labels_v4.jsonl: 62 more new briefs, frozen
before drafting, ``generate-v4``) and the fifth (audit_labels_v5.jsonl: 67 more, frozen
after the v4 fixes and before drafting, ``generate-v5``) and the sixth (audit_labels_v6.jsonl:
60 more, frozen after the v5 fixes and before drafting, ``generate-v6``) and the seventh
(audit_labels_v7.jsonl: 53 more, frozen after the v6 fixes, ``generate-v7``) and the eighth
(audit_labels_v8.jsonl: 62 more, frozen with the whole-segment rule for model sentences,
``generate-v8``) and the ninth (audit_labels_v9.jsonl: 55 more, frozen after reading the
v8 labels and before the v8 fixes, ``generate-v9``) and the tenth (audit_labels_v10.jsonl: 66
more, written with the v9 fixes in and frozen before drafting, ``generate-v10``) and the
eleventh (audit_labels_v11.jsonl: 56 more, frozen after reading the v10 labels and before
the v10 fixes, ``generate-v11``) and the twelfth (audit_labels_v12.jsonl: 60 more, written
and labelled by a helper who did not read the listing code, frozen before drafting,
``generate-v12``) and the thirteenth (audit_labels_v13.jsonl: 60 more, pasted-style messy
briefs by the same independent helper, frozen before drafting, ``generate-v13``) and the
fourteenth (audit_labels_v14.jsonl: 60 more pasted briefs with bundles, parts, compatible
products and no-clear-product briefs, same independent helper, frozen before drafting,
``generate-v14``) and the fifteenth (audit_labels_v15.jsonl: 60 more pasted briefs with
spec sheets, abbreviations, compatible-model lists, real contradictions and no-product
briefs, same independent helper, frozen before drafting, ``generate-v15``) and the sixteenth
(audit_labels_v16.jsonl: 60 more pasted briefs by a second independent helper, frozen before
drafting, ``generate-v16``). For the audits
on new briefs, ``count`` also splits the drafts and the
unsupported ones by the briefs' dev/test split.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path
from typing import Any

from evals.listing_briefs import load_briefs

CREATIVE = Path(__file__).resolve().parent / "data" / "creative"
LABELS = CREATIVE / "audit_labels.jsonl"
# audits on new briefs, each frozen before drafting: version -> (briefs, labels, what it is)
AUDITS: dict[int, tuple[Path, Path, str]] = {
    n: (CREATIVE / f"audit_briefs_v{n}.jsonl", CREATIVE / f"audit_labels_v{n}.jsonl", name)
    for n, name in [
        (2, "second audit (new briefs; its failures guided the next fixes)"),
        (3, "third audit (new briefs, frozen before those fixes)"),
        (4, "fourth audit (new briefs, frozen before drafting)"),
        (5, "fifth audit (new briefs, frozen before drafting)"),
        (6, "sixth audit (new briefs, frozen before drafting)"),
        (7, "seventh audit (new briefs, frozen before drafting)"),
        (8, "eighth audit (new briefs, frozen before drafting)"),
        (9, "ninth audit (new briefs, frozen before the v8 fixes and drafting)"),
        (10, "tenth audit (new briefs, frozen after the v9 fixes and before drafting)"),
        (11, "eleventh audit (new briefs, frozen before the v10 fixes and drafting)"),
        (12, "twelfth audit (new briefs by an independent writer, frozen before drafting)"),
        (13, "thirteenth audit (new messy briefs, independent writer, frozen before drafting)"),
        (14, "fourteenth audit (new pasted briefs, independent writer, frozen before drafting)"),
        (15, "fifteenth audit (new pasted briefs, independent writer, frozen before drafting)"),
        (16, "sixteenth audit (new pasted briefs, second independent writer, frozen first)"),
        (17, "seventeenth audit (new pasted briefs, third independent writer, frozen first)"),
        (18, "eighteenth audit (new briefs in varied seller styles, fourth independent writer, "
             "frozen first)"),
        (19, "nineteenth audit (new briefs, fifth independent writer, frozen first; round 1)"),
        (20, "twentieth audit (new briefs, sixth independent writer, frozen first; round 2)"),
        (21, "twenty-first audit (new briefs, seventh independent writer, frozen first; "
             "last round)"),
        (22, "twenty-second audit (new briefs, eighth independent writer, frozen first; "
             "thirteenth session round 1)"),
        (23, "twenty-third audit (new briefs, ninth independent writer, frozen first; "
             "thirteenth session round 2)"),
        (24, "twenty-fourth audit (new briefs, tenth independent writer, frozen first; "
             "thirteenth session round 2)"),
        (25, "twenty-fifth audit (new briefs, eleventh independent writer, frozen first; "
             "fourteenth session round 1)"),
        (26, "twenty-sixth audit (new briefs, twelfth independent writer, frozen first; "
             "fourteenth session round 1)"),
        (27, "twenty-seventh audit (new briefs, thirteenth independent writer, frozen first; "
             "fourteenth session round 2)"),
        (28, "twenty-eighth audit (new briefs, fourteenth independent writer, frozen first; "
             "fourteenth session round 2)"),
        (29, "twenty-ninth audit (new briefs, fifteenth independent writer, frozen first; "
             "fifteenth session round 1)"),
        (30, "thirtieth audit (new briefs, sixteenth independent writer, frozen first; "
             "fifteenth session round 1)"),
        (31, "thirty-first audit (new briefs, fifteenth independent writer, frozen first; "
             "fifteenth session round 2)"),
        (32, "thirty-second audit (new briefs, sixteenth independent writer, frozen first; "
             "fifteenth session round 2)"),
        (33, "thirty-third audit (new briefs, seventeenth independent writer, frozen first; "
             "sixteenth session round 1)"),
        (34, "thirty-fourth audit (new briefs, eighteenth independent writer, frozen first; "
             "sixteenth session round 1)"),
        (35, "thirty-fifth audit (new briefs, seventeenth independent writer, frozen first; "
             "sixteenth session round 2)"),
        (36, "thirty-sixth audit (new briefs, eighteenth independent writer, frozen first; "
             "sixteenth session round 2)"),
        (37, "thirty-seventh audit (new briefs, nineteenth independent writer, frozen first; "
             "seventeenth session round 1)"),
        (38, "thirty-eighth audit (new briefs, twentieth independent writer, frozen first; "
             "seventeenth session round 1)"),
        (39, "thirty-ninth audit (new briefs, nineteenth independent writer, frozen first; "
             "seventeenth session round 2)"),
        (40, "fortieth audit (new briefs, twentieth independent writer, frozen first; "
             "seventeenth session round 2)"),
        (41, "forty-first audit (new briefs, twenty-first independent writer, frozen first; "
             "seventeenth session round 3)"),
        (42, "forty-second audit (new briefs, twenty-second independent writer, frozen first; "
             "seventeenth session round 3)"),
        (43, "forty-third audit (new briefs, twenty-third independent writer, frozen first; "
             "eighteenth session round 1)"),
        (44, "forty-fourth audit (new briefs, twenty-fourth independent writer, frozen first; "
             "eighteenth session round 1)"),
        (45, "forty-fifth audit (new briefs, twenty-third independent writer, frozen first; "
             "eighteenth session round 2)"),
        (46, "forty-sixth audit (new briefs, twenty-fourth independent writer, frozen first; "
             "eighteenth session round 2)"),
        (47, "forty-seventh audit (new briefs, twenty-fifth independent writer, frozen first; "
             "eighteenth session round 3)"),
        (48, "forty-eighth audit (new briefs, twenty-sixth independent writer, frozen first; "
             "eighteenth session round 3)"),
        (49, "forty-ninth audit (new briefs, twenty-seventh independent writer, frozen first; "
             "nineteenth session)"),
        (50, "fiftieth audit (new briefs, twenty-eighth independent writer, frozen first; "
             "nineteenth session)"),
    ]}
DEMO_PRODUCTS = 22
SEED = 11


def draft_text(content: dict[str, Any]) -> str:
    """A draft as a reader sees it."""
    bullets = "\n".join(f"- {b}" for b in content["bullets"])
    return (f"TITLE: {content['title']}\n{bullets}\nDESCRIPTION: {content['description']}\n"
            f"KEYWORDS: {', '.join(content['keywords'])}")


def _demo_rows(tmp: Path) -> Path:
    from knowledge.demo.catalog import make_product

    rng = random.Random(SEED)
    path = tmp / "demo.jsonl"
    rows = [make_product(rng, i) for i in range(DEMO_PRODUCTS)]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def generate(out: Path) -> None:
    """Draft the 50 audit listings and write them with their sources."""
    from knowledge.ingest import import_catalog
    from knowledge.merchants import create_merchant
    from knowledge.settings import Settings
    from knowledge.store import Store
    from tools.creatives.listing import draft_listing
    from tools.creatives.sources import product_texts

    briefs = [b for b in load_briefs() if b["split"] == "test"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Settings(data_dir=Path(tmp) / "data"))
        try:
            merchant, _ = create_merchant(store.engine, name="audit")
            import_catalog(store, _demo_rows(Path(tmp)), merchant_id=merchant.id)
            rows = []
            for b in briefs:
                c = draft_listing(store, merchant_id=merchant.id, brief=b["brief"])
                rows.append({"id": b["id"], "source_kind": "brief", "source": b["brief"],
                             "draft": draft_text(c.content), "dropped": c.content["dropped"]})
            from sqlmodel import Session, select

            from knowledge.models import Product

            with Session(store.engine) as session:
                products = list(session.exec(select(Product).order_by(Product.id)))
            for p in products:
                c = draft_listing(store, merchant_id=merchant.id, product_id=p.id)
                rows.append({"id": p.id, "source_kind": "demo product",
                             "source": " | ".join(product_texts(p)),
                             "draft": draft_text(c.content), "dropped": c.content["dropped"]})
        finally:
            store.close()
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                   encoding="utf-8")
    print(f"{len(rows)} drafts written to {out}")


def generate_new(out: Path, briefs_path: Path) -> None:
    """Draft a listing for every brief of a new audit, as POST /api/creatives/listing does."""
    from knowledge.errors import ShopmageError
    from knowledge.merchants import create_merchant
    from knowledge.settings import Settings
    from knowledge.store import Store
    from tools.creatives.listing import draft_listing

    briefs = load_briefs(briefs_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Settings(data_dir=Path(tmp) / "data"))
        try:
            merchant, _ = create_merchant(store.engine, name="audit v2")
            rows = []
            for b in briefs:
                try:
                    c = draft_listing(store, merchant_id=merchant.id, brief=b["brief"])
                except ShopmageError as exc:  # the API answers 422: no draft to read
                    rows.append({"id": b["id"], "source_kind": "brief", "source": b["brief"],
                                 "refused": str(exc)})
                    continue
                rows.append({"id": b["id"], "source_kind": "brief", "source": b["brief"],
                             "draft": draft_text(c.content), "dropped": c.content["dropped"],
                             "model_text": c.content["model_text"],
                             "seconds": c.content["seconds"]})
        finally:
            store.close()
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                   encoding="utf-8")
    print(f"{len(rows)} drafts written to {out}")


def count(path: Path = LABELS, briefs: Path | None = None) -> dict[str, Any]:
    """The audit's figures: drafts labelled, drafts with an unsupported claim, the phrases.

    With ``briefs`` (an audit on new briefs), drafts and unsupported ones per dev/test split.
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    bad = [r for r in rows if r["label"] == "unsupported"]
    refused = [r["id"] for r in rows if r["label"] == "refused"]
    figures: dict[str, Any] = {"drafts": len(rows) - len(refused), "unsupported": len(bad),
                               "phrases": {r["id"]: r["phrases"] for r in bad}}
    if briefs is not None:
        split = {b["id"]: b["split"] for b in load_briefs(briefs)}
        for name in ("dev", "test"):
            drafted = [r for r in rows if split[r["id"]] == name and r["label"] != "refused"]
            figures[f"{name}: unsupported / drafts"] = (
                f"{sum(r['label'] == 'unsupported' for r in drafted)} / {len(drafted)}")
    if refused:  # a brief the API refused has no draft to read: reported, never hidden
        figures["briefs refused (no draft)"] = refused
    return figures


def main() -> None:
    """``generate OUT`` or ``count``."""
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("out", type=Path)
    for n in AUDITS:
        sub.add_parser(f"generate-v{n}").add_argument("out", type=Path)
    sub.add_parser("count")
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.out)
    elif args.cmd.startswith("generate-"):
        generate_new(args.out, AUDITS[int(args.cmd.removeprefix("generate-v"))][0])
    else:
        figures = {"first audit (its failures guided later fixes)": count()}
        for briefs, labels, name in AUDITS.values():
            if labels.exists():
                figures[name] = count(labels, briefs)
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
