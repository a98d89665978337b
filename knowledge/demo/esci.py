"""The real-listings demo store: ESCI products (shipped in the repo) plus simulated behaviour.

Products are imported like any catalogue, so their attributes come from extraction; image
URLs are dropped (nothing is fetched, cards show a placeholder). Behaviour comes from the
persona simulator: a persona's needs and audiences are matched against the *extracted*
features and audiences, so query -> purchase statistics carry what the knowledge layer mines.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from knowledge.demo.behaviour import Catalog, Simulator
from knowledge.demo.world import AUDIENCE_PHRASES, taxonomy
from knowledge.extraction.extract import knowledge_tails
from knowledge.extraction.finders import feature_items, find_terms
from knowledge.extraction.types import normal
from knowledge.ingest import CatalogImport, import_catalog_report, import_events, read_rows
from knowledge.models import Product
from knowledge.store import Store

ESCI_PRODUCTS = Path(__file__).resolve().parent / "esci" / "products.jsonl.gz"
# who each persona shops for, in the extractor's audience words
PERSONA_AUDIENCES: dict[str, set[str]] = {
    "expecting_mother": {"women"}, "new_parent": {"baby", "toddler", "kids"},
    "pet_owner": {"dogs", "cats", "pets"}, "senior": {"seniors", "adults"},
    "student": {"teens", "adults"}, "runner": set(), "camper": set(), "office_worker": set(),
    "gamer": set(), "home_cook": set(), "yogi": {"women"},
}


def esci_rows(path: Path = ESCI_PRODUCTS, limit: int | None = None) -> list[dict[str, Any]]:
    """Non-book ESCI rows without image URLs, in a fixed order (sha1 of the id); first ``limit``."""
    rows = [row for _, row in read_rows(path) if not row.get("is_book")]
    rows.sort(key=lambda r: hashlib.sha1(str(r.get("product_id")).encode()).hexdigest())
    out = []
    for row in rows[:limit]:
        row = {k: v for k, v in row.items() if k not in ("image", "is_book", "product_locale")}
        out.append(row)
    return out


def build_esci_demo(store: Store, *, limit: int | None = None, shoppers: int = 400,
                    seed: int = 7, days: int = 30,
                    source: Path = ESCI_PRODUCTS) -> dict[str, Any]:
    """Import the ESCI products (attributes extracted) and simulated behaviour over them."""
    out = store.settings.data_dir / "demo_esci"
    out.mkdir(parents=True, exist_ok=True)
    catalog = out / "products.import.jsonl"
    _write(catalog, esci_rows(source, limit))
    report: CatalogImport = import_catalog_report(store, catalog)
    with Session(store.engine) as session:
        products = [_sim_row(p) for p in session.exec(select(Product))]
    people = [{"user_id": f"E{i:04d}", "persona": persona} for i, persona in
              enumerate(_personas(seed, shoppers))]
    events = simulate_esci(products, people, seed, days)
    events_path = _write(out / "events.jsonl", events)
    personas_path = _write(out / "shoppers.jsonl", people)
    n_events = import_events(store, events_path, personas=personas_path)
    return {"products": report.products, "extracted": report.extracted, "events": n_events,
            "warnings": report.warnings}


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    return path


def _sim_row(p: Product) -> dict[str, Any]:
    attrs = p.attributes or {}
    path = attrs.get("category_path") or []
    fallback = str(path[-1]).lower() if path else (p.category or "product").replace("_", " ")
    return {"product_id": p.id, "product_title": p.title, "category": p.category or "other",
            "attributes": {"type": str(attrs.get("type") or fallback),
                           "features": list(attrs.get("features") or []),
                           "audiences": list(attrs.get("audiences") or [])}}


def _personas(seed: int, n: int) -> list[str | None]:
    rng = random.Random(seed + 2)
    names = sorted(taxonomy()["personas"])
    return [rng.choice(names) if rng.random() < 0.8 else None for _ in range(n)]


GENERIC_NEEDS = frozenset({"durable", "lightweight", "comfortable", "soft", "adjustable",
                           "portable", "compact"})


def canonical_need(need: str) -> str:
    """A persona need as the extractor tags it ("slip-resistant" -> "non-slip")."""
    found = find_terms(need.replace("-", " "), feature_items(knowledge_tails()),
                       check_negation=False)
    return found[0][0] if found else need


class EsciSimulator(Simulator):
    """Persona sessions over real listings: types chosen where extracted attributes meet needs."""

    def __init__(self, products: list[dict[str, Any]], seed: int, days: int) -> None:
        """Index the products; rank, per persona, the product types that suit it."""
        super().__init__(products, seed, days)
        self.audiences = [set(p["attributes"]["audiences"]) for p in products]
        self.needs = {persona: {canonical_need(n) for n in spec["needs"]}
                      for persona, spec in taxonomy()["personas"].items()}
        self.suits = {persona: self._suited_types(persona) for persona in self.needs}
        self.types = sorted(self.cat.by_type)

    def _suited_types(self, persona: str) -> list[str]:
        """Types whose products carry the persona's needs or audience, best first (max 8).

        Generic needs ("durable") count a quarter; a type the persona is known to buy counts 5.
        """
        spec, needs = taxonomy()["personas"][persona], self.needs[persona]
        who = PERSONA_AUDIENCES.get(persona, set())
        known = {normal(t)[-1] for t in spec["types"]}
        score: dict[str, float] = {}
        for i, p in enumerate(self.cat.products):
            kind = p["attributes"]["type"]
            hits = needs & self.cat.features[i]
            value = sum(0.25 if h in GENERIC_NEEDS else 1.0 for h in hits)
            value += 2.0 * len(who & self.audiences[i])
            value += 5.0 if normal(kind)[-1:] and normal(kind)[-1] in known else 0.0
            score[kind] = score.get(kind, 0.0) + value
        ranked = sorted((k for k, v in score.items() if v >= 2.0), key=lambda k: (-score[k], k))
        return ranked[:8]

    def persona_session(self, user: str, persona: str) -> None:
        """One visit: a type that suits the persona, a query naming the need or the audience."""
        types = self.suits.get(persona) or self.types
        ptype = self.rng.choice(types)
        needs = self.needs[persona]
        have = sorted(needs & set().union(*(self.cat.features[i] for i in self.cat.by_type[ptype])))
        phrase = self.rng.choice(AUDIENCE_PHRASES.get(persona, ["me"]))
        forms = [f"{ptype} for {phrase}", ptype]
        if have:
            forms.append(f"{self.rng.choice(have).replace('-', ' ')} {ptype}")
        query = self.rng.choice(forms)
        results = self.cat.search(query, "", ptype)
        self._browse(user, self._when(), query, results, needs)

    def casual_session(self, user: str) -> None:
        """One visit without a persona: a plain type query."""
        ptype = self.rng.choice(self.types)
        self._browse(user, self._when(), ptype, self.cat.search(ptype, "", ptype), set())


def simulate_esci(products: list[dict[str, Any]], shoppers: list[dict[str, Any]], seed: int,
                  days: int) -> list[dict[str, Any]]:
    """All events of all shoppers over the ESCI products, ordered by time."""
    if not products:
        return []
    sim = EsciSimulator(products, seed, days)
    for shopper in shoppers:
        for _ in range(3 + sum(1 for _ in range(10) if sim.rng.random() < 0.5)):
            if shopper["persona"]:
                sim.persona_session(shopper["user_id"], shopper["persona"])
            else:
                sim.casual_session(shopper["user_id"])
    return sorted(sim.events, key=lambda e: (e["ts"], e["user_id"]))


__all__ = ["Catalog", "ESCI_PRODUCTS", "build_esci_demo", "esci_rows", "simulate_esci"]
