"""Reading the stored spans back: which text a product's attribute value came from."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.extract import fields_of


def spans_for(product: Any, key: str, value: str) -> list[dict[str, Any]]:
    """Spans recorded for ``value`` of attribute ``key`` ("features", "waterproof"), title first."""
    wanted = value.strip().lower()
    spans = (product.attribute_spans or {}).get(key, [])
    order = {"title": 0, "bullets": 1, "description": 2, "product_color": 3, "attributes": 4}
    found = [s for s in spans if str(s.get("value", "")).lower() == wanted]
    return sorted(found, key=lambda s: order.get(str(s.get("field")), 9))


def evidence_text(product: Any, span: dict[str, Any], width: int = 80) -> str:
    """The listing sentence around ``span`` (at most ``width`` characters), for quoting.

    A given attribute (no offsets) quotes its own value.
    """
    if span.get("start") is None or span.get("field") not in ("title", "bullets", "description"):
        return str(span.get("text", ""))
    text = fields_of(product.title, product.bullets or [], product.description or "")[span["field"]]
    start, end = int(span["start"]), int(span["end"])
    left = max(text.rfind(c, 0, start) for c in ".!?\n;") + 1
    stops = [i for i in (text.find(c, end) for c in ".!?\n;") if i >= 0]
    right = min(stops) if stops else len(text)
    if right - left > width:
        left = max(left, start - (width - (end - start)) // 2)
        right = min(right, left + width)
    return " ".join(text[left:right].split())
