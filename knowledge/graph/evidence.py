"""Does a product have an attribute? Its attributes first, then its own words, negation-aware.

A need such as ``slip-resistant`` is matched against a product in two steps:

1. its attribute values (given by the catalogue or extracted at import): a value that is the
   attribute or one of its variants ("non-slip") is evidence;
2. failing that, its listing text (title, then bullets, then description): a variant that
   occurs as whole words and is not negated in its clause ("not slip resistant", "no
   waterproofing") is evidence, quoted with the clause it sits in.

The variants, a short label and the benefit of every known attribute live in
``lexicon.jsonl`` beside this module; an attribute not in it matches its own words only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICON = Path(__file__).with_name("lexicon.jsonl")
NEGATORS = frozenset("not no without never isn't aren't doesn't don't cannot can't nor "
                     "lacks lacking avoid except excluding".split())
# words that make a mention about another item ("pair it with a waterproof protector")
ELSEWHERE = frozenset("pair paired pairs combine combined requires require separately "
                      "add adding recommend recommended than unlike".split())
_CLAUSE_END = re.compile(r"[.;!?\n•|()\[\]]|, (?:but|yet|however)\b")
_NEGATION_SCOPE_END = re.compile(r"[.;:,!?\n•|()\[\]&+/]|\b(?:and|but|or|with|plus)\b")
_WORDS = re.compile(r"[a-z']+")
# a warning puts what follows out of use: "do not use if you have very sensitive skin"
_WARNING = re.compile(r"\b(?:(?:do not|don't|never|not) (?:use|apply|give|recommended|suitable|"
                      r"intended)|avoid|unless|keep away from)\b")
WARNING_WORDS = 12
QUOTE_MAX = 90
FIELDS = ("title", "bullets", "description")


@dataclass(frozen=True)
class Lexeme:
    """One attribute: how shoppers and listings say it, and what it does for them."""

    attribute: str
    label: str
    benefit: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Span:
    """Where a product shows an attribute: the field, the quoted words and their source."""

    attribute: str
    field: str
    quote: str
    source: str  # "attributes" (given or extracted values) or "text" (found in the listing)
    said: str = ""  # the listing's own words for it ("anti-glare"), never an upgrade of them


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


def _fragment(variant: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", variant.strip().lower()) if p]
    return r"[\s\-]*".join(parts)


class Lexicon:
    """The attribute vocabulary: variants, labels and benefits (``lexicon.jsonl``)."""

    def __init__(self, path: Path = LEXICON) -> None:
        """Read the lexicon file (one JSON object per line)."""
        self.entries: dict[str, Lexeme] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                self.entries[row["attribute"]] = Lexeme(
                    row["attribute"], row["label"], row.get("benefit", ""),
                    tuple(row.get("variants", ())))

    def entry(self, attribute: str) -> Lexeme:
        """The attribute's entry, or a plain one built from its own name."""
        found = self.entries.get(attribute)
        if found is not None:
            return found
        label = attribute.replace("-", " ").strip().capitalize()
        return Lexeme(attribute, label, "", ())

    def names(self, attribute: str) -> frozenset[str]:
        """Normalised spellings that count as the attribute when given as a value."""
        entry = self.entry(attribute)
        return frozenset(_norm(v) for v in (attribute, *entry.variants))

    def pattern(self, attribute: str) -> re.Pattern[str]:
        """One regex for all the attribute's spellings, on lower-cased text."""
        return _compiled(attribute, self.entry(attribute).variants)


@lru_cache(maxsize=2048)
def _compiled(attribute: str, variants: tuple[str, ...]) -> re.Pattern[str]:
    spellings = sorted({attribute, *variants}, key=len, reverse=True)
    body = "|".join(_fragment(v) for v in spellings if v.strip())
    return re.compile(r"(?<![a-z0-9])(?:" + body + r")(?:s|es)?(?![a-z0-9])")


def negated(low: str, start: int) -> bool:
    """True when a negator is among the four words before ``start`` in the same phrase.

    A phrase ends at punctuation or a conjunction ("no assembly needed, waterproof" is not
    negated); "non" negates only when it directly precedes ("non waterproof"); "not only"
    does not negate. A warning further back in the phrase also negates ("do not use if you
    have very sensitive skin").
    """
    ends = [m.end() for m in _NEGATION_SCOPE_END.finditer(low, max(0, start - 120), start)]
    scope_start = ends[-1] if ends else max(0, start - 120)
    words = _WORDS.findall(low[scope_start:start])
    before = words[-4:]
    if before[-2:] == ["not", "only"]:
        return False
    if bool(before) and before[-1] == "non" or any(w in NEGATORS for w in before):
        return True
    return bool(_WARNING.search(" ".join(words[-WARNING_WORDS:])))


def _quote(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``, trimmed at word boundaries."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    if right - left > QUOTE_MAX:
        left = max(left, start - 40)
        right = min(right, end + 40)
        while left > 0 and left < start and not text[left - 1].isspace():
            left += 1
        while right < len(text) and right > end and not text[right].isspace():
            right -= 1
    return " ".join(text[left:right].split()).strip(" ,:-*")


def text_fields(product: Any) -> list[tuple[str, str]]:
    """(field, text) of a product or product-shaped dict, in the order evidence is sought."""
    get = product.get if isinstance(product, dict) else (lambda k, d=None: getattr(product, k, d))
    bullets = get("bullets") or []
    return [("title", get("title") or ""), ("bullets", "\n".join(bullets)),
            ("description", get("description") or "")]


def attribute_values(product: Any) -> Iterable[tuple[str, str]]:
    """(key, value) pairs of a product's attributes, lists flattened."""
    attrs = (product.get("attributes") if isinstance(product, dict)
             else getattr(product, "attributes", None)) or {}
    for key, value in attrs.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, (str, int, float)) and str(item).strip():
                yield str(key), str(item)


def _stored_span(product: Any, key: str, value: str) -> Span | None:
    """The listing words an extracted value came from (``Product.attribute_spans``)."""
    spans = (product.get("attribute_spans") if isinstance(product, dict)
             else getattr(product, "attribute_spans", None)) or {}
    texts = dict(text_fields(product))
    for span in spans.get(key, []) if isinstance(spans, dict) else []:
        if _norm(str(span.get("value", ""))) != _norm(value):
            continue
        field, start, end = span.get("field"), span.get("start"), span.get("end")
        text = texts.get(str(field), "")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            if negated(text.lower(), start):
                return None
            return Span("", str(field), _quote(text, start, end), str(span.get("source", "")),
                        text[start:end])
    return None


def in_attributes(product: Any, attribute: str, lexicon: Lexicon) -> Span | None:
    """Evidence among the product's attribute values (given, or extracted with its span)."""
    names = lexicon.names(attribute)
    for key, value in attribute_values(product):
        if key != "category_path" and _norm(value) in names:
            stored = _stored_span(product, key, value)
            if stored is not None:
                return Span(attribute, stored.field, stored.quote, stored.source or "attributes",
                            value)
            return Span(attribute, "attributes", value, "attributes", value)
    return None


def in_text(fields: list[tuple[str, str]], attribute: str, lexicon: Lexicon) -> Span | None:
    """Evidence in the listing's own words: an un-negated spelling, quoted with its clause.

    A listing that negates the attribute anywhere ("not waterproof") has no evidence,
    whatever else it says; a mention about another item is skipped.
    """
    pattern = lexicon.pattern(attribute)
    found: Span | None = None
    for field, text in fields:
        if not text:
            continue
        low = text.lower()
        if len(low) != len(text):  # a case change altered the length: quote the lower text
            text = low
        for match in pattern.finditer(low):
            if negated(low, match.start()):
                return None  # the listing says it does not have it: nothing else counts
            if not about_elsewhere(low, match.start()) and found is None:
                found = Span(attribute, field, _quote(text, match.start(), match.end()), "text",
                             text[match.start():match.end()])
    return found


def about_elsewhere(low: str, start: int) -> bool:
    """True when the mention describes another item ("pair it with a waterproof cover")."""
    ends = [m.end() for m in _NEGATION_SCOPE_END.finditer(low, max(0, start - 80), start)]
    scope_start = ends[-1] if ends else max(0, start - 80)
    return any(w in ELSEWHERE for w in _WORDS.findall(low[scope_start:start])[-5:])


def listing_negates(fields: list[tuple[str, str]], attribute: str, lexicon: Lexicon) -> bool:
    """True when the listing says, anywhere, that the product lacks ``attribute``.

    "The water bottle is not insulated" outweighs an "insulated sleeve" extracted elsewhere.
    """
    pattern = lexicon.pattern(attribute)
    for _, text in fields:
        low = text.lower()
        if any(negated(low, m.start()) for m in pattern.finditer(low)):
            return True
    return False


def find_evidence(product: Any, attribute: str, lexicon: Lexicon) -> Span | None:
    """Why ``product`` has ``attribute`` (attributes first, then text), or None.

    None as well when the listing negates the attribute anywhere.
    """
    fields = text_fields(product)
    given = in_attributes(product, attribute, lexicon)
    if given is None:
        return in_text(fields, attribute, lexicon)  # negation-aware itself
    return None if listing_negates(fields, attribute, lexicon) else given
