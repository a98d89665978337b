"""The title's product type, read with the listing's colour name and brand left out."""

from __future__ import annotations

from knowledge.extraction.context import brand_spans
from knowledge.extraction.finders import find_colors
from knowledge.extraction.types import Tagger, find_type


def type_outside_names(title: str, color: str | None, brand: str | None,
                        tagger: Tagger | None) -> tuple[str, int, int] | None:
    """The title's type, read with the listing's colour name and brand left out.

    "Mini Short Skirt 2021 Wine Medium" (colour "Wine"), "Defense Duffel Onix Jersey/Black"
    (colour "Onix Jersey/Black"), "TUFT & NEEDLE - Original Foam Mattress" (brand "Tuft &
    Needle"): a type word inside a colour or brand name names that, not the item.
    """
    found = find_type(title, tagger, fallback=False, guess=True, joined=True)
    # a colour name: one word ("Wine") or words holding a basic colour ("Onix Jersey/Black");
    # not a variant field holding the item's own name ("Hair Clips")
    named = bool(color) and (len(str(color).split()) == 1 or bool(find_colors(str(color))))
    colours = brand_spans(title, color) if named else []
    if not found:  # "Pencil Skirt Dark Green,L", "Leggings Very Black": the item before it
        return find_type(masked(title, colours), tagger, fallback=False, guess=True,
                         joined=True) if colours else None
    brands = brand_spans(title, brand)
    if not any(s < found[2] and found[1] < e for s, e in colours + brands):
        return found
    again = find_type(masked(title, colours + brands), tagger, fallback=False, guess=True,
                      joined=True)
    if again is None and not any(s < found[2] and found[1] < e for s, e in colours):
        return found  # "Torino Pro Wave Brushes By Brush King": the brand names the item too
    return again


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span blanked out (same length, so offsets hold)."""
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text
