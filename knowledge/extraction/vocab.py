"""Word lists the extractor matches.

Canonical feature tags and their phrasings, materials and audiences; colours and size units
are in :mod:`knowledge.extraction.vocab_colours_sizes` (named here too).
Store-independent; the knowledge graph's NEEDS tails are added at run time
(:func:`knowledge.extraction.extract.knowledge_tails`).
"""

from __future__ import annotations

# "safe to put it in the dishwasher", "cleaned in the dishwasher": each phrasing opens with a
# literal word, so the matcher tries it only where that word starts
_IN_DISHWASHER = " (?:it |them )?in(?:to)? (?:the |a |any )?dishwasher"
_IPX_NOT_WATERPROOF = (r"(?<!waterproof )(?<!waterproof: )(?<!waterproof\()(?<!waterproof \()"
                       r"ipx\d(?![\s:()\[\]]*(?:rated )?water\W?proof)")
# canonical feature tag -> phrasings (regex fragments, lower case; "-" also matches " " or "")
FEATURES: dict[str, tuple[str, ...]] = {
    "waterproof": ("water-proof",),
    # an IPX code the listing calls waterproof ("IPX8 Waterproof") is no water-resistance
    "water-resistant": ("water-resistant", _IPX_NOT_WATERPROOF, "water-resistance",
                        "water-repellent", "repels water"),
    "windproof": ("wind-proof",),
    "breathable": ("breathable", "breathability"),
    "lightweight": ("light-weight", "ultra-light", "light in weight", "light weighted"),
    "packable": ("packable", "compressible"),
    "foldable": ("foldable", "collapsible", "folds flat", "easy to fold", "folding design",
                 r"folds (?:up|down|easily)"),
    "portable": ("portable", "portability"),
    "compact": ("compact",),
    "adjustable": ("adjustable",),
    "adjustable-height": ("adjustable-height", "height-adjustable"),
    "ergonomic": ("ergonomic", "ergonomically"),
    "non-slip": ("non-slip", "slip-resistant", "anti-slip", "non-skid", "anti-skid",
                 "skid-resistant"),
    "cushioned": ("cushioned", "cushioning"),
    "padded": ("padded", "padding"),
    "memory-foam": ("memory-foam",),
    "arch-support": ("arch-support",),
    "orthopedic": ("orthopedic", "orthopaedic"),
    "wide-fit": ("wide-fit", "wide-width"),
    "stretch": (r"(?<!to )stretch(?! out)", "stretchy", "stretchable"),
    "moisture-wicking": ("moisture-wicking", r"wicks? (?:away )?(?:sweat|moisture)",
                         "sweat-wicking"),
    "quick-dry": ("quick-dry", "quick-drying", "dries? fast", "fast-drying", "dr(?:y|ies) quickly",
                  "dries really fast"),
    "insulated": ("insulated", "insulation"),
    "thermal": ("thermal",),
    "warm": (r"warm(?=\s*(?:and|&|,|winter|fleece|minky|lining|lined|jacket|blanket))", "warmth",
             r"(?<=keep )warm", r"(?<=keeps )warm", r"(?<=cozy )warm"),
    "reflective": ("reflective",),
    "uv-resistant": ("uv-resistant",),
    "uv-protection": ("uv-protection", r"upf ?\d+", "uv ?400", "sun protection"),
    "durable": ("durable", "durability"),
    "heavy-duty": ("heavy-duty",),
    "reusable": ("reusable", "re-usable"),
    "washable": (r"(?<!machine )washable",),
    "machine-washable": ("machine-washable", "machine wash", "machine washed",
                         r"machine or hand wash(?:ing|ed)?", "washing machine safe"),
    "dishwasher-safe": ("dishwasher-safe", "by hand or (?:in the )?dishwasher",
                        *(verb + _IN_DISHWASHER for verb in (
                            "safe to put", "safe to use", "safe to place", "safe to wash", "put",
                            "placed?", "cleaned", "washed", "fits?", "fits easily"))),
    "microwave-safe": ("microwave-safe", "microwavable", "microwaveable"),
    "oven-safe": ("oven-safe",),
    "freezer-safe": ("freezer-safe", "freezable",
                     *(verb + _IN_DISHWASHER.replace("dishwasher", "freezer") for verb in (
                         "safe to put", "safe to use", "put", "placed?", "stored?"))),
    "non-stick": ("non-stick",),
    "leak-proof": ("leak-proof", "anti-leak", "leak-free", "water-tight seal",
                   r"prevents? (?:any )?leak(?:age|s|ing)"),
    "spill-proof": ("spill-proof",),
    "bpa-free": ("bpa-free",),
    "non-toxic": ("non-toxic", "toxin-free"),
    "food-grade": ("food-grade", "food safe"),
    "eco-friendly": ("eco-friendly", "environmentally friendly", "environment-friendly"),
    "biodegradable": ("biodegradable",),
    "organic": ("organic",),
    "vegan": (r"vegan(?! leather| suede)",),
    "cruelty-free": ("cruelty-free", "no animal testing", "(?:never|not) tested on animals"),
    "fragrance-free": ("fragrance-free",),
    "paraben-free": ("paraben-free", "no parabens"),
    "sulfate-free": ("sulfate-free", "sls-free"),
    "gluten-free": ("gluten-free", "no gluten"),
    "sugar-free": ("sugar-free", "zero sugar", "no sugar", "0g sugar"),
    "hypoallergenic": ("hypoallergenic", "hypo-allergenic"),
    "sensitive-skin": ("sensitive-skin",),
    "latex-free": ("latex-free", "non-latex"),
    "rechargeable": ("rechargeable",),
    # not a wire-free bra's "wireless comfort / support / cups" (v2 note 8)
    "wireless": (r"wireless(?!\s+(?:comfort|support|bras?|bralettes?|cups?)\b)",),
    "bluetooth": ("bluetooth",),
    "cordless": ("cordless",),
    "usb": (r"usb(?!\W?c\b)(?!\Wtype\W?c\b)",),  # not "USB-C", "USB Type-C"
    "usb-c": ("usb-c", "type-c"),
    "fast-charging": ("fast-charging",),
    "long-battery": ("long-battery", r"long(?:er)?(?:-lasting)? batter(?:y|ies)(?: life)?"),
    "noise-cancelling": ("noise-cancell?ing",),
    "dimmable": ("dimmable", "adjustable brightness", "brightness adjustable",
                 r"\d+ (?:levels? of|level|levels) brightness"),
    "led": ("led",),
    "rgb": ("rgb",),
    "smart": ("smart",),
    "programmable": ("programmable",),
    "touch-screen": ("touch-screen", "touchscreen"),
    "hd": ("hd", "high-definition"),
    "4k": ("4k",),
    "magnetic": ("magnetic",),
    "shockproof": ("shock-proof", "shock-resistant", "shock-resistance"),
    "rust-resistant": ("rust-resistant", "rust-proof", "anti-rust", "won[’']t rust",
                       "will not rust", "never (?:get )?rust(?:ing|y)?", "not rust",
                       "no rust(?:ing)?", "not easy to rust", "hard to rust",
                       "without rust", "against (?:corrosion and )?rust",
                       "prevents? (?:corrosion and )?rust",
                       "corrosion-resistant", "corrosion resistance", "anti-corrosion",
                       "rust resistance"),
    "scratch-resistant": ("scratch-resistant", "scratch and bite resistant"),
    # the guideline's own tag, not a synonym of scratch-resistant
    "anti-scratch": ("anti-scratch",),
    "tear-resistant": ("tear-resistant", "tear-proof", "rip-resistant", "rip-proof"),
    "chew-resistant": ("chew-resistant",),
    "odor-resistant": ("odou?r-resistant", "odou?r-reducing", "odou?r technology"),
    "stain-resistant": ("stain-resistant",),
    # "No Iron Khaki" is wrinkle-free; a supplement's "No Iron, 180 Tablets" is iron-free
    "wrinkle-free": ("wrinkle-free", "wrinkle-resistant", "anti-wrinkle",
                     r"no-iron(?![^\n]{0,40}\b(?:tablets?|capsules?|softgels?|vitamins?|"
                     r"supplements?|minerals?|mg|mcg)\b)"),
    "easy-clean": ("easy-clean", "easy to clean", "easy cleaning", "easy cleanup", "easy clean-up",
                   "cleans easily", "easy to (?:spot |wipe )?clean", "easy to wash",
                   "easy to care and clean", "easy cleanness"),
    "easy-install": ("easy to install", "easy installation", "easy-install", "simple to install",
                     "easier to install", "easy to set up", "installation made simple",
                     "simplifies installation", "ease of installation", "installation (?:is )?easy",
                     "easy to mount", "easy mounting", "convenient installation"),
    "easy-assembly": ("easy to assemble", "easy assembly", "simplified assembly",
                      "simple to assemble", "easy to be assembled", "tool-free assembly",
                      "quick assembly"),
    "handmade": ("handmade", "hand-made", "made by hand", "hand-crafted", "handcrafted",
                 "hand-hammered", "hand-painted", "hand-blown", "hand-ground"),
    "lockable": ("lockable",),
    "self-adhesive": ("self-adhesive", "adhesive tape"),
    "removable": ("removable", "detachable"),
    "stackable": ("stackable",),
    "unscented": ("unscented", "odorless", "odourless"),
    "sturdy": ("sturdy",),
    # "soft TPU edge", "soft silicone nose pads": the softness of a part, not of the product;
    # "soft drink", "Soft Gels", "wipe with a soft cloth", "soft-close": another thing's;
    # "soft beige", "soft brass finish", "soft light": a colour, finish or light, not a feel;
    # "soft, healthy skin": what a cream does to the skin
    "soft": (r"soft(?!(?: |-)(?:tpu|silicone|nose|pads?|edges?|chews?|tips?|enough|bristles?|"
             r"rubber|plastic|foam|insoles?|linings?|grips?|beige|pink|white|gr[ae]y|blue|"
             r"green|yellow|purple|brown|black|red|orange|gold|silver|brass|copper|bronze|"
             r"pastel|tones?|shades?|colou?rs?|light|glow|focus|drinks?|gels?|cloth|close|"
             r"closing)\b)"
             r"(?![^.;\n]{0,14}\b(?:skin|hair|hands|lips|cloths?|texture|foods?|bread|led)\b)",),
    "comfortable": ("comfortable", "comfy"),
}

# tags matched only through their phrasings, never as the bare word ("warm white", "usb-c")
NO_BARE = frozenset({"warm", "washable", "usb", "vegan", "soft", "wireless", "stretch"})
# vague tags counted only in the title or a bullet's headline ("SOFT & COMFY: ..."), where the
# listing states them about the product itself rather than a part or a use
VAGUE = frozenset({"warm", "smart"})
# materials a listing often names for something else ("glass surfaces", "Double Wood" brand):
# outside the title they need "made of", "material", "%"...
WEAK_MATERIALS = frozenset({"glass", "metal", "steel", "foam", "paper", "wood", "silk", "felt",
                            "stone", "bamboo", "nylon", "plastic", "leather", "fur", "lace"})

# material phrasing -> canonical material (longest phrasings are matched first)
MATERIALS: dict[str, str] = {m: m for m in (
    "cotton", "polyester", "nylon", "spandex", "rayon", "wool", "merino wool", "cashmere", "linen",
    "silk", "fleece", "denim", "leather", "faux leather", "suede", "rubber", "silicone", "plastic",
    "abs", "pvc", "tpu", "tpe", "tpr", "eva", "foam", "memory foam", "wood", "bamboo", "metal",
    "steel", "stainless steel", "aluminum", "iron", "cast iron", "copper", "brass", "zinc alloy",
    "glass", "ceramic", "porcelain", "stone", "paper", "cardboard", "canvas", "mesh", "microfiber",
    "acrylic", "vinyl", "latex", "neoprene", "resin", "carbon fiber", "sterling silver",
    "tritan", "polycarbonate", "polypropylene", "sheepskin", "faux fur", "fur",
    "crystal", "wicker", "titanium", "felt", "velvet", "satin", "lace", "cork", "jute", "sherpa",
    "spruce", "mahogany", "chipboard", "faux shearling", "textile",
)}
MATERIALS.update({
    "synthetic rubber": "rubber",
    "aluminium": "aluminum", "aluminum alloy": "aluminum", "aluminium alloy": "aluminum",
    "stainless-steel": "stainless steel", "wooden": "wood", "beechwood": "wood",
    "pu leather": "faux leather", "leatherette": "faux leather", "vegan leather": "faux leather",
    "leather-like": "faux leather", "synthetic leather": "faux leather",
    "polyester fiber": "polyester", "polyester fabric": "polyester",
    "tempered glass": "glass", "microfibre": "microfiber", "poly": "polyester",
    "cowhide leather": "leather",  # "100% cowhide leather": the leather, of a cow
    "synthetic fiber": "synthetic", "synthetic fibers": "synthetic", "synthetic": "synthetic",
    "titanium alloy": "titanium", "ployester": "polyester", "stainless": "stainless steel",
    "pp cotton": "pp cotton", "crystal velvet": "velvet", "polyester resin": "resin",
    # the same fibres under trade or regional names, and open-list materials labellers write
    "elastane": "spandex", "chinlon": "nylon", "nappa leather": "leather", "lycra": "spandex",
    "viscose": "rayon",
    "polyurethane": "polyurethane", "cowhide": "cowhide", "nubuck": "nubuck",
    "melamine": "melamine", "stoneware": "stoneware", "fiberglass": "fiberglass",
    "kevlar": "kevlar", "oxford cloth": "oxford cloth", "muslin": "muslin", "birch": "birch",
    "acacia": "acacia", "teak": "teak",  # not walnut or oak: mostly a finish's colour
    "faux suede": "faux suede", "synthetic suede": "faux suede", "microsuede": "microsuede",
    "composite leather": "composite leather",
    # a named grade keeps its full name, as the labellers write the most specific one
    # ("18/8 stainless steel" -> stainless steel, "High Borosilicate glass" -> borosilicate glass)
    "kraft paper": "kraft paper", "borosilicate glass": "borosilicate glass",
    "hardwood": "hardwood", "carbon steel": "carbon steel",
    "high carbon steel": "high carbon steel",
    "high-carbon steel": "high carbon steel", "alloy steel": "alloy steel",
    "chrome vanadium steel": "steel", "chrome vanadium": "steel",
    # a hardening or alloy grade of a material the guideline lists is that material, as
    # "18/8 stainless steel" -> stainless steel and "aluminum alloy" -> aluminum (measured on
    # v1-v25: these grades as written were right about one time in three)
    "high speed steel": "steel", "hss": "steel",
    "silicon steel": "silicon steel", "abs resin": "abs",  # electrical steel; ABS plastic
    "high carbon stainless steel": "stainless steel",
    # plastics, fibres and boards under their own names
    "polyethylene": "polyethylene", "hdpe": "hdpe", "polystyrene": "polystyrene",
    "polyamide": "polyamide", "elastomer": "elastomer", "mdf": "mdf", "cellulose": "cellulose",
    "peva": "peva", "ripstop": "ripstop", "polymer": "polymer", "pigskin": "pigskin",
    "human hair": "human hair", "mylar": "mylar", "maple": "maple", "willow": "willow",
    "twill": "twill", "jersey": "jersey", "knit": "knit",
    # boards, fabrics and hard materials under their trade names
    "plywood": "plywood", "particle board": "particle board", "particleboard": "particle board",
    "modal": "modal", "tulle": "tulle", "chenille": "chenille",
    "corduroy": "corduroy", "gabardine": "gabardine", "cordura": "cordura", "acetate": "acetate",
    "terry cloth": "terry",
    "boar bristle": "boar bristle", "boar bristles": "boar bristle", "minky": "minky",
    "ballistic nylon": "ballistic nylon", "malleable iron": "malleable iron",
    "tool steel": "tool steel", "faux wool": "faux wool",
    "french terry": "french terry", "flannel": "flannel", "wheat straw": "wheat straw",
    "pakkawood": "pakkawood",
})
# words after a material word that make it not a material ("glass surfaces", "leather cleaner");
# a look named after a material ("brass finish", "copper-tone plating", "wood grain print")
# says how the product looks, not what it is made of
MATERIAL_NOT_BEFORE = ("-free", " free", " cleaner", " conditioner", " surfaces", " care",
                       " protector", " polish", " repair kit", " band saw", "-cutting",
                       " finish", " finished", "-finish", "-tone", " tone", " toned", " plated",
                       "-plated", " plating", " look", "-look", " effect", " grain", " print",
                       " pattern", " color", " colour", " colored", " coloured", " clear",
                       # "Linen-Like Napkins", "Lace up Shoes", "Paper Bag Waist Pants", "Bamboo
                       # Charcoal ... Infused", "tons of plastic waste": a look, a fastening, a
                       # cut, an additive or what it replaces
                       "-like", " like", " up ", "-up ", " up,", "-up,", " bag waist", " charcoal",
                       " waste", "-based", " based", " screen print", "-screen print",
                       # "shipped in foam packaging", "Silk proteins": what it ships in or holds
                       " packaging", " protein",
                       # "aluminum-oxide wheel", "Wood-Compo handle", "Silk Screen Printing":
                       # another substance or a process named after the material
                       "-oxide", " oxide", "-compo", " screen printing",
                       # "granite stone style dish", "Linen Style Pillows": a look
                       " style ", "-style ", " style,")

AUDIENCES: dict[str, str] = {
    "women": "women", "womens": "women", "woman": "women", "ladies": "women", "lady": "women",
    "female": "women", "for her": "women", "men": "men", "mens": "men", "male": "men",
    "for him": "men", "kids": "kids", "kid": "kids", "children": "kids", "child": "kids",
    "childrens": "kids", "youth": "kids", "boys": "boys", "boy": "boys", "girls": "girls",
    "girl": "girls", "baby": "baby", "babies": "baby", "infant": "baby", "infants": "baby",
    "newborn": "baby", "toddler": "toddler", "toddlers": "toddler", "teen": "teens",
    "teens": "teens", "teenager": "teens", "teenagers": "teens", "adult": "adults",
    "adults": "adults", "unisex": "unisex", "seniors": "seniors", "elderly": "seniors",
    "gender neutral": "unisex", "gender-neutral": "unisex",
    "dog": "dogs", "dogs": "dogs", "puppy": "dogs", "puppies": "dogs", "cat": "cats",
    "cats": "cats", "kitten": "cats", "pet": "pets", "pets": "pets",
    # the guideline's list names birds too: what is made for them ("Hummingbird Feeder", "bird
    # bath"), not a print of birds ("Napkins with Yellow Birds")
    # (phrases only: the listing writer reads one-word keys as audience words)
    "hummingbird feeder": "birds", "hummingbird feeders": "birds", "attract hummingbirds": "birds",
    "bird feeder": "birds", "bird feeders": "birds", "for birds": "birds", "wild birds": "birds",
    "bird bath": "birds", "bird house": "birds", "bird seed": "birds", "bird cage": "birds",
}
# sentences with these words state a warning or a gift list, not who the product is for
AUDIENCE_STOP = ("gift", "present", "keep away", "out of reach", "not for", "not suitable",
                 "warning", "choking", "under 3", "supervision", "safe for", "safe around")

# colours and sizes live in vocab_colours_sizes.py; named here too for existing importers
from knowledge.extraction.vocab_colours_sizes import (  # noqa: E402
    APPAREL,
    BED_SIZES,
    COLOR_NOT_BEFORE,
    COLORS,
    NAMED_SIZES,
    UNITS,
)

__all__ = ["APPAREL", "AUDIENCES", "AUDIENCE_STOP", "BED_SIZES", "COLORS", "COLOR_NOT_BEFORE",
           "FEATURES", "MATERIALS", "MATERIAL_NOT_BEFORE", "NAMED_SIZES", "NO_BARE", "UNITS",
           "VAGUE", "WEAK_MATERIALS"]
