"""What a sponsored slot holds: its candidate, the filled slot, the shopper's creative variant.

The organic candidate an ad competes from, the filled slot, and the A/B variant of the
campaign's approved creatives a shopper sees in it. Kept apart from :mod:`tools.ads.serving`
(the auction and its upkeep) so the page-facing shapes can be imported without the server.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from knowledge.creatives import Creative
from knowledge.models import Product

LABEL = "Sponsored"


@dataclass
class Candidate:
    """An organic result the page would show, with its search score and rank."""

    product: Product
    score: float
    rank: int


@dataclass
class Sponsored:
    """One filled sponsored slot."""

    product: Product
    campaign_id: str
    impression_id: str
    position: int
    cpc: float
    creative_id: str | None = None
    headline: str | None = None
    text: str | None = None
    banner: str | None = None
    label: str = LABEL

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the product as the API shows it)."""
        return {"product": self.product.model_dump(mode="json"), "label": self.label,
                "campaign_id": self.campaign_id, "impression_id": self.impression_id,
                "position": self.position, "creative_id": self.creative_id,
                "headline": self.headline, "text": self.text, "banner": self.banner}


def variant_for(session_id: str, campaign_id: str, n: int) -> int:
    """The A/B variant a shopper sees for a campaign (stable per shopper)."""
    digest = hashlib.sha1(f"{session_id}|{campaign_id}".encode()).hexdigest()
    return int(digest[:8], 16) % n


def dress(ad: Sponsored, variants: list[Creative], session_id: str) -> None:
    """Show this shopper's variant of the campaign's approved creatives in the slot."""
    usable = [v for v in variants if v.product_id in (None, ad.product.id)]
    if not usable:
        return
    chosen = usable[variant_for(session_id, ad.campaign_id, len(usable))]
    content = chosen.content or {}
    ad.creative_id = chosen.id
    ad.headline = content.get("headline")
    ad.text = content.get("description") or content.get("subline")
    ad.banner = chosen.image if chosen.kind == "banner" else None
