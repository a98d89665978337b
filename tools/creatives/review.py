"""Merchant review of drafts: the diff against the live listing, approve (writes), reject.

Approving a listing writes the product through ``store.write_products`` (SQL and vectors
together); before that, every claim is checked again against the product as it is now,
so a draft made stale by an attribute change cannot slip through (the same closed-world
check as at drafting: every sentence must be backed by the product's data as it is now).
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from knowledge.creatives import Creative, get_creative, merchant_product, update_creative
from knowledge.errors import InvalidRequestError
from knowledge.models import Product, utcnow
from tools.creatives.closed_world import check_prose
from tools.creatives.sources import product_brief, support_for

if TYPE_CHECKING:
    from knowledge.store import Store

LISTING_FIELDS = ("title", "bullets", "description", "keywords")


@dataclass
class FieldDiff:
    """One changed listing field: before, after and a unified diff."""

    field: str
    before: str
    after: str
    diff: list[str]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def _as_text(value: Any) -> str:
    return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value or "")


def current_fields(product: Product | None) -> dict[str, Any]:
    """Return the live listing's fields (empty for a product not yet in the catalogue)."""
    if product is None:
        return dict.fromkeys(LISTING_FIELDS, "")
    return {"title": product.title, "bullets": product.bullets, "description": product.description,
            "keywords": product.attributes.get("search_keywords", [])}


def listing_diff(product: Product | None, content: dict[str, Any]) -> list[FieldDiff]:
    """Return the fields a listing draft would change, each with a ``difflib`` unified diff."""
    before = current_fields(product)
    diffs = []
    for name in LISTING_FIELDS:
        old, new = _as_text(before[name]), _as_text(content.get(name))
        if old != new:
            lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(),
                                              f"current/{name}", f"draft/{name}", lineterm=""))
            diffs.append(FieldDiff(name, old, new, lines))
    return diffs


def _live_product(store: Store, creative: Creative) -> Product | None:
    if creative.kind != "listing" or creative.product_id is None:
        return None
    if creative.content.get("new_product"):
        with Session(store.engine) as session:
            existing = session.get(Product, creative.product_id)
        return existing
    return merchant_product(store.engine, merchant_id=creative.merchant_id,
                            product_id=creative.product_id)


def preview(store: Store, *, merchant_id: str,
            creative_id: str) -> tuple[Creative, list[FieldDiff]]:
    """Return a creative with, for listings, the diff against the live listing."""
    creative = get_creative(store.engine, merchant_id=merchant_id, creative_id=creative_id)
    if creative.kind != "listing":
        return creative, []
    return creative, listing_diff(_live_product(store, creative), creative.content)


def approve_creative(store: Store, *, merchant_id: str,
                     creative_id: str) -> tuple[Creative, list[FieldDiff]]:
    """Approve a draft; a listing is written to the catalogue. Returns it and the diff."""
    creative = get_creative(store.engine, merchant_id=merchant_id, creative_id=creative_id)
    if creative.status != "draft":
        raise InvalidRequestError(f"creative {creative_id!r} is already {creative.status}")
    diffs: list[FieldDiff] = []
    if creative.kind == "listing":
        diffs = _write_listing(store, creative)
    content = creative.content | {"diff": [d.as_dict() for d in diffs]}
    updated = update_creative(store.engine, merchant_id=merchant_id, creative_id=creative_id,
                              status="approved", content=content)
    return updated, diffs


def _write_listing(store: Store, creative: Creative) -> list[FieldDiff]:
    live = _live_product(store, creative)
    content = creative.content
    if live is not None:
        product = live.model_copy(deep=True)
    else:
        fields = dict(content.get("product") or {})
        product = Product(merchant_id=creative.merchant_id, **fields)
    brief = product_brief(product) if live is not None else content.get("brief")
    support = support_for(store, live if live is not None else product, brief)
    stale = sum(len(check_prose(line, support, where=name).dropped)
                for name in LISTING_FIELDS[:3] for line in _lines(content.get(name)))
    if stale:
        raise InvalidRequestError(f"the product changed since this draft: {stale} claim(s) are "
                                  "no longer supported; generate a new draft")
    diffs = listing_diff(live, content)
    product.title = content["title"]
    product.bullets = list(content["bullets"])
    product.description = content["description"]
    product.attributes = {**product.attributes, "search_keywords": list(content["keywords"])}
    product.updated_at = utcnow()
    store.write_products([product])
    return diffs


def _lines(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value or "")]


def reject_creative(store: Store, *, merchant_id: str, creative_id: str,
                    reason: str | None = None) -> Creative:
    """Reject a draft (nothing is written to the catalogue)."""
    creative = get_creative(store.engine, merchant_id=merchant_id, creative_id=creative_id)
    if creative.status != "draft":
        raise InvalidRequestError(f"creative {creative_id!r} is already {creative.status}")
    content = creative.content | {"reject_reason": (reason or "")[:500]}
    return update_creative(store.engine, merchant_id=merchant_id, creative_id=creative_id,
                           status="rejected", content=content)
