import csv
import json
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from evals.bench_workers import CATALOG as WORKER_CATALOG
from knowledge.errors import ImportFileError
from knowledge.ingest import import_catalog, import_events
from knowledge.models import Event, Product, Shopper
from knowledge.search import SearchFilters
from knowledge.store import Store
from tests.conftest import BOTH_DATABASES

pytestmark = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)

# the small catalogue the tests share: five rows of the scripted two-worker catalogue
CATALOG = [row for row in WORKER_CATALOG if row["product_id"] in {"S1", "S2", "S3", "C1", "K1"}]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def counts(store: Store) -> tuple[int, int]:
    with Session(store.engine) as session:
        sql = session.exec(select(func.count()).select_from(Product)).one()
    return sql, store.vectors.count()


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    import_catalog(store, write_jsonl(tmp_path / "catalog.jsonl", CATALOG))
    return store


def test_import_writes_sql_and_vectors(loaded: Store) -> None:
    assert counts(loaded) == (5, 5)
    with Session(loaded.engine) as session:
        leggings = session.get(Product, "C1")
    assert leggings is not None and leggings.bullets == ["Stretch fabric", "Adjustable waist"]


def test_bad_line_aborts_whole_import(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(CATALOG[0]) + "\n" + json.dumps(CATALOG[1]) + "\n{oops\n")
    with pytest.raises(ImportFileError, match=r"bad.jsonl, line 3: not valid JSON"):
        import_catalog(store, path)
    assert counts(store) == (0, 0)


def test_negative_price_and_missing_title_are_named(store: Store, tmp_path: Path) -> None:
    rows = [CATALOG[0], {**CATALOG[1], "price": -3}]
    with pytest.raises(ImportFileError, match="line 2: price must not be negative"):
        import_catalog(store, write_jsonl(tmp_path / "a.jsonl", rows))
    with pytest.raises(ImportFileError, match="line 1: product_title is missing"):
        import_catalog(store, write_jsonl(tmp_path / "b.jsonl", [{"product_id": "X"}]))
    assert counts(store) == (0, 0)


def test_csv_with_esci_field_names(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, ["product_id", "product_title", "product_brand", "price",
                                         "attributes"])
        writer.writeheader()
        writer.writerow({"product_id": "E1", "product_title": "Reef-safe sunscreen SPF 50",
                         "product_brand": "Solstice", "price": "12.5",
                         "attributes": json.dumps({"features": ["reef-safe"]})})
    assert import_catalog(store, path) == 1
    hits = store.search.search("sunscreen", k=1)
    assert hits[0].product.id == "E1" and hits[0].product.price == 12.5


def test_search_finds_by_words_and_meaning(loaded: Store) -> None:
    assert loaded.search.search("frying pan", k=1)[0].product.id == "K1"
    assert loaded.search.search("skillet for cooking eggs", k=1, mode="dense")[0].product.id == "K1"
    assert loaded.search.search("hiking boots", k=1, mode="bm25")[0].product.id == "S3"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(max_price=60), {"S1", "C1", "K1"}),
        (SearchFilters(min_price=90, category="shoes"), {"S2", "S3"}),
        (SearchFilters(brand="pacelab"), {"S2"}),
        (SearchFilters(color="black", category="shoes"), {"S1"}),
        (SearchFilters(attributes=("waterproof",)), {"S3"}),
        (SearchFilters(in_stock=True, category="shoes"), {"S1", "S2"}),
        (SearchFilters(product_ids=("S1", "K1")), {"S1", "K1"}),
    ],
)
def test_hard_filters_hold_in_every_mode(loaded: Store, filters: SearchFilters,
                                         expected: set[str]) -> None:
    for mode in ("hybrid", "bm25", "dense"):
        hits = loaded.search.search("shoes pan leggings boots", filters, k=10, mode=mode)
        assert {h.product.id for h in hits} <= expected, mode
    hybrid = loaded.search.search("shoes pan leggings boots", filters, k=10)
    assert {h.product.id for h in hybrid} == expected


def test_concurrent_searches_on_a_fresh_index_all_succeed(loaded: Store) -> None:
    # the server searches from several threads; the first ones used to meet a half-built
    # BM25 index ("'BM25' object has no attribute 'vocab_dict'") under the load benchmark
    from concurrent.futures import ThreadPoolExecutor

    # bullets and attributes given: pydantic inspects a default factory's signature at every
    # construction (builtins slowly), which made these 20,000 rows take ~30 s under load
    filler = [Product(id=f"F{i}", title=f"filler gadget number {i}", bullets=[], attributes={})
              for i in range(20_000)]
    loaded.search.index.upsert(filler)  # a catalogue big enough that a rebuild takes a while
    queries = ["walking shoes", "maternity leggings", "frying pan", "hiking boots"] * 4
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda q: loaded.search.search(q, k=1, mode="bm25"), queries))
    assert [r[0].product.id for r in results[:4]] == ["S1", "C1", "K1", "S3"]


def test_gzipped_jsonl_and_csv_import_like_plain_files(store: Store, tmp_path: Path) -> None:
    import gzip

    plain = write_jsonl(tmp_path / "c.jsonl", CATALOG[:3])
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert import_catalog(store, packed) == 3
    table = tmp_path / "more.csv.gz"
    table.write_bytes(gzip.compress(b"product_id,product_title,price\nZ1,Zebra Mug,9.5\n"))
    assert import_catalog(store, table) == 1
    assert store.search.search("zebra mug", k=1)[0].product.id == "Z1"
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(plain.read_bytes())[:-8])  # cut short
    with pytest.raises(ImportFileError, match="cannot be read"):
        import_catalog(store, broken)


def test_reimport_updates_in_place(loaded: Store, tmp_path: Path) -> None:
    import_catalog(loaded, write_jsonl(tmp_path / "u.jsonl", [{**CATALOG[4], "price": 30.0}]))
    assert counts(loaded) == (5, 5)
    hits = loaded.search.search("frying pan", SearchFilters(max_price=31), k=5)
    assert [h.product.id for h in hits] == ["K1"]


def test_events_import_all_or_nothing(loaded: Store, tmp_path: Path) -> None:
    good = [{"user_id": "u1", "type": "search", "query": "pan", "ts": "2026-11-01T10:00:00Z"},
            {"user_id": "u1", "type": "purchase", "product_id": "K1", "ts": "2026-11-01T10:05:00Z"}]
    bad = good + [{"user_id": "u2", "type": "view", "product_id": "NOPE"}]
    with pytest.raises(ImportFileError, match="line 3: unknown product_id 'NOPE'"):
        import_events(loaded, write_jsonl(tmp_path / "bad.jsonl", bad))
    with Session(loaded.engine) as session:
        assert session.exec(select(func.count()).select_from(Event)).one() == 0
    assert import_events(loaded, write_jsonl(tmp_path / "good.jsonl", good)) == 2
    with Session(loaded.engine) as session:
        assert session.get(Shopper, "u1") is not None
    # the purchased pan is now the most popular product
    assert loaded.search.popular(k=1)[0].product.id == "K1"
