"""Ad variants made of a product's own facts (the brief's words, numbers as written).

Each candidate names what the product is and one or two of its facts; like every ad, it is
then checked against the product's sources (``closed_world``) before it can be used.
"""

from __future__ import annotations

from knowledge.errors import InvalidRequestError
from knowledge.models import Product
from tools.creatives.facts import ParsedBrief, parse_facts
from tools.creatives.listing_builder import sentence_case, title_case
from tools.creatives.sources import product_brief

HEADLINE_MAX = 30


def parsed_product(product: Product) -> ParsedBrief | None:
    """The product's facts, parsed from its brief (None when they cannot be read)."""
    try:
        return parse_facts(product_brief(product))
    except InvalidRequestError:
        return None


def fact_ads(product: Product, parsed: ParsedBrief | None) -> list[tuple[str, str]]:
    """Candidate (headline, description) pairs: type + key fact, the brief's segments."""
    if parsed is None or not parsed.segments:
        return []
    name = parsed.head or parsed.product_type or ""
    segs = [s.text for s in parsed.segments]
    ads = [(title_case(name), sentence_case("; ".join(segs[:2])) + ".")]
    short = [f.text for f in parsed.facts if len(f.text) + len(name) < HEADLINE_MAX - 1]
    if short:
        ads.append((title_case(f"{short[0]} {name}"),
                    sentence_case("; ".join(segs[1:3] or segs[:1])) + "."))
    if product.brand:
        ads.append((title_case(f"{product.brand} {name}"),
                    f"Shop the {product.brand} {name}: {segs[-1]}."))
    return ads
