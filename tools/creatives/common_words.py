"""Whether a brief's capitalised first word is an ordinary word or a brand.

"Bamboo cutting board", "Stainless steel bottle": shoppers' queries (QueryNER) and real
listings (ESCI) use these words as words; "Hydra" is unknown and "Nike" is a brand. Moved
out of :mod:`tools.creatives.brief_text` unchanged.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import QUERYNER

__all__ = ["common_word"]

_COMMON_STARTS = {"clear", "new", "the", "our", "this", "black", "white", "red", "blue", "green",
                  "small", "large", "big", "mini", "heavy", "light", "soft", "hard", "electric",
                  "wireless", "portable", "adjustable", "organic", "natural", "kids", "women",
                  "men", "baby", "solar", "smart", "folding", "automatic", "orthopedic",
                  "qty", "quantity", "approx", "set", "pack", "pair", "box", "lot", "best",
                  "hot", "super", "top", "sale", "premium", "cute", "great", "perfect", "size",
                  "item", "product", "one", "two", "three", "four", "five", "six", "ten"}


def common_word(word: str) -> bool:
    """True when a capitalised first word is an ordinary word, not a brand.

    "Bamboo cutting board", "Stainless steel bottle", "Vintage style clock": shoppers'
    queries use these words as words (QueryNER), or they are materials; "Hydra" is unknown
    and "Nike" is used as a brand.
    """
    low = word.lower()
    if low in _COMMON_STARTS or find_terms(low, material_items()):
        return True
    as_brand, as_word = _query_word_uses().get(low, (0, 0))
    if as_word > as_brand:
        return True
    if as_brand > as_word:
        return False
    # never a brand in the queries: a word that real listings write in lower case ("slow
    # feeder", "pry bar"), or a participle ("Remanufactured", "Refurbished"), is a word
    in_text, as_maker = _listing_word_uses().get(low, (0, 0))
    return in_text >= 2 and in_text > 2 * as_maker or bool(_PARTICIPLE.search(low))


_PARTICIPLE = re.compile(r"^[a-z]{5,}(?:ed|able|ible|less|proof)$")
ESCI_PRODUCTS = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "esci" / \
    "products.jsonl.gz"


@lru_cache(maxsize=1)
def _listing_word_uses() -> dict[str, tuple[int, int]]:
    """Each word of the real listings: (times written in lower case mid-text, times a brand)."""
    uses: dict[str, list[int]] = {}
    if ESCI_PRODUCTS.is_file():
        with gzip.open(ESCI_PRODUCTS, "rt", encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                text = " ".join(str(row.get(k) or "") for k in (
                    "product_title", "product_description", "product_bullet_point"))
                for w in re.findall(r"(?<=[a-z,] )[a-z]+", text):
                    uses.setdefault(w, [0, 0])[0] += 1
                for w in str(row.get("product_brand") or "").lower().split():
                    uses.setdefault(w, [0, 0])[1] += 1
    return {w: (t, b) for w, (t, b) in uses.items()}


@lru_cache(maxsize=1)
def _query_word_uses() -> dict[str, tuple[int, int]]:
    """Each word of the real shopping queries: (times tagged a brand, times tagged otherwise)."""
    uses: dict[str, list[int]] = {}
    if QUERYNER.is_file():
        for line in QUERYNER.open(encoding="utf-8"):
            row = json.loads(line)
            for tok, label in zip(row["tokens"], row["labels"], strict=False):
                uses.setdefault(tok.lower(), [0, 0])[0 if label.endswith("creator") else 1] += 1
    return {w: (b, o) for w, (b, o) in uses.items()}
