"""What the product's own material, colour and size values are, and when two cannot both hold.

A material holds with its kinds ("borosilicate glass" is glass, "oak" is hardwood, solid wood
and wood), a colour with its shades ("navy" is blue); a weave or look ("fleece", "satin") is
no one material. Read by :mod:`tools.creatives.attribute_own` and the readers beside it.
"""

from __future__ import annotations

from tools.creatives.attribute_values import Stated

__all__ = ["BED_SIZE", "COLOUR", "KIND_OF", "MATERIAL", "NAMED_SIZE", "NOT_ONE", "NO_COLOUR",
           "OWN", "PART_COLOUR", "is_own", "kinds", "own_differ"]

MATERIAL, COLOUR, BED_SIZE = "the material", "the colour of the product", "the bed size"
NAMED_SIZE = "the size"  # a letter size: "size Large", "Size: M", "SIZE: XL"
OWN = frozenset({MATERIAL, COLOUR, BED_SIZE, NAMED_SIZE})
PART_COLOUR = "the colour of its "  # + a part: "the colour of its base"

# what a material is a kind of: two values hold together when one is the other's kind
KIND_OF: dict[str, tuple[str, ...]] = {
    "stainless steel": ("steel",), "carbon steel": ("steel",), "high carbon steel": ("steel",),
    "alloy steel": ("steel",), "silicon steel": ("steel",), "steel": ("metal",),
    "cast iron": ("iron",), "iron": ("metal",), "aluminum": ("metal",), "copper": ("metal",),
    "brass": ("metal",), "zinc alloy": ("metal",), "titanium": ("metal",),
    "sterling silver": ("metal",),
    "borosilicate glass": ("glass",), "crystal": ("glass",),
    "porcelain": ("ceramic",), "stoneware": ("ceramic",),
    "solid wood": ("wood",), "hardwood": ("solid wood",), "birch": ("hardwood",),
    "acacia": ("hardwood",), "teak": ("hardwood",), "mahogany": ("hardwood",),
    "spruce": ("solid wood",), "mdf": ("engineered wood",), "chipboard": ("engineered wood",),
    "engineered wood": ("wood",), "bamboo": ("wood",),
    "abs": ("plastic",), "pvc": ("plastic", "vinyl"), "vinyl": ("plastic",), "tpu": ("plastic",),
    "polycarbonate": ("plastic",), "polypropylene": ("plastic",), "tritan": ("plastic",),
    "acrylic": ("plastic", "synthetic"), "melamine": ("plastic",), "polyethylene": ("plastic",),
    "hdpe": ("polyethylene",), "polystyrene": ("plastic",), "resin": ("plastic",),
    "polyurethane": ("plastic",), "eva": ("plastic", "rubber"), "nylon": ("plastic", "synthetic"),
    "polyester": ("synthetic",), "spandex": ("synthetic",), "rayon": ("synthetic",),
    "silicone": ("rubber",), "latex": ("rubber",), "neoprene": ("rubber",), "tpe": ("rubber",),
    "tpr": ("rubber",), "memory foam": ("foam",),
    "merino wool": ("wool",), "cashmere": ("wool",),
    "cowhide": ("genuine leather",), "sheepskin": ("genuine leather",), "suede": ("leather",),
    "nubuck": ("genuine leather",), "kraft paper": ("paper",), "cardboard": ("paper",),
    # "genuine leather" is the hide; "leather" alone is also said loosely of faux leather
    "genuine leather": ("leather",), "faux leather": ("leather", "polyurethane", "pvc",
                                                       "polyester"),
    # microfiber is a fine polyester or nylon fibre, never a natural one
    "microfiber": ("synthetic",), "polyamide": ("nylon",),
    # named woods said as "solid oak" or "pine wood"
    "oak": ("hardwood",), "walnut": ("hardwood",), "maple": ("hardwood",),
    "cherry": ("hardwood",), "beech": ("hardwood",), "ash": ("hardwood",),
    "rubberwood": ("hardwood",), "pine": ("softwood",), "cedar": ("softwood",),
    "fir": ("softwood",), "softwood": ("solid wood",),
}
# weaves, looks and blends: a fabric of any fibre, never the product's one material
NOT_ONE = frozenset({"fleece", "denim", "canvas", "mesh", "velvet", "satin",
                      "lace", "felt", "sherpa", "oxford cloth", "muslin", "textile", "synthetic",
                      "faux suede", "faux fur", "faux shearling", "fur",
                      "pp cotton", "composite leather", "jersey", "knit", "twill", "microsuede",
                      "carbon fiber", "poly"})
# a material made of one of several others: it holds with any of them
EITHER: dict[str, frozenset[str]] = {"microfiber": frozenset({"polyester", "nylon"})}
COLOUR_KIN: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "burgundy": ("red", "purple", "brown"), "pink": ("red",), "yellow": ("gold",),
    "gold": ("yellow",), "rose gold": ("gold", "pink"), "teal": ("blue", "green"),
    "turquoise": ("blue", "green"), "navy": ("blue",), "brown": ("tan", "khaki", "beige"),
    "tan": ("brown", "beige", "khaki"), "khaki": ("beige", "brown", "green", "tan"),
    "beige": ("white", "tan", "brown", "khaki", "cream", "ivory"),
    "cream": ("white", "beige", "ivory"), "ivory": ("white", "beige", "cream"),
    "silver": ("grey",), "grey": ("silver",)}.items()}
NO_COLOUR = frozenset({"clear", "multicolor"})


def kinds(material: str) -> set[str]:
    """A material and every kind it is ("stainless steel" -> steel, metal)."""
    out, todo = set(), [material]
    while todo:
        m = todo.pop()
        if m not in out:
            out.add(m)
            todo += KIND_OF.get(m, ())
    return out


def is_own(attribute: str) -> bool:
    """True for an attribute read here: the product's own or one part's material, colour, size."""
    return attribute in OWN or attribute.startswith(PART_COLOUR)


def own_differ(a: Stated, b: Stated) -> bool:
    """True when two own values cannot both hold: neither is a kind or shade of the other.

    Faux leather clashes only with a hide ("genuine leather", "cowhide"): "leather" alone
    is said of it loosely, and its backing is a fabric.
    """
    x, y = str(a.value), str(b.value)
    if x == y:
        return False
    if a.attribute == MATERIAL:
        if "faux leather" in (x, y):
            return "genuine leather" in kinds(y if x == "faux leather" else x)
        if x in EITHER or y in EITHER:  # "microfiber" / "polyamide": a nylon microfiber
            mix, other = (x, y) if x in EITHER else (y, x)
            return not (kinds(other) & EITHER[mix] or mix in kinds(other))
        return x not in kinds(y) and y not in kinds(x)
    if a.attribute == COLOUR or a.attribute.startswith(PART_COLOUR):
        if "clear" in (x, y):  # see-through holds with a tint, not with a solid colour
            return (y if x == "clear" else x).startswith("solid ")
        x, y = x.removeprefix("solid "), y.removeprefix("solid ")
        return not ({x} | COLOUR_KIN.get(x, frozenset())) & ({y} | COLOUR_KIN.get(y, frozenset()))
    return True
