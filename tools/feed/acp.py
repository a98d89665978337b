"""The ACP product feed: one ``Product`` per catalogue product, every row schema-validated.

The schema is the ACP spec's own ``schema.feed.json`` (vendored beside this module with its
Apache-2.0 licence); a row that does not validate stops the export with its id and reason.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from jsonschema import Draft202012Validator
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.errors import InvalidRequestError
from knowledge.models import Product
from tools.ucp.shapes import CURRENCY, absolute, minor, product_url

SCHEMA_FILE = Path(__file__).with_name("schema.feed.json")
CSV_COLUMNS = ("id", "title", "description", "url", "image_url", "price_amount",
               "price_currency", "available", "availability_status", "category", "brand",
               "color", "condition", "seller")
Format = Literal["acp", "csv"]


@lru_cache(maxsize=1)
def product_validator() -> Draft202012Validator:
    """A validator of one ACP feed ``Product`` (the bundle's ``$defs/Product``)."""
    bundle = json.loads(SCHEMA_FILE.read_text())
    return Draft202012Validator({**bundle, "$ref": "#/$defs/Product"})


def check_row(row: dict[str, Any]) -> None:
    """Raise naming the product and the first schema violation, if ``row`` is not valid."""
    error = next(iter(product_validator().iter_errors(row)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(row)"
        raise InvalidRequestError(
            f"feed row for product {row.get('id')!r} is invalid at {where}: {error.message}")


def flat(p: Product, base_url: str, seller: str) -> dict[str, str]:
    """The CSV columns of one product (empty strings where the catalogue has nothing)."""
    return {"id": p.id, "title": p.title, "description": p.description or p.title,
            "url": product_url(base_url, p.id), "image_url": absolute(base_url, p.image) or "",
            "price_amount": "" if p.price is None else str(minor(p.price)),
            "price_currency": CURRENCY, "available": "true" if p.stock > 0 else "false",
            "availability_status": "in_stock" if p.stock > 0 else "out_of_stock",
            "category": p.category or "", "brand": p.brand or "", "color": p.color or "",
            "condition": "new", "seller": seller}


def row_from_flat(f: dict[str, str]) -> dict[str, Any]:
    """The ACP ``Product`` a CSV row stands for (used to validate CSV rows too)."""
    description = {"plain": f["description"]}
    variant: dict[str, Any] = {
        "id": f["id"], "title": f["title"], "description": description, "url": f["url"],
        "availability": {"available": f["available"] == "true",
                         "status": f["availability_status"]},
        "condition": [f["condition"]], "seller": {"name": f["seller"]}}
    if f["price_amount"]:
        variant["price"] = {"amount": int(f["price_amount"]), "currency": f["price_currency"]}
    if f["category"]:
        variant["categories"] = [{"value": f["category"], "taxonomy": "merchant"}]
    options = [{"name": name, "value": f[key]} for name, key in (("Brand", "brand"),
                                                                  ("Color", "color")) if f[key]]
    if options:
        variant["variant_options"] = options
    row: dict[str, Any] = {"id": f["id"], "title": f["title"], "description": description,
                           "url": f["url"], "variants": [variant]}
    if f["image_url"]:
        media = [{"type": "image", "url": f["image_url"], "alt_text": f["title"]}]
        row["media"] = variant["media"] = media
    return row


def products(engine: Engine, batch: int = 1000) -> Iterator[Product]:
    """Every catalogue product, in id order, read in batches."""
    last = ""
    while True:
        with Session(engine) as session:
            rows = list(session.exec(select(Product).where(col(Product.id) > last)
                                     .order_by(col(Product.id)).limit(batch)))
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def feed_lines(items: Iterable[Product], fmt: Format, base_url: str,
               seller: str = "shopmage demo store") -> Iterator[str]:
    """The feed as text lines (JSONL, or CSV with a header); each row validated first."""
    if fmt not in ("acp", "csv"):
        raise InvalidRequestError(f"feed format must be acp or csv, got {fmt!r}")
    if fmt == "csv":
        yield _csv_line(CSV_COLUMNS)
    for p in items:
        f = flat(p, base_url, seller)
        row = row_from_flat(f)
        check_row(row)
        if fmt == "acp":
            yield json.dumps(row, ensure_ascii=False) + "\n"
        else:
            yield _csv_line([f[c] for c in CSV_COLUMNS])


def _csv_line(values: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(list(values))
    return out.getvalue()


def export(engine: Engine, fmt: Format, out: Any, base_url: str) -> int:
    """Write the whole catalogue's feed to ``out``; returns the number of products written."""
    lines = 0
    for line in feed_lines(products(engine), fmt, base_url):
        out.write(line)
        lines += 1
    return lines - 1 if fmt == "csv" else lines
