"""The grounding guard removes names, ids and prices the turn's results do not contain."""

from __future__ import annotations

from agents.shopper.guard import Grounding, StreamingGuard

CARDS = [
    {"id": "SHO00", "title": "Stridewell Waterproof Sneakers", "price": 45.25,
     "brand": "Stridewell"},
    {"id": "SHO01", "title": "TerraStep Cushioned Sneakers", "price": 85.75, "brand": "TerraStep"},
]
BRANDS = ["Stridewell", "TerraStep", "Voltix", "Comfora"]


def grounding() -> Grounding:
    return Grounding.from_cards(CARDS, BRANDS, numbers=[100.0])


def test_grounded_text_passes() -> None:
    text = "Great picks under $100! The Stridewell Waterproof Sneakers cost $45.25."
    assert grounding().check(text) == []
    assert grounding().clean(text) == text


def test_invented_product_and_price_are_removed() -> None:
    text = ("Here are some sneakers. Try the Voltix Ultra Runner for $19.99. "
            "The TerraStep Cushioned Sneakers are $85.75.")
    g = grounding()
    problems = g.check(text)
    assert any("19.99" in p for p in problems) and any("Voltix" in p for p in problems)
    assert g.clean(text) == "Here are some sneakers. The TerraStep Cushioned Sneakers are $85.75."


def test_changed_price_of_a_real_product_is_removed() -> None:
    g = grounding()
    assert g.clean("The Stridewell Waterproof Sneakers are only $29.99. Enjoy!") == "Enjoy!"


def test_unknown_id_is_removed() -> None:
    assert grounding().check("Product B07XYZ123 is great.") != []


def test_streaming_guard_releases_only_checked_sentences() -> None:
    guard = StreamingGuard(grounding())
    out = [guard.feed(t) for t in ["Nice ", "choice! ", "The Nimbus ", "X9 costs ", "$12. ", "Bye"]]
    out.append(guard.finish())
    assert "".join(out) == "Nice choice! Bye"
    assert guard.dropped == ["The Nimbus X9 costs $12."]
