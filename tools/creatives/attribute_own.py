"""The product's own material, colour and bed size, as a brief states them.

"glass water bottle" / "Material: plastic" -> the material "glass" / "plastic"; "red cotton
t-shirt" / "Color: blue" -> the colour "red" / "blue"; "king size sheet set" / "Size: twin"
/ "Fits twin beds only" -> the bed size "king" / "twin". Statements of
:mod:`tools.creatives.attribute_clash`'s one rule, read from the forms merchants use for the
whole product:

- a labelled spec line of the product ("Material: X", "FABRIC - X", "Metal: X", "Color: X",
  "Size: X (note)"), and "made of X" under a material head ("PREMIUM MATERIAL: Made of X");
- "made of / made from / crafted from / constructed of X" and "100% X" said of the product,
  and "X construction";
- a clause that is only a material ("t-shirt, cotton, 100% polyester");
- the title's (the first line's first clause) modifiers of its product noun ("glass water
  bottle", "red cotton t-shirt", "king size sheet set").

Beside these, :mod:`own_terms` reads a phrase as one value ("solid oak", "Genuine Leather",
"Tritan plastic", "Navy Blue"), :mod:`own_colours` the title's variant colour ("Backpack -
charcoal grey", "jacket in NAVY BLUE"), a see-through title and a part's colour line ("Base
color: white" against "a matte black base"), and :mod:`own_sizes` a letter size ("size
Large" / "Size: M") and a bed size with its measure; :mod:`own_kinds` says when two differ.

Only one value said alone counts. A value said of a part ("plastic lid", "Lid: bamboo", "with a
glass carafe"), in a list or blend ("cotton and polyester", "65% cotton 35% polyester"), as a
coating, finish, lining or look ("ceramic coating", "wood-look", "faux leather"), as an option
("available in red, blue", "Sizes: twin, full, queen"), of what the product fits, cuts or is
for, or as "X-free" states nothing of the product's own value. Two values clash only when
neither is a kind of the other ("glass" / "borosilicate glass", "wood" / "MDF", "navy" /
"blue" hold together; "solid wood" / "MDF", "wool" / "acrylic" do not).
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import color_items, find_terms, material_items
from knowledge.extraction.parts import MATERIAL_PARTS, PART_NOUNS, is_material_part
from knowledge.extraction.vocab_colours_sizes import COLOR_NOT_BEFORE
from tools.creatives.attribute_values import Stated
from tools.creatives.own_colours import CLEAR, part_colours, title_colours
from tools.creatives.own_kinds import (
    BED_SIZE,
    COLOUR,
    MATERIAL,
    NO_COLOUR,
    NOT_ONE,
    OWN,
    is_own,
    own_differ,
)
from tools.creatives.own_sizes import bed_size, fits_only, sized, title_bed, title_sizes
from tools.creatives.own_terms import (
    alone,
    material_terms,
    one_colour,
    plain_rest,
    strip_note,
    title_end,
)

__all__ = ["BED_SIZE", "COLOUR", "MATERIAL", "OWN", "WORKS_ON", "is_own", "own_differ",
           "own_values"]

# words that may stand with a material and leave it the one material said
_NEUTRAL = r"(?:100\s*%|pure|solid|genuine|real|premium|high[\s-]quality|quality|durable|sturdy|" \
           r"heavy[\s-]duty|thick|food[\s-]grade|natural|all|whole|entirely|fully|" \
           r"completely|the|a|an|of|it|is|are|this|made|from|crafted|constructed|built|body)"
_GENERIC_AFTER = re.compile(r"\s*(?:material|fabric|construction|build|body)?\s*(?:[.;,!)\n|]|$)",
                            re.IGNORECASE)
_CUE = re.compile(r"(?i)\b(?:made|crafted|constructed|built|fashioned|formed|manufactured)\s+"
                  r"(?:entirely\s+|fully\s+|wholly\s+)?(?:out\s+of|of|from|in)\s+"
                  r"((?:[a-z][a-z-]*\s+){0,2})$")  # "Made from lightweight aluminum"
# after "made of X": the sentence goes on about the product ("... with metal brackets", "so
# it's easy to flip"), not to another material
_CUE_AFTER = re.compile(r"(?i)\s*(?:material|fabric|construction|build|body|wood)?\s*"
                        r"(?:[.;,!)\n|]|$|(?:with|so|that|which|making|giving|for)\b)")
_CUE_NOT = frozenset({"layers", "layer", "pieces", "parts", "blend", "mix", "combination",
                      "sheets", "strips", "scraps", "bits", "blocks", "a", "an", "the", "same"})
_PERCENT = re.compile(r"100\s*%\s*$")
_DASH = re.compile(r"\s[-\u2013\u2014]\s")
_LABELS = {"material": MATERIAL, "materials": MATERIAL, "fabric": MATERIAL,
           "main material": MATERIAL, "body material": MATERIAL, "material type": MATERIAL,
           "product material": MATERIAL, "frame material": None, "color": COLOUR,
           "colour": COLOUR, "colors": None, "size": BED_SIZE, "bed size": BED_SIZE,
           "metal": MATERIAL, "metal type": MATERIAL, "dimensions": BED_SIZE}
_CLAUSE = re.compile(r"[^.;\n|!?•]+")
_LABEL = re.compile(r"\s*[-*\u2022]?\s*([A-Za-z][A-Za-z ]{0,24}?)\s*(?::|\s[-\u2013\u2014]\s)\s*")


def _clauses(text: str) -> list[tuple[str, int]]:
    """The brief's sentences and lines, with where they start (a decimal point cuts nothing)."""
    return [(m.group(0), m.start()) for m in re.finditer(r"(?:[^.;\n|!?•]|\.(?=\d))+", text)]


def _material_at(text: str, s: int, e: int, value: str) -> bool:
    return value not in NOT_ONE and alone(text, s, e)


def _labelled(text: str, found: list[Stated]) -> None:
    """"Material: glass", "Color: Navy Blue", "Size: Twin": a spec line of one value."""
    for clause, at in _clauses(text):
        label = _LABEL.match(clause)
        if label is None:
            continue
        attribute = _LABELS.get(label.group(1).strip().lower())
        value = strip_note(clause[label.end():].strip())
        if attribute is None or not value or len(value) > 40 or \
                re.search(r"(?i)[,/&+(]|\band\b|\bor\b|\bwith\b|\d+\s*%(?!\s*$)", value.replace(
                    "100%", "")):
            continue
        start = at + label.start(1)
        shown = clause[label.start(1):].strip()
        if attribute == MATERIAL:
            terms = material_terms(value)
            if len(terms) == 1 and terms[0][0] not in NOT_ONE and \
                    plain_rest(value[:terms[0][1]], value[terms[0][2]:]):
                found.append(Stated(MATERIAL, terms[0][0], shown, start))
        elif attribute == COLOUR:
            colour = one_colour(value, NO_COLOUR)
            if colour is not None and len(value.split()) <= 3:
                solid = "solid " if re.match(r"(?i)solid\s", value) else ""  # opaque
                found.append(Stated(COLOUR, solid + colour, shown, start))
        else:
            found += sized(value, shown, start, bed_size(value))


def _said(text: str, found: list[Stated]) -> None:
    """"made of glass", "100% acrylic", "steel construction", a clause of only a material."""
    for value, s, e in material_terms(text):
        made = _CUE.search(text[max(0, s - 60):s])  # "made of pine wood with metal brackets"
        if value in NOT_ONE or not alone(text, s, e, cued=made is not None):
            continue
        clause_start = max([text.rfind(c, 0, s) + 1 for c in ".;\n|!?•:,"] +
                           [m.end() for m in _DASH.finditer(text, 0, s)])
        lead = text[clause_start:s]
        cue = made or _PERCENT.search(lead)
        construction = re.match(r"\s+construction\b", text[e:])
        bare = re.fullmatch(rf"\s*(?:{_NEUTRAL}\s+)*", lead, re.IGNORECASE) is not None and \
            _GENERIC_AFTER.match(text, e) is not None and not _variant_name(text, s, e, value)
        if ":" in text[max(text.rfind("\n", 0, s), 0):s] and not _product_label(text, s):
            continue  # "Lid: bamboo": a part's line
        if cue is not None and _cue_of_product(text, lead, cue, e) or \
                construction is not None and re.fullmatch(rf"\s*(?:{_NEUTRAL}\s+)*", lead,
                                                           re.IGNORECASE) or \
                bare and clause_start > 0 and not _bare_list(text, clause_start, e):
            found.append(Stated(MATERIAL, value, text[s:e], s))


def _cue_of_product(text: str, lead: str, cue: re.Match[str], e: int) -> bool:
    """True when "made of X" or "100% X" says what the whole product is made of."""
    between = cue.group(1) if cue.re is _CUE else ""
    words = between.lower().split()
    if any(w in _CUE_NOT or w.rstrip("s") in PART_NOUNS for w in words):
        return False  # "made of 5 layers of steel", "made from the same fabric as"
    after = _CUE_AFTER if cue.re is _CUE else _GENERIC_AFTER
    return _of_product(text, lead[:max(len(lead) - len(cue.group(0)), 0)]) and \
        after.match(text, e) is not None


_STOP = frozenset({"the", "a", "an", "this", "these", "our", "its", "it", "is", "are", "was",
                   "be", "been", "all", "entirely", "fully", "completely", "wholly", "whole",
                   "each", "every", "and", "also"})


def _of_product(text: str, subject: str) -> bool:
    """True when the words before "made of" name the product: none, or the title's own words.

    "Water bottle made of glass", "It is made from oak"; not "Lid made of bamboo", "less weight
    than fittings made from metal", "Includes a curtain rail that is made of polyester".
    """
    title = {w.lower() for w in re.findall(r"[A-Za-z]+", text.split("\n", 1)[0])}
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", subject)]
    return all(w in _STOP or w in title and w.rstrip("s") not in PART_NOUNS for w in words)


# a title's clause of only a colour-like name or before a size is the variant's name
# ("Sandal, Stone, 6"): materials that name colours and finishes
_SHADE_NAMES = frozenset({"stone", "cork", "gold", "silver", "copper", "brass", "bronze", "wood",
                          "bamboo", "linen", "denim", "ivory", "chrome", "jute", "titanium",
                          "steel", "stainless steel", "crystal", "leather", "cream"})
_SIZE_NEXT = re.compile(r"(?i)\s*,\s*(?:\d|x*[sml]\b|x+l\b|small|medium|large|one size|"
                        r"\d*x+-?(?:large|small)|pack|set|\(|[a-z]+\s*\d)")


def _variant_name(text: str, s: int, e: int, value: str) -> bool:
    """True when a bare material clause of the first line is the variant's colour or name."""
    first_line = s < title_end(text)  # the title, not a later sentence of a one-line brief
    return first_line and (value in _SHADE_NAMES or _SIZE_NEXT.match(text, e) is not None)


def _product_label(text: str, at: int) -> bool:
    """True when the line's label names the product's material, not a part's.

    "Material:", "PREMIUM MATERIAL:", "STURDY CONSTRUCTION -"; not "Lid:", "LID MATERIAL:",
    nor a part's label after a semicolon ("Material: glass; infuser: stainless steel").
    """
    line_start = text.rfind("\n", 0, at) + 1
    piece_start = max(text.rfind(c, line_start, at) for c in ";|\u2022") + 1
    return _names_product(text[line_start:at]) and (
        piece_start <= line_start or _LABEL.match(text[piece_start:at].lstrip()) is None
        or _names_product(text[piece_start:at].lstrip()))


def _names_product(line: str) -> bool:
    """True when ``line`` opens with a label of the product's own material."""
    label = _LABEL.match(line)
    if label is None:
        return False
    name = label.group(1).strip().lower()
    words = name.split()
    return _LABELS.get(name) == MATERIAL or words[-1] in _HEAD_WORDS and not any(
        w.removesuffix("s") in PART_NOUNS | MATERIAL_PARTS for w in words)


_HEAD_WORDS = frozenset({"material", "materials", "fabric", "construction"})


def _bare_list(text: str, start: int, end: int) -> bool:
    """True when a bare material clause sits in a comma list of materials ("glass, plastic")."""
    prev = text[max(0, start - 30):start]
    nxt = text[end:end + 30]
    word_prev = re.search(r"([A-Za-z ]+),\s*$", prev)
    word_next = re.match(r"\s*,\s*([A-Za-z ]+)", nxt)
    for w in (word_prev.group(1) if word_prev else "", word_next.group(1) if word_next else ""):
        if w and find_terms(w, material_items(), check_negation=False):
            return True
    return False


# heads that name what the product works on, not what it is made of ("Glass Cutter")
_WORKS_ON = frozenset(w + p for w in (
    "cutter", "cleaner", "scraper", "conditioner", "sealer", "sealant", "remover", "sharpener",
    "polish", "stain", "glue", "adhesive", "epoxy", "paint", "primer", "putty", "filler", "caulk",
    "saw", "chisel", "screw", "nail", "bit", "drill", "punch", "file", "sandpaper", "wipe",
    "spray", "oil", "wax", "protector", "repair", "cement", "detector", "scanner", "marker",
    "pen", "tool", "anchor", "plane", "planer", "router", "carver", "burner", "dye", "mold",
    "mould", "cleaning", "treatment", "restorer", "etching", "lathe", "vise", "clamp", "shears",
    "snips", "nippers", "pliers", "jigsaw", "blade", "wheel", "disc", "disk", "brush",
    "grinder", "sander", "kiln", "crafts", "craft") for p in ("", "s"))
WORKS_ON = _WORKS_ON  # read by clash_title_specs too
_BODY = frozenset({"body", "construction", "build", "exterior", "shell", "housing", "casing",
                   "chassis"})
_SET_OF = re.compile(r"(?i)\s*(?:(?:set|pack|box|bundle)\s+of\s+\d+|\d+[\s-]*(?:pack|pcs?|pieces?|"
                     r"count|ct)\b)[\s,:-]*")
_TITLE_CUT = re.compile(r"(?i)[,.;:|()\[\]\n!?]|\s[-\u2013\u2014]\s|\b(?:with|w/|for|fits|in|"
                        r"and|&|made|by|featuring|includes|that|to|from|of|plus)\b")


def _title(text: str, found: list[Stated]) -> None:
    """The first clause's modifiers of its product noun: "glass water bottle", "king size set"."""
    prefix = _SET_OF.match(text)  # "Set of 5 borosilicate glass containers": each is glass
    first = _TITLE_CUT.search(text, prefix.end() if prefix else 0)
    end = first.start() if first else len(text)
    head = text[:end]
    words = re.findall(r"[A-Za-z][\w'-]*", head)
    if len(words) < 2:
        return
    last = list(re.finditer(r"[A-Za-z][\w'-]*", head))[-1]
    if last.group(0).lower().rstrip("s") in PART_NOUNS:
        return  # "Replacement glass lid": the title names a part
    found += title_bed(text, end, last.start())
    if last.group(0).lower() in _WORKS_ON:
        return  # "Glass cutter", "Wood chisel", "Leather conditioner": what it works on
    materials = [(v, s, e) for v, s, e in material_terms(head) if e < last.start()]
    for value, s, e in materials if len(materials) == 1 else ():  # "Silicone resin molds"
        part = re.match(r"[\s-]*([A-Za-z]+)", text[e:end])
        if part is not None and part.start(1) + e < last.start() and \
                is_material_part(part.group(1)) and part.group(1).lower() not in _BODY:
            continue  # "Cork footbed sandal", "Steel frame bed": a part's material
        if _material_at(text, s, e, value) and \
                not re.search(r"(?i)\b(?:pack|set|kit|case|cover|holder|stand|bag|box|"
                              r"sleeve|protector|organizer|rack|storage)\b", text[e:end]):
            found.append(Stated(MATERIAL, value, text[s:e], s))
    colours = [(c, s, e) for c, s, e in find_terms(head, color_items(),
                                                    not_before=COLOR_NOT_BEFORE,
                                                    check_negation=False)
               if e < last.start() and c not in NO_COLOUR]
    if len({c for c, _, _ in colours}) == 1 and alone(text, colours[0][1], colours[0][2]):
        c, s, e = colours[0]
        found.append(Stated(COLOUR, c, text[s:e], s))


def own_values(text: str) -> list[Stated]:
    """Every statement of the product's own one material, colour or size, or a part's colour."""
    found: list[Stated] = []
    named: list[Stated] = []
    _labelled(text, found)
    _said(text, found)
    _title(text, named)
    variant = title_colours(text)
    if any(v.value != CLEAR for v in variant):  # "White Ledge Boot, Black": not a model name
        named = [s for s in named if s.attribute != COLOUR]
    found += named + fits_only(text) + title_sizes(text) + variant + part_colours(text)
    seen, out = set(), []
    for s in sorted(found, key=lambda s: s.start):
        if (s.attribute, s.start) not in seen:
            seen.add((s.attribute, s.start))
            out.append(s)
    return out
