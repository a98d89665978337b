"""Catalogue-wide evidence masks give the same answer as find_evidence, product by product."""

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from sqlmodel import Session

from knowledge.db import make_engine
from knowledge.graph.evidence import Lexicon, find_evidence
from knowledge.graph.masks import CatalogueEvidence
from knowledge.models import Product
from knowledge.settings import Settings

ESCI = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
NON_SLIP_SLIPPERS = ("B07F64V1M1", "B07J21716W")  # bullets say "non-slip"
NOT_WATERPROOF = ("B06XQ39PMF", "B076FD8CCF")  # "Not waterproof", "is not waterproof"
SAMPLE = 150


def _listing(row: dict) -> dict:
    return {"id": row["product_id"], "title": row["product_title"],
            "description": row["product_description"] or "",
            "bullets": (row["product_bullet_point"] or "").splitlines(), "attributes": {}}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], CatalogueEvidence]:
    wanted = set(NON_SLIP_SLIPPERS + NOT_WATERPROOF)
    listings: list[dict] = []
    with gzip.open(ESCI, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if len(listings) < SAMPLE or row["product_id"] in wanted:
                listings.append(_listing(row))
    # attribute values count as evidence, in any spelling the lexicon knows
    listings.append({"id": "GIVEN1", "title": "Plain mat", "description": "", "bullets": [],
                     "attributes": {"features": ["Non Slip", "washable"],
                                    "category_path": ["slip-resistant"]}})
    listings.append({"id": "GIVEN2", "title": "Plain rug", "description": "", "bullets": [],
                     "attributes": {"category_path": ["slip-resistant"]}})  # not evidence
    engine = make_engine(Settings(data_dir=tmp_path_factory.mktemp("masks")))
    with Session(engine) as session:
        session.add_all([Product(**listing) for listing in listings])
        session.commit()
    return listings, CatalogueEvidence(engine, Lexicon())


def test_masks_equal_find_evidence_for_every_lexicon_attribute(catalogue) -> None:
    listings, masks = catalogue
    lexicon = Lexicon()
    ids = [p["id"] for p in listings] + ["NO-SUCH-PRODUCT"]
    for attribute in lexicon.entries:
        expected = [find_evidence(p, attribute, lexicon) is not None for p in listings] + [False]
        assert masks.mask(attribute, ids).tolist() == expected, attribute


def test_masks_read_negation_values_and_category_paths(catalogue) -> None:
    listings, masks = catalogue
    ids = [p["id"] for p in listings]
    position = {pid: i for i, pid in enumerate(ids)}
    slip = masks.mask("slip-resistant", ids)
    assert all(slip[position[pid]] for pid in NON_SLIP_SLIPPERS)
    assert slip[position["GIVEN1"]] and not slip[position["GIVEN2"]]
    waterproof = masks.mask("waterproof", ids)
    assert not any(waterproof[position[pid]] for pid in NOT_WATERPROOF)
    assert 0 < int(np.count_nonzero(slip)) < len(ids)


def test_title_words_are_stemmed_title_tokens(catalogue) -> None:
    listings, masks = catalogue
    ids = [p["id"] for p in listings]
    words = masks.title_words(ids, [ids.index("GIVEN1")])
    assert words == [frozenset({"plain", "mat"})]
