"""One-click listings: title, five bullets, description and search keywords, every claim backed.

The small model drafts wording under a JSON schema; deterministic templates built from the
product's facts fill and repair it (the title is always the template's, bad bullets are
replaced); the claim checker strips what the facts do not support. The result is a draft
creative: nothing touches the catalogue until the merchant approves it (see ``review``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knowledge.creatives import Creative, merchant_product, new_id, save_creative
from knowledge.errors import ShopmageError
from knowledge.models import Product
from tools.creatives.briefs import proposed_product
from tools.creatives.claims import (
    Claim,
    ProductFacts,
    check_text,
    count_unsupported,
    evidence_map,
    facts_for,
    split_sentences,
)
from tools.creatives.phrases import benefit, label
from tools.creatives.selling_points import SellingPoint, product_type, selling_points

if TYPE_CHECKING:
    from knowledge.store import Store

TITLE_MAX = 150
BULLET_MAX = 200
DESCRIPTION_MAX = 700
N_BULLETS = 5
N_KEYWORDS = 12
MODEL_BULLETS = 2
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "bullets": {"type": "array", "minItems": MODEL_BULLETS, "maxItems": MODEL_BULLETS,
                    "items": {"type": "string", "maxLength": 120}},
        "description": {"type": "string", "maxLength": 320},
        "keywords": {"type": "array", "minItems": 3, "maxItems": 5,
                     "items": {"type": "string", "maxLength": 24}},
    },
    "required": ["bullets", "description", "keywords"],
}


@dataclass
class ListingText:
    """The four parts of a listing."""

    title: str
    bullets: list[str]
    description: str
    keywords: list[str]

    def joined(self) -> str:
        """Every part as one text (for counting claims)."""
        return "\n".join([self.title, *self.bullets, self.description, *self.keywords])


def facts_lines(product: Product, points: list[SellingPoint]) -> str:
    """Return the facts a model may use, one per line."""
    lines = [f"Product: {product_type(product)}"]
    if product.brand:
        lines.append(f"Brand: {product.brand}")
    lines += [f"{p.kind.title()}: {p.term}" for p in points]
    if product.color:
        lines.append(f"Colour: {product.color}")
    return "\n".join(lines)


def llm_draft(store: Store, product: Product, points: list[SellingPoint]) -> dict[str, Any]:
    """Return the model's wording (bullets, description, keywords); empty when the model fails."""
    messages = [
        {"role": "system", "content": "You write e-commerce product listings. Use only the "
         "facts given. Bullets are full sentences about one benefit each."},
        {"role": "user", "content": facts_lines(product, points) +
         "\nWrite two bullet points, a description and search keywords."},
    ]
    try:
        return store.llm.complete_json(messages, SCHEMA, max_tokens=300, temperature=0.0)
    except ShopmageError:
        return {}


def template_listing(product: Product, points: list[SellingPoint]) -> ListingText:
    """Return a complete listing from facts alone (the fallback and the repair material)."""
    noun = product_type(product)
    feats = [label(p.term) for p in points if p.kind == "feature"][:3]
    extras = [p.term.upper() if len(p.term) <= 4 else p.term.title()
              for p in points if p.kind == "material"][:1]
    head = " ".join(x for x in (product.brand, noun.title()) if x)
    tail = ", ".join(feats + extras + ([product.color.title()] if product.color else []))
    title = fit(f"{head} – {tail}" if tail else head, TITLE_MAX)
    bullets = [_bullet(p, noun) for p in points if p.kind != "color"]
    sizes = product.attributes.get("sizes")
    if isinstance(sizes, list) and sizes:
        bullets.append(f"SIZES – available in sizes {', '.join(str(s) for s in sizes[:8])}.")
    if product.brand:
        bullets.append(f"BY {product.brand.upper()} – designed and sold by {product.brand}.")
    bullets.append(f"WHAT YOU GET – {_a(noun)}{' in ' + product.color if product.color else ''}.")
    if product.price is not None:
        bullets.append(f"PRICE – ${product.price:,.2f}.")
    bullets.append(f"QUESTIONS? – ask us anything about this {noun} before you buy.")
    return ListingText(title, bullets, _template_description(product, points, noun),
                       _keywords(product, points, noun))


def _bullet(point: SellingPoint, noun: str) -> str:
    if point.kind == "feature":
        return f"{label(point.term).upper()} – {benefit(point.term)}."
    if point.kind == "material":
        return f"MADE OF {point.term.upper()} – {_a(noun)} made of {point.term}."
    if point.kind == "audience":
        return f"{point.text.upper()} – {_a(noun)} picked for what they need."
    return f"{point.text}."


def _template_description(product: Product, points: list[SellingPoint], noun: str) -> str:
    name = f"The {product.brand} {noun}" if product.brand else f"The {noun}"
    verb = "are" if _plural(noun) else "is"
    feats = [p.term for p in points if p.kind == "feature"]
    parts = [f"{name} {'bring' if verb == 'are' else 'brings'} together {_join(feats)}."
             if feats else f"{name} {verb} ready for everyday use."]
    pronoun = "They are" if verb == "are" else "It is"
    parts += [f"{pronoun} made of {p.term}." for p in points if p.kind == "material"][:1]
    parts += [f"{p.text}." for p in points if p.kind == "audience"][:1]
    return " ".join(parts)


def _plural(noun: str) -> bool:
    last = noun.split()[-1] if noun.split() else noun
    return last.endswith("s") and not last.endswith(("ss", "us"))


def _a(noun: str) -> str:
    if _plural(noun):
        return noun
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _keywords(product: Product, points: list[SellingPoint], noun: str) -> list[str]:
    words = [noun, product.category or "", *(f"{p.term} {noun}" for p in points
                                               if p.kind in ("feature", "material"))]
    words += [p.term for p in points if p.kind == "audience"]
    words += [product.brand or "", product.color or ""]
    return _dedupe(w.replace("_", " ").lower() for w in words)[:N_KEYWORDS]


def _dedupe(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        item = str(item).strip()
        if item and item.lower() not in {s.lower() for s in seen}:
            seen[item] = None
    return list(seen)


def fit(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut[:limit].rstrip(" ,;:–-")


def _good_bullet(text: str) -> bool:
    words = re.findall(r"[A-Za-z']+", text)
    return (len(text) >= 25 and len(words) >= 5 and not re.match(r"^\s*\d+[.)]", text)
            and len(set(w.lower() for w in words)) >= 0.6 * len(words))


def _complete_sentences(text: str) -> str:
    text = text.strip()
    end = max(text.rfind("."), text.rfind("!"), text.rfind("?"))
    return text[: end + 1] if end >= 0 else ""


def assemble(raw: dict[str, Any], template: ListingText,
             facts: ProductFacts) -> tuple[ListingText, list[Claim], list[Claim]]:
    """Merge model wording into the template, check every claim; (listing, kept, removed)."""
    kept: list[Claim] = []
    removed: list[Claim] = []

    def check(text: str, where: str, short: bool = False) -> str:
        result = check_text(text, facts, where=where, short=short)
        kept.extend(result.claims)
        removed.extend(result.removed)
        return result.text

    title = check(template.title, "title", short=True)
    model_bullets = [check(str(b), "bullets") for b in raw.get("bullets", [])
                     if _good_bullet(str(b))]
    ours = [check(b, "bullets") for b in template.bullets]
    bullets = _dedupe(ours[:3] + model_bullets + ours[3:])
    bullets = [fit(b, BULLET_MAX) for b in bullets if b][:N_BULLETS]
    names = set(re.findall(r"[a-z]+", (template.title + " " + template.description).lower()))
    model_desc = check(known_names(_complete_sentences(str(raw.get("description", ""))), names,
                                   removed), "description")
    description = fit(_dedupe_sentences(check(template.description, "description") + " "
                                        + model_desc), DESCRIPTION_MAX)
    description = _complete_sentences(description) or description
    vocab = set(re.findall(r"[a-z]+", " ".join(template.keywords).lower()))
    model_kw = [k.lower() for k in raw.get("keywords", [])
                if re.fullmatch(r"[\w' -]{3,30}", str(k)) and vocab & set(str(k).lower().split())]
    keywords = _dedupe(check(k, "keywords", short=True) for k in template.keywords + model_kw)
    return ListingText(title, bullets, description, keywords[:N_KEYWORDS]), kept, removed


def known_names(text: str, allowed: set[str], removed: list[Claim]) -> str:
    """Drop sentences naming a brand-like word the facts do not (a made-up name)."""
    kept = []
    for sentence in split_sentences(text):
        words = re.findall(r"\b[A-Za-z]+\b", sentence)
        odd = [w for i, w in enumerate(words) if (re.search(r"[a-z][A-Z]", w) or
               (i > 0 and w[:1].isupper() and not w.isupper())) and w.lower() not in allowed]
        if odd:
            removed.append(Claim(odd[0], "name", "description", False, False, None,
                                 f"names {odd[0]!r}, which is not in the product's facts"))
        else:
            kept.append(sentence)
    return " ".join(kept)


def _dedupe_sentences(text: str) -> str:
    return " ".join(_dedupe(split_sentences(text)))


def draft_listing(store: Store, *, merchant_id: str, product_id: str | None = None,
                  brief: str | None = None, attributes: dict[str, Any] | None = None,
                  campaign_id: str | None = None, use_llm: bool = True) -> Creative:
    """Generate a listing draft for a product of this merchant, or for a new one from words."""
    started = time.perf_counter()
    if product_id:
        product = merchant_product(store.engine, merchant_id=merchant_id, product_id=product_id)
    else:
        product = proposed_product(merchant_id=merchant_id, product_id=new_id("p_"),
                                   brief=brief, attributes=attributes)
    facts = facts_for(store, product)
    points = selling_points(store, product, k=6, facts=facts)
    raw = llm_draft(store, product, points) if use_llm else {}
    listing, kept, removed = assemble(raw, template_listing(product, points), facts)
    raw_text = "\n".join(_raw_texts(raw))
    before = count_unsupported(raw_text, facts)
    content = {
        "title": listing.title, "bullets": listing.bullets, "description": listing.description,
        "keywords": listing.keywords, "new_product": not product_id,
        "product": _product_fields(product) if not product_id else None,
        "flagged": _unique_flags(removed), "unsupported_in_model_text": before,
        "claims_in_model_text": len(facts.lexicon.find(raw_text)), "model_used": bool(raw),
        "selling_points": [p.as_dict() for p in points],
        "seconds": round(time.perf_counter() - started, 3),
    }
    return save_creative(store.engine, merchant_id=merchant_id, kind="listing",
                         product_id=product.id, campaign_id=campaign_id, content=content,
                         claims=evidence_map(kept))


def _unique_flags(removed: list[Claim]) -> list[dict[str, Any]]:
    flags = {(c.term, c.field): c.as_dict() for c in removed}
    return list(flags.values())


def _raw_texts(raw: dict[str, Any]) -> list[str]:
    return [str(x) for x in raw.get("bullets", [])] + [str(raw.get("description", ""))] + [
        str(x) for x in raw.get("keywords", [])]


def _product_fields(product: Product) -> dict[str, Any]:
    return {"id": product.id, "title": product.title, "brand": product.brand,
            "price": product.price, "color": product.color, "category": product.category,
            "attributes": product.attributes, "image": product.image}
