"""Turn what a merchant gives (a few words, attributes, or a product) into a product to describe.

"bamboo baby bowls with suction base" becomes a proposed product with type "baby bowls",
category "baby", material "bamboo" and the feature "suction-base": the merchant's own words
are the facts a generated listing may claim.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from knowledge.errors import InvalidRequestError
from knowledge.models import Product
from tools.creatives.claims import TAXONOMY, default_lexicon
from tools.creatives.facts import MAX_BRIEF, ParsedBrief, facts_json, validate_brief

__all__ = ["MAX_BRIEF", "parse_brief", "proposed_product", "type_categories"]
LIFTED = ("brand", "price", "color", "category", "title", "image")


@lru_cache(maxsize=1)
def type_categories() -> dict[str, str]:
    """Every known product type mapped to its category (from the demo taxonomy)."""
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    return {t.lower(): cat for cat, body in data["categories"].items() for t in body["types"]}


def parse_brief(brief: str) -> dict[str, Any]:
    """Attributes read from a few words: type, category, material, features, colour, audience."""
    text = brief.strip().lower()
    attrs: dict[str, Any] = {}
    for kind in sorted(type_categories(), key=len, reverse=True):
        stem = re.escape(kind.rstrip("s"))
        if re.search(rf"\b{stem}(s|es)?\b", text):
            attrs["type"], attrs["category"] = kind, type_categories()[kind]
            break
    features: list[str] = []
    for mention in default_lexicon().find(text):
        if mention.negated:
            continue
        if mention.kind == "feature" and mention.term not in features:
            features.append(mention.term)
        elif mention.kind in ("material", "color", "audience"):
            attrs.setdefault(mention.kind, mention.term)
    if features:
        attrs["features"] = features
    if "type" not in attrs:
        head = re.split(r",|;|\b(?:with|for|not|without|in)\b", text)[0]
        words = [w for w in re.findall(r"[a-z][a-z'-]*", head) if w not in _noise(attrs, features)]
        attrs["type"] = " ".join(words[-3:]) or text[:40]
    return attrs


def _noise(attrs: dict[str, Any], features: list[str]) -> set[str]:
    words = {"a", "an", "the", "for", "with", "and", "these", "this", "some", "my", "our", "new"}
    for value in [*features, *(str(v) for v in attrs.values())]:
        words.update(re.split(r"[\s-]+", value))
    return words


def proposed_product(*, merchant_id: str, product_id: str, brief: str | None,
                     attributes: dict[str, Any] | None,
                     parsed: ParsedBrief | None = None) -> Product:
    """Return a not-yet-stored product built from a brief and/or attributes (validated).

    With a parsed brief, the brief's own facts are kept in the attributes (``facts``, with
    their spans) beside the taxonomy's reading, and the head names the type when the
    taxonomy knows none.
    """
    brief = (brief or "").strip()
    attrs = dict(attributes or {})
    if not brief and not attrs:
        raise InvalidRequestError("the brief is empty: describe the product in a few words, "
                                  "or give a product id or attributes")
    if brief:
        validate_brief(brief)
    merged = {**parse_brief(brief), **attrs} if brief else attrs
    if parsed is not None:
        merged.setdefault("brief", parsed.text)
        merged["facts"] = facts_json(parsed)
        if parsed.brand and not merged.get("brand"):
            merged["brand"] = parsed.brand
        if parsed.product_type and "type" not in attrs and str(merged.get("type", "")) not in \
                type_categories():
            merged["type"] = parsed.product_type
    fields = {k: merged.pop(k) for k in LIFTED if k in merged}
    if isinstance(merged.get("features"), str):
        merged["features"] = [merged["features"]]
    if "type" not in merged and not fields.get("title"):
        raise InvalidRequestError("attributes must include a 'type' (e.g. 'yoga mat')")
    price = fields.get("price")
    if price is not None and (not isinstance(price, int | float) or price < 0):
        raise InvalidRequestError(f"price must be a non-negative number, got {price!r}")
    category = fields.get("category") or type_categories().get(str(merged.get("type", "")).lower())
    head = parsed.head if parsed is not None and parsed.head else str(merged.get("type", ""))
    title = fields.get("title") or " ".join(x for x in (fields.get("brand"), head) if x)
    return Product(id=product_id, merchant_id=merchant_id, title=title, brand=fields.get("brand"),
                   price=price, color=fields.get("color"),
                   category=category, attributes=merged, image=fields.get("image"))
