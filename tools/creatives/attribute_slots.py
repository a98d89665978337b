"""A named thing's measure or count given twice: one slot of one thing, two values.

Every "number + unit" and every "number + noun" a brief states is read into a slot: the
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

__all__ = ["named_counts", "named_measures"]

_UNITS: dict[str, tuple[str, float]] = {
    "mm": ("length", 1.0), "cm": ("length", 10.0), "m": ("length", 1000.0),
    "in": ("length", 25.4), "inch": ("length", 25.4), "inches": ("length", 25.4),
    '"': ("length", 25.4), "ft": ("length", 304.8), "feet": ("length", 304.8),
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "lb": ("mass", 453.6), "lbs": ("mass", 453.6),
    "oz": ("ounces", 1.0), "ml": ("volume", 1.0), "l": ("volume", 1000.0),
    "qt": ("volume", 946.0), "gal": ("volume", 3785.0), "fl oz": ("volume", 29.57),
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
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
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


def _singular(word: str) -> str:
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


def _words(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return _WORD.findall(text.lower())


def _subject(clause: str, m: re.Match[str], first: bool) -> tuple[str, ...] | None:
    """Whose value ``m`` is: a label's, the noun's after it, the words' before it, or ()."""
    label = label_of(clause)
    if label is not None and label.end() <= m.start():
        between = clause[label.end():m.start()]
        if _words(between):
            return None  # "Battery: lasts up to 500mAh"
        return tuple(_words(label.group("label")))
    lead = " ".join(w for w in _words(clause[:m.start()]) if w not in _GENERIC)
    after = re.match(r"[ \t]*((?:[A-Za-z][A-Za-z-]*[ \t]?){1,3})(?=$|[,;.:)(\n]|\s+(?:and|&|"
                     r"with|in|on|for|to|that|which)\b)", clause[m.end():])
    if first and _words(clause[:m.start()])[-1:] in (["capacity"], ["load"]):
        return ("capacity",)  # "Folding camp chair capacity 300 lbs": what it holds
    if _words(lead) and not first:
        if after is not None and after.group(1).strip():
            return None  # "seat 18 in. high backrest": two things
        return tuple(_words(lead)) if len(_words(lead)) <= 3 else None
    if after is not None and after.group(1).strip():
        return tuple(_words(after.group(1)))
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
    kind, factor = _UNITS[m.group("u").lower()]
    named = {_AXES[w] for w in subject if w in _AXES}
    axes = sorted(named - {"length"})
    thing = sorted({_singular(w) for w in subject if w not in _AXES and len(w) > 1
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
    return _UNITS[m.group("u").lower()][0] if m else ""


def named_measures(text: str) -> list[Stated]:
    """Every measure the brief states of one thing, keyed by the thing and the quantity.

    A run of bare measures ("4 in., 5 in., 6 in.") is a list of sizes, not one thing's.
    """
    found: list[Stated] = []
    pieces = [(c, s) for c, s in clauses(text)
              if not (OPTIONS.search(c) or "(" in c and ")" not in c)]
    bare = [_kind_alone(c) for c, _ in pieces]
    name = [w for w in _words(re.split(r"\d", pieces[0][0])[0])
            if len(w) > 2 and w not in _GENERIC and w not in _AXES] if pieces else []
    head = _singular(name[-1]) if name else ""
    for i, (clause, start) in enumerate(pieces):
        if bare[i] and (i and bare[i - 1] == bare[i] or i + 1 < len(bare) and
                        bare[i + 1] == bare[i]):
            continue
        stated = _measure(clause, start, head)
        if stated is not None:
            found += stated
    return _disjoint(found)


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


_COUNT_WORDS = {"single": 1.0, "dual": 2.0, "double": 2.0, "twin": 2.0, "triple": 3.0,
                "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
                "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twelve": 12.0}
_COUNT = re.compile(r"(?i)(?<![\w.,/$#-])(?P<n>\d{1,4}|single|dual|double|twin|triple|two|"
                    r"three|four|five|six|seven|eight|nine|ten|twelve)(?P<sep>[ \t]|-)"
                    r"(?P<w>[a-z][a-z]{2,})(?![\w-])(?:[ \t](?P<v>[a-z][a-z]{2,})(?![\w-]))?")
_NOT_NOUN = re.compile(r"(?i)^(?:included|incl|each|total|only|and|in|with|for|per|of|at|"
                       r"on|to|are|is|in|that|which|plus|from|set|pack|pcs|\w+(?:ed|ing|ly))$")
# nouns a number counts that are units, ages, times or sizes, not things of the product
_NOT_THINGS = frozenset({"inch", "inche", "foot", "feet", "pack", "pcs", "pair", "set",
                         "count", "year", "month", "week", "day", "hour", "minute", "second",
                         "min", "sec", "time", "size", "use", "color", "colour", "way",
                         "step", "level", "speed", "setting", "mode",
                         "yard", "meter", "metre", "gallon", "quart", "liter", "litre",
                         "ounce", "pound", "gram", "degree", "percent", "star", "seller",
                         "customer", "review", "order", "option", "pattern", "design",
                         "style", "shade", "scent", "flavor", "flavour", "variety", "kind",
                         "adult", "kid", "child", "user", "player",
                         "type", "model", "version", "coat", "wash", "cup",
                         "serving", "dose", "tablet", "capsule", "stitch", "row", "round",
                         "and", "the", "for", "with", "per", "each", "ct", "plus",
                         "more", "less", "than", "out", "off", "times", "point", "zone",
                         "ton", "gauge", "mil", "grit", "watt", "volt", "amp", "hue"})
_HELD = re.compile(r"(?i)\b(?:holds?|fits?|takes?|stores?|seats?|sleeps?|for|up\s+to|of|each|"
                   r"per|accommodates?|organi[sz]es?|with\s+room\s+for|spare|extra|"
                   r"additional|replacement|refills?|plus|x|pack|set|pk|box|includes?|"
                   r"comes\s+with|sold|separately|over|than|every|about|approx\.?)\s*$")


_SLEEPS = re.compile(r"(?i)\b(?:sleeps|seats)\s+(?:up\s+to\s+)?(?P<n>\d{1,2})\b(?!\s*(?:in|cm|"
                     r"ft|\"|lbs?|kg|%))(?!\s*(?:-|to|or)\s*\d)")
_APIECE = re.compile(r"(?i)\s*(?:each|per|apiece|total|in\s+total|combined|in\s+all)\b")
# words before a count that leave it the product's ("with 4 ports", "features 2 burners")
_LEAD_WORDS = frozenset({"with", "has", "have", "features", "featuring", "offers", "and", "the",
                         "a", "it", "its", "this", "all", "total", "of", "includes", "boasts",
                         "true", "real", "genuine", "full", "classic", "proper", "complete",
                         "is", "an", "our"})
_FIT = re.compile(r"(?i)\b(?:for|fits?|compatible|works\s+with|to|vs|than|not)\b")
# a clause about something sold apart from the product: its counts are not the product's
_ELSEWHERE = re.compile(r"(?i)\b(?:sold\s+separately|not\s+included|optional|add-on|upgrade)\b")
_COUNT_LABEL = re.compile(r"(?i)^\W*(?:(?:number\s+of\s+)?(?P<w>[a-z]{4,}s)|(?P<c>[a-z]{4,})"
                          r"\s+count)\s*:\s*(?P<n>\d{1,4})\W*$")  # "Piece count: 1000"


def named_counts(text: str) -> list[Stated]:
    """How many of a named part the product has, stated twice: "2-Burner" / "Single burner"."""
    found: list[Stated] = []
    pieces = clauses(text)
    name = set(_words(pieces[0][0])) if pieces else set()
    for clause, start in pieces:
        if OPTIONS.search(clause) or _ELSEWHERE.search(clause) or \
                re.search(r"(?i)\d\s?[x\u00d7*]|[x\u00d7*]\s?\d|=|\+", clause):
            continue
        label = _COUNT_LABEL.match(clause)  # "Compartments: 5"
        if label is not None:
            found.append(Stated(f"the number of {_singular((label['w'] or label['c']).lower())}s",
                                float(label.group("n")), clause.strip(), start))
        for m in _COUNT.finditer(clause):
            if _FIT.search(clause[:m.start()]):
                continue  # "Not for vehicles w/ 6-pin round connector": the fitted thing's
            word, first, second = m.group("n").lower(), m.group("w"), m.group("v")
            two = word.isdigit() and m.group("sep") == " " and second is not None and \
                _NOT_NOUN.match(second) is None  # "4 USB ports": the ports
            noun = second if two else first  # "2-Burner Camp Stove", "single burner design"
            lead = set(_words(clause[:m.start()])) - name - _LEAD_WORDS
            labelled = label_of(clause)  # "Season rating: 3-season": its own label
            if labelled is not None and labelled.end() <= m.start() and \
                    first.lower().rstrip("s") in labelled.group("label").lower():
                lead = set()
            if lead and start or _HELD.search(clause[:m.start()]) or \
                    _APIECE.match(clause, m.end("v") if two else m.end("w")) or \
                    first.lower() in _UNITS or \
                    first.lower() in _NOT_THINGS or noun.isupper() and len(noun) <= 4:
                continue
            thing = {"people": "person"}.get(noun.lower(), _singular(noun.lower()))
            if thing in _NOT_THINGS or _singular(thing) in _NOT_THINGS:
                continue
            mods = first.lower() if two else ""
            value = _COUNT_WORDS.get(word, float(word) if word.isdigit() else 0.0)
            found.append(Stated(f"the number of {mods + ' ' if mods else ''}{thing}s", value,
                                m.group(0), start + m.start()))
    for m in _SLEEPS.finditer(text):
        if not OPTIONS.search(text[m.start():m.end() + 12]):
            found.append(Stated("the number of persons", float(m.group("n")), m.group(0),
                                m.start()))
    return _count_clashes(found)


def _count_clashes(found: list[Stated]) -> list[Stated]:
    """The two statements of one count that differ (the first such pair per count)."""
    out: list[Stated] = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.attribute == b.attribute and a.value != b.value and a.start != b.start:
                out += [Stated(a.attribute, "one", a.text, a.start),
                        Stated(b.attribute, "other", b.text, b.start)]
                return out
    return out
