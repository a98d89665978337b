"""Benefit wording for catalogue features: plain phrases that add no further claims.

Each phrase explains what a feature does for the shopper without naming any other
feature, material or audience (a test runs the claim lexicon over them to keep it so).
"""

from __future__ import annotations

BENEFITS: dict[str, str] = {
    "slip-resistant": "steady footing on slick floors",
    "cushioned": "a soft landing with every step",
    "breathable": "air flows through to keep you cool",
    "waterproof": "keeps the wet out when the weather turns",
    "wide-fit": "room for your toes all day",
    "arch-support": "support under the arch where it counts",
    "lightweight": "easy to carry and easy to wear",
    "memory-foam": "shapes itself to you for lasting comfort",
    "non-marking": "leaves clean floors behind",
    "reflective": "easier to spot after dark",
    "easy-on": "on and off in seconds",
    "orthopedic": "designed to ease pressure on joints",
    "stretch": "moves with you, not against you",
    "moisture-wicking": "pulls sweat away so you stay dry",
    "organic-cotton": "grown and made with care",
    "quick-dry": "dries fast after a wash or a workout",
    "thermal": "holds warmth in on cold days",
    "wrinkle-free": "looks neat straight out of the bag",
    "adjustable-waist": "a waistband that adapts as you need",
    "hypoallergenic": "gentle for easily irritated skin",
    "bpa-free": "made without BPA",
    "suction-base": "stays put on the table at mealtimes",
    "dishwasher-safe": "cleans up in the dishwasher",
    "foldable": "folds flat for storage and travel",
    "non-toxic": "made with safe materials",
    "easy-clean": "wipes clean in moments",
    "adjustable": "adjusts for the right fit",
    "insulated": "keeps the temperature where you want it",
    "packable": "packs down small",
    "windproof": "blocks gusts on exposed ground",
    "rechargeable": "charge it up instead of buying batteries",
    "uv-resistant": "holds up under strong sun",
    "durable": "built to last through hard use",
    "quick-setup": "ready to use in minutes",
    "non-slip": "stays in place while you move",
    "eco-friendly": "a kinder choice for the planet",
    "extra-thick": "extra cushioning between you and the floor",
    "sweat-proof": "shrugs off a hard session",
    "latex-free": "made without latex",
    "heart-rate-monitor": "tracks your heart rate as you go",
    "non-stick": "food slides right off",
    "induction-compatible": "works on induction hobs",
    "oven-safe": "goes from hob to oven",
    "stainless": "resists rust and stains",
    "programmable": "set it once and let it run",
    "leak-proof": "seals tight so nothing spills",
    "microwave-safe": "heats up in the microwave",
    "noise-cancelling": "shuts out the noise around you",
    "wireless": "no cables to get in the way",
    "rgb": "lighting you can tune to your setup",
    "low-latency": "responds the instant you do",
    "fast-charging": "back to full power quickly",
    "long-battery": "goes for hours between charges",
    "ergonomic": "shaped to reduce strain",
    "hd-microphone": "your voice comes through clearly",
    "programmable-buttons": "buttons you can map to your moves",
    "lumbar-support": "support for the lower back",
    "adjustable-height": "sets to the height that suits you",
    "dimmable": "light levels to suit the moment",
    "eye-care": "easier on the eyes over long hours",
    "cable-management": "keeps cables tidy and out of sight",
    "fragrance-free": "no added scent",
    "pregnancy-safe": "formulated with expecting mums in mind",
    "reef-safe": "formulated with the ocean in mind",
    "spf-50": "high protection from the sun",
    "vegan": "no animal-derived ingredients",
    "paraben-free": "made without parabens",
    "sensitive-skin": "formulated for delicate skin",
    "cruelty-free": "never tested on animals",
    "washable": "goes straight in the wash",
    "chew-resistant": "stands up to determined chewers",
    "compact": "takes up little space",
}


def benefit(feature: str) -> str:
    """Return the benefit phrase for a feature (a generic one when the feature is unknown)."""
    return BENEFITS.get(feature.lower(), "a detail that makes a difference every day")


def label(term: str) -> str:
    """Return a feature as a bullet label: "slip-resistant" -> "Slip-Resistant"."""
    return "-".join(part[:1].upper() + part[1:] for part in term.split("-")).replace(
        "Bpa", "BPA").replace("Rgb", "RGB").replace("Hd", "HD").replace("Spf", "SPF").replace(
        "Uv", "UV")
