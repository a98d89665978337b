"""The Amazon ESCI relevance data (KDD Cup 2022): judgments and products, validated on load.

Judgments come in either form, one JSON object per line:

- grouped: ``{query_id, query, judgments: [{product_id, esci_label, rating?}]}``
- flat (DESIGN.md): ``{query_id, query, product_id, esci_label}``

Products are ESCI rows (``product_id``, ``product_title``, ...; ``category`` may be a list,
``price`` may be null) in ``products.jsonl`` or ``products.jsonl.gz``. The default
location is ``<repo>/../shared/data/esci``; the data is read there, never copied.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.datasets import DatasetError
from evals.metrics import ESCI_GAINS
from knowledge.errors import ImportFileError
from knowledge.ingest import read_rows
from knowledge.settings import REPO_ROOT

JUDGMENT_NAMES = ("judgments.dev.jsonl", "judgments.jsonl")
PRODUCT_NAMES = ("products.jsonl.gz", "products.jsonl")


def default_esci_dir() -> Path:
    """``<repo>/../shared/data/esci``, where the shared ESCI extract lives."""
    return REPO_ROOT.parent / "shared" / "data" / "esci"


@dataclass(frozen=True)
class Judgment:
    """One graded (query, product) pair."""

    product_id: str
    label: str
    rating: float | None = None


@dataclass(frozen=True)
class EsciQuery:
    """A query with its judged products."""

    query_id: str
    query: str
    judgments: tuple[Judgment, ...]
    line: int = 0

    @property
    def product_ids(self) -> tuple[str, ...]:
        """The judged products, in file order."""
        return tuple(j.product_id for j in self.judgments)

    @property
    def gains(self) -> dict[str, float]:
        """``{product_id: graded gain}`` (E=1, S=0.1, C=0.01, I=0)."""
        return {j.product_id: ESCI_GAINS[j.label] for j in self.judgments}

    @property
    def exact(self) -> set[str]:
        """The products labelled E (exact), the relevant set for recall and MRR."""
        return {j.product_id for j in self.judgments if j.label == "E"}


@dataclass(frozen=True)
class EsciData:
    """Judgments and products read from two files."""

    queries: list[EsciQuery]
    products: list[dict[str, Any]]
    judgments_path: Path
    products_path: Path


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` from a JSONL (or .jsonl.gz) file; bad lines raise."""
    try:
        yield from read_rows(Path(path))  # the product importer's reader, errors renamed
    except ImportFileError as exc:
        raise DatasetError(exc.path, exc.line, exc.reason) from exc


def _text(row: dict[str, Any], key: str, path: Path, number: int) -> str:
    value = row.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DatasetError(str(path), number, f"missing or empty field {key!r}")
    return value.strip()


def _judgment(row: dict[str, Any], path: Path, number: int) -> Judgment:
    if not isinstance(row, dict):
        raise DatasetError(str(path), number, "each judgment must be a JSON object")
    pid = _text(row, "product_id", path, number)
    label = row.get("esci_label")
    if label not in ESCI_GAINS:
        raise DatasetError(str(path), number, f"unknown esci_label {label!r} for product "
                           f"{pid!r} (expected E, S, C or I)")
    rating = row.get("rating")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int | float)):
        raise DatasetError(str(path), number, f"rating must be a number, got {rating!r}")
    return Judgment(pid, label, None if rating is None else float(rating))


def load_judgments(path: Path) -> list[EsciQuery]:
    """Read judgments in the grouped or flat form; one query per query_id, in file order."""
    path = Path(path)
    grouped: dict[str, tuple[str, int, list[Judgment]]] = {}
    for number, row in read_jsonl(path):
        qid, query = _text(row, "query_id", path, number), _text(row, "query", path, number)
        if "judgments" in row:
            items = row["judgments"]
            if not isinstance(items, list) or not items:
                raise DatasetError(str(path), number, "judgments must be a non-empty list")
            new = [_judgment(item, path, number) for item in items]
        else:
            new = [_judgment(row, path, number)]
        text, first, judged = grouped.setdefault(qid, (query, number, []))
        if text != query:
            raise DatasetError(str(path), number,
                               f"query_id {qid!r} has two texts: {text!r} and {query!r}")
        seen = {j.product_id for j in judged}
        for judgment in new:
            if judgment.product_id in seen:
                raise DatasetError(str(path), number,
                                   f"product {judgment.product_id!r} judged twice for {qid!r}")
            seen.add(judgment.product_id)
            judged.append(judgment)
    if not grouped:
        raise DatasetError(str(path), 0, "the file holds no judgments")
    return [EsciQuery(qid, text, tuple(js), line) for qid, (text, line, js) in grouped.items()]


def load_products(path: Path) -> list[dict[str, Any]]:
    """Read ESCI product rows, checking ``product_id`` and ``product_title`` and uniqueness."""
    path = Path(path)
    products: dict[str, dict[str, Any]] = {}
    for number, row in read_jsonl(path):
        pid = _text(row, "product_id", path, number)
        _text(row, "product_title", path, number)
        if pid in products:
            raise DatasetError(str(path), number, f"duplicate product_id {pid!r}")
        row["product_id"] = pid
        products[pid] = row
    if not products:
        raise DatasetError(str(path), 0, "the file holds no products")
    return list(products.values())


def _find(folder: Path, names: tuple[str, ...], what: str) -> Path:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    raise DatasetError(str(folder), 0, f"no {what} file here (looked for {', '.join(names)})")


def esci_files(folder: Path | None = None) -> tuple[Path, Path]:
    """``(judgments, products)`` paths inside ``folder`` (default: the shared extract)."""
    folder = Path(folder) if folder is not None else default_esci_dir()
    if not folder.is_dir():
        raise DatasetError(str(folder), 0, "not a folder holding ESCI judgments and products")
    return _find(folder, JUDGMENT_NAMES, "judgments"), _find(folder, PRODUCT_NAMES, "products")


def load_esci(folder: Path | None = None) -> EsciData:
    """Load and cross-check both files: every judged product must be in the products file."""
    judgments_path, products_path = esci_files(folder)
    queries = load_judgments(judgments_path)
    products = load_products(products_path)
    known = {p["product_id"] for p in products}
    for query in queries:
        missing = [pid for pid in query.product_ids if pid not in known]
        if missing:
            raise DatasetError(str(judgments_path), query.line,
                               f"query {query.query_id!r} judges {missing[0]!r}, which is not in "
                               f"{products_path.name}")
    return EsciData(queries, products, judgments_path, products_path)


def write_jsonl(rows: list[dict[str, Any]], target: Path) -> Path:
    """Write rows as plain JSONL (e.g. a decompressed copy for the catalogue importer)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target
