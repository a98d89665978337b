"""Singular forms of words, as the scorer and the type lexicon compare them."""

from __future__ import annotations

_IRREGULAR = {"knives": "knife", "shelves": "shelf", "wolves": "wolf", "scarves": "scarf",
              "hooves": "hoof", "loaves": "loaf", "halves": "half", "calves": "calf",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose"}


def singular(word: str) -> str:
    """Singular form of one lower-case word, as the scorer and the lexicon compare them."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "series", "species", "lens")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word
