"""Catalogue and behaviour imports: validate everything first, then write all or nothing."""

from __future__ import annotations

import csv
import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import insert
from sqlmodel import Session, select
from tqdm import tqdm

from knowledge.catalog_rows import parse_product as parse_product  # re-exported
from knowledge.errors import ImportFileError
from knowledge.extraction.apply import apply_extraction, served_tails
from knowledge.extraction.types import Tagger
from knowledge.models import EVENT_TYPES, Event, Product, Shopper
from knowledge.sql import transaction

if TYPE_CHECKING:
    from knowledge.store import Store

log = logging.getLogger(__name__)



def open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file, gunzipping it on the fly when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, row) from a JSONL or CSV file (either may be gzipped).

    Malformed lines and unreadable files raise ``ImportFileError``.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(str(path), 0, "no such file")
    try:
        yield from _csv_rows(path) if _is_csv(path) else _jsonl_rows(path)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ImportFileError(str(path), 0, f"cannot be read ({exc})") from exc


def _is_csv(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(".csv")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open_text(path) as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield number, {k: v for k, v in row.items() if k is not None and v != ""}


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportFileError(str(path), number, f"not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise ImportFileError(str(path), number, "a line must be a JSON object")
            yield number, row


@dataclass
class CatalogImport:
    """What a catalogue import did: products written, attribute values extracted, warnings."""

    products: int
    extracted: int = 0
    warnings: list[str] = field(default_factory=list)


def import_catalog(store: Store, path: Path, *, merchant_id: str | None = None) -> int:
    """Import a product file into SQL, BM25 and Chroma; all rows or none. Returns the count."""
    return import_catalog_report(store, path, merchant_id=merchant_id).products


def import_catalog_report(store: Store, path: Path, *, merchant_id: str | None = None,
                          tagger: Tagger | None = None) -> CatalogImport:
    """Import a product file, extracting attributes from each listing's text first.

    Broken rows reject the whole file (the error names the line) before anything is written.
    Extraction never fails an import: a product it cannot read keeps its given attributes
    (logged), and a file with no extractable attribute imports with a warning.
    """
    path = Path(path)
    products: dict[str, Product] = {}
    for number, row in tqdm(read_rows(path), desc="reading products", unit=" rows", disable=None):
        try:
            product = parse_product(row)
        except (ValueError, json.JSONDecodeError) as exc:
            raise ImportFileError(str(path), number, str(exc)) from exc
        if product.id in products:
            raise ImportFileError(str(path), number, f"duplicate product_id {product.id!r}")
        if merchant_id is not None:
            product.merchant_id = merchant_id
        products[product.id] = product
    if not products:
        raise ImportFileError(str(path), 0, "the file holds no products")
    rows = list(products.values())
    extracted = apply_extraction(rows, tagger, served_tails(store.engine),
                                 settings=store.settings)
    report = CatalogImport(len(rows), extracted)
    if extracted == 0:
        report.warnings.append(
            f"{path.name}: no attribute (type, feature, material, audience, size or colour) could "
            "be extracted from any product; search and filters will use the titles and given "
            "fields only")
    for warning in report.warnings:
        log.warning(warning)
    store.write_products(rows)
    return report


def _parse_time(value: Any) -> datetime:
    if value is None:
        return datetime.now(UTC)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, UTC)
    ts = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def parse_event(row: dict[str, Any], known_products: set[str]) -> dict[str, Any]:
    """One behaviour row as Event column values; raises ValueError."""
    user, kind = _text(row.get("user_id")), _text(row.get("type"))
    if not user:
        raise ValueError("user_id is missing")
    if kind not in EVENT_TYPES:
        raise ValueError(f"type must be one of {', '.join(EVENT_TYPES)}, got {kind!r}")
    product = _text(row.get("product_id")) or None
    query = _text(row.get("query")) or None
    if kind == "search" and not query:
        raise ValueError("a search event needs a query")
    if kind != "search" and product is None:
        raise ValueError(f"a {kind} event needs a product_id")
    if product is not None and product not in known_products:
        raise ValueError(f"unknown product_id {product!r}")
    try:
        ts = _parse_time(row.get("ts"))
    except (ValueError, OSError) as exc:
        raise ValueError(f"ts is not an ISO-8601 time: {row.get('ts')!r}") from exc
    return {"user_id": user, "type": kind, "query": query, "product_id": product, "ts": ts}


def import_events(store: Store, path: Path, *, personas: Path | None = None) -> int:
    """Import a behaviour file (and optionally shopper personas); all rows or none."""
    path = Path(path)
    with Session(store.engine) as session:
        known = set(session.exec(select(Product.id)))
        shoppers = set(session.exec(select(Shopper.id)))
    rows = []
    for number, row in tqdm(read_rows(path), desc="reading events", unit=" rows", disable=None):
        try:
            rows.append(parse_event(row, known))
        except ValueError as exc:
            raise ImportFileError(str(path), number, str(exc)) from exc
    persona_of = _read_personas(personas) if personas else {}
    new_users = {r["user_id"] for r in rows} | set(persona_of)
    with transaction(store.engine) as session:
        for user in sorted(new_users - shoppers):
            session.add(Shopper(id=user, persona=persona_of.get(user)))
        for start in range(0, len(rows), 5000):
            session.execute(insert(Event), rows[start:start + 5000])
    store.search.refresh_popularity()
    return len(rows)


def _read_personas(path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for number, row in read_rows(path):
        user = _text(row.get("user_id"))
        if not user:
            raise ImportFileError(str(path), number, "user_id is missing")
        out[user] = _text(row.get("persona")) or None
    return out
