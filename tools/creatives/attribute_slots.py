"""A named thing's measure or count given twice: one slot of one thing, two values.

Every "number + unit" a brief states is read into a slot: the
thing it is said of (a label, "Battery: 500mAh"; the noun after it, "250mAh battery"; the
words before it, "seat height 18 in."; or the product itself when the clause is only the
measure, "1500 W") and the kind of quantity (length, mass, volume, power, charge, time, ...).
Two statements of one slot whose values no one value satisfies are a clash, whatever the
thing is: "Battery: 500mAh" beside "Built-in 250mAh battery", "Kettle 1.7 L, 1500 W" beside
"Power: 1000 W", "2-Burner" beside "Single burner design", "4 USB ports" beside "7 USB ports".

A statement counts only when nothing qualifies it: never a per-piece or per-use value
("each", "per"), a bound it fits or supports ("fits", "up to", "max"), a state ("folded",
"packed"), an option list ("or", "/", "available"), a product of two numbers ("2 x 10,000
BTU", "30 colours x 10") or a thing held ("holds 8 coasters"). A range is an interval, and
only two intervals that do not meet (after rounding) clash.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import OPTIONS, Stated, clauses, label_of

__all__ = ["UNITS", "named_measures", "singular", "words"]

UNITS: dict[str, tuple[str, float]] = {
    "mm": ("length", 1.0), "cm": ("length", 10.0), "m": ("length", 1000.0),
    "in": ("length", 25.4), "inch": ("length", 25.4), "inches": ("length", 25.4),
    '"': ("length", 25.4), "ft": ("length", 304.8), "feet": ("length", 304.8),
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "lb": ("mass", 453.6), "lbs": ("mass", 453.6),
    "oz": ("ounces", 1.0), "ml": ("volume", 1.0), "l": ("volume", 1000.0),
    "qt": ("volume", 946.0), "gal": ("volume", 3785.0), "fl oz": ("volume", 29.57),
    "quart": ("volume", 946.0), "quarts": ("volume", 946.0), "gallon": ("volume", 3785.0),
    "gallons": ("volume", 3785.0), "liter": ("volume", 1000.0), "liters": ("volume", 1000.0),
    "litre": ("volume", 1000.0), "litres": ("volume", 1000.0), "pounds": ("mass", 453.6),
    "w": ("power", 1.0), "kw": ("power", 1000.0), "mah": ("charge", 1.0),
    "ah": ("charge", 1000.0), "wh": ("energy", 1.0), "btu": ("heat output", 1.0),
    "lm": ("light output", 1.0), "lumens": ("light output", 1.0), "db": ("loudness", 1.0),
    "gb": ("storage", 1.0), "tb": ("storage", 1000.0), "gsm": ("fabric weight", 1.0),
    "rpm": ("speed", 1.0),
    "psi": ("pressure", 1.0), "hz": ("frequency", 1.0), "khz": ("frequency", 1000.0),
    "ghz": ("frequency", 1e9), "mhz": ("frequency", 1e6), "mp": ("resolution", 1.0),
    "hours": ("hours", 1.0), "hrs": ("hours", 1.0), "hr": ("hours", 1.0), "h": ("hours", 1.0),
    "min": ("hours", 1 / 60), "mins": ("hours", 1 / 60), "minutes": ("hours", 1 / 60),
}
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MEASURE = re.compile(rf"(?i)(?<![\w.,/-])(?P<a>{_NUM})(?:\s?(?:-|\u2013|to)\s?(?P<b>{_NUM}))?"
                      rf"\s?(?P<u>{_UNIT})(?![\w/\u00b2\u00b3])\.?")
# words that qualify a value: it is no plain statement of the thing's own value
_QUALIFIED = re.compile(r"(?i)(?<![\w-])(?:each|per|apiece|every|fits?|fitting|for|compatible|"
                        r"up\s+to|max|maximum|min|minimum|at\s+least|supports?|folded|packed|"
                        r"collapsed|closed|open(?:ed)?|extend(?:s|ed)?|expand(?:s|ed)?|holds?|"
                        r"load|from|between|under|over|than|vs|approx\w*|about|"
                        r"around|inside|interior|opening|recommended|plus|extra|spare|"
                        r"replacement|refills?|sold|separately|add|adds|additional|"
                        r"takes?|accepts?|accommodates?|seats(?=\s+\d)|sleeps?|"
                        r"charg\w*|input|output|total|combined|gross|shipping|package|"
                        r"serving|dose|days?|week|month|year|"
                        r"cycles?|mode|setting|low|high|turbo|eco|standby|until|after|"
                        r"within|in|at|on|with|w/|x|\u00d7|\*|times|to|vs)(?![\w-])|[x\u00d7*]\s?\d|"
                        r"\d\s?[x\u00d7*]|=|\+|\bby\b")
# words that name no thing: how, where and what kind a value is, not whose
_GENERIC = frozenset({"the", "a", "an", "its", "it", "this", "is", "has", "have", "with",
                      "built-in", "builtin", "internal", "integrated", "rechargeable",
                      "lithium", "li-ion", "lithium-ion", "large", "big", "high", "huge",
                      "compact", "powerful", "strong", "rated", "nominal", "actual", "real",
                      "true", "full", "approx", "and", "of", "size", "capacity", "volume",
                      "weight", "power", "wattage", "measures", "measuring", "weighs",
                      "weighing", "item", "product", "overall", "unit", "main", "long",
                      "tall", "wide", "deep", "thick", "dimension", "dimensions",
                      "life", "runtime", "run", "time", "playtime", "play", "plays",
                      "net", "wt", "nt",
                      "lasts", "battery-life", "spec", "specs", "all", "new", "our",
                      "only", "just", "about", "total"})
_AXES = {"length": "length", "long": "length", "width": "width", "wide": "width",
         "height": "height", "tall": "height", "high": "height", "depth": "depth",
         "deep": "depth", "thick": "thickness", "thickness": "thickness",
         "diameter": "diameter", "dia": "diameter", "across": "diameter", "h": "height",
         "w": "width", "l": "length", "d": "depth"}
_WORD = re.compile(r"[a-z][a-z'-]*")


def singular(word: str) -> str:
    """"batteries" -> "battery", "ports" -> "port", "glass" stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for plural, single in (("lves", "lf"), ("ives", "ife"), ("eaves", "eaf")):
        if word.endswith(plural):  # "shelves", "knives", "leaves"
            return word[:-len(plural)] + single
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return _WORD.findall(text.lower())


def _subject(clause: str, m: re.Match[str], first: bool) -> tuple[str, ...] | None:
    """Whose value ``m`` is: a label's, the noun's after it, the words' before it, or ()."""
    label = label_of(clause)
    if label is not None and label.end() <= m.start():
        between = clause[label.end():m.start()]
        if words(between):
            return None  # "Battery: lasts up to 500mAh"
        return tuple(words(label.group("label")))
    lead = " ".join(w for w in words(clause[:m.start()]) if w not in _GENERIC)
    after = re.match(r"[ \t]*((?:[A-Za-z][A-Za-z-]*[ \t]?){1,3})(?=$|[,;.:)(\n]|\s+(?:and|&|"
                     r"with|in|on|for|to|that|which)\b)", clause[m.end():])
    if first and words(clause[:m.start()])[-1:] in (["capacity"], ["load"]):
        return ("capacity",)  # "Folding camp chair capacity 300 lbs": what it holds
    if words(lead) and not first:
        if after is not None and after.group(1).strip():
            return None  # "seat 18 in. high backrest": two things
        return tuple(words(lead)) if len(words(lead)) <= 3 else None
    if after is not None and after.group(1).strip():
        return tuple(words(after.group(1)))
    rest = clause[m.end():].strip(" .")
    return () if not rest else None


def _measure(clause: str, start: int, head: str = "") -> tuple[Stated, Stated] | None:
    """The one measure ``clause`` states of one thing, as its low and high ends, if any."""
    plain = re.sub(r"\([^)]*\)", lambda p: " " * len(p.group(0)), clause)
    ms = list(_MEASURE.finditer(plain))
    if len(ms) != 1 or _QUALIFIED.search(plain.replace(ms[0].group(0), " ")):
        return None
    m = ms[0]
    if m.group("u") == "M" or m.group("u") == "m" and m.group("b"):
        return None  # "3-6M", "0-6m": a baby's age in months
    subject = _subject(plain, m, start == 0)
    if subject is None:
        return None
    kind, factor = UNITS[m.group("u").lower()]
    named = {_AXES[w] for w in subject if w in _AXES}
    axes = sorted(named - {"length"})
    thing = sorted({singular(w) for w in subject if w not in _AXES and len(w) > 1
                    and (w not in _GENERIC or w == "capacity" and kind == "mass")
                    and not (kind in {"hours", "charge", "energy"} and w == "battery")})
    # battery life is the runtime, a mAh the battery's: both the product's own
    if kind in {"frequency", "resolution"} or len(axes) > 1 or \
            kind == "length" and not thing and not named and start:
        return None  # a frequency is a mode's; a bare length one of a set's sizes
    thing = [w for w in thing if w != head]  # "Hose length: 25 ft" in a hose's brief
    key = f"{kind} of the {' '.join(thing) or 'product'}" + (f" ({axes[0]})" if axes else "")
    lo = float(m.group("a").replace(",", "")) * factor
    hi = float(m.group("b").replace(",", "")) * factor if m.group("b") else lo
    text = m.group(0).strip()
    return (Stated(key, lo, text, start + m.start(), ">="),
            Stated(key, hi, text, start + m.start(), "<="))


def _kind_alone(clause: str) -> str:
    """The kind of quantity a clause that is only a measure gives ("4 in." -> length), or ""."""
    m = _MEASURE.fullmatch(clause.strip(" ."))
    return UNITS[m.group("u").lower()][0] if m else ""


def named_measures(text: str) -> list[Stated]:
    """Every measure the brief states of one thing, keyed by the thing and the quantity.

    A run of bare measures ("4 in., 5 in., 6 in.") is a list of sizes, not one thing's.
    """
    found: list[Stated] = []
    pieces = [(c, s) for c, s in clauses(text)
              if not (OPTIONS.search(c) or "(" in c and ")" not in c)]
    bare = [_kind_alone(c) for c, _ in pieces]
    name = [w for w in words(re.split(r"\d", pieces[0][0])[0])
            if len(w) > 2 and w not in _GENERIC and w not in _AXES] if pieces else []
    head = singular(name[-1]) if name else ""
    for i, (clause, start) in enumerate(pieces):
        if bare[i] and (i and bare[i - 1] == bare[i] or i + 1 < len(bare) and
                        bare[i + 1] == bare[i]):
            continue
        if _items_measured(text, start, set(name)):
            continue  # "Poison Ivy ride measures 12 in high, 4 in wide": one item's of a set
        stated = _measure(clause, start, head)
        if stated is not None:
            found += stated
    return _disjoint(found)


_MEASURES_LEAD = re.compile(r"(?i)(?:^|[.;\n]\s*)(?P<s>[a-z][\w' -]{2,40}?)\s+(?:measures|is)\s+"
                            r"\d[^.;\n]*$")


def _items_measured(text: str, at: int, name: set[str]) -> bool:
    """True when the sentence holding ``at`` gives another named thing's measures."""
    lead = _MEASURES_LEAD.search(text[max(0, at - 120):at + 1])
    if lead is None:
        return False
    subject = set(words(lead["s"])) - _GENERIC
    return bool(subject) and not subject <= name | {"it", "this", "each", "product", "item"}


def _disjoint(found: list[Stated]) -> list[Stated]:
    """The pairs of statements of one slot whose intervals do not meet (beyond rounding)."""
    spans: dict[tuple[str, int], list[Stated]] = {}
    for s in found:
        spans.setdefault((s.attribute, s.start), []).append(s)
    out: list[Stated] = []
    items = list(spans.items())
    for i, ((key, at), (lo_a, hi_a)) in enumerate(items):
        for (key_b, at_b), (lo_b, hi_b) in items[i + 1:]:
            if key != key_b or lo_a.text == lo_b.text:
                continue
            same = _unit(lo_a.text) == _unit(lo_b.text)  # "42 mm" / "38 mm": no rounding
            if _apart(hi_a.value, lo_b.value, same) or _apart(hi_b.value, lo_a.value, same):
                out += [Stated(key, "one", lo_a.text, at), Stated(key, "other", lo_b.text, at_b)]
    return out


def _apart(a: float | str | tuple[float, ...], b: float | str | tuple[float, ...],
           same: bool = False) -> bool:
    """True when ``a`` lies below ``b`` by more than rounding (12% across units, 2% within)."""
    assert isinstance(a, float) and isinstance(b, float)
    return b - a > (0.02 if same else 0.12) * max(abs(a), abs(b))


def _unit(text: str) -> str:
    """The unit a measure's text is written in ("42 mm" -> "mm")."""
    m = _MEASURE.search(text)
    return m.group("u").lower() if m else ""
