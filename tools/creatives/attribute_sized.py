"""A weight or a capacity written before the noun it measures: "20 lb cast iron kettlebell".

"20 lb cast iron kettlebell" gives the kettlebell's weight (9,072 g), so beside "Weight: 35
lb" the brief contradicts itself; "30 lb bag" of a dog food gives what the bag holds (its net
weight), so beside "Net wt: 15 lb" it does too. "Tilt-head stand mixer with 5-quart stainless
bowl" gives the bowl's capacity (4,730 ml), so beside "Bowl capacity: 3.5 qt" it clashes; "2
qt" and "64 oz" agree. Numbers may be words ("two-quart").

Read only where the noun is the product's own (its head noun) or, for a capacity, one named
part said in the singular: never a set's items ("10 lb dumbbells", "1 qt, 2 qt and 3 qt
bowls"), a brief of packs or pieces ("2 x 15 lb bags", "pack of 2"), a bound ("holds up to 15
lb", "fits a 5 qt bowl"), one per piece or an option ("5 or 6 qt").
"""

from __future__ import annotations

import re

from tools.creatives.attribute_counts import NUMBER_WORDS, number_of
from tools.creatives.attribute_measures import head_noun
from tools.creatives.attribute_slots import UNITS, singular
from tools.creatives.attribute_values import OPTIONS, Stated, clauses

__all__ = ["sized_nouns"]

_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
_NUM = rf"(?P<n>\d+(?:\.\d+)?|{_WORDS})"
# attribute_slots.UNITS's factors; "oz" before a capacity's noun is the fluid ounce
_GRAMS = {u: UNITS[u][1] for u in ("lb", "lbs", "pounds", "kg")} | {"pound": UNITS["lb"][1]}
_ML = {u: UNITS[u][1] for u in ("ml", "l", "liter", "liters", "litre", "litres", "fl oz", "qt",
                                "quart", "quarts", "gal", "gallon", "gallons")} | \
    {"oz": UNITS["fl oz"][1]}


def _units(table: dict[str, float]) -> str:
    """The unit names of ``table`` as one alternation, longest first."""
    return "|".join(sorted((re.escape(u) for u in table), key=len, reverse=True))


# a number, its unit, up to three describing words, and the noun it measures
_SIZED = {kind: re.compile(rf"(?i)(?<![\w.,/$-]){_NUM}[\s-]?(?P<u>{_units(table)})\.?[ \t]+"
                           r"(?P<w>(?:(?!(?:in|of|for|with|per|each|and|or|to|x)\b)"
                           r"[a-z][a-z-]*[ \t]+){0,3})(?P<noun>[a-z]+)"
                           r"(?=\s*(?:$|[,.;:!)(\n|]|\s(?:with|for|and|in|that|to|on|of)\b))")
          for kind, table in (("weight", _GRAMS), ("capacity", _ML))}
_BOUND = re.compile(r"(?i)\b(?:up\s+to|max\.?|maximum|holds?|fits?|for|supports?|accommodates?|"
                    r"each|per|x|of|to|and|or|with\s+a)\s+$|[x\u00d7*/-]\s*$")
_AFTER = re.compile(r"(?i)^\s*(?:each|per|capacity|load|limit|max|or|and|/)")
# a brief of several pieces or packs: a weight before a noun may be one of them
_MANY = re.compile(r"(?i)\b(?:pack|packs|pair|set|sets|kit|pcs|pieces|count|ct|bundle|lot)\b|"
                   r"\d\s*[x\u00d7]\s*\d|\bof\s+(?:\d+|two|three|four|six|twelve)\b")
# a container a weight before its noun is the contents' net weight
_CONTAINERS = frozenset({"bag", "box", "tub", "jar", "bucket", "pouch", "sack", "canister",
                         "pail", "carton", "case"})
_CAPACITY_LABEL = re.compile(rf"(?i)^\W*(?P<thing>(?:[a-z]+[ \t]+){{0,2}}?)(?:capacity|volume)"
                             rf"\s*[:\-\u2013]\s*(?:approx\.?\s*)?{_NUM}\s?(?P<u>{_units(_ML)})"
                             r"\b\.?(?!\s*(?:-|to|/|each|per)\s*)")


def _value(m: re.Match[str], table: dict[str, float]) -> float:
    """The value of a match in the table's base unit (grams, millilitres)."""
    n = m.group("n")
    amount = float(n) if n[0].isdigit() else float(number_of(n))
    return amount * table[re.sub(r"\s+", " ", m.group("u").lower())]


def _free(text: str, m: re.Match[str]) -> bool:
    """True when nothing bounds or shares the value at ``m`` ("up to 15 lb", "5 lb each")."""
    clause = next((c for c, s in clauses(text) if s <= m.start() < s + len(c)), "")
    return not (_BOUND.search(text[max(0, m.start() - 14):m.start()]) or
                _AFTER.match(text[m.end():]) or OPTIONS.search(clause))


def _weights(text: str, heads: set[str]) -> list[Stated]:
    """The product's weight before its noun, or its contents' before its container's."""
    if _MANY.search(text):
        return []
    found = []
    for m in _SIZED["weight"].finditer(text):
        noun = m.group("noun").lower()
        if not _free(text, m) or noun not in _CONTAINERS | heads:
            continue
        kind = "net weight" if noun in _CONTAINERS else "weight"
        found.append(Stated(kind, _value(m, _GRAMS), m.group(0).strip(), m.start()))
    return found


def _listed(found: list[Stated]) -> set[str]:
    """Nouns given two sizes before them ("1 qt bowl, 3 qt bowl"): a set's items, not one."""
    sized: dict[str, set[float]] = {}
    for s in found:
        if not s.text.lower().startswith(("capacity", "volume")) and ":" not in s.text:
            sized.setdefault(s.attribute, set()).add(s.value if isinstance(s.value, float) else 0.0)
    return {noun for noun, values in sized.items() if len(values) > 1}


def _capacities(text: str, heads: set[str]) -> list[Stated]:
    """Capacities of the product or one named part: "5-quart bowl" / "Bowl capacity: 3.5 qt"."""
    found = []
    for m in _SIZED["capacity"].finditer(text):
        noun = singular(m.group("noun").lower())
        if _free(text, m) and m.group("noun").lower() == noun and len(noun) > 2 and not (
                noun in _CONTAINERS and m.group("u").lower() == "oz"):  # "6 oz bag": a weight
            found.append(Stated(noun, _value(m, _ML), m.group(0).strip(), m.start()))
    for clause, start in clauses(text):
        label = _CAPACITY_LABEL.match(clause)
        if label is not None and not OPTIONS.search(clause):
            words = label.group("thing").lower().split()
            found.append(Stated(singular(words[-1]) if words else "", _value(label, _ML),
                                clause[label.start("thing"):label.end()].strip(),
                                start + label.start()))
    plural = {s.attribute for s in found if s.attribute and re.search(
        rf"(?i)\b{re.escape(s.attribute)}(?:e?s)\b", text)}
    plural |= _listed(found)
    labelled = {s.attribute for s in found if ":" in s.text or s.text.lower().startswith(
        ("capacity", "volume"))}  # a part's prefix size counts only beside its labelled one
    return [Stated("capacity" if s.attribute in heads | {""} else
                   f"the capacity of the {s.attribute}",
                   s.value, s.text, s.start) for s in found
            if s.attribute not in plural and s.attribute in heads | labelled | {""}]


def _heads(text: str) -> set[str]:
    """The product's head noun: its type's, and the last word of its name."""
    name = re.split(r"(?i)[,;:.(\n|]|\s-\s|\s(?:with|for|plus|and|in|on|by|w/|includes?)\s",
                    text.strip(), maxsplit=1)[0].split()
    found = {singular(w.lower()) for w in (head_noun(text) or "", name[-1] if name else "") if w}
    return {w for w in found if w.isalpha() and len(w) > 2}


def sized_nouns(text: str) -> list[Stated]:
    """Weights and capacities the brief writes before the noun they measure."""
    heads = _heads(text)
    weights = _weights(text, heads)
    return (weights if len({s.value for s in weights if s.attribute == "weight"}) < 2 else []) + \
        _capacities(text, heads)
