"""The title's own value of an attribute and a labelled spec line that gives it otherwise.

"CAST IRON SKILLET" / "Material: tri-ply stainless steel, aluminium core", "Argan oil shampoo
16 fl oz" / "Net contents: 250 ml", "Set of 6 stemless wine glasses" / "Package contains: four
glasses", "5x7 area rug" / "Measures 3 ft x 5 ft", "Wireless Bluetooth keyboard" /
"Connection: wired USB-A only": the title says what the product is, the spec line (mapped to a
family by its label, :mod:`tools.creatives.spec_lines`) says it again, and no one product is
both. Units are converted and rounding allowed (16 fl oz ~ 473 ml, 1 gallon = 4 qt).

A spec value that includes the title's value holds with it ("stainless steel body, aluminium
core" for a stainless pan; "white with navy stripes" for a white shoe); a title that gives two
values of a family (a set of sizes, "6 hrs per charge, 30 hrs total", "64 oz pitcher, plus two
20 oz cups") or a value said per item ("15 oz each") gives none to compare; a spec line about a
part ("Lining:", "Seat & legs:") or options ("Colours:") is never read. When in doubt a clash is
missed rather than an honest brief refused. Values the title gives outside its head (a colour
clause, "Size Medium", "Cordless", "24 pack" against "Qty: 12 pcs", "Infant") are read by
:mod:`tools.creatives.title_clauses`.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import color_items, find_terms
from knowledge.extraction.parts import PART_NOUNS, is_material_part
from knowledge.extraction.vocab_colours_sizes import COLOR_NOT_BEFORE
from tools.creatives.attribute_own import WORKS_ON
from tools.creatives.attribute_values import Stated
from tools.creatives.own_kinds import COLOUR, MATERIAL, NO_COLOUR, NOT_ONE, own_differ
from tools.creatives.own_terms import material_terms, one_colour
from tools.creatives.spec_lines import Spec, spec_lines, title_span
from tools.creatives.title_amounts import AMOUNT_CHECKS
from tools.creatives.title_clauses import (
    clause_colour,
    infant_age,
    letter_size,
    power_source,
    quantity,
    water_minutes,
)

__all__ = ["check_title_specs"]

_NAMES = {"material": "the material", "colour": "the colour", "size": "the size",
          "count": "the piece count", "volume": "the capacity", "weight": "the weight",
          "time": "the battery runtime", "age": "the ages it is for",
          "connection": "how it connects", "water resistance": "the water resistance",
          "power": "the power source"}
_HEAD_CUT = re.compile(r"(?i)[,(|:;]|\s[-\u2013\u2014]\s|\b(?:with|w/|for|featuring|includes|"
                       r"plus|by|and|&)\b|\bw/(?!\w)")
# materials the shared vocabulary leaves out, said alone in a spec value
_EXTRA = ((re.compile(r"(?i)\b(?:\d{1,2}\s?k[t]?|solid)\s+(?:yellow\s+|white\s+|rose\s+)?gold\b"),
           "gold"), (re.compile(r"(?i)\bPU\b(?![\s-]+leather)"), "polyurethane"),
          (re.compile(r"(?i)\bcedar\b"), "cedar"), (re.compile(r"(?i)\bpine\b"), "pine"))
_DENIED = re.compile(r"(?i)(?:\b(?:no|not|non|without|free\s+of|never)[\s-]+(?:\w+[\s-]+)?)$")


def _head(text: str) -> str:
    """The title's product phrase: up to its first comma, dash, "with" or "for"."""
    title = text[slice(*title_span(text))]
    cut = _HEAD_CUT.search(title)
    return title[:cut.start()] if cut else title


def _of_part(text: str, end: int) -> bool:
    """True when the word after a material names a part or a container ("aluminium core")."""
    after = re.match(r"[\s-]*([A-Za-z]+)", text[end:])
    return after is not None and (_part(after.group(1)) or after.group(1).lower() in _HOLDERS)


def _part(word: str) -> bool:
    low = word.lower()
    return is_material_part(low) or low.removesuffix("s") in PART_NOUNS


# a plant fibre sold under its plant's name and made into a regenerated fibre
_SPUN = {"bamboo": frozenset({"rayon", "viscose", "lyocell", "modal"})}
# weaves and piles of any fibre, never the one material ("Corduroy pillow cover" / polyester)
_WEAVES = frozenset({"corduroy", "chenille", "flannel", "terry", "sateen", "percale", "tweed",
                     "boucle", "seersucker", "velour", "plush", "waffle", "poplin", "chiffon",
                     "organza", "tulle", "crepe", "gauze", "minky", "suede"})
_HOLDERS = frozenset({"jar", "jars", "case", "container", "box", "packaging", "tin", "pot",
                      "bottle", "bag", "pouch"})


def _materials(value: str) -> list[str]:
    """The materials ``value`` says the product is of, leaving out a part's and denied ones."""
    terms = [(v, s, e) for v, s, e in material_terms(value)]
    terms += [(name, m.start(), m.end()) for pattern, name in _EXTRA
              for m in pattern.finditer(value)]
    return [v for v, s, e in terms if not _DENIED.search(value[:s]) and not _of_part(value, e)]


def _own_material(head: str) -> str | None:
    """The head's one material, before its noun.

    None when it is a part's ("steel frame bed"), a look's, what a tool works on ("Glass
    cutter"), or the title names a part ("watch strap").
    """
    words = re.findall(r"[A-Za-z]+", head)
    terms = material_terms(head) + [(n, m.start(), m.end()) for p, n in _EXTRA[:1]
                                    for m in p.finditer(head)]  # "Solid 14k gold ring"
    if not words or len(words) > 8 or words[-1].lower() in WORKS_ON or \
            (_part(words[-1]) and not _jewellery(words[-1], terms)):
        return None  # a run-on title names many things, not one product's material
    found = set()
    for value, _, end in terms:
        after = re.match(r"[\s-]*([A-Za-z]+)", head[end:])
        if value in NOT_ONE | _WEAVES or after is None or _of_part(head, end) or re.match(
                r"(?i)look|effect|print|style|finish|colou?r|tone|grain|pattern|scent|non|coat|"
                r"plat|enamel|glaze|infused|lined",
                after.group(1)):
            return None
        found.add(value)
    return found.pop() if len(found) == 1 else None


def _jewellery(noun: str, terms: list[tuple[str, int, int]]) -> bool:
    """True for a precious-metal ring: the jewel, not a part's ring ("Sterling silver ring")."""
    return noun.lower() == "ring" and any(t in _PRECIOUS for t, _, _ in terms)


_PRECIOUS = frozenset({"gold", "silver", "sterling silver", "platinum", "titanium", "tungsten"})


def _material(text: str, spec: Spec) -> str | None:
    """The head's material when no material of the spec line is a kind of it or it of them."""
    head = _head(text)
    mine = _own_material(head)
    theirs = _materials(spec.value)
    if mine is None or not theirs:
        return None
    ours = Stated(MATERIAL, mine, head, 0)
    if mine in _SPUN and set(theirs) & _SPUN[mine]:
        return None  # "Bamboo sheets" / "Fabric: 100% rayon": bamboo spun into viscose
    if all(own_differ(ours, Stated(MATERIAL, t, spec.value, 0)) for t in theirs):
        return head.strip()
    return None


_CLEAR = re.compile(r"(?i)\b(?:crystal[\s-]clear|transparent|see[\s-]through)\b")
_NOT_SOLID = re.compile(r"(?i)\b(?:clear|transparent|translucent|tint|tinted|frost|frosted|smoke|"
                        r"see|multi|assorted|random|various|options?)\b")


def _colours(value: str) -> set[str]:
    """The colours ``value`` names, leaving out those that are its materials ("silver")."""
    metals = [(s, e) for _, s, e in material_terms(value)]
    return {c for c, s, e in find_terms(value, color_items(), not_before=COLOR_NOT_BEFORE,
                                        check_negation=False)
            if c not in NO_COLOUR and not any(ms <= s < me for ms, me in metals)}


def _colour(text: str, spec: Spec) -> str | None:
    """The title's one colour (or "see-through") when the spec line's colours all differ."""
    theirs = _colours(spec.value)
    if not theirs or _NOT_SOLID.search(spec.value):
        return None
    title = re.sub(r"(?i)\ball-(?=[a-z])", "all ", text[slice(*title_span(text))])
    clear = _CLEAR.search(title)
    if clear:
        return clear.group(0)
    head = _head(title)  # "All-white sneakers" read as "All white"
    materials = [(s, e) for _, s, e in material_terms(head)]
    mine = one_colour(head, NO_COLOUR)  # "Navy blue" is one colour
    at = head.lower().find(mine or "")
    if mine is None or one_colour(title, NO_COLOUR) != mine or \
            any(s <= at < e for s, e in materials):  # "Sterling silver": a metal, not a colour
        return None
    ours = Stated(COLOUR, mine, head, 0)
    if all(own_differ(ours, Stated(COLOUR, t, spec.value, 0)) for t in theirs):
        return head.strip()
    return None


def _clause_colour(text: str, spec: Spec) -> str | None:
    """The title's colour said in a clause of its own ("..., sage green, ...") against the spec."""
    theirs = _colours(spec.value)
    said = clause_colour(text)
    if said is None or not theirs or _NOT_SOLID.search(spec.value):
        return None
    ours = Stated(COLOUR, said[1], said[0], 0)
    if all(own_differ(ours, Stated(COLOUR, t, spec.value, 0)) for t in theirs):
        return said[0]
    return None


_CONNECTION_WORDS = {"wireless": re.compile(r"(?i)\b(?:wireless|bluetooth|cordless)\b"),
                     "wired": re.compile(r"(?i)\b(?:wired|corded)\b")}
_BOTH = re.compile(r"(?i)\b(?:or|and|both|dual|also|plus|2\.4\s?g|tri[\s-]mode)\b|[/&+]")


def _connection(text: str, spec: Spec) -> str | None:
    """A wireless head beside "Connection: wired only" (or the other way round)."""
    head = _head(text)
    if _BOTH.search(spec.value) or re.search(r"(?i)charg", head):
        return None  # a wireless charger is plugged in
    for mine, other in (("wireless", "wired"), ("wired", "wireless")):
        said = _CONNECTION_WORDS[mine].search(head)
        if said and not _CONNECTION_WORDS[mine].search(spec.value) and \
                _CONNECTION_WORDS[other].search(spec.value) and \
                not _CONNECTION_WORDS[other].search(head):
            return said.group(0)
    return None


_WATERPROOF = re.compile(r"(?i)(?<!not\s)(?<!non-)\b(?:waterproof|water[\s-]resistant|"
                         r"ipx[4-8]|ip6[5-8])\b")


def _water(text: str, spec: Spec) -> str | None:
    """A waterproof title beside "Water resistance: none"."""
    title = text[slice(*title_span(text))]
    said = _WATERPROOF.search(title)
    if said and re.match(r"(?i)\s*(?:none|no|n/a|0\s?m|not\s+water[\s-]?(?:proof|resistant))\s*"
                         r"(?:[,;(]|$)", spec.value):  # not "no swimming": resistant, not for it
        return said.group(0)
    return None


_WORD_CHECKS = {"material": _material, "colour": _colour, "connection": _connection,
                "water resistance": _water, "power": power_source}
_MORE_CHECKS = {"colour": _clause_colour, "size": letter_size, "count": quantity,
                "water resistance": water_minutes, "age": infant_age}


def _name(spec: Spec) -> str:
    """How the refusal names the family ("the material", "the drive size")."""
    if spec.noun:
        return "the " + spec.line.split(":")[0].strip().lower()
    return _NAMES[spec.family]


def check_title_specs(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a spec line gives the title's value otherwise."""
    for spec in spec_lines(text):
        checks = (_WORD_CHECKS.get(spec.family) or AMOUNT_CHECKS.get(spec.family),
                  _MORE_CHECKS.get(spec.family))
        mine = next((m for c in checks if c and (m := c(text, spec))), None)
        if mine:
            raise InvalidRequestError(
                f"the brief contradicts itself: it gives {_name(spec)} as {mine!r} "
                f"and also as {spec.line!r}; say which is true")
