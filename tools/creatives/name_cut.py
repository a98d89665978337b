"""Where a product's name ends when a merchant runs on after it without a comma.

"2 slice toaster extra wide slots 1.5in", "WiFi extender dual band 1200Mbps", "dog seat belt
adjustable 17-28 in", "swim kickboard EVA foam": after the noun that names the product, a
property word ("extra", "dual", "adjustable"), a spec written in capitals ("USB powered"), a
compound adjective ("water resistant", "wall mounted") or a material starts another phrase.
The name ends before it; the rest stays one segment in the merchant's words, so a part's
number stays with its part ("extra wide slots 1.5in") and no part, property or material
("band", "foam") becomes the product's name.

English puts a product's modifiers BEFORE its noun ("adjustable book stand", "dishwasher safe
containers", "USB desk fan"), so a modifier only ends the name once a noun precedes it: a
known product type ending right there, or (for a type no list knows, "leaf rake") two plain
words that are no modifiers.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import NOUNS, TAXONOMY, find_type, normal
from knowledge.extraction.vocab import AUDIENCES, COLORS
from knowledge.nlp.quantities import find_quantities
from tools.creatives.name_ends import GOODS, VERBS_ONLY, VERSIONED, ends_name, verb_led
from tools.creatives.word_classes import (
    FUNCTION_WORDS,
    HOSTS,
    POST_ADJECTIVES,
    is_property,
    is_spec,
    plain_noun,
)

Span = tuple[str, int, int]

_WORD = re.compile(r"[A-Za-z0-9][\w'’.+/-]*")


def type_ends(prefix: str) -> Span | None:
    """The known product type that ends ``prefix`` on a plain noun, if any ("... bucket hat").

    Not a host the product is made for ("phone waterproof pouch"), nor a word that is a
    spec, a property or a material ("USB", "portable", "soy wax" before "scented candle").
    """
    found = find_type(prefix, fallback=False)
    if found is None or found[2] != len(prefix) or found[0] in HOSTS:
        return None
    last = prefix[found[1]:found[2]].split()[-1]
    if not (last.isalpha() and last.islower() and plain_noun(last)):
        return None
    return found


def _noun_before(front: str, words: list[tuple[str, int, int]], at: int) -> tuple[Span | None,
                                                                                    bool]:
    """Whether a noun ends right before word ``at``: (known type or None, True) or (_, False).

    A known product type counts; so do two words ending on a plain lower-case one for a
    type no list knows ("leaf rake", "WiFi extender"), never a lone word ("dog adjustable
    harness") nor a spec ("M.2 NVMe").
    """
    found = type_ends(front[:words[at][1]].rstrip())
    if found is not None:
        return found, True
    last = words[at - 1][0]
    solid = last.isalpha() and plain_noun(last) and last.lower() not in HOSTS
    return None, solid and last.islower() and at >= 2 and words[at - 2][0][:1].isalpha()


@lru_cache(maxsize=1)
def curated_types() -> frozenset[tuple[str, ...]]:
    """Product types from the hand-made lists (common nouns, demo taxonomy), not from queries."""
    out = {normal(line.strip()) for line in NOUNS.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")}
    for spec in json.loads(TAXONOMY.read_text(encoding="utf-8"))["categories"].values():
        out.update(normal(t) for t in spec["types"])
    return frozenset(out)


def _names_product(rest: str) -> bool:
    """True when the words after a modifier end on a product's own name.

    "scented candle", "digital photo frame", "powered computer speakers": the modifier comes
    before the product's noun, as English puts it. A part the merchant names after the
    product ("extra wide slots", "dual band", "EVA foam") is one word no hand-made list
    holds as a product, or a material.
    """
    found = find_type(rest, fallback=False)
    if found is None or found[2] != len(rest.rstrip()):
        return False
    words = rest[found[1]:found[2]]
    if find_terms(words, material_items()) or is_property(words.split()[-1]):
        return False
    return " " in found[0] or normal(found[0]) in curated_types()


def _strong(found: Span | None) -> bool:
    """True for a type that surely names a product: two words or more, or a hand-made one.

    "gaming chair ergonomic lumbar pillow" is a chair with a pillow; "gel memory foam
    mattress topper" is a topper, "gel" being no such type.
    """
    return found is not None and (" " in found[0] or normal(found[0]) in curated_types())


def _material_at(front: str, start: int) -> tuple[int, int] | None:
    """The material that starts at ``start``, run on through the next ("EVA foam"), if any."""
    end = start
    for _value, s, e in find_terms(front[start:], material_items()):
        if front[end:start + s].strip():
            break
        end = start + e
    return (start, end) if end > start else None


# a singular animal or baby that makes one noun with the type after it ("dog bowl")
_COMPOUND_ANIMALS = frozenset({"dog", "cat", "puppy", "kitten", "bird", "horse", "pet", "baby",
                               "rabbit", "hamster", "fish"})


def _type_ends_at(front: str, start: int) -> bool:
    """True when a known product type runs from the word at ``start`` to the name's end."""
    rest = front[start:].rstrip()
    found = find_type(rest, fallback=False)
    return found is not None and found[2] == len(rest) and found[1] > 0


def _opens_phrase(front: str, words: list[tuple[str, int, int]], i: int) -> int | None:
    """Where a modifier phrase opens at word ``i`` (its first word's index), if it does."""
    word = words[i][0]
    own = find_type(front[:words[i][2]], fallback=False)
    if own is not None and own[2] == words[i][2] and own[1] < words[i][1]:
        return None  # "high chair", "night light": the word ends a known type
    if word.lower() in POST_ADJECTIVES and i >= 2:
        before = front[:words[i - 1][2]]
        made = [t for t in find_terms(before, material_items()) if t[2] == len(before)]
        if made:  # "memory foam washable": the material opens, "washable" is a property
            return next(k for k in range(i) if words[k][2] > made[-1][1])
        compound = find_type(before, fallback=False)
        if compound is not None and compound[2] == len(before) and compound[1] < words[i - 1][1]:
            return i  # "screen protector tempered glass": the type ends before
        return i - 1  # "belt bag water resistant": "water resistant" is one adjective
    if word.lower() in _COMPOUND_ANIMALS and _type_ends_at(front, words[i][1]):
        return None  # "slow feeder dog bowl": a dog bowl, not a feeder for dogs
    if word.lower() in VERBS_ONLY and i == len(words) - 1 and word.lower().endswith("s"):
        return None  # "rear hatch lift supports": a verb with no object is the plural noun
    if (is_property(word) or word.lower() in AUDIENCES or word.lower() in VERBS_ONLY
            or is_spec(word) and words[i - 1][0].isalpha()):
        return i  # "toaster extra wide slots", "toothbrush kids timer", "desk fan USB powered"
    material = _material_at(front, words[i][1])
    if material is None:
        return None
    whole = find_type(front[:material[1]], fallback=False)
    if whole is not None and whole[2] == material[1] and whole[1] < words[i][1]:
        return None  # "wine glass" is a type, not a wine of glass
    owner = type_ends(front[:words[i][1]].rstrip())
    if owner is None:
        return None  # "heavy duty steel shelf": the steel is the shelf's
    if not front[material[1]:].strip() and (not _strong(owner) or front[:material[1]].lower()
                                            .endswith(GOODS)):
        return None  # "tissue paper", "printer paper": a material ending the name is its noun
    return i


def name_end(front: str) -> tuple[Span | None, int] | None:
    """The product's type and where its name ends in a run-on first clause, or None.

    ``front`` is the clause up to its first number or cue word; None when the name runs
    to the end of ``front`` (no modifier phrase follows a noun).
    """
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(front)]
    for i in range(1, len(words)):
        opens = _opens_phrase(front, words, i)
        if opens is None or opens == 0:
            continue
        found, noun = _noun_before(front, words, opens)
        if noun and (_strong(found) or not _names_product(front[words[opens][1]:])):
            return found, len(front[:words[opens][1]].rstrip())
    return None


# words that open a clause about the product, never its name ("with lid", "keeps drinks")
_NOT_A_NAME_START = re.compile(r"(?i)^(?:with|w/|w|for|fits|in|on|to|up|and|or|plus|includes?|"
                               r"including|comes|made|holds|keeps|without|approx\.?|about|"
                               r"approximately|around|nearly|roughly|qty|quantity|not|never|"
                               r"do not|don't)(?:\s|$)")  # "Not dishwasher safe" names nothing


def names_product(head: str, *, later: bool = False) -> bool:
    """True when ``head`` can name the product: it holds a noun, it is no fact about it.

    "750ml", "with lid", "keeps drinks", "stainless steel", "waterproof" are facts, not
    names: the listing then names no product rather than a wrong one. A clause after the
    first names the product only with a known product type ("2 pack, bamboo toothbrushes").
    """
    if not head.strip() or _NOT_A_NAME_START.match(head) or verb_led(head.lower()) \
            or head.strip().lower() in ("is", "are"):  # "Quillboard is a ...": a verb
        return False
    words = head.split()
    core = words[:-2] if words[-1].lower() in POST_ADJECTIVES else words
    if not any(_nounish(w) for w in core):
        return False  # "dishwasher safe" says what it is like
    return not later or find_type(head, fallback=False) is not None


def _nounish(word: str) -> bool:
    """True for a word that may name a thing ("tool", "kit", "socks"; not "blue", "steel")."""
    low = word.lower()
    return (word[:1].isalpha() and not is_property(word) and low not in AUDIENCES
            and low not in FUNCTION_WORDS and low not in COLORS
            and not find_terms(low, material_items()))




def name_with_number(front: str, at: int) -> tuple[Span, int] | None:
    """A name with a number inside ("HDMI 2.1 cable 6.6 ft"): the type right after it.

    Only a bare version number after a name ("USB 3.2", "Cat 8", "Bluetooth 5.0"): a
    quantity ("wheelbarrow 6 cu ft steel tray", "outdoor 4200V") sizes the product, and
    the type after it is a part.
    """
    words = front[:at].split()
    name = words[-1] if words else ""
    if name.lower() not in VERSIONED and plain_noun(name) and (
            name.islower() or name.istitle() and re.match(r"\d+\s", front[at:])):
        return None  # "wheelbarrow 6 cu ft steel tray"; "mens 5 blade razor" is one name
    first = find_quantities(front[at:])
    if first and first[0].start == 0 and first[0].kind != "number":
        return None
    digit = at + re.search(r"\d", front[at:]).start()  # type: ignore[union-attr]
    nxt = re.search(r"\s\d", front[digit:])
    end = digit + nxt.start() if nxt else len(front)
    found = find_type(front[:end])
    if found is None or found[1] <= at:
        return None
    if found[2] == len(front[:end].rstrip()) or re.match(r"\s", front[found[2]:]) and (
            not front[at:found[1]].strip(" 0123456789.")
            or ends_name(front[found[1]:found[2]], front[found[2]:end])):
        return found, found[2]  # "iPhone 15 case clear": the colour is no part of the name
    return None


def compat_name_before(lead: str, after: str) -> tuple[Span, int] | None:
    """The type before a versioned name that a bare number follows ("case iPhone 15").

    "phone case iPhone 15 clear" is a phone case for the iPhone 15: the name and its
    number stay together, after the product's own name.
    """
    words = lead.split()
    if len(words) < 2 or not re.match(r"\d+(?:\.\d+)?(?:\s|$)", after):
        return None
    name = words[-1]
    if not (name.lower() in VERSIONED or re.search(r"[a-z][A-Z]", name)):
        return None
    before = lead[:lead.rindex(name)].rstrip()
    found = type_ends(before)
    return (found, found[2]) if found is not None else None
