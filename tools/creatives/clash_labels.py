"""A labelled slot given one value and, elsewhere, another: "Key: C" / "in the key of D".

No list of slots: a spec line "Slot: value" names a single-valued property of the product
by its label's head word ("Key", "Fit", "Ruling", "Edition"). Where the same word stands
elsewhere in the brief with one other word that gives its value ("Women-specific fit",
"key of D"), and that word is not in the labelled value, the brief gives the slot two
values. Left out: labels of lists, notes, parts and contents; values with several items
("black / white", "C or G"); mentions in an option list, a comparison or what the product
fits; modifiers that grade or describe rather than name a value ("comfortable fit",
"secure fit", "relaxed fit").
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import color_items, material_items
from tools.creatives.attribute_values import clauses, label_of

__all__ = ["check_labels"]

# labels that hold lists, notes or the product's parts and contents, not one value
_NOT_SLOTS = frozenset({"features", "feature", "details", "detail", "notes", "note", "about",
                        "description", "specs", "specifications", "includes", "included",
                        "contents", "content", "package", "box", "what", "use", "uses",
                        "usage", "care", "warning", "caution", "tip", "tips", "ideal",
                        "perfect", "great", "made", "material", "materials", "colour", "color",
                        "colours", "colors", "size", "sizes", "dimensions", "weight",
                        "compatibility", "compatible", "fits", "for", "ingredients", "options",
                        "available", "style", "styles", "design", "pattern", "finish", "type",
                        "model", "brand", "item", "product", "name", "title", "sku", "upc",
                        "warranty", "shipping", "returns", "origin", "bonus", "why", "how",
                        "pros", "cons", "pack", "set", "kit", "quantity", "count", "power",
                        "battery", "batteries", "capacity", "age", "ages", "recommended",
                        "theme", "occasion", "season", "scent", "flavor", "flavour", "quality",
                        "comfort", "durability", "performance", "protection", "safety", "value",
                        "convenience", "benefit", "gift", "service", "guarantee", "speed",
                        "mode", "setting", "level", "heat", "temperature", "intensity",
                        "brightness", "program", "cycle", "grip", "feel", "touch", "look",
                        "handle", "sound", "light", "smell", "taste", "texture"})
# words that grade or describe a slot rather than name its value
_DESCRIBING = frozenset({"a", "an", "the", "its", "this", "that", "your", "our", "my", "any",
                         "every", "each", "one", "perfect", "great", "good", "better", "best",
                         "comfortable", "comfort", "secure", "snug", "true", "easy", "smooth",
                         "quiet", "classic", "custom", "precise", "accurate", "reliable",
                         "durable", "quality", "premium", "proper", "right", "exact", "ideal",
                         "superior", "excellent", "nice", "new", "same", "correct", "full",
                         "tight", "loose", "relaxed", "regular", "standard", "modern",
                         "traditional", "natural", "simple", "unique", "beautiful", "soft",
                         "sturdy", "solid", "stable", "strong", "gentle", "clean", "fine",
                         "flattering", "tailored", "roomy", "generous", "slim", "lightweight",
                         "adjustable", "flexible", "versatile", "which", "what", "and", "or",
                         "with", "in", "of", "for", "to", "on", "at", "by", "no", "not", "non"})
# a value naming a material or colour is a part's make (shares and colour families read it)
_MAKE = frozenset(w for items in (material_items(), color_items()) for _, c in items
                  for w in c.split())
# words naming another thing of the slot's kind, not its value: "replacement sponges"
_ROLES = frozenset({"replacement", "refill", "spare", "extra", "additional", "backup", "wash",
                    "clean", "cleaning", "storage", "travel", "carry", "carrying", "each",
                    "per", "second", "first", "main", "inner", "outer", "upper", "lower",
                    "front", "back", "top", "bottom", "side", "left", "right", "new", "old",
                    "original", "matching", "removable", "detachable", "optional"})
_ELSEWHERE = re.compile(r"(?i)\b(?:or|either|available|options?|choose|select|unlike|than|vs|"
                        r"versus|instead|compared|like|also|other|both|any|if|when)\b|/|&|\+")
# what the product fits or a setting is for ("fits a key of D harp", "Pulse speed for ice")
_FITTED = re.compile(r"(?i)\b(?:fits?|for|compatible|works\s+with|pairs?\s+with)\b")
# a label that is a plural or an adjective heads a list or a boast, not one value
_NOT_NOUN = re.compile(r"(?:s|able|ible|ful|ous|ive)$")
_NEGATED = re.compile(r"(?i)\b(?:no|not|non|without|never)[\s-]+$")
_MULTI = re.compile(r"(?i)\b(?:or|and|to)\b|[/,&+]|\bthrough\b")


def _slots(text: str) -> list[tuple[str, set[str], str, int, int]]:
    """(slot word, value words, clause, start, end) for each single-valued spec line."""
    out = []
    for clause, start in clauses(text):
        label = label_of(clause)
        if label is None or not label.group("label").strip():
            continue
        words = label.group("label").lower().split()
        value = re.sub(r"\([^)]*\)?", " ", clause[label.end():]).strip(" .;!")
        line = re.split(r"\n|\.\s|\s[|\u2022]\s|;\s", text[start:] + "\n", maxsplit=1)[0]
        if len(line.split()) > 12:
            continue  # "OPTIMAL GRIP: Soft, ...": a heading over a sentence, no spec line
        if len(words) > 1 or words[0] in _NOT_SLOTS or _NOT_NOUN.search(words[0]) or \
                not value or len(value.split()) > 4 or _MULTI.search(value) or \
                re.search(r"(?i)\b(?!only\b)[a-z]{2,}ly\b", value):
            continue  # the line must hold just its value: "Edge: smooth straight edge"
        vals = {w.strip("'\u2019") for w in re.findall(r"[a-z0-9#\u266f\u266d'\u2019-]+",
                                                      value.lower())}
        if re.search(r"\d", value) or vals & _MAKE:
            continue  # a number is read by the measure rules; a material or colour by its own
        out.append((words[-1], vals | set(words), clause.strip(), start, start + len(clause)))
    return out


def _stems(words: set[str]) -> set[str]:
    """Each word and its parts at hyphens and apostrophes, less a plural or -'s ending."""
    out = set()
    for w in words:
        for part in [w, *re.split(r"[-'\u2019]", w)]:
            if part:
                out |= {part, part.rstrip("s")}
    return out


def _akin(word: str, own: set[str]) -> bool:
    """True when ``word`` or a part of it is one of ``own`` or begins or ends one ("zipper")."""
    for part in _stems({word}):
        if any(part == o or len(min(part, o, key=len)) >= 3 and
               (part.startswith(o) or o.startswith(part)) for o in own):
            return True
    return False


def _mentions(text: str, slot: str) -> list[tuple[str, int, int]]:
    """(value word, start, end) where ``slot`` stands with one word giving its value."""
    found = []
    word = r"([A-Za-z0-9][\w#\u266f\u266d'\u2019]*(?:-[\w']+)*)"
    for m in re.finditer(rf"(?i)(?<![\w-]){word}[ \t-]{re.escape(slot)}s?(?![\w-])", text):
        found.append((m.group(1), m.start(), m.end()))
    for m in re.finditer(rf"(?i)(?<![\w-]){re.escape(slot)}\s+of\s+{word}(?![\w-])", text):
        found.append((m.group(1), m.start(), m.end()))
    return found


def check_labels(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a labelled slot's value is given otherwise."""
    pieces = clauses(text)
    head = re.split(r"(?i)\s(?:in|with|for|of|and|by)\s", pieces[0][0])[0] if pieces else ""
    name = set(re.findall(r"[a-z]+", head.lower()))  # "Irish tin whistle in the key of D"
    for slot, vals, said, start, end in _slots(text):
        if slot in name or slot.rstrip("s") in name:
            continue  # "Mitten: 100% cotton" in a teething mitten's brief: the product's part
        own = _stems(vals)
        for value, at, stop in _mentions(text, slot):
            low = value.lower().strip("'\u2019")
            if start <= at < end or low in _DESCRIBING | _ROLES | _MAKE or _akin(low, own) or \
                    re.search(r"(?:able|ible)$|^(?:non|un|anti)-", low) or \
                    _NEGATED.search(text[max(0, at - 9):at]) or \
                    text[at:stop].lower().endswith(slot + "s"):  # "refill inks": other items
                continue
            clause, c_at = next((c, s) for c, s in reversed(pieces) if s <= at)
            label = label_of(clause)
            if _ELSEWHERE.search(clause) or _FITTED.search(clause) or \
                    label is not None and label.end() > at - c_at:
                continue  # an option, a comparison, a fitted thing; or another label's name
            raise InvalidRequestError(
                f"the brief contradicts itself: it says {said!r} and also "
                f"{text[at:stop]!r}; say which is true")
