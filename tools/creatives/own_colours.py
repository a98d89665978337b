"""The product's one colour and a part's one colour, in the forms the title and spec lines use.

"Women's rain jacket in NAVY BLUE." and "Commuter backpack - charcoal grey, ..." give the
product's colour in its title; "Base color: white" gives its base's, and so does "a matte
black base" in the copy of the same brief. A colour in a list ("black/grey", "red and
white"), an option ("available in red"), a print or a look is no one colour of the product.
"""

from __future__ import annotations

import re

from knowledge.extraction.parts import MATERIAL_PARTS, PART_NOUNS
from tools.creatives.attribute_values import Stated
from tools.creatives.own_kinds import COLOUR, NO_COLOUR, PART_COLOUR
from tools.creatives.own_terms import material_terms, one_colour, title_end

__all__ = ["CLEAR", "part_colours", "title_colours"]

CLEAR = "clear"  # see-through: no solid colour ("Crystal clear case" / "Color: solid black")

_COLOUR_WORDS = r"[A-Za-z]+(?:[\s-][A-Za-z]+)?"
# "rain jacket in NAVY BLUE." / "... in Black, 10 oz": the title names its colour after "in"
_IN = re.compile(rf"(?i)(?<!available )(?<!comes )(?<!also )(?<!offered )\bin\s+"
                 rf"({_COLOUR_WORDS})\s*(?=[.,;|!)\n]|$)")
_SEGMENT = re.compile(r"[^,;|()\[\]\n]+")
_CODE = re.compile(r"\(\s*[\dA-Z]{1,5}\s*\)")  # "Midnight Navy (410)/Metallic Silver"
_NOT_A_COLOUR_CLAUSE = re.compile(r"(?i)\d|/|\b(?:print|pattern|design|look|style|finish|"
                                  r"stripes?|dots?|and|or|with|tone|light|lights|led)\b")


def _bare(clause: str) -> str | None:
    """The colour a title clause of only a colour names ("charcoal grey"), else None."""
    words = clause.split()
    if not 1 <= len(words) <= 3 or _NOT_A_COLOUR_CLAUSE.search(clause) or \
            material_terms(clause) or any(w.lower().strip("-") in PART_NOUNS for w in words):
        return None
    colour = one_colour(clause, NO_COLOUR)
    if colour is None or one_colour(words[-1], NO_COLOUR) is None:
        return None  # the colour word ends the clause: "Grey", "charcoal grey", not "Black Wolf"
    return colour


def _variant_colours(head: str, start: int) -> list[Stated]:
    """The title's one colour clause after its name ("Boot, Black, 10.5"), none in a list."""
    text = _CODE.sub(lambda m: " " * len(m.group(0)), head)
    segments = [(m.start(), m.group(0)) for m in _SEGMENT.finditer(text, start)
                for m in [m] if m.group(0).strip()]
    read = [(at, seg, _bare(seg.strip())) for at, seg in segments]
    out = []
    for i, (at, seg, colour) in enumerate(read):
        near = [read[j][2] for j in (i - 1, i + 1) if 0 <= j < len(read)]
        if colour is not None and not any(near):  # "Black, Grey, 10.5": a list of colours
            s = at + len(seg) - len(seg.lstrip())
            out.append(Stated(COLOUR, colour, head[s:s + len(seg.strip())], s))
    return out


_FIRST_CLAUSE = re.compile(r"(?i)[,;:(|\[\n]|\s[-\u2013\u2014]\s|\b(?:for|with|w/|and|or|in)\b")
_CLEAR = re.compile(r"(?i)\b(?:crystal[\s-]+clear|clear|transparent|see[\s-]through)\s+"
                    r"(?!(?:view|coat|window|screen|lens|glass|cover|top|lid|finish)\b)[a-z]")


def _clear(head: str) -> list[Stated]:
    """"Crystal clear case for iPhone 15": the title says the product is see-through."""
    cut = _FIRST_CLAUSE.search(head)
    m = _CLEAR.search(head, 0, cut.start() if cut else len(head))
    return [Stated(COLOUR, CLEAR, m.group(0)[:-1].strip(), m.start())] if m else []


def title_colours(text: str) -> list[Stated]:
    """The colour the title gives after "in" or as a clause of its own, after its first clause."""
    head = text[:title_end(text)]
    out = _clear(head)
    for m in _IN.finditer(head):
        colour = one_colour(m.group(1), NO_COLOUR)
        listed = re.match(r",\s*([^,.;|\n]+)", head[m.end():])  # "in black, white or red"
        if colour is not None and _bare(m.group(1)) == colour and not (
                listed and one_colour(listed.group(1).split()[0], NO_COLOUR)):
            out.append(Stated(COLOUR, colour, m.group(1), m.start(1)))
    first = re.search(r"\s[-\u2013\u2014]\s|[,;|(\[]", head)  # the product's name comes first
    if first is not None:
        out += _variant_colours(re.sub(r"\s[-\u2013\u2014]\s", " , ", head), first.start())
    return out


_PARTS = "|".join(sorted((PART_NOUNS | MATERIAL_PARTS) - {"finish", "construction", "build",
                                                          "lined", "trimmed", "part", "piece",
                                                          "side", "end", "lace", "mesh"},
                         key=len, reverse=True))
_PART_LABEL = re.compile(rf"(?im)^[\s*\u2022-]*({_PARTS})\s+colou?r\s*(?::|\s[-\u2013\u2014]\s)"
                         r"\s*([^\n.;,/&(]{1,30}?)\s*(?:[.;]|$)")


_JOINS = frozenset({"and", "or", "with", "&", "on", "of", "to", "in", "for"})


def _said_of(text: str, part: str, skip: range) -> list[tuple[str, str, int]]:
    """``(colour, words, start)`` for each "matte black base" said of ``part`` outside ``skip``."""
    out = []
    for m in re.finditer(rf"(?i)\b{part}s?\b", text):
        window = max(0, m.start() - 40)
        lead = re.search(r"(?:\b[A-Za-z]+[\s-]+){1,3}$", text[window:m.start()])
        if lead is None or m.start() in skip:
            continue
        start = window + lead.start()
        words = {w.lower() for w in lead.group(0).split()}
        colour = one_colour(lead.group(0), NO_COLOUR)
        if colour is not None and not words & _JOINS and \
                not re.search(r"(?i)(?:[/&,]|\band|\bor)\s*$", text[max(0, start - 6):start]):
            said = re.sub(r"(?i)^(?:an?|the)\s+", "", text[start:m.end()])
            out.append((colour, said, m.end() - len(said)))
    return out


def part_colours(text: str) -> list[Stated]:
    """A part's colour from its "<Part> color:" line, and the colour the copy gives that part."""
    out = []
    for m in _PART_LABEL.finditer(text):
        part, colour = m.group(1).lower(), one_colour(m.group(2), NO_COLOUR)
        if colour is None or len(m.group(2).split()) > 3:
            continue
        key = PART_COLOUR + part
        out.append(Stated(key, colour, m.group(0).strip(), m.start(1)))
        for shade, words, start in _said_of(text, part, range(m.start(), m.end())):
            out.append(Stated(key, shade, words, start))
    return out
