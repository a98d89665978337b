"""Packaging named after a quantity: the container a product ships in, not the product.

"Gummi Bears, 5 Pound Bag", "cat treats, 44 pouches", "Hand Cream Value Size, 6.8 ounce Jar",
"Tortilla Chips - 6Count, 4.5 Oz Bags", "Coupling ... (10 Unit Bag)": a container noun right
after a number (and its unit) says how the goods are packed. The product is named elsewhere
in the title, or not at all; the container never is (a "Paper Lunch Bag" or "Plastic Jars"
names no quantity right before the noun and stays the type).
"""

from __future__ import annotations

import re

# containers goods are packed in (a case or a box is often the product itself: not listed)
CONTAINERS = frozenset({"bag", "pouch", "jar", "tub", "can", "bottle", "carton", "canister",
                        "packet", "sachet", "bucket", "pail", "tin"})
# a number, its unit and a packing word right before the container ("5 Pound", "6.8 ounce",
# "44", "10 Unit", "3 lb bulk", "1")
_QUANTITY = re.compile(r"\d(?:[\d.,/]*\d)?\s*-?\s*(?:(?:fl\.?\s*)?oz\.?|ounces?|pounds?|lbs?\.?|"
                       r"kg|g|grams?|ml|liters?|litres?|l|count|ct|units?|servings?)?"
                       r"\s*(?:bulk|value|resealable|individual|single|re-?sealable)?\s*$",
                       re.IGNORECASE)


def packaged(title: str, value: str, start: int) -> int | None:
    """Where the quantity before a container type starts ("5 Pound Bag" -> at "5"), or None.

    ``value`` is the one-word type found at ``start``; None when it is no container or no
    quantity stands right before it.
    """
    if value not in CONTAINERS:
        return None
    left = max(0, start - 24)
    found = _QUANTITY.search(title[left:start])
    return left + found.start() if found else None

