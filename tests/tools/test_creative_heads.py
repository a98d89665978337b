"""The product's name read from a brief's first clause, as the draft a merchant reads shows it.

Audits v8 and v9 found the builder's only failures there: "plug in night lights" named a
plug, and "women's roller skates PU wheels 58mm" gave the wheels' 58mm to the skates.
"""

from __future__ import annotations

import re

from knowledge.merchants import create_merchant
from knowledge.store import Store
from tools.creatives.listing import draft_listing


def _draft(store: Store, brief: str) -> dict[str, object]:
    merchant, _ = create_merchant(store.engine, name="heads")
    return draft_listing(store, merchant_id=merchant.id, brief=brief).content


def test_a_part_named_after_a_plural_product_keeps_its_own_number(store: Store) -> None:
    c = _draft(store, "kids inline skates PU wheels 64mm, adjustable sizes 1-4, ABEC-5 bearings")
    title, bullets = str(c["title"]), list(c["bullets"])  # type: ignore[call-overload]
    assert title.startswith("Kids Inline Skates, PU Wheels 64mm")
    shown = " ".join([title, *bullets, str(c["description"])])
    # every "64mm" a shopper reads is the wheels' ("PU wheels 64mm"), never the skates' size
    assert shown.count("64mm") == len(re.findall(r"(?i)PU wheels 64mm", shown)) >= 2
    assert "Size and capacity: PU wheels 64mm." in bullets
    assert c["keywords"][:2] == ["kids inline skates", "inline skates"]  # type: ignore[index]


def test_a_material_after_the_type_starts_the_parts_phrase(store: Store) -> None:
    c = _draft(store, "wall coat rack bamboo 6 hooks, hat shelf")
    assert str(c["title"]).startswith("Wall Coat Rack, Bamboo 6 hooks")
    # the hooks' count stays with its words, one segment, never a bare "6 hooks." size
    assert any(b.endswith(": bamboo 6 hooks.") for b in c["bullets"])  # type: ignore[attr-defined]


def test_a_name_that_goes_on_after_a_plural_stays_whole(store: Store) -> None:
    c = _draft(store, "measuring cups and spoons set 10 piece, 18/8 stainless steel")
    assert str(c["title"]).startswith("Measuring Cups and Spoons Set")
    assert "Size and capacity: 10 piece." in c["bullets"]  # type: ignore[operator]


def test_a_plug_in_product_is_not_a_plug(store: Store) -> None:
    c = _draft(store, "plug in wall lights 4 pack, motion sensor, soft white")
    assert str(c["title"]).startswith("Plug in Wall Lights")
    assert "plug" not in c["keywords"]  # type: ignore[operator]
    # the product the merchant would approve is a wall light, not a plug
    kind = str(c["product"]["attributes"]["type"])  # type: ignore[index]
    assert kind != "plug" and kind.endswith("lights")


def test_a_material_after_a_plural_type_starts_a_parts_phrase(store: Store) -> None:
    # audit v10: "ankle boots faux suede block heel 2.5 inch" was named a heel (keyword "heel")
    c = _draft(store, "chelsea boots genuine leather lug sole 1.5 inch, mens 8-13")
    assert str(c["title"]).startswith("Chelsea Boots")
    assert "Size and capacity: genuine leather lug sole 1.5 inch." in c["bullets"]  # type: ignore[operator]
    assert "sole" not in c["keywords"] and "chelsea boots" in c["keywords"]  # type: ignore[operator]


def test_a_named_size_stays_whole_and_out_of_the_name(store: Store) -> None:
    # audit v11: "file folders letter size 100 pack" was named "File Folders Letter" (keyword
    # "letter") and showed "size 100 pack"
    c = _draft(store, "hanging file folders legal size 25 pack, reinforced tabs")
    assert str(c["title"]).startswith("Hanging File Folders, Legal Size 25 pack")
    assert "Size and capacity: legal size 25 pack." in c["bullets"]  # type: ignore[operator]
    assert not {"legal", "hanging file folders legal"} & set(c["keywords"])  # type: ignore[call-overload]
