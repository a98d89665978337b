"""Features and materials stated in the ways listings state them.

Each case is a kind of miss found on the dev halves of the two labelled ESCI samples
(eighth session): "non-slip" read as negating the material after it, a suffix shared by
two words, synonyms of guideline tags, a compact product said so in a bullet, a bullet
that is only a material.
"""

from knowledge.extraction import extract


def _attrs(title: str, *bullets: str) -> dict[str, list[str]]:
    return extract(title, list(bullets)).attributes


def test_a_hyphenated_non_negates_only_its_own_word() -> None:
    mat = _attrs("Indoor Golf Putting Green Mat",
                 "The bottom is made of unique non-slip rubber, which keeps it in place")
    assert "rubber" in mat["materials"] and "non-slip" in mat["features"]
    assert "cotton" in _attrs("NIKE Everyday No-Show Cotton Socks, Black")["materials"]
    assert "latex" not in _attrs("Exam Gloves", "Made of non-latex nitrile").get("materials", [])
    assert "waterproof" not in _attrs("Trail Shoe", "Upper is not waterproof").get("features", [])


def test_a_shared_suffix_gives_both_tags() -> None:
    oil = _attrs("Fish Oil 1200 mg Softgels", "They are non-GMO, gluten- and sugar-free")
    assert {"gluten-free", "sugar-free"} <= set(oil["features"])
    knife = _attrs("Pocket Knife", "Black TiNi coating is scratch- and peel-resistant")
    assert "scratch-resistant" in knife["features"]


def test_synonyms_of_guideline_tags() -> None:
    assert "long-battery" in _attrs("Fire HD 10 Tablet",
                                    "Longer battery life: up to 12 hours of reading")["features"]
    assert "water-resistant" in _attrs("Swim Trunk", "Water repellent finish sheds water")[
        "features"]
    assert "leak-proof" in _attrs("Snorkel Mask", "tempered glass lens offers a secure, "
                                  "leak-free, anti-fog experience")["features"]
    assert "portable" in _attrs("Golf Putting Mat", "Mats roll away for simple storage & "
                                "portability.")["features"]


def test_a_compact_product_and_a_bare_material_line() -> None:
    knife = _attrs("SOG Folding Pocket Knife", "STEEL BLADE: A compact knife tool with surprises")
    assert "compact" in knife["features"]
    sandal = _attrs("The Drop Women's Heeled Sandal, Doe Tan, 8", "Smooth faux leather",
                    "Padded footbed")
    assert "faux leather" in sandal["materials"]
    # a material that names a part on a short line is not the product's
    bag = _attrs("Duffel Bag, Black", "Nylon zippers.", "Interior woven label branding.")
    assert "nylon" not in bag.get("materials", [])


def test_a_gift_word_in_another_title_part_does_not_hide_the_audience() -> None:
    truck = _attrs("DEERC RC Cars Remote Control Car, High Speed Monster Trucks for Kids Adults "
                   "2 Batteries for 60 Min Play, Gifts for Boys")
    assert {"kids", "adults"} <= set(truck["audiences"])
    # inside the gift phrase itself it is still no audience
    mug = _attrs("Coffee Mug, Christmas Gifts For Her Birthday")
    assert "women" not in mug.get("audiences", [])


def test_a_connectors_gender_is_no_audience() -> None:
    assert "men" not in _attrs("U5804 11/2 HXMIPT MALE ADAPTER ABS").get("audiences", [])
    assert "men" not in _attrs("Fast Charging USB Cable - 2.0 A-Male to Micro B Charger "
                               "Cable").get("audiences", [])
    assert _attrs("Female Bodybuilding Tank Top")["audiences"] == ["women"]


def test_a_list_of_fitted_models_runs_past_commas_and_decimals() -> None:
    pod = _attrs("Perfect Pod EZ-Carafe Reusable K-Carafe Pod | Compatible with Keurig 2.0 "
                 "Coffee Makers such as K200, K250, K350, K450, and Keurig K 2.0 Thermal Carafe")
    assert pod["features"] == ["reusable"]
