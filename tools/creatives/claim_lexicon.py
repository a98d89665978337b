"""The claim vocabulary: lexicon terms (features, materials, colours, audiences, absolutes).

A *claim* is a mention of a lexicon term in a text. The default lexicon is the demo
taxonomy's features, persona needs, materials, colours and personas, plus unverifiable
absolutes ("guaranteed"); spelling variants map to one term ("water-resistant" ->
"waterproof"). A mention after a negation in its sentence ("not waterproof") is marked
negated. Used by :mod:`claims`, which judges each mention against a product's facts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from knowledge.settings import REPO_ROOT

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


@dataclass(frozen=True)
class Mention:
    """One lexicon term found in a text."""

    term: str
    kind: str
    start: int
    end: int
    negated: bool


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
