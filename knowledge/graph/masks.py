"""Which products have a needed attribute, answered for the whole catalogue per attribute.

Search's knowledge list asks, for every need of a query, which of its ~150 candidates have
the attribute (:func:`~knowledge.graph.evidence.find_evidence`: an attribute value, or
un-negated listing text). Asked product by product, a query with unseen candidates cost a
regex pass per (product, attribute) and an SQL read of their text: 30-250 ms. Here the
catalogue's text is read once (one SQL query), attribute values are indexed by their
normalised spelling, and an attribute's listing-text check runs only on the products whose
text contains every word of one of its spellings (a plain substring scan). The answer for
an attribute is then one boolean per product, kept until the catalogue changes; it is
exactly ``find_evidence(product, attribute) is not None``.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from knowledge.graph.evidence import (
    Lexicon,
    _norm,
    attribute_values,
    in_text,
    listing_negates,
    text_fields,
)
from knowledge.models import Product
from knowledge.text import tokens

SEPARATOR = "\x00"  # between chunks in the scanned text; no spelling contains it
CHUNKS = re.compile(r"[\s\-]+")  # what a spelling's words are split at (evidence._fragment)

def _spelling_words(attribute: str, lexicon: Lexicon) -> list[list[str]] | None:
    """The lower-case words of each spelling the attribute's regex matches (None: any text).

    A regex match of a spelling contains each of its words as a substring (they are joined
    by optional spaces or hyphens), so a text lacking one word of every spelling cannot match.
    """
    out: list[list[str]] = []
    for spelling in {attribute, *lexicon.entry(attribute).variants}:
        if not spelling.strip():
            continue
        words = [w for w in CHUNKS.split(spelling.strip().lower()) if w]
        if not words:
            return None  # an empty fragment matches anywhere: check every product
        out.append(words)
    return out


class CatalogueEvidence:
    """Per attribute, a boolean per catalogue product: does its listing show the attribute."""

    def __init__(self, engine: Engine, lexicon: Lexicon) -> None:
        """Remember where products live; nothing is read until the first mask is asked."""
        self.engine, self.lexicon = engine, lexicon
        self._lock = threading.RLock()
        self.clear()

    def clear(self) -> None:
        """Forget the catalogue's text and every mask (after catalogue changes)."""
        with self._lock:
            self._ids: list[str] = []
            self._products: list[dict[str, Any] | None] = []
            self._values: dict[str, list[int]] = {}
            self._lows: list[str] = []
            self._chunk_text = ""  # the catalogue's distinct chunks, SEPARATOR between them
            self._chunk_starts: list[int] = []  # where each chunk starts in _chunk_text
            self._postings: list[list[int]] = []  # per chunk, the products whose text has it
            self._masks: dict[str, np.ndarray] = {}
            self._title_words: dict[int, frozenset[str]] = {}

    def _sync(self, ids: Sequence[str]) -> None:
        """Read the catalogue's text for ``ids`` (search's positions) unless already read."""
        if len(self._ids) == len(ids) and (not ids or self._ids[-1] == ids[-1]):
            return
        self.clear()
        rows: dict[str, dict[str, Any]] = {}
        query = select(col(Product.id), col(Product.title), col(Product.bullets),
                       col(Product.description), col(Product.attributes))
        with Session(self.engine) as session:
            for pid, title, bullets, description, attributes in session.execute(query):
                rows[pid] = {"title": title, "bullets": list(bullets or []),
                             "description": description or "",
                             "attributes": dict(attributes or {})}
        self._ids = list(ids)
        self._products = [rows.get(i) for i in self._ids]
        values: dict[str, set[int]] = defaultdict(set)
        lows: list[str] = []
        for pos, product in enumerate(self._products):
            if product is None:
                lows.append("")
                continue
            for key, value in attribute_values(product):
                if key != "category_path":
                    values[_norm(value)].add(pos)
            lows.append("\n".join(text for _, text in text_fields(product)).lower())
        self._values = {k: sorted(v) for k, v in values.items()}
        self._lows = lows
        postings: dict[str, list[int]] = defaultdict(list)
        for pos, low in enumerate(lows):
            for chunk in set(CHUNKS.split(low)) - {""}:
                postings[chunk].append(pos)
        chunks = list(postings)
        self._chunk_text = SEPARATOR.join(chunks)
        self._chunk_starts = list(accumulate((len(c) + 1 for c in chunks[:-1]), initial=0))
        self._postings = [postings[c] for c in chunks]

    def mask(self, attribute: str, ids: Sequence[str]) -> np.ndarray:
        """``find_evidence(product, attribute) is not None`` for every product of ``ids``."""
        with self._lock:
            self._sync(ids)
            found = self._masks.get(attribute)
            if found is None:
                found = self._masks[attribute] = self._compute(attribute)
            return found

    def _compute(self, attribute: str) -> np.ndarray:
        found = np.zeros(len(self._ids), dtype=bool)
        for name in self.lexicon.names(attribute):
            for pos in self._values.get(name, []):
                product = self._products[pos]
                if product is not None and not listing_negates(
                        text_fields(product), attribute, self.lexicon):
                    found[pos] = True
        for pos in self._text_candidates(attribute):
            product = self._products[pos]
            if not found[pos] and product is not None:
                found[pos] = in_text(text_fields(product), attribute, self.lexicon) is not None
        return found

    def _text_candidates(self, attribute: str) -> list[int]:
        """Products whose text holds a spelling of ``attribute`` (negated or not).

        A product is a candidate when its text contains the longest word of a spelling
        (the catalogue's distinct chunks scanned at C speed), then every word of it, and then
        the attribute's regex matches its fields joined by newlines: that finds every match a
        single field has (and maybe more), so no product with listing evidence is left out.
        """
        spellings = _spelling_words(attribute, self.lexicon)
        if spellings is None:
            return list(range(len(self._ids)))
        lows, pattern = self._lows, self.lexicon.pattern(attribute)
        seen: set[int] = set()
        for words in spellings:
            seen.update(pos for pos in self._containing(max(words, key=len))
                        if all(w in lows[pos] for w in words))
        return sorted(pos for pos in seen if pattern.search(lows[pos]) is not None)

    def _containing(self, word: str) -> set[int]:
        """Positions of the products whose lower-cased text contains ``word``.

        ``word`` has no space or hyphen, so it lies inside one of a product's chunks (text
        split at spaces and hyphens): the catalogue's distinct chunks are scanned, not its text.
        """
        out: set[int] = set()
        text, starts, postings = self._chunk_text, self._chunk_starts, self._postings
        at = text.find(word)
        while at != -1:
            chunk = bisect_right(starts, at) - 1
            out.update(postings[chunk])
            if chunk + 1 >= len(starts):
                break
            at = text.find(word, starts[chunk + 1])
        return out

    def title_words(self, ids: Sequence[str], positions: Sequence[int] | np.ndarray
                    ) -> list[frozenset[str]]:
        """The stemmed title words (``knowledge.text.tokens``) of the products at ``positions``."""
        with self._lock:
            self._sync(ids)
            out = []
            for pos in positions:
                words = self._title_words.get(int(pos))
                if words is None:
                    product = self._products[int(pos)]
                    words = frozenset(tokens(str(product["title"]) if product else ""))
                    self._title_words[int(pos)] = words
                out.append(words)
            return out
