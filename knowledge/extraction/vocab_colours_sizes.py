"""Colour words and size vocabulary the extractor matches (split from ``vocab.py``).

Basic colour words and their spellings, words after a colour that make it name something
else, size units, apparel, named and bed sizes. Store-independent.
"""

from __future__ import annotations

COLORS: dict[str, str] = {c: c for c in (
    "black", "white", "grey", "silver", "gold", "red", "pink", "orange", "yellow", "green", "blue",
    "navy", "purple", "brown", "beige", "tan", "khaki", "cream", "ivory", "clear", "multicolor",
    "teal", "turquoise", "burgundy", "rose gold",
)}
COLORS.update({
    "gray": "grey", "gry": "grey", "wht": "white", "blk": "black", "multi": "multicolor",
    "multi-color": "multicolor", "multicolored": "multicolor", "multi color": "multicolor",
    "mixed color": "multicolor", "multi-colored": "multicolor", "multicolour": "multicolor",
    "gold rose": "rose gold",
})
# "red wine", "white noise": the colour word names something else
COLOR_NOT_BEFORE = (" wine", " noise", " tea", " pepper", " sugar", " chocolate", " vinegar",
                    " bean", " light", " fragility", " claw", " sox", " house",
                    # "Green Juice Powder", "Green Apple Flavor", "Red Laser", "Silver Polishing
                    # Cloth": a food, a beam or a use named by a colour
                    " juice", " superfood", " smoothie", " apple", " laser", " polishing",
                    # "Orange Flavor", "Green Tea Scent", "Red Velvet Flavored": a taste or scent
                    " flavor", " flavour", " scent", " zest", " extract",
                    # "Multi-Purpose", "Multi-Format", "Multi Use": many uses, not many colours
                    "-purpose", " purpose", "-format", "-function", " function", "-use", " use",
                    "-layer", "-tool", "-level", "-speed", "-angle", "-mode", "-pack", "-size")

UNITS: dict[str, str] = {
    "fl oz": "oz", "fl. oz": "oz", "fl.oz": "oz", "floz": "oz", "fluid ounce": "oz",
    "fluid ounces": "oz", "fluid oz": "oz", "oz": "oz", "ounce": "oz", "ounces": "oz",
    "ml": "ml", "milliliter": "ml", "l": "l", "liter": "l", "liters": "l", "litre": "l",
    "litres": "l", "gallon": "gal", "gallons": "gal", "gal": "gal", "quart": "qt",
    "quarts": "qt", "qt": "qt", "ft": "ft", "feet": "ft",
    "foot": "ft", "in": "in", "inch": "in", "inches": "in", "\"": "in", "”": "in", "''": "in",
    "″": "in", "cm": "cm", "mm": "mm", "m": "m", "meter": "m", "meters": "m", "lb": "lb",
    "lbs": "lb", "pound": "lb", "pounds": "lb", "kg": "kg", "g": "g", "gram": "g", "grams": "g",
}
APPAREL = ("xxxs", "xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl", "5xl",
           "1x", "2x", "3x", "4x", "5x")
NAMED_SIZES = {"x-small": "xs", "small": "small", "medium": "medium", "large": "large",
               "x-large": "xl", "xx-large": "xxl", "xxx-large": "xxxl", "x large": "xl",
               "xx large": "xxl", "xxx large": "xxxl", "x small": "xs", "extra large": "xl",
               "extra small": "xs", "extra-large": "xl", "extra-small": "xs",
               "2x-large": "2xl", "3x-large": "3xl", "4x-large": "4xl", "5x-large": "5xl"}
BED_SIZES = ("california king", "twin xl", "twin", "queen", "king", "full")
