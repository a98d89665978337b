"""The evidence lines a product card shows for a query.

Only what the product has, only when the need speaks for it, and only when the served-line
gate expects the line to be right. A mixin of the knowledge expander
(:class:`knowledge.graph.serve.KnowledgeExpander`), kept apart from the query side (matching
and expansion) so each part stays small.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from knowledge.expansion import Expansion
from knowledge.graph.accessory import comes_with_asked_type
from knowledge.graph.cards import evidence_line, product_evidence, strong_evidence
from knowledge.graph.evidence import Lexicon, Span, negated
from knowledge.graph.gate_features import TITLE_CHARS, Line
from knowledge.graph.line_checks import (
    about_other_products,
    compared_against,
    figurative,
    in_a_bundle,
    inside_only,
    lessened,
    one_side_of_two,
    opposed_need,
    range_of_products,
    stays_put,
)
from knowledge.graph.lines import (
    _phrase_tokens,
    about_another_item,
    of_asked_type,
    only_on_a_detail,
    pet_person_conflict,
    read_from_type_only,
    shown_needs,
    speaks,
    unread_words,
)
from knowledge.graph.stated import counted_people, idle_words, unanswered_clause, weak_reads
from knowledge.models import Product

if TYPE_CHECKING:
    from knowledge.graph.gate import LineGate
    from knowledge.graph.serve import _Graph
    from knowledge.store import Store

log = logging.getLogger(__name__)
_T = TypeVar("_T")
QUERIES_CACHED = 4096  # per-query reads kept by one expander (a query's reads are small)
_RUN_ON_NOT = re.compile(r"\b(is|are|does|do|was|were|did|wo|ca)nt\b")  # "isnt" -> "isn't"


def refused(query: str, tag: str, lexicon: Lexicon) -> bool:
    """True when the query names the attribute only to refuse it.

    "a dog bed that isnt memory foam": a line saying the product has memory foam would answer
    the opposite of the request.
    """
    low = _RUN_ON_NOT.sub(r"\1n't", query.lower())
    found = [m.start() for m in lexicon.pattern(tag).finditer(low)]
    return bool(found) and all(negated(low, start) for start in found)


def without_heads(exp: Expansion, heads: frozenset[str]) -> Expansion:
    """``exp`` without the needs of ``heads`` (and without attributes only they asked)."""
    if not heads:
        return exp
    evidence = [e for e in exp.evidence if not (e.relation == "NEEDS" and e.head in heads)]
    asked = {e.tail for e in evidence if e.relation == "NEEDS"}
    return dataclasses.replace(exp, evidence=evidence, attributes={
        tag: weight for tag, weight in exp.attributes.items() if tag in asked})


class CardLines:
    """Evidence lines for product cards (mixed into the knowledge expander)."""

    graph: _Graph
    lexicon: Lexicon
    store: Store
    _unread_cache: dict[str, tuple[frozenset[str], ...]]
    _read_len_cache: dict[str, dict[str, int]]
    _gate: LineGate | None | bool  # False: not loaded yet; None: off or failed
    _matches: Callable[[str], list[tuple[tuple[str, ...], float]]]
    _shadowed: Callable[[str, list[tuple[tuple[str, ...], float]]], frozenset[str]]

    def explain(self, exp: Expansion, product: Product) -> tuple[list[str], list[str]]:
        """Evidence lines and matched attributes for one product, only for what it has."""
        unread, type_only, shadowed, idle = self._unread(exp)
        exp = without_heads(exp, shadowed)  # "tile" in "cold tile" earns no line
        # "oven" in "dutch oven", "slip" in "slip-on shoes": a head read only from the type asked
        # for states no need. The query's most specific needs are read with and without it (it
        # may single out another head's need), but only the other heads speak for them
        said = without_heads(exp, type_only)
        shown = shown_needs(exp, self._need_count) | shown_needs(said, self._need_count)
        exp = said
        why = self._reasons(exp)
        lines: list[str] = []
        matched: list[str] = []
        own = str((product.attributes or {}).get("type") or "")
        if not of_asked_type(exp, product.title, self.graph.type_words) or pet_person_conflict(
                exp.query, product.title) or self._comes_with(exp, product.title):
            return lines, matched
        for tag in sorted(exp.attributes, key=lambda t: -exp.attributes[t]):
            if tag not in shown or refused(exp.query, tag, self.lexicon) or opposed_need(
                    exp.query, tag) or one_side_of_two(exp.query, tag) or unanswered_clause(
                    exp.query, unread, tag, product.title) or not speaks(
                    exp, tag, self._need_count, self._need_for, unread | idle, product.title,
                    self._kind):
                continue
            span = product_evidence(product, tag, self.lexicon)
            if span is None or not self._products_own(span, tag, own, product.title):
                continue
            line = evidence_line(span, self.lexicon, why.get(tag, ""))
            if not self._gate_keeps(exp, tag, product.title, line):
                continue
            matched.append(tag)
            lines.append(line)
        return lines, matched

    def _products_own(self, span: Span, tag: str, own: str, title: str) -> bool:
        """True when the listing's words state ``tag`` of this product, in its plain sense.

        ``own``: the product's extracted type ("" when none); ``title``: its title.
        """
        return strong_evidence(span, self.lexicon) and not (
            about_another_item(span, own, self.graph.type_words) or only_on_a_detail(span)
            or in_a_bundle(span, own or title) or about_other_products(span)
            or range_of_products(span) or figurative(span) or inside_only(span, tag)
            or lessened(span) or stays_put(span, tag) or compared_against(span))

    def _comes_with(self, exp: Expansion, title: str) -> bool:
        """True when the product is another type that comes with the asked one (a sleeve)."""
        phrase = _phrase_tokens(exp.query)
        return bool(phrase) and phrase[-1] in exp.product_types and comes_with_asked_type(
            phrase, title, self.graph.type_words)

    def _reasons(self, exp: Expansion) -> dict[str, str]:
        """Per needed attribute, the reason its line gives: that of its best-read head.

        Among the heads asking the attribute, the strongest need wins, and of equals the head
        read from the longest phrase of the query ("keeps water cold" over "hot ... keeps").
        """
        lengths = self._read_lengths(exp.query)
        best: dict[str, tuple[float, int, str]] = {}
        for ev in exp.evidence:
            if ev.relation != "NEEDS" or ev.tail not in exp.attributes:
                continue
            rank = (ev.score, lengths.get(ev.head, 0), ev.why)
            if ev.tail not in best or rank[:2] > best[ev.tail][:2]:
                best[ev.tail] = rank
        return {tag: rank[2] for tag, rank in best.items()}

    def _read_lengths(self, query: str) -> dict[str, int]:
        """Per concept the query reads, the most words of a phrase it was read from."""
        def compute() -> dict[str, int]:
            lengths: dict[str, int] = {}
            for key, _ in self._matches(query):
                for concept, _alias in self.graph.concepts[key]:
                    lengths[concept] = max(lengths.get(concept, 0), len(key))
            return lengths
        return per_query(self._read_len_cache, query, compute)

    def line_gate(self) -> LineGate | None:
        """The served-line gate (built on first use), or None when off or unavailable."""
        if self._gate is False:
            self._gate = None
            try:
                from knowledge.graph.gate import LineGate, gate_folder

                embedder = self.store.embedder
                folder = gate_folder(self.store.settings.model_cache_dir,
                                     embedder.embed_cached, embedder.model_name)
                self._gate = LineGate(folder, embedder.embed_cached, self.lexicon)
            except Exception:  # the gate only hides lines: without it, lines still show
                log.exception("served-line gate unavailable; lines are shown ungated")
        return self._gate if not isinstance(self._gate, bool) else None

    def _gate_keeps(self, exp: Expansion, tag: str, title: str, line: str) -> bool:
        gate = self.line_gate()
        if gate is None:
            return True
        heads = tuple(sorted({e.head for e in exp.evidence
                              if e.relation == "NEEDS" and e.tail == tag}))
        return gate.keep(Line(exp.query, heads, tag, title[:TITLE_CHARS], line))

    def _need_count(self, head: str) -> int:
        return len(self.graph.needs.get(head, ()))

    def _kind(self, head: str) -> str:
        return self.graph.kinds.get(head, "audience")

    def _need_for(self, head: str, tag: str) -> tuple[tuple[str, ...], ...]:
        return self.graph.need_for.get((head, tag), ())

    def _unread(self, exp: Expansion) -> tuple[frozenset[str], ...]:
        """What the query leaves unread: words, product-phrase concepts, shadowed concepts.

        Its unread content words (with the people it counts, :mod:`knowledge.graph.stated`),
        the concepts read only from its product phrase, and those read only as the head of a
        longer phrase (:meth:`_shadowed`) or only weakly (:func:`~knowledge.graph.stated.
        weak_reads`); last, the words read only by situations that ask nothing of the asked
        type (:func:`~knowledge.graph.stated.idle_words`). Cached per query: ``exp`` is its
        expansion.
        """
        query = exp.query

        def compute() -> tuple[frozenset[str], ...]:
            matches = self._matches(query)
            keys = [key for key, _ in matches]

            def concepts_of(key: tuple[str, ...]) -> list[str]:
                return [c for c, _ in self.graph.concepts[key]]
            unread = unread_words(query, keys) | counted_people(query)
            weak = weak_reads(query, keys, lambda key: self.graph.concepts[key])
            return (unread, read_from_type_only(query, keys, concepts_of),
                    self._shadowed(query, matches) | weak, idle_words(
                        query, keys, concepts_of, self._asks(exp)))
        return per_query(self._unread_cache, query, compute)

    def _asks(self, exp: Expansion) -> Callable[[str], bool]:
        """Per concept: False for a situation with no need kept for this query's type."""
        needing = {ev.head for ev in exp.evidence
                   if ev.relation == "NEEDS" and ev.tail in exp.attributes}
        return lambda concept: concept in needing or self._kind(concept) != "intent"


def per_query(cache: dict[str, _T], query: str, compute: Callable[[], _T]) -> _T:
    """``cache[query]``, computed once; a full cache starts over.

    A long-running server sees endless distinct queries: it holds at most ``QUERIES_CACHED``.
    """
    if query not in cache:
        if len(cache) >= QUERIES_CACHED:
            cache.clear()
        cache[query] = compute()
    return cache[query]

