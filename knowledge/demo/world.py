"""The demo world: the taxonomy plus the hand-written detail that makes it realistic."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

TAXONOMY = Path(__file__).with_name("taxonomy.json")

# Features a product type almost always has (probability), beyond random draws.
TYPE_FEATURES: dict[str, dict[str, float]] = {
    "running shoes": {"cushioned": 0.8, "breathable": 0.7, "lightweight": 0.6, "reflective": 0.3},
    "walking shoes": {"cushioned": 0.6, "arch-support": 0.5, "slip-resistant": 0.4,
                      "wide-fit": 0.35},
    "slip-on shoes": {"easy-on": 0.8, "slip-resistant": 0.5, "wide-fit": 0.4, "memory-foam": 0.4},
    "hiking boots": {"waterproof": 0.8, "durable": 0.0, "arch-support": 0.4},
    "work shoes": {"slip-resistant": 0.8, "non-marking": 0.4, "cushioned": 0.4},
    "slippers": {"memory-foam": 0.6, "easy-on": 0.6, "slip-resistant": 0.3},
    "sandals": {"lightweight": 0.5, "arch-support": 0.3},
    "maternity leggings": {"stretch": 0.95, "adjustable-waist": 0.7, "breathable": 0.3},
    "maternity dress": {"stretch": 0.9, "adjustable-waist": 0.5, "breathable": 0.4},
    "running shorts": {"moisture-wicking": 0.8, "quick-dry": 0.6, "reflective": 0.3},
    "rain jacket": {"waterproof": 0.95, "breathable": 0.4},
    "base layer": {"thermal": 0.8, "moisture-wicking": 0.6},
    "compression socks": {"stretch": 0.7, "moisture-wicking": 0.5},
    "baby bowls": {"bpa-free": 0.8, "suction-base": 0.6, "dishwasher-safe": 0.6},
    "baby bottles": {"bpa-free": 0.9, "easy-clean": 0.5},
    "teether": {"bpa-free": 0.8, "non-toxic": 0.7},
    "stroller": {"foldable": 0.8, "lightweight": 0.5, "adjustable": 0.4},
    "crib sheet": {"organic-cotton": 0.7, "hypoallergenic": 0.5},
    "tent": {"waterproof": 0.85, "quick-setup": 0.5, "lightweight": 0.4},
    "sleeping bag": {"insulated": 0.8, "packable": 0.6, "lightweight": 0.4},
    "headlamp": {"rechargeable": 0.7, "waterproof": 0.4, "lightweight": 0.4},
    "backpack": {"lightweight": 0.5, "durable": 0.5, "waterproof": 0.3},
    "yoga mat": {"non-slip": 0.85, "eco-friendly": 0.4, "extra-thick": 0.4, "latex-free": 0.3},
    "water bottle": {"insulated": 0.7, "bpa-free": 0.7},
    "prenatal yoga ball": {"non-slip": 0.5, "latex-free": 0.6},
    "fitness tracker": {"heart-rate-monitor": 0.8, "sweat-proof": 0.6},
    "frying pan": {"non-stick": 0.85, "induction-compatible": 0.5, "oven-safe": 0.4},
    "dutch oven": {"oven-safe": 0.9, "induction-compatible": 0.5},
    "food storage containers": {"leak-proof": 0.7, "bpa-free": 0.6, "microwave-safe": 0.5},
    "meal prep containers": {"leak-proof": 0.7, "microwave-safe": 0.6, "bpa-free": 0.5},
    "wireless headphones": {"wireless": 0.95, "noise-cancelling": 0.6, "long-battery": 0.5},
    "gaming mouse": {"rgb": 0.7, "programmable-buttons": 0.7, "low-latency": 0.6, "ergonomic": 0.4},
    "mechanical keyboard": {"rgb": 0.7, "programmable-buttons": 0.4},
    "gaming headset": {"hd-microphone": 0.8, "low-latency": 0.5, "rgb": 0.4},
    "power bank": {"fast-charging": 0.8, "long-battery": 0.6},
    "office chair": {"ergonomic": 0.85, "lumbar-support": 0.7, "breathable": 0.4},
    "standing desk": {"adjustable-height": 0.95, "cable-management": 0.4},
    "desk lamp": {"dimmable": 0.8, "eye-care": 0.6},
    "seat cushion": {"memory-foam": 0.9, "ergonomic": 0.5},
    "footrest": {"ergonomic": 0.6, "memory-foam": 0.4},
    "laptop stand": {"foldable": 0.6, "adjustable-height": 0.6},
    "stretch mark cream": {"pregnancy-safe": 0.9, "fragrance-free": 0.6, "paraben-free": 0.5},
    "sunscreen": {"spf-50": 0.8, "reef-safe": 0.5, "sensitive-skin": 0.3},
    "face moisturizer": {"hypoallergenic": 0.5, "fragrance-free": 0.4, "sensitive-skin": 0.4},
    "dog bed": {"orthopedic": 0.6, "washable": 0.7},
    "chew toy": {"chew-resistant": 0.8, "non-toxic": 0.6},
    "dog leash": {"reflective": 0.6, "durable": 0.5},
    "dog harness": {"adjustable": 0.8, "reflective": 0.5},
}

# Features any product of a category may plausibly have (random extras come from here).
GENERIC_FEATURES: dict[str, list[str]] = {
    "shoes": ["lightweight", "breathable", "cushioned", "non-marking"],
    "clothing": ["breathable", "stretch", "quick-dry", "wrinkle-free"],
    "baby": ["easy-clean", "non-toxic", "lightweight"],
    "outdoor": ["durable", "lightweight", "packable"],
    "fitness": ["lightweight", "adjustable", "sweat-proof"],
    "kitchen": ["dishwasher-safe", "stainless"],
    "electronics": ["wireless", "long-battery", "ergonomic"],
    "home_office": ["ergonomic", "foldable"],
    "beauty": ["vegan", "cruelty-free", "paraben-free"],
    "pets": ["durable", "washable", "non-toxic"],
}

# Price ranges of types far cheaper than their category's range.
TYPE_PRICE: dict[str, tuple[float, float]] = {
    "desk lamp": (18, 90), "desk organizer": (10, 45), "seat cushion": (20, 70),
    "footrest": (20, 80), "monitor stand": (20, 90), "laptop stand": (20, 80),
    "headlamp": (15, 60), "trekking poles": (25, 120), "camping chair": (25, 120),
    "jump rope": (8, 30), "resistance bands": (10, 40), "water bottle": (10, 45),
    "cutting board": (12, 60), "chef knife": (20, 150), "usb-c charger": (12, 60),
    "webcam": (30, 150), "lip balm": (3, 12), "chew toy": (5, 25), "pet bowl": (8, 35),
    "dog leash": (10, 40), "teether": (6, 20), "baby bowls": (8, 30), "crib sheet": (15, 45),
    "compression socks": (10, 35), "t-shirt": (10, 40), "slippers": (15, 60),
    "sandals": (20, 80), "kids sneakers": (20, 70), "kids pajamas": (12, 40),
}

# How shoppers of each persona name themselves in queries ("shoes for <phrase>").
AUDIENCE_PHRASES: dict[str, list[str]] = {
    "expecting_mother": ["pregnant women", "pregnancy", "expecting moms", "moms to be",
                         "maternity"],
    "new_parent": ["newborn", "baby", "toddler", "infants", "new parents"],
    "runner": ["running", "runners", "marathon training", "jogging", "a new runner"],
    "camper": ["camping", "hiking", "backpacking", "the outdoors", "a camping trip"],
    "office_worker": ["the office", "work from home", "long desk days", "home office"],
    "gamer": ["gaming", "gamers", "esports", "streaming"],
    "home_cook": ["cooking", "home cooks", "meal prep", "a chef"],
    "yogi": ["yoga", "pilates", "hot yoga", "stretching"],
    "pet_owner": ["my dog", "a puppy", "my cat", "pets"],
    "senior": ["elderly", "seniors", "grandma", "older adults", "arthritis"],
    "student": ["college", "students", "a dorm room", "school"],
    "skincare_sensitive": ["sensitive skin", "eczema", "allergy prone skin"],
}

AUDIENCE_OF_TYPE = {"maternity leggings": "women", "maternity dress": "women",
                    "kids sneakers": "kids", "kids pajamas": "kids", "prenatal yoga ball": "women"}
GENDERED = ("shoes", "clothing")


@cache
def taxonomy() -> dict[str, Any]:
    """The categories, personas, brands and colours of the demo world."""
    data: dict[str, Any] = json.loads(TAXONOMY.read_text())
    return data


def category_noun(category: str) -> str:
    """How shoppers name a category in a query."""
    return {"home_office": "office furniture", "baby": "baby products", "outdoor": "camping gear",
            "fitness": "fitness gear", "kitchen": "kitchen tools", "beauty": "skincare",
            "pets": "pet supplies", "electronics": "electronics"}.get(category, category)
