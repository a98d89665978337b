"""The product's name ends on a noun for the item sold, never on a part, verb or property.

The head the parser reads from a run-on brief may stop one word short of the product or run
one word past it: "ceramic pour over coffee dripper" read as "coffee" (the drink it is used
with), "soft sole baby shoes" as a "sole" (a part), "comb binding machine punches 12 sheets"
with its verb ("punches") in the name. English ends a noun phrase on its head noun, so:

- a head that ends on a part ("sole", "lens", "strap") or on the thing the product is used
  with ("coffee", "phone") takes the product noun that follows it without a break ("soft
  sole | baby shoes" -> "soft sole baby shoes", "pour over coffee | dripper");
- a head that ends on a verb, a property, a material, an audience or a part named after a
  gap ("hiking pants zip off legs") ends at the last known product type before it, and the
  words cut off go back to the fact they belong to ("punches 12 sheets");
- a head that ends on none of these keeps its name; one that can be neither extended nor cut
  back names no product: the listing says "the product" rather than a guessed fragment,
  and the head's words stay in the listing as a fact.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.parts import PART_NOUNS
from knowledge.extraction.types import find_type, normal, singular, type_lexicon
from knowledge.extraction.vocab import AUDIENCES, COLORS
from tools.creatives.name_ends import GOODS, VERBS, VERBS_ONLY
from tools.creatives.whole_name import (
    clause_ends,
    cuts_material,
    noun_ring,
)
from tools.creatives.word_classes import (
    FUNCTION_WORDS,
    POST_ADJECTIVES,
    is_plural,
    is_property,
    plain_noun,
)

__all__ = ["PART_WORDS", "USED_WITH", "end_fault", "settle_head"]

Span = tuple[int, int]

# parts of a product (closed class, the one list knowledge/extraction/parts.py keeps): the
# product's name never ends on one after a gap, and one that a product noun follows is that
# noun's modifier ("soft sole baby shoes")
PART_WORDS = PART_NOUNS
# things a product is used with or made for ("coffee dripper", "phone stand"): a noun after
# one of these in the same run of words is the product
USED_WITH = frozenset({
    "coffee", "espresso", "tea", "wine", "beer", "water", "milk", "juice", "food", "phone",
    "iphone", "laptop", "tablet", "camera", "car", "bike", "dog", "cat", "pet", "bird",
    "baby", "hair", "nail", "shoe", "boot", "book", "plant", "garden", "kitchen", "desk",
    "pour", "over", "drip", "cold", "brew", "ice", "pizza", "bread", "cake", "cookie",
})
# the name of a measure ("midi length", "size 02"): never the product's noun
MEASURE_NAMES = frozenset({"size", "length", "width", "height", "depth", "weight", "capacity",
                           "thickness", "inseam", "diameter", "volume"})
# words that make one phrase with the word before them ("zip off legs", "light up wheels")
PARTICLES = frozenset({"off", "on", "up", "out", "in", "down"})
_CUES = re.compile(r"(?i)^(?:with|w/|w|for|fits|that|which|featuring|in|and|includes|including|"
                   r"comes|made)$")


def _type_ends(text: str) -> tuple[str, int, int] | None:
    """The known product type that ends ``text`` exactly, if any."""
    found = find_type(text, fallback=False) if text.strip() else None
    return found if found is not None and found[2] == len(text.rstrip()) else None


def _compound_ends(words: list[str]) -> bool:
    """True when a known type of two words or more ends on the last word ("hand warmer")."""
    found = _type_ends(" ".join(words))
    return found is not None and " " in found[0]


# product verbs beyond the parser's lists that are seldom a product's own plural noun
MORE_VERBS = frozenset({"punches", "shoots", "laminates", "sharpens", "dices", "chops", "slices",
                        "peels", "grates", "mashes", "polishes", "scrubs", "whisks"})


def _verb(words: list[str]) -> bool:
    """True when the last word is the product's verb ("comb binding machine punches").

    A verb of the closed lists right after a product type, or after properties of it
    ("brad nailer pneumatic shoots"), with which it forms no known type ("seat covers",
    "building blocks" are nouns).
    """
    low = words[-1].lower()
    if low not in VERBS_ONLY | VERBS | MORE_VERBS or _compound_ends(words):
        return False
    k = len(words) - 1
    while k > 0 and _type_ends(" ".join(words[:k])) is None:
        if end_fault(words[:k]) not in ("property", "material"):
            return _after_noun(words, low)
        k -= 1
    return k > 0 and normal(f"{words[k - 1]} {low}") not in type_lexicon()


def _after_noun(words: list[str], low: str) -> bool:
    """True for a verb that is seldom a noun after a noun no list knows ("hole punch punches").

    Not "knee supports", "foam blocks": those verbs are nouns as often.
    """
    before = words[-2]
    return (low in MORE_VERBS or low in VERBS_ONLY - {"supports", "blocks", "displays"}) \
        and before.islower() and plain_noun(before)


def end_fault(words: list[str]) -> str | None:
    """Why the head ``words`` do not end on the product's noun, or None when they do.

    "audience", "property", "material", "measure", "verb" or "part" (a part named after a
    gap from the product's type: "hiking pants zip off legs").
    """
    last = words[-1]
    low = last.lower().strip("'’.,")
    compound = _compound_ends(words)
    if low in FUNCTION_WORDS or (low in AUDIENCES or low in COLORS) and not compound:
        return "audience"
    if (is_property(last) or low in POST_ADJECTIVES) and not compound:
        return "property"
    material = find_terms(low, material_items())
    if material and not compound and not f" {low}".endswith(GOODS):
        return "material"
    if low.endswith(("ing", "ed")) and len(low) > 5 and not compound and not noun_ring(low) \
            and _type_ends(
            " ".join(words[:-1])) is not None:
        return "property"  # "shades light filtering", "multi tool corded"
    if low in MEASURE_NAMES and not compound:
        return "measure"
    if len(words) >= 2 and _verb(words):
        return "verb"
    if _part(low) and not compound and _part_after_gap(words):
        return "part"
    return None


def _part(low: str) -> bool:
    """True for a part's name, singular or plural ("lens", "soles", "straps")."""
    return low in PART_WORDS or singular(low) in PART_WORDS


def _part_after_gap(words: list[str]) -> bool:
    """True when a product type ends before the last word with a non-noun between them."""
    for k in range(len(words) - 2, 0, -1):
        if _type_ends(" ".join(words[:k])) is not None:
            if is_plural(words[k - 1]):
                return True  # "swim goggles uv protection lens": a plural ends the name
            gap = words[k:-1]  # "carrying strap": a gerund makes a noun with the part
            return any(end_fault(words[:j + 1]) in ("property", "material", "verb", "audience")
                       and not w.lower().endswith("ing") or w.lower() in PARTICLES
                       or w.lower() in ("med", "size") for j, w in enumerate(gap, start=k))
    return False


def _noun_at(words: list[str]) -> bool:
    """True when ``words`` end on a word that may name the item sold."""
    low = words[-1].lower()
    return (words[-1].isalpha() and end_fault(words) is None and not _part(low)
            and low not in USED_WITH and low not in VERBS and low not in MEASURE_NAMES)


def _extension(text: str, head: Span, after: Span | None) -> int | None:
    """Where the head ends once it takes the product noun that follows it, if one does.

    "soft sole | baby shoes genuine leather": a known type ending on up to three words of
    the next segment; or one plain word before a break ("coffee | dripper size 02").
    """
    if after is None or text[head[1]:after[0]].strip():
        return None
    spans = [(m.start() + after[0], m.end() + after[0])
             for m in re.finditer(r"\S+", text[after[0]:after[1]])]
    taken = []
    for s, e in spans[:3]:
        if not text[s:e].isalpha():
            break
        taken.append((s, e))
    words = text[head[0]:head[1]].split()
    for k in range(len(taken), 0, -1):
        end = taken[k - 1][1]
        ext = words + text[taken[0][0]:end].split()
        found = _type_ends(text[head[0]:end])
        if found is not None and _noun_at(ext):
            return end
    one = text[taken[0][0]:taken[0][1]] if taken else ""
    if one.islower() and plain_noun(one) and _noun_at([*words, one]):
        nxt = text[taken[0][1]:after[1]].split()
        if not nxt or not nxt[0][:1].isalpha() or nxt[0].lower() in MEASURE_NAMES \
                or _CUES.match(nxt[0]) or nxt[0].lower() in VERBS | VERBS_ONLY:
            return taken[0][1]
    return None


COLLECTIVES = frozenset({"set", "kit", "pack", "pair", "bundle", "combo"})


# a doer noun ("separator", "opener", "crusher") right after a known type names the product
_DOER = re.compile(r"[a-z]{3,}(?:er|or)s?")
_NOT_DOER = frozenset({"other", "under", "over", "after", "never", "ever", "either", "neither",
                       "better", "larger", "smaller", "bigger", "faster", "longer", "stronger",
                       "lighter", "thinner", "thicker", "wider", "taller", "water", "paper",
                       "rubber", "leather", "silver", "copper", "amber", "timber", "lavender",
                       "summer", "winter", "finger", "number", "order", "color", "colour",
                       "indoor", "outdoor", "interior", "exterior", "major", "minor", "super",
                       "polyester", "fiber", "fibre", "liter", "litre", "meter", "metre",
                       "center", "centre", "together", "rather", "power", "tender", "per"})


def _doer_after_type(words: list[str]) -> bool:
    """True when ``words`` end on a doer noun right after a known type ("egg separator")."""
    last = words[-1].lower()
    return (len(words) >= 2 and _DOER.fullmatch(last) is not None
            and last.rstrip("s") not in _NOT_DOER
            and _type_ends(" ".join(words[:-1])) is not None)


def _cut_back(text: str, head: Span) -> int | None:
    """Where the head ends when cut back to the last known type on a product noun.

    A collective after a noun ends a name too ("snorkel set | adult"), and so does the noun
    a cue word follows ("travel jewelry roll | in waxed canvas" sells a roll, not jewelry).
    """
    spans = [(m.start() + head[0], m.end() + head[0])
             for m in re.finditer(r"\S+", text[head[0]:head[1]])]
    for k in range(len(spans) - 1, 0, -1):
        prefix = text[head[0]:spans[k - 1][1]]
        words = prefix.split()
        nxt = text[spans[k][0]:spans[k][1]].lower()
        if _CUES.match(nxt) and nxt not in ("and", "made") and _noun_at(words) \
                and _type_ends(prefix) is None and find_type(prefix):
            return spans[k - 1][1]  # "jewelry roll | in waxed canvas": the noun before its cue
        if nxt in PARTICLES or k == len(spans) - 1 and (
                len(nxt) > 4 and nxt.endswith(("ing", "ed")) or nxt in POST_ADJECTIVES):
            continue  # "shades light | filtering", "scooter light | up wheels": one adjective
        if cuts_material(text, spans[k - 1][1]):
            continue  # "sterling | silver": a material's name is never cut
        collective = len(words) >= 2 and words[-1].lower() in COLLECTIVES
        if _doer_after_type(words):
            return spans[k - 1][1]  # "egg separator | silicone": the separator is sold
        if (_type_ends(prefix) is not None or collective) and _noun_at(words):
            return spans[k - 1][1]
    return None


_PACK_COUNT = re.compile(r"(?i)\s*\d+\s*-?\s*(?:pairs?|pack|pk|pcs?|pieces|ct|count|sets?)\b")


def _ends_type(name: str) -> bool:
    """True when a known product type ends ``name`` on its last word ("swim cover up")."""
    found = find_type(name, fallback=False)
    return found is not None and found[2] == len(name.rstrip())


# "The Affineur cheese cloche is two pieces": a name never ends on its verb "is"
_COPULAS = frozenset({"is", "are", "was", "were"})


def settle_head(text: str, head: Span, after: Span | None) -> Span:
    """The head's span once it ends on the product's noun (empty: no product is named).

    ``text`` is the brief as parsed, ``head`` the parser's head span in it and ``after``
    the span of the segment that follows it, if any.
    """
    spans = [(m.start() + head[0], m.end() + head[0])
             for m in re.finditer(r"\S+", text[head[0]:head[1]])]
    while (len(spans) > 1 and text[spans[-1][0]:spans[-1][1]].lower() in FUNCTION_WORDS | _COPULAS
           and not _ends_type(text[head[0]:spans[-1][1]])):  # "swim cover up": a cover-up
        spans.pop()  # "laminator laminates up to": the verb is the last word before "up to"
    if not spans:
        return head
    head = head[0], spans[-1][1]
    partner = re.search(r"\s(?:and|&)\s+[A-Za-z]+$", text[head[0]:head[1]])
    if partner is not None and _ends_type(text[head[0]:head[0] + partner.start()]):
        return head  # "Hitch pin and clip 5/8 in.": two items sold as one, both named
    words = text[head[0]:head[1]].split()
    fault = end_fault(words)
    low = words[-1].lower()
    if fault is None and not _part(low) and low not in USED_WITH:
        return head
    if fault is None:  # "wiper blades", "whole bean coffee": the part or the food is sold
        end = _extension(text, head, after)
        return (head[0], end) if end is not None else head
    if fault == "verb" and clause_ends(text, head[1]):
        return head  # "Button covers,": a verb with no object is no verb
    if fault == "verb" and after is not None and _PACK_COUNT.match(text[after[0]:after[1]]):
        return head  # "car seat strap covers 2 pairs": a pack size is no verb's object
    if fault == "verb":  # "hole punch | punches 20 sheets": the verb goes to its object
        return head[0], head[0] + len(text[head[0]:head[1]].rstrip()) - len(words[-1])
    end = _cut_back(text, head)
    if end is not None:
        return head[0], end
    # a property, material or audience after the name is odd copy but no other product;
    # a part that ends the name's own clause is the thing sold ("claddagh ring,")
    return (head[0], head[0]) if fault == "part" and not clause_ends(text, head[1]) else head
