"""The product's own material, colour and bed size, as a brief states them.

"glass water bottle" / "Material: plastic" -> the material "glass" / "plastic"; "red cotton
t-shirt" / "Color: blue" -> the colour "red" / "blue"; "king size sheet set" / "Size: twin"
/ "Fits twin beds only" -> the bed size "king" / "twin". Statements of
:mod:`tools.creatives.attribute_clash`'s one rule, read from the forms merchants use for the
whole product:

- a labelled spec line of the product ("Material: X", "Fabric: X", "Color: X", "Size: X");
- "made of / made from / crafted from / constructed of X" and "100% X" said of the product,
  and "X construction";
- a clause that is only a material ("t-shirt, cotton, 100% polyester");
- the title's (the first line's first clause) modifiers of its product noun ("glass water
  bottle", "red cotton t-shirt", "king size sheet set").

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
from knowledge.extraction.parts import PART_NOUNS, is_material_part
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.extraction.vocab_colours_sizes import BED_SIZES, COLOR_NOT_BEFORE
from tools.creatives.attribute_values import Stated

__all__ = ["BED_SIZE", "COLOUR", "MATERIAL", "OWN", "own_differ", "own_values"]

MATERIAL, COLOUR, BED_SIZE = "the material", "the colour of the product", "the bed size"
OWN = frozenset({MATERIAL, COLOUR, BED_SIZE})

# what a material is a kind of: two values hold together when one is the other's kind
_KIND_OF: dict[str, tuple[str, ...]] = {
    "stainless steel": ("steel",), "carbon steel": ("steel",), "high carbon steel": ("steel",),
    "alloy steel": ("steel",), "silicon steel": ("steel",), "steel": ("metal",),
    "cast iron": ("iron",), "iron": ("metal",), "aluminum": ("metal",), "copper": ("metal",),
    "brass": ("metal",), "zinc alloy": ("metal",), "titanium": ("metal",),
    "sterling silver": ("metal",),
    "borosilicate glass": ("glass",), "crystal": ("glass",),
    "porcelain": ("ceramic",), "stoneware": ("ceramic",),
    "solid wood": ("wood",), "hardwood": ("solid wood",), "birch": ("hardwood",),
    "acacia": ("hardwood",), "teak": ("hardwood",), "mahogany": ("hardwood",),
    "spruce": ("solid wood",), "mdf": ("engineered wood",), "chipboard": ("engineered wood",),
    "engineered wood": ("wood",), "bamboo": ("wood",),
    "abs": ("plastic",), "pvc": ("plastic", "vinyl"), "vinyl": ("plastic",), "tpu": ("plastic",),
    "polycarbonate": ("plastic",), "polypropylene": ("plastic",), "tritan": ("plastic",),
    "acrylic": ("plastic", "synthetic"), "melamine": ("plastic",), "polyethylene": ("plastic",),
    "hdpe": ("polyethylene",), "polystyrene": ("plastic",), "resin": ("plastic",),
    "polyurethane": ("plastic",), "eva": ("plastic", "rubber"), "nylon": ("plastic", "synthetic"),
    "polyester": ("synthetic",), "spandex": ("synthetic",), "rayon": ("synthetic",),
    "silicone": ("rubber",), "latex": ("rubber",), "neoprene": ("rubber",), "tpe": ("rubber",),
    "tpr": ("rubber",), "memory foam": ("foam",),
    "merino wool": ("wool",), "cashmere": ("wool",),
    "cowhide": ("leather",), "sheepskin": ("leather",), "suede": ("leather",),
    "nubuck": ("leather",), "kraft paper": ("paper",), "cardboard": ("paper",),
}
# weaves, looks and blends: a fabric of any fibre, never the product's one material
_NOT_ONE = frozenset({"fleece", "denim", "canvas", "mesh", "microfiber", "velvet", "satin",
                      "lace", "felt", "sherpa", "oxford cloth", "muslin", "textile", "synthetic",
                      "faux leather", "faux suede", "faux fur", "faux shearling", "fur",
                      "pp cotton", "composite leather", "jersey", "knit", "twill", "microsuede",
                      "carbon fiber", "poly"})
_COLOUR_KIN: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "burgundy": ("red", "purple", "brown"), "pink": ("red",), "yellow": ("gold",),
    "gold": ("yellow",), "rose gold": ("gold", "pink"), "teal": ("blue", "green"),
    "turquoise": ("blue", "green"), "navy": ("blue",), "brown": ("tan", "khaki", "beige"),
    "tan": ("brown", "beige", "khaki"), "khaki": ("beige", "brown", "green", "tan"),
    "beige": ("white", "tan", "brown", "khaki", "cream", "ivory"),
    "cream": ("white", "beige", "ivory"), "ivory": ("white", "beige", "cream"),
    "silver": ("grey",), "grey": ("silver",)}.items()}
_NO_COLOUR = frozenset({"clear", "multicolor"})


def _kinds(material: str) -> set[str]:
    """A material and every kind it is ("stainless steel" -> steel, metal)."""
    out, todo = set(), [material]
    while todo:
        m = todo.pop()
        if m not in out:
            out.add(m)
            todo += _KIND_OF.get(m, ())
    return out


def own_differ(a: Stated, b: Stated) -> bool:
    """True when two own values cannot both hold: neither is a kind or shade of the other."""
    x, y = str(a.value), str(b.value)
    if x == y:
        return False
    if a.attribute == MATERIAL:
        return x not in _kinds(y) and y not in _kinds(x)
    if a.attribute == COLOUR:
        return not ({x} | _COLOUR_KIN.get(x, frozenset())) & ({y} | _COLOUR_KIN.get(y, frozenset()))
    return True


# words that may stand with a material and leave it the one material said
_NEUTRAL = r"(?:100\s*%|pure|solid|genuine|real|premium|high[\s-]quality|quality|durable|sturdy|" \
           r"heavy[\s-]duty|thick|food[\s-]grade|natural|all|whole|entirely|fully|" \
           r"completely|the|a|an|of|it|is|are|this|made|from|crafted|constructed|built|body)"
_GENERIC_AFTER = re.compile(r"\s*(?:material|fabric|construction|build|body)?\s*(?:[.;,!)\n|]|$)",
                            re.IGNORECASE)
# a coating, finish, lining or look: "ceramic coating", "wood-look", "oak finish", "X-free"
_NOT_OWN_AFTER = re.compile(r"[\s-]*(?:coat(?:ed|ing)?|finish(?:ed)?|look(?:ing)?|effect|"
                            r"lin(?:ed|ing|er)|plated|plating|veneer|print(?:ed)?|pattern|style|"
                            r"tone|grain|colou?r(?:ed)?|free|like|inspired|feel|texture|"
                            r"layer|accents?|trim(?:med)?|tips?|insert|core|handle|lid)\b",
                            re.IGNORECASE)
_NOT_OWN_BEFORE = re.compile(r"(?i)(?:\b(?:faux|imitation|fake|non|no|not|without|with|w/|for|"
                             r"fits?|compatible|like|than|vs|or|and|nor|plus|cuts?|on|onto|"
                             r"protects?|over|into|under|inside|against|to)|[&/+-])\s*$")
_LIST_AFTER = re.compile(r"\s*(?:[&/+]|,\s*[a-z]|\band\b|\bor\b|\bwith\b|\bplus\b|-\s*\w|\d)",
                         re.IGNORECASE)
_CUE = re.compile(r"(?i)\b(?:made|crafted|constructed|built|fashioned|formed|manufactured)\s+"
                  r"(?:entirely\s+|fully\s+|wholly\s+)?(?:out\s+of|of|from|in)\s+$")
_PERCENT = re.compile(r"100\s*%\s*$")
_LABELS = {"material": MATERIAL, "materials": MATERIAL, "fabric": MATERIAL,
           "main material": MATERIAL, "body material": MATERIAL, "material type": MATERIAL,
           "product material": MATERIAL, "frame material": None, "color": COLOUR,
           "colour": COLOUR, "colors": None, "size": BED_SIZE, "bed size": BED_SIZE}
_CLAUSE = re.compile(r"[^.;\n|!?•]+")
_LABEL = re.compile(r"\s*[-*\u2022]?\s*([A-Za-z][A-Za-z ]{0,24}?)\s*:\s*")


def _clauses(text: str) -> list[tuple[str, int]]:
    """The brief's sentences and lines, with where they start (a decimal point cuts nothing)."""
    return [(m.group(0), m.start()) for m in re.finditer(r"(?:[^.;\n|!?•]|\.(?=\d))+", text)]


def _alone(text: str, s: int, e: int) -> bool:
    """True when a value at ``text[s:e]`` is said alone, not in a list, blend, part or look."""
    before = text[max(0, s - 40):s]
    if _NOT_OWN_BEFORE.search(before) or _NOT_OWN_AFTER.match(text, e):
        return False
    if re.search(r"\d\s*%\s*$", before) and not _PERCENT.search(before):
        return False  # "35% polyester": a share of a blend
    return not _LIST_AFTER.match(text, e) and not re.match(r"\s*\d", text[e:])  # "Cotton 65%"


def _material_at(text: str, s: int, e: int, value: str) -> bool:
    return value not in _NOT_ONE and _alone(text, s, e)


def _materials(text: str) -> list[tuple[str, int, int]]:
    terms = find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE, check_negation=False)
    out = [(v, s, e) for v, s, e in terms]
    for m in re.finditer(r"(?i)\bsolid\s+wood\b", text):  # "solid wood" is no veneer or MDF
        out = [t for t in out if not (m.start() <= t[1] < m.end())]
        out.append(("solid wood", m.start(), m.end()))
    for m in re.finditer(r"(?i)\bengineered\s+wood\b", text):
        out = [t for t in out if not (m.start() <= t[1] < m.end())]
        out.append(("engineered wood", m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


def _no_part_before(lead: str) -> bool:
    """True when the words before a value name no part ("Lid made of bamboo")."""
    words = re.findall(r"[a-z]+", lead.lower())
    return not any(w.rstrip("s") in PART_NOUNS or w in PART_NOUNS for w in words)


def _labelled(text: str, found: list[Stated]) -> None:
    """"Material: glass", "Color: Navy Blue", "Size: Twin": a spec line of one value."""
    for clause, at in _clauses(text):
        label = _LABEL.match(clause)
        if label is None:
            continue
        attribute = _LABELS.get(label.group(1).strip().lower())
        value = clause[label.end():].strip()
        if attribute is None or not value or len(value) > 40 or \
                re.search(r"(?i)[,/&+(]|\band\b|\bor\b|\bwith\b|\d+\s*%(?!\s*$)", value.replace(
                    "100%", "")):
            continue
        start = at + label.start(1)
        shown = clause[label.start(1):].strip()
        if attribute == MATERIAL:
            terms = _materials(value)
            rest = value[:terms[0][1]] + " " + value[terms[0][2]:] if len(terms) == 1 else "x"
            if len(terms) == 1 and terms[0][0] not in _NOT_ONE and re.fullmatch(
                    rf"(?i)\s*(?:(?:{_NEUTRAL}|organic|grade|[\d/]+)\s*)*"
                    r"(?:material|fabric|construction)?\s*", rest):  # not "aluminum core"
                found.append(Stated(MATERIAL, terms[0][0], shown, start))
        elif attribute == COLOUR:
            colours = {c for c, _, _ in find_terms(value, color_items(),
                                                   not_before=COLOR_NOT_BEFORE,
                                                   check_negation=False)}
            if len(colours) == 1 and not colours & _NO_COLOUR and len(value.split()) <= 3:
                found.append(Stated(COLOUR, colours.pop(), shown, start))
        else:
            size = _bed_size(value)
            if size is not None and re.fullmatch(r"(?i)[a-z ]*(?:size|bed)?", value):
                found.append(Stated(BED_SIZE, size, shown, start))


# one alternation of the bed sizes (longest first), "cal king" beside "california king"
_BED_NAMES = "|".join([r"cal\s+king", *(s.replace(" ", r"\s+") for s in BED_SIZES)])
_BED = re.compile(rf"(?i)\b({_BED_NAMES})\b")


def _bed_size(value: str) -> str | None:
    sizes = {m.group(1).lower().replace("cal ", "california ") for m in _BED.finditer(value)}
    sizes = {re.sub(r"\s+", " ", s) for s in sizes}
    return sizes.pop() if len(sizes) == 1 and sizes <= set(BED_SIZES) else None


def _said(text: str, found: list[Stated]) -> None:
    """"made of glass", "100% acrylic", "steel construction", a clause of only a material."""
    for value, s, e in _materials(text):
        if not _material_at(text, s, e, value):
            continue
        clause_start = max(text.rfind(c, 0, s) for c in ".;\n|!?•:,") + 1
        lead = text[clause_start:s]
        cue = _CUE.search(text[max(0, s - 60):s]) or _PERCENT.search(lead)
        construction = re.match(r"\s+construction\b", text[e:])
        bare = re.fullmatch(rf"\s*(?:{_NEUTRAL}\s+)*", lead, re.IGNORECASE) is not None and \
            _GENERIC_AFTER.match(text, e) is not None and not _variant_name(text, s, e, value)
        if ":" in text[max(text.rfind("\n", 0, s), 0):s] and not _product_label(text, s):
            continue  # "Lid: bamboo": a part's line
        if cue is not None and _of_product(text, lead[:len(lead) - len(cue.group(0))]) and \
                _GENERIC_AFTER.match(text, e) or \
                construction is not None and re.fullmatch(rf"\s*(?:{_NEUTRAL}\s+)*", lead,
                                                           re.IGNORECASE) or \
                bare and clause_start > 0 and not _bare_list(text, clause_start, e):
            found.append(Stated(MATERIAL, value, text[s:e], s))


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
    first_line = "\n" not in text[:s]
    return first_line and (value in _SHADE_NAMES or _SIZE_NEXT.match(text, e) is not None)


def _product_label(text: str, at: int) -> bool:
    line = text[text.rfind("\n", 0, at) + 1:at]
    label = _LABEL.match(line)
    return label is not None and _LABELS.get(label.group(1).strip().lower()) == MATERIAL


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
_BODY = frozenset({"body", "construction", "build", "exterior", "shell", "housing", "casing",
                   "chassis"})
_TITLE_CUT = re.compile(r"(?i)[,.;:|()\[\]\n!?]|\s[-\u2013\u2014]\s|\b(?:with|w/|for|fits|in|"
                        r"and|&|made|by|featuring|includes|that|to|from|of|plus)\b")


def _title(text: str, found: list[Stated]) -> None:
    """The first clause's modifiers of its product noun: "glass water bottle", "king size set"."""
    first = _TITLE_CUT.search(text)
    end = first.start() if first else len(text)
    head = text[:end]
    words = re.findall(r"[A-Za-z][\w'-]*", head)
    if len(words) < 2:
        return
    last = list(re.finditer(r"[A-Za-z][\w'-]*", head))[-1]
    if last.group(0).lower().rstrip("s") in PART_NOUNS:
        return  # "Replacement glass lid": the title names a part
    if last.group(0).lower() in _WORKS_ON:
        return  # "Glass cutter", "Wood chisel", "Leather conditioner": what it works on
    materials = [(v, s, e) for v, s, e in _materials(head) if e < last.start()]
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
               if e < last.start() and c not in _NO_COLOUR]
    if len({c for c, _, _ in colours}) == 1 and _alone(text, colours[0][1], colours[0][2]):
        c, s, e = colours[0]
        found.append(Stated(COLOUR, c, text[s:e], s))
    beds = [m for m in _BED.finditer(head) if m.end() < last.start()]
    bedding = re.compile(r"(?i)[\s-]*(?:size\b|bed\b|sheet|duvet|comforter|quilt|mattress|"
                         r"bedspread|blanket|coverlet)")
    if len(beds) == 1 and bedding.match(text, beds[0].end()):
        size = _bed_size(beds[0].group(0))
        if size is not None and _alone(text, beds[0].start(), beds[0].end()):
            found.append(Stated(BED_SIZE, size, beds[0].group(0), beds[0].start()))


_FITS_ONLY = re.compile(rf"(?i)\b(?:fits|for)\s+(?:only\s+)?({_BED_NAMES})(?:[\s-]+size)?\s+"
                        rf"(?:beds?|mattress(?:es)?)\s+only\b|\bfits\s+only\s+({_BED_NAMES})"
                        r"(?:[\s-]+size)?\s+(?:beds?|mattress(?:es)?)\b")


def _fits_only(text: str, found: list[Stated]) -> None:
    """"Fits twin beds only": the one bed size it is."""
    for m in _FITS_ONLY.finditer(text):
        size = _bed_size(m.group(1) or m.group(2))
        if size is not None:
            found.append(Stated(BED_SIZE, size, m.group(0), m.start()))


def own_values(text: str) -> list[Stated]:
    """Every statement of the product's own one material, colour or bed size."""
    found: list[Stated] = []
    _labelled(text, found)
    _said(text, found)
    _title(text, found)
    _fits_only(text, found)
    seen, out = set(), []
    for s in sorted(found, key=lambda s: s.start):
        if (s.attribute, s.start) not in seen:
            seen.add((s.attribute, s.start))
            out.append(s)
    return out
