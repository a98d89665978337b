"""Grounding guard: every product name, id and price in a reply must come from this turn.

Checks are per sentence; a sentence naming a price, product, brand or id that this turn's
tool results do not contain is removed. :class:`StreamingGuard` applies the same check to
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

    @classmethod
    def from_cards(cls, cards: Iterable[dict[str, Any]], catalogue_brands: Iterable[str] = (),
                   numbers: Iterable[float] = ()) -> Grounding:
        """Allow the titles, prices, ids and brands of the shown cards (plus given numbers)."""
        cards = list(cards)
        return cls(titles=[c["title"] for c in cards],
                   prices=[float(c["price"]) for c in cards if c.get("price") is not None],
                   ids={c["id"] for c in cards},
                   brands={c["brand"].lower() for c in cards if c.get("brand")},
                   catalogue_brands=set(catalogue_brands),
                   numbers=[float(n) for n in numbers])

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
        return found

    def check(self, text: str) -> list[str]:
        """Every violation in a whole reply."""
        return [v for sentence in split_sentences(text) for v in self.violations(sentence)]

    def clean(self, text: str) -> str:
        """Remove every sentence that has a violation from the reply."""
        kept = [s for s in split_sentences(text) if not self.violations(s)]
        return " ".join(kept).strip()


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
