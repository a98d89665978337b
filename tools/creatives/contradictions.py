"""Facts in a brief that cannot all be true: "cotton, 100% polyester", "60% cotton 50% wool".

A brief that contradicts itself gets a clear error naming both phrases, before anything
is drafted or stored: the listing would otherwise have to pick one and state it as fact.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from tools.creatives.attribute_clash import check_attributes
from tools.creatives.label_lines import part_label

_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?%\s+((?:[A-Za-z-]+[ \t]?){1,3})")
# a material naming a part ("fleece lined", "rubber sole", "leather trim") is not the body's
# ("silicone gripper hem", "nylon ripstop shoulder panels": two words may stand between)
_PART = re.compile(r"(?:[\s-]+[a-z]+){0,2}[\s-]+(?:lined|lining|trim|trimmed|soles?|insoles?|"
                   r"outsoles?|uppers?|covers?|handles?|frame|buckles?|zippers?|zips?|straps?|pads?|padding|"
                   r"collars?|cuffs?|patch(?:es)?|accents?|details?|hems?|grippers?|hoods?|"
                   r"sleeves?|waistbands?|bands?|panels?|pockets?|toes?|heels?|tips?|grips?|"
                   r"base|lids?|seals?|rings?|buttons?|backing|coating|edges?|binding|logos?|"
                   r"feet|legs|knobs?|caps?|fill|filling|shell|beads|inserts?|bristles?|"
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
# words that say whether an item comes with the product: only the same item can clash
_STATUS = frozenset({"included", "incl", "required", "needed", "necessary", "recommended"})
# words that relate the product to something else: only the same whole object can clash
_RELATIONS = frozenset({"for", "with", "compatible", "compat", "fits", "fit", "suitable",
                        "recommended",
                        "intended", "designed", "made", "in", "on", "to", "from"})
_NOT = re.compile(r"\b(?:not|non|no)[\s-]+([a-z]+(?:[\s-][a-z]+)?)", re.IGNORECASE)


def _materials(text: str) -> list[tuple[str, int, int]]:
    """(canonical material, start, end) mentions, negated ones left out."""
    return find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                      check_negation=True)


def check_contradictions(text: str) -> None:
    """Raise :class:`InvalidRequestError` when two facts of ``text`` exclude each other."""
    mats = _materials(text)
    shares = []
    for m in _PERCENT.finditer(text):
        inside = [x for x in mats if m.start(2) <= x[1] < m.end(2)]
        if not inside:
            continue
        shares.append((float(m.group(1)), inside[0], m))
    for share, (mat, _s, _e), m in shares:
        if share >= 100:
            others = [x for x in mats if x[0] != mat and not m.start() <= x[1] < m.end()
                      and not _same_family(x[0], mat) and not _PART.match(text, x[2])
                      and not _NAMED_THING.match(text, x[2])
                      and x[0] not in WEAVES and not _other_part(text, m.start(), x[1])
                      and not _outside_its_thing(text, m, x[1]) and not _fitted(text, x[1])
                      and not _FILLED.search(text[max(0, x[1] - 40):x[1]])
                      and not (_SHARE_THING.search(m.group(2)) and _ADJECTIVE.match(text, x[2]))]
            if others:
                other = text[others[0][1]:others[0][2]]
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {m.group(0).strip()!r} but also "
                    f"{other!r}; say which material it is")
    for group in _by_part(text, shares).values():
        _add_up(group)
    _negated_and_stated(text)
    check_attributes(text)  # one rule: one attribute of the product, two values


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
    """Raise when the shares of one part add up to more than 100%."""
    total = sum(s for s, _, _ in shares)
    if total > 100:
        parts = ", ".join(repr(m.group(0).strip()) for _, _, m in shares)
        raise InvalidRequestError(f"the brief contradicts itself: the material shares "
                                  f"{parts} add up to {total:g}%, more than 100%")


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


# a thing's short and long names: "No microphone" beside "Inline mic & volume"
_ALIASES = {"microphone": ("mic",), "mic": ("microphone",), "microphones": ("mics",),
            "headphones": ("headphone",), "batteries": ("battery",), "battery": ("batteries",)}


# a thing said absent ("no drainage holes", "No backlight") in another form of its word
_SWAPS = (("light", ("light", "lit")), ("ations", ("ations", "ation", "ated", "ating", "ing")),
          ("ation", ("ation", "ated", "ating", "ing", "ed", "able")),
          ("ing", ("ing", "ation", "ed", "able")), ("able", ("able", "ing", "ation", "ed")))
# "no scratches" beside "scratch-resistant": the same word, and no clash
_GUARDED = re.compile(r"[\s-]?(?:resistant|resistance|proof|free|protection|guard|control)\b")


def _forms(word: str) -> str:
    """``word`` as a pattern of its plural, singular and suffix-swapped forms."""
    forms = {word, word + "s", word + "es"}
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    for suffix, swaps in _SWAPS:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4:
            forms |= {stem + s for s in swaps}
    return "(?:" + "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True)) + ")"


# "X-free" says X is absent ("bristle-free"); not where X is a chore or a bother it spares
_FREE = re.compile(r"\b([a-z]{4,})-free\b")
_NOT_ABSENT = frozenset({"tool", "tools", "hand", "hands", "hassle", "worry", "maintenance", "care",
                         "tangle", "stress", "mess", "pain", "drip", "spill", "glare", "clog",
                         "lint", "streak", "scratch", "leak", "cruelty", "duty", "fuss", "frizz",
                         "crease", "wrinkle", "odor", "odour", "smell", "rust", "trouble",
                         "guilt", "residue", "splinter", "shed", "fade", "skid", "slip", "smudge",
                         "shatter", "stain", "sugar", "fragrance", "scent", "gluten", "dairy",
                         "nut", "peanut", "soy", "latex", "lead", "nickel", "cadmium", "phthalate",
                         "paraben", "sulfate", "alcohol", "cord", "wire", "battery", "charge",
                         "chemical", "toxin", "static", "noise", "flicker", "plastic"})


def _absences(low: str) -> list[tuple[re.Match[str], str]]:
    """Every "no X", "not X", "non-X" with its term, and "X-free" as "no X"."""
    found = [(m, m.group(1).strip()) for m in _NOT.finditer(low)]
    found += [(m, m.group(1)) for m in _FREE.finditer(low) if m.group(1) not in _NOT_ABSENT]
    return found


def _negated_and_stated(text: str) -> None:
    """"waterproof ... not waterproof": a property both claimed and denied."""
    low = text.lower()
    for m, term in _absences(low):
        if len(term) < 4:
            continue
        term, end = _denied_object(low, m, term)
        said = text[m.start():m.end() if m.group(0).endswith("free") else m.start(1) + len(term)]
        absent = (m.group(0).startswith("no") and not m.group(0).startswith(("non", "not"))
                  or m.group(0).endswith("free")) and term.split()[0] not in _RELATIONS | _STATUS
        found = _stated(low, m, term, end, absent)
        plain = _of_the_same_thing(low, m, term, [p.start() for p in found])
        if plain:
            stated = next(text[p.start():p.end()].strip(" ,;.(") for p in found
                          if p.start() == plain[0])
            raise InvalidRequestError(
                f"the brief contradicts itself: it says {stated!r} and also {said!r}; say "
                "which is true")


def _denied_object(low: str, m: re.Match[str], term: str) -> tuple[str, str]:
    """The denied term and the pattern that must end a statement of it.

    "not for HP 63 setup cartridges" denies its whole object ("for HP 63XL" is another one).
    """
    if term.split()[0] in _RELATIONS:
        return re.split(r"[,;.\n(]", low[m.start(1):])[0].strip(), r"\s*(?:[,;.\n(]|$)"
    return term, r"(?![\w-])"


def _stated(low: str, m: re.Match[str], term: str, end: str,
            absent: bool) -> list[re.Match[str]]:
    """Where the brief states ``term``, denied at ``m``, outside that denial.

    A thing said absent may be stated in another form of its word ("no drainage holes" /
    "drainage hole") or its short name; "no scratches" beside "scratch-resistant" is no
    statement. Failing that, the first word of a denied phrase standing as a clause of its own
    ("non-locking blade" beside "locking").
    """
    spelled = r"[\s-]".join(_forms(w) if absent else re.escape(w)
                            for w in re.split(r"[\s-]", term))  # food-safe, holes
    spelled = "|".join([spelled, *(re.escape(a) for a in _ALIASES.get(term, ()))])
    found = [p for p in re.finditer(rf"(?<![\w-])(?:{spelled}){end}", low)
             if not m.start() <= p.start() < m.end()
             and not (absent and _GUARDED.match(low, p.end()))]
    if not found and " " in term and term.split()[0] not in _RELATIONS | _STATUS:
        alone = rf"(?<=[,;.\n|-])\s*{re.escape(term.split()[0])}\s*(?=[,;.\n|]|$)"
        found = [p for p in re.finditer(alone, low) if not m.start() <= p.start() < m.end()]
    return found


def _of_the_same_thing(low: str, m: re.Match[str], term: str, plain: list[int]) -> list[int]:
    """The statements that speak of the denied thing, not of a part or another item.

    "2 AA not included" beside "stand included" is about two items; "incl. 6 metallic" is a
    count; a clause opening on a part speaks for that part.
    """
    if term.split()[0] in _STATUS:
        item = _item_before(low, m.start())
        plain = [p for p in plain if _item_before(low, p) == item
                 and not re.match(r"[a-z]*\.?\s*\d", low[p:])]
    return [p for p in plain if not _part_led(low, p)]


# a clause that opens on a part says the property of that part: "cover machine washable" beside
# "pad NOT washable" (the heating pad's cover, not the pad)
_PART_LEAD = re.compile(r"\b(?:covers?|cases?|lids?|straps?|liners?|inserts?|shells?|sleeves?|"
                        r"pouch(?:es)?|bags?|pillowcases?)\b")


def _part_led(low: str, at: int) -> bool:
    """True when the clause holding ``at`` opens on a part that the product's name is not."""
    part = _PART_LEAD.search(re.split(r"[,;.(\n|]", low[:at])[-1])
    name = re.split(r"[,;.:(\n|]", low, maxsplit=1)[0]  # "Lunch box: bento insert ..."
    return part is not None and part.group(0) not in name


def _item_before(low: str, at: int) -> str:
    """The word naming the item a status word ("included") is said of, just before ``at``.

    A status in brackets is said of the word before them: "tape (incl.) & hair dryer (not
    incl.)" names two items.
    """
    before = re.sub(r"\(\s*(?:not\s+)?$", " ", low[:at])
    words = re.findall(r"[a-z0-9]+", re.split(r"[,;.(\n]", before)[-1])
    return words[-1] if words else ""


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
