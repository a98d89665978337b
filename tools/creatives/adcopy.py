"""Ad copy: several headline/description variants per product and audience, always in limits.

Limits hold by construction three times over: the model writes under a JSON schema whose
``maxLength`` llama.cpp turns into a grammar (checked in its ``json_schema_to_gbnf``),
every text is cut at a word boundary by :func:`fit`, and :func:`within_limits` re-checks
before anything is stored. Variants come from the model and from angle templates (feature,
audience, price, brand, material); claims are checked, then a greedy pick maximises
distinct-2 across the chosen set.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from knowledge.creatives import Creative, merchant_product, save_creative
from knowledge.errors import InvalidRequestError, ShopmageError
from knowledge.models import Product
from tools.creatives.claims import (
    ProductFacts,
    check_text,
    count_unsupported,
    evidence_map,
    facts_for,
)
from tools.creatives.closed_world import Support, check_sentence
from tools.creatives.fact_ads import fact_ads, parsed_product
from tools.creatives.listing import fit
from tools.creatives.phrases import benefit, label
from tools.creatives.selling_points import SellingPoint, plural, product_type, selling_points
from tools.creatives.sources import product_brief, support_for

if TYPE_CHECKING:
    from knowledge.store import Store

HEADLINE_MAX = 30
DESCRIPTION_MAX = 90
MAX_VARIANTS = 10


def ad_schema(n: int) -> dict[str, Any]:
    """JSON schema for ``n`` ads whose strings the grammar keeps within the limits."""
    ad = {"type": "object", "properties": {
        "headline": {"type": "string", "minLength": 8, "maxLength": HEADLINE_MAX},
        "description": {"type": "string", "minLength": 20, "maxLength": DESCRIPTION_MAX}},
        "required": ["headline", "description"]}
    return {"type": "object", "properties": {"ads": {"type": "array", "items": ad,
                                                     "minItems": n, "maxItems": n}},
            "required": ["ads"]}


@dataclass
class AdVariant:
    """One ad: headline, description, the angle it takes and the claims it makes."""

    headline: str
    description: str
    angle: str
    audience: str | None = None
    claims: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def within_limits(ad: AdVariant) -> bool:
    """Return True when the headline and description respect the platform limits."""
    return (0 < len(ad.headline) <= HEADLINE_MAX and 0 < len(ad.description) <= DESCRIPTION_MAX)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens."""
    return re.findall(r"[a-z0-9$']+", text.lower())


def distinct_n(texts: list[str], n: int = 2) -> float:
    """Distinct-n: unique n-grams over all n-grams across ``texts`` (1.0 = no repeats)."""
    grams = [tuple(t[i:i + n]) for t in map(tokens, texts) for i in range(len(t) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def template_ads(product: Product, points: list[SellingPoint],
                 audience: str | None) -> list[AdVariant]:
    """Candidate ads from facts, one or more per angle."""
    noun = product_type(product).title()
    feats = [p.term for p in points if p.kind == "feature"]
    mats = [p.term.upper() if len(p.term) <= 3 else p.term for p in points
            if p.kind == "material"]
    auds = [p.term for p in points if p.kind == "audience"]
    f1, f2 = (feats + [None, None])[:2]
    ads: list[AdVariant] = []
    if f1:
        ads.append(AdVariant(f"{label(f1)} {noun}", f"{benefit(f1).capitalize()}."
                             + (f" {label(f2)} as well." if f2 else ""), "feature"))
        ads.append(AdVariant(benefit(f1).capitalize(), f"The {noun.lower()} that is {f1}"
                             + (f" and {f2}." if f2 else "."), "benefit"))
    who = audience if audience and audience.lower() in auds else (auds[0] if auds else None)
    if who:
        ads.append(AdVariant(f"For {plural(who).title()}", f"{noun} picked for {plural(who)}"
                             + (f": {f1}." if f1 else "."), "audience", who))
    if product.price is not None:
        ads.append(AdVariant(f"{noun} ${product.price:,.0f}", f"{label(f1) + ' ' if f1 else ''}"
                             f"{noun.lower()} for ${product.price:,.2f}. Order today.", "price"))
    if product.brand:
        ads.append(AdVariant(f"{product.brand} {noun}", f"Shop the {product.brand} {noun.lower()}"
                             + (f", made of {mats[0]}." if mats else "."), "brand"))
    if mats:
        ads.append(AdVariant(f"{mats[0][:1].upper() + mats[0][1:]} {noun}", f"Made of {mats[0]}"
                             + (f", {benefit(f2 or f1)}." if f1 else "."), "material"))
    ads.append(AdVariant(f"New {noun}", f"Discover our {noun.lower()}. Questions? Just ask us.",
                         "plain"))
    return ads


def model_ads(store: Store, product: Product, points: list[SellingPoint], n: int,
              audience: str | None) -> list[AdVariant]:
    """Return the model's ads under the length-limited schema (empty when the model fails)."""
    facts = ", ".join(p.term for p in points[:4])
    who = f" Audience: {audience}." if audience else ""
    messages = [{"role": "system", "content": "You write short, different search ads."},
                {"role": "user", "content": f"Product: {product_type(product)}. Facts: {facts}."
                 f"{who} Write {n} different ads."}]
    try:
        raw = store.llm.complete_json(messages, ad_schema(n), max_tokens=40 * n + 10)
    except ShopmageError:
        return []
    return [AdVariant(_uncut(str(a.get("headline", "")), HEADLINE_MAX),
                      _uncut(str(a.get("description", "")), DESCRIPTION_MAX), "model", audience)
            for a in raw.get("ads", []) if isinstance(a, dict)]


def _uncut(text: str, limit: int) -> str:
    """Drop a word the grammar may have cut in half when the text ran into its limit."""
    text = text.strip()
    if len(text) >= limit - 1 and " " in text:
        text = text.rsplit(" ", 1)[0].rstrip(" ,;:-")
    return text


def checked(ad: AdVariant, facts: ProductFacts,
            support: Support | None = None) -> AdVariant | None:
    """Return the ad cut to limits, unsupported claims removed; None when nothing usable is left.

    With ``support``, the closed-world check applies as for listings: an ad with any phrase
    the product's sources do not carry is dropped whole.
    """
    if support is not None and (check_sentence(ad.headline, support)
                                or check_sentence(ad.description, support)):
        return None
    head = check_text(fit(ad.headline, HEADLINE_MAX), facts, where="headline", short=True)
    desc = check_text(fit(ad.description, DESCRIPTION_MAX), facts, where="description")
    if head.removed and ad.angle == "model":
        return None
    result = AdVariant(fit(head.text, HEADLINE_MAX), fit(desc.text, DESCRIPTION_MAX), ad.angle,
                       ad.audience, evidence_map(head.claims + desc.claims))
    words = tokens(result.headline + " " + result.description)
    if len(result.headline) < 6 or len(result.description) < 15 or not within_limits(result):
        return None
    if len(set(words)) < 0.6 * len(words):
        return None
    return result


def pick_diverse(candidates: list[AdVariant], n: int) -> list[AdVariant]:
    """Greedy choice of ``n`` ads maximising distinct-2 of the chosen set (first one kept)."""
    chosen: list[AdVariant] = []
    pool = list(candidates)
    while pool and len(chosen) < n:
        def gain(ad: AdVariant) -> float:
            texts = [f"{a.headline} {a.description}" for a in [*chosen, ad]]
            return distinct_n(texts) + (0.2 if ad.angle not in {a.angle for a in chosen} else 0)
        best = pool[0] if not chosen else max(pool, key=gain)
        chosen.append(best)
        pool = [a for a in pool if a is not best and a.headline.lower() != best.headline.lower()]
    return chosen


def write_ad_copy(store: Store, *, merchant_id: str, product_id: str, audience: str | None = None,
                  n: int = 3, campaign_id: str | None = None,
                  use_llm: bool = True) -> list[Creative]:
    """Generate ``n`` checked ad variants for one of this merchant's products; one row each."""
    if not 1 <= n <= MAX_VARIANTS:
        raise InvalidRequestError(f"ask for 1 to {MAX_VARIANTS} ad variants, got {n}")
    audience = (audience or "").strip().lower().removesuffix("s") or None
    product = merchant_product(store.engine, merchant_id=merchant_id, product_id=product_id)
    ads = generate_ads(store, product, n=n, audience=audience, use_llm=use_llm)
    return [save_creative(store.engine, merchant_id=merchant_id, kind="ad_copy",
                          product_id=product.id, campaign_id=campaign_id,
                          content=ad.as_dict() | {"target_audience": audience},
                          claims=ad.claims) for ad in ads]


def generate_ads(store: Store, product: Product, *, n: int = 3, audience: str | None = None,
                 use_llm: bool = True, stats: dict[str, int] | None = None) -> list[AdVariant]:
    """Return checked, diverse ad variants (not stored); ``stats`` gets the model's claim counts."""
    facts = facts_for(store, product)
    support = support_for(store, product, product_brief(product))
    points = selling_points(store, product, k=6, facts=facts)
    raw = model_ads(store, product, points, n, audience) if use_llm else []
    if stats is not None:
        text = "\n".join(f"{a.headline}. {a.description}" for a in raw)
        stats["claims_in_model_text"] = len(facts.lexicon.find(text))
        stats["unsupported_in_model_text"] = count_unsupported(text, facts)
        stats["model_ads"] = len(raw)
    facts_first = [AdVariant(h, d, "fact") for h, d in fact_ads(product, parsed_product(product))]
    candidates = raw + facts_first + template_ads(product, points, audience)
    pool = [c for ad in candidates if (c := checked(ad, facts, support)) is not None]
    return pick_diverse(pool, n)
