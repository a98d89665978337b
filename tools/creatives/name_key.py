"""A brief's first line that opens on the product's name as its label ("Mancala set: ...").

"reversible gilet: quilted navy nylon on one side, grey fleece on the other" names the
product before the colon: read as a spec line ("Size: M") it left the brief with no name
(the no-product template), or let a later included part name it ("Rules card in English
& Spanish" for a Mancala set). Only a two-word label ending on a plain noun that names no
property or part ("Battery life:", "Outer fabric:", "Blade length:") is such a name.
"""

from __future__ import annotations

import re

from tools.creatives.brief_text import SPEC_KEY
from tools.creatives.word_classes import plain_noun

# last words of a two-word spec label, a part or a property, never what is sold
LABEL_ENDS = frozenset({
    "size", "sizes", "weight", "dimensions", "dimension", "material", "materials", "colour",
    "colours", "color", "colors", "capacity", "life", "time", "type", "origin", "options",
    "option", "instructions", "care", "includes", "contents", "features", "feature",
    "details", "specs", "specifications", "range", "level", "length", "width", "height",
    "depth", "thickness", "diameter", "rating", "power", "voltage", "speed", "style", "fit",
    "finish", "model", "number", "compatibility", "warranty", "note", "notes", "info",
    "information", "use", "usage", "ingredients", "scent", "flavour", "flavor", "age",
    "count", "quantity", "price", "shipping", "delivery", "pattern", "design", "shape",
    "fabric", "lining", "fill", "filling", "sole", "closure", "mount", "battery", "output",
    "input", "interior", "exterior", "construction", "frame", "base", "top", "handle",
    "blade", "cover", "body", "shell", "strap", "straps", "lid", "cord", "cable", "case",
    "motor", "movement", "bulb", "seed", "sleeve", "sleeves", "composition", "content",
    "description", "overview", "highlights", "box", "package", "packaging", "pack", "label",
    "method", "mode", "modes", "system", "technology", "certification", "standard",
    "temperature", "resistance", "protection", "grade", "weave", "texture", "profile",
    "points", "tip", "tips", "head", "heads", "insole", "upper", "outsole", "liner",
    # a shop's message, no product: "Holiday hours:", "Shop update:", "Sizing help:"
    "notice", "update", "updates", "hours", "help", "announcement", "news", "reminder",
    "policy", "sale", "offer", "message", "alert", "faq", "reminders", "event"})
SETS = frozenset({"set", "kit", "bundle", "collection"})  # "Mancala set: board, stones"
OPENERS = frozenset({"the", "a", "an", "our", "your", "my", "this", "key", "main", "product",
                     "item", "other", "extra", "more", "please", "note", "what", "why", "how"})
_KEY = re.compile(r"^\s*([A-Za-z][a-z-]*) ([a-z][a-z-]*)\s?:\s*(?=\S)")


def name_key(piece: str) -> int | None:
    """Where the value starts when ``piece`` is "<product name>: <facts>", else None."""
    m = _KEY.match(piece)
    if m is None or SPEC_KEY.match(m.group(1)) or m.group(2) in LABEL_ENDS:
        return None
    if m.group(1).lower() in OPENERS or not (plain_noun(m.group(2)) or m.group(2) in SETS):
        return None
    return m.end()
