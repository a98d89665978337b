"""A model sentence may carry a brief fact only as the brief's whole segment.

The binding check (``binding``) lets a model sentence copy any run of words from one source
clause. Six hand audits found the gap that leaves: a run cut out of a longer segment takes
its fact away from the noun the merchant bound it to ("15 in" of "15 in folding board",
"adjustable" of "adjustable strap fits waist 24-45 in", "100% cotton" of "100% cotton
cover", "a waterproof 500D PVC shoulder strap" of a run-on list), or leaves a retraction or
qualifier behind ("70 lb unfilled" of "70 lb unfilled? no"). No rule about which runs are
safe can know every brief's grammar, so this check does not guess: the model's sentence
may name the product, use the frame and binding words of ``binding``'s grammar, and carry
facts only as WHOLE segments of the parsed brief (the same pieces the bullets show), each
copied word for word (a leading "for", "with" or "made of" may be the sentence's own
binding word). After "is"/"are", a segment must say what the product is like (a quantity,
a material, or a word such as "washable", "waterproof", "BPA free"), or what it does: "it
is 100% cotton cover" would make the product a part. Anything else is dropped; the
template bullets still carry every fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.creatives.binding import (
    ARTICLES,
    BIND,
    FRAME,
    PRONOUNS,
    Clauses,
    check_binding,
    ends_on_material,
    tokens,
)
from tools.creatives.closed_world import Finding
from tools.creatives.facts import ParsedBrief
from tools.creatives.name_ends import verb_led

# the last word of a segment that says what the product is like, not what part it has
_PROPERTY_END = re.compile(r"(?:able|ible|proof|free|safe|resistant|repellent|absorbent|ed|ive|"
                           r"less|ing|tight|ic|ful|ous|friendly|compatible|certified)$")
# fact kinds that say what the product is ("unisex", "3 pairs", "100% cotton", "IPX7")
PROPERTY_KINDS = frozenset({"capacity", "dimension", "weight", "rating", "temperature", "power",
                            "material", "audience", "certification", "count", "size_range"})
INCLUDING = frozenset({"includes", "include", "with"})
# after these a one-word segment, or one holding the product's pack size ("silicone 2pk"),
# would become a thing the product has: a bare word of the
# brief ("Food Mill, manual") may be what the product is like, and "It has a manual" a manual
_PACK = re.compile(r"(?i)(?:pk|pack|set of|pcs?|pieces?|count|ct)\b")
_HAVING = frozenset({"has", "have", "features", "offers", "with"})

# the words that open a predicate: "It is washable and reflective" is all after "is"
_FRAME_WORDS = (FRAME - {"also"}) | {w for words in BIND for w in words}


@dataclass
class Segments(Clauses):
    """The brief's segments as the only clauses a model sentence may copy from."""

    properties: list[bool] = field(default_factory=list)
    included: list[bool] = field(default_factory=list)
    packs: list[bool] = field(default_factory=list)
    first: str = ""  # the name's first word, which may open a sentence ("Hydra bottles ...")

    @classmethod
    def of(cls, parsed: ParsedBrief, brand: str | None = None) -> Segments:
        """The segments of ``parsed``, named by its head (and brand) only.

        A type found inside the head is no name of the product: "a 10 cup filter" for a
        "water filter pitcher 10 cup" moves the pitcher's size onto its filter.

        An included item written "storage box included" may also be said as "includes a
        storage box": its own words are a clause, taken only after "includes" or "with".
        """
        out = cls()
        for seg in parsed.segments:
            words = tokens(seg.text)
            if not words:
                continue
            kinds = {f.type for f in seg.facts}
            out.add(words, is_property(words) or kinds <= PROPERTY_KINDS, False,
                    any(f.type == "count" and _PACK.search(f.text) for f in seg.facts))
            for fact in seg.facts:
                item = tokens(fact.text)
                if fact.type == "included" and item and item != words:
                    out.add(item, False, True)
        name = " ".join(x for x in (brand or parsed.brand, parsed.head) if x)
        out.name([name])
        out.first = (tokens(name) or [""])[0]
        return out

    def add(self, words: list[str], is_property: bool, included: bool,
            pack: bool = False) -> None:
        """One clause a sentence may copy whole."""
        self.clauses.append(words)
        self.properties.append(is_property)
        self.included.append(included)
        self.packs.append(pack)

    def spans(self, sent: list[str], i: int, fold_first: bool) -> list[tuple[int, int, int]]:
        """Only whole segments, to their last word.

        A span may start inside its segment only when the words before it were said just
        before it in the sentence ("for" + "for kids", "made of" + "made of cotton").
        """
        return [(c, s, e) for c, s, e in super().spans(sent, i, fold_first)
                if e == len(self.clauses[c]) and s <= i and sent[i - s:i] == self.clauses[c][:s]
                and self._as_predicate(sent, i, c, s)]

    def _as_predicate(self, sent: list[str], i: int, c: int, s: int) -> bool:
        """After "is"/"are" a segment says what the product is like.

        An included item is said after "includes" or "with", never as a part it has.
        """
        verb = next((t for t in reversed(sent[:i - s]) if t in _FRAME_WORDS), None)
        if self.included[c]:
            return verb in INCLUDING
        if verb in _HAVING and (len(self.clauses[c]) == 1 or self.packs[c]):
            return False  # "manual - no electricity needed" -> "It has a manual."; "a 2pk"
        return verb not in ("is", "are") or self.properties[c]


def is_property(words: list[str]) -> bool:
    """True when a segment says what its product is like or does, not which part it has."""
    last = words[-1]
    return (last[0].isdigit() or any(t[0].isdigit() for t in words[-2:])
            or words[0] == "for" or bool(_PROPERTY_END.search(last))
            or len(words) == 2 and words[0] in ("non", "anti")  # "non-slip", "anti-fog"
            or ends_on_material(words) or verb_led(" ".join(words)))


def check_segments(sentence: str, segments: Segments) -> list[Finding]:
    """One finding when ``sentence`` carries a fact other than as a whole brief segment.

    The sentence opens with the product ("It", "This ...", its name): a bare "Dripless."
    says nothing a bullet does not, and reads as a fragment.
    """
    words = tokens(sentence)
    if words and not (words[0] in PRONOUNS or words[0] in ARTICLES
                      or words[0] == segments.first):
        return [Finding(words[0], "the sentence does not open with the product")]
    return check_binding(sentence, segments)
