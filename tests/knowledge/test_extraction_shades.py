"""Material words that name a colour or a look; qualities of a packed item."""

from __future__ import annotations

from knowledge.extraction.extract import extract
from knowledge.extraction.fittings import type_modifiers
from knowledge.extraction.shades import names_shade


def _materials(title: str, bullets: list[str] | None = None, color: str | None = None) -> list[str]:
    return list(extract(title, bullets or [], color=color).attributes.get("materials", []))


def test_a_material_before_a_colour_word_names_a_shade() -> None:
    assert "stone" not in _materials("Oakley Men's Super Coil Sandal 2.0, Stone Gray, 6")
    assert "copper" not in _materials("Women's Comfort Slides, Grey/Copper Metallic/Raw White, 8")


def test_a_colour_then_a_material_is_still_the_material() -> None:
    assert "leather" in _materials("Clarks Women's Juliet Palm Loafer, Black Leather, 9 US")
    assert "wood" in _materials("Industrial Wood Black Wall Lights Fixture")


def test_a_metal_the_colour_field_names_is_a_finish() -> None:
    assert "copper" not in _materials("Achla Designs 12 inch Copper Round Tray", color="Copper")
    assert "steel" not in _materials("Men's Slide Sandal, Black (002)/Steel, 12 M US",
                                     color="Black (002)/Steel")
    assert "copper" in _materials("Achla Designs 12 inch Copper Round Tray")  # no colour field


def test_brass_the_colour_field_names_stays_a_material() -> None:
    assert not names_shade("Brass Tube Fitting, Coupling", 0, 5, "brass", "Brass")


def test_synthetic_before_a_natural_material_is_its_look() -> None:
    found = _materials("Vista Sandal", ["Soft EVA upper with a synthetic nubuck toe post"])
    assert "nubuck" not in found
    assert "microsuede" in _materials("Azura Sneaker", ["Synthetic Microsuede"])


def test_a_style_is_no_material() -> None:
    assert "stone" not in _materials("Pet Bowl", ["You will love this granite stone style dish."])
    assert "cotton" in _materials("Jumpsuit", ["Material: Polyester and Cotton Style: Evening"])


def test_a_quality_of_a_packed_paddle_is_not_the_boards() -> None:
    found = extract("Inflatable Stand Up Paddle Board",
                    ["Includes the board, adjustable paddle, pump and leash"])
    assert "adjustable" not in found.attributes.get("features", [])


def test_type_modifiers_leave_a_sets_members_alone() -> None:
    assert type_modifiers("paddle board") == frozenset({"paddle"})
    assert type_modifiers("knife set") == frozenset()
    assert type_modifiers("mattress") == frozenset()
