"""The learned served-line gate hides lines readers judged wrong, and never reorders results."""

from pathlib import Path

from knowledge.graph.serve import KnowledgeExpander
from knowledge.store import Store
from tests.knowledge.served_shop import serve_rows

ROWS = [
    ("L1", "Heavy Duty Dog Leash", ["Durable nylon webbing built for trails"]),
    ("L2", "Reflective Dog Leash", ["Durable rope leash with padded handle"]),
    ("B1", "Waterproof Commuter Backpack", ["Waterproof shell keeps the rain out"]),
    ("O1", "Enameled Cast Iron Dutch Oven", ["Oven safe to 500F", "Induction compatible base"]),
    ("O2", "Stainless Steel Frying Pan", ["Oven safe to 500F", "Induction compatible base"]),
]


def _cards(store: Store, query: str, gate: bool) -> list[tuple[str, list[str]]]:
    store.search.set_expander(KnowledgeExpander(store, gate=gate))
    return [(h.product.id, [line.split(" (")[0].split(":")[0] for line in h.why])
            for h in store.search.search(query, k=5)]


def test_the_gate_hides_a_generic_line_keeps_an_asked_one_and_keeps_the_order(
        store: Store, tmp_path: Path) -> None:
    shop = serve_rows(store, tmp_path, ROWS)
    query = "leash for hiking with a dog"
    open_cards, gated = _cards(shop, query, False), _cards(shop, query, True)
    assert [pid for pid, _ in gated] == [pid for pid, _ in open_cards]  # same products, same order
    assert any("Durable" in lines for _, lines in open_cards)  # the rules let pet owners speak
    assert not any("Durable" in lines for _, lines in gated)  # readers judged it merely common
    rain = dict(_cards(shop, "backpack for a delivery rider in the rain", True))
    assert rain["B1"] == ["Waterproof"]  # a need the shopper stated keeps its line


def test_a_phrase_borrowing_the_products_word_is_read_from_the_product(
        store: Store, tmp_path: Path) -> None:
    shop = serve_rows(store, tmp_path, ROWS)
    lines = dict(_cards(shop, "dutch oven for an induction stove", False))
    assert lines["O1"] == ["Induction-ready"]  # "stove ... oven" is the dutch oven itself
    pan = dict(_cards(shop, "frying pan for searing steak in the oven", False))
    assert pan["O2"] == ["Oven-safe"]  # the oven named apart from the product still speaks


def test_an_attribute_the_query_refuses_gets_no_line(store: Store, tmp_path: Path) -> None:
    shop = serve_rows(store, tmp_path, ROWS)
    asked = dict(_cards(shop, "backpack for walking in the rain", False))
    assert asked["B1"] == ["Waterproof"]  # the rain asks for it: the line shows
    refusing = dict(_cards(shop, "backpack for walking in the rain that isnt waterproof", False))
    assert refusing.get("B1", []) == []  # refused: no line claims it answers the request
