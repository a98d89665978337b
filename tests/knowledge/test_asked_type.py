"""The product type a query asks for: read from its head noun phrase (never its situation),
everyday/British names mapped to the catalogue's types, and honoured by search."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge.asked_type import TypeReader
from knowledge.ingest import import_catalog
from knowledge.store import Store
from knowledge.type_names import catalogue_names, head_words, respell, type_words


def _row(pid: str, title: str, kind: str, features: list[str], bullets: list[str] | None = None
         ) -> dict[str, object]:
    return {"product_id": pid, "product_title": title, "product_bullet_point": bullets or [],
            "attributes": {"type": kind, "features": features}}


CATALOGUE = [
    _row("H1", "Auralis Wireless Headphones, Sweat Proof", "wireless headphones", ["sweat-proof"]),
    _row("H2", "Auralis Wireless Headphones, Noise Cancelling", "wireless headphones",
         ["noise-cancelling"]),
    _row("G1", "Pulsefit Gym Bag For The Gym, Gym Workouts And Gym Sessions", "gym bag",
         ["ventilated"], ["A gym bag for every gym day"]),
    _row("G2", "Pulsefit Gym Bag, Lightweight", "gym bag", ["lightweight"]),
    _row("S1", "Lumen Bluetooth Speaker, Waterproof", "bluetooth speaker", ["waterproof"]),
    _row("T1", "Beach Towel For Beach Days And Pool Parties", "beach towel", ["quick-dry"]),
    _row("P1", "Nestlings Stroller, Foldable", "stroller", ["foldable"]),
    _row("P2", "Nestlings Baby Carrier, Ergonomic", "baby carrier", ["ergonomic"]),
    _row("Y1", "Zenflow Yoga Mat, Non-Slip", "yoga mat", ["non-slip"]),
    _row("Y2", "Nestlings Play Mat, Padded", "play mat", ["padded"]),
    _row("K1", "Stridewell Kids Sneakers, Non-Marking", "kids sneakers", ["non-marking"]),
    _row("K2", "PaceLab Sneakers For Men, Cushioned", "sneakers", ["cushioned"]),
    _row("K3", "PaceLab Court Sneakers For The School Gym, Cushioned", "sneakers",
         ["cushioned"]),
    _row("L1", "Homma Running Leggings Pant, Thermal", "pant", ["thermal"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in CATALOGUE))
    import_catalog(store, path)
    return store


def test_head_phrase_stops_before_the_situation() -> None:
    assert head_words("headphones for the gym") == ["headphones"]
    assert head_words("Do you have waterproof hiking boots?") == ["waterproof", "hiking", "boots"]
    assert head_words("speaker for beach days and pool parties") == ["speaker"]
    assert head_words("gym bag that doesn't smell") == ["gym", "bag"]
    assert head_words("trainers, my son's PE kit") == ["trainers"]


def test_everyday_and_british_names_map_to_catalogue_words() -> None:
    assert type_words(["trainers"]) == ["sneaker"]
    assert type_words(["pram"]) == ["stroller"]
    assert type_words(["nappy", "bag"]) == ["diaper", "bag"]
    assert type_words(["head", "torch"]) == ["headlamp"]
    assert type_words(["sun", "cream"]) == ["sunscreen"]
    assert type_words(["pyjamas"]) == ["pajama"]
    assert type_words(["t-shirt"]) == ["t", "shirt"]
    assert respell("moisturiser") == "moisturizer" and respell("colour") == "color"
    assert respell("exercise") == "exercise" and respell("four") == "four"
    assert catalogue_names("trainers") == ["sneaker"]
    assert catalogue_names("couch") == ["couch sofa", "sofa"]
    assert catalogue_names("yoga mat") == []


def test_more_everyday_names_of_shop_types() -> None:
    assert type_words(["house", "shoes"]) == ["slipper"]
    assert type_words(["sport", "coat"]) == ["blazer"]
    assert type_words(["hoodies"]) == ["hoodie"]
    assert type_words(["chopping", "board"]) == ["cutting", "board"]
    assert type_words(["changing", "bag"]) == ["diaper", "bag"]
    assert type_words(["flip", "flops"]) == ["sandal"]
    assert type_words(["birthing", "ball"]) == ["yoga", "ball"]
    assert catalogue_names("desk light") == ["desk lamp"]
    assert catalogue_names("scratching post") == ["cat tree"]
    assert catalogue_names("chapstick")[0] == "lip balm"
    assert catalogue_names("face cream") == ["face moisturizer"]
    assert catalogue_names("walking sticks") == ["trekking pole"]
    assert catalogue_names("activity band") == ["fitness tracker"]


SHOES = [
    {**_row("W1", "Comfora Walking Shoes, Cushioned", "walking shoes", ["cushioned"]),
     "category": "shoes"},
    {**_row("R1", "PaceLab Running Shoes, Breathable", "running shoes", ["breathable"]),
     "category": "shoes"},
    {**_row("C1", "Stridewell Kids Sneakers, Lightweight", "kids sneakers", ["lightweight"]),
     "category": "shoes"},
    {**_row("C2", "Bloomline Kids Pajamas, Stretch", "kids pajamas", ["stretch"]),
     "category": "clothing"},
]


def test_a_child_in_the_situation_asks_for_the_kids_version(store: Store, tmp_path: Path
                                                            ) -> None:
    path = tmp_path / "shoes.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in SHOES))
    import_catalog(store, path)
    read = store.search.types.read
    for query in ("shoes for a toddler", "shoes for my 6 year old", "shoes for my son"):
        asked = read(query, store.search.index)
        assert asked is not None and set(asked.types) == {"kids sneakers"}, query
    grown = read("shoes for my 70 year old dad", store.search.index)
    assert grown is not None and set(grown.types) == {"walking shoes", "running shoes"}


def test_reader_finds_the_asked_type_not_the_situation(shop: Store) -> None:
    reader, index = TypeReader(shop.embedder), shop.search.index

    def asked(query: str) -> set[str]:
        found = reader.read(query, index)
        return set(found.types) if found else set()

    assert asked("headphones for the gym") == {"wireless headphones"}
    assert asked("pram for a newborn") == {"stroller"}
    assert asked("mat for yoga with bad knees") == {"yoga mat"}
    assert asked("trainers for my son's PE class") == {"kids sneakers"}
    assert asked("sneakers for the office") == {"sneakers"}
    assert asked("something for the gym") == set()


def test_products_titled_with_the_type_count_as_it(shop: Store) -> None:
    reader, index = TypeReader(shop.embedder), shop.search.index
    asked = reader.read("leggings for running in winter", index)
    assert asked is not None and asked.how == "titled"  # typed "pant", titled leggings
    weights = reader.product_weights(asked, index)
    assert {index.ids[i] for i in range(len(index)) if weights[i] > 0} == {"L1"}
    found = reader.read("sneakers for the office", index)
    assert found is not None
    weights = reader.product_weights(found, index)
    named = {index.ids[i] for i in range(len(index)) if weights[i] > 0}
    assert named == {"K1", "K2", "K3"}  # "Kids Sneakers" is titled sneakers too


def test_search_puts_the_asked_type_first(shop: Store) -> None:
    for query, kind in (("headphones for the gym", "wireless headphones"),
                        ("speaker for beach days and pool parties", "bluetooth speaker"),
                        ("pram for a newborn", "stroller")):
        hits = shop.search.search(query, k=5)
        kinds = [h.product.attributes["type"] for h in hits]
        first_other = next((i for i, k in enumerate(kinds) if k != kind), len(kinds))
        assert kinds[0] == kind and all(k != kind for k in kinds[first_other:]), (query, kinds)


def test_plain_hybrid_is_unchanged(shop: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without knowledge search ranks by words and meaning alone: no type is read."""
    def read(*_: object) -> None:
        pytest.fail("the asked type is read only with knowledge on")

    monkeypatch.setattr(shop.search.types, "read", read)
    assert shop.search.search("headphones for the gym", k=3, use_knowledge=False)


SHAMPOOS = [
    _row("A1", "Lathergood Shampoo, Deep Clean", "shampoo", ["deep-clean"],
         ["Rich lather from sulfates", "For curly hair"]),
    _row("A2", "Curlwise Shampoo, Sulfate-Free", "shampoo", ["sulfate-free"], ["For curly hair"]),
    _row("A3", "Plainly Shampoo, Everyday", "shampoo", ["everyday"]),
    _row("J1", "Trailhound Jacket, Water Resistant, Not Waterproof", "rain jacket", ["packable"]),
    _row("J2", "Trailhound Rain Jacket, Waterproof", "rain jacket", ["waterproof"]),
    _row("J3", "Trailhound Rain Jacket, Breathable", "rain jacket", ["breathable"]),
]


@pytest.fixture
def shampoos(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "shampoos.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in SHAMPOOS))
    import_catalog(store, path)
    return store


def test_a_refused_ingredient_never_leads(shampoos: Store) -> None:
    query = "shampoo without sulfates for curly hair"
    assert [h.product.id for h in shampoos.search.search(query, k=3)][-1] == "A1"
    shampoos.search.weights.opposite = 0.0  # the lowering is what moves it
    assert [h.product.id for h in shampoos.search.search(query, k=3)][-1] != "A1"


def test_a_product_denying_a_needed_attribute_is_against_it(shampoos: Store) -> None:
    from knowledge.expansion import Expansion
    from knowledge.opposites import against

    index = shampoos.search.index
    exp = Expansion(query="rain jacket for a soggy commute", attributes={"waterproof": 1.0})
    states = against(exp.query, exp, index, np.arange(len(index)))
    assert {index.ids[i] for i in np.flatnonzero(states)} == {"J1"}
    assert not against("rain jacket", None, index, np.arange(len(index))).any()



def test_a_need_said_in_the_features_own_words_ranks_within_the_type(shop: Store) -> None:
    from knowledge.said_needs import roots, said_needs

    assert roots("non-marking") == {"mark"} and roots("durable") == set()
    index = shop.search.index
    asked = shop.search.types.read("sneakers for a gym that bans shoes that mark the court",
                                   index)
    assert asked is not None
    of_type = shop.search.types.product_weights(asked, index)
    query = "sneakers for a gym that bans shoes that mark the court"
    assert said_needs(query, index, of_type) == {"non-marking": 0.5}
    assert said_needs("sneakers in black", index, of_type) == {}  # a colour is no feature
    hits = shop.search.search(query, k=3)
    assert hits[0].product.id == "K1"  # the non-marking pair leads the court-worded one


HARDWARE = [
    _row("B1", "Adidas Tote Bag, Beige", "tote bag", ["lightweight"]),
    _row("B2", "Everlast Gym Bag With Shoe Pocket", "bag", ["ventilated"]),
    _row("B3", "Office Laptop Bag, Padded", "bag", ["padded"]),
    _row("W1", "Gorilla Clear Silicone Sealant For Windows", "", ["waterproof"]),
    _row("W2", "303 Aerospace Protectant For Outdoor Windows", "protectant", ["uv-resistant"]),
]


@pytest.fixture
def hardware(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "hardware.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in HARDWARE))
    import_catalog(store, path)
    return store


def test_a_head_narrower_than_the_catalogues_type_leads_it(hardware: Store) -> None:
    hits = hardware.search.search("gym bag for going to the office after a workout", k=3)
    assert hits[0].product.id == "B2"


def test_titles_name_a_type_no_product_is_typed_as(hardware: Store) -> None:
    asked = hardware.search.types.read("sealant for outdoor windows", hardware.search.index)
    assert asked is not None and asked.how == "titled"
    assert hardware.search.search("sealant for outdoor windows", k=1)[0].product.id == "W1"
    assert hardware.search.types.read("something for outdoor windows",
                                      hardware.search.index) is None


def test_an_event_refused_is_no_thing_to_avoid() -> None:
    from knowledge.opposites import refused_terms

    assert refused_terms("hairbrush for wet hair without breaking it") == []
    assert refused_terms("shampoo without sulfates") == ["sulfates"]
