"""Names of a product's parts that carry its material."""

from __future__ import annotations

from knowledge.extraction.types import singular

# the body, shell and main parts of a thing, which carry its material ("leather upper",
# "aluminum chassis", "wooden handle"); not small fittings ("nylon zippers", "metal buckle",
# "silicone seal"), which labellers leave out
MATERIAL_PARTS = frozenset({
    "upper", "footbed", "midsole", "sole", "outsole", "insole", "lining", "body", "chassis",
    "housing", "casing", "shell", "bezel", "band", "core", "tire", "rail", "top", "construction",
    "build", "exterior", "interior", "shade", "head", "part", "piece", "bead", "sleeve",
    "binding", "surface", "cover", "gore", "bar", "end", "holder", "block", "connector",
    "bearing", "side", "back", "neck", "handle", "base", "blade", "frame", "leg", "wheel",
    "tip", "bristle", "lens", "strap"})


def is_material_part(word: str) -> bool:
    """True for a main part that carries a material ("upper", "frames", "handles")."""
    low = word.lower()
    return low in MATERIAL_PARTS or singular(low) in MATERIAL_PARTS
