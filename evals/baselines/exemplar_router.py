"""BASELINE ONLY: the first build's intent router (exemplar votes + regex rules).

Kept so the eval can report its figures beside the trained classifier on the same split.

Intent routing by embedding similarity to exemplar utterances, with a confidence.

High-precision rules (cart verbs, compare words, requests for other people's data or
merchant operations) decide first; otherwise each intent scores the mean of its two most
similar exemplars. Only when the best score is low or the margin thin, and a model is
given, the LLM picks among the intents under a JSON schema (an enum: it cannot invent one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from evals.baselines.exemplars import EXEMPLARS, INTENTS
from knowledge.embeddings import Embedder

LOW_CONFIDENCE = 0.42
LOW_MARGIN = 0.015

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("out_of_scope", re.compile(
        r"ignore (?:all |your |the |any )?(?:previous |prior |above )?(?:instructions|rules)|"
        r"system prompt|api key|password|admin|other (?:customers?|shoppers?|users?|people)'?s?"
        r"|(?:every|all) (?:users?|customers?|shoppers?)|(?:change|set|update|edit) the "
        r"(?:price|stock|inventory)|(?:delete|drop) (?:all|every|the) (?:products?|users?|"
        r"orders?|tables?)|create (?:a |an )?(?:discount|campaign|coupon|promotion)|"
        r"merchant|database|sql\b|refund|track(?:ing)? my order|where is my order")),
    ("show_cart", re.compile(r"^(?:show |view |open |see )?(?:me )?(?:my )?(?:cart|basket)"
                             r"(?: please| total)?\??$|what(?:'s| is) in my (?:cart|basket)|"
                             r"(?:show|view|see|check) (?:me )?my (?:cart|basket)|"
                             r"(?:cart|basket) total|what (?:did|have) i (?:add|got)")),
    ("remove_from_cart", re.compile(r"\b(?:remove|delete|take out|take off)\b|"
                                    r"\bdrop\b.*\b(?:cart|basket|it|one|them)\b|"
                                    r"\bout of (?:my |the )?(?:cart|basket)\b|"
                                    r"don'?t want (?:it|that|the \w+ one) anymore")),
    ("add_to_cart", re.compile(r"\b(?:add|put)\b.*\b(?:cart|basket|it|one|them|that|this)\b|"
                               r"\bi'?ll take\b|\b(?:add|buy) (?:it|that|this|the \w+(?: one)?|"
                               r"\d+|one|two|three)\b")),
    ("compare", re.compile(r"\bcompare\b|\bvs\.?\b|\bversus\b|difference between|"
                           r"side by side|which (?:one |of (?:them|these|the \w+) )?is "
                           r"(?:better|lighter|cheaper|bigger)")),
    ("product_question", re.compile(
        r"^(?:is|does|has|can|will|are) (?:the (?:\w+ )?(?:one|item|option|product)|it|that "
        r"one|this one|they)\b|^(?:tell me )?more (?:info|details|about) (?:the|that|this|it)\b")),
    ("search", re.compile(
        r"^(?:hey |hi |hello |please )?(?:i'?m |im |i am |we'?re |we are )?(?:looking for|"
        r"trying to (?:find|buy|get)|searching for|shopping for|in need of)\b|"
        r"^(?:hey |hi |please )?(?:i|we) (?:really )?(?:need|want|would like|'d like|am after)"
        r"\b|^(?:please )?(?:find|get|show|search for|fetch|buy)(?: me| us)? (?:a|an|some|the|"
        r"any)\b|^(?:can|could) (?:i|you) (?:see|show me|find|get) (?:a|an|some|any)\b|"
        r"^(?:i'?m |im |i am )(?:interested in|hoping to find|locking for|after)\b|"
        r"^(?:help me find|i'?d like to (?:find|buy|get))\b")),
]
LONG_REQUEST = 7  # words: a long "i need ..." is a product search even if it says "buy it"


def _rule(low: str) -> str | None:
    """Return the intent a high-precision rule assigns, if any."""
    if _RULES[0][1].search(low):
        return "out_of_scope"
    if len(low.split()) >= LONG_REQUEST and _RULES[-1][1].search(low):
        return "search"
    return next((name for name, pattern in _RULES if pattern.search(low)), None)


@dataclass
class Intent:
    """The routed intent with its confidence and how it was decided."""

    name: str
    confidence: float
    source: str  # "rule", "embedding", "llm"
    scores: dict[str, float] | None = None


class ExemplarRouter:
    """Route messages to one of :data:`INTENTS`; build once, share between sessions."""

    def __init__(self, embedder: Embedder, llm: Any = None, *,
                 exemplars: dict[str, list[str]] | None = None) -> None:
        """Embed the exemplars once; ``llm`` (an LLMBackend) enables the fallback."""
        self.embedder, self.llm = embedder, llm
        table = exemplars or EXEMPLARS
        self.labels = [intent for intent in INTENTS for _ in table.get(intent, [])]
        texts = [text for intent in INTENTS for text in table.get(intent, [])]
        self.matrix = embedder.embed(texts)

    def scores(self, text: str) -> dict[str, float]:
        """Per-intent similarity: the mean of the two best exemplars."""
        sims = self.matrix @ self.embedder.embed_query(text)
        out: dict[str, float] = {}
        for intent in INTENTS:
            rows = np.array([s for s, lab in zip(sims, self.labels, strict=True) if lab == intent])
            if rows.size:
                out[intent] = float(np.mean(np.sort(rows)[-2:]))
        return out

    def route(self, text: str) -> Intent:
        """Route ``text`` to an intent (rules, then embeddings, then the LLM when unsure)."""
        low = text.lower().strip()
        rule = _rule(low)
        if rule:
            return Intent(rule, 1.0, "rule")
        scores = self.scores(low)
        ranked = sorted(scores, key=lambda k: -scores[k])
        best, second = ranked[0], ranked[1]
        confidence = scores[best]
        intent = Intent(best, confidence, "embedding", scores)
        unsure = confidence < LOW_CONFIDENCE or confidence - scores[second] < LOW_MARGIN
        if unsure and self.llm is not None:
            picked = self._ask_llm(text, ranked[:4])
            if picked:
                return Intent(picked, confidence, "llm", scores)
        return intent

    def route_many(self, texts: list[str]) -> list[Intent]:
        """Route many texts at once (batched embeddings, no LLM fallback), for evals."""
        vectors = self.embedder.embed([t.lower().strip() for t in texts])
        sims = vectors @ self.matrix.T
        labels = np.array(self.labels)
        out = []
        for text, row in zip(texts, sims, strict=True):
            rule = _rule(text.lower().strip())
            if rule:
                out.append(Intent(rule, 1.0, "rule"))
                continue
            scores = {i: float(np.mean(np.sort(row[labels == i])[-2:])) for i in INTENTS}
            best = max(scores, key=scores.__getitem__)
            out.append(Intent(best, scores[best], "embedding", scores))
        return out

    async def aroute(self, text: str) -> Intent:
        """:meth:`route` off the event loop when the LLM fallback may run."""
        import asyncio

        return await asyncio.to_thread(self.route, text)

    def _ask_llm(self, text: str, candidates: list[str]) -> str | None:
        schema = {"type": "object", "properties": {"intent": {"enum": candidates}},
                  "required": ["intent"]}
        messages = [
            {"role": "system", "content": "Classify the shopper message. Choose one intent: "
             + ", ".join(candidates) + "."},
            {"role": "user", "content": text[:300]},
        ]
        try:
            value = self.llm.complete_json(messages, schema, max_tokens=20, temperature=0.0)
        except Exception:  # noqa: BLE001 - the embedding answer stands when the model fails
            return None
        picked = value.get("intent")
        return picked if picked in candidates else None
