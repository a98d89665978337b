"""Attribute extraction at import: real ESCI listings, negation, spans, bad files, the ESCI demo."""

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, func, select

from knowledge.db import make_engine
from knowledge.demo.esci import ESCI_PRODUCTS, build_esci_demo
from knowledge.errors import ImportFileError
from knowledge.extraction import extract, product_type
from knowledge.extraction.extract import fields_of
from knowledge.ingest import import_catalog_report
from knowledge.models import Event, Product
from knowledge.search import SearchFilters
from knowledge.settings import Settings
from knowledge.store import Store

# real listings: an insulated kids' bottle, a women's sneaker, a mug pair, a camera strap
ESCI_IDS = ("B08FT1HYB9", "B012BU4E1W", "B01HAN8R8G", "B07GBVDXXZ")


def esci(ids: tuple[str, ...]) -> list[dict[str, Any]]:
    with gzip.open(ESCI_PRODUCTS, "rt", encoding="utf-8") as handle:
        rows = {r["product_id"]: r for r in map(json.loads, handle) if r["product_id"] in ids}
    return [rows[i] for i in ids]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def stored(store: Store, pid: str) -> Product:
    with Session(store.engine) as session:
        product = session.get(Product, pid)
    assert product is not None
    return product


def span_text(product: Product, span: dict[str, Any]) -> str:
    text = fields_of(product.title, product.bullets, product.description)[span["field"]]
    return text[span["start"]:span["end"]]


def test_real_listings_get_type_material_features_with_spans(store: Store,
                                                             tmp_path: Path) -> None:
    report = import_catalog_report(store, write_jsonl(tmp_path / "esci.jsonl", esci(ESCI_IDS)))
    assert report.products == 4 and report.extracted > 20 and not report.warnings
    bottle = stored(store, "B08FT1HYB9")
    assert bottle.attributes["type"] == "water bottle"
    assert {"insulated", "bpa-free", "leak-proof"} <= set(bottle.attributes["features"])
    assert bottle.attributes["material"] == "stainless steel"
    assert "kids" in bottle.attributes["audiences"] and "12oz" in bottle.attributes["sizes"]
    assert bottle.attribute_spans is not None
    for key in ("type", "features", "materials"):
        for span in bottle.attribute_spans[key]:
            assert span["source"] == "extracted"
            assert span_text(bottle, span) == span["text"]
    shoe = stored(store, "B012BU4E1W")
    assert shoe.attributes["type"] == "sneaker" and shoe.attributes["audience"] == "women"
    assert "memory-foam" in shoe.attributes["features"] and "7" in shoe.attributes["sizes"]
    mugs = stored(store, "B01HAN8R8G")
    assert "microwave-safe" in mugs.attributes["features"]
    assert mugs.attributes["materials"] == ["ceramic"] and "pack of 2" in mugs.attributes["sizes"]


def test_negated_properties_are_not_features() -> None:
    out = extract("Trail Jacket, Windproof", ["Not waterproof: for dry days only",
                                            "BPA-free bottle pocket", "Not for children under 3"])
    features = out.attributes["features"]
    assert "windproof" in features and "bpa-free" in features
    assert "waterproof" not in features
    assert "audiences" not in out.attributes


def test_words_about_a_compared_or_fitted_item_or_the_brand_are_not_attributes() -> None:
    out = extract("Tandy Leather Craftool Strap Cutter",
                  ["Shatterproof: lighter than ornaments made from glass",
                   "Fits any waterproof phone pouch", "For use on breathable fabrics",
                   "Made of durable plastic"],
                  brand="Tandy Leather")
    assert out.attributes["materials"] == ["plastic"]
    assert not {"waterproof", "breathable"} & set(out.attributes.get("features", []))
    plain = extract("Craftool Leather Strap Cutter", ["Made of durable plastic"])
    assert "leather" in plain.attributes["materials"]


def test_multi_dimensional_measures_and_item_counts_are_not_sizes() -> None:
    out = extract('Pocket Planner, 6.3" × 3.8", 12 oz Pack of 2',
                  ["Includes a chef knife, steak knife x 6 piece, shears"])
    assert out.attributes["sizes"] == ["12oz", "pack of 2"]
    drill = extract('Brad Point Drill Bit - Cylinder, 1/2" Diameter x 250mm')
    assert "1" not in drill.attributes.get("sizes", [])


def test_a_type_after_with_or_for_names_an_accessory_not_the_item() -> None:
    out = extract("Beginner All Wood Acoustic Guitar Starter Set w/Case, Strap")
    assert out.attributes["type"] == "acoustic guitar"
    assert extract("Nostalgia Electric S'mores Maker with Trays for Graham Crackers"
                   ).attributes.get("type") != "cracker"


def test_part_dimension_lists_colour_names_and_part_counts_are_not_attributes() -> None:
    glasses = extract("Retro Round Sunglasses", ["Lens Width: 52mm | Temple Length: 140mm",
                                                 "Capacity: 2 oz case included"])
    assert glasses.attributes.get("sizes") == ["2oz"]  # the spec list is the parts' sizes
    bottle = extract("Filter Bottle, 26 Ounce, Sea Glass", color="Sea Glass")
    assert "glass" not in bottle.attributes.get("materials", [])
    steel = extract("Travel Mug, 20 oz, Stainless Steel", color="Stainless Steel")
    assert steel.attributes["materials"] == ["stainless steel"]  # the colour IS the material
    assert extract("Neon Strip Lights 5m 300 LEDs").attributes.get("type") != "led"
    boots = extract("Chelsea Boots, Black Leather", color="Black Leather")
    assert "leather" in boots.attributes["materials"]  # a basic colour and the material
    listed = extract("Zorbix Thingamajig with Tongs, Forks")  # the list goes on past the comma
    assert listed.attributes.get("type") is None
    assert extract("Whiskey Gifts for Men, Reusable Ice Cube Whiskey Stones"
                   ).attributes["type"] == "whiskey stone"


def test_given_attributes_win_and_keep_their_source() -> None:
    out = extract("Acme Yoga Mat, Non-Slip, Purple", given={"features": ["extra-thick"],
                                                           "type": "yoga mat"})
    assert out.attributes["features"] == ["extra-thick"] and out.attributes["type"] == "yoga mat"
    assert out.spans["features"][0]["source"] == "given"
    assert out.attributes["colors"] == ["purple"]


def test_product_type_of_a_query() -> None:
    assert product_type("women's trail running shoes") == "running shoe"


def test_filter_on_an_extracted_feature(store: Store, tmp_path: Path) -> None:
    rows = [
        {"product_id": "J1", "product_title": "Summit Rain Jacket",
         "product_bullet_point": "Fully waterproof shell\nTaped seams"},
        {"product_id": "J2", "product_title": "Breeze Wind Jacket",
         "product_bullet_point": "Not waterproof, water-resistant finish\nPackable"},
    ]
    import_catalog_report(store, write_jsonl(tmp_path / "jackets.jsonl", rows))
    hits = store.search.search("jacket", SearchFilters(attributes=("waterproof",)), k=5)
    assert [h.product.id for h in hits] == ["J1"]
    hits = store.search.search("jacket", SearchFilters(attributes=("water-resistant",)), k=5)
    assert [h.product.id for h in hits] == ["J2"]


def test_broken_row_names_its_line_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    rows = esci(ESCI_IDS[:2]) + [{"product_id": "X9", "product_title": "", "price": "12"}]
    path = tmp_path / "broken.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(ImportFileError, match=r"broken.jsonl.gz, line 3: product_title is missing"):
        import_catalog_report(store, path)
    with Session(store.engine) as session:
        assert session.exec(select(func.count()).select_from(Product)).one() == 0
    assert store.vectors.count() == 0


def test_nothing_extractable_imports_with_a_warning(store: Store, tmp_path: Path) -> None:
    rows = [{"product_id": f"Q{i}", "product_title": f"Item number {i}"} for i in range(3)]
    report = import_catalog_report(store, write_jsonl(tmp_path / "plain.jsonl", rows))
    assert report.products == 3 and report.extracted == 0
    assert report.warnings and "no attribute" in report.warnings[0]
    assert stored(store, "Q1").title == "Item number 1"


def test_an_extraction_failure_never_fails_the_import(store: Store, tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    def broken_tagger(text: str) -> list[Any]:
        raise RuntimeError("tagger model file is corrupt")

    rows = [{"product_id": "Z1", "product_title": "Zorblax 3000",
             "attributes": {"type": "gadget"}}]
    report = import_catalog_report(store, write_jsonl(tmp_path / "z.jsonl", rows),
                                   tagger=broken_tagger)
    assert report.products == 1
    assert stored(store, "Z1").attributes == {"type": "gadget"}
    assert "attribute extraction failed for product Z1" in caplog.text
    assert [h.product.id for h in store.search.search("zorblax", k=3)] == ["Z1"]


def test_an_old_sqlite_database_gains_the_spans_column(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", database_url=None)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(settings.sql_url.removeprefix("sqlite:///")) as conn:
        conn.execute("CREATE TABLE product (id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL)")
    engine = make_engine(settings)
    with engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(product)")}
    engine.dispose()
    assert "attribute_spans" in columns


def test_esci_demo_store_on_a_small_slice(store: Store) -> None:
    counts = build_esci_demo(store, limit=40, shoppers=12, seed=3, days=5)
    assert counts["products"] == 40 and counts["events"] > 0 and counts["extracted"] > 100
    with Session(store.engine) as session:
        products = list(session.exec(select(Product)))
        kinds = set(session.exec(select(Event.type)))
    assert all(p.image is None for p in products)  # image URLs are never kept, so never fetched
    assert sum(1 for p in products if p.attributes.get("type")) >= 30
    assert all(p.attribute_spans is not None for p in products)
    assert {"search", "view"} <= kinds


def test_comparisons_and_claims_read_extracted_attributes(store: Store, tmp_path: Path) -> None:
    from tools.catalog import compare_products
    from tools.creatives.claims import ProductFacts, unsupported_claims

    import_catalog_report(store, write_jsonl(tmp_path / "esci.jsonl", esci(ESCI_IDS[:2])))
    table = compare_products(store, ["B08FT1HYB9", "B012BU4E1W"])
    rows = {r["attribute"]: r["values"] for r in table["rows"]}
    assert rows["type"] == ["water bottle", "sneaker"]
    assert "insulated" in rows["features"][0] and "memory-foam" in rows["features"][1]
    names = [r["attribute"] for r in table["rows"]]
    assert not {"material", "audience", "colors"} & set(names), names  # no row said twice
    facts = ProductFacts.for_product(stored(store, "B08FT1HYB9"))
    assert unsupported_claims("An insulated, leak-proof bottle.", facts) == []
    assert [c.term for c in unsupported_claims("A waterproof bottle.", facts)] == ["waterproof"]
