"""Run-on briefs drafted as a merchant would see them: the product is named only by its noun.

Every builder failure of audits v10 and v11 was a run-on first clause: a part after a
singular type ("toaster extra wide slots 1.5in"), a type no list knows ("wheelbarrow"), a
verb or a property in the name ("covers", "dual band"), a count of items shown as a size
("2 cups"). These briefs are new ones of the same kinds, drafted through the real path.
"""

from __future__ import annotations

import re

from knowledge.merchants import create_merchant
from knowledge.store import Store
from tools.creatives.listing import draft_listing


def _draft(store: Store, brief: str) -> dict[str, object]:
    merchant, _ = create_merchant(store.engine, name=f"run-on {brief[:30]}")
    return draft_listing(store, merchant_id=merchant.id, brief=brief).content


def _shown(c: dict[str, object]) -> str:
    return " ".join([str(c["title"]), *c["bullets"], str(c["description"])])  # type: ignore[misc]


def test_a_part_after_a_singular_type_keeps_its_number(store: Store) -> None:
    c = _draft(store, "desk lamp flexible gooseneck 18 inch, touch dimmer, USB port")
    assert str(c["title"]).startswith("Desk Lamp, Flexible Gooseneck 18 inch")
    assert "Size and capacity: flexible gooseneck 18 inch." in c["bullets"]  # type: ignore[operator]
    shown = _shown(c)  # every "18 inch" a shopper reads is the gooseneck's
    assert shown.count("18 inch") == len(re.findall(r"(?i)gooseneck 18 inch", shown)) >= 2
    assert not {"gooseneck", "flexible gooseneck"} & set(c["keywords"])  # type: ignore[call-overload]


def test_a_type_no_list_knows_ends_before_its_quantity(store: Store) -> None:
    c = _draft(store, "snow blower 24 in clearing width steel auger, electric start")
    assert str(c["title"]).startswith("Snow Blower, ")
    assert c["keywords"] == ["snow blower"]  # never "auger", a part
    assert "Size and capacity: 24 in clearing width steel auger." in c["bullets"]  # type: ignore[operator]


def test_a_verb_and_a_place_word_stay_out_of_the_name(store: Store) -> None:
    c = _draft(store, "patio heater outdoor 48000 BTU heats 200 sq ft, wheels, tip over switch")
    title = str(c["title"])
    # the name is "Patio Heater" (the clause after it is kept whole, so no title fact now)
    assert title.split(",")[0] == "Patio Heater" and "Heats" not in title.split(",")[0]
    assert not {"heats", "outdoor", "patio heater outdoor heats"} & set(c["keywords"])  # type: ignore[call-overload]
    shown = _shown(c)  # "200 sq ft" only ever with what covers it
    assert shown.count("200 sq ft") == shown.count("heats 200 sq ft") >= 1


def test_a_property_word_is_never_the_product(store: Store) -> None:
    c = _draft(store, "mesh router tri band 5400Mbps, 4 gigabit ports, app setup")
    assert str(c["title"]).startswith("Mesh Router, Tri Band 5400Mbps")
    assert "band" not in c["keywords"] and "mesh router" in c["keywords"]  # type: ignore[operator]
    assert "Tri band 5400Mbps." in c["bullets"]  # type: ignore[operator]


def test_items_counted_in_a_kit_are_not_its_size(store: Store) -> None:
    c = _draft(store, "picnic set for 4: plates, 4 cups, cutlery, insulated bag")
    bullets = [str(b) for b in c["bullets"]]  # type: ignore[attr-defined]
    assert any("4 cups" in b for b in bullets)
    assert not any(b.startswith("Size and capacity") and "4 cups" in b for b in bullets)
    facts = {f["text"]: f["type"] for f in c["facts"]}  # type: ignore[attr-defined]
    assert facts["4 cups"] != "capacity"


def test_a_use_is_no_material_of_the_product(store: Store) -> None:
    c = _draft(store, "hole saw kit 11 pcs, for wood and plastic, carry case")
    bullets = [str(b) for b in c["bullets"]]  # type: ignore[attr-defined]
    assert any("for wood and plastic" in b.lower() for b in bullets)  # "For wood ...": bare
    assert not any(b.startswith("Materials") for b in bullets)


def test_a_brief_that_names_no_product_gets_no_guessed_name(store: Store) -> None:
    c = _draft(store, "750ml, keeps drinks cold 24 hours, leak proof lid")
    assert c["title"] == "750ml, Keeps Drinks Cold 24 hours, Leak Proof Lid"
    assert str(c["description"]).startswith("The product: 750ml")
    assert c["keywords"] == [] and c["model_used"] is False


def test_a_word_after_the_products_noun_is_never_its_keyword(store: Store) -> None:
    c = _draft(store, "electric toothbrush kids timer 2 brush heads waterproof")
    assert str(c["title"]).startswith("Electric Toothbrush")
    assert "Kids timer 2 brush heads waterproof." in c["bullets"]  # type: ignore[operator]
    assert "timer" not in c["keywords"] and "electric toothbrush" in c["keywords"]  # type: ignore[operator]
    c = _draft(store, "guitar strings acoustic light gauge 3 sets")
    assert "gauge" not in c["keywords"]  # type: ignore[operator]


def test_a_named_size_or_a_verb_ends_the_name(store: Store) -> None:
    c = _draft(store, "air mattress queen built in pump 18 inch high")
    assert str(c["title"]).split(",")[0] == "Air Mattress"
    assert "Size and capacity: queen built in pump 18 inch high." in c["bullets"]  # type: ignore[operator]
    assert "pump" not in c["keywords"] and "air mattress" in c["keywords"]  # type: ignore[operator]
    c = _draft(store, "lint remover removes pills from sweaters, rechargeable")
    assert str(c["title"]).startswith("Lint Remover, Removes Pills From Sweaters")
    assert c["keywords"][0] == "lint remover"  # type: ignore[index]


def test_a_model_name_and_its_number_stay_together_after_the_product(store: Store) -> None:
    c = _draft(store, "phone case iPhone 15 clear shockproof corners")
    assert str(c["title"]).split(",")[0] == "Phone Case"
    assert any("iPhone 15 clear shockproof corners" in str(b) for b in c["bullets"])  # type: ignore[attr-defined]
    assert c["keywords"] == ["phone case"]


def test_a_material_noun_and_a_bare_w_keep_the_products_name(store: Store) -> None:
    # audit v12 (after its labels): "copy paper 8.5 x 11" was named "Copy"; "... w handle bar"
    # keyed "bar"
    c = _draft(store, "tissue paper 20 x 30 in, 100 sheets")
    assert str(c["title"]).startswith("Tissue Paper, 20 x 30 in")
    assert c["keywords"][0] == "tissue paper"  # type: ignore[index]
    c = _draft(store, "balance bike w LED wheels, 12 inch")
    assert str(c["title"]).split(",")[0] == "Balance Bike"
    assert "wheels" not in c["keywords"] and "balance bike" in c["keywords"]  # type: ignore[operator]


def test_a_layers_thickness_stays_with_its_material() -> None:
    """'3 cm foam padding': cut off, '3 cm' would read as the product's size (L10 R3)."""
    from tools.creatives.run_on import split_run_on
    assert split_run_on("3 cm foam padding") == [("3 cm foam padding", 0)]
    assert split_run_on("12 oz dishwasher safe") == [("12 oz", 0), ("dishwasher safe", 6)]
