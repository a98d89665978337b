"""Items, suited uses, players and labelled values a brief gives two ways.

"Glass jar with lid" / "Includes carry bag" beside "Lid not included" (read with the item
statuses of :mod:`tools.creatives.attribute_choices`); "induction compatible" beside "Not
for induction hobs"; "for 2-4 players" beside "Players: 6-8"; a spec label given twice with
two single values ("Size: M" ... "Size: L", "Finish: matte" ... "Finish: satin").
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import OPTIONS, Stated, clauses

__all__ = ["item_statements"]

_WITH = re.compile(r"(?i)\bwith\s+(?:a\s+|an\s+|matching\s+)?(?P<item>[a-z]+(?:\s[a-z]+)?)\s*$")
_INCLUDES = re.compile(r"(?i)^\W*(?:includes|comes\s+with|incl\.)\s+(?:a\s+|an\s+|the\s+|one\s+)?"
                       r"(?P<item>[a-z]+(?:\s[a-z]+)?)\W*$")


def _named_with(pieces: list[tuple[str, int]]) -> list[Stated]:
    """An item it comes with: the name's "Glass jar with lid", a clause "Includes carry bag"."""
    found = []
    for i, (clause, start) in enumerate(pieces):
        m = _INCLUDES.match(clause) or (_WITH.search(clause) if i == 0 else None)
        if m is not None and not OPTIONS.search(clause):
            item = m.group("item").lower()
            found.append(Stated(f"comes with the {item}", "yes", m.group(0).strip(),
                                start + m.start()))
    return found


_NAMED_FOR = re.compile(r"(?i)(?<!not\s)\bfor\s+(?:[a-z'-]+\s+){0,2}(?P<x>[a-z]{3,})\s*$")
_NOT_ON = re.compile(r"(?i)\b(?:do\s+not|don't|never)\s+use\s+(?:it\s+|this\s+)?(?:on|with|for)\s+"
                     r"(?:the\s+|your\s+|any\s+)?(?P<x>[a-z]{3,})\b")
_SUITED = re.compile(r"(?i)\b(?P<x>[a-z]{4,})[\s-](?:compatible|safe|ready|friendly)\b")
_UNSUITED = re.compile(r"(?i)\bnot\s+(?:for|compatible\s+with|suitable\s+for|safe\s+(?:for|in|on)|"
                       r"for\s+use\s+(?:on|with|in))\s+(?:use\s+(?:on|with|in)\s+)?(?:the\s+|an?\s+)?"
                       r"(?P<x>[a-z]{4,})(?:\s+(?:use|hobs?|stoves?|cooktops?|ovens?|machines?|"
                       r"ranges?|surfaces?))?\s*(?:[.,;:)(]|$)")


def _suited(pieces: list[tuple[str, int]]) -> list[Stated]:
    """What the product suits said both ways: "induction compatible" / "Not for induction hobs"."""
    said: dict[str, list[Stated]] = {}
    if pieces and (m := _NAMED_FOR.search(pieces[0][0])):  # "Dematting rake for long-haired cats"
        x = m.group("x").lower().rstrip("s")
        said.setdefault(x, []).append(Stated(f"whether it suits {x}", "yes", m.group(0).strip(),
                                             pieces[0][1] + m.start()))
    for clause, start in pieces:
        for m in _NOT_ON.finditer(clause):  # "Do not use on cats"
            x = m.group("x").lower().rstrip("s")
            said.setdefault(x, []).append(Stated(f"whether it suits {x}", "no", m.group(0),
                                                 start + m.start()))
        for pattern, value in ((_UNSUITED, "no"), (_SUITED, "yes")):
            for m in pattern.finditer(clause):
                if value == "yes" and re.search(r"(?i)\bnot\s+(?:\w+\s+)?$", clause[:m.start()]):
                    continue  # "not oven safe": the denial, read above
                x = m.group("x").lower().rstrip("s")
                said.setdefault(x, []).append(Stated(f"whether it suits {x}", value,
                                                     m.group(0).strip(), start + m.start()))
    return [s for group in said.values() if len({g.value for g in group}) > 1 for s in group]


_PLAYERS = re.compile(r"(?i)\b(?P<a>\d{1,2})(?:\s*(?:-|\u2013|to)\s*(?P<b>\d{1,2}))?\+?\s+"
                      r"players\b|\bplayers\s*:\s*(?P<c>\d{1,2})(?:\s*(?:-|\u2013|to)\s*(?P<d>\d{1,2}))?\b")


def _players(text: str) -> list[Stated]:
    """How many play it, said twice with no count in common: "2-4 players" / "Players: 6-8"."""
    spans = []
    for m in _PLAYERS.finditer(text):
        lo = float(m.group("a") or m.group("c"))
        hi = float(m.group("b") or m.group("d") or lo)
        spans.append((lo, hi, m))
    return [Stated("how many players", str(i), m.group(0), m.start())
            for i, (lo, hi, m) in enumerate(spans)
            if any(hi < lo2 or hi2 < lo for lo2, hi2, _ in spans)]


_SINGLE_LABELS = frozenset({"size", "fit", "finish", "flavour", "flavor", "gender", "pattern",
                            "style", "age", "ages", "age range", "shape", "closure", "fuel",
                            "power source", "connectivity", "connection", "display", "lens"})
_LABELLED = re.compile(r"(?i)^\W*(?P<l>[a-z][a-z ]{1,15}?)\s*:\s*"
                       r"(?P<v>[a-z0-9][a-z0-9 .+'-]{0,30}?)\s*\.?$")


def _labels(pieces: list[tuple[str, int]]) -> list[Stated]:
    """A single-valued spec label given twice with two values ("Size: M", "Size: L")."""
    found: list[Stated] = []
    for clause, start in pieces:
        m = _LABELLED.match(clause)
        if m is None or m.group("l").strip().lower() not in _SINGLE_LABELS or \
                OPTIONS.search(clause) or re.search(r"(?i)\b(?:and|&)\b|,", m.group("v")):
            continue
        value = re.sub(r"[^a-z0-9+]+", " ", m.group("v").lower()).strip()
        found.append(Stated(f"the {m.group('l').strip().lower()}", value, clause.strip(), start))
    for clause, start in pieces:  # "size 7" beside "Ring size: 9": one size, two numbers
        m = _SIZE_NUMBER.match(clause)
        if m is not None and not OPTIONS.search(clause):
            found.append(Stated("the size", m.group("v"), clause.strip(), start))
    return found


_SIZE_NUMBER = re.compile(r"(?i)^\W*(?:[a-z]+\s+)?size\s*:?\s*(?P<v>\d{1,2}(?:\.5)?)\W*$")


_LESS = re.compile(r"(?i)\b(?P<x>[a-z]{3,})less\b")
# "-less" words that deny no "-ed" word of the same thing ("stainless steel", "brushed nickel")
_NOT_LESS = frozenset({"stain", "brush", "time", "end", "effort", "use", "care", "fear",
                       "count", "point", "worry", "hassle", "harm", "spot", "flaw", "mind",
                       "thought", "price", "help", "need", "tire", "rest", "odor", "odour",
                       "scent", "taste", "color", "colour", "weight", "noise", "sound",
                       "wire", "cord"})  # wired / corded: read by their family, part by part


def _less_and_ed(pieces: list[tuple[str, int]]) -> list[Stated]:
    """A thing said absent and present in one word's two forms: "Keyless" / "keyed lock"."""
    found: list[Stated] = []
    for clause, start in pieces:
        for m in _LESS.finditer(clause):
            x = m.group("x").lower()
            if x in _NOT_LESS:
                continue
            ed = re.compile(rf"(?i)(?<![\w-]){re.escape(x)}(?:e?d)\b|\bwith\s+(?:a\s+|an\s+|"
                            rf"its\s+)?{re.escape(x)}s?\b(?!\s*(?:-|\s)?less)|\b\d+\s+{re.escape(x)}s?\s+"
                            r"(?:incl|included)\b")  # "Opens with a key (2 keys incl.)"
            for other, at in pieces:
                hit = ed.search(other)
                if hit is not None and at != start and not re.search(
                        r"(?i)\b(?:not|never|no|n't)\s+(?:be\s+|get\s+)?$", other[:hit.start()]):
                    said = f"whether it has a {x}"
                    found += [Stated(said, "no", m.group(0), start + m.start()),
                              Stated(said, "yes", hit.group(0), at + hit.start())]
    return found


_RATING = re.compile(r"(?i)\b(?P<r>SPF|UPF|MERV|NRR|CRI|R-value)\s*:?\s*(?P<n>\d{1,3})\b"
                     r"(?!\s*(?:-|to)\s*\d)")


# a label naming a part ("Lining: UPF 15"): its rating is that part's
_PART_LABEL = re.compile(r"(?i)\b(?:lining|liner|lens|lenses|insert|case|cover|strap|pouch|"
                         r"bag|cap|lid|band|panel|mesh)\b")


def _ratings(pieces: list[tuple[str, int]]) -> list[Stated]:
    """A protection or quality rating given twice: "SPF 50" / "SPF 30 broad spectrum"."""
    found = []
    name = set(re.findall(r"[a-z]+", pieces[0][0].lower())) if pieces else set()
    for clause, start in pieces:
        for m in _RATING.finditer(clause):
            label = re.match(r"\W*[A-Za-z][A-Za-z /&-]{0,30}:\s*$", clause[:m.start()])
            lead = set() if label and not _PART_LABEL.search(label.group(0)) else \
                set(re.findall(r"[a-z]+", clause[:m.start()].lower())) - name
            if OPTIONS.search(clause) or start and lead - {"with", "rated", "and", "the"}:
                continue  # "lip balm SPF 30 included": another thing's
            found.append(Stated(f"the {m.group('r').upper()} rating", m.group("n"), m.group(0),
                                start + m.start()))
    return found


_POWER = re.compile(r"(?i)(?<![\w.])(?P<n>\d{1,2}(?:\.\d+)?)\s?[x\u00d7](?![\w.]|\s*\d)"
                    r"(?:\s+(?P<w>[a-z]+(?:\s[a-z]+)?))?")
_POWER_OWN = frozenset({"magnification", "magnifying", "power", "zoom", "optical", "magnifier",
                        "lens", "loupe", "glass"})


def _magnification(pieces: list[tuple[str, int]]) -> list[Stated]:
    """How many times it magnifies, said twice: "3.5x magnification" / "Lens: 2x magnification"."""
    found = []
    for clause, start in pieces:
        if OPTIONS.search(clause) or re.search(r"(?i)\b(?:and|&|plus|up\s+to|extra|spare)\b",
                                               clause):
            continue
        for m in _POWER.finditer(clause):
            words = set((m.group("w") or "").lower().split())
            if words and words <= _POWER_OWN or re.search(r"(?i)magnif", clause):
                found.append(Stated("the magnification", m.group("n"), m.group(0).strip(),
                                    start + m.start()))
    return found


_TOKEN = r"(?P<v>[A-G][#b]?|[A-Z]|\d{1,3}(?:\.\d)?)(?![\w.#-])"
_LABEL_TOKEN = re.compile(rf"^\W*(?P<l>[A-Za-z]{{3,12}})\s*:\s*{_TOKEN}\W*(?:\(|$)")
_INLINE_TOKEN = re.compile(rf"(?i)\b(?:in\s+the\s+)?(?P<l>[a-z]{{3,12}})\s+(?:of\s+)?"
                           rf"(?-i:{_TOKEN})")


_RELATED = re.compile(r"(?i)\b(?:to|for|fits?|compatible|adapter|included|incl|sold|with|plus|"
                      r"each|per|spare|extra)\b")


def _label_tokens(pieces: list[tuple[str, int]]) -> list[Stated]:
    """A label's one-letter or number value said again with another ("Key: C" / "key of D").

    Only a label given a single letter or number ("Grade: A", "Size: 9") and the same word
    with another such value in a clause of the product's ("size 7", "in the key of D").
    """
    labelled: dict[str, list[Stated]] = {}
    for clause, start in pieces:
        m = _LABEL_TOKEN.match(clause)
        if m is not None:
            word = m.group("l").lower()
            labelled.setdefault(word, []).append(Stated(f"the {word}", m.group("v"),
                                                        clause.strip(), start))
    found: list[Stated] = []
    for clause, start in pieces:
        if OPTIONS.search(clause) or _LABEL_TOKEN.match(clause) or _RELATED.search(clause):
            continue  # "Type C to Type A adapter included": another thing's ends
        for m in _INLINE_TOKEN.finditer(clause):
            word = m.group("l").lower()
            if word in labelled:
                found += [*labelled[word], Stated(f"the {word}", m.group("v"), m.group(0),
                                                  start + m.start())]
    return found


def item_statements(text: str) -> list[Stated]:
    """Every item, suited use, player count and single-valued label ``text`` states."""
    pieces = clauses(text)
    return (_named_with(pieces) + _suited(pieces) + _players(text) + _labels(pieces)
            + _less_and_ed(pieces) + _ratings(pieces) + _magnification(pieces)
            + _label_tokens(pieces))
