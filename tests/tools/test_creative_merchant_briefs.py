"""Briefs written the way merchants paste them, drafted through the real path and model.

Lists with dashes or emoji, spec sheets ("Size: 16 x 16 in"), shouting, "Best seller!!",
"approx.", briefs with no punctuation at all: the listing names the product by its noun,
keeps every fact with the words it was bound to, and never names a label, a filler or a
part as the product. These briefs were written for these tests, apart from any audit set.
"""

from __future__ import annotations

from knowledge.store import Store

from .test_creative_run_on import _draft, _shown


def test_list_marks_and_emoji_are_no_part_of_any_fact(store: Store) -> None:
    c = _draft(store, "- Cotton bath towels\n- Set of 6\n- 30 x 56 in\n- Machine washable")
    assert str(c["title"]).startswith("Cotton Bath Towels, 30 x 56 in")
    assert c["keywords"][0] == "cotton bath towels"  # type: ignore[index]
    assert "- " not in _shown(c) and "Size and capacity: Set of 6." in c["bullets"]  # type: ignore[operator]
    c = _draft(store, "✅ Bamboo cutting board ✅ 18x12 inches ✅ juice groove ✅ 3 year warranty")
    assert str(c["title"]).startswith("Bamboo Cutting Board, 18x12 inches, Juice Groove")
    assert "✅" not in _shown(c) and "Backed by 3 year warranty." in c["bullets"]  # type: ignore[operator]


def test_a_spec_sheet_keeps_each_label_with_its_value(store: Store) -> None:
    c = _draft(store, "Product: yoga mat\nSize: 72 x 24 in\nThickness: 6mm\nMaterial: TPE")
    assert str(c["title"]).startswith("Yoga Mat, ")
    bullets = [str(b) for b in c["bullets"]]  # type: ignore[attr-defined]
    assert "Thickness: 6mm." in bullets and "Size: 72 x 24 in." in bullets
    assert not any("Features: Thickness" in b or b.startswith("Product") for b in bullets)
    assert c["keywords"][0] == "yoga mat"  # type: ignore[index]
    c = _draft(store, "Qty: 4\nSize: 16 x 16 in")  # names no product: none is guessed
    assert str(c["description"]).startswith("The product: ")
    assert c["keywords"] == [] and "Qty: 4." in c["bullets"]  # type: ignore[operator]


def test_shouting_and_filler_never_name_the_product(store: Store) -> None:
    c = _draft(store, "STAINLESS STEEL WATER BOTTLE 32 OZ LEAK PROOF LID KEEPS COLD 24 HRS")
    assert str(c["title"]).startswith("Stainless Steel Water Bottle")
    assert "32 oz" in _shown(c) and "keeps cold 24 hrs" in _shown(c)
    c = _draft(store, "Best seller!! Cozy fleece blanket 50x60 in super soft!!! machine washable")
    assert str(c["title"]).startswith("Cozy Fleece Blanket, 50x60 in")
    assert "!" not in _shown(c) and c["keywords"][0] == "cozy fleece blanket"  # type: ignore[index]


def test_a_brief_with_no_commas_gets_a_bullet_per_plain_fact(store: Store) -> None:
    c = _draft(store, "ceramic coffee mug 12 oz dishwasher safe microwave safe matte black")
    assert str(c["title"]).startswith("Ceramic Coffee Mug")
    assert "Size and capacity: 12 oz." in c["bullets"]  # type: ignore[operator]
    assert "Dishwasher safe microwave safe matte black." in c["bullets"]  # type: ignore[operator]
    c = _draft(store, "glass teapot 1000ml w removable infuser stovetop safe")
    assert "Size and capacity: 1000ml." in c["bullets"]  # type: ignore[operator]
    assert any("w removable infuser stovetop safe" in str(b).lower() for b in c["bullets"])  # type: ignore[attr-defined]


def test_a_parts_number_or_feature_stays_with_the_part(store: Store) -> None:
    c = _draft(store, "cordless hedge trimmer 22 inch dual action blade 40V")
    shown = _shown(c).lower()  # the 22 inch is the blade's: never the trimmer's own size
    assert shown.count("22 inch") == shown.count("22 inch dual action blade") >= 1
    c = _draft(store, "kids scooter 3 wheels with LED lights adjustable height")
    shown = _shown(c).lower()  # the lights are the wheels'
    assert shown.count("led lights") == shown.count("3 wheels with led lights") >= 1
    c = _draft(store, "wooden toy train set 50 pcs compatible with brio")
    assert "compatible with brio" in _shown(c)
    assert not any(str(b).endswith(": brio.") for b in c["bullets"])  # type: ignore[attr-defined]


def test_abbreviations_and_material_nouns_read_as_merchants_mean(store: Store) -> None:
    c = _draft(store, "approx. 12 in tall artificial succulent in pot")
    assert "approx. 12 in tall" in _shown(c) and not str(c["title"]).startswith("Approx,")
    c = _draft(store, "printer paper 8.5 x 11 in 10 reams")
    assert str(c["title"]).startswith("Printer Paper, 8.5 x 11 in")
    assert c["keywords"][0] == "printer paper" and "printer" not in c["keywords"]  # type: ignore[index,operator]
    c = _draft(store, "Qty 4 glass food containers w lids 2 cup each oven safe")
    assert not str(c["title"]).startswith("Qty,") and "qty" not in c["keywords"]  # type: ignore[operator]


def test_a_greeting_and_a_sales_lead_are_no_part_of_the_name(store: Store) -> None:
    c = _draft(store, "Hi! we sell a ss travel mug 16oz w/ lid, keeps coffee hot 6 hrs")
    assert str(c["title"]).startswith("SS Travel Mug, 16oz w/ Lid")
    assert c["keywords"][0] == "ss travel mug"  # type: ignore[index]
    assert "Hi" not in _shown(c) and "sell" not in _shown(c).lower()
