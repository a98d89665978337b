"""A property affirmed in one clause and denied in another, matched by the word's stem.

No list of properties: any word may be denied by its form ("non-stretch", "unscented",
"is not adjustable") and affirmed in another form of its stem ("Stretchy one-piece cover",
"scented", "adjustable"). The two mentions must speak of the
same thing: a clause on a part's line or opening on a part, an option list, a comparison or
what the product fits speaks of something else; where each mention stands before its own
noun, the nouns must agree or one must be a generic word for the product ("fabric",
"design") - "stretch jeans with a non-stretch waistband" names two things.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import material_items
from tools.creatives.attribute_values import clauses, label_of

__all__ = ["check_polarity"]

# "non-stretch", "non stretch"; "unscented" (un + a participle or an -able word);
# "not adjustable" (not + an adjective-shaped word). "-less" words are left out: "Wireless"
# beside "wiring", "stemless" beside "stem", "Brushless" beside "brushed" are no clash
_NON = re.compile(r"(?i)(?<![\w-])non[\s-]?(?P<w>[a-z]{4,})\b")
_UN = re.compile(r"(?i)(?<![\w-])un-?(?P<w>[a-z]{3,}(?:ed|able|ible))\b")
_NOT_ADJ = re.compile(r"(?i)(?<![\w-])(?:is|are|it's|its|isn't|aren't)?\s*\bnot\s+(?:very\s+)?"
                      r"(?P<w>[a-z]{3,}(?:y|ed|able|ible|ic|ive|ous|ful))\b(?!\s*[a-z]+\s*$)")
_MODAL = re.compile(r"(?i)\b(?:do|does|did|will|would|should|can|could|must|may|might|need|"
                    r"please)\s*$")
# words whose negation is no property of the product ("not included", "not for", "unless")
_NOT_PROPERTY = frozenset({"included", "required", "needed", "necessary", "recommended",
                           "suitable", "intended", "designed", "compatible", "sold", "shipped",
                           "available", "supplied", "provided", "listed", "pictured", "shown",
                           "advised", "affiliated", "applicable", "approved", "certified",
                           "tested", "returnable", "refundable", "guaranteed", "responsible",
                           "liable", "used", "opened", "installed", "assembled", "attached",
                           "only", "sure", "very", "really", "exactly", "quite", "always",
                           "exceed", "overfill", "overtighten", "treated", "dated"})
# words after a mention that make it something other than the product's property
_GUARD = re.compile(r"(?i)[\s-]?(?:resistant|resistance|proof|free|protection|guard|control|less|"
                    r"mark|marks|test|tested|level|rating|range)\b")
_DENY_BEFORE = re.compile(r"(?i)(?:\b(?:no|not|non|without|never|nor|less|anti|un|zero|free\s+of|"
                          r"free\s+from)[\s-]*|"
                          r"\b(?:won't|don't|doesn't|can't|cannot|isn't|aren't)\s+)$")
# clauses that speak of another thing, compare, or give options
_ELSEWHERE = re.compile(r"(?i)\b(?:or|either|available|options?|choose|unlike|than|vs|versus|"
                        r"instead|compared|like|other|if|when|fits?|for|without|compatible|works\s+with|"
                        r"pairs?\s+with|except|excluding|unless|avoid|prevent|prevents|reduce|"
                        r"reduces|helps?|keeps?|stops?|less|more|too|was|were|previous)\b")
# nouns that name the product or its make as a whole: a property before them is the product's
_GENERIC = frozenset({"fabric", "material", "materials", "design", "construction", "build",
                      "style", "feel", "finish", "surface", "texture", "weave", "knit", "blend",
                      "item", "product", "unit", "piece", "version", "model", "body", "type",
                      "one-piece", "one", "cover", "overall", "all", "throughout", "fit"})
# a material names what the product is made of: "Uninsulated canvas" speaks of the product
_MATERIALS = frozenset(word for _, word in material_items() if " " not in word)
_STOPS = frozenset({"and", "with", "in", "on", "at", "by", "for", "to", "of", "from", "that",
                    "which", "it", "is", "are", "will", "so", "the", "a", "an", "but", "under",
                    "over", "into", "onto", "before", "after", "through", "as", "than", "up"})
_PART = re.compile(r"(?i)\b(?:covers?|cases?|lids?|straps?|liners?|inserts?|"
                        r"shells?|sleeves?|pouch(?:es)?|bags?|handles?|base|legs?|soles?|"
                        r"lining|pockets?|waistbands?|cuffs?|collars?|hoods?|trims?|panels?|"
                        r"buttons?|zippers?|cords?|cables?|remote|charger|battery|box|"
                        r"packaging|refills?|accessor(?:y|ies))\b")
# "Unfolded Dimensions: 17 x 15": the state a measure is taken in; "two small fins are ...":
# a counted part
_MEASURE_NOUN = re.compile(r"(?i)[a-z-]*\s+(?:dimensions?|size|length|height|width|depth|"
                           r"weight|measurements?|diameter)\b")
_COUNTED = re.compile(r"(?i)\b(?:\d+|one|two|three|four|five|six|both|each|all)\s+(?:[a-z]+\s+)?"
                      r"[a-z]+\s+(?:is|are)\b")
# a bare word standing as a label or a predicate: "Sterile:", "it is sterile."
_PREDICATE_AFTER = re.compile(r"\s*(?:[:.;!)\n|]|,\s|$)")
_PREDICATE_BEFORE = re.compile(r"\b(?:is|are|stays?|remains?|comes|arrives?|ships?)\s+$")
_SUFFIXES = ("ations", "ation", "ability", "ibility", "able", "ible", "ings", "ing", "ied",
             "ies", "ed", "es", "y", "s")


def _base(word: str) -> str:
    """``word`` less one inflection or derivation suffix, where 4 letters remain."""
    for suffix in _SUFFIXES:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4:
            if suffix in ("ied", "ies"):
                return stem + "y"
            if len(stem) >= 5 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # "slipping" -> "slip"
            return stem
    return word


_ADJ_END = re.compile(r"(?:y|ed|able|ible|ic|ical|ive|ous|ful|al|ant|ent)$")


def _denials(low: str) -> list[tuple[int, int, frozenset[str], str]]:
    """Every denied word: (start, end, the forms that would affirm it, the bare word).

    "non-stretch" is affirmed by "stretchy" or "stretchable" (the bare word is as often a noun:
    "non-slip" beside "slip-on"), "non-magnetic" by "magnetic"; "unscented" only by "scented"
    and "not adjustable" (ending its clause) only by "adjustable": "unfolded" is a state that
    "Foldable" does not deny. The bare word of a "non-" word affirms it where it stands as a
    predicate or a label ("Sterile: sealed in a pouch" beside "Packed non-sterile").
    """
    found = []
    for rx in (_NON, _UN, _NOT_ADJ):
        for m in rx.finditer(low):
            word = m.group("w")
            if word in _NOT_PROPERTY:
                continue
            if rx is _NOT_ADJ and (_MODAL.search(low[max(0, m.start() - 12):m.start()])
                                   or not re.match(r"\s*(?:[.,;:!)\n|]|$)", low[m.end():])):
                continue  # "Do not spray"; "not easy to break": what it does not do to a thing
            forms = {word}
            if rx is _NON:
                base = _base(word)
                forms = {word} if _ADJ_END.search(word) else set()
                forms |= {base + "y", base + "able", base + "ible", base.rstrip("e") + "able"}
            found.append((m.start(), m.end(), frozenset(forms), word if rx is _NON else ""))
    return found


def _clause_at(pieces: list[tuple[str, int]], at: int) -> tuple[str, int]:
    """The clause of ``pieces`` that holds offset ``at``."""
    for clause, start in reversed(pieces):
        if start <= at:
            return clause, start
    return pieces[0]


def _other_thing(clause: str, at: int, name: str) -> bool:
    """True when a mention at ``at`` of ``clause`` is said of a part, an option or another thing."""
    label = label_of(clause)
    if label is not None and label.end() <= at:
        words = set(label.group("label").lower().split())
        if words and not words & (_GENERIC | {"feature", "features", "details", "about",
                                                "description", "notes", "specs", "spec",
                                                "note", "construction", "type", "care",
                                                "caution", "warning", "important",
                                                "attention", "tip", "notice"}):
            if not words & set(re.findall(r"[a-z]+", name)):
                return True  # "Waistband: non-stretch": a part's line
    if _MEASURE_NOUN.match(clause, at) or _COUNTED.search(clause[:at]):
        return True
    part = _PART.search(clause[:at])
    return (_ELSEWHERE.search(clause) is not None
            or part is not None and part.group(0).lower() not in name)


def _thing(low: str, end: int) -> set[str]:
    """The words a mention stands before, up to its clause's end or a stop word (at most 2)."""
    out: set[str] = set()
    for word in re.findall(r"[a-z][a-z'-]*|[^\sa-z]", low[end:end + 40].split("\n")[0])[:2]:
        if not word[0].isalpha() or word in _STOPS:
            break
        out.add(word)
    return out


def _same_thing(a: set[str], b: set[str], name: set[str]) -> bool:
    """True when the nouns after two mentions may name one thing.

    Both stand alone or before a generic word ("Non-stretch fabric", "Stretchy one-piece
    cover"), or before a common noun; "a non-functional button" beside "Functional" is not.
    """
    a, b = a - _GENERIC - _MATERIALS - name, b - _GENERIC - _MATERIALS - name
    return a == b or bool(a & b)


def _affirmed(low: str, forms: frozenset[str], skip: tuple[int, int]) -> list[re.Match[str]]:
    """Mentions of one of ``forms`` outside ``skip``, not denied and not guarded."""
    pattern = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    found = re.finditer(rf"(?<![\w-])(?:(?!(?:non|un|anti|no|not|de|dis)-)[a-z]{{2,}}-)?"
                        rf"(?:{pattern})(?![\w-])", low)  # "pre-seasoned", "factory-seasoned"
    return [p for p in found
            if not skip[0] <= p.start() < skip[1] and not _GUARD.match(low, p.end())
            and not _DENY_BEFORE.search(low[max(0, p.start() - 12):p.start()])]


# a thing the product needs or loves, and one it must be kept from: "needs 6+ hrs direct sun"
# beside "keep out of direct sun"; the object is one or two words not followed by a qualifier
_OBJ = r"(?:the\s+)?(?:full\s+)?(?P<o>[a-z]+(?:\s+[a-z]+)?)(?!\s+(?:on|in|at|during|near|after|" \
       r"before|when|if|for|with|from|or|and)\b)(?=\s*(?:[,.;:!)\n|]|$|\s+(?:daily|a\s+day|" \
       r"every\s+day|each\s+day|always|only)\b))"
_NEED = re.compile(r"\b(?:needs?|requires?|loves?|thrives?\s+in|prefers?|plant\s+in|grow\s+in|"
                   rf"place\s+in)\s+(?:\d+\+?\s*[a-z]+\.?\s+(?:of\s+)?)?{_OBJ}")
_AVOID = re.compile(r"\b(?:keep\s+(?:it\s+)?(?:out\s+of|away\s+from)|avoid|do\s+not\s+expose\s+to|"
                    rf"protect\s+(?:it\s+)?from|never\s+(?:place|put|leave)\s+in)\s+{_OBJ}")


_CHOICE = re.compile(r"\b(?:or|either|options?|unlike|than|vs|if|when|except|unless|until|"
                     r"seedlings?|young|first|after|before|once)\b")


def _needed_and_avoided(low: str, pieces: list[tuple[str, int]]) -> None:
    """Raise when one clause says the product needs a thing that another says to keep it from."""
    needs = [m for m in _NEED.finditer(low)]
    for a in _AVOID.finditer(low):
        avoided = set(a.group("o").split())
        for n in needs:
            needed = set(n.group("o").split())
            clauses_apart = _clause_at(pieces, a.start())[1] != _clause_at(pieces, n.start())[1]
            if clauses_apart and (avoided <= needed or needed <= avoided) and not any(
                    _CHOICE.search(_clause_at(pieces, at)[0]) for at in (a.start(), n.start())):
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {n.group(0)!r} and also "
                    f"{a.group(0)!r}; say which is true")


def check_polarity(text: str) -> None:
    """Raise :class:`InvalidRequestError` when one clause affirms what another denies."""
    low = text.lower()
    pieces = [(c.lower(), at) for c, at in clauses(text)]
    name = re.split(r"[,;.:(\n|\u2013\u2014-]", low, maxsplit=1)[0]
    name_words = set(re.findall(r"[a-z]+", name))
    _needed_and_avoided(low, pieces)
    for start, end, forms, bare in _denials(low):
        clause, at = _clause_at(pieces, start)
        if _other_thing(clause, start - at, name):
            continue
        found = _affirmed(low, forms, (start, end))
        if bare and bare not in forms:
            found += [p for p in _affirmed(low, frozenset({bare}), (start, end))
                      if _PREDICATE_AFTER.match(low, p.end())
                      or _PREDICATE_BEFORE.search(low[max(0, p.start() - 12):p.start()])]
        for p in found:
            other, o_at = _clause_at(pieces, p.start())
            if o_at == at or _other_thing(other, p.start() - o_at, name):
                continue
            if _same_thing(_thing(low, end), _thing(low, p.end()), name_words):
                stated = text[p.start():p.end()]
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {stated!r} and also "
                    f"{text[start:end].strip()!r}; say which is true")
