"""Material shares of a brief that cannot all hold: "cotton, 100% polyester", "60% cotton 50% wool".

A share of 100% leaves no room for another material said of the same thing; shares of one
part add up to at most 100%. A material naming a part, a filling, what the product fits or
another item in the brief is not the product's own.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from tools.creatives.label_lines import part_label

__all__ = ["WEAVES", "check_shares", "stated_as_material"]

_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?%\s+((?:[A-Za-z-]+[ \t]?){1,4})")
# a material naming a part ("fleece lined", "rubber sole", "leather trim") is not the body's
# ("silicone gripper hem", "nylon ripstop shoulder panels": two words may stand between)
_PART = re.compile(r"(?:[\s-]+[a-z]+){0,2}[\s-]+(?:lined|lining|trim|trimmed|soles?|insoles?|"
                   r"outsoles?|uppers?|covers?|handles?|frame|buckles?|zippers?|zips?|straps?|pads?|padding|"
                   r"collars?|cuffs?|patch(?:es)?|accents?|details?|hems?|grippers?|hoods?|"
                   r"sleeves?|waistbands?|bands?|panels?|pockets?|toes?|heels?|tips?|grips?|"
                   r"base|lids?|seals?|rings?|buttons?|backing|coating|edges?|binding|logos?|"
                   r"feet|legs|knobs?|caps?|fill|filling|insulation|stuffing|batting|shell|beads|"
                   r"inserts?|bristles?|"
                   r"blades?|case|tray|bowl|cord|cable|gussets?|liners?|mesh)\b", re.IGNORECASE)
# a material before a short noun phrase that ends its clause names that thing's material
# ("polyester hanging loop", "metal clip"), unless the noun is the fabric itself ("blend")
# a share said of a fibre or a fabric part ("100% cotton yarn") is that thing's material; a
# material naming another thing ("a little plastic rattle inside") is no clash with it
_SHARE_THING = re.compile(r"(?i)\b(?:yarn|thread|fabric|fibers?|fibres?|shell|outer|upper|"
                          r"cover|body|knit)\b")
_ADJECTIVE = re.compile(r"[\s-]+(?!(?:blend|fabric|material|fibers?|fibres?|yarn|knit|weave|mix|"
                        r"and|or|with|in|for)\b)[a-z]{3,}\b")
_NAMED_THING = re.compile(r"(?:[\s-]+(?!(?:blend|fabric|material|fibers?|fibres?|yarn|knit|"
                          r"weave|mix)\b)[a-z]{3,}){1,2}\s*(?:[,.;\n)]|$)")
# weaves and fabric structures, not fibres: "100% cotton denim", "100% polyester fleece"
WEAVES = frozenset({"denim", "canvas", "satin", "velvet", "fleece", "mesh", "flannel", "jersey",
                    "twill", "corduroy", "chambray", "terry", "muslin", "poplin", "sateen",
                    "percale", "velour", "chenille", "tweed", "gauze", "knit", "ripstop",
                    "sherpa", "plush", "minky", "boucle", "waffle", "felt"})


def _materials(text: str) -> list[tuple[str, int, int]]:
    """(canonical material, start, end) mentions, negated ones left out."""
    return find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                      check_negation=True)



def check_shares(text: str) -> None:
    """Raise :class:`InvalidRequestError` when the material shares of ``text`` cannot all hold."""
    mats = _materials(text)
    shares = []
    for m in _PERCENT.finditer(text):
        inside = [x for x in mats if m.start(2) <= x[1] < m.end(2)]
        if not inside:
            continue
        shares.append((float(m.group(1)), inside[0], m))
    for share, (mat, _s, _e), m in shares:
        if share >= 100 and not _LAYER.search(text[max(0, m.start() - 30):m.start()]):
            others = [x for x in mats if x[0] != mat and not m.start() <= x[1] < m.end()
                      and not _same_family(x[0], mat) and not _PART.match(text, x[2])
                      and not _NAMED_THING.match(text, x[2])
                      and x[0] not in WEAVES and not _other_part(text, m.start(), x[1])
                      and not _outside_its_thing(text, m, x[1]) and not _fitted(text, x[1])
                      and not _FILLED.search(text[max(0, x[1] - 40):x[1]])
                      and not (_SHARE_THING.search(m.group(2)) and _ADJECTIVE.match(text, x[2]))
                      and stated_as_material(text, x[1], x[2], m.start())]
            if others:
                other = text[others[0][1]:others[0][2]]
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {m.group(0).strip()!r} but also "
                    f"{other!r}; say which material it is")
    for group in _by_part(text, shares).values():
        _add_up(group)


# a share said of a layer or part before it: "Mid layer of 100% latex; Outer layer of nylon"
_LAYER = re.compile(r"(?i)\b(?:layer|lining|shell|fill|filling|core|face|backing|outer|inner|"
                    r"insole|sole|upper|cover)\s*(?:of|is|:|-|\u2013)?\s*$")
# what the product is filled, stuffed or lined with is its filling's material, not its own
# ("100% cotton yarn. Arrives filled with recycled polyester fiber")
_FILLED = re.compile(r"(?i)\b(?:filled|stuffed|packed|lined)\s+with\s+(?:[a-z-]+\s+){0,2}$")
_FIT_CLAUSE = re.compile(r"(?i)^\W*(?:fits?|for|compatible with|works with|suits|made for|"
                         r"designed for)\b")


def _fitted(text: str, at: int) -> bool:
    """True when a material at ``at`` names what the product fits or is for.

    "fits most wooden & plastic high chairs": the chairs are wooden, not the cushion.
    """
    clause = re.split(r"[,;\n\u2022|]|\s[-\u2013\u2014]\s", text[:at])[-1]
    return _FIT_CLAUSE.match(clause) is not None


def _by_part(text: str, shares: list[tuple[float, tuple[str, int, int], re.Match[str]]]
             ) -> dict[str, list[tuple[float, tuple[str, int, int], re.Match[str]]]]:
    """The material shares grouped by the part they are of ("Cover:" / "Fill:" lines)."""
    groups: dict[str, list[tuple[float, tuple[str, int, int], re.Match[str]]]] = {}
    for share in shares:
        mat = share[1]
        part = _PART.match(text, mat[2])
        key = _part_label(text, share[2].start()) or (part.group(0).split()[-1] if part else "")
        groups.setdefault(key.lower(), []).append(share)
    return groups


def _add_up(shares: list[tuple[float, tuple[str, int, int], re.Match[str]]]) -> None:
    """Raise when the shares of one part add up to more than 100%.

    A share said again ("100% cotton" in the title and in a bullet) is one statement, and a
    run of shares that reaches 100% is one whole composition: a second composition after it
    is another part's or another variant's ("87% nylon, 13% spandex" then "88% nylon, 12%
    spandex"), never summed with the first. Two whole compositions of one material each
    each the whole of its own line ("100% cotton" / "100% polyester") are two materials for
    one part; said inside other text ("Front side 100% cotton, back 100% polyester fleece")
    they are parts' compositions.
    """
    seen: set[tuple[float, str]] = set()
    run: list[tuple[float, tuple[str, int, int], re.Match[str]]] = []
    whole: tuple[str, re.Match[str]] | None = None  # the first one-material composition
    for share in shares:
        key = (share[0], share[1][0])
        if key in seen:
            continue
        seen.add(key)
        run.append(share)
        total = sum(s for s, _, _ in run)
        if total > 100.5:
            parts = ", ".join(repr(m.group(0).strip()) for _, _, m in run)
            raise InvalidRequestError(f"the brief contradicts itself: the material shares "
                                      f"{parts} add up to {total:g}%, more than 100%")
        if total >= 99.5:
            if len(run) == 1 and whole is not None and run[0][1][0] != whole[0] \
                    and not _same_family(run[0][1][0], whole[0]) \
                    and _whole_line(run[0][2]) and _whole_line(whole[1]):
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {whole[1].group(0).strip()!r} and "
                    f"also {run[0][2].group(0).strip()!r}; say which material it is")
            if len(run) == 1 and whole is None:
                whole = (run[0][1][0], run[0][2])
            run = []


def _whole_line(share: re.Match[str]) -> bool:
    """True when the share is all its line says ("100% Polyester", "Material: 100% wool")."""
    text = share.string
    start = text.rfind("\n", 0, share.start()) + 1
    end = text.find("\n", share.end())
    line = text[start:len(text) if end < 0 else end]
    rest = line.replace(share.group(0).strip(), "", 1)
    label = r"(?i)\W*(?:(?:materials?|fabric|composition|content)\W*)?"
    return re.fullmatch(label, rest) is not None


# a material the brief gives as the product's own: on a line or clause that opens on a material
# label ("Material: 80% polyester", "Composition: 60% acrylic"); a mere mention ("100% cotton
# towels ... for glass"), a part's share ("Lining: 100% polyester", "Bow tie made from 100%
# polyester") or a look-alike ("Faux linen") names another thing
_MATERIAL_LEAD = re.compile(r"(?i)(?:^|[^\w\s,'-])\W*(?:materials?|composition|fabric|"
                            r"made\s+(?:of|from)|constructed\s+(?:of|from)|content)\s*[:\-]?\s*"
                            r"(?:(?:\d{1,3}(?:\.\d+)?\s?%|(?!(?:faux|imitation|vegan|artificial|"
                            r"synthetic)\b)[a-z-]+)[\s,]+){0,5}$")


def stated_as_material(text: str, start: int, end: int, share: int | None = None) -> bool:
    """True when the material at ``start:end`` is given as what the product is made of.

    On a material line, or as a bare item of a list ("Mug 100% ceramic, plastic", "cotton,
    100% polyester"), or bare in the brief's first clause; beside a ``share``, a bare item
    counts only in the share's own sentence ("Adheres to metal, glass, ceramic" names what a
    100% silicone sealant sticks to).
    """
    clause = re.split(r"[\n.;|\u2022]|\s[/\u2013\u2014-]\s", text[max(0, start - 60):start])[-1]
    if _MATERIAL_LEAD.search(clause) is not None:
        return True
    before = re.split(r"[,\n.;|&+/]", text[:start])[-1]
    first = re.search(r"[,\n.;|]", text[:start]) is None
    bare = re.match(r"(?i)(?:\s+(?:blend|fabric|material|mix))?\s*(?:[,.;\n|)]|$)",
                    text[end:]) is not None and (not before.strip() or first)
    if share is None or not bare:
        return bare
    lo, hi = sorted((share, start))
    return re.search(r"[.!?|\u2022\u3010]\s|\n", text[lo:hi] + " ") is None


# broad classes and the materials they hold: "100% PVC" and "plastic" say the same thing
_CLASSES = {
    "plastic": {"abs", "acrylic", "eva", "hdpe", "melamine", "nylon", "peva", "polyamide",
                "polycarbonate", "polyethylene", "polymer", "polypropylene", "polystyrene",
                "polyurethane", "pvc", "resin", "tpe", "tpr", "tpu", "tritan", "vinyl",
                "polyester", "mylar", "synthetic"},
    "metal": {"aluminum", "brass", "copper", "iron", "cast iron", "steel", "stainless steel",
              "carbon steel", "alloy steel", "titanium", "zinc alloy", "sterling silver",
              "high carbon steel", "high carbon stainless steel", "high speed steel",
              "chrome vanadium steel"},
    "wood": {"acacia", "bamboo", "birch", "hardwood", "mahogany", "maple", "spruce", "teak",
             "mdf", "chipboard", "willow", "wicker"},
    "synthetic": {"polyester", "nylon", "acrylic", "spandex", "lycra", "polyamide", "rayon",
                  "microfiber", "polyurethane", "tpu", "pvc"},
    "textile": {"cotton", "polyester", "nylon", "linen", "wool", "silk", "rayon", "spandex",
                "microfiber", "fleece", "canvas", "denim", "felt", "jersey", "knit"},
    "rubber": {"latex", "tpe", "tpr", "elastomer", "silicone", "neoprene"},
    "foam": {"memory foam", "eva", "polyurethane"},
    "paper": {"kraft paper", "cardboard"},
}


def _same_family(a: str, b: str) -> bool:
    """True when one material names the other or is its broader class ("plastic" / "PVC")."""
    return a in b or b in a or b in _CLASSES.get(a, ()) or a in _CLASSES.get(b, ())


def _other_part(text: str, share: int, other: int) -> bool:
    """True when two materials sit on spec lines of different parts ("Shell:" / "Fill:")."""
    labels = _part_label(text, share), _part_label(text, other)
    return any(labels) and labels[0] != labels[1]


def _part_label(text: str, at: int) -> str | None:
    """:func:`part_label`, where a sentence may open a label as a line does.

    "Cover: 100% cotton. Fill: 100% polyester" labels two parts on one line, and so do
    "Mitten: 100% cotton, teether ring: silicone" and "Front: flannel / back: sherpa".
    """
    cut = max(text.rfind(sep, 0, at) for sep in (". ", "; ", " | ", ", ", " / "))
    if cut >= 0 and cut > text.rfind("\n", 0, at):
        space = text.index(" ", cut)
        text = text[:space] + "\n" + text[space + 1:]
    return part_label(text, at)


def _outside_its_thing(text: str, share: re.Match[str], other: int) -> bool:
    """True when a share in brackets names one item's material and ``other`` lies elsewhere.

    "monk's cloth 19.7 x 19.7 in. (100% cotton), 8 in. hoop, 30 skeins acrylic yarn": the
    cloth is cotton, the yarn acrylic. Not for the brief's first clause, the product's name
    ("Crew Socks (100% Cotton)"): that share is the product's own.
    """
    at = share.start()
    if text.count("(", 0, at) <= text.count(")", 0, at):
        return False
    cuts = [m.end() for m in re.finditer(r"[,;\n]\s*|\.\s+", text[:at])
            if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]
    start = cuts[-1] if cuts else 0
    if start == 0:
        return False
    end = re.search(r"[,;\n]|\.\s|$", text[share.end():])
    stop = share.end() + (end.start() if end else 0)
    return not start <= other < stop
