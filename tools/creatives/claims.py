"""The claim checker: every claim in generated text mapped to the fact that supports it.

A *claim* is a mention of a lexicon term: a product feature ("waterproof"), a material,
a colour, an audience ("for runners") or an unverifiable absolute ("guaranteed").
Features, materials and colours are supported only by the product's own attributes;
audiences by an attribute or a served knowledge assertion; absolutes never. A negated
mention ("not waterproof") is no claim, unless it contradicts an attribute. Unsupported
claims are removed (the sentence, or the phrase in a short field) and reported as flags.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from knowledge.expansion import Expander
from knowledge.models import Product
from tools.creatives.claim_audiences import graph_audiences, knowledge_audiences, singular
from tools.creatives.claim_lexicon import (
    ABSOLUTES,
    ALIASES,
    NEGATIONS,
    TAXONOMY,
    Lexicon,
    Mention,
    default_lexicon,
)

if TYPE_CHECKING:
    from knowledge.store import Store

__all__ = ["ABSOLUTES", "ALIASES", "TAXONOMY", "Checked", "Claim", "Lexicon", "Mention",
           "ProductFacts", "check_text", "count_unsupported", "default_lexicon",
           "evidence_map", "facts_for", "graph_audiences", "knowledge_audiences", "singular",
           "split_sentences", "strip_terms", "unsupported_claims"]
SKIP_KEYS = {"search_keywords", "sizes", "size"}


@dataclass
class Claim:
    """A checked mention: supported (with evidence) or not (with the reason)."""

    term: str
    kind: str
    field: str
    negated: bool
    supported: bool
    evidence: str | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready form for stored flags."""
        return asdict(self)


@dataclass
class ProductFacts:
    """What a product is known to have: term -> the evidence sentence that says so."""

    supported: dict[str, str]
    audiences: list[str]
    lexicon: Lexicon

    @classmethod
    def for_product(cls, product: Product, expander: Expander | None = None,
                    lexicon: Lexicon | None = None,
                    engine: Engine | None = None) -> ProductFacts:
        """Facts from the product's attributes, colour and the knowledge graph's audiences."""
        base = lexicon or default_lexicon()
        audiences = knowledge_audiences(product, expander) + graph_audiences(product, engine)
        own = {a: "audience" for a in [a for a, _ in audiences] + _attr_audiences(product)}
        own.update(_attr_terms(product))
        lex = base.with_terms(own)
        supported: dict[str, str] = {}
        for key, value in product.attributes.items():
            if key in SKIP_KEYS:
                continue
            for item in value if isinstance(value, list) else [value]:
                for mention in lex.find(str(item)):
                    supported.setdefault(mention.term, f"attribute {key}: {item}")
        if product.color:
            for mention in lex.find(product.color):
                supported.setdefault(mention.term, f"colour: {product.color}")
        for audience, evidence in audiences:
            supported.setdefault(audience.lower(), evidence)
        return cls(supported, [a for a, _ in audiences], lex)

    def judge(self, mention: Mention, where: str) -> Claim:
        """Whether one mention is backed, with its evidence or the reason it is not."""
        evidence = self.supported.get(mention.term)
        if mention.negated:
            ok = evidence is None
            reason = None if ok else f"says it is not {mention.term}, but {evidence}"
            return Claim(mention.term, mention.kind, where, True, ok, None, reason)
        if mention.kind == "absolute":
            return Claim(mention.term, mention.kind, where, False, False, None,
                         "an absolute claim no product attribute can back")
        if evidence is None:
            what = f"for {mention.term}" if mention.kind == "audience" else mention.term
            return Claim(mention.term, mention.kind, where, False, False, None,
                         f"no attribute or knowledge says the product is {what}")
        return Claim(mention.term, mention.kind, where, False, True, evidence)


def _attr_terms(product: Product) -> dict[str, str]:
    """Return the product's own feature and material values, so they count as claims too."""
    terms: dict[str, str] = {}
    for key, kind in (("features", "feature"), ("material", "material")):
        value = product.attributes.get(key)
        for item in value if isinstance(value, list) else [value] if value else []:
            if isinstance(item, str) and re.fullmatch(r"[a-z][a-z0-9 -]{2,30}", item.lower()):
                terms[item.lower()] = kind
    return terms


def _attr_audiences(product: Product) -> list[str]:
    value = product.attributes.get("audience")
    values = value if isinstance(value, list) else [value] if value else []
    return [str(v) for v in values if len(str(v)) > 3]


def facts_for(store: Store, product: Product) -> ProductFacts:
    """Return the facts of ``product`` with the store's knowledge (expander and served graph)."""
    return ProductFacts.for_product(product, store.search.expander, engine=store.engine)


@dataclass
class Checked:
    """A text after checking: what was kept, the claims it makes and the ones removed."""

    text: str
    claims: list[Claim]
    removed: list[Claim]


def check_text(text: str, facts: ProductFacts, *, where: str, short: bool = False) -> Checked:
    """Check one field; unsupported claims drop their sentence (or phrase when ``short``)."""
    if not text:
        return Checked("", [], [])
    kept: list[str] = []
    claims: list[Claim] = []
    removed: list[Claim] = []
    for unit in [text] if short else split_sentences(text):
        judged = [facts.judge(m, where) for m in facts.lexicon.find(unit)]
        bad = [c for c in judged if not c.supported]
        if bad:
            removed.extend(bad)
            if not short:
                continue
            unit = strip_terms(unit, facts, bad)
            judged = [facts.judge(m, where) for m in facts.lexicon.find(unit)]
            if any(not c.supported for c in judged):
                unit, judged = "", []
        claims.extend(c for c in judged if not c.negated)
        if unit.strip():
            kept.append(unit.strip())
    return Checked(" ".join(kept), claims, removed)


def strip_terms(text: str, facts: ProductFacts, bad: list[Claim]) -> str:
    """Remove the words of unsupported claims from a short text and tidy what is left."""
    terms = {c.term for c in bad}
    spans = [m for m in facts.lexicon.find(text) if m.term in terms]
    for m in sorted(spans, key=lambda m: -m.start):
        start = m.start
        if m.negated:
            window = text[max(0, start - 30):start]
            neg = list(re.finditer(r"\b(" + "|".join(NEGATIONS) + r")\b", window, re.I))
            if neg:
                start = max(0, start - 30) + neg[-1].start()
        text = text[:start] + text[m.end:]
    text = re.sub(r"\s*,\s*(,\s*)+", ", ", text)
    text = re.sub(r"\b(and|with|for|in|of|&)\s*(?=[,.!?\-–|]|$)", "", text)
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip(" ,-–|&")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (keeps the closing punctuation)."""
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return [p for p in parts if p.strip()]


def count_unsupported(text: str, facts: ProductFacts) -> int:
    """How many unsupported claims ``text`` makes (for evals and guards)."""
    return len(unsupported_claims(text, facts))


def unsupported_claims(text: str, facts: ProductFacts) -> list[Claim]:
    """The claims in ``text`` that the product's facts do not back, with the reasons."""
    return [c for c in (facts.judge(m, "") for m in facts.lexicon.find(text)) if not c.supported]


def evidence_map(claims: list[Claim]) -> dict[str, str]:
    """Map claim term -> evidence, for the stored ``claims`` column."""
    return {c.term: c.evidence or "negated mention" for c in claims if c.supported}
