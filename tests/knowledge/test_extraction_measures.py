"""Sizes and materials a shopper would read off a listing, and look-alikes that are not.

Each case is a kind of error found on the dev halves of the two labelled ESCI samples
(eighth session): watts read as a plus size, two dimensions read as waist x inseam, a
width followed by "W x", a size pair split, a model number read as a size, a bullet's
count beside the title's, "Poly" in a product name read as polyester.
"""

from knowledge.extraction import extract


def _sizes(title: str, bullets: tuple[str, ...] = ()) -> list[str]:
    return list(extract(title, list(bullets)).attributes.get("sizes", []))


def test_watts_and_two_dimensions_are_not_apparel_sizes() -> None:
    assert "48w" not in _sizes("Poly Nail Gel Kit with 48W UV LED Lamp, 15ml 6 Colours")
    assert _sizes("Alfred Dunner Women's Stretch Pants-Modern Fit, Black, 18W") == ["18w"]
    assert _sizes("Monarch Abode Oval Serving Coffee Table Ottoman Tray, 17 x 13, Antique "
                  "Copper Finish") == []
    assert _sizes("Carhartt Men's Full Swing Cargo Pant, tarmac, 38 x 32") == ["38x32"]


def test_a_spec_line_width_and_a_model_number_are_no_sizes() -> None:
    mattress = _sizes("Chime 12 Inch Plush Hybrid Mattress, Twin",
                      ("TWIN SIZE: Measures 38\" W x 74.5\" D x 12\" H",))
    assert "38in" not in mattress and "twin" in mattress
    band = _sizes("Resin Band Compatible with Fitbit Charge 4,Charge 3/3 SE,Women Men Strap "
                  "for Fitbit Charge 4,3/3 SE Smart Watch Fitness(Tortoise)")
    assert "3" not in band


def test_a_size_pair_or_range_is_one_size() -> None:
    assert _sizes("Women Deep V Neck Sequin Jumpsuit Romper,Black,8/10") == ["8/10"]
    assert _sizes("Havaianas Women's Slim Flip Flop Sandal, Sand Grey/Light Golden, 7-8") == [
        "7-8"]
    assert _sizes("UGG Women's Tasman Slipper, Chestnut, 8 US/8 B US") == ["8"]


def test_the_titles_pack_count_is_the_listings() -> None:
    towels = _sizes("Royal Kitchen Cotton Towels, White with Blue Stripe (15 Pack)",
                    ("Set of 15 pcs ring spun cotton dish towels",))
    assert towels == ["pack of 15"]
    inserts = _sizes("18x18 Pillow Insert Set of 4, Decorative Throw Pillow Inserts",
                     ("VACUUM PACKING: HIPPIH 2 pack throw pillow inserts ship compressed",))
    assert [v for v in inserts if v.startswith(("pack", "set"))] == ["set of 4"]
    # without a count in the title, a bullet's count stands
    assert _sizes("Pillow Inserts", ("2 pack throw pillow inserts",)) == ["pack of 2"]


def test_poly_is_polyester_only_in_a_fabric_line() -> None:
    assert "polyester" not in extract("Poly Nail Gel Kit with UV LED Lamp").attributes.get(
        "materials", [])
    assert extract("Mens Tee, 60% Cotton/40% Poly, Black").attributes["materials"] == [
        "cotton", "polyester"]


def test_a_size_in_brackets_after_a_use_is_the_products() -> None:
    mat = _sizes("FORB Golf Putting Mats | Putting Green Golf Trainer | Golf Putting Greens "
                 "for Indoor Use (10ft)")
    assert "10ft" in mat
    # a fitted item's size inside the same phrase is still not the product's
    assert "15in" not in _sizes("Laptop Sleeve for 15 inch MacBook, Grey")


def test_a_shoe_width_in_brackets_and_a_span_of_sizes() -> None:
    assert _sizes("Nike Men's Benassi Just Do It Athletic Sandal, Purple, 9 D(M) US") == ["9"]
    assert "10" not in _sizes("MsAnya Womens Palazzo Wide Leg Pants Plus Size10-18 "
                              "(Peacock Black, S/M)")
    # a curly apostrophe after a lone letter is a name ("S’Well" bottles), not size S
    assert "s" not in _sizes("Long Bottle Cleaning Brush for Narrow Neck Beer, Thermos, S’Well, "
                             "Pitcher, 16 Inches")


def test_materials_a_listing_compares_with_or_prints_on_are_not_its_own() -> None:
    pants = extract("Womens Palazzo Pants", ["Material: 100% polyester, feels like silk"])
    assert pants.attributes["materials"] == ["polyester"]
    press = extract("Silk Screen Printing Press 2 Stations", [
        "Suitable for printing T-shirts, woven fabric, metal, paper, plastic, wood, glass, "
        "ceramic tile, leather, and other plain surfaces."])
    assert not {"metal", "paper", "wood", "glass"} & set(press.attributes.get("materials", []))
    dress = extract("Dress", ["Fabric: 60% cotton, 30% polyester, 5% rayon, 5% spandex"])
    assert dress.attributes["materials"] == ["cotton", "polyester", "rayon", "spandex"]


def test_a_count_said_twice_in_the_title_is_one_count() -> None:
    assert _sizes("100 Pack Brown Small Paper Bags with Handles, Craft Bags (Plain Natural "
                  "100pcs)") == ["pack of 100"]


def test_free_from_a_material_is_not_made_of_it() -> None:
    towels = extract("Kitchen Towels", ["Woven with 100% ring spun cotton",
                                        "Free from harmful chemicals or synthetic materials"])
    assert towels.attributes["materials"] == ["cotton"]
