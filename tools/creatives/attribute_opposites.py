"""One property of the product given two values that exclude each other, read by value families.

A family (:mod:`tools.creatives.attribute_families`) is one single-valued property and the
words for each of its values: how it is made
("Hand-knit" / "Machine-knit"), how often it is used ("reusable" / "Single use only"), whether
a measure of it adjusts ("seat height adjusts" / "Fixed height"), how it reads ("Digital LCD"
/ "Analog needle dial"), how it connects ("Wired" / "Wireless"), its cord ("corded" /
"cordless"), how it works ("manual" / "automatic"), whether it needs assembly ("Fully
assembled" / "Assembly required"), its colour when given as the only one ("black only" /
"Colour: white"), its shape in a clause of its own ("8 in. round" / "Shape: square"), its
musical key, condition, feel; and a thing it does said also not to ("foldable" / "does not
fold").

A value counts only where it is said of the product: not in a clause that gives both values
or options ("manual or automatic", "available in"), nor in one that names what it fits or
is for ("for wireless chargers"), nor on a part's labelled line ("Remote: wireless"); a
statement on a part's line is keyed to that part, so two parts may differ.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_families import FAMILIES as _FAMILIES
from tools.creatives.attribute_values import OPTIONS, Stated, clauses, label_of

__all__ = ["opposite_statements"]

# a clause that names what the product fits or goes with, not the product itself
_FOR = re.compile(r"(?i)\b(?:for|fits?|compatible|works\s+with|pairs?\s+with|used?\s+with|"
                  r"like|unlike|than|vs|instead|replaces?|not\s+(?:a|an)|either|compared|"
                  r"traditional|conventional|ordinary|forget|those|regular|standard|typical|"
                  r"usual|into|any|without)\b")
_BOTH = re.compile(r"(?i)\b(?:and|&|or|/|both|plus|\+)\b")
# labels that say what kind the product is, not which part: "Type: digital", "Care: ..."
_OWN_LABELS = frozenset({"finish", "look", "surface", "gauge", "lock", "caffeine", "type",
                         "key", "condition", "feel", "firmness", "support", "tuning", "edge",
                         "features", "feature", "display", "operation", "connection",
                         "connectivity", "power", "assembly", "made", "construction", "care",
                         "use", "usage", "style", "design", "notes", "note", "details",
                         "about", "specs", "specifications", "description", "how",
                         "movement", "bulb type", "bulb", "light source", "lighting", "frame",
                         "sleeve length", "sleeves", "motor", "seed type", "nutrition",
                         "nutrition/info", "info", "nutrition facts", "sizes", "size",
                         "scale"})


def _scope(clause: str) -> str | None:
    """The part a clause speaks of ("" for the product), None for a clause to leave out."""
    label = label_of(clause)
    if label is None or any(p.search(label.group("label")) for _, values in _FAMILIES
                            for _, p in values):
        return ""  # "Fixed height: the legs do not adjust" labels nothing but itself
    name = label.group("label").strip().lower()
    return "" if name in _OWN_LABELS else name


# nouns a value may stand before and still be the product's ("Digital LCD display")
_OWN_NOUNS = frozenset({"design", "style", "construction", "build", "operation", "display",
                        "dial", "readout", "screen", "gauge", "meter", "model", "version",
                        "use", "only", "piece", "item", "product", "unit", "set", "kit",
                        "finish", "look", "type", "pattern", "work", "detail", "details",
                        "connection", "connectivity", "power", "open", "opening", "close",
                        "closing", "control", "controls", "mode", "install", "installation",
                        "setup", "feel", "glaze", "coating", "lacquer", "sheen",
                        "surface", "movement", "print", "motor", "scale"})
_STOP = frozenset({"in", "on", "at", "by", "for", "with", "and", "or", "from", "to", "of",
                   "the", "a", "an", "my", "our", "only", "use", "when", "if", "so", "per",
                   "each"})
_PREDICATE = re.compile(r"(?i)^\W*(?P<s>[a-z][a-z -]{1,30}?)\s+(?:is|are|was|were)\s+(?:\w+\s+)?$")


def _thing_of(clause: str, m: re.Match[str], name: set[str]) -> str | None:
    """The other thing a value is said of ("Reusable dispenser box", "dock is corded"), if any."""
    pred = _PREDICATE.match(clause[:m.start()])
    if pred is not None and not set(pred.group("s").lower().split()) <= name | {"it", "this"}:
        return pred.group("s").lower()
    after = re.match(r"[\s-]+([a-z]{3,})(?:\s+([a-z]{3,}))?", clause[m.end():].lower())
    if after is None or after.group(1) in _STOP:
        return None
    words = [w for w in after.groups() if w and w not in _STOP]
    words = words[:1] if after.group(2) in _STOP else words
    if any(w.rstrip("s") in name or w in name or w in _OWN_NOUNS for w in words):
        return None
    return words[-1]


# a value after a count names counted items of a set, not the product ("two short-sleeve ...")
_COUNTED = re.compile(r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+$")


def _family(clause: str, start: int, scope: str, name: set[str]) -> list[Stated]:
    """The family values ``clause`` states, one per family, none where it gives two."""
    out = []
    for prop, values in _FAMILIES:
        hits = []
        for value, pattern in values:
            for m in pattern.finditer(clause):
                if start and _thing_of(clause, m, name) or _COUNTED.search(clause[:m.start()]):
                    continue  # "Reusable dispenser box": the box's; "two long-sleeve bodysuits"
                key = next((g for g in (m.groupdict().get(k) for k in ("k", "k2", "k3")) if g),
                           "made")
                key = {"knitted": "knit", "handmade": "made", "produced": "made"}.get(
                    key.lower(), key.lower())
                hits.append((prop.format(k=key), value, m))
        if len({(p, v) for p, v, _ in hits}) > len({p for p, _, _ in hits}):
            continue  # "manual and automatic modes": both in one clause
        out += [Stated(p + (f" (the {scope})" if scope else ""), v, m.group(0), start + m.start())
                for p, v, m in hits]
    return out


_COLOURS = ("black|white|red|blue|navy|green|grey|gray|silver|gold|pink|purple|yellow|orange|"
            "brown|beige|tan|ivory|cream|khaki|teal|turquoise|charcoal|olive|burgundy|maroon|"
            "lavender|mint|coral|rose|natural|clear")
_ONLY_COLOUR = re.compile(rf"(?i)^\W*(?:(?:comes|available)\s+)?(?:only\s+in\s+|in\s+)?"
                          rf"(?P<c>{_COLOURS})\s+only\b|^\W*(?:comes\s+|available\s+)?only\s+(?:in"
                          rf"\s+)?(?P<d>{_COLOURS})\W*$")
# "Solid charcoal grey all over, no other colour": the one colour, said of the whole product
_ALL_OVER = re.compile(rf"(?i)^\W*(?:solid\s+)?(?P<c>(?:[a-z]+\s+)?(?:{_COLOURS}))"
                       r"\s+all\s+over\W*$")
_COLOUR_LABEL = re.compile(r"(?i)^\W*colou?r\s*:\s*(?P<c>[a-z][a-z -]{1,30}?)\s*\.?$")


def _colour(clause: str, start: int) -> list[Stated]:
    """The one colour: "black only", "only in navy", "Colour: Seafoam" (not "Sage, Clay")."""
    m = _ONLY_COLOUR.match(clause) or _ALL_OVER.match(clause)
    if m is not None:
        return [Stated("the colour", (m["c"] or m["d"]).lower().replace("grey", "gray"),
                       clause.strip(), start)]
    m = _COLOUR_LABEL.match(clause)
    if m is None or _BOTH.search(m.group("c")) or OPTIONS.search(clause):
        return []
    return [Stated("the colour", m.group("c").strip().lower().replace("grey", "gray"),
                   clause.strip(), start)]


_SHAPES = {"round": "round", "circular": "round", "square": "square", "oval": "oval",
           "rectangular": "rectangular", "triangular": "triangular", "hexagonal": "hexagonal"}
_SHAPE_ALONE = re.compile(rf"(?i)^\W*(?:(?:approx\.?\s+)?\d+(?:\.\d+)?\s?(?:in|inch|inches|cm|"
                          rf"mm|\"|ft)\.?\s+)?(?P<s>{'|'.join(_SHAPES)})\W*$")


def _shape(clause: str, start: int) -> list[Stated]:
    """A clause that is only a shape, with its size: "8 in. round", "Round."."""
    m = _SHAPE_ALONE.match(clause)
    return [] if m is None else [Stated("shape", _SHAPES[m.group("s").lower()], clause.strip(),
                                        start)]


_FRACTION = re.compile(r"(?i)\b\d+\s?/\s?\d+(?=\s*(?:in\b|inch|\"|''|-inch))")


def opposite_statements(text: str) -> list[Stated]:
    """Every family value, colour and lone shape ``text`` says of the product or a part."""
    found: list[Stated] = []
    pieces = clauses(text)
    name = {w.rstrip("s") for w in re.findall(r"[a-z]+", pieces[0][0].lower())} | \
        set(re.findall(r"[a-z]+", pieces[0][0].lower())) if pieces else set()
    for clause, start in pieces:
        found += _colour(clause, start) + _shape(clause, start)
        scope = _scope(clause)
        rest = clause
        for _prop, values in _FAMILIES:
            for _value, pattern in values:  # "one size fits most" names no fitted thing
                rest = pattern.sub(lambda v: " " * len(v.group(0)), rest)
        label = label_of(rest)  # "3/4 sleeve" (a value) and "Nutrition/Info:" are no options
        body = _FRACTION.sub(" ", rest[label.end():] if label else rest)  # "3/8 in to 3/4 in"
        if scope is None or OPTIONS.search(body) or re.search(r"(?i)\balso\b", body) or \
                re.match(r"\W*\d+\s+[a-z]", clause):  # "20 disposable piping bags": items
            continue  # "Also works wired via USB-C": a second mode beside the first
        fits = _FOR.search(rest)  # a value after "for ..." names what it fits, not itself
        found += [s for s in _family(clause, start, scope, name)
                  if fits is None or s.start - start < fits.start()]
    return [s for s in found if not _names_the_product(text, s)]


def _names_the_product(text: str, s: Stated) -> bool:
    """True when a value word is the head noun of the product's name ("Lip Gloss": no finish)."""
    title = re.sub(r"\([^)]*\)", " ", text.strip().split("\n", 1)[0].lower()).strip(" .,")
    prev = re.search(r"([a-z]+)[ \t]+$", text[max(0, s.start - 20):s.start].lower())
    word = s.text.lower()
    return prev is not None and " " not in word and f"{prev.group(1)} {word}" in title and \
        title.endswith(word)


_DENIED = re.compile(r"(?i)(?:\b(?:does|do|will|can|could)\s*(?:not|n't)|\bwon't|\bcannot|"
                     r"\bcan't)\s+(?P<be>be\s+)?(?P<v>(?:re-)?[a-z]{3,})\b")  # "cannot be re-inked"
_ADVERBS = r"flat|up|down|away|easily|out|in|open|closed|shut|back"
_VERB_LEAD = re.compile(r"(?i)^\W*(?:do|don't|never|please(?!\s+note))\b")


def _able(verb: str) -> re.Pattern[str]:
    """The product said to be able to ``verb``: "foldable", "dimmable", "adjusts", "folds"."""
    stem = verb[:-1] if verb.endswith("e") else verb
    double = stem + stem[-1] if re.search(r"[^aeiou][aeiou][bdgmnpt]$", stem) else stem
    stem, double = re.escape(stem), re.escape(double)
    return re.compile(rf"(?i)(?<![\w-])(?:{stem}|{double})(?:able|ible)\b|"
                      rf"^\W*(?:it\s+)?{verb}e?s(?:\s+(?:{_ADVERBS}))?\W*$|"
                      rf"^\W*(?:it\s+)?{verb}e?s\s+in\s+the\s+dark\b")  # "GLOWS IN THE DARK"


def denied_statements(text: str) -> list[Stated]:
    """A thing the product does, said also not to: "Foldable" beside "does not fold".

    Only a denial with a subject ("the legs do not adjust", "it won't fold"), never an
    instruction ("Do not fold while wet"); the other side is the "-able" adjective or a
    clause that opens on the verb ("Adjusts 15-19 in.").
    """
    found: list[Stated] = []
    pieces = clauses(text)
    for clause, start in pieces:
        if _VERB_LEAD.match(clause):
            continue
        for m in _DENIED.finditer(clause):
            if not re.match(rf"(?i)(?:\s+(?:{_ADVERBS}))?(?:\s+(?:on|onto|in|inside|into|with)\s+"
                            rf"(?:top\s+of\s+)?(?:each\s+other|one\s+another))?\s*(?:[.,;:!)(]|$)",
                            clause[m.end():]):
                continue  # "does NOT remove viruses": what it does not do to a thing
            verb = m.group("v").lower()
            if m.group("be") and verb.endswith("ed"):  # "cannot be folded"
                verb = verb[:-2] if verb[-3] != verb[-4] else verb[:-3]
            able = _able(verb)
            for other, at in pieces:
                hit = able.search(other)
                if at != start and hit is not None and not re.search(
                        r"(?i)\bnot?\b|\bnon-", other[:hit.start()]):
                    attribute = f"whether it can {verb}"
                    found += [Stated(attribute, "yes", hit.group(0), at + hit.start()),
                              Stated(attribute, "no", m.group(0), start + m.start())]
    return found
