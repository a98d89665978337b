"""Per-product evidence for needed attributes, and the evidence lines shown on cards.

An evidence line states what *this* product has, quoting its listing, and why it matters
for the request: ``Slip-resistant ("non-slip rubber outsole"): grips the floor``.
It is written only from a :class:`~knowledge.graph.evidence.Span`, so a product without the
attribute never gets one.
"""

from __future__ import annotations

from typing import Any

from knowledge.graph.evidence import Lexicon, Span, find_evidence
from knowledge.models import Product

QUOTE_CHARS = 70
GENERIC_WORDS = frozenset("free safe proof resistant friendly ready with for and the a non anti "
                          "no built in easy soft".split())


def _shape(p: Product) -> dict[str, Any]:
    return {"title": p.title, "bullets": list(p.bullets or []), "description": p.description or "",
            "attributes": dict(p.attributes or {}),
            "attribute_spans": dict(getattr(p, "attribute_spans", None) or {})}


def product_evidence(product: Product, attribute: str, lexicon: Lexicon) -> Span | None:
    """Evidence on a product object already in hand (read fresh, never cached).

    Which catalogue products have an attribute at all is answered, for search's ranking, by
    :class:`knowledge.graph.masks.CatalogueEvidence`.
    """
    return find_evidence(_shape(product), attribute, lexicon)


def _label(span: Span, lexicon: Lexicon) -> str:
    """The lexicon's label when the listing says the attribute itself, else the listing's words.

    So "anti-glare" is shown as "Anti-glare", never upgraded to "Polarized lenses".
    """
    entry = lexicon.entry(span.attribute)
    said = " ".join(span.said.replace("-", " - ").split()).replace(" - ", "-").strip()
    if not said or _same(said, span.attribute, entry.label):
        return entry.label
    return said[:1].upper() + said[1:].lower()


def _same(said: str, attribute: str, label: str) -> bool:
    """True when the listing's words name the attribute itself ("non-slip", "slip-resistant").

    They must carry every distinctive word of the attribute or of its label (prefixes
    compared), so a related property sharing a word is not the attribute: "anti-glare" is not
    "polarized", "relaxed fit" not "athletic fit", "block heel" not "comfortable heel".
    """
    words = set(_plain(said).split())
    if "resistant" in words and "proof" in _plain(attribute + " " + label).split():
        return False
    have = {w[:5] for w in words - GENERIC_WORDS}
    for name in (attribute, label):
        distinct = {w[:5] for w in _plain(name).replace(",", " ").split()} - {
            w[:5] for w in GENERIC_WORDS}
        if distinct and distinct <= have:
            return True
    return False


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def strong_evidence(span: Span, lexicon: Lexicon) -> bool:
    """True when the listing names the attribute itself, not a weaker or related property."""
    return _label(span, lexicon) == lexicon.entry(span.attribute).label


def evidence_line(span: Span, lexicon: Lexicon, why: str = "") -> str:
    """``Label (“quote”): why`` — what this product has, in its own words, and what for."""
    entry = lexicon.entry(span.attribute)
    label = _label(span, lexicon)
    quote = span.quote if len(span.quote) <= QUOTE_CHARS else (
        span.quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…")
    said = "" if _plain(quote) == _plain(label) else f" (“{quote}”)"
    line = f"{label}{said}"
    if label != entry.label:  # the listing's weaker words: quote them, claim no benefit
        return line
    reason = why or entry.benefit
    return f"{line}: {reason}" if reason else line
