"""Materials in listing text: what the product or its main parts are made of.

A material counts in a title; elsewhere only where the text says it is made of it ("100%
cotton", "Material: aluminum alloy", "made of nylon"), in a bullet that is only the material,
or before the name of a main part ("rubber outsole", "wooden handle"). Not "-free", not "for
glass surfaces", not negated, not a weave alone ("Jersey White"), not a supplement's minerals.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.extraction.finders import (
    _CLAUSE_END,
    FOR_AUDIENCE,
    Mention,
    find_terms,
    material_items,
)
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE

# a title material named after "for"/"by" in the same part describes what it is for or who made it
_AFTER_FOR = re.compile(r"\b(?:for|compatible with|fits|by)\b(?:(?! - |[|(\[]).)*$", re.IGNORECASE)
_STRONG_CUE = re.compile(r"made (?:of|from|with)|material|fabric|construct|crafted|composed",
                         re.IGNORECASE)
_MATERIAL_CUE = re.compile(r"made|material|fabric|construct|crafted|upper|lining|lined|sole|"
                           r"frame|handle|shell|cover|composed|woven|blade|filled|filling|"
                           r"genuine|premium|solid|body|bristle|blend", re.IGNORECASE)


# "BPA, PVC and phthalate-free": a material listed before "-free" is what it is free of;
# "Faux Linen", "imitation silk", "synthetic nubuck", "emulation silk": a look (faux leather, fur
# and suede are names of their own)
_FREE_LIST = re.compile(r"-?(?:\s*,\s*[A-Za-z]+-?){0,3}\s*,?\s*(?:\band\b|\bor\b|&)\s*"
                        r"(?!is\b|are\b)[A-Za-z]+-?\s?free\b", re.IGNORECASE)
_FAUX = re.compile(r"\b(?:faux|imitation|fake|emulation|artificial)\s+$", re.IGNORECASE)
# "synthetic nubuck", "Synthetic Silk": a natural material's look ("synthetic microsuede" is one)
_SYNTHETIC = re.compile(r"\bsynthetic\s+$", re.IGNORECASE)
NATURAL = frozenset({"silk", "nubuck", "suede", "wool", "fur", "linen", "cotton", "leather",
                     "cashmere", "cowhide", "sheepskin"})


# "poly" names polyester in a fabric line ("60% Cotton/40% Poly", "poly blend"), elsewhere it
# is a word part or a product name ("Poly Nail Gel Kit")
_FABRIC_MIX = re.compile(r"%|\bblend|\bcotton|\bfabric|\bspandex|\brayon|\bfibers?\b",
                         re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left:right.start() if right else len(text)]


# minerals a supplement lists ("folate, iron, biotin", "45mg Iron"), not what it is made of
NUTRIENTS = frozenset({"iron", "copper", "zinc alloy", "silver", "gold"})
_NUTRITION = re.compile(r"\b(?:\d+\s*(?:mg|mcg|iu)|vitamins?|minerals?|folate|biotin|supplements?|"
                        r"multivitamins?|nutrients?|capsules?|tablets?|calcium|magnesium)\b",
                        re.IGNORECASE)


def find_materials(text: str, *, title: bool = True) -> list[Mention]:
    """Materials named in ``text`` (not "-free", not "for glass surfaces", not negated).

    Outside a title only in a clause about what it is made of ("100% cotton", "rubber sole").
    """
    from knowledge.extraction.vocab import WEAK_MATERIALS

    found = find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE)
    if not title and len(found) >= 4:  # "... suede uppers" stays: a clause naming a part
        found = [m for m in found if not _surface_list(text, m, found)
                 or any(_of_part(text, o[2]) for o in _in_clause(text, m, found))]
    found = [m for m in found
             if not (m[0] in NUTRIENTS and _NUTRITION.search(_clause(text, m[1], m[2])))
             and not (text[m[1]:m[2]].lower() == "poly" and not _FABRIC_MIX.search(
                 _clause(text, m[1], m[2])))
             and (m[0] not in WEAVES or _woven(text, m[1], m[2])
                  or (title and _BEFORE_GARMENT.match(text, m[2])))
             and not re.search(r"\bfor (?:\w+ ){0,2}$", text[:m[1]].lower()[-25:])
             and not _FREE_LIST.match(text, m[2])
             and not (_FAUX.search(text, 0, m[1]) and not m[0].startswith("faux"))
             and not (m[0] in NATURAL and _SYNTHETIC.search(text, max(0, m[1] - 12), m[1]))
             and not (title and _AFTER_FOR.search(FOR_AUDIENCE.sub(" ", text[:m[1]])))]
    kept = [m for m in found
            if title or _bare_line(text, m[1], m[2]) or _share(text, m[1], m[2])
            or _of_part(text, m[2]) or _LINED_WITH.search(text[max(0, m[1] - 30):m[1]])
            or _part_label(text, m[1])
            or (_STRONG_CUE if m[0] in WEAK_MATERIALS else _MATERIAL_CUE)
            .search(_clause(text, m[1], m[2]))]
    return _with_coordinated(text, found, kept)


# "Leather/Synthetic", "cotton/polyester blend", "PVC and saffiano leather", "Acrylic + ABS":
# materials joined to a kept one by a slash, comma, "and", "or", "&" or "+" share its reading
_JOIN = re.compile(r"\s*(?:[/,+&]|\band\b)\s*(?:and\s+)?(?:[\w-]+\s+)?$",
                   re.IGNORECASE)


def _with_coordinated(text: str, found: list[Mention], kept: list[Mention]) -> list[Mention]:
    """``kept`` plus the mentions of ``found`` coordinated with a kept one (in text order)."""
    chosen = set(kept)
    grew = True
    while grew:
        grew = False
        ordered = sorted(found, key=lambda m: m[1])
        for left, right in zip(ordered, ordered[1:], strict=False):
            if (left in chosen) == (right in chosen) or not _JOIN.fullmatch(
                    text[left[2]:right[1]]):
                continue
            chosen |= {left, right}
            grew = True
    return [m for m in found if m in chosen]


# "Upper: Suede", "Outsole: Rubber", "Lid Material: PP", "trim: leather": a part's spec line
_PART_LABEL = re.compile(r"\b([A-Za-z]+)(?:\s+materials?)?\s*[:：]\s*(?:[\w%-]+\s*){0,2}$",
                         re.IGNORECASE)


def _part_label(text: str, start: int) -> bool:
    """True when the material follows a part's label and a colon ("Outsole: Rubber")."""
    from knowledge.extraction.parts import is_material_part

    found = _PART_LABEL.search(text[max(0, start - 40):start])
    return found is not None and is_material_part(found.group(1))


_NEXT_WORDS = re.compile(r"(?:[\s-]+(?!(?:and|or|with|for|to|in|on|of|is|are)\b)([A-Za-z]+)){1,2}")


# "lined with fur", "lined in soft fleece": the lining's material
_LINED_WITH = re.compile(r"\b(?:lined|trimmed) (?:with|in)\s+(?:[A-Za-z-]+\s+){0,2}$",
                         re.IGNORECASE)


def _of_part(text: str, end: int) -> bool:
    """True when the material names a part of the product right after it.

    "Rubber outsole", "steel frame", "wooden handle", "silicone tips", "tempered glass lid":
    a material that modifies a part noun (within two words) says what that part is made of.
    """
    from knowledge.extraction.parts import is_material_part

    found = _NEXT_WORDS.match(text, end)
    if not found:
        return False
    words = re.findall(r"[A-Za-z]+", found.group(0))
    return any(is_material_part(w) for w in words)


# a weave is a material when named with its fibre or as the fabric ("Cotton Slub Jersey",
# "wool knit", "jersey fabric", "knit upper"); alone it is a name ("Jersey White", "Knit to
# Win Clog") or a garment's style ("Twill Dress Pant")
WEAVES = frozenset({"jersey", "knit", "twill"})
_FIBRES = r"(?:cotton|polyester|poly|wool|merino|nylon|spandex|elastane|rayon|viscose|linen|silk|" \
          r"acrylic|bamboo|modal|cashmere)"
_WOVEN_BEFORE = re.compile(rf"\b{_FIBRES}(?:\s+[A-Za-z]+)?\s+$", re.IGNORECASE)
_WOVEN_AFTER = re.compile(rf"\s+(?:[A-Za-z]+\s+)?(?:{_FIBRES}|fabric|upper|material)\b",
                          re.IGNORECASE)


# "Middleweight Jersey Hoodie", "Knit Sweaters", "Stretch Twill Pant": in a title a weave right
# before the garment it makes is its fabric ("Twill Dress Pant" names a style of pant)
_BEFORE_GARMENT = re.compile(r"[\s-]+(?:hoodies?|sweaters?|sweatshirts?|pants?|shirts?|tops?|"
                             r"tees?|t-shirts?|skirts?|leggings|joggers?|shorts|cardigans?|"
                             r"jackets?|blazers?|pullovers?)\b", re.IGNORECASE)


def _woven(text: str, start: int, end: int) -> bool:
    """True when a weave word is named with a fibre or as the fabric (see :data:`WEAVES`)."""
    return bool(_WOVEN_BEFORE.search(text[max(0, start - 30):start])
                or _WOVEN_AFTER.match(text, end))


# a share of the fabric: "80% cotton", "100% Food Grade Silicone", "Cotton 60%"; not a
# percent about something else in the clause ("not 100% satisfied with the Iron Flask")
_SHARE_BEFORE = re.compile(r"\d\s*(?:%|percent\b)"
                           r"(?:\s*(?!(?:with|the|for|and|to|in|on|by|from|that)\b)"
                           r"[A-Za-z-]+){0,3}\s*$", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*%")


# "Material: copper semi-metal brake pad": the field's label before a colon names it
_LABELLED = re.compile(r"(?:materials?|fabric|composition)(?:\s+(?:type|quality))?\s*[:：]\s*"
                       r"(?:[A-Za-z-]+\s*[+/,&]?\s*){0,2}$", re.IGNORECASE)


def _share(text: str, start: int, end: int) -> bool:
    """True when a percentage ("95% Polyester") or a "Material:" label stands by the material."""
    before = text[max(0, start - 40):start]
    return bool(_SHARE_BEFORE.search(before) or _LABELLED.search(before)
                or _SHARE_AFTER.match(text, end))


_MADE_OF = re.compile(r"made (?:of|from|with)|composed of|constructed (?:of|from)",
                      re.IGNORECASE)
# "Material: aluminum alloy", "made of high quality nylon", "Fabric: 95% polyester": the
# sentence says what the product is made of, right before the material
_STATED = re.compile(r"(?:made (?:of|from|with|out of)|composed of|constructed (?:of|from|with)|"
                     r"crafted (?:of|from|with)|\b(?:materials?|fabric|composition)\s*(?:is|are)?"
                     r"\s*[:：]?)\s*(?:(?:[\w%-]+|[+/,&])\s*){0,4}$", re.IGNORECASE)


def stated(text: str, start: int, end: int) -> bool:
    """True when the text says outright that the product is made of the material at ``start``.

    A share ("95% polyester"), a "Material:" label or a "made of" right before it: such a
    statement holds even in a description, where loose mentions usually name other things.
    """
    before = text[max(0, start - 50):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)
               if m.group(0) not in ":："), default=0)
    return _share(text, start, end) or bool(_STATED.search(before[cut:])) \
        or bool(_NAMED_AS.match(text, end))


# "TPE material", "thick polyethylene material", "ripstop fabric", "all metal construction": the
# material named as such
_NAMED_AS = re.compile(r"\s+(?:materials?|fabric|construction)\b", re.IGNORECASE)


def _surface_list(text: str, mention: Mention, found: list[Mention]) -> bool:
    """True when ``mention`` is one of four or more materials listed in one clause without "%".

    "prints on woven fabric, metal, paper, plastic, wood, glass": the surfaces it works on,
    not what it is made of ("95% polyester, 5% spandex" keeps its "%").
    """
    clause = _clause(text, mention[1], mention[2])
    left = text.find(clause, max(0, mention[1] - len(clause)))
    inside = {v for v, s, e in found if left <= s and e <= left + len(clause)}
    # "Made of PVC/polyester/cotton/polyurethane" says what it is made of
    return len(inside) >= 4 and "%" not in clause and not _MADE_OF.search(clause) \
        and not _LISTED.search(text, max(0, left - 25), left)


# "Color: white; Materials: PU leather, plywood, foam, iron": a spec line's label, at a clause's
# start (not "For drilling in materials: ABS, acrylic, ...", what it works on)
_LISTED = re.compile(r"(?:^|[\n;|•.]\s*)(?:materials?|fabric|composition)\s*[:：]\s*$",
                     re.IGNORECASE)


def _in_clause(text: str, mention: Mention, found: list[Mention]) -> list[Mention]:
    """The mentions of ``found`` in the clause of ``mention``."""
    clause = _clause(text, mention[1], mention[2])
    left = text.find(clause, max(0, mention[1] - len(clause)))
    return [m for m in found if left <= m[1] and m[2] <= left + len(clause)]


def _bare_line(text: str, start: int, end: int) -> bool:
    """True when a short bullet ends with this material ("Smooth faux leather", "Cowhide").

    Not "Nylon zippers.": there the material names a part.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (len(text[line_start:line_end].split()) <= 3
            and not re.search(r"\w", text[end:line_end]))


# a grade names the material more closely than its family: the labellers write only the grade
# ("18/8 stainless steel" -> stainless steel, not also steel; "kraft paper" only, not also paper)
GRADE_OF = {"stainless steel": "steel", "carbon steel": "steel", "high carbon steel": "steel",
            "alloy steel": "steel", "chrome vanadium steel": "steel", "high speed steel": "steel",
            "high carbon stainless steel": "stainless steel", "kraft paper": "paper",
            "borosilicate glass": "glass", "tempered glass": "glass", "ballistic nylon": "nylon",
            "malleable iron": "iron", "composite leather": "leather",
            "tool steel": "steel", "faux wool": "wool"}


def drop_families(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]]) -> None:
    """Drop a material family ("steel") when a grade of it ("stainless steel") was found too."""
    values = attributes.get("materials") or []
    families = {GRADE_OF[v] for v in values if v in GRADE_OF}
    families |= {GRADE_OF[f] for f in families if f in GRADE_OF}
    if families & set(values):
        attributes["materials"] = [v for v in values if v not in families]
        spans["materials"] = [s for s in spans.get("materials", []) if s["value"] not in families]
