"""Grounding guard: every name, id, price, product type and claim in a reply comes from this turn.

Checks are per sentence; a sentence naming a price, product, brand or id that this turn's
tool results do not contain is removed, and so is one naming a product type no card shows
("These headphones ..." over gym bags) or a feature no shown product has ("... designed to
prevent spills" over pajamas). :class:`StreamingGuard` applies the same check to
a token stream, releasing each sentence only once it has passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_PRICE = re.compile(r"(?:\$|usd\s?|€|£)\s?(\d+(?:[.,]\d{1,2})?)|(\d+(?:[.,]\d{1,2})?)\s?"
                    r"(?:dollars?|usd|bucks)\b", re.I)
_CAPS = re.compile(r"\b[A-Z][\w'&-]*(?:\s+(?:&\s+)?[A-Z0-9][\w'&-]*)+")
_IDISH = re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{4,}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class Grounding:
    """What this turn's tool results allow a reply to mention."""

    titles: list[str] = field(default_factory=list)
    prices: list[float] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    brands: set[str] = field(default_factory=set)
    catalogue_brands: set[str] = field(default_factory=set)
    numbers: list[float] = field(default_factory=list)
    type_terms: frozenset[str] = frozenset()
    shown: str = ""
    card_tags: set[str] = field(default_factory=set)

    @classmethod
    def from_cards(cls, cards: Iterable[dict[str, Any]], catalogue_brands: Iterable[str] = (),
                   numbers: Iterable[float] = (), *, type_terms: Iterable[str] = (),
                   card_tags: Iterable[str] = ()) -> Grounding:
        """Allow the titles, prices, ids, brands, types and tags of the shown cards.

        ``type_terms``: product types the guard looks for in a sentence; ``card_tags``: the
        attribute tags of the shown products (what a claim may rest on).
        """
        cards = list(cards)
        shown = " | ".join(_norm(f"{c['title']} {c.get('type') or ''}") for c in cards)
        return cls(titles=[c["title"] for c in cards],
                   prices=[float(c["price"]) for c in cards if c.get("price") is not None],
                   ids={c["id"] for c in cards},
                   brands={c["brand"].lower() for c in cards if c.get("brand")},
                   catalogue_brands=set(catalogue_brands),
                   numbers=[float(n) for n in numbers],
                   type_terms=frozenset(k for t in type_terms if (k := _norm(t))),
                   shown=f" {shown} ", card_tags={t.lower() for t in card_tags})

    def _price_ok(self, value: float) -> bool:
        return any(abs(value - p) < 0.011 for p in [*self.prices, *self.numbers])

    def _phrase_ok(self, phrase: str) -> bool:
        low = phrase.lower()
        if any(low in t.lower() for t in self.titles) or low in self.brands:
            return True
        words = low.split()
        # a sentence-initial capital is not a name: accept when the rest is grounded
        return len(words) > 1 and any(" ".join(words[1:]) in t.lower() for t in self.titles)

    def violations(self, sentence: str) -> list[str]:
        """List what in ``sentence`` is not grounded (empty: the sentence may be shown)."""
        found = []
        for m in _PRICE.finditer(sentence):
            value = float((m.group(1) or m.group(2)).replace(",", "."))
            if not self._price_ok(value):
                found.append(f"price {m.group(0).strip()}")
        for m in _IDISH.finditer(sentence):
            if m.group(0) not in self.ids and not self._phrase_ok(m.group(0)):
                found.append(f"id {m.group(0)}")
        for m in _CAPS.finditer(sentence):
            if not self._phrase_ok(m.group(0)):
                found.append(f"name {m.group(0)}")
        for brand in self.catalogue_brands:
            if brand.lower() in self.brands:
                continue
            if re.search(rf"(?<!\w){re.escape(brand)}(?!\w)", sentence):
                found.append(f"brand {brand}")
        found += [f"type {t}" for t in self._unshown_types(sentence)]
        found += [f"claim {c}" for c in self._unsupported_claims(sentence)]
        return found

    def _unshown_types(self, sentence: str) -> list[str]:
        """Product types the sentence names that no card's title or type shows."""
        if not self.type_terms or not self.titles:
            return []
        words = f" {_norm(sentence)} "
        return sorted(k for k in self.type_terms
                      if f" {k} " in words and f" {k} " not in self.shown)

    def _unsupported_claims(self, sentence: str) -> list[str]:
        """Feature claims ("waterproof", "prevents spills") that no shown product supports."""
        low = sentence.lower()
        out = []
        for pattern, tags in CLAIMS:
            if pattern.search(low) and not (set(tags) & self.card_tags) and not any(
                    pattern.search(t.lower()) for t in self.titles):
                out.append(tags[0])
        return out

    def check(self, text: str) -> list[str]:
        """Every violation in a whole reply."""
        return [v for sentence in split_sentences(text) for v in self.violations(sentence)]

    def clean(self, text: str) -> str:
        """Remove every sentence that has a violation from the reply."""
        kept = [s for s in split_sentences(text) if not self.violations(s)]
        return " ".join(kept).strip()


CLAIMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p), tags) for p, tags in (
        (r"\bspill", ("spill-proof", "leak-proof", "spill-resistant")),
        (r"\bleak", ("leak-proof", "spill-proof")),
        (r"\bwater[- ]?(?:proof|resistant)|\brain[- ]?proof", ("waterproof", "water-resistant")),
        (r"\b(?:non|anti)[- ]?slip|\bslip[- ]?(?:resistant|proof)|\b(?:won'?t|doesn'?t|"
         r"not) slip", ("non-slip", "slip-resistant")),
        (r"\bshock[- ]?(?:proof|absorb)|\bdrop[- ]?proof|\brugged", ("shockproof", "durable",
                                                                   "rugged")),
        (r"\bnoise[- ]?cancel", ("noise-cancelling",)),
        (r"\bsweat[- ]?proof", ("sweat-proof", "moisture-wicking")),
        (r"\bmoisture[- ]?wicking", ("moisture-wicking",)),
        (r"\bbreathable", ("breathable",)),
        (r"\binsulated|\bkeeps? (?:you |drinks )?(?:warm|cold)", ("insulated", "thermal")),
        (r"\bwireless", ("wireless",)),
        (r"\bbpa[- ]free", ("bpa-free",)),
        (r"\bhypoallergenic", ("hypoallergenic",)),
        (r"\bfragrance[- ]free|\bunscented", ("fragrance-free",)),
        (r"\borthopedic", ("orthopedic",)),
        (r"\bergonomic", ("ergonomic",)),
        (r"\bchew[- ]resistant|\bindestructible", ("chew-resistant",)),
        (r"\bnon[- ]?stick", ("non-stick",)),
        (r"\bdishwasher[- ]safe", ("dishwasher-safe",)),
    ))


def _norm(text: str) -> str:
    """Lower-case words with simple plurals folded (for type matching)."""
    out = []
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
            w = w[:-2]
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def split_sentences(text: str) -> list[str]:
    """Sentences of a reply (kept with their end punctuation)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


class StreamingGuard:
    """Feed tokens; get back the text that may be shown now (whole checked sentences)."""

    def __init__(self, grounding: Grounding) -> None:
        """Start with an empty buffer."""
        self.grounding = grounding
        self.buffer = ""
        self.shown: list[str] = []
        self.dropped: list[str] = []

    def feed(self, token: str) -> str:
        """Add a token; return the checked sentences completed by it ('' when none)."""
        self.buffer += token
        parts = _SENTENCE_END.split(self.buffer)
        if len(parts) < 2:
            return ""
        self.buffer = parts[-1]
        return self._release(parts[:-1])

    def finish(self) -> str:
        """Check and release whatever is left at the end of the stream."""
        tail, self.buffer = self.buffer, ""
        return self._release([tail])

    def _release(self, sentences: list[str]) -> str:
        out: list[str] = []
        for sentence in (s.strip() for s in sentences):
            if not sentence:
                continue
            if self.grounding.violations(sentence):
                self.dropped.append(sentence)
                continue
            prefix = " " if self.shown or out else ""
            out.append(prefix + sentence)
        self.shown.extend(s.strip() for s in out)
        return "".join(out)

    @property
    def text(self) -> str:
        """Everything released so far."""
        return " ".join(self.shown)
