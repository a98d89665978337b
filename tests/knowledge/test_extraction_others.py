"""Said of the maker, a general audience beside a specific one, a rated load, named grades.

Issue 13, thirteenth session: classes of wrong values read off the v10-v13 dev halves, each
written here on a listing of our own: a sentence about the maker ("Salomon makes hiking shoes
for men and women"), "kids" read from "Youth" beside "Boys", a load a product is rated for
said after the weight ("400 lb. Rated"), and the names labellers write for a grade of a
material ("tempered glass", "microsuede").
"""

from typing import Any

from knowledge.extraction import extract
from knowledge.extraction.maker import of_maker


def _attrs(title: str, bullets: tuple[str, ...] = (), brand: str | None = None) -> dict[str, Any]:
    return dict(extract(title, list(bullets), brand=brand).attributes)


def test_a_sentence_about_the_maker_says_nothing_of_the_item() -> None:
    shoe = _attrs("Trailon Men's Speedcross Trail Running Shoe",
                  ("Trailon makes innovative hiking shoes and boots for men and women to help "
                   "you go the distance",), brand="Trailon")
    assert shoe.get("audiences") == ["men"]
    glass = _attrs("Vinto Stemless Wine Glasses, Set of 4",
                   ("Dishwasher safe", "Since 1973 Vinto has specialized in handcrafted silver, "
                    "crystal, stainless, and alternative metal giftware."), brand="Vinto")
    assert "handmade" not in glass.get("features", [])
    assert not {"stainless steel", "metal"} & set(glass.get("materials", []))
    # the brand as a product's name, not a maker's sentence: "Nike slides have ..." stays
    slide = _attrs("Nike Men's Slide Sandal",
                   ("Nike slides have flex grooves, while the foam outsole cushions",),
                   brand="Nike")
    assert "foam" in slide.get("materials", [])
    text = "We are a family company. Our company has made handmade soaps since 1990."
    assert of_maker(text, text.index("handmade"), [])
    assert not of_maker("Made of handmade glass.", 8, [])


def test_youth_beside_boys_names_their_size_range_not_kids() -> None:
    pant = _attrs("Haggen Big Boy's Youth Slim Pant, Black, 16 Slim")
    assert pant.get("audiences") == ["boys"]
    tee = _attrs("Tuffy 3 Pack: Boys Girls Youth Teen Active Athletic Shirts")
    assert "kids" not in tee.get("audiences", [])
    # "Kids" said in its own word stays beside boys; youth alone is kids
    hoody = _attrs("Champer Kids Youth Boys Fleece Hoody")
    assert {"kids", "boys"} <= set(hoody.get("audiences", []))
    assert "kids" in _attrs("Spalder Youth Basketball Jersey").get("audiences", [])
    # the specific animal still wins over pets
    assert _attrs("Pawz Pet Dog Bed").get("audiences") == ["dogs"]


def test_a_rated_load_said_after_the_weight_is_no_size() -> None:
    chair = _attrs("Flashy HERCULES Big & Tall 400 lb. Rated Fabric Office Chair")
    assert "400lb" not in chair.get("sizes", [])
    rack = _attrs("Garment Rack with 440 LBS Capacity, Heavy Duty Clothing Rack")
    assert "440lb" not in rack.get("sizes", [])
    # a bag of gummies weighs what it says
    assert _attrs("Pantry Gummy Bears, 5 Pound Bag").get("sizes") == ["5lb"]


def test_tempered_glass_and_microsuede_are_named_as_labellers_write_them() -> None:
    mask = _attrs("Divex Snorkel Mask", ("Low profile design and tempered glass lens",))
    assert mask.get("materials") == ["glass"]  # tempered: a treatment of the listed glass
    slipper = _attrs("Isotone Women's Microsuede Moccasin Slipper")
    assert slipper.get("materials") == ["microsuede"]
    jar = _attrs("Kilner Glass Storage Jar", ("Thick glass body",))
    assert jar.get("materials") == ["glass"]


def test_a_quality_said_before_a_fitting_is_the_fittings() -> None:
    car = _attrs("Zoomer RC Stunt Car for Boys",
                 ("Stable and fun. Durable wheels and anti-skid tires for high speed",))
    assert "durable" not in car.get("features", [])
    unit = _attrs("Cozy Sofa Bed with Storage", ("Each storage unit has 4 adjustable shelves",))
    assert "adjustable" not in unit.get("features", [])
    bed = _attrs("Luna Adjustable Bed Base, Queen",
                 ("Quiet motor", "Wireless remote with flashlight"))
    assert "wireless" not in bed.get("features", [])
    # worn or held parts carry the product's qualities; so does the product's own noun
    bag = _attrs("Trek Hiking Backpack", ("Adjustable padded shoulder straps",
                                         "Ergonomic handle on top"))
    assert "adjustable" in bag.get("features", [])
    assert "ergonomic" not in bag.get("features", [])  # a bag's handle: a fitting (round 2)
    remote = _attrs("Sonic Wireless Remote for TV", ("Wireless remote with long range",))
    assert "wireless" in remote.get("features", [])


def test_removable_insulated_and_hd_said_once_in_passing_are_not_claims() -> None:
    jug = _attrs("Aqua One Gallon Water Bottle",
                 ("Leakproof lid", "One removable straw allows spill-free sipping"))
    assert "removable" not in jug.get("features", [])
    sealant = _attrs("Sealo Clear Silicone Sealant",
                     ("Used in adhesion and insulation of glass and tiles",))
    assert "insulated" not in sealant.get("features", [])
    knives = _attrs("Kiru Knife Set", ("Crafted in Japan; the HD series has a VG10 core",))
    assert "hd" not in knives.get("features", [])
    # in the title or a headline they stay
    said = _attrs("Aqua Water Bottle with Removable Straw", ("INSULATED: keeps cold 24 hours",))
    assert {"removable", "insulated"} <= set(said.get("features", []))


def test_the_labelled_measure_of_a_named_part_is_not_the_products() -> None:
    guitar = _attrs("Melo 30\" Classical Acoustic Guitar",
                    ("Specifications: Total length: 30\"; Scale length: 19.7\"; "
                     "Total body Length: 14.4\"; No. of Frets: 18",))
    assert guitar.get("sizes") == ["30in"]
    mic = _attrs("Tiny Lapel Microphone", ("The mini microphone wiring length 39inch",))
    assert "39in" not in mic.get("sizes", [])
    # the garment's own back length, or a length said of the product's own noun, stays
    vest = _attrs("Urban Quilted Vest for Women", ("Back length: 26 inches",))
    assert "26in" in vest.get("sizes", [])
    strap = _attrs("Cora Leather Strap", ("Strap length: 48 inches",))
    assert "48in" in strap.get("sizes", [])


def test_what_it_is_free_of_and_another_substance_named_after_a_material() -> None:
    bags = _attrs("Mamma Breastmilk Storage Bags",
                  ("Made of 100% food grade silicone, which is BPA, PVC and phthalate-free",))
    assert bags.get("materials") == ["silicone"]
    sharpener = _attrs("Tormak Bench Sharpener", ("Large 8\" aluminum-oxide wheel",))
    assert "aluminum" not in sharpener.get("materials", [])
    driver = _attrs("Vessa Wood-Compo Screwdriver")
    assert "wood" not in driver.get("materials", [])
    # a list that goes on after the material is no free-of list
    brush = _attrs("Cleano Straw Brush", ("Made of food grade polypropylene, BPA free materials",))
    assert "polypropylene" in brush.get("materials", [])
    slipper = _attrs("Cozy Clog Slipper", ("Faux fur lining and trim",))
    assert "faux fur" in slipper.get("materials", [])


def test_what_a_product_withstands_or_bonds_to_is_not_its_material() -> None:
    pan = _attrs("Gotham Deep Square Pan",
                 ("The ceramic coating is durable enough to withstand metal utensils",))
    assert "metal" not in pan.get("materials", [])
    sealant = _attrs("Selsa Clear Silicone Sealant",
                     ("Used to bond many kinds of materials like aluminum, glazed ceramic tiles",))
    assert not {"aluminum", "ceramic"} & set(sealant.get("materials", []))
    # what it is made of stays
    pot = _attrs("Cook Pot", ("Made of stainless steel to withstand daily use",))
    assert pot.get("materials") == ["stainless steel"]


def test_washable_by_hand_is_no_washable_claim() -> None:
    tie = _attrs("Dapper Silk Bow Tie", ("Highly constructed for endurance. HAND WASHABLE.",))
    assert "washable" not in tie.get("features", [])
    romper = _attrs("Tiny Cotton Romper", ("Washing Method: Gentle machine and hand washable",))
    assert "washable" not in romper.get("features", [])
    towel = _attrs("Fluff Bath Towel", ("Easily washable, keeps its quality",))
    assert "washable" in towel.get("features", [])


def test_a_food_a_beam_or_an_assortment_named_by_a_colour_is_no_colour() -> None:
    powder = _attrs("Leafy Greens, Green Juice Superfood Powder, Green Apple Flavor")
    assert "green" not in powder.get("colors", [])
    sight = _attrs("Beamo Red Laser Sight for Salt Gun")
    assert "red" not in sight.get("colors", [])
    cloth = dict(extract("Norla EnviroCloth", [],
                         color="Colors May Vary (Pink, Grey, Green, Blue, Purple)").attributes)
    assert not cloth.get("colors")
    mug = dict(extract("Kiln Coffee Mug", [], color="Red").attributes)
    assert mug.get("colors") == ["red"]


def test_a_property_before_a_case_that_comes_with_it_is_the_cases() -> None:
    board = _attrs("Surfy Inflatable Paddle Board, Non Slip Deck, Waterproof Phone Case")
    assert "waterproof" not in board.get("features", [])
    # the product's own case keeps its properties
    case = _attrs("Armor Phone Case", ("Waterproof case with a shockproof frame",))
    assert "waterproof" in case.get("features", [])


def test_a_pans_handle_is_a_fitting_a_knifes_is_the_tool() -> None:
    pan = _attrs("Chefo Stainless Steel Frying Pan", ("SAFE & STURDY HANDLE - stays cool",
                                                      "Ergonomic handle and lid knob"))
    assert not {"sturdy", "ergonomic"} & set(pan.get("features", []))
    knife = _attrs("Kiru Chef Knife", ("Ergonomic pakkawood handle for a secure grip",))
    assert "ergonomic" in knife.get("features", [])
    brush = _attrs("Scrubby Bottle Brush", ("Sturdy handle makes the job easier",))
    assert "sturdy" in brush.get("features", [])


def test_a_line_of_five_measures_lists_a_sets_contents() -> None:
    bits = _attrs("Drillo Cobalt Drill Bit Set",
                  ("19Pcs Drill Bits Includes: 1mm(length:3.4cm) 1.5mm 2mm 2.5mm 5mm(length:8.5cm) "
                   "6mm(length:9cm)",))
    assert not bits.get("sizes")
    drivers = _attrs("Vesta JIS Screwdrivers #1, 2, 3 (Set of 3)")
    assert drivers.get("sizes") == ["set of 3"]
    # one length named in a bullet stays
    cable = _attrs("Linky USB Cable", ("Cable length: 6 ft",))
    assert "6ft" in cable.get("sizes", [])


def test_a_size_labelled_by_who_it_fits_and_a_pipes_gender_are_no_audience() -> None:
    ball = _attrs("Dunko Outdoor Basketball, Size 5 - Youth (27.5\")")
    assert "kids" not in ball.get("audiences", [])
    adapter = _attrs("Genovo 1/2-Inch Female Iron Pipe Thread PVC Pipe Adapter")
    assert "women" not in adapter.get("audiences", [])
    assert _attrs("Sporty Youth Basketball Jersey").get("audiences") == ["kids"]


def test_composite_leather_is_named_whole() -> None:
    ball = _attrs("Dunko Premium Basketball - Composite Leather")
    assert ball.get("materials") == ["composite leather"]


def test_a_certifications_scope_what_a_bit_cuts_and_a_search_word_list() -> None:
    mattress = _attrs("Zeno Memory Foam Mattress",
                      ("Foam is CertiPUR-US Certified for durability, performance, and content",))
    assert "durable" not in mattress.get("features", [])
    bits = _attrs("Drillo Cobalt Drill Bits",
                  ("The sharp edge can cut the metal into long strips",))
    assert "metal" not in bits.get("materials", [])
    stuffed = ("lace crop tops for women long sleeve sexy crop tops for women basic crop top "
               "women's turtleneck see through mesh crop top for women womens tops for women "
               "casual tees for women")
    tee = _attrs("Luna Women's Crop Top", (stuffed, "Made of soft cotton"))
    assert not {"lace", "mesh"} & set(tee.get("materials", []))
    assert "cotton" in tee.get("materials", [])
    assert "women" in tee.get("audiences", [])


def test_a_size_chart_line_and_two_variants_in_one_amount_are_not_one_size() -> None:
    ball = _attrs("Dunko Outdoor Basketball, Size 5",
                  ("Official size and weight: Size 7, 29.5\" or Intermediate: Size 6, 28.5\"",))
    assert ball.get("sizes") == ["5"]
    jug = _attrs("Aqua Motivational 64/100 oz Water Bottle")
    assert jug.get("sizes") == ["64oz"]
    assert _attrs("Pipe Coupling 3/4 oz")["sizes"] == ["3/4oz"]
    assert "3-6m" in _attrs("Tiny Baby Bodysuit, Blue- 3/6M").get("sizes", [])


def test_a_shade_word_or_ultra_light_is_not_the_type() -> None:
    board = _attrs("Feathr Inflatable Stand Up Paddle Board 11'6'' Ultra-Light (20 lbs) SUP")
    assert board.get("type") == "paddle board"
    napkins = _attrs("Cloth Dinner Napkins Oilproof, Set of 12 Pack Light Yellow")
    assert napkins.get("type") != "light"
    assert _attrs("Edison Globe String Light, 25 Feet").get("type") in ("string light", "light")


def test_an_occasion_named_after_who_takes_part_names_no_audience() -> None:
    bags = _attrs("Papery Treat Bags for Candy Buffet, Kids Birthdays, Baby Showers")
    assert not bags.get("audiences")
    torch = _attrs("Brite LED Flashlight", ("Our flashlight is for dog walking and camping",))
    assert "dogs" not in torch.get("audiences", [])
    car = _attrs("Zoomy RC Car, Kids Toy Cars for Boys & Girls Birthday")
    assert {"boys", "girls"} <= set(car.get("audiences", []))


def test_a_tag_naming_a_product_line_is_no_property() -> None:
    knives = _attrs("Enzo Knife Set - Made in Japan - HD Series - VG10 Damascus Steel")
    assert "hd" not in knives.get("features", [])
    tv = _attrs("Vizo 43 inch HD Smart TV")
    assert "hd" in tv.get("features", [])
