"""The material and colour words of a brief, read as the one value a phrase names.

"solid oak" and "pine wood" name a wood the extraction vocabulary leaves out (there "oak" is
mostly a finish's colour); "Genuine Leather" names the hide, not a faux one; "Tritan plastic",
"polyester satin" and "silicone rubber" name one material in two words (a kind beside its
kind, a fibre beside its weave); "navy blue" and "charcoal grey" name one colour. The readers
of :mod:`tools.creatives.attribute_own` take their values from here.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import color_items, find_terms, material_items
from knowledge.extraction.parts import MATERIAL_PARTS, PART_NOUNS
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.extraction.vocab_colours_sizes import COLOR_NOT_BEFORE
from tools.creatives.own_kinds import COLOUR_KIN, NOT_ONE, kinds

__all__ = ["alone", "material_terms", "one_colour", "plain_rest", "strip_note", "title_end"]

Term = tuple[str, int, int]

_WOODS = r"oak|walnut|maple|cherry|beech|ash|rubberwood|pine|cedar|fir"
# a named wood only where it cannot be a finish's colour: "solid oak", "pine wood", "oak timber"
_WOOD = re.compile(rf"(?i)\b(?:solid\s+({_WOODS})(?:\s+wood)?|({_WOODS})\s+(?:wood|hardwood|"
                   r"timber|lumber))\b(?![\s-]*(?:colou?r|finish|look|effect|grain|tone|veneer|"
                   r"stain|print|pattern|style|scent(?:ed)?|fragrance|aroma|oil|smell))")
_HIDE = re.compile(r"(?i)\b(?:genuine|real|full[\s-]grain|top[\s-]grain)\s+(?:cowhide\s+)?"
                   r"leather\b")
_SPANS = ((re.compile(r"(?i)\bsolid\s+wood\b"), "solid wood"),
          (re.compile(r"(?i)\bengineered\s+wood\b"), "engineered wood"), (_HIDE, "genuine leather"))


def _put(out: list[Term], value: str, s: int, e: int) -> list[Term]:
    """``out`` with ``(value, s, e)`` in place of the terms it covers."""
    return [t for t in out if not (s <= t[1] < e)] + [(value, s, e)]


def _merged(terms: list[Term], text: str) -> list[Term]:
    """Two touching terms that name one material: a kind beside its kind, a fibre and weave."""
    out: list[Term] = []
    for term in terms:
        if out and re.fullmatch(r"[\s-]*", text[out[-1][2]:term[1]]):
            (a, s, _), b = out[-1], term[0]
            if b in NOT_ONE or b in kinds(a):  # "polyester satin", "Tritan plastic"
                out[-1] = (a, s, term[2])
                continue
            if a in kinds(b) and a not in NOT_ONE:  # "wood oak" is rare; "glass crystal"
                out[-1] = (b, s, term[2])
                continue
        out.append(term)
    return out


def material_terms(text: str) -> list[Term]:
    """Every material the text names, one value per phrase ("solid oak" -> oak), in order."""
    out = list(find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                          check_negation=False))
    for pattern, value in _SPANS:
        for m in pattern.finditer(text):
            out = _put(out, value, m.start(), m.end())
    for m in _WOOD.finditer(text):
        out = _put(out, (m.group(1) or m.group(2)).lower(), m.start(), m.end())
    return _merged(sorted(out, key=lambda t: t[1]), text)


def one_colour(value: str, no_colour: frozenset[str]) -> str | None:
    """The one colour ``value`` names ("Navy Blue" -> navy, "charcoal grey" -> grey), else None."""
    found = [c for c, _, _ in find_terms(value, color_items(), not_before=COLOR_NOT_BEFORE,
                                         check_negation=False)]
    if not found or set(found) & no_colour:
        return None
    first = found[0]  # "navy blue": blue is navy's kin, navy the more precise
    if all(c == first or c in COLOUR_KIN.get(first, ()) for c in found):
        return first
    return None


_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")


def strip_note(value: str) -> str:
    """``value`` without a closing note that names no other value ("PU leather (vegan)")."""
    note = _NOTE.search(value)
    if note is None or re.search(r"(?i)[,/&+]|\b(?:and|or)\b", note.group(1)) or \
            material_terms(note.group(1)) or one_colour(note.group(1), frozenset()):
        return value
    return value[:note.start()]


# words that leave a labelled material value the product's one material
_PLAIN = frozenset({"100%", "pure", "solid", "genuine", "real", "premium", "quality", "durable",
                    "sturdy", "thick", "natural", "organic", "grade", "food", "high", "heavy",
                    "duty", "material", "fabric", "construction", "body", "shatterproof",
                    "lightweight", "recycled", "soft", "breathable", "stretchy", "brushed",
                    "ringspun", "combed", "vegan", "eco", "friendly", "bpa", "free", "hard",
                    "strong", "thickened", "reinforced", "tempered", "waterproof", "rustproof",
                    "unbreakable", "the", "a", "of", "made", "from", "all", "only"})
_NOT_PLAIN = re.compile(r"(?i)\b(?:coat(?:ed|ing)?|finish(?:ed)?|look|plat(?:ed|ing)|veneer|"
                        r"lin(?:ed|ing|er)|faux|imitation|like|blend|mix|core|layer|trim|"
                        r"inner|outer|shell|over|filled|vermeil|clad|infused)\b")


_GRADE = r"\d{3}|18/\d+|\d+/\d+|\d+k"  # "304", "18/8", "925", "14k"


def plain_rest(before: str, after: str) -> bool:
    """True when the words of a labelled value beside its material leave it the one material.

    Describing words may go before it ("shatterproof polypropylene", "100% polyester", "18/8
    stainless steel"); after it only words of the material itself ("Tritan plastic body",
    "cotton fabric"): "glass jar", "aluminum core", "steel frame" name what is made of it.
    """
    if _NOT_PLAIN.search(before + " " + after):
        return False
    if any(w.strip(".()") not in _PLAIN and not re.fullmatch(_GRADE, w.strip(".()"))
           for w in re.findall(r"[^\s,-]+", after.lower())):
        return False
    for word in re.findall(r"[^\s,-]+", before.lower()):
        if re.fullmatch(r"[\d/.]+%?", word) and word != "100%" and \
                not re.fullmatch(_GRADE, word):
            return False  # "65% polyester": a share; "304", "18/8", "925" are grades
        bare = word.strip(".()")
        if bare.removesuffix("s") in PART_NOUNS | MATERIAL_PARTS and bare not in _PLAIN:
            return False
    return True


_TITLE_END = re.compile(r"\n|[.!?](?=\s+[A-Z0-9])(?<!\b[A-Z][a-z]\.)(?<!\bNo\.)")


def title_end(text: str) -> int:
    """Where the brief's title ends: its first line, or its first sentence when longer."""
    m = _TITLE_END.search(text)
    return m.start() if m else len(text)


# a coating, finish, lining or look: "ceramic coating", "ceramic nonstick", "wood-look", "X-free"
_NOT_OWN_AFTER = re.compile(r"[\s-]*(?:coat(?:ed|ing)?|finish(?:ed)?|look(?:ing)?|effect|"
                            r"lin(?:ed|ing|er)|plated|plating|veneer|print(?:ed)?|pattern|style|"
                            r"tone|grain|colou?r(?:ed)?|free|like|inspired|feel|texture|"
                            r"layer|accents?|trim(?:med)?|tips?|insert|core|handle|lid|"
                            r"non[\s-]?stick)\b",
                            re.IGNORECASE)
_NOT_OWN_BEFORE = re.compile(r"(?i)(?:\b(?:faux|imitation|fake|non|no|not|without|with|w/|for|"
                             r"fits?|compatible|like|than|vs|or|and|nor|plus|cuts?|on|onto|"
                             r"protects?|over|into|under|inside|against|to)|[&/+-])\s*$")
_LIST_AFTER = re.compile(r"\s*(?:[&/+]|,\s*[a-z]|\band\b|\bor\b|\bwith\b|\bplus\b|-\s*\w|\d)",
                         re.IGNORECASE)
_PERCENT = re.compile(r"100\s*%\s*$")


def _opens_sentence(text: str, s: int) -> bool:
    """True when the material at ``s`` opens a sentence after the title ("100%" aside)."""
    lead = re.search(r"(?:^|[.!?]\s|\n)([^.!?\n]*)$", text[max(0, s - 60):s])
    return s >= title_end(text) and lead is not None and \
        re.fullmatch(r"(?i)\s*(?:100\s*%|pure|solid|premium)?\s*", lead.group(1)) is not None


def _goes_on(text: str, e: int) -> bool:
    """True when ", double wall vacuum insulated" follows: a phrase about it, not an item."""
    nxt = re.match(r"\s*,\s*([a-z][^,;.\n]*)", text[e:e + 60])
    return nxt is not None and len(nxt.group(1).split()) > 1 and not material_terms(nxt.group(1))


def alone(text: str, s: int, e: int, *, cued: bool = False) -> bool:
    """True when a value at ``text[s:e]`` is said alone, not in a list, blend, part or look.

    After a material that opens a sentence of the copy, a comma and a lowercase phrase of
    more than one word open the next fact ("100% acrylic, itch free"), not the next item of
    a list ("Brick, Ceramic, Marble", "glass, ceramics, paper"); so too after "made of X"
    (``cued``), where what follows "with" are its parts.
    """
    before = text[max(0, s - 40):s]
    if _NOT_OWN_BEFORE.search(before) or _NOT_OWN_AFTER.match(text, e):
        return False
    if re.search(r"\d\s*%\s*$", before) and not _PERCENT.search(before):
        return False  # "35% polyester": a share of a blend
    listed = _LIST_AFTER.match(text, e)
    if listed and (cued or _opens_sentence(text, s)) and _goes_on(text, e):
        listed = None  # "100% acrylic, itch free", "Stainless steel, double wall"
    if listed and cued and re.match(r"\s*with\b", text[e:]):
        listed = None
    return not listed and not re.match(r"\s*\d", text[e:])  # "Cotton 65%"
