"""The shopper intent model: the text classifier plus the conversation context it needs.

Context features are computed here from the turn, never labelled by hand:

- ``results_shown``: products are on screen (so "how much is it?" asks about one of them);
- ``cart_items`` / ``cart_nonempty``: the cart holds something (so "remove it" can act);
- ``refers``: the message points at something ("it", "the second one", "that one");
- ``refers_on_screen`` and ``short_on_screen``: those two together, and a short message
  said while products are shown ("cheaper", "in blue");
- ``policy_topic`` / ``policy_on_screen``: the message names shipping, delivery, returns,
  payment or discounts, and whether products are shown meanwhile ("free shipping?" about a
  shown product is a product question; with nothing shown it asks about the store);
- ``asks_on_screen``: a yes/no or wh- question about something ("is the frying pan oven
  safe", "how heavy is it") said while products are shown - not one asking the assistant to
  act ("can you show...", "do you have...").

The model trains on ``data/shopper_intents.jsonl`` (train split only), once per source hash,
through :func:`agents.understanding.classifier.trained_classifier`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path
from typing import Any

from agents.understanding.cascade import CascadeClassifier
from agents.understanding.classifier import (
    ClassifierConfig,
    TextClassifier,
    read_jsonl,
    split_of,
    trained_classifier,
)
from knowledge.embeddings import Embedder

INTENTS: tuple[str, ...] = (
    "search", "refine", "product_question", "compare", "add_to_cart", "remove_from_cart",
    "show_cart", "recommend_for_me", "chit_chat", "out_of_scope", "policy_question",
    "order_status",
)
DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "shopper_intents.jsonl"
MODEL_NAME = "shopper-intent"
CHEAP_NAME = "shopper-intent-ngram"
MODEL_VERSION = "1"
CONFIG = ClassifierConfig(
    context_keys=("results_shown", "cart_items", "cart_nonempty", "refers",
                  "refers_on_screen", "short_on_screen", "policy_topic", "policy_on_screen",
                  "asks_on_screen"),
    embedding_weight=1.0, context_weight=1.0, c=16.0, calibrate=True, seed=13)
# The first stage: the same n-grams and context, no sentence vector (never embeds).
CHEAP_CONFIG = dataclasses.replace(CONFIG, embedding_weight=0.0)
# The n-gram model answers alone at or above this calibrated probability (chosen on dev:
# `python -m evals.intent_cascade`); below it the sentence-vector model decides.
CASCADE_THRESHOLD = 0.9

_REFERS = re.compile(
    r"\b(?:it|its|it'?s|they|them|these|those|this one|that one|the one|ones?)\b|"
    r"\b(?:first|second|third|fourth|fifth|last|top|bottom|1st|2nd|3rd|4th|5th)\b|"
    r"\b(?:number|no\.?|option|item|#)\s?\d\b|#\d\b|\bthe \w+ one\b|\bthat\??$|\bthis\??$")


_POLICY_TOPIC = re.compile(
    r"\b(?:ship\w*|deliver\w*|arriv\w*|returns?|returnable|refunds?|exchange\w*|send (?:it )?"
    r"back|pay\w*|installments?|klarna|paypal|discounts?|promo\w*|coupons?|warrant\w*|"
    r"postage|courier|tax|vat)\b")


_ASKS = re.compile(
    r"^(?:\W*(?:hi|hey|hmm+|ok|okay|so|and|also|quick q|um+|oh)\b\W*)*(?:is|isn'?t|are|r|does|"
    r"doesn'?t|do|did|can|could|will|would|how|what|what'?s|whats|wat|who|where|when)\b"
    r"(?!\s+(?:you|u|ya|y'?all|about)\b)")


def asks(text: str) -> bool:
    """True for a question about something ("is the pan oven safe"), not a request to act."""
    return bool(_ASKS.search(text.lower().strip()))


def refers(text: str) -> bool:
    """True when the message points at something already shown ("it", "the 2nd one")."""
    return bool(_REFERS.search(text.lower()))


def context_features(text: str, results: int = 0, cart: int = 0) -> dict[str, float]:
    """The numeric conversation features the model reads next to the text."""
    shown = float(results > 0)
    ref = float(refers(text))
    policy = float(bool(_POLICY_TOPIC.search(text.lower())))
    return {"results_shown": shown, "cart_items": min(max(cart, 0), 5) / 5.0,
            "cart_nonempty": float(cart > 0), "refers": ref, "refers_on_screen": ref * shown,
            "short_on_screen": shown * float(len(text.split()) <= 4),
            "policy_topic": policy, "policy_on_screen": policy * shown,
            "asks_on_screen": shown * float(asks(text))}


def with_features(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows ``{"text", "label", "results", "cart"}`` with their context features added."""
    return [{**r, **context_features(str(r["text"]), int(r.get("results") or 0),
                                     int(r.get("cart") or 0))} for r in rows]


def training_rows(paths: list[Path] | tuple[Path, ...] | Any) -> list[dict[str, Any]]:
    """The train split of the corpus, with context features."""
    return with_features([r for r in read_jsonl(paths) if split_of(r["text"]) == "train"])


def sources() -> list[Path]:
    """Files whose bytes define the model (a change rebuilds it)."""
    return [CORPUS]


def model_version(config: ClassifierConfig = CONFIG) -> str:
    """The artefact version: bump MODEL_VERSION when features change; the config is hashed."""
    digest = hashlib.sha1(repr(config).encode()).hexdigest()[:8]
    return f"{MODEL_VERSION}-{digest}"


def shopper_intent_model(embedder: Embedder, cache_dir: Path) -> TextClassifier:
    """The trained shopper intent classifier (built on first use, then loaded from cache)."""
    return trained_classifier(cache_dir, MODEL_NAME, model_version(), sources(), embedder,
                              CONFIG, rows=lambda _paths: training_rows([CORPUS]))


def ngram_intent_model(embedder: Embedder, cache_dir: Path) -> TextClassifier:
    """The n-gram-only first stage (same corpus and context features, no sentence vector)."""
    return trained_classifier(cache_dir, CHEAP_NAME, model_version(CHEAP_CONFIG), sources(),
                              embedder, CHEAP_CONFIG,
                              rows=lambda _paths: training_rows([CORPUS]))


def shopper_intent_cascade(embedder: Embedder, cache_dir: Path,
                           threshold: float = CASCADE_THRESHOLD) -> CascadeClassifier:
    """What the live router uses: the n-gram model, the full model when it is unsure."""
    return CascadeClassifier(ngram_intent_model(embedder, cache_dir),
                             shopper_intent_model(embedder, cache_dir), threshold)


def train_fresh(embedder: Embedder, rows: list[dict[str, Any]] | None = None,
                config: ClassifierConfig = CONFIG) -> TextClassifier:
    """Train without the cache (for tuning on dev and for tests)."""
    return TextClassifier(config, embedder).fit(rows if rows is not None
                                                else training_rows([CORPUS]))
