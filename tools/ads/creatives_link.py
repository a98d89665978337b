"""Creatives in the loop: campaign ad copy, and creatives as A/B variants of its slots.

These are the tool functions behind the merchant chat's "write ad copy for the yoga mat
campaign" and "use these in campaign Y".
"""

from __future__ import annotations

from knowledge import ads as ledger
from knowledge.campaigns import Campaign
from knowledge.creatives import Creative, get_creative, update_creative
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.store import Store
from knowledge.text import tokens
from tools.campaigns import service

VARIANTS = "ABCDEFGH"
SERVABLE = ("ad_copy", "banner")


def find_campaign(store: Store, merchant_id: str, reference: str) -> Campaign:
    """A campaign by id, or by the words of its name ("the yoga mat campaign")."""
    reference = reference.strip()
    campaigns = service.list_campaigns(store.engine, merchant_id)
    for c in campaigns:
        if c.id == reference:
            return c
    words = set(tokens(reference)) - {"the", "campaign", "my", "our", "for", "a", "of"}
    words |= {w[:-1] for w in words if w.endswith("s")}
    scored = []
    for c in campaigns:
        name = set(tokens(c.name)) | {w[:-1] for w in tokens(c.name) if w.endswith("s")}
        scored.append((len(words & name), c))
    scored.sort(key=lambda pair: -pair[0])
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    raise NotFoundError(f"no single campaign of yours matches {reference!r}; name it or give "
                        f"its id (c_...)")


def write_campaign_ad_copy(store: Store, merchant_id: str, campaign_ref: str, *, n: int = 3,
                           use_llm: bool = True) -> list[Creative]:
    """Draft ``n`` ad-copy variants for the campaign's lead product, tied to the campaign."""
    from tools.creatives.adcopy import write_ad_copy

    campaign = find_campaign(store, merchant_id, campaign_ref)
    audience = campaign.audiences[0].get("name") if campaign.audiences else None
    return write_ad_copy(store, merchant_id=merchant_id, product_id=campaign.product_ids[0],
                         audience=audience, n=n, campaign_id=campaign.id, use_llm=use_llm)


def use_creatives_in_campaign(store: Store, merchant_id: str, campaign_ref: str,
                              creative_ids: list[str]) -> list[tuple[str, str]]:
    """Approve these creatives and serve them as A/B variants of the campaign's slots.

    Every id is checked before anything is written: another merchant's creative, a
    rejected one, a kind a slot cannot show, or one about a product outside the campaign
    is refused with a message naming it. Returns (creative id, variant) pairs.
    """
    if not creative_ids:
        raise InvalidRequestError("name the creatives to use (their ids, cr_...)")
    campaign = find_campaign(store, merchant_id, campaign_ref)
    chosen = [get_creative(store.engine, merchant_id=merchant_id, creative_id=i)
              for i in dict.fromkeys(creative_ids)]
    for c in chosen:
        if c.kind not in SERVABLE:
            raise InvalidRequestError(f"{c.id} is a {c.kind}; a sponsored slot shows ad copy "
                                      f"or a banner")
        if c.status == "rejected":
            raise InvalidRequestError(f"{c.id} was rejected; approve or regenerate it first")
        if c.product_id and c.product_id not in campaign.product_ids:
            raise InvalidRequestError(f"{c.id} is about {c.product_id}, which campaign "
                                      f"{campaign.id} does not promote")
    existing = ledger.campaign_creatives(store.engine, [campaign.id])
    start = len({link.creative_id for link in existing} - {c.id for c in chosen})
    if start + len(chosen) > len(VARIANTS):
        raise InvalidRequestError(f"a campaign runs at most {len(VARIANTS)} variants")
    out = []
    for offset, c in enumerate(chosen):
        update_creative(store.engine, merchant_id=merchant_id, creative_id=c.id,
                        status="approved", campaign_id=campaign.id)
        variant = VARIANTS[start + offset]
        ledger.attach_creative(store.engine, campaign.id, c.id, variant)
        out.append((c.id, variant))
    return out
