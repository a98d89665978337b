"""Features named only in the description, or only in passing: search text, not attributes.

Marketing copy in a description names parts, uses and comparisons far more often than the
title and bullets do, so a feature it alone names is left out of the attributes (measured
on a fresh set: 37 right for 25 wrong). Yet the word still says something about the
product to search: as attributes they lifted the learned ranker through the indexed and
embedded text. They are kept apart, in the product's spans under ``"described"`` (source
``"described"``): search indexes and embeds them (:func:`described_words`), and nothing that
reads attributes (tags, filters, need matching, evidence lines, comparisons) sees them.
The tags a bullet names once in passing (``claims.PASSING``: "collapsible aluminum paddle")
go there too: not the product's attribute, still words a shopper may search for.
"""

from __future__ import annotations

from typing import Any

DESCRIBED = "described"
# values the calibrated filter did not confirm (knowledge.extraction.calibration): each span
# keeps its "key"; search text and the ranker read them as the finders found them (they
# ranked better so), nothing that reads attributes does
UNCONFIRMED = "unconfirmed"


def described_spans(found: list[dict[str, Any]], kept: list[str], *,
                    field: str | None = "description") -> list[dict[str, Any]]:
    """Spans of the feature values not kept as attributes, as search text (source "described").

    By default only the description's spans; ``field=None`` takes every span (the tags a
    bullet names in passing).
    """
    held = set(kept)
    return [{**s, "source": DESCRIBED} for s in found
            if (field is None or s["field"] == field) and s["value"] not in held]


def described_words(product: Any) -> list[str]:
    """The described feature values of a product (from its stored spans), each once."""
    spans = getattr(product, "attribute_spans", None) or {}
    values = spans.get(DESCRIBED, []) if isinstance(spans, dict) else []
    return list(dict.fromkeys(str(s.get("value", "")) for s in values if s.get("value")))


def with_unconfirmed(attributes: dict[str, Any], spans: Any) -> dict[str, Any]:
    """``attributes`` plus the values the filter did not confirm: what search text reads.

    A copy when there are any (each put back under its key; a type only where none is held).
    """
    held = spans.get(UNCONFIRMED, []) if isinstance(spans, dict) else []
    if not held:
        return attributes
    out = {k: list(v) if isinstance(v, list) else v for k, v in attributes.items()}
    for span in held:
        key, value = span.get("key"), span.get("value")
        if not key or not value:
            continue
        if key == "type":
            out.setdefault("type", value)
        elif isinstance(out.setdefault(key, []), list) and value not in out[key]:
            out[key].append(value)
    return out
