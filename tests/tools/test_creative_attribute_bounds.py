"""The one same-attribute rule on the dimensions audits v20 and v21 missed, and its look-alikes.

Audits v20 and v21 (measured on the eleventh/twelfth sessions' code) missed two load limits,
cordless beside "must be plugged in", 10 L beside 5 gallons, "Ages 3+" beside "not for
children under 8" (twice), a 120 V plate beside a 230 V EU plug, "pack of 10 reeds" beside
"Box contains 5 reeds" and "Supports 4K" beside "Max resolution: 1080p". The per-kind checks
that were beside the rule (lengths, powers, capacities, batteries, "X-free") are typed
statements of it now. The synthetic briefs below were written for these tests, apart from
any audit set; the audits' own briefs are checked by id.
"""

from __future__ import annotations

import json

import pytest

from knowledge.errors import InvalidRequestError
from tests.tools.audit_briefs import AUDIT_DATA, audit_briefs
from tools.creatives.attribute_clash import statements
from tools.creatives.contradictions import check_contradictions
from tools.creatives.facts import validate_brief

_CLASHES = {  # id: the two spans the refusal must name
    "v20-pet-petstroller": ("Supports up to 66 lbs", "Max load: 33 lbs."),
    "v20-bea-naillamp": ("CORDLESS", "must be plugged in"),
    "v20-out-watercontainer": ("10 L", "holds 5 gallons"),
    "v20-toy-ringtoss": ("Ages 3+", "Not for children under 8 yrs."),
    "v20-bab-suctionplacemat": ("100% food-grade silicone", "polycarbonate"),
    "v21-kit-crepemaker": ("120V", "230V"),
    "v21-toy-toybinoculars": ("Ages 3+", "Not suitable for children under 8 years"),
    "v21-mus-clarinetreeds": ("pack of 10", "5 reeds"),
    "v21-ele-hdmiextender": ("Supports 4K", "Max resolution: 1080p"),
    "v21-app-woolsocks": ("100% merino wool", "nylon"),
    "v22-kit-matchabowl": ("food safe", "not food safe"),
    "v22-too-glasscutter": ("incl. tempered", "Not for tempered glass"),
    "v22-ele-usbdatablocker": ("USB-C", "no USB-C"),  # the span as written since L7
    "v22-hom-windowfilm": ("crystal clear", "frosted"),
    "v22-hea-geleyemask": ("microwave 10-15 sec", "FOR COLD USE ONLY"),
    "v15-kit-gooseneck": ("Capacity: 1.0 L", "600ml kettle"),
    "v16-ele-usbcext": ("Length: 6 ft", "3.3ft extension cable"),
    "v16-gar-solarpathlight": ("no batteries needed", "Requires 4 AA batteries"),
    "v16-hea-fingercots": ("Latex-free", "Material: natural rubber latex"),
    "v17-too-woodburning": ("60W", "Rated power: 30W"),
    "v24-kit-pizzapeel": ('14" x 16"', 'Blade width: 12"'),  # seen, measured missed at R2
    "v24-ele-magsafewallet": ("15 series only", "Samsung Galaxy S23"),  # (L6, 14th session)
}


@pytest.mark.parametrize("brief_id", sorted(_CLASHES))
def test_the_audits_contradictions_are_refused_naming_both(brief_id: str) -> None:
    brief = audit_briefs(int(brief_id[1:3]))[brief_id]
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(validate_brief(brief))
    for span in _CLASHES[brief_id]:
        assert span in str(err.value)


_OTHER_CLASHES = {"v15-app-crewsocks", "v15-out-taillight", "v15-toy-spinningtops",
                  "v16-app-earwarmer", "v16-toy-fishinggame", "v17-kit-cherrypitter",
                  "v17-ele-thermalpaste", "v17-app-silkscarf", "v17-pet-nailgrinder",
                  "v18-too-boltextractor", "v18-bea-bodybutter", "v18-app-sweatervest",
                  "v18-out-underquilt", "v18-hom-coasters", "v19-kit-handmixer",
                  "v19-ele-showerspeaker", "v19-app-toesocks", "v19-hom-runnerrug",
                  "v19-off-tabdividers",  # the other listed contradictions of v15-v19
                  "v23-kit-tamagoyakipan", "v23-too-torquescrewdriver", "v23-gar-soilthermometer",
                  "v24-ele-usbchub", "v24-bea-showersteamer",  # and v23/v24's refused at R2
                  "v23-spo-fencingglove", "v23-mus-micstand", "v24-out-bikelight",  # since
                  "v25-kit-sourdoughcrock", "v25-hom-magazinerack", "v25-hom-knittedpouf",
                  "v25-out-campaxe", "v26-kit-coldbrewpitcher", "v26-hom-reeddiffuser",
                  "v26-pet-dogcarseatcover", "v26-gar-soilmoisturemeter",
                  "v26-gar-wormfarm",  # v25/v26's: measured at L6 R1, then seen
                  "v27-out-glacierglasses", "v27-ele-bluetoothreceiver", "v27-toy-boomerang",
                  "v27-hea-showerstool", "v27-hea-bunionpad", "v28-kit-trivet",
                  "v28-ele-wiredearbuds", "v28-app-shawl",
                  "v28-out-campstove",  # v27/v28's: measured at L6 R2, then seen (L7)
                  "v29-kit-tomatoknife", "v29-pet-dematter", "v29-app-coinpurse",
                  "v29-cra-headmagnifier", "v29-mus-tinwhistle", "v30-hom-zafu",
                  "v30-out-sleepingquilt", "v30-ele-filmcamera",
                  "v30-mus-tinwhistle",  # v29/v30's: measured at L7 R1, then seen
                  "v31-hom-keylockbox", "v31-out-boonie",
                  "v32-hom-ladderbookshelf",  # v31/v32's: measured at L7 R2, then seen
                  "v31-hom-chaircover", "v31-off-addressstamp",  # L8 (in-sample, general rules)
                  "v33-hom-cabinetlightbar", "v33-hea-closurestrips",
                  "v33-gam-coopcardgame", "v33-kit-buttercrock", "v34-kit-servingtray",
                  "v34-ele-pianolamp", "v34-app-raincape", "v34-gar-coleusseeds",
                  "v34-gam-patiencecards"}  # v33/v34's: measured at L8 R1, then seen
# contradictions still missed (measured, then seen)
_MISSED = {"v25-out-emergencyradio",  # a band both absent and present: not read yet
           "v28-too-mallet",  # "Non-marring" beside "may leave marks": no word in common
           "v30-gam-tarotdeck",  # an English edition with a German-only guidebook
           "v31-gar-lupineseeds",
           "v32-hom-mantelclock", "v32-jew-dressclip", "v32-app-bibshorts",
           "v32-off-hardcoverjournal",  # v31/v32's kinds missed at R2, not read yet
           "v33-spo-hyperbench"}  # v33's: folds / rigid frame


@pytest.mark.parametrize("brief_id", sorted(_OTHER_CLASHES))
def test_the_other_listed_contradictions_are_refused(brief_id: str) -> None:
    with pytest.raises(InvalidRequestError):
        check_contradictions(validate_brief(audit_briefs(int(brief_id[1:3]))[brief_id]))


@pytest.mark.parametrize("version", [0, *range(2, 35)])
def test_no_other_seen_brief_is_refused(version: int) -> None:
    """Every seen brief but the audits' listed contradictions passes (0: briefs.jsonl)."""
    if version == 0:
        path = AUDIT_DATA / "briefs.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        briefs = {row["id"]: row["brief"] for row in rows}
    else:
        briefs = audit_briefs(version)
    refused = []
    for brief_id, brief in briefs.items():
        if brief_id in _CLASHES or brief_id in _OTHER_CLASHES or brief_id in _MISSED:
            continue  # v23's 2 and v24's 1 false refusals at R2 pass since 14:00
        try:
            check_contradictions(validate_brief(brief))
        except InvalidRequestError as err:
            refused.append(f"{brief_id}: {err}")
    assert refused == []


@pytest.mark.parametrize(("brief", "named"), [
    ("Garden cart, steel | Load capacity: 300 lbs | holds up to 100 kg", "100 kg"),
    ("Serving tray\nTray: 20 x 14 in.\nTray length: 24 in.", "Tray length: 24 in."),
    ("Watch band | Fits Apple Watch 7, 8, 9 only | Also works with Garmin Venu 2", "Garmin"),
    # v25/v26's kinds (measured at R1, then seen), in other words
    ("Oval serving platter, 14 in. Shape: rectangular. Stoneware.", "rectangular"),
    ("Shoe rack, 3 tiers | Wall-mounted only | Freestanding, no tools", "Freestanding"),
    ("Floor cushion cover, cotton. Comes filled, ready to sit on. Insert not included.",
     "Comes filled"),
    ("Hatchet, 12 in.\nWeight: 1 lb (450 g)\nHead weight: 1.5 lbs (680 g)", "Head weight"),
    ("Scented sachet | Lasts 3 months | Lasts up to 2 weeks", "Lasts up to 2 weeks"),
    ("Cat bed | Cave style, hooded | not a cave, open top", "not a cave"),
    ("Planter box | Indoor use only | Leave it outdoors all year", "outdoors"),
    ("Folding step ladder\nMax. weight: 250 lbs\nsupports up to 330 lbs", "330 lbs"),
    ("Cordless milk frother, 2 speeds, works only when plugged in", "plugged in"),
    ("Wireless vacuum - wire-free cleaning - must stay plugged in while running", "plugged in"),
    ("Espresso cup 3 oz\nCapacity: 90 ml\nholds 6 fl oz of coffee", "6 fl oz"),
    ("Camp jug 20 L, BPA free | Volume: 3 gal", "3 gal"),
    ("Puzzle 100 pieces, ages 4+ | Not recommended for children under 6 years", "under 6"),
    ("Baby rattle, ages 6 months+, not for children under 12 months", "12 months"),
    ("Travel kettle | Voltage: 110V | UK plug", "UK plug"),
    ("Hair straightener, EU plug, 220-240V | Input voltage: 120V", "120V"),
    ("Sewing needles, pack of 20 needles | box contains 12 needles", "12 needles"),
    ("Monitor 27 in. | Max resolution: 1440p | supports 4K HDR", "4K"),
    ("Projector, up to 720p, supports 1080p input", "1080p"),
    ("Yoga mat, Weight: 2.5 lb, this light 1.2 lb mat rolls up small", "1.2 lb"),
    ("Dog bowl 1.5 L, stainless | Capacity: 24 oz", "24 oz"),
    ("Hand soap, paraben-free | contains methylparaben", "paraben-free"),
    ("Lip balm, 100% vegan, cruelty free | Ingredients: shea butter, beeswax, vitamin E",
     "vegan"),
    ("Crackers, gluten-free snack. Contains wheat flour", "gluten-free"),
    ("Power Bank 10000mAh, USB-C | Battery capacity: 20,000 mAh", "20,000 mAh"),
    ("USB flash drive 64GB, metal | Storage: 128GB", "128GB"),
    ("Action camera, IPX8 waterproof to 30 m | Rating: IP54", "IP54"),
    ("Kids scooter, max speed 10 mph | top speed of 25 km/h", "25 km/h"),
    # round 2, written before any fresh audit of it: settings, tiers, ports, place, more loads
    ("Hand blender, 5 speeds, stainless | Speeds: 3", "Speeds: 3"),
    ("Space heater 1500W, 3 heat settings | 2 heat settings, tip-over switch", "2 heat"),
    ("Plant stand, 3-tier, metal | 4 tiers of bamboo shelves", "4 tiers"),
    ("Bike light, USB-C charging, 400 lumens | Charging port: Micro-USB", "Micro-USB"),
    ("String lights 33 ft, for indoor use only | indoor/outdoor use, IP44", "indoor/outdoor"),
    ("Office chair | Max user weight: 250 lbs | rated for 400 lbs", "400 lbs"),
    ("Rice cooker 2 qt capacity | Capacity: 5 L", "5 L"),
    ("Dash cam, records in 4K | Video resolution: 1080p", "1080p"),
    ("Corded heat gun 1800W | cordless design, runs on 20V battery", "cordless"),
    ("Phone case, fits iPhone 15 | not compatible with iPhone 15", "not compatible"),
    ("Earbuds, charges in 1 hour | Charging time: 3 hours", "3 hours"),
    ("Kids tablet, 7 in. HD screen | Display size: 10.1 in.", "10.1 in."),
    # v22's kinds (seen after its measure), written here in other words and products
    ("Ceramic mug, food-safe glaze | for display only, not food safe", "not food safe"),
    ("Tile nipper\n- Cuts ceramic, porcelain & glass tiles\n- Not for porcelain tiles",
     "porcelain"),
    ("Hot/cold pack - heat in microwave 20 sec. - cold use only, do not microwave", "microwave"),
    ("Shower curtain liner, transparent PEVA | opaque for privacy", "opaque"),
    ("Dog harness, fits large dogs | not for large dogs", "not for large dogs"),
    # after R2, from v23/v24's missed kinds (seen after their measure), in other words
    ("Golf glove - RIGHT hand - cabretta leather | Hand: Left", "Hand: Left"),
    ("Tripod, aluminum | remote included | remote sold separately", "sold separately"),
    ("Headlamp 300 lm, IPX4 splash proof | not water resistant, keep dry", "not water"),
])
def test_one_attribute_with_two_values_is_refused(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    # per-piece, per-shelf, combined and ranged loads; a stand's own weight
    "Wall hooks 6 pack, holds up to 15 lbs each | Max load: 90 lbs total",
    "Bookshelf, 5 tiers, each shelf holds 20 lbs | supports up to 100 lbs",
    "Monitor arm fits 13-32 in. screens, holds 4.4-17.6 lbs, Weight: 6 lbs",
    "Hammock straps, holds up to 500 lbs. combined | each strap 250 lbs",
    # cordless and plugged in for charging or for a part; cordless shades without a battery
    "Cordless drill 20V | charger plugs into any outlet | plug in to charge",
    "Cordless cellular shades, no batteries needed",
    "Cordless or corded: runs on battery or must be plugged in",
    # a tank's or a cup's volume beside the product's; per-piece volumes; a folded size
    "Coffee maker 12 cups | Capacity: 60 oz | 1.8 L water tank",
    "Glass jars 4 pack, 16 oz each, 64 oz total",
    "Water bottle 32 oz (946 ml) | holds 32 oz of water",
    "Collapsible bucket 10 L (2.6 gal), folds flat to 2 in.",
    # warnings beside older ages; equal ages
    "Chemistry kit, ages 10+ | WARNING: small parts, not for children under 3 yrs.",
    "Building blocks, ages 3+ | not suitable for children under 3 years",
    # plugs negated or adapters; voltages of a range
    "Travel adapter set, EU plug adapter incl. | Voltage: 100-240V",
    "Coffee grinder | Voltage: 120V | not for EU outlets",
    "Kettle | Voltage: 220-240V | EU plug",
    # counts of spares and packs of packs; resolutions of two modes and options
    "Guitar strings, pack of 6 strings | plus 2 spare strings",
    "Display cable, supports 8K@60Hz and 4K@144Hz",
    "Webcam, output: 720p / 1080p switchable",
    "Streaming stick, supports 4K, up to 4K HDR",
    # plant milks and butters, vegan leather, a short word inside a longer one
    "Body lotion, dairy-free | Ingredients: coconut milk, shea butter, cocoa butter",
    "Wallet, vegan leather, RFID blocking | made with recycled polyester",
    "Trail mix, nut-free | contains coconut flakes, raisins",
    # a part's IP rating, a card it supports, speeds in two units, charger and cell capacities
    "Doorbell kit, receiver IP44 | Button: IP55 waterproof | plug-in receiver",
    "Trail camera, IP66 | 32GB card included, supports up to 128GB",
    "Tire chains, max speed 30 mph (50 km/h)",
    "Power bank 5000mAh | cells: 2 x 2500mAh",
    # round 2 look-alikes: a mode beside speeds, parts' settings, a cable's ends, adapters
    "Stand mixer, 6 speeds + pulse | 6-speed motor",
    "Hair dryer, 3 heat settings, 2 speed settings, cool shot",
    "Charging cable, USB-C to Lightning, 6 ft | Micro-USB adapter incl.",
    "HDMI extender, 2 power adapters incl. | supports 4K",
    "Patio heater for outdoor use | not for indoor use",
    "Cordless drill 20V | charger: AC powered",
    "Ink cartridge, for HP 63XL | not for HP 63 setup cartridges",
    "Toy drum set, for kids | not for kids under 3",
    "Earbuds, charges in 1.5 hrs, case charges in 2 hrs",
    "Pizza cutter, 4 inch blade | Display box: 6 in.",
    # v22's look-alikes: a fit's material, items with their own status, cold and hot sides
    "Seat cushion, fits wooden & metal chairs | 100% cotton cover",
    "Window kit, tape (incl.) & hair dryer (not incl.)",
    "Hot/cold gel pack | Cold: freeze 2 hrs | Hot: microwave 15 sec.",
    "Tile cutter, cuts ceramic tiles up to 12 mm, not for glass tiles",
    "Frosted glass jar with transparent lid, 16 oz",
    # v23/v24's false refusals at R2 (seen after their measure), in other words
    "Tablet mount, compat w/ most tablets: iPad, Galaxy Tab. NOT compat w/ Kindle",
    "Bath bench | Max user weight: 350 lbs | Weight: 7 lb",
    "Felt squares 30 colors, 9 x 12 in., 100% polyester",
    "Batting glove, left or right hand, sizes S-XL",
    "Camera strap, lens cap included, lens sold separately",
    "Rain jacket, water resistant, not waterproof",
    # "&amp;" is the merchant's "&", no clause break
    "Pet bed for small &amp; medium dogs, holds up to 40 lbs",
    # a part's size and a side it has, or a side no flat size gives; an "only" list beside
    # a thing of another kind, a model it names, or a "not for" line
    "Cutting board | Board: 18 x 12 in. | Board width: 12 in.",
    "Baking sheet | Pan: 13 x 18 in. | Pan depth: 1 in.",
    "Phone case | Fits iPhone 15 only | Also works with MagSafe chargers",
    "Screen protector | Compatible with iPhone 14, 15 only | Also fits iPhone 15 Pro",
    "Lens cap | For Canon EF lenses only | Not for Nikon F",
    # v25/v26's look-alikes of those kinds
    "Round cake tin with square base insert, 8 in.",
    "Shelf, wall-mounted or freestanding, oak",
    "Pillow cover only, insert not included, 18 x 18 in.",
    "Axe | Total weight: 2 lbs | Head weight: 1.5 lbs",
    "Candle | Lasts 40 hours | Lasts 40 hrs on a 2 in. wick",
    "Cushion, 100% cotton cover, filled with polyester fiber",
    "Trail knife, not a toy. Drop point style blade.",
])
def test_look_alikes_are_not_refused(brief: str) -> None:
    check_contradictions(brief)


def test_bounds_are_typed() -> None:
    found = {(s.attribute, round(float(s.value)), s.bound) for s in statements(
        "Toy car | Ages 3+ | not for children under 3 yrs. | supports 4K | Max load: 22 lbs")
        if isinstance(s.value, float)}
    assert found == {("min age", 36, "="), ("min age", 36, ">="),
                     ("top resolution", 2160, ">="), ("max load", 10, "=")}
