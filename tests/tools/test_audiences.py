"""Audiences are people named by the knowledge graph, sized and lifted by behaviour."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, select

from knowledge.graph.io import import_assertions
from knowledge.ingest import import_catalog
from knowledge.models import Event, Product, Shopper
from knowledge.settings import REPO_ROOT
from knowledge.sql import transaction
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows
from tools.campaigns.audiences import suggest_audiences


def test_audiences_are_named_as_people_with_size_and_lift(store: Store, tmp_path: Path) -> None:
    rows = catalogue_rows()
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    import_catalog(store, path)
    import_assertions(store.engine, REPO_ROOT / "knowledge/graph/seed/audiences.jsonl")
    mats = [r["product_id"] for r in rows if r["attributes"]["type"] == "yoga mat"]
    bottles = [r["product_id"] for r in rows if r["attributes"]["type"] == "baby bottles"]
    events = []
    for n in range(12):  # yoga people search for yoga and mostly buy mats
        events += [(f"y{n}", "search", "non slip mat for hot yoga", None),
                   (f"y{n}", "purchase", None, mats[n % len(mats)] if n % 4 else bottles[0])]
    for n in range(12):  # parents search for their newborn and buy bottles
        events += [(f"p{n}", "search", "bottles for my newborn", None),
                   (f"p{n}", "purchase", None, bottles[n % len(bottles)])]
    for n in range(20):  # everyone else browses, a few buy a mat
        events += [(f"c{n}", "search", "foam roller", None)]
        if n % 10 == 0:
            events.append((f"c{n}", "purchase", None, mats[0]))
    with transaction(store.engine) as session:
        for user in {e[0] for e in events}:
            session.add(Shopper(id=user))
        for user, kind, query, pid in events:
            session.add(Event(user_id=user, type=kind, query=query, product_id=pid))
    with Session(store.engine) as session:
        products = list(session.exec(select(Product).where(Product.id.in_(mats))))  # type: ignore[attr-defined]
    segments = suggest_audiences(store, products)
    assert segments, "no audience suggested"
    top = segments[0]
    assert top.name == "yoga practitioners"
    assert top.size == 12 and top.lift > 1.5
    names = {s.name for s in segments}
    assert not names & {"roller", "foam roller", "mat", "non slip", "hot yoga"}
    assert "new parents" not in names  # they did not buy mats: no lift
