"""Eighteenth session: where a value comes from and what it modifies (issue 13 precision)."""

from typing import Any

from knowledge.extraction import extract


def _attrs(title: str, *bullets: str) -> dict[str, Any]:
    return extract(title, list(bullets)).attributes


def test_a_fittings_gender_after_a_thread_size_or_before_the_other_is_no_audience() -> None:
    assert "men" not in _attrs('Brass Pipe Connector 1/2" Female 3/4" Male Threaded Bulkhead'
                               ).get("audiences", [])
    assert "men" not in _attrs("PVC 1-1/2-Inch Socket White ABS Flush Male/Female Socket Union"
                               ).get("audiences", [])
    assert "men" in _attrs("Male Chastity Costume Accessory for Men").get("audiences", [])


def test_what_a_binder_holds_is_not_its_material() -> None:
    assert "paper" not in _attrs('View 3 Ring Binder, 0.5" Slant Ring, Holds 8.5" x 11" Paper'
                                 ).get("materials", [])
    assert "paper" not in _attrs("Ring Binder Organizer, Round Ring, Hold 100 Sheets Paper"
                                 ).get("materials", [])


def test_a_compared_material_is_not_the_products() -> None:
    mats = _attrs("Silicone Bottle Brush",
                  "Compare sponge and nylon bristle brushes: this silicone brush dries fast"
                  ).get("materials", [])
    assert "nylon" not in mats
    mats = _attrs("Wooden Silverware Box",
                  "Made of natural wood, it outshines plastic trays in a drawer"
                  ).get("materials", [])
    assert "plastic" not in mats and "wood" in mats


def test_a_slash_between_spaces_ends_a_title_part() -> None:
    assert _attrs("Acme 10 Inch Memory Foam Mattress / Pressure Relieving / Mattress-in-a-Box, "
                  "Queen")["type"] != "box"


def test_a_one_word_type_before_set_or_kit_names_the_set() -> None:
    assert _attrs("Little Tikes Easy Score Basketball Set, Blue, 3 Balls")["type"] == \
        "basketball set"
    assert _attrs("Wooden Heart Box Craft Kit")["type"] == "craft kit"
    assert _attrs("Cuisinart Chef's Classic 14-Inch Stir-Fry Pan Set")["type"] != "pan set"


def test_an_item_named_with_its_size_before_run_on_keywords_is_the_type() -> None:
    title = ("Acme Pillow Covers 18x18 Inch Set of 2 Rustic Farmhouse Decorative Throw Pillow "
             "Covers Square Cushion Case for Sofa")
    assert _attrs(title)["type"] == "pillow cover"


def test_a_material_before_a_cutting_verb_is_what_the_tool_cuts() -> None:
    assert "metal" not in _attrs("Benchtop Metal Cutting Band Saw, 400 Watts"
                                 ).get("materials", [])
    assert "wood" in _attrs("Acacia Wood Cutting Board with Handle").get("materials", [])


def test_a_keyword_lines_other_audiences_are_not_the_products() -> None:
    words = ", ".join(["sweatshirts for women", "hoodies for women", "tops for teen girls",
                       "pullover for women", "sweaters for women", "fall tops for women",
                       "crop tops for women"])
    audiences = _attrs("Hoodies for Women Pullover Zipper Sweatshirt", words)["audiences"]
    assert audiences == ["women"]


def test_a_type_inside_a_hyphenated_word_takes_the_whole_word() -> None:
    assert _attrs("Chef's Classic Stainless 14-Inch Stir-Fry Pan with Glass Cover"
                  )["type"] == "stir-fry pan"


def test_a_piece_count_in_a_title_naming_a_set_is_the_sets_parts() -> None:
    assert "pack of 4" not in _attrs("Moody Tools - JIS Type S Driver Set, 4Pc Pollicis"
                                     ).get("sizes", [])
    assert "pack of 20" in _attrs("20 Pcs Paper Gift Bags with Handles").get("sizes", [])


def test_a_keyword_run_names_its_item_first() -> None:
    title = ("QANSI Mens Running Shoes Slip-on Tennis Sneakers Athletic Sports Walking Shoes "
             "Lightweight Workout Gym Shoes Black 10.5")
    assert _attrs(title)["type"] == "running shoe"
    assert _attrs("Hydro Flask Water Bottle with Straw Lid, 32 oz")["type"] == "water bottle"


def test_a_flavour_or_a_names_possessive_is_no_colour() -> None:
    assert "orange" not in _attrs("Kids Multivitamin - Assorted Cherry, Orange & Grape Flavors"
                                  ).get("colors", [])
    assert "grey" not in _attrs("Party Card Game Against Grey's Anatomy").get("colors", [])
    assert "orange" in _attrs("Stanley Quencher Tumbler, Orange, 40 oz").get("colors", [])


def test_an_organic_look_or_high_density_foam_is_another_sense() -> None:
    plates = _attrs("Stoneware Dinner Plates", "Has a modern, yet organic look and feel")
    assert "organic" not in plates.get("features", [])
    assert "organic" in _attrs("Organic Green Tea Bags, 100 Count").get("features", [])
    assert "hd" not in _attrs("Futon Mattress", 'Layers: 5.5" HD base support foam'
                              ).get("features", [])


def test_a_surface_it_is_used_on_or_a_lace_up_closure_is_no_material() -> None:
    light = _attrs("Motion Sensor Cabinet Light",
                   "Built-in magnet sticks to any metal surface in the kitchen")
    assert "metal" not in light.get("materials", [])
    gown = _attrs("Medieval Costume Dress", "Made of soft polyester, decorated with Lace Up.")
    assert "lace" not in gown.get("materials", []) and "polyester" in gown["materials"]


def test_a_size_line_of_the_sizes_offered_is_not_the_items_size() -> None:
    assert not _attrs("Sexy 3 Piece Outfit", "Size: S-XXXL, Please Refer To The Size Details"
                      ).get("sizes")


def test_a_types_leading_article_is_dropped_and_compound_types_are_known() -> None:
    assert _attrs("The Book of Lost Friends: A Novel").get("type") != "the book"
    assert _attrs("DEWALT 20V MAX Rotary Hammer, SDS Plus, Tool Only")["type"] == "rotary hammer"
