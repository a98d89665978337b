"""The product's amounts as a brief states them: its total weight and its piece count.

"Weight: 1.9 lbs." -> weight 862 (g); "only 14 oz total" -> weight 397 g; "Set of 6" and
"Package includes: 4 coasters" -> count 6 and count 4 (the coasters of a set of coasters).
A weight counts only as the product's total (labelled, "weighs", "N total"), never one per
piece, a range, a load or a part's; a count of the noun a pack size counts ("Cork Coasters
Set of 6" counts coasters) counts only where no "each", "per", "spare", option or unit
qualifies it, and a multiple of the pack size ("2 pack, 12 coasters") may be packs of six.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.creatives.attribute_values import (
    GENERAL,
    NUMBER,
    OPTIONS,
    Stated,
    clauses,
    label_of,
    number,
    said_of_product,
)

__all__ = ["counts", "weights"]


# weight: the product's total in grams
_GRAMS = {"g": 1.0, "gram": 1.0, "grams": 1.0, "kg": 1000.0, "kilogram": 1000.0,
          "kilograms": 1000.0, "oz": 28.35, "ounce": 28.35, "ounces": 28.35, "lb": 453.6,
          "lbs": 453.6, "pound": 453.6, "pounds": 453.6}
_MASS = re.compile(r"(?i)(?<![\d.,/-])(?P<n>\d+(?:\.\d+)?)\s?(?P<u>kilograms?|kg|grams?|g|ounces?|"
                   r"oz|lbs?|pounds?)\b\.?(?!\s*(?:-|to|~)\s*\d)(?![/\u00b2])")
_WEIGHT_LABELS = frozenset({"weight", "item weight", "total weight", "product weight",
                            "unit weight", "overall weight", "wt", "wt."})
_NET_LABELS = frozenset({"net weight", "net wt", "net wt.", "net"})
_LIGHT = GENERAL | {"approx", "approx.", "approximately", "about", "only", "just", "~", "ca",
                     "weighs", "weighing", "ultralight", "lightweight", "light", "at", "total"}
_NOT_TOTAL = re.compile(r"(?i)\s*(?:\(|each|per|apiece|/|with|w/|incl|including|packed|empty|"
                        r"filled|loaded|without|max|capacity|load)")


def weights(clause: str, start: int) -> Iterator[Stated]:
    """The product's total weight: "Weight: 1.9 lbs.", "weighs 2 kg", "only 14 oz total"."""
    for m in _MASS.finditer(clause):
        if re.search(r"(?i)\bfl\.?\s*$", clause[:m.start("u")]) or _NOT_TOTAL.match(
                clause, m.end()):
            continue
        total = re.compile(r"\s*total\b").match(clause, m.end())
        lead = clause[:m.start()]
        label = label_of(lead)
        named = label.group("label").strip().lower() if label else ""
        kind = "net weight" if named in _NET_LABELS else "weight"
        if (named or total or re.search(r"(?i)\bweigh", lead)) and said_of_product(
                clause, m.start(), _WEIGHT_LABELS | _NET_LABELS, _LIGHT):
            grams = float(m.group("n")) * _GRAMS[m.group("u").lower()]
            end = total.end() if total else m.end()
            yield Stated(kind, grams, clause[:end].strip(), start + m.start())
        break  # only a clause's first weight can be the product's


# count: the pack size of the product, and counts of the product's own noun
_PACK = re.compile(r"(?i)\b(?:(?P<a>\d+)[- ]?(?:pack|pk)\b(?!\s*(?:each|per|of))|"
                   r"(?:pack|set|box) of (?P<b>\d+)\b(?![.,]\d)(?!\s*(?:each|per|\"|''|-in\b|in\.|"
                   r"inch|mm|cm|ft|oz|x\b|volt|v\b)))")
_NOT_NOUN = frozenset({"with", "w", "in", "of", "for", "and", "the", "assorted", "pack", "set",
                       "box", "includes", "piece", "pieces", "pcs", "holder", "each"})
_COUNT_LABELS = frozenset({"package includes", "includes", "package contents", "contents",
                           "in the box", "what you get", "you get", "set includes",
                           "kit includes", "what's included", "included", "qty", "quantity"})
_COUNT_LEAD = GENERAL | {"includes", "including", "include", "comes", "contains", "you", "get",
                          "set", "of", "pack", "box", "package", "bag", "tin", "jar", "tube",
                          "holds"}


def _singular(word: str) -> str:
    """A noun without its plural ending ("coasters" -> "coaster", "boxes" -> "box")."""
    word = word.lower()
    return word[:-2] if word.endswith("es") and word[-3:-2] in "sxz" else word.rstrip("s")


def _pack_nouns(text: str, m: re.Match[str]) -> set[str]:
    """The nouns a pack size counts: the word before it, or the words after it."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[:m.start()])
    after = re.match(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?", text[m.end():])
    words = [before.group(1)] if before else []
    words += [w for w in (after.groups() if after else ()) if w]
    return {_singular(w) for w in words if w.lower() not in _NOT_NOUN and len(w) > 2}


_NOUN_COUNT = re.compile(rf"(?i)(?<![\w.,/-]){NUMBER}(?P<w>(?:\s+[A-Za-z]+){{1,3}})")
_SPARE = frozenset({"spare", "extra", "bonus", "replacement", "free", "for", "per", "of", "in",
                    "with", "each", "and", "or", "to"})


_UNITS = frozenset({"in", "inch", "inches", "ft", "feet", "foot", "mm", "cm", "m", "oz", "lb",
                    "lbs", "g", "kg", "ml", "l", "mil", "yd", "yds", "gauge", "pcs", "pc", "ct",
                    "count", "piece", "pieces", "x", "pack", "pk", "sets", "packs"})


# a size word before the noun counts some of the set's items, not all
_SUBSET = re.compile(r"(?i)\s+(?:large|small|medium|big|mini|larger|smaller|tiny|jumbo)\b")


def _noun_count(clause: str, m: re.Match[str], nouns: set[str]) -> int | None:
    """Where a count of one of ``nouns`` ends ("4 coasters", "2 wine glasses"), else None."""
    at, end = m.start("w"), None
    for word in re.finditer(r"[A-Za-z]+", m.group("w")):
        if word.group(0).lower() in _SPARE or word.group(0).lower() in _UNITS:
            break  # "1 spare coaster", "6 per pack": another count
        if _singular(word.group(0)) not in nouns:
            if end is not None:
                break
            continue
        end = at + word.end()  # "2 wine glasses": on to the last noun
    if end is None or re.match(r"\s*(?:each|per)\b", clause[end:]):
        return None
    head = re.match(r"[ \t]+([a-z]+s)\b", clause[end:])  # "50 juice labels" counts labels
    if head is not None and _singular(head.group(1)) not in nouns:
        return None
    return end


def counts(text: str) -> list[Stated]:
    """The product's piece count: each pack size, and each count of the noun it counts."""
    packs = [m for m in _PACK.finditer(text) if not _part_line(text, m.start())
             and not OPTIONS.search(_clause_of(text, m.start()))]
    sizes = [float(m.group("a") or m.group("b")) for m in packs]
    found = [Stated("count", n, m.group(0), m.start()) for n, m in zip(sizes, packs, strict=True)]
    nouns = set().union(*(_pack_nouns(text, m) for m in packs)) if packs else set()
    for clause, start in clauses(text) if nouns else ():
        if OPTIONS.search(clause) and not re.search(r"(?i)\bincludes?\b", clause):
            continue
        for m in _NOUN_COUNT.finditer(clause):
            end = _noun_count(clause, m, nouns)
            if end is None or any(p.start() <= start + m.start() < p.end() for p in packs):
                continue
            if m.group("n").lower() in ("a", "an") or _SUBSET.match(m.group("w")):
                continue  # "A hypoallergenic pillow insert", "2 large bins": some of them
            n = number(m.group("n"))
            if said_of_product(clause, m.start(), _COUNT_LABELS, _COUNT_LEAD) and not any(
                    n > size and n % size == 0 for size in sizes):
                found.append(Stated("count", n, clause[m.start():end], start + m.start()))
    return found


def _clause_of(text: str, at: int) -> str:
    """The clause of :func:`clauses` that holds position ``at``."""
    return next((c for c, s in clauses(text) if s <= at < s + len(c)), "")


def _part_line(text: str, at: int) -> bool:
    """True when ``at`` sits on a spec line labelled with a part ("Refills: 2 pack")."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    label = label_of(line)
    return label is not None and label.group("label").strip().lower() not in _COUNT_LABELS
