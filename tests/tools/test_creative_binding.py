"""Fact binding: model sentences may join the brief's facts but never move one onto another."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from knowledge.store import Store
from tools.creatives.binding import Clauses, check_binding
from tools.creatives.briefs import proposed_product
from tools.creatives.closed_world import Support, check_sentence, split_sentences
from tools.creatives.facts import parse_facts
from tools.creatives.listing import checked_listing, draft_listing
from tools.creatives.listing_builder import build_listing
from tools.creatives.sources import support_for

from .creative_catalog import seed_catalog


def clauses(brief: str, name: str) -> Clauses:
    """The clauses of one brief, named like the draft path names a new product."""
    return Clauses.from_support(Support.of([brief], names=[name]))


HEADLAMP = clauses("rechargeable LED headlamp 400 lumens, IPX4 water resistant, red light "
                   "mode, runs up to 40 hours on low. USB-C charging", "LED headlamp")
LIGHTS = clauses("solar path lights 8 pack, stainless steel, up to 10 hours of light, IP65",
                 "solar path lights")
BOX = clauses("glass food storage containers, set of 5, 1000ml each, snap lids, BPA free",
              "glass food storage containers")
PUZZLE = clauses("1000 piece jigsaw puzzle, finished size 27 x 20 inches, recycled cardboard",
                 "jigsaw puzzle")
SERUM = clauses("vitamin C serum 30ml with 15% vitamin C and hyaluronic acid, vegan",
                "vitamin C serum")
BOTTLE = clauses("Hydra stainless steel water bottle 750ml, double wall insulated, keeps "
                 "drinks cold 24 hours and hot 12 hours. leak-proof lid", "water bottle")


def kept(sentence: str, src: Clauses) -> bool:
    """True when the binding check lets ``sentence`` through."""
    return not check_binding(sentence, src)


def test_a_number_moved_onto_another_feature_is_dropped_with_where_it_failed() -> None:
    [finding] = check_binding("It also runs up to 40 hours on USB-C charging.", HEADLAMP)
    assert "usb" in finding.phrase and "joins facts" in finding.reason
    assert kept("It has a red light mode and runs up to 40 hours on low.", HEADLAMP)
    assert kept("This headlamp has 400 lumens, USB-C charging and a red light mode.", HEADLAMP)


def test_a_qualifier_or_a_negation_cannot_be_left_behind() -> None:
    assert not kept("It gives 10 hours of light.", LIGHTS)
    assert not kept("The lights have 10 hours of light.", LIGHTS)
    assert kept("The lights have up to 10 hours of light.", LIGHTS)
    assert not kept("This set of 5 has 1000ml containers.", BOX)
    assert kept("The set of 5 containers holds 1000ml each.", BOX)
    assert not kept("The containers have BPA.", BOX)
    assert kept("The containers are BPA free.", BOX)
    assert not kept("It runs 40 hours on low.", HEADLAMP)


def test_binding_words_take_only_the_kind_of_fact_they_bind() -> None:
    assert kept("This jigsaw puzzle measures 27 x 20 inches.", PUZZLE)
    assert not kept("This jigsaw puzzle measures 1000 piece.", PUZZLE)
    assert not kept("This jigsaw puzzle is made from 1000 piece.", PUZZLE)
    assert kept("It is made of recycled cardboard.", PUZZLE)
    assert not kept("This serum is made with 30ml of 15% vitamin C.", SERUM)
    slippers = clauses("kids memory foam slippers, anti-skid rubber sole, machine washable",
                       "kids memory foam slippers")
    assert not kept("These slippers are made of anti-skid rubber sole.", slippers)
    assert kept("They have an anti-skid rubber sole.", slippers)
    assert kept("They are made of memory foam.", slippers)


def test_a_part_s_fact_and_the_sizes_offered_stay_where_the_source_puts_them() -> None:
    tracker = clauses("Bluetooth item tracker, replaceable CR2032 battery lasts 1 year, "
                      "100 ft range", "Bluetooth item tracker")
    assert not kept("This Bluetooth item tracker lasts 1 year.", tracker)
    assert kept("Its replaceable CR2032 battery lasts 1 year.", tracker)
    hoodie = clauses("pullover hoodie, kangaroo pocket, sizes S-XXL", "pullover hoodie")
    assert not kept("It is a size S-XXL.", hoodie)
    assert not kept("It has kangaroo pockets.", hoodie)
    assert kept("It has a kangaroo pocket.", hoodie)
    assert kept("The Hydra bottles keep drinks cold 24 hours.", BOTTLE)
    lamp = clauses("cool mist humidifier 4L, night light", "cool mist humidifier")
    assert not kept("It is a night light.", lamp)
    assert kept("It has a night light.", lamp) and kept("It is a 4L cool mist humidifier.", lamp)


def test_known_words_joined_into_a_new_claim_are_dropped() -> None:
    assert not kept("It is finished with recycled cardboard.", PUZZLE)
    assert not kept("It is double wall insulated so it keeps drinks cold 24 hours.", BOTTLE)
    assert not kept("The leak-proof lid keeps drinks cold 24 hours.", BOTTLE)
    assert not kept("It keeps drinks colder than 24 hours.", BOTTLE)
    assert kept("It is double wall insulated and keeps drinks cold 24 hours.", BOTTLE)
    assert kept("This 750ml bottle has a leak-proof lid.", BOTTLE)


def test_title_and_keywords_keep_a_fact_with_its_own_words() -> None:
    listing = build_listing(parse_facts(
        "car phone mount, holds phones up to 6.7 inch, aluminium arm, 360 degree rotation"))
    assert "Holds Phones Up to 6.7 inch" in listing.title
    assert ", 6.7 inch" not in listing.title and ", 360 degree," not in listing.title + ","
    assert not any(k.startswith("aluminium") for k in listing.keywords)
    tee = build_listing(parse_facts("unisex t-shirt, 100% organic cotton, sizes S-XL"))
    assert "100% organic cotton t-shirt" in tee.keywords
    for brief, wrong in (("aluminum kayak paddle 230 cm, drip rings", "kayak"),
                         ("label maker with 3 tape rolls, 12mm tape", "label")):
        words = build_listing(parse_facts(brief)).keywords
        assert words and wrong not in words and all(w.endswith(("paddle", "maker"))
                                                    for w in words), words


def test_the_head_ends_at_the_type_named_before_the_first_number() -> None:
    cooker = build_listing(parse_facts("Grainly rice cooker 6 cup, keep warm function"))
    assert cooker.title.startswith("Grainly Rice Cooker, 6 cup")
    assert "cup" not in cooker.keywords and "rice cooker" in cooker.keywords
    stapler = build_listing(parse_facts("heavy duty stapler staples up to 100 sheets, jam-free"))
    assert "Size and capacity: staples up to 100 sheets." in stapler.bullets
    assert not any(b.endswith(": 100 sheets.") for b in stapler.bullets)
    assert build_listing(parse_facts("HDMI 2.1 cable 6.6 ft")).title.startswith("HDMI 2.1 cable")


@pytest.mark.parametrize(("brief", "head", "segment"), [
    ("oscillating lawn sprinkler covers 3600 sq ft, 16 nozzles", "oscillating lawn sprinkler",
     "covers 3600 sq ft"),
    ("camping tent sleeps 4, waterproof rainfly", "camping tent", "sleeps 4"),
    ("silicone spatula heat resistant to 600F, set of 3", "silicone spatula",
     "heat resistant to 600F"),
    ("heated throw blanket auto off after 4 hours", "heated throw blanket",
     "auto off after 4 hours"),
    ("portable jump starter 2000A peak, 12V", "portable jump starter", "2000A peak"),
    ("label printer prints up to 30 labels per minute", "label printer",
     "prints up to 30 labels per minute"),
])
def test_a_verb_or_qualifier_before_a_number_stays_with_the_number(
        brief: str, head: str, segment: str) -> None:
    parsed = parse_facts(brief)
    assert parsed.head == head
    assert parsed.segments[0].text == segment
    listing = build_listing(parsed)
    shown = [listing.title.lower(), *(b.lower() for b in listing.bullets)]
    assert any(segment.lower() in text for text in shown), shown  # verb and number together
    assert all(k in (head, parsed.product_type) for k in listing.keywords), listing.keywords


def test_a_noun_is_not_read_as_a_verb_and_a_host_keeps_its_size() -> None:
    assert parse_facts("car seat covers 2 pack, neoprene").head == "car seat covers"
    assert parse_facts("handmade goat milk soap bars 6 pack").head == (
        "handmade goat milk soap bars")
    assert parse_facts("gel pens 0.5mm fine point, 24 colors").head == "gel pens"
    stand = build_listing(parse_facts("65 inch TV stand, holds 100 lbs"))
    assert stand.title.startswith("65 inch TV Stand")  # the TV is 65 inch, not the stand
    assert not any("65 inch" in b for b in stand.bullets)
    assert parse_facts("10 inch cast iron skillet").head == "cast iron skillet"


def test_a_capitalised_first_word_is_a_brand_only_when_shoppers_use_it_as_one() -> None:
    for brief in ("Vintage style wall clock, silent", "Stainless steel water bottle 750ml",
                  "Bamboo cutting board 18 x 12 inches"):
        parsed = parse_facts(brief)
        assert parsed.brand is None and parsed.head.startswith(brief.split()[0]), parsed.head
    assert "vintage clock" not in build_listing(parse_facts("Vintage style wall clock")).keywords
    assert parse_facts("Nike running shoes, sizes 8-12").brand == "Nike"
    assert parse_facts("Hydra water bottle 750ml").brand == "Hydra"


def test_a_lining_or_a_sole_is_no_contradiction_but_two_body_materials_are() -> None:
    assert parse_facts("knit beanie, 100% acrylic, fleece lined").head == "knit beanie"
    assert parse_facts("sneakers, 100% leather upper, rubber sole").facts
    with pytest.raises(InvalidRequestError, match="contradicts itself"):
        parse_facts("hoodie, 100% cotton, polyester")


def test_a_model_sentence_that_rebinds_facts_never_reaches_the_listing() -> None:
    brief = ("rechargeable LED headlamp 400 lumens, IPX4 water resistant, red light mode, "
             "runs up to 40 hours on low. USB-C charging")
    parsed = parse_facts(brief)
    support = Support.of([brief], names=[parsed.head])
    model = ("It also runs up to 40 hours on USB-C charging. "
             "It has a red light mode and runs up to 40 hours on low.")
    listing, dropped, n = checked_listing(build_listing(parsed), model, support, parsed)
    assert n == 1 and "on USB-C charging" not in listing.description
    assert listing.description.endswith("It has a red light mode and runs up to 40 hours on low.")
    assert [d["sentence"] for d in dropped] == ["It also runs up to 40 hours on USB-C charging."]


def test_every_model_sentence_a_real_draft_keeps_parses_over_its_sources(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    brief = "Hydra stainless steel water bottle 750ml, keeps drinks cold 24 hours, leak-proof lid"
    content = draft_listing(store, merchant_id=merchant.id, brief=brief).content
    assert content["model_used"]
    parsed = parse_facts(brief)
    template = build_listing(parsed).description
    extra = content["description"][len(template):].strip()
    assert content["description"].startswith(template)
    product = proposed_product(merchant_id=merchant.id, product_id="x", brief=brief,
                               attributes=None, parsed=parsed)
    src = Clauses.from_support(support_for(store, product, brief))
    assert all(kept(s, src) for s in split_sentences(extra))
    assert content["model_sentences_kept"] == len(split_sentences(extra))


def test_a_label_word_stays_with_its_number_and_a_verb_keeps_its_list() -> None:
    hat = parse_facts("bucket hat UPF 50+ packable, cotton")
    assert hat.head == "bucket hat" and hat.segments[0].text.startswith("UPF 50+")
    finder = build_listing(parse_facts("metal detector, finds gold, silver & copper, LCD screen"))
    assert any(b.lower().endswith("finds gold, silver & copper.") for b in finder.bullets), \
        finder.bullets
    assert not any(b.endswith(("Silver & copper.", ": silver & copper.")) for b in finder.bullets)
    assert not any(b.startswith("Materials") for b in finder.bullets)  # gold is what it finds
    mop = parse_facts("spin mop removes dust, pet hair and grime, 2 refill pads")
    assert mop.head == "spin mop" and mop.segments[0].text == "removes dust, pet hair and grime"
    covers = parse_facts("car seat covers neoprene, universal fit")
    assert "seat covers" in covers.head
    assert "car seat" not in build_listing(covers).keywords  # not a car seat


def test_settings_written_with_slashes_are_the_sources_numbers() -> None:
    support = Support.of(["desk fan, timer 1/2/4 h, 3 speeds"])
    assert split_sentences("Desk fan: timer 1/2/4 h.") and not check_sentence(
        "Desk Fan, Timer 1/2/4 h", support)
    assert check_sentence("Desk Fan, Timer 1/3 h", support)


def test_a_named_bed_size_leaves_the_name_whole() -> None:
    parsed = parse_facts("Queen size comforter set, 7 piece, microfiber")
    assert parsed.head == "comforter set" and parsed.segments[0].text == "Queen size"
    assert not any(k.startswith("size") for k in build_listing(parsed).keywords)


@pytest.mark.parametrize(("brief", "name", "sentence"), [
    ("wooden chess set 15 in folding board, hand carved pieces", "wooden chess set",
     "This wooden chess set measures 15 in."),  # the board's size, not the set's
    ("bird cage 30 inch, 2 feeders, slide out tray", "bird cage",
     "It has a tray and a slide-out tray."),  # one tray in the source
    ("roll top dry bag 20L waterproof 500D PVC shoulder strap", "roll top dry bag",
     "It has a waterproof 500D PVC shoulder strap."),  # a run-on list, bound to the strap
])
def test_a_part_s_size_a_repeated_item_and_a_run_on_list_are_not_rebound(
        brief: str, name: str, sentence: str) -> None:
    src = Clauses.from_support(Support.of([brief], [name]))
    assert check_binding(sentence, src)
    assert not check_binding("It has a shoulder strap." if "strap" in brief
                             else f"This {name} has 2 feeders." if "feeders" in brief
                             else "It has hand carved pieces.", src)


def test_no_keyword_names_a_property_and_no_false_contradiction() -> None:
    press = build_listing(parse_facts("garlic press stainless steel dishwasher safe"))
    assert "safe" not in press.keywords
    for brief in ("milk frother, 2 AA not included, stand included",
                  "oversized denim jacket 100% cotton"):
        assert parse_facts(brief).head  # no refusal
    with pytest.raises(InvalidRequestError, match="not included"):
        parse_facts("desk lamp, bulb not included, bulb included")


def test_names_with_labels_brands_and_plural_nouns_after_audit_v6() -> None:
    bra = parse_facts("high impact sports bra, removable pads")
    assert bra.head == "high impact sports bra"  # 'sports' is no verb
    drive = build_listing(parse_facts("USB 3.2 flash drive 256GB, metal keychain"))
    assert drive.title.startswith("USB 3.2 flash Drive") and "usb" not in drive.keywords
    shoes = parse_facts("Snowshoes 25 inch for hikers up to 200 lbs, aluminum frame")
    assert shoes.brand is None and shoes.head == "Snowshoes"
    assert parse_facts("Frostline 45 quart hard cooler, rotomolded").brand == "Frostline"


def test_a_part_s_material_stays_on_the_part_and_sizes_stay_sizes() -> None:
    pillow = clauses("Nursing pillow with removable cover, 100% cotton cover", "nursing pillow")
    assert not kept("This nursing pillow is made of 100% cotton.", pillow)
    assert kept("It has a 100% cotton cover.", pillow)
    vest = clauses("dog life jacket with rescue handle, reflective, sizes XS-XL", "dog life jacket")
    assert not kept("It has a rescue handle and a size XS-XL.", vest)
    ratio = Support.of(["caulking gun 10 oz, dripless, 12:1 thrust ratio"])
    assert not check_sentence("Caulking Gun, 12:1 Thrust Ratio", ratio)
    assert check_sentence("Caulking Gun, 18:1 Thrust Ratio", ratio)


def test_a_list_in_parentheses_and_a_number_after_in_stay_whole() -> None:
    bags = parse_facts("vacuum storage bags 8 pack (2 jumbo, 3 large, 3 medium), hand pump")
    assert bags.segments[0].text == "8 pack (2 jumbo, 3 large, 3 medium)"
    warmer = build_listing(parse_facts("bottle warmer warms milk in 3 min, night light"))
    assert any("warms milk in 3 min" in b.lower() for b in warmer.bullets)
    assert not any(b.endswith(": 3 min.") for b in warmer.bullets)
