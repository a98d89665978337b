"""What the product contains and runs on, as a brief states it: substances and batteries.

"Latex-free" / "Material: natural rubber latex" -> has latex "no" / "yes"; "nut-free" /
"Contains tree nuts" -> has nut "no" / "yes"; "no batteries needed" / "Requires 4 AA
batteries" -> batteries "none" / "needed"; "Batteries: 2 x AA" / "runs on 3 AAA batteries"
-> battery set "2 AA" / "3 AAA". Statements of :mod:`tools.creatives.attribute_clash`'s one
rule. Only the same thing counts: "BPA, PVC & phthalate free" names no PVC of the product, a
battery "included" is no battery "required", "Remote: 2 x AAA / Base: 4 x AA" are two parts'.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from tools.creatives.attribute_values import Stated
from tools.creatives.clash_shares import stated_as_material
from tools.creatives.label_lines import part_label

__all__ = ["substances"]


def substances(text: str) -> list[Stated]:
    """Every statement of what the product contains, is free of, or runs on."""
    return [*_free_and_made_of(text), *_batteries(text), *_battery_specs(text),
            *_free_and_contains(text)]


_FREE_AFTER = re.compile(r"[\s-]?free\b", re.IGNORECASE)
_FREE_BEFORE = re.compile(r"\b(?:free of|free from|no|non|without)[\s-]+$", re.IGNORECASE)
# "no plastic smell", "without glass beads filling": the denial is of another thing
_ALONE_AFTER = re.compile(r"\s*(?:[,.;:!)\n/&]|and\b|or\b|$)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;\n]\s|[.;\n]$|\n")


def _free_and_made_of(text: str) -> list[Stated]:
    """"Latex-free" and a material line naming latex: the product without and with it."""
    found = []
    for value, s, e in find_terms(text, material_items(), check_negation=False):
        after, before = _FREE_AFTER.match(text, e), _FREE_BEFORE.search(text[:s])
        if after is not None:
            found.append(Stated(f"has {value}", "no", text[s:after.end()], s))
        elif before is not None and _ALONE_AFTER.match(text, e):
            found.append(Stated(f"has {value}", "no", text[before.start():e], before.start()))
    free = {f.attribute for f in found}
    for value, s, e in find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                                  check_negation=True) if free else ():
        clause = _CLAUSE_END.split(text[e:], maxsplit=1)[0]  # "PVC & phthalate free"
        if f"has {value}" in free and not re.search(r"(?i)\bfree\b", clause) \
                and not _FREE_BEFORE.search(text[:s]) and _made_of(text, s, e):
            at = _line_start(text, s)
            found.append(Stated(f"has {value}", "yes", text[at:e].strip(), at))
    return found


_MADE_OF = re.compile(r"(?i)\b(?:made\s+(?:of|from|with)|constructed\s+(?:of|from)|"
                      r"materials?|fabric|composition|content|contains|uses)\b[^.;\n]{0,40}$")


def _made_of(text: str, start: int, end: int) -> bool:
    """True when a material mention says what the product is made of, not a thing it spares.

    "Material: natural rubber latex", "made with beeswax", or the name; "No more worrying
    about melting plastic" mentions plastic, it does not say the product has it.
    """
    return _MADE_OF.search(text[max(0, start - 60):start]) is not None or \
        stated_as_material(text, start, end)


def _line_start(text: str, at: int) -> int:
    """Where the line or clause holding ``at`` starts."""
    return max(text.rfind(sep, 0, at) + len(sep) for sep in ("\n", ". ", "; ", ", "))


_NO_BATTERIES = re.compile(r"(?i)\b(?:no|without)\s+batter(?:y|ies)(?:\s+(?:needed|required|"
                           r"necessary))?\b|\bbatter(?:y|ies)[\s-]free\b|\bbattery-less\b")
_NEEDS_BATTERIES = re.compile(r"(?i)\b(?:requires?|needs?|runs on|operates on|powered by|uses)\s+"
                              r"(?:\d+\s*(?:x\s*)?)?(?:AAA?|C|D|9V|CR\d+|LR\d+|AG\d+|button|"
                              r"alkaline|lithium)?\s*(?:batter(?:y|ies)|cells?)\b|"
                              r"\bbatter(?:y|ies)\s+(?:required|needed)\b")


def _batteries(text: str) -> list[Stated]:
    """"No batteries needed" and "requires 4 AA batteries": batteries needed and not."""
    nos = list(_NO_BATTERIES.finditer(text))
    found = [Stated("batteries", "none", m.group(0), m.start()) for m in nos]
    for yes in _NEEDS_BATTERIES.finditer(text) if nos else ():
        if not any(no.start() <= yes.start() < no.end() for no in nos) and not re.search(
                r"(?i)\b(?:no|not|without)\s+$", text[:yes.start()]):
            found.append(Stated("batteries", "needed", yes.group(0), yes.start()))
    return found


_BATTERY_SPEC = re.compile(r"(?i)\b(?P<n>\d+)\s*(?:x\s*)?(?P<t>AAA|AA|CR\d{4}|LR\d{2}|9V)\b")


def _of_batteries(text: str, spec: re.Match[str]) -> bool:
    """True when a battery size is said of the batteries ("2 x AA batteries", "Batteries: 2 AA")."""
    after = re.match(r"[^.;\n]{0,30}batter", text[spec.end():], re.IGNORECASE)
    label = re.search(r"(?i)batter[a-z]*\s*:?\s*$", text[:spec.start()])
    return after is not None or label is not None


def _battery_specs(text: str) -> list[Stated]:
    """"Batteries: 2 x AA" and "runs on 3 AAA batteries": the product's batteries twice.

    Only where no part label tells them apart ("Remote: 2 x AAA / Base: 4 x AA").
    """
    return [Stated("battery set", f"{m.group('n')} {m.group('t').upper()}", m.group(0), m.start())
            for m in _BATTERY_SPEC.finditer(text) if _of_batteries(text, m)
            and (part_label(text, m.start()) or "batteries").lower().startswith("batter")]


_FREE_OF = re.compile(r"(?i)\b([a-z]{3,})[- ]free\b(?!\s+(?:from|of)\b)|"
                      r"\b(vegan)\b(?![\s-]+(?:leather|suede|wool|silk|friendly))")
_CONTAINS = re.compile(r"(?i)\b(?:contains|made with|may contain)\s+((?:[a-z]+\s*){1,3})|"
                       r"\bingredients\s*:\s*([^.\n|]+)")
# what a "free" word also excludes: "gluten-free" has no wheat, "vegan" no beeswax
_ALSO = {"gluten": ("wheat", "barley", "rye"),
         "dairy": ("whey", "lactose", "casein"),  # no "milk", "butter": coconut, shea
         "vegan": ("beeswax", "honey", "lanolin", "gelatin", "carmine", "collagen", "whey",
                   "tallow", "shellac")}


def _names(word: str, free: str) -> bool:
    """True when a contained ``word`` names the ``free`` substance ("methylparaben": paraben)."""
    word = word.rstrip("s")
    return word == free or len(free) >= 6 and word.endswith(free) or word in _ALSO.get(free, ())


# a word of a "contains" list that is itself said absent ("made with PVC-free material",
# "contains no gluten") or names a stalk, not a grain ("barley grass", "wheat straw")
_NOT_CONTAINED_AFTER = re.compile(r"[\s-]*(?:free\b|grass|straw|fib(?:er|re))")
# a word that denies what follows it: a contains-list's "no gluten", "Not vegan", "isn't vegan"
_DENIAL_BEFORE = re.compile(r"(?i)\b(?:no|non|not|isn't|never|without|free\s+(?:of|from))[\s-]+$")


# a free word said of what the product is for or of other things, not of the product
_USED_FOR = re.compile(r"(?i)\b(?:for|other|like|such\s+as)\b")


def _not_contained(said: str, w: re.Match[str]) -> bool:
    """True when the word at ``w`` of a contains-list is said absent or is no ingredient."""
    return _NOT_CONTAINED_AFTER.match(said, w.end()) is not None or \
        _DENIAL_BEFORE.search(said[:w.start()]) is not None


def _free_and_contains(text: str) -> list[Stated]:
    """"Nut-free" and "contains tree nuts", "vegan" and "made with beeswax": absent and present."""
    free = {(m.group(1) or m.group(2)).lower().rstrip("s"): m for m in _FREE_OF.finditer(text)
            if not _DENIAL_BEFORE.search(text[max(0, m.start() - 12):m.start()])  # "Not vegan"
            and not _USED_FOR.search(re.split(r"[.!?\n]", text[max(0, m.start() - 60):m.start()])
                                     [-1])}  # "perfect for ... other sugar-free treats"
    found = []
    for m in _CONTAINS.finditer(text) if free else ():
        said = (m.group(1) or m.group(2)).lower()
        tail = said + text[m.end():m.end() + 12].lower()  # "made with PVC-free material"
        for w in re.finditer(r"[a-z]+", said):
            if _not_contained(tail, w):
                continue
            word = w.group(0)
            name = next((f for f in free if _names(word, f) and word != "vegan"), None)
            if name is not None:
                f = free[name]
                found += [Stated(f"contains {name}", "no", f.group(0), f.start()),
                          Stated(f"contains {name}", "yes", m.group(0).strip(), m.start())]
    return found
