"""A/B variants: creatives attached to a campaign, a CTR prior per variant, a comparison.

The prior is a transparent multiplicative model over a variant's features (headline
length, audience match, benefit words, price shown, image, call to action); the traffic
simulator reads it through :func:`variant_priors`. The report compares variants on
observed (or simulated) clicks with a two-proportion z-test against the control.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.creatives import Creative, get_creative, update_creative
from knowledge.errors import InvalidRequestError, NotFoundError

BASE_CTR = 0.015
VARIANT_KINDS = ("ad_copy", "banner")


@dataclass
class VariantFeatures:
    """What the CTR prior looks at."""

    headline_chars: int
    audience_match: bool
    benefit_words: int
    price_shown: bool
    has_image: bool
    has_cta: bool


def variant_text(creative: Creative) -> str:
    """Return the shopper-visible text of an ad or banner."""
    c = creative.content
    return " ".join(str(c.get(k) or "") for k in ("headline", "description", "subline", "price",
                                                 "cta"))


def variant_features(creative: Creative, audience: str | None = None) -> VariantFeatures:
    """Return the features of one variant, for a campaign aimed at ``audience`` (optional)."""
    c = creative.content
    text = variant_text(creative).lower()
    target = (audience or c.get("target_audience") or "").lower().removesuffix("s")
    aud = (c.get("audience") or "").lower()
    match = bool(target) and (target == aud or target in text or target in creative.claims)
    benefits = sum(1 for ev in creative.claims.values() if str(ev).startswith("attribute feat"))
    placeholder = bool(c.get("layout", {}).get("placeholder", True))
    return VariantFeatures(len(str(c.get("headline", ""))), match, min(benefits, 3),
                           "$" in text, creative.kind == "banner" and not placeholder,
                           bool(c.get("cta")) or "order" in text or "shop" in text)


def ctr_prior(features: VariantFeatures) -> float:
    """Return the expected click-through rate of a variant before any traffic (0.2% to 20%)."""
    ctr = BASE_CTR
    n = features.headline_chars
    ctr *= 0.9 if n < 15 else 1.0 if n <= 30 else max(0.75, 1 - 0.01 * (n - 30))
    ctr *= 1.3 if features.audience_match else 1.0
    ctr *= 1 + 0.07 * features.benefit_words
    ctr *= 1.1 if features.price_shown else 1.0
    ctr *= 1.15 if features.has_image else 1.0
    ctr *= 1.05 if features.has_cta else 1.0
    return float(min(0.2, max(0.002, ctr)))


def _campaign_model() -> Any:
    try:
        from knowledge.campaigns import Campaign
    except ModuleNotFoundError:
        return None
    return Campaign


def check_campaign(engine: Engine, *, merchant_id: str, campaign_id: str) -> None:
    """Raise NotFoundError unless the campaign exists and is this merchant's."""
    model = _campaign_model()
    if model is None:
        return
    with Session(engine) as session:
        campaign = session.get(model, campaign_id)
    if campaign is None or getattr(campaign, "merchant_id", merchant_id) != merchant_id:
        raise NotFoundError(f"no campaign with id {campaign_id!r}")


def attach_variant(engine: Engine, *, merchant_id: str, creative_id: str,
                   campaign_id: str) -> Creative:
    """Attach an ad or banner creative to one of this merchant's campaigns as a variant."""
    creative = get_creative(engine, merchant_id=merchant_id, creative_id=creative_id)
    if creative.kind not in VARIANT_KINDS:
        raise InvalidRequestError(f"only ad copy and banners can be campaign variants, "
                                  f"not {creative.kind}")
    check_campaign(engine, merchant_id=merchant_id, campaign_id=campaign_id)
    return update_creative(engine, merchant_id=merchant_id, creative_id=creative_id,
                           campaign_id=campaign_id)


def campaign_variants(engine: Engine, campaign_id: str) -> list[Creative]:
    """Return the non-rejected ad and banner variants of a campaign, oldest (the control) first."""
    stmt = (select(Creative).where(Creative.campaign_id == campaign_id)
            .where(col(Creative.kind).in_(VARIANT_KINDS)).where(Creative.status != "rejected")
            .order_by(col(Creative.created_at), col(Creative.id)))
    with Session(engine) as session:
        return list(session.exec(stmt))


def variant_priors(engine: Engine, campaign_id: str,
                   audience: str | None = None) -> dict[str, float]:
    """Map creative id -> CTR prior for every variant of a campaign (the simulator hook)."""
    return {c.id: ctr_prior(variant_features(c, audience))
            for c in campaign_variants(engine, campaign_id)}


def simulate_clicks(priors: dict[str, float], impressions: int,
                    seed: int = 0) -> dict[str, tuple[int, int]]:
    """Binomial clicks per variant at its prior (a stand-in when no traffic was observed)."""
    rng = np.random.default_rng(seed)
    return {cid: (impressions, int(rng.binomial(impressions, p))) for cid, p in priors.items()}


@dataclass
class VariantRow:
    """One variant in the comparison."""

    creative_id: str
    kind: str
    headline: str
    prior_ctr: float
    impressions: int
    clicks: int
    ctr: float
    lift_vs_control: float
    p_value: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def two_proportion_p(c1: int, n1: int, c2: int, n2: int) -> float:
    """Two-sided p-value of a two-proportion z-test (1.0 when undefined)."""
    if n1 == 0 or n2 == 0:
        return 1.0
    pooled = (c1 + c2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = abs(c1 / n1 - c2 / n2) / se
    return float(math.erfc(z / math.sqrt(2)))


def compare_variants(engine: Engine, *, merchant_id: str, campaign_id: str,
                     observed: dict[str, tuple[int, int]] | None = None,
                     audience: str | None = None, impressions: int = 5000,
                     seed: int = 0) -> dict[str, Any]:
    """Return the A/B report: prior, clicks, CTR, lift and p-value per variant, and the winner."""
    check_campaign(engine, merchant_id=merchant_id, campaign_id=campaign_id)
    variants = [v for v in campaign_variants(engine, campaign_id) if v.merchant_id == merchant_id]
    if not variants:
        raise NotFoundError(f"campaign {campaign_id!r} has no creative variants yet")
    priors = {v.id: ctr_prior(variant_features(v, audience)) for v in variants}
    source = "observed" if observed else "simulated"
    traffic = observed or simulate_clicks(priors, impressions, seed)
    control = variants[0].id
    n0, c0 = traffic.get(control, (0, 0))
    rows = []
    for v in variants:
        n, c = traffic.get(v.id, (0, 0))
        ctr, base = (c / n if n else 0.0), (c0 / n0 if n0 else 0.0)
        rows.append(VariantRow(v.id, v.kind, str(v.content.get("headline", "")), priors[v.id], n,
                               c, round(ctr, 5), round(ctr / base - 1, 4) if base else 0.0,
                               round(two_proportion_p(c, n, c0, n0), 5)))
    best = max(rows, key=lambda r: r.ctr)
    others = [r for r in rows if r.creative_id != control]
    clear = (all(r.p_value < 0.05 for r in others) if best.creative_id == control
             else best.p_value < 0.05)
    winner = best.creative_id if clear and others else None
    return {"campaign_id": campaign_id, "control": control, "traffic": source,
            "variants": [r.as_dict() for r in rows], "winner": winner}
