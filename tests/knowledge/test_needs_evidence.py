"""Needs matched on real listing text, evidence lines, and implicit-need ranking (real ESCI)."""

import gzip
import json
import re
from pathlib import Path

import pytest

from knowledge.graph.build import build_knowledge
from knowledge.graph.cards import evidence_line
from knowledge.graph.evidence import Lexicon, find_evidence
from knowledge.graph.serve import KnowledgeExpander
from knowledge.ingest import import_catalog
from knowledge.store import Store

ESCI = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
NON_SLIP_SLIPPERS = ("B07F64V1M1", "B07J21716W")  # bullets say "non-slip"
PLAIN_SLIPPERS = ("B0009F0W7M", "B000J176KW", "B000H0X9YW")  # no grip claim at all
NOT_WATERPROOF = ("B06XQ39PMF", "B076FD8CCF")  # "Not waterproof", "is not waterproof"
LINE = re.compile(r"^[A-Z][\w/ .-]+(?: \(“[^”]+”\))?: [a-z][\w ,'/-]+$")


@pytest.fixture(scope="module")
def listings() -> dict[str, dict]:
    wanted = set(NON_SLIP_SLIPPERS + PLAIN_SLIPPERS + NOT_WATERPROOF)
    rows = {}
    with gzip.open(ESCI, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["product_id"] in wanted:
                rows[row["product_id"]] = row
    assert set(rows) == wanted
    return rows


def _shape(row: dict) -> dict:
    return {"title": row["product_title"], "description": row["product_description"] or "",
            "bullets": (row["product_bullet_point"] or "").splitlines(), "attributes": {}}


@pytest.fixture
def slippers(store: Store, tmp_path: Path, listings: dict[str, dict]) -> Store:
    path = tmp_path / "slice.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in listings.values()))
    import_catalog(store, path)
    build_knowledge(store, ("seed",))
    store.search.set_expander(KnowledgeExpander(store))
    return store


def test_a_need_matches_text_evidence_on_a_real_listing(listings: dict[str, dict]) -> None:
    lexicon = Lexicon()
    span = find_evidence(_shape(listings["B07F64V1M1"]), "slip-resistant", lexicon)
    assert span is not None and span.source == "text"
    assert "non-slip" in span.quote.lower().replace("non slip", "non-slip")
    for pid in PLAIN_SLIPPERS:
        assert find_evidence(_shape(listings[pid]), "slip-resistant", lexicon) is None


def test_negated_text_does_not_match(listings: dict[str, dict]) -> None:
    lexicon = Lexicon()
    for pid in NOT_WATERPROOF:  # real listings that say they are not waterproof
        assert find_evidence(_shape(listings[pid]), "waterproof", lexicon) is None
    said = {"title": "House slipper", "bullets": ["This slipper is not slip resistant."]}
    assert find_evidence(said, "slip-resistant", lexicon) is None
    said = {"title": "Mug", "bullets": ["Hand wash only, not dishwasher safe"]}
    assert find_evidence(said, "dishwasher-safe", lexicon) is None
    said = {"title": "Rain shell", "bullets": ["No assembly needed, waterproof shell"]}
    assert find_evidence(said, "waterproof", lexicon) is not None


def test_implicit_need_ranks_a_matching_product_first(slippers: Store) -> None:
    query = "slippers for my elderly mom who keeps slipping on the kitchen tile"
    assert "slip-resistant" in slippers.search.expander.expand(query).attributes
    hits = slippers.search.search(query, k=3)
    assert hits[0].product.id in NON_SLIP_SLIPPERS
    assert "slip-resistant" in hits[0].matched_attributes


def test_evidence_lines_are_about_the_product_and_only_when_it_has_it(slippers: Store) -> None:
    hits = slippers.search.search("slippers for my elderly mom who keeps slipping", k=5)
    by_id = {h.product.id: h for h in hits}
    lines = [line for pid in NON_SLIP_SLIPPERS if pid in by_id for line in by_id[pid].why]
    assert any(line.startswith("Slip-resistant (“") for line in lines), lines
    for hit in hits:
        for line in hit.why:
            assert LINE.match(line), line
            assert "shoppers need" not in line
        if hit.product.id in PLAIN_SLIPPERS:
            assert not any(line.startswith("Slip-resistant") for line in hit.why), hit.why
            assert "slip-resistant" not in hit.matched_attributes


def test_a_line_quotes_the_listing_and_says_what_it_does() -> None:
    lexicon = Lexicon()
    span = find_evidence({"title": "Clog", "bullets": ["Non-slip rubber outsole grips wet tile"]},
                         "slip-resistant", lexicon)
    assert span is not None
    line = evidence_line(span, lexicon, "helps keep balance in pregnancy")
    assert line == ("Slip-resistant (“Non-slip rubber outsole grips wet tile”): "
                    "helps keep balance in pregnancy")


def test_mining_reads_clicks_and_listing_text_when_there_are_no_tags_or_purchases(
        store: Store) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert

    from knowledge.graph.mining import mine
    from knowledge.models import Event, Product

    store.write_products([
        Product(id="P1", title="Trail walker", bullets=["Non-slip rubber outsole"]),
        Product(id="P2", title="City sneaker", bullets=["Canvas upper"]),
        Product(id="P3", title="Loafer", bullets=["Leather sole, not slip resistant"])])
    start, rows = datetime(2026, 10, 1, tzinfo=UTC), []
    for i in range(10):  # "pregnant" searches end in clicks on the non-slip shoe
        ts = start + timedelta(hours=3 * i)
        rows += [{"user_id": f"p{i}", "type": "search", "query": "shoes pregnant", "ts": ts},
                 {"user_id": f"p{i}", "type": "click", "product_id": "P1",
                  "ts": ts + timedelta(minutes=2)}]
    for i in range(24):
        ts = start + timedelta(hours=3 * i)
        rows += [{"user_id": f"o{i}", "type": "search", "query": "shoes", "ts": ts},
                 {"user_id": f"o{i}", "type": "click", "product_id": ["P2", "P3"][i % 2],
                  "ts": ts + timedelta(minutes=2)}]
    with store.engine.begin() as conn:
        conn.execute(insert(Event), [{"query": None, "product_id": None, **r} for r in rows])
    found = {(a.head, a.relation, a.tail): a for a in mine(store.engine, min_support=5)}
    needs = found[("pregnant", "NEEDS", "slip-resistant")]
    assert needs.evidence["signal"] == "click" and needs.evidence["support"] == 10
    assert not any(t == "slip-resistant" and h == "shoe" for h, _, t in found)
