"""Critics that filter candidate assertions: rules, a paraphrase filter, a trained classifier.

The classifier is a logistic regression over embedding features of (head, relation, tail),
trained on ``critic_labels.jsonl`` (our labelled set: curated good assertions and bad ones,
hand-written noise plus tail-swap corruptions); a stable hash split holds out a fifth.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from knowledge.embeddings import Embedder
from knowledge.graph.relations import RELATIONS
from knowledge.graph.store import Assertion
from knowledge.text import tokens

LABELS = Path(__file__).with_name("critic_labels.jsonl")
GENERIC_TAILS = frozenset({
    "good quality", "high quality", "quality", "nice", "great", "good", "best", "product",
    "products", "item", "items", "stuff", "things", "something", "useful", "a product",
})
# Query filler that says nothing about intent ("best", "gear", "supplies"): a head made of
# these only is a template artefact, never an intent or audience.
GENERIC_HEAD_WORDS = frozenset(tokens(
    "best cheap good great top new premium quality buy product products item items stuff "
    "thing things gear supply supplies tool tools accessory accessories set kit essential "
    "essentials"))
MAX_WORDS = 8
PARAPHRASE_MIN = 0.9


def rule_reason(a: Assertion) -> str | None:
    """Why a rule rejects ``a`` (None when it passes)."""
    if not a.head.strip() or not a.tail.strip():
        return "empty head or tail"
    if len(a.tail.split()) > MAX_WORDS or len(a.head.split()) > MAX_WORDS:
        return "too long"
    if a.tail in GENERIC_TAILS:
        return "generic tail"
    head_words = set(tokens(a.head))
    if head_words and head_words <= GENERIC_HEAD_WORDS:
        return "generic head"
    if a.head == a.tail or a.tail.startswith(a.head + " ") or a.head.startswith(a.tail + " "):
        return "tail repeats the head"
    return None


def _texts(rows: list[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    return [h for h, _, _ in rows], [t for _, _, t in rows]


@dataclass
class CriticReport:
    """Held-out quality of the trained classifier."""

    precision: float
    recall: float
    train: int
    test: int


class Critic:
    """Rules, paraphrase filter and the trained classifier, in that order."""

    def __init__(self, embedder: Embedder) -> None:
        """Train the classifier on the labelled set (about a second on 2 cores)."""
        self.embedder = embedder
        rows = [json.loads(line) for line in LABELS.read_text().splitlines()]
        keys = [(r["head"], r["relation"], r["tail"]) for r in rows]
        labels = np.array([r["label"] for r in rows])
        held = np.array([int(hashlib.sha1("|".join(k).encode()).hexdigest(), 16) % 5 == 0
                         for k in keys])
        features = self._features(keys)
        self.model = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced")
        self.model.fit(features[~held], labels[~held])
        predicted = self.model.predict(features[held])
        truth = labels[held]
        tp = int(((predicted == 1) & (truth == 1)).sum())
        self.report = CriticReport(precision=tp / max(1, int((predicted == 1).sum())),
                                   recall=tp / max(1, int((truth == 1).sum())),
                                   train=int((~held).sum()), test=int(held.sum()))

    def _features(self, keys: list[tuple[str, str, str]]) -> np.ndarray:
        heads, tails = _texts(keys)
        eh, et = self.embedder.embed_cached(heads), self.embedder.embed_cached(tails)
        rel = np.zeros((len(keys), len(RELATIONS)), dtype=np.float32)
        for i, (_, r, _) in enumerate(keys):
            rel[i, RELATIONS.index(r)] = 1.0
        cos = (eh * et).sum(axis=1, keepdims=True)
        return np.hstack([eh, et, eh * et, rel, cos])

    def judge(self, candidates: list[Assertion]) -> tuple[list[Assertion], dict[str, int]]:
        """Keep the candidates that pass, with survivors' scores re-blended.

        A survivor's score becomes the classifier's probability blended with the source's
        own score. Returns survivors and rejection counts.
        """
        rejected: dict[str, int] = {}
        alive = []
        for a in candidates:
            reason = rule_reason(a)
            if reason:
                rejected[reason] = rejected.get(reason, 0) + 1
            else:
                alive.append(a)
        if not alive:
            return [], rejected
        keys = [(a.head, a.relation, a.tail) for a in alive]
        features = self._features(keys)
        paraphrase = features[:, -1] >= PARAPHRASE_MIN
        probability = self.model.predict_proba(features)[:, 1]
        kept = []
        for a, para, p in zip(alive, paraphrase, probability, strict=True):
            if para:
                rejected["paraphrase"] = rejected.get("paraphrase", 0) + 1
            elif p < 0.5:
                rejected["classifier"] = rejected.get("classifier", 0) + 1
            else:
                a.score = round(float(0.5 * a.score + 0.5 * p), 3)
                a.evidence = {**a.evidence, "critic_p": round(float(p), 3)}
                kept.append(a)
        return kept, rejected
