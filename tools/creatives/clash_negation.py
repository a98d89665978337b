"""A property or thing both stated and denied: "waterproof ... not waterproof", "no mic" / "mic".

Every "no X", "not X", "non-X" and "X-free" of a brief is looked for elsewhere as a plain
statement of X, in X's other forms ("no drainage holes" / "drainage hole") or short names;
a statement said of a part, of another item, or guarded ("scratch-resistant") does not count.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_context import OTHER_PRODUCTS, PART_AFTER, label_at, not_a_claim

__all__ = ["check_denials"]

# words that say whether an item comes with the product: only the same item can clash
_STATUS = frozenset({"included", "incl", "required", "needed", "necessary", "recommended"})
# words that relate the product to something else: only the same whole object can clash
_RELATIONS = frozenset({"for", "with", "compatible", "compat", "fits", "fit", "suitable",
                        "recommended",
                        "intended", "designed", "made", "in", "on", "to", "from"})
_NOT = re.compile(r"\b(?:not|non|no)[\s-]+([a-z]+(?:[\s-][a-z]+)?)", re.IGNORECASE)


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


def check_denials(text: str) -> None:
    """"waterproof ... not waterproof": a property both claimed and denied."""
    low = text.lower()
    for m, term in _absences(low):
        if len(term) < 4 or _in_relation(low, m.start()) or not_a_claim(low, m, term):
            continue
        term, end = _denied_object(low, m, term)
        term = _with_complement(low, m, term)
        if _bare_noun_after_non(m, term) or not _short_claim(low, m):
            continue  # "non-slip" beside "slip on"; a denial told in a long sentence
        said = text[m.start():m.end() if m.group(0).endswith("free") else m.start(1) + len(term)]
        absent = (m.group(0).startswith("no") and not m.group(0).startswith(("non", "not"))
                  or m.group(0).endswith("free")) and term.split()[0] not in _RELATIONS | _STATUS
        found = _stated(low, m, term, end, absent)
        own = label_at(low, m.start())  # "Lid: not dishwasher safe" / "Body: dishwasher safe"
        own = "" if set(own.split()) & _OWN_LABELS else own
        plain = [p for p in _of_the_same_thing(low, m, term, [p.start() for p in found])
                 if not (own and label_at(low, p) not in ("", own))]
        if plain:
            stated = next(text[p.start():p.end()].strip(" ,;.(") for p in found
                          if p.start() == plain[0])
            raise InvalidRequestError(
                f"the brief contradicts itself: it says {stated!r} and also {said!r}; say "
                "which is true")


# a clause that says what the product is for or works on: "(not wood)" in "For lino and
# soft-cut blocks (not wood)" denies a thing it works on, not a property of its own
_RELATION_LEAD = re.compile(r"\W*(?:for|fits?|works?\s+(?:on|with)|use\s+(?:on|with)|"
                            r"compatible|suitable|ideal|great|perfect|safe\s+(?:on|for)|"
                            r"cuts?|carves?)\b")


def _in_relation(low: str, at: int) -> bool:
    """True when the denial at ``at`` sits in a clause that opens on what the product is for."""
    start = max(low.rfind(c, 0, at) for c in (". ", ", ", "; ", "\n", "| ")) + 1
    return _RELATION_LEAD.match(low, start) is not None


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
    status = _status_after(low, m.start(1) + len(term))
    found = [p for p in re.finditer(rf"(?<![\w-])(?:{spelled}){end}", low)
             if not m.start() <= p.start() < m.end()
             and not (absent and _GUARDED.match(low, p.end()))
             and not _said_otherwise(low, p) and status <= _status_after(low, p.end())
             and _short_claim(low, p)]
    if not found and " " in term and term.split()[0] not in _RELATIONS | _STATUS:
        alone = rf"(?<=[,;.\n|-])\s*{re.escape(term.split()[0])}\s*(?=[,;.\n|]|$)"
        found = [p for p in re.finditer(alone, low) if not m.start() <= p.start() < m.end()
                 and not _said_otherwise(low, p)]
    return found


# words that only join a phrase to what follows: "not easy to" says nothing until its complement
_FUNCTION = frozenset({"to", "a", "an", "the", "of", "and", "or", "in", "on", "with", "where",
                       "it", "by", "about", "into", "for", "as", "at", "from", "any", "all",
                       "be", "get", "your", "you", "that", "this", "its", "their", "more"})


def _with_complement(low: str, m: re.Match[str], term: str) -> str:
    """The denied phrase with its complement when it ends on a joining word.

    "not easy to break" denies easy breaking, not "easy to clean"; "no need to worry" is no
    denial of "need to assemble".
    """
    words = term.split()
    if len(words) > 1 and words[-1] in ("and", "or"):  # "non-GMO and gluten-free"
        return words[0]
    if words[-1] not in _FUNCTION:
        return term
    rest = re.findall(r"[a-z0-9]+", re.split(r"[,;.!?\n(|]", low[m.start(1) + len(term):])[0])
    for word in rest[:3]:
        words.append(word)
        if word not in _FUNCTION:
            break
    return " ".join(words)


# before a mention: a word that itself denies, avoids or lessens it ("no muffin top" twice,
# "prevents mold", "without a box spring", "less shedding"), or a relation to another thing
# ("works with dimmable bulbs", "check out rechargeable batteries")
_OTHERWISE = re.compile(r"(?:\b(?:no|not|non|without|zero|never|nor|free\s+of|avoids?|"
                        r"prevents?|eliminates?|reduces?|reducing|minimi[sz]es?|less|anti|"
                        r"don't|doesn't|won't|isn't|aren't|cannot|can't|works?\s+with|"
                        r"compatible\s+with|check\s+out|instead\s+of|unlike|replaces?|"
                        r"than|like|against|resists?|goodbye\s+to|worries|worry|if|unless|beyond)[\s-]+"
                        r"(?:[a-z0-9']+[\s-]+){0,3}|\bfor\s+)$")
# a thing referred to, not claimed: "your favorite frame", "too much glue", "faster progress"
_REFERRED = re.compile(r"\b(?:the|your|their|his|her|my|its|much|many|more|faster|better|any|"
                       r"some|those|these|this|that|unnecessary|extra|favou?rite)\s+"
                       r"(?:[a-z-]+\s+)?$")
# an item of a denied list: "No maltodextrin, erythritol, added flavors, binders, fillers"
_IN_DENIED_LIST = re.compile(r"\b(?:no|without|free\s+(?:of|from))\s+"
                             r"(?:[\w'-]+(?:\s+[\w'-]+){0,2}\s*,\s*(?:or\s+|and\s+)?)+$")
_STATUS_AFTER = {"needed": "need", "need": "need", "required": "need", "necessary": "need",
                 "included": "include", "incl": "include", "include": "include"}


# "non-X" denies a property: X must read as one ("non-polarized", "non-conductive"); "non-slip"
# or "non-GMO" beside "slip on" or "GMO" is a noun or a verb, not the property affirmed
_ADJECTIVE_END = re.compile(r"(?:ed|ive|ic|al|able|ible|ous|ful|ant|ent|ary|proof|safe|ile|"
                            r"y|ing)$")


def _bare_noun_after_non(m: re.Match[str], term: str) -> bool:
    """True when a "non-" denial names one word that does not read as a property."""
    return m.group(0).startswith("non") and " " not in term.replace("-", " ") and \
        _ADJECTIVE_END.search(term) is None


def _said_otherwise(low: str, p: re.Match[str]) -> bool:
    """True when a mention of the thing at ``p`` is itself denied, avoided or of another thing."""
    clause = re.split(r"[,;.!?:\n(|]", low[max(0, p.start() - 40):p.start()])[-1]
    sentence = re.split(r"[.!?\n]", low[max(0, p.start() - 120):p.start()])[-1]
    either = re.search(r"\bor\s+$", clause) or re.match(r"\s+or\b", low[p.end():])  # options
    return either is not None or OTHER_PRODUCTS.search(sentence) is not None or \
        PART_AFTER.match(low, p.end()) is not None or _OTHERWISE.search(clause) is not None or \
        _REFERRED.search(clause) is not None or \
        _IN_DENIED_LIST.search(sentence) is not None or \
        re.match(r"[\s-]*(?:free\b|\(?\s*not\s+incl|\(?\s*sold\s+separately|:?\s*(?:0|zero|none|"
                 r"nil)\b(?![.,]\d))", low[p.end():]) \
        is not None


# what bounds a claim: "Polarized lenses, cuts glare", "Inline mic & volume", "Plug: USB-C"
_BOUND = re.compile(r"[,;:.!?\n|()\u2022\u2013\u2014\u3010\u3011\[\]]|\s-\s")


def _short_claim(low: str, p: re.Match[str]) -> bool:
    """True when the mention at ``p`` stands in a short clause, as a feature is stated.

    "Waterproof", "kiss-lock clasp", "Digital LCD display" state a feature; a mention inside a
    long sentence ("see major progress in less time", "grabs grime, dust and more") tells a
    story, and a denial elsewhere does not contradict it.
    """
    before = _BOUND.split(low[max(0, p.start() - 80):p.start()])[-1]
    after = _BOUND.split(low[p.end():p.end() + 80])[0]
    return len(re.findall(r"[\w'-]+", before + " x " + after)) <= 8


def _status_after(low: str, at: int) -> set[str]:
    """What a mention says of the thing's status in the words after ``at``: needed, included.

    "No box spring needed" denies a need, not a box spring; "no Fitbit Charge 3 tracker
    included" denies an item in the box, not the band's fit.
    """
    words = re.findall(r"[a-z]+", re.split(r"[,;.!?\n(|]", low[at:at + 40])[0])[:4]
    return {_STATUS_AFTER[w] for w in words if w in _STATUS_AFTER}


def _of_the_same_thing(low: str, m: re.Match[str], term: str, plain: list[int]) -> list[int]:
    """The statements that speak of the denied thing, not of a part or another item.

    "2 AA not included" beside "stand included" is about two items; "incl. 6 metallic" is a
    count; a clause opening on a part speaks for that part.
    """
    if term.split()[0] in _STATUS:
        item = _item_before(low, m.start())
        plain = [p for p in plain if _item_before(low, p) == item
                 and not re.match(r"[a-z]*\.?\s*\d", low[p:])]
    return [p for p in plain if not _part_led(low, p) and not _apart(low, p)]


# a clause about an item sold apart, or a spec line labelled with a part ("Rainfly: waterproof")
_SOLD_APART = re.compile(r"\b(?:sold\s+separately|not\s+included|optional|add-on)\b")
_OWN_LABELS = frozenset({"features", "feature", "details", "about", "description", "notes",
                         "note", "specs", "spec", "specifications", "construction", "type",
                         "care", "fabric", "material", "materials", "finish", "design", "build",
                         "body", "product", "item", "use", "usage", "key", "highlights",
                         "caution", "warning", "important", "attention", "tip", "notice"})


def _apart(low: str, at: int) -> bool:
    """True when the statement at ``at`` is said of an item sold apart or of a labelled part."""
    start = max(low.rfind(c, 0, at) for c in ",;.\n|") + 1
    stop = min((i for i in (low.find(c, at) for c in ",;.\n|") if i >= 0), default=len(low))
    if _SOLD_APART.search(low[start:stop]):
        return True
    line = low[max(low.rfind(c, 0, at) + len(c) for c in ("\n", ". ", "; ", "| ")):at]
    label = re.match(r"\s*[-*\u2022]?\s*([a-z][a-z ]{0,20}):", line)
    name = re.split(r"[,;.:(\n|]", low, maxsplit=1)[0]
    return label is not None and not set(label.group(1).split()) & _OWN_LABELS and \
        label.group(1).split()[-1] not in name


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
