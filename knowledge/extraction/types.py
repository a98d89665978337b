"""Product type from a title: the known product-type phrase at the head of the first title part.

Known types come from real shopping queries (QueryNER's ``core_product_type`` spans, shipped in
knowledge/nlp/data), the knowledge graph's product heads and the demo taxonomy. A title is cut
into parts ("Brand Water Bottle with Straw, 32 oz - Blue" -> "Brand Water Bottle"); trailing
colours, sizes and codes are dropped and the longest known phrase ending at the head word wins.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from knowledge.extraction.vocab import APPAREL, AUDIENCES, COLORS, NAMED_SIZES

_HERE = Path(__file__).resolve().parent.parent
QUERYNER = _HERE / "nlp" / "data" / "queryner_train.jsonl"
SEED = _HERE / "graph" / "seed" / "products.jsonl"
TAXONOMY = _HERE / "demo" / "taxonomy.json"
GENERIC = frozenset({"gift", "accessory", "item", "product", "stuff", "thing", "set", "kit", "pack",
                     "bundle", "collection", "series", "edition", "version", "design", "style",
                     "new", "best", "premium", "original", "classic", "quality", "decoration",
                     "supply", "tool", "top", "home", "kitchen", "office", "outdoor", "indoor"})
_NOISE = frozenset({"size", "pack", "pcs", "pc", "count", "us", "one", "piece", "pieces", "inch",
                    "oz", "ounce", "small", "medium", "large", "extra", "xl", "regular", "petite",
                    "big", "tall", "plus", "wide", "narrow", "mini", *NAMED_SIZES, *APPAREL})
_SPLIT = re.compile(r"\s[-–—|]\s|[,(\[|:;【]|\s-(?=\S)|\.\s")
_CUT = re.compile(r"\s(?:with|for|w/|by|featuring|compatible|including|includes|in|and|&|from|"
                  r"made|fits|that)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")


def singular(word: str) -> str:
    """Singular form of one lower-case word, as the scorer and the lexicon compare them."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def normal(phrase: str) -> tuple[str, ...]:
    """A phrase as lower-case singular words ("Water Bottles" -> ("water", "bottle"))."""
    return tuple(singular(w.lower().strip("'’")) for w in re.split(r"[\s_]+", phrase.strip()) if w)


@lru_cache(maxsize=1)
def type_lexicon() -> frozenset[tuple[str, ...]]:
    """Every known product-type phrase, as :func:`normal` word tuples."""
    phrases: set[str] = set()
    if QUERYNER.is_file():
        for line in QUERYNER.open(encoding="utf-8"):
            row = json.loads(line)
            phrases.update(e["text"] for e in row.get("entities", [])
                           if e.get("type") == "core_product_type")
    if SEED.is_file():
        for line in SEED.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("head_type") == "product":
                phrases.add(row["head"])
    if TAXONOMY.is_file():
        for spec in json.loads(TAXONOMY.read_text())["categories"].values():
            phrases.update(spec["types"])
    out = {normal(p) for p in phrases if 2 < len(p) < 40}
    return frozenset(t for t in out if t and t[-1] not in GENERIC and t[-1] not in AUDIENCES
                     and t[-1] not in COLORS and not any(c.isdigit() for c in t[-1]))


def _parts(title: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for match in _SPLIT.finditer(title + ","):
        out.append((start, title[start:match.start()]))
        start = match.end()
    return [(s, p) for s, p in out if p.strip()]


def _head_words(part: str) -> list[tuple[str, int, int]]:
    cut = _CUT.search(part)
    part = part[:cut.start()] if cut else part
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(part)]
    while words and (any(c.isdigit() for c in words[-1][0]) or words[-1][0].lower() in _NOISE
                     or words[-1][0].lower() in COLORS or words[-1][0].isupper() and
                     len(words[-1][0]) <= 3):
        words.pop()
    return words


def find_type(title: str) -> tuple[str, int, int] | None:
    """(type, start, end) in ``title``: the longest known type phrase ending at a part's head."""
    lexicon = type_lexicon()
    fallback: tuple[str, int, int] | None = None
    for offset, part in _parts(title)[:3]:
        words = _head_words(part)
        norm = [singular(w.lower().strip("'’")) for w, _, _ in words]
        for end in range(len(words), 0, -1):
            for n in (3, 2, 1):
                if end - n >= 0 and tuple(norm[end - n:end]) in lexicon:
                    first, last = words[end - n], words[end - 1]
                    if end == len(words) or fallback is None:
                        found = (" ".join(norm[end - n:end]), offset + first[1], offset + last[2])
                        if end == len(words):
                            return found
                        fallback = fallback or found
                    break
        if fallback:
            return fallback
    return fallback
