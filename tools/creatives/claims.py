"""The claim checker: every claim in generated text mapped to the fact that supports it.

A *claim* is a mention of a lexicon term: a product feature ("waterproof"), a material,
a colour, an audience ("for runners") or an unverifiable absolute ("guaranteed").
Features, materials and colours are supported only by the product's own attributes;
audiences by an attribute or a served knowledge assertion; absolutes never. A negated
mention ("not waterproof") is no claim, unless it contradicts an attribute. Unsupported
claims are removed (the sentence, or the phrase in a short field) and reported as flags.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.expansion import Expander
from knowledge.models import Product
from knowledge.settings import REPO_ROOT

if TYPE_CHECKING:
    from knowledge.store import Store

TAXONOMY = REPO_ROOT / "knowledge" / "demo" / "taxonomy.json"
ClaimKind = Literal["feature", "material", "color", "audience", "absolute"]
NEGATIONS = {"not", "no", "never", "without", "isn't", "aren't", "isnt", "arent", "nor",
             "lacks", "lacking", "neither"}
ABSOLUTES = ("guaranteed", "clinically proven", "certified", "award-winning", "best-selling",
             "#1", "number one", "lifetime warranty", "fda approved", "doctor recommended",
             "100% safe", "free shipping", "luxurious", "luxury", "premium", "high-end",
             "high-quality", "top-rated", "world-class", "best")
ALIASES = {"water-resistant": "waterproof", "water-proof": "waterproof",
           "waterproofing": "waterproof",
           "anti-slip": "non-slip", "nonslip": "non-slip", "noise-canceling": "noise-cancelling",
           "environmentally friendly": "eco-friendly", "sustainable": "eco-friendly"}
AMBIGUOUS = {"down"}  # everyday words that are only a claim where the product says so
SKIP_KEYS = {"search_keywords", "sizes", "size"}
AUDIENCE_RELATIONS = ("AUDIENCE", "USED_BY", "USED_FOR", "FOR_")


@dataclass(frozen=True)
class Mention:
    """One lexicon term found in a text."""

    term: str
    kind: str
    start: int
    end: int
    negated: bool


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
class Lexicon:
    """Claim vocabulary: surface patterns mapped to (canonical term, kind)."""

    terms: dict[str, str]
    pattern: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Compile one alternation, longest terms first so "non-slip" beats "slip"."""
        forms: dict[str, str] = {}
        for term in list(self.terms) + list(ALIASES):
            forms[term] = ALIASES.get(term, term)
        self._canon = forms
        ordered = sorted(forms, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(" + "|".join(_surface(t) for t in ordered) + r")(?:s|es)?(?![\w-])",
            re.IGNORECASE,
        )
        self._lookup = {_key(t): c for t, c in forms.items()}

    def with_terms(self, terms: dict[str, str]) -> Lexicon:
        """Return a copy that also recognises these terms (term -> kind)."""
        extra = {t.lower(): k for t, k in terms.items()
                 if len(t) > 2 and t.lower() not in self.terms}
        return self if not extra else Lexicon({**self.terms, **extra})

    def find(self, text: str) -> list[Mention]:
        """Every claim mention in ``text``, with negation detected."""
        found = []
        for match in self.pattern.finditer(text):
            canon = self._lookup.get(_key(match.group(1)))
            if canon is None:
                continue
            window = text[max(0, match.start() - 30):match.start()]
            window = re.split(r"[.!?;:\n]", window)[-1]  # a negation ends with its sentence
            before = re.findall(r"[\w']+", window.lower())
            negated = bool(NEGATIONS & set(before[-3:]))
            found.append(Mention(canon, self.terms.get(canon, "feature"), match.start(),
                                 match.end(), negated))
        return found


def _surface(term: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[-\s]+", term) if p]
    return r"[\s-]?".join(parts)


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", "", text.lower())


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """Return the demo vocabulary: features, persona needs, materials, colours, personas."""
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    terms: dict[str, str] = {}
    for cat in data["categories"].values():
        terms.update({m.lower(): "material" for m in cat.get("materials", [])})
    for persona in data["personas"].values():
        terms[persona["label"].lower()] = "audience"
        terms.update({n.lower(): "feature" for n in persona.get("needs", [])})
    for cat in data["categories"].values():
        terms.update({f.lower(): "feature" for f in cat.get("features", [])})
    terms.update({c.lower(): "color" for c in data.get("colors", [])})
    terms.update({a: "absolute" for a in ABSOLUTES})
    return Lexicon({t: k for t, k in terms.items() if t not in AMBIGUOUS})


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


def knowledge_audiences(product: Product, expander: Expander | None) -> list[tuple[str, str]]:
    """(audience, evidence) pairs the knowledge graph asserts for this product's type."""
    if expander is None:
        return []
    subject = str(product.attributes.get("type") or product.category or product.title)
    try:
        expansion = expander.expand(subject)
    except Exception:  # knowledge is an optional enrichment; its failure must not block a draft
        return []
    pairs: dict[str, str] = {}
    for ev in expansion.evidence:
        if any(tag in ev.relation.upper() for tag in AUDIENCE_RELATIONS):
            if ev.head.lower() in (subject.lower(), (product.category or "").lower()):
                evidence = f"knowledge: ({ev.head}, {ev.relation}, {ev.tail})"
                pairs.setdefault(singular(ev.tail), evidence)
    return list(pairs.items())


def graph_audiences(product: Product, engine: Engine | None) -> list[tuple[str, str]]:
    """(audience, evidence) from served assertions whose head is this product's type."""
    if engine is None:
        return []
    try:
        from knowledge.graph.store import Assertion
    except ImportError:
        return []
    subject = str(product.attributes.get("type") or "").strip().lower()
    if not subject:
        return []
    stmt = (select(Assertion).where(Assertion.head == subject)
            .where(col(Assertion.relation).in_(("USED_FOR_AUDIENCE", "USED_BY")))
            .where(Assertion.status != "rejected"))
    with Session(engine) as session:
        rows = [a for a in session.exec(stmt) if getattr(a, "served", True)]
    return [(singular(a.tail), f"knowledge: ({a.head}, {a.relation}, {a.tail})") for a in rows]


def singular(phrase: str) -> str:
    """Return an audience phrase in the singular ("new parents" -> "new parent")."""
    phrase = phrase.strip().lower()
    if phrase.endswith("s") and not phrase.endswith(("ss", "us")):
        return phrase[:-1]
    return phrase


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
