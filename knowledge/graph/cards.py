"""Per-product evidence for needed attributes, and the evidence lines shown on cards.

:class:`EvidenceCache` answers "does product P have attribute A, and where does it say so"
for the products search is ranking, reading each product's text from SQL once and caching
each (product, attribute) answer until the catalogue changes.

An evidence line states what *this* product has, quoting its listing, and why it matters
for the request: ``Slip-resistant ("non-slip rubber outsole"): helps prevent falls at home``.
It is written only from a :class:`~knowledge.graph.evidence.Span`, so a product without the
attribute never gets one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.graph.evidence import Lexicon, Span, find_evidence
from knowledge.models import Product

QUOTE_CHARS = 70
GENERIC_WORDS = frozenset("free safe proof resistant friendly ready with for and the a non anti "
                          "no built in easy soft".split())


def _shape(p: Product) -> dict[str, Any]:
    return {"title": p.title, "bullets": list(p.bullets or []), "description": p.description or "",
            "attributes": dict(p.attributes or {}),
            "attribute_spans": dict(getattr(p, "attribute_spans", None) or {})}


class EvidenceCache:
    """(product id, attribute) -> Span or None, from the products' own text."""

    def __init__(self, engine: Engine, lexicon: Lexicon) -> None:
        """Remember where products live; nothing is read until asked."""
        self.engine, self.lexicon = engine, lexicon
        self._products: dict[str, dict[str, Any]] = {}
        self._spans: dict[tuple[str, str], Span | None] = {}

    def clear(self) -> None:
        """Forget every cached product and answer (after catalogue changes)."""
        self._products.clear()
        self._spans.clear()

    def _load(self, ids: Iterable[str]) -> None:
        missing = [i for i in dict.fromkeys(ids) if i not in self._products]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            with Session(self.engine) as session:
                for p in session.exec(select(Product).where(col(Product.id).in_(chunk))):
                    self._products[p.id] = _shape(p)

    def span(self, product_id: str, attribute: str) -> Span | None:
        """Where ``product_id`` shows ``attribute`` (None when it does not)."""
        key = (product_id, attribute)
        if key not in self._spans:
            self._load([product_id])
            product = self._products.get(product_id)
            self._spans[key] = (find_evidence(product, attribute, self.lexicon)
                                if product is not None else None)
        return self._spans[key]

    def spans(self, product_ids: list[str], attribute: str) -> list[Span | None]:
        """:meth:`span` for many products, loading their text in one query."""
        self._load([i for i in product_ids if (i, attribute) not in self._spans])
        return [self.span(i, attribute) for i in product_ids]

    def titles(self, product_ids: list[str]) -> list[str]:
        """The products' titles (empty for unknown ids), read once and cached."""
        self._load(product_ids)
        return [str(self._products.get(i, {}).get("title", "")) for i in product_ids]

    def for_product(self, product: Product, attribute: str) -> Span | None:
        """Evidence on a product object already in hand (always read fresh, not cached)."""
        return find_evidence(_shape(product), attribute, self.lexicon)


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
