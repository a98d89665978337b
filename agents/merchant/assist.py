"""Merchant graph nodes that help around campaigns: audience suggestions and creatives.

"who should I target for X" shows the audience segments of ``tools.campaigns.audiences``
for the merchant's products that X names. "write a listing / ad copy / banner for X"
drafts through ``tools.creatives`` (claims checked against the product); every creative
is saved as a draft and reaches the catalogue or a campaign only once approved.
"""

from __future__ import annotations

import re
from typing import Any

from langgraph.runtime import Runtime

from agents.merchant.context import MerchantContext
from agents.merchant.emit import emit
from agents.merchant.resolve import find_products
from agents.merchant.slots import parse_goal
from agents.merchant.state import MerchantState
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from tools.campaigns.audiences import suggest_audiences
from tools.creatives.adcopy import write_ad_copy
from tools.creatives.banner_creatives import make_banners
from tools.creatives.listing import draft_listing

BANNER = re.compile(r"\b(banners?|images?|graphics?|visuals?|display ads?|\d{3,4}x\d{3,4})\b", re.I)
LISTING = re.compile(r"\b(listings?|titles?|bullets?|descriptions?|product pages?|"
                     r"product copy|seo)\b", re.I)
COUNT = re.compile(r"\b(\d{1,2}|two|three|four|five)\s+(?:ad\s+)?(?:variants?|variations?|"
                   r"versions?|headlines?|ads?|options?)\b", re.I)
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
AIMED = re.compile(r"\b(?:aimed at|for|targeting|towards?)\s+((?:new |busy |young |expecting )?"
                   r"(?:moms?|mothers?|dads?|parents?|runners?|hikers?|campers?|pregnant women|"
                   r"women|men|kids|beginners|students|athletes|seniors|travell?ers))\b", re.I)


def creative_kind(text: str) -> str:
    """Which creative the message asks for: banner, listing or ad_copy."""
    if BANNER.search(text):
        return "banner"
    if LISTING.search(text):
        return "listing"
    return "ad_copy"


def _products(state: MerchantState, ctx: MerchantContext) -> tuple[list[Product], str]:
    slots = parse_goal(state.get("text", ""), ctx.day())
    found = find_products(ctx.store, ctx.merchant_id, slots.residue)
    return found.products, " / ".join(found.tried) or "that"


def audience(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Suggest the shopper segments to target for the products the message names."""
    ctx = runtime.context
    products, phrase = _products(state, ctx)
    if not products:
        return {"reply": f"I found none of your products matching '{phrase}'. Which product "
                         f"should I suggest an audience for?"}
    segments = suggest_audiences(ctx.store, products)
    kind = str((products[0].attributes or {}).get("type") or products[0].title)
    if not segments:
        return {"reply": f"For your {kind} products ({len(products)}), no shopper segment buys "
                         f"them more than the average shopper yet, so I have no audience to "
                         f"suggest beyond everyone who searches for them."}
    lines = "\n".join(f"- {s.name}: {s.explanation}" for s in segments)
    return {"reply": f"Who to target for your {kind} products ({len(products)}):\n{lines}"}


def _make(ctx: MerchantContext, kind: str, product: Product, text: str) -> list[Any]:
    if kind == "listing":
        return [draft_listing(ctx.store, merchant_id=ctx.merchant_id, product_id=product.id,
                              use_llm=ctx.creative_llm)]
    if kind == "banner":
        return make_banners(ctx.store, merchant_id=ctx.merchant_id, product_id=product.id)
    count = COUNT.search(text)
    n = 3 if not count else WORDS.get(count.group(1).lower()) or int(count.group(1))
    aimed = AIMED.search(text)
    return write_ad_copy(ctx.store, merchant_id=ctx.merchant_id, product_id=product.id,
                         audience=aimed.group(1) if aimed else None, n=max(1, min(n, 10)),
                         use_llm=ctx.creative_llm)


def creative(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Draft a listing, ad copy or banners for the product the message names."""
    ctx, text = runtime.context, state.get("text", "")
    products, phrase = _products(state, ctx)
    kind = creative_kind(text)
    if not products:
        return {"reply": f"I found none of your products matching '{phrase}'. Which product is "
                         f"the {kind.replace('_', ' ')} for?"}
    product = products[0]
    try:
        made = _make(ctx, kind, product, text)
    except (InvalidRequestError, NotFoundError) as exc:
        return {"reply": f"I can't do that: {exc}."}
    for c in made:
        emit("creative", creative=c.model_dump(mode="json"))
    ids = ", ".join(c.id for c in made)
    what = {"listing": "A listing draft", "banner": f"{len(made)} banner draft(s)",
            "ad_copy": f"{len(made)} ad copy draft(s)"}[kind]
    return {"reply": f"{what} for '{product.title}' ({ids}). Every claim was checked against "
                     f"the product; nothing is published until you approve it in Creatives."}
