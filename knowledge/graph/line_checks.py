"""Reading checks on a served line: whose property the listing states, and against what request.

Three ways a true listing sentence still makes a wrong line (issue 13, the v15 census):

- the attribute belongs to an item bundled with the product ("... 2 x salt/pepper shakers +
  waterproof back fleece picnic blanket" on a tote bag);
- the sentence describes other products ("Most face washes for acne use common acne-fighting
  ingredients ..." on a face wash sold as the gentler alternative);
- the query asks for the opposite of the need ("chew toy for a senior dog with sore gums" wants
  a soft toy, not a chew-resistant one).

And, from the v18 census: the clause speaks of the maker's range of products ("has products
suitable for sensitive skin"), and the listing's word is figurative ("feels like a warm hug",
"warm your dream", "a warm housewarming gift").
"""

from __future__ import annotations

import re

from knowledge.graph.evidence import Span
from knowledge.graph.lines import OWN_PARTS
from knowledge.text import tokens

_BUNDLE_MARK = re.compile(r"(?:(?<![\d%])\+|×|\b\d+\s*x)\s*$")  # "50+ quick dry" is no bundle
_BREAK = re.compile(r"[,;:.!?()\[\]&|+•]| - | and | with | for ")
_CLAUSE_END = re.compile(r"[.!?;:•–—]| - ")
OTHERS_LEAD = frozenset("""most many other others unlike typical ordinary conventional
aside""".split())
OTHERS_VERB = frozenset("use uses have has are contain contains come comes rely relies".split())

# query words that ask for gentleness, and needs that answer toughness instead
GENTLE_WORDS = frozenset(tokens("sore gums gum toothless gentle tender"))
TOUGH_NEEDS = frozenset({"chew-resistant", "durable-toy"})


def _at(span: Span) -> tuple[str, int]:
    """The quote in lower case and where the listing's words for the attribute start (-1).

    An extracted value ("sensitive-skin", "non-stick") is found as the listing spells it
    ("sensitive skin", "nonstick").
    """
    low, said = span.quote.lower(), span.said.lower()
    if not said:
        return low, -1
    for spelling in (said, said.replace("-", " "), said.replace("-", "")):
        at = low.find(spelling)
        if at >= 0:  # the quote is given back with the value's spelling, so offsets agree
            return low[:at] + said + low[at + len(spelling):], at
    return low, -1


def in_a_bundle(span: Span, product_type: str) -> bool:
    """True when the attribute's words name an item bundled after "+", "×" or "2 x".

    "+ waterproof back fleece picnic blanket" on a tote bag: the words after the attribute
    name something other than this product's type or one of its parts.
    "water-friendly + durable: ..." (nothing named after the attribute) states the product's
    own property.
    """
    low, at = _at(span)
    if at < 0 or not _BUNDLE_MARK.search(low[:at]):
        return False
    after = tokens(_BREAK.split(low[at + len(span.said):], maxsplit=1)[0])[:4]
    return bool(set(after) - OWN_PARTS) and not set(after) & set(tokens(product_type))


def about_other_products(span: Span) -> bool:
    """True when the clause holding the attribute describes other products.

    "Most face washes for acne use common acne-fighting ingredients": the clause opens with
    "most" / "many" / "other" / "unlike" ... and says what those products use or have.
    """
    low, at = _at(span)
    if at < 0:
        return False
    clause = (_CLAUSE_END.split(low[:at])[-1] + _CLAUSE_END.split(low[at:], maxsplit=1)[0]).split()
    if not clause or clause[0] not in OTHERS_LEAD:
        return False
    return clause[0] == "unlike" or bool(set(clause[1:]) & OTHERS_VERB)


def opposed_need(query: str, tag: str) -> bool:
    """True when the query asks for gentleness and the need is for toughness.

    "chew toy for a senior dog with sore gums": a chew-resistant toy (or one "tough for
    chewers") is the hard one.
    """
    return tag in TOUGH_NEEDS and bool(set(tokens(query)) & GENTLE_WORDS)


def range_of_products(span: Span) -> bool:
    """True when the clause holding the attribute speaks of a range of products.

    "the brand has products suitable for dry skin, sensitive skin, oily skin": a listing names
    itself in the singular; "products" before the attribute in its clause is the maker's range.
    """
    low, at = _at(span)
    if at < 0:
        return False
    return "products" in _CLAUSE_END.split(low[:at])[-1].split()


# words before an attribute that say there is less of it ("softness to reduce cushion")
LESS = frozenset("reduce reduces reduced reducing less lower minimal minimise minimize".split())


def lessened(span: Span) -> bool:
    """True when the word just before the attribute says the product lessens it."""
    low, at = _at(span)
    before = low[:at].split() if at > 0 else []
    return bool(before) and before[-1] in LESS


# the attribute word said of something other than the product: a likeness or a gift
_LIKENESS = re.compile(r"\blike(?: an?| the)?\s*$")
_GIFT = frozenset(tokens("gift gifts housewarming welcome hug hugs hugged smile feeling"))


def figurative(span: Span) -> bool:
    """True when the listing's word is said of a likeness, a gift or a feeling.

    "feels like a warm" (hug), "is a warm and practical housewarming gift", "a warm feeling of
    being gently hugged" do not say the product keeps anyone warm.
    """
    low, at = _at(span)
    if at < 0:
        return False
    after = low[at + len(span.said):].split()
    if _LIKENESS.search(low[:at]):
        return True
    return bool(set(tokens(" ".join(after[:4]))) & _GIFT)



# needs for keeping water out, and the inside parts whose property does not do that
WATER_OUT = frozenset({"waterproof", "water-resistant"})
INSIDE = frozenset(tokens("interior lining linings liner liners inner inside compartment"))


def inside_only(span: Span, tag: str) -> bool:
    """True when the listing keeps water out only of an inside part.

    "WATERPROOF INTERIOR: the lunch box layer", "waterproof lining" (it keeps melt or spills
    in) do not make a bag that keeps rain or sea water out.
    """
    low, at = _at(span)
    if tag not in WATER_OUT or at < 0:
        return False
    after = tokens(_BREAK.split(low[at + len(span.said):], maxsplit=1)[0])[:3]
    return bool(set(after) & INSIDE)


# a query that says both hot and cold ("a couple where one is hot and one is cold") wants
# something that answers both; a line for warmth alone (or coolness alone) answers one side
HOT_WORDS = frozenset("hot overheat overheats overheating".split())
COLD_WORDS = frozenset("cold chilly freezing".split())
ONE_SIDED = frozenset({"warm", "thermal", "warm-lined", "heated", "cooling"})


def one_side_of_two(query: str, tag: str) -> bool:
    """True when the query says both hot and cold and the need answers only one of them."""
    words = set(re.findall(r"[a-z]+", query.lower()))
    return tag in ONE_SIDED and bool(words & HOT_WORDS) and bool(words & COLD_WORDS)


# "non-slip" said of a garment's fit part means it stays in place, not that it grips the floor
SLIP_NEEDS = frozenset({"slip-resistant", "non-slip"})
FIT_PARTS = frozenset(tokens("cuff cuffs waistband waistbands band bands strap straps"))
GRIP_PARTS = frozenset(tokens("sole soles outsole outsoles tread treads bottom bottoms grip grips "
                              "traction floor floors"))


def stays_put(span: Span, tag: str) -> bool:
    """True when the listing's "non-slip" is said of a cuff, band or strap, not a sole.

    "Lycra elastic cuff can lock the heel and promise our socks Non-Slip": the sock stays up;
    it does not grip a slippery floor. A clause that also names a sole or tread keeps it.
    """
    low, at = _at(span)
    if tag not in SLIP_NEEDS or at < 0:
        return False
    clause = set(tokens(_CLAUSE_END.split(low[:at])[-1]
                        + _CLAUSE_END.split(low[at:], maxsplit=1)[0]))
    return bool(clause & FIT_PARTS) and not clause & GRIP_PARTS


# words that set the attribute up as what the product is compared against ("a healthier
# option over nonstick pans", "better than memory foam", "instead of plastic")
AGAINST = frozenset("over than instead versus vs unlike compared rather".split())


def compared_against(span: Span) -> bool:
    """True when one of the three words before the attribute compares the product with it.

    "Healthier option over nonstick pan", "Best steel pot over large nonstick pan" (a steel
    pan): the listing names non-stick as the alternative, not as its own (spent v23).
    """
    low, at = _at(span)
    if at <= 0:
        return False
    return bool(set(re.findall(r"[a-z]+", low[:at])[-3:]) & AGAINST)
