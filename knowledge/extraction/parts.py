"""Names of a product's parts: one list for the extractor and the creatives' head reader.

``PART_NOUNS``: the parts a listing names apart from the product ("the lid is dishwasher
safe", "soft sole baby shoes"). The extractor reads a care or water property said of one as
that part's (:func:`knowledge.extraction.context.of_part`); the listing writer's head reader
never ends a product's name on one (``tools.creatives.head_noun``). ``MATERIAL_PARTS``: the
main parts whose material is the product's ("leather upper", "steel frame").
"""

from __future__ import annotations

from knowledge.extraction.types import singular

PART_NOUNS = frozenset({
    # fittings and closures
    "lid", "cap", "handle", "strap", "buckle", "zipper", "zip", "button", "clip", "hook",
    "latch", "hinge", "knob", "switch", "trigger", "plug", "port", "jack", "slot", "seal",
    "valve", "loop", "ring", "screw", "bolt", "spring", "coil",
    # footwear and garment parts
    "sole", "insole", "outsole", "heel", "toe", "lace", "tongue", "lining", "liner", "cuff",
    "collar", "waistband", "waist", "pocket", "sleeve", "hood", "hem", "seam", "skirt", "trim",
    "knee", "ankle", "mesh",
    # parts of tools, appliances and furniture
    "base", "blade", "frame", "cord", "cable", "pipe", "hose", "tube", "nozzle", "spout", "straw",
    "mouthpiece", "tip", "bristle", "filter", "lens", "pad", "cushion", "seat", "backrest",
    "armrest", "leg", "wheel", "caster", "pedal", "spoke", "rung", "tine", "shaft", "motor",
    "wick", "rim", "grip", "panel", "tray", "shelf", "drawer", "door", "battery", "remote",
    "edge", "side", "corner", "finish", "face", "dial", "display"})

# the body, shell and main parts of a thing, which carry its material ("leather upper",
# "aluminum chassis", "wooden handle"); not small fittings ("nylon zippers", "metal buckle",
# "silicone seal"), which labellers leave out
MATERIAL_PARTS = frozenset({
    "upper", "footbed", "midsole", "sole", "outsole", "insole", "lining", "body", "chassis",
    "housing", "casing", "shell", "bezel", "band", "core", "tire", "rail", "top", "construction",
    "build", "exterior", "interior", "shade", "head", "part", "piece", "bead", "sleeve",
    "binding", "surface", "cover", "gore", "bar", "end", "holder", "block", "connector",
    "bearing", "side", "back", "neck", "handle", "base", "blade", "frame", "leg", "wheel",
    "tip", "bristle", "lens", "strap", "lined", "trim", "trimmed"})


def is_material_part(word: str) -> bool:
    """True for a main part that carries a material ("upper", "frames", "handles")."""
    low = word.lower()
    return low in MATERIAL_PARTS or singular(low) in MATERIAL_PARTS
