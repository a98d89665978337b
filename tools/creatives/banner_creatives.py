"""Banner creatives for a product: checked headline, rendered sizes, one stored row per file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.creatives import Creative, merchant_product, new_id, save_creative
from knowledge.errors import InvalidRequestError
from tools.creatives.adcopy import generate_ads
from tools.creatives.banners import (
    STANDARD_SIZES,
    Palette,
    load_product_image,
    parse_size,
    render_banner,
)
from tools.creatives.claims import check_text, evidence_map, facts_for
from tools.creatives.closed_world import check_sentence
from tools.creatives.selling_points import product_type
from tools.creatives.sources import product_brief, support_for

if TYPE_CHECKING:
    from knowledge.store import Store

MAX_HEADLINE = 80
MAX_CTA = 24
MAX_BANNERS = 6


def make_banners(store: Store, *, merchant_id: str, product_id: str,
                 sizes: list[str] | list[tuple[int, int]] | None = None,
                 headline: str | None = None, cta: str = "Shop now",
                 campaign_id: str | None = None, palette: Palette | None = None) -> list[Creative]:
    """Render banners of one of this merchant's products in each size; one draft row each."""
    wanted = [parse_size(s) for s in (sizes or list(STANDARD_SIZES))]
    if not 1 <= len(wanted) <= MAX_BANNERS:
        raise InvalidRequestError(f"ask for 1 to {MAX_BANNERS} banner sizes, got {len(wanted)}")
    cta = (cta or "").strip()
    if not cta or len(cta) > MAX_CTA:
        raise InvalidRequestError(f"a call to action must be 1 to {MAX_CTA} characters")
    if headline is not None and not (headline.strip() and len(headline) <= MAX_HEADLINE):
        raise InvalidRequestError(f"a banner headline must be 1 to {MAX_HEADLINE} characters")
    product = merchant_product(store.engine, merchant_id=merchant_id, product_id=product_id)
    facts = facts_for(store, product)
    if headline is None:
        ads = generate_ads(store, product, n=1, use_llm=False)
        headline = ads[0].headline if ads else product.title
    head = check_text(headline.strip(), facts, where="headline", short=True)
    text = head.text or product_type(product).title()
    closed = check_sentence(text, support_for(store, product, product_brief(product)))
    if closed:  # the same closed-world check as listings and ads: unsupported -> plain name
        text = product_type(product).title()
    cta_check = check_text(cta, facts, where="cta", short=True)
    subline = " · ".join(x for x in (product.brand, product_type(product)) if x)
    price = f"${product.price:,.2f}" if product.price is not None else None
    picture = load_product_image(store.settings, product.image)
    created = []
    for width, height in wanted:
        creative_id = new_id()
        path = store.settings.media_dir / "banners" / f"{creative_id}_{width}x{height}.png"
        layout = render_banner(path, size=(width, height), headline=text, subline=subline,
                               price=price, cta=cta_check.text or "Shop now",
                               product_image=picture, placeholder_label=product_type(product),
                               palette=palette)
        content = {"headline": text, "subline": subline, "price": price, "cta": cta,
                   "size": f"{width}x{height}", "layout": layout.as_dict(),
                   "flagged": [c.as_dict() for c in head.removed + cta_check.removed]
                   + [{"field": "headline", "sentence": headline, "unsupported":
                       [f.as_dict() for f in closed]}] * bool(closed)}
        try:
            created.append(save_creative(
                store.engine, merchant_id=merchant_id, kind="banner", product_id=product.id,
                campaign_id=campaign_id, content=content, creative_id=creative_id,
                claims=evidence_map(head.claims), image=f"/media/banners/{path.name}"))
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return created
