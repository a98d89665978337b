"""Store-independent word lists: colours, materials, audiences (used by tagger and slot parsing)."""

from __future__ import annotations

BASE_COLORS = (
    "black", "white", "grey", "gray", "navy", "blue", "red", "green", "pink", "beige", "brown",
    "purple", "yellow", "orange", "gold", "silver", "ivory", "cream", "teal", "tan", "khaki",
    "burgundy", "maroon", "olive", "charcoal", "multicolor", "rose gold", "light blue",
    "dark blue", "dark grey", "light grey", "turquoise", "coral", "lavender", "mint",
    "transparent", "dark purple", "dark green", "light pink", "hot pink", "dark brown",
    "light green", "royal blue", "sky blue", "off white", "multicolored", "clear", "camo",
    "floral", "tie dye", "multi color", "nude", "magenta", "aqua", "rainbow",
)
BASE_AUDIENCES = {
    "kids": "kids", "kid": "kids", "children": "kids", "child": "kids", "toddler": "kids",
    "toddlers": "kids", "boys": "kids", "girls": "kids", "men": "men", "mens": "men",
    "men's": "men", "man": "men", "male": "men", "him": "men", "women": "women",
    "womens": "women", "women's": "women", "woman": "women", "ladies": "women", "her": "women",
    "female": "women", "baby": "baby", "babies": "baby", "infant": "baby", "newborn": "baby",
    "unisex": "unisex", "adults": "adults", "adult": "adults", "infants": "baby",
    "husband": "men", "wife": "women", "mom": "women", "dad": "men", "teens": "kids",
    "teen": "kids", "teenager": "kids", "boyfriend": "men", "girlfriend": "women",
    "grandma": "women", "grandpa": "men", "seniors": "adults", "elderly": "adults",
    "boy": "kids", "girl": "kids", "youth": "kids", "juniors": "kids", "womans": "women",
    "mans": "men", "lady": "women", "kids'": "kids", "girls'": "kids", "boys'": "kids",
}
BASE_MATERIALS = (
    "leather", "cotton", "wool", "merino wool", "silk", "linen", "polyester", "nylon", "mesh",
    "suede", "rubber", "silicone", "bamboo", "stainless steel", "steel", "cast iron", "ceramic",
    "glass", "wood", "wooden", "plastic", "aluminium", "aluminum", "fleece", "denim", "canvas",
    "cashmere", "velvet", "satin", "knit", "down", "cork", "porcelain", "copper", "brass",
    "spandex", "acrylic", "faux leather", "vinyl", "latex", "foam", "memory foam", "metal",
    "flannel", "paper", "titanium", "marble", "jute", "sherpa", "microfiber", "resin",
)


def canonical_audience(text: str) -> str | None:
    """The audience a phrase names ("for women" -> "women", "boys'" -> "kids"), or None."""
    for word in reversed(text.lower().replace("’", "'").split()):
        found = BASE_AUDIENCES.get(word) or BASE_AUDIENCES.get(word.rstrip("'s"))
        if found:
            return found
    return None
