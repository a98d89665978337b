"""The claim checker: unsupported claims never reach a draft; supported ones keep their evidence."""

from __future__ import annotations

from sqlmodel import Session, select

from knowledge.creatives import Creative
from knowledge.models import Product
from knowledge.store import Store
from tools.creatives.claims import (
    ProductFacts,
    check_text,
    count_unsupported,
    default_lexicon,
    facts_for,
)
from tools.creatives.closed_world import Support
from tools.creatives.facts import parse_facts
from tools.creatives.listing import checked_listing, draft_listing
from tools.creatives.listing_builder import build_listing
from tools.creatives.phrases import BENEFITS
from tools.creatives.selling_points import selling_points
from tools.creatives.sources import product_brief, support_for

from .creative_catalog import seed_catalog

DRY = Product(id="d", title="Mat", color="purple",
              attributes={"type": "yoga mat", "material": "tpe", "features": ["non-slip"]})
WET = Product(id="w", title="Boots",
              attributes={"type": "hiking boots", "features": ["waterproof", "arch-support"]})


def test_waterproof_dropped_without_the_attribute_and_kept_with_it() -> None:
    text = "Waterproof and non-slip for every session. Made of tpe."
    dry = check_text(text, ProductFacts.for_product(DRY), where="description")
    assert "waterproof" not in dry.text.lower()
    assert [c.term for c in dry.removed] == ["waterproof"]
    wet = check_text("Waterproof for wet trails.", ProductFacts.for_product(WET), where="x")
    assert wet.text == "Waterproof for wet trails."
    assert wet.claims[0].term == "waterproof" and wet.claims[0].evidence == (
        "attribute features: waterproof")


def test_variant_spellings_and_short_fields_are_caught() -> None:
    facts = ProductFacts.for_product(DRY)
    for text in ("Water-resistant mat", "water proof mat", "WATERPROOF mat", "Guaranteed grip"):
        assert count_unsupported(text, facts) == 1, text
    short = check_text("Waterproof Non-Slip Yoga Mat", facts, where="title", short=True)
    assert short.text == "Non-Slip Yoga Mat"


def test_negation_is_not_a_claim_unless_it_contradicts_an_attribute() -> None:
    assert count_unsupported("This mat is not waterproof.", ProductFacts.for_product(DRY)) == 0
    flagged = check_text("These boots are not waterproof.", ProductFacts.for_product(WET),
                         where="description")
    assert flagged.text == "" and flagged.removed[0].negated


def test_a_negation_does_not_reach_into_the_next_sentence() -> None:
    # found by the creative eval: "No" in the sentence before made this read as "not waterproof"
    text = "No added scent. Waterproof as well."
    assert count_unsupported(text, ProductFacts.for_product(WET)) == 0
    assert check_text(text, ProductFacts.for_product(WET), where="ad").text == text
    assert count_unsupported("No added scent. Waterproof as well.",
                             ProductFacts.for_product(DRY)) == 1


def test_benefit_phrases_make_no_extra_claims() -> None:
    lexicon = default_lexicon()
    for feature, phrase in BENEFITS.items():
        assert [m.term for m in lexicon.find(phrase)] == [], feature


def test_model_text_with_unsupported_claims_never_reaches_the_listing() -> None:
    brief = product_brief(DRY)
    support = support_for(None, DRY, brief)
    model = ("A waterproof and breathable mat. It is a non-slip yoga mat made of tpe. "
             "Best mat ever.")
    parsed = parse_facts(brief)
    listing, dropped, kept = checked_listing(build_listing(parsed), model, support, parsed)
    text = "\n".join([listing.title, *listing.bullets, listing.description])
    assert "waterproof" not in text.lower() and "best" not in text.lower()
    assert "It is a non-slip yoga mat made of tpe." in listing.description and kept == 1
    assert {d["sentence"] for d in dropped} == {"A waterproof and breathable mat.",
                                                "Best mat ever."}
    assert isinstance(support, Support) and count_unsupported(text, ProductFacts.for_product(
        DRY)) == 0


def test_stored_draft_has_no_unsupported_claim_and_evidence_for_each(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    creative = draft_listing(store, merchant_id=merchant.id, product_id="mat-tpe", use_llm=False)
    with Session(store.engine) as session:
        row = session.exec(select(Creative).where(Creative.id == creative.id)).one()
        product = session.get(Product, "mat-tpe")
    assert row.status == "draft" and row.merchant_id == merchant.id and row.kind == "listing"
    facts = ProductFacts.for_product(product)
    text = "\n".join([row.content["title"], *row.content["bullets"], row.content["description"]])
    assert count_unsupported(text, facts) == 0
    assert {"non-slip", "extra-thick", "tpe"} <= set(row.claims)
    assert row.claims["tpe"] == "material: tpe"


def test_knowledge_assertions_back_audience_claims(store: Store) -> None:
    from knowledge.graph.build import build_knowledge

    merchant, _ = seed_catalog(store)
    build_knowledge(store, ("seed",))
    with Session(store.engine) as session:
        mat = session.get(Product, "mat-tpe")
    assert mat is not None
    facts = facts_for(store, mat)
    assert facts.supported["yoga practitioner"] == (
        "knowledge: (yoga mat, USED_FOR_AUDIENCE, yoga practitioners)")
    kept = check_text("Made for yoga practitioners. Loved by runners.", facts, where="x")
    assert kept.text == "Made for yoga practitioners."
    assert [c.term for c in kept.removed] == ["runner"]
    points = selling_points(store, mat)
    assert "yoga practitioner" in {p.term for p in points if p.kind == "audience"}
