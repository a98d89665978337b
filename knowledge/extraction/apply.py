"""Extraction applied to products at import: attributes filled, spans stored, failures logged.

The finders' values pass the calibrated filter (:mod:`knowledge.extraction.calibration`):
a value it finds unlikely to be right is not stored as an attribute.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from knowledge.extraction.calibration import keep_likely, texts_of
from knowledge.extraction.extract import Extraction, extract
from knowledge.extraction.offers import add_offers
from knowledge.extraction.types import Tagger

log = logging.getLogger(__name__)


def title_tagger(settings: Any = None) -> Tagger | None:
    """The QueryNER tagger's ``tag`` for titles, or None when it cannot be loaded (logged)."""
    try:
        from knowledge.nlp.tagger import load_tagger

        if settings is None:
            from knowledge.settings import Settings

            settings = Settings()
        tagger = load_tagger(settings)
    except Exception as exc:  # the dictionary path works without the tagger
        log.warning("title tagger unavailable, extracting with dictionaries only: %s", exc)
        return None
    return lambda text: tagger.tag(text)


def served_tails(engine: Any) -> tuple[str, ...]:
    """NEEDS tails of the store's served (accepted) assertions, as extra feature tags.

    Empty when the knowledge table is missing or unreadable (logged): extraction then uses
    its own list and the seed's tails.
    """
    try:
        from sqlmodel import Session, col, select

        from knowledge.graph.store import Assertion

        with Session(engine) as session:
            stmt = (select(Assertion.tail).where(Assertion.relation == "NEEDS")
                    .where(col(Assertion.status) == "accepted").distinct())
            return tuple(sorted({str(t).lower() for t in session.exec(stmt)}))
    except Exception as exc:  # knowledge is an enrichment; extraction works without it
        log.warning("served knowledge tails unavailable for extraction: %s", exc)
        return ()


def extract_listing(title: str, bullets: list[str], description: str, *,
                    model: dict[str, Any] | None, color: str | None = None,
                    brand: str | None = None, given: dict[str, Any] | None = None,
                    tagger: Tagger | None = None,
                    extra_features: tuple[str, ...] = ()) -> Extraction:
    """Extraction of one listing as the importer stores it: the finders, then the filter.

    ``model``: the calibrated filter (``calibration_model.load_filter``); None keeps every
    value the finders found.
    """
    result = extract(title, bullets, description, given=given, color=color, tagger=tagger,
                     brand=brand, extra_features=extra_features)
    if model is not None:  # an untyped title's head-noun guess is kept only if likely
        texts = texts_of(title, bullets, description, color)
        add_offers(result, title, brand, texts)
        keep_likely(result, texts, model)
    return result


def extract_product(product: Any, tagger: Tagger | None = None,
                    extra_features: tuple[str, ...] = (),
                    model: dict[str, Any] | None = None) -> Extraction:
    """Extraction for one product (its given attributes win), never raising.

    A failure is logged and the product keeps what it was given.
    """
    given = dict(product.attributes or {})
    try:
        return extract_listing(product.title, product.bullets or [], product.description or "",
                               model=model, given=given, color=product.color, tagger=tagger,
                               brand=product.brand, extra_features=extra_features)
    except Exception:
        log.exception("attribute extraction failed for product %s; keeping its given attributes",
                      product.id)
        return Extraction(given, {})


def apply_extraction(products: Iterable[Any], tagger: Tagger | None = None,
                     extra_features: tuple[str, ...] = (), *,
                     filtered: bool = True, settings: Any = None) -> int:
    """Fill ``attributes`` and ``attribute_spans`` of each product.

    ``filtered``: pass the values through the calibrated filter (loaded from the model cache
    of ``settings``, trained there on first use). Returns how many values were extracted
    (not given) over all products.
    """
    from knowledge.extraction.calibration_model import load_filter

    model = load_filter(settings) if filtered else None
    found = 0
    for product in products:
        result = extract_product(product, tagger, extra_features, model)
        product.attributes = result.attributes
        product.attribute_spans = result.spans
        found += sum(1 for spans in result.spans.values() for s in spans
                     if s["source"] == "extracted")
    return found
