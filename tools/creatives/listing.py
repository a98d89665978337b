"""One-click listings: every fact of the brief kept, nothing the sources do not say.

The brief (or, for a catalogue product, its attributes written as a brief) is parsed into
typed facts (``facts``); the title, bullets and keywords are built from the merchant's own
words (``listing_builder``), so every fact is shown with its numbers as written. The small
model adds at most two description sentences; each is checked phrase by phrase against the
brief, the product data and the served knowledge (``closed_world``) and dropped when any
phrase is unsupported, or when it joins facts in a way no source does: a number or feature
moved onto another attribute, a qualifier left out, a causal or comparative link
(``binding``). What was dropped, and why, is stored in the draft for review.
Nothing touches the catalogue until the merchant approves the draft (see ``review``).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from knowledge.creatives import Creative, merchant_product, new_id, save_creative
from knowledge.errors import ShopmageError
from knowledge.models import Product
from tools.creatives.binding import BIND_VERBS, Clauses, check_binding
from tools.creatives.briefs import proposed_product
from tools.creatives.claims import default_lexicon
from tools.creatives.closed_world import (
    Support,
    check_prose,
    check_sentence,
    split_sentences,
    word_forms,
)
from tools.creatives.facts import ParsedBrief, facts_json, parse_facts
from tools.creatives.listing_builder import (
    BULLET_MAX,
    TITLE_MAX,
    Listing,
    build_listing,
    fit,
)
from tools.creatives.segment_binding import Segments, check_segments
from tools.creatives.sources import product_brief, support_for
from tools.creatives.status_lists import ABSENT
from tools.creatives.view_names import listing_view

if TYPE_CHECKING:
    from knowledge.store import Store

__all__ = ["BULLET_MAX", "TITLE_MAX", "draft_listing", "fit", "model_sentences"]
DESCRIPTION_MAX = 700
MODEL_SENTENCES = 2
MODEL_TOKENS = 48
# One worked example shows the tiny model to copy facts word for word; its words are checked
# like any other, so an example word that leaks into a draft is dropped, never shown.
EXAMPLE = ("Product: ceramic plant pot\nFacts:\n- 6 inch\n- drainage hole\n- matte glaze",
           "This ceramic plant pot measures 6 inch. It has a drainage hole and a matte glaze.")


def prompt(parsed: ParsedBrief, brand: str | None) -> list[dict[str, str]]:
    """The model's instructions: one worked example, then this product's facts."""
    lines = [f"Product: {' '.join(x for x in (brand, parsed.head) if x)}", "Facts:"]
    lines += [f"- {s.text}" for s in parsed.segments[:6]]
    return [
        {"role": "system", "content": "Write two short sentences about the product using "
         "only the facts, word for word."},
        {"role": "user", "content": EXAMPLE[0]},
        {"role": "assistant", "content": EXAMPLE[1]},
        {"role": "user", "content": "\n".join(lines)},
    ]


def model_sentences(store: Store, parsed: ParsedBrief, brand: str | None) -> str:
    """The model's description sentences, plain text (empty when the model fails).

    Prose for people, not read by a program, so no grammar: a JSON schema made the call
    four to ten times slower on 2 cores. Every sentence is checked before it is shown.
    """
    try:
        text = store.llm.complete(prompt(parsed, brand), max_tokens=MODEL_TOKENS,
                                  temperature=0.0)
    except ShopmageError:
        return ""
    return text.strip().split("\n")[0]


def _complete(text: str) -> str:
    """Only whole sentences (the schema's length limit can cut the last one)."""
    end = max(text.rfind("."), text.rfind("!"), text.rfind("?"))
    return text[: end + 1] if end >= 0 else ""


def tidy(text: str) -> str:
    """Fix the articles the small model gets wrong; only articles change, no claim is added.

    No article before a number of plural things ("It has a 6 speeds", "a 3 color modes"),
    "an" before a vowel ("a auto shut-off").
    """
    text = re.sub(r"(?<=\s)an? (?=\d[\w.,/-]* (?:[\w-]+ )?[A-Za-z-]+[^s]s\b)", "", text)
    return re.sub(r"(?<=\s)a (?=[aeio])(?!one\b|once\b)", "an ", text)  # "a one-piece"


# an item's status in a model sentence: "It also has a hands-free kit sold separately." says
# it has the kit; the brief's own words (kept in the bullets) say whether it comes with it
_ITEM_STATUS = re.compile(rf"(?i)\b(?:{ABSENT}|required|must\s+be\s+purchased)\b")


_IT_DOES = re.compile(r"(?i)^(?:it|this [\w-]+)\s+(?:also\s+)?(?P<v>[a-z]+s)\s+(?P<o>[a-z]+)")


def _instruction(sentence: str, parsed: ParsedBrief) -> list[dict[str, str]]:
    """A buyer's instruction in the brief made a deed of the product, as found.

    "bring labeled packets" -> "It brings labeled packets."; "take what you need" -> "It
    takes what you need.": the brief tells the buyer, the product does nothing of it.
    """
    m = _IT_DOES.match(sentence)
    if m is None:
        return []
    verb, obj = m.group("v").lower(), m.group("o").lower()
    bases = {verb[:-1], verb[:-2]} if verb.endswith("es") else {verb[:-1]}
    for seg in parsed.segments:
        first = re.match(r"\W*([A-Za-z]+)\s+(?:(?:a|an|the|your)\s+)?([A-Za-z]+)", seg.text)
        if first and first.group(1).lower() in bases and first.group(2).lower() == obj:
            return [{"phrase": m.group(0), "reason": f"the brief tells the buyer to "
                     f"{first.group(1).lower()} {obj}; the product does not"}]
    return []


_MEASURES = re.compile(r"(?i)\bmeasur(?:es|ing)\s+(?:about\s+|approx\.?\s+)?(?P<n>\d[\d./-]*)")
_MEASURE_CUE = re.compile(r"(?i)(?:measur\w*|size|dimensions?|overall|length|long|wide|tall|"
                          r"high|dia\.?|diameter)\W*$")


def _measured(sentence: str, parsed: ParsedBrief) -> list[dict[str, str]]:
    """"measures 6-1/2 in." where the brief gives "6-1/2 in." only as the name's size label.

    "6-1/2 in. Coping Saw" names a saw size; its overall length is another number.
    """
    m = _MEASURES.search(sentence)
    if m is None:
        return []
    for at in (k.start() for k in re.finditer(re.escape(m.group("n")), parsed.text)):
        if _MEASURE_CUE.search(parsed.text[max(0, at - 30):at]) or re.match(
                r"[\d./-]+\s?(?:in|inch|inches|ft|cm|mm|m|\")\.?\s+(?:long|wide|tall|high)\b",
                parsed.text[at:]):
            return []
    return [{"phrase": m.group(0), "reason": "the brief gives this number as no measurement"}]


def _model_part(model_text: str, support: Support,
                parsed: ParsedBrief) -> tuple[list[str], list[dict[str, Any]]]:
    """The model's sentences that survive every check, and the ones dropped with why."""
    # the binding words ("measures", "holds", "weighs") are checked by kind in ``binding``
    words = support.words | {f for w in BIND_VERBS for f in word_forms(w)}
    result = check_prose(tidy(_complete(model_text)), replace(support, words=words),
                         where="description (model)")
    dropped = list(result.dropped)
    kept = []
    clauses = Clauses.from_support(support)
    segments = Segments.of(parsed)
    for sentence in split_sentences(result.text):
        found = [{"phrase": m.term, "reason": "an absolute claim no fact backs"}
                 for m in default_lexicon().find(sentence) if m.kind == "absolute"
                 and not all(support.knows(w) for w in m.term.split())]
        found = found or [{"phrase": m.group(0), "reason": "whether an item comes with it is "
                           "the brief's to say"} for m in _ITEM_STATUS.finditer(sentence)]
        found = found or _instruction(sentence, parsed) or _measured(sentence, parsed)
        found = found or [f.as_dict() for f in check_binding(sentence, clauses)]
        found = found or [f.as_dict() for f in check_segments(sentence, segments)]
        if found:
            dropped.append({"field": "description (model)", "sentence": sentence,
                            "unsupported": found})
        elif sentence not in kept:  # "It has a 12 pack. It has a 12 pack.": said once
            kept.append(sentence)
    return kept[:MODEL_SENTENCES], dropped


def _checked_title(title: str, support: Support) -> tuple[str, list[Any]]:
    """The title cut back to its longest supported lead; (title, what the whole one failed on).

    A title is the name followed by ", "-joined facts: when one fact fails the check the
    name and the facts before it still stand, so a draft never loses its whole title for
    one unread number ("DisplayPort to HDMI Adapter, 4K@30Hz / 1080p@60Hz").
    """
    findings = check_sentence(title, support)
    parts = title.split(", ")
    for n in range(len(parts) - 1, 0, -1) if findings else ():
        lead = ", ".join(parts[:n])
        if not check_sentence(lead, support):
            return lead, findings
    return ("" if findings else title), findings


def checked_listing(listing: Listing, model_text: str, support: Support,
                    parsed: ParsedBrief) -> tuple[Listing, list[dict[str, Any]], int]:
    """Check every sentence of the draft; (listing, dropped sentences, model sentences kept).

    ``parsed`` is the brief the listing was built from: a model sentence carries its facts
    only as whole segments of it (``segment_binding``).
    """
    kept_model, dropped = _model_part(model_text, support, parsed)
    title, title_findings = _checked_title(listing.title, support)
    if title_findings:
        dropped.append({"field": "title", "sentence": listing.title,
                        "unsupported": [f.as_dict() for f in title_findings]})
    bullets = []
    for bullet in listing.bullets:
        result = check_prose(bullet, support, where="bullets")
        dropped += result.dropped
        if result.text:
            bullets.append(fit(result.text, BULLET_MAX))
    description = check_prose(listing.description, support, where="description")
    dropped += description.dropped
    text = " ".join([description.text, *kept_model]).strip()
    keywords = []
    for keyword in listing.keywords:
        findings = check_sentence(keyword, support)
        if findings:
            dropped.append({"field": "keywords", "sentence": keyword,
                            "unsupported": [f.as_dict() for f in findings]})
        else:
            keywords.append(keyword)
    return (Listing(title, bullets, fit(text, DESCRIPTION_MAX), keywords), dropped,
            len(kept_model))


def _source(store: Store, merchant_id: str, product_id: str | None, brief: str | None,
            attributes: dict[str, Any] | None) -> tuple[Product, ParsedBrief, str]:
    """The product to describe, its parsed facts and the brief text they came from."""
    if product_id:
        product = merchant_product(store.engine, merchant_id=merchant_id, product_id=product_id)
        text = product_brief(product)
        return product, parse_facts(text), text
    parsed = parse_facts(brief) if brief and brief.strip() else None
    product = proposed_product(merchant_id=merchant_id, product_id=new_id("p_"),
                               brief=brief, attributes=attributes, parsed=parsed)
    if parsed is None:
        text = product_brief(product)
        parsed = parse_facts(text)
    else:
        text = parsed.text
    return product, parsed, text


def draft_listing(store: Store, *, merchant_id: str, product_id: str | None = None,
                  brief: str | None = None, attributes: dict[str, Any] | None = None,
                  campaign_id: str | None = None, use_llm: bool = True) -> Creative:
    """Draft a listing for a product of this merchant, or for a new one from a brief."""
    started = time.perf_counter()
    product, parsed, text = _source(store, merchant_id, product_id, brief, attributes)
    support = support_for(store, product, text)
    view = listing_view(parsed)  # a clause the parser cut uncertainly is shown whole
    draft = build_listing(view, product.brand or parsed.brand)
    # a brief that names no product gets no model prose: the model would name one
    raw = model_sentences(store, view, product.brand) if use_llm and parsed.head else ""
    listing, dropped, kept = checked_listing(draft, raw, support, view)
    content = {
        "title": listing.title, "bullets": listing.bullets, "description": listing.description,
        "keywords": listing.keywords, "new_product": not product_id, "brief": text,
        "product": _product_fields(product) if not product_id else None,
        "facts": facts_json(parsed), "dropped": dropped, "flagged": dropped,
        "model_text": raw, "model_used": bool(raw), "model_sentences_kept": kept,
        "claims_in_model_text": len(default_lexicon().find(raw)),
        "unsupported_in_model_text": sum(len(d["unsupported"]) for d in dropped
                                         if d["field"] == "description (model)"),
        "seconds": round(time.perf_counter() - started, 3),
    }
    claims = {f.text: f"{f.type}: {parsed.text[f.start:f.end]}" for f in parsed.facts}
    return save_creative(store.engine, merchant_id=merchant_id, kind="listing",
                         product_id=product.id, campaign_id=campaign_id, content=content,
                         claims=claims)


def _product_fields(product: Product) -> dict[str, Any]:
    return {"id": product.id, "title": product.title, "brand": product.brand,
            "price": product.price, "color": product.color, "category": product.category,
            "attributes": product.attributes, "image": product.image}
