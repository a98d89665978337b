"""What a merchant message means: intent from a trained classifier, slots from the parsers.

The intent model is H1's reusable ``TextClassifier`` (MiniLM vector + word/char n-grams),
trained on ``agents/merchant/data/intents.jsonl`` (written for training; the merchant test
set is never read) with the value parsers' findings as extra features: does the message
state money, a return target, a period, a quantifier ("all", "every"). A small rule layer
decides only what the model must not: confirming or cancelling a shown draft or list.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path
from typing import Any

from agents.merchant.phrases import chunks
from agents.merchant.slots import GoalSlots, parse_goal
from agents.understanding.classifier import (
    ClassifierConfig,
    TextClassifier,
    read_jsonl,
    trained_classifier,
)
from knowledge.embeddings import Embedder
from knowledge.settings import Settings

CORPUS = Path(__file__).resolve().parent / "data" / "intents.jsonl"
MODEL_NAME, MODEL_VERSION = "merchant-intent", "2"
CONTEXT_KEYS = ("has_money", "has_return", "has_period", "has_all", "pending")
INTENTS = ("create", "update", "pause", "resume", "report", "list", "audience", "creative",
           "why", "chat", "confirm", "cancel")
CONFIRM = re.compile(r"^\s*(yes|yep|yeah|yup|sure|confirm(ed)?|go ahead|create it|do it|"
                     r"launch it|looks good|ok(ay)?|correct|approved?|go for it|sounds good)\b",
                     re.I)
CANCEL = re.compile(r"^\s*(no|nope|cancel|stop|never ?mind|discard|don'?t|abort|forget it)\b",
                    re.I)
ALL = re.compile(r"\b(all|every|everything|each|both|any)\b", re.I)
SLOT_KEYS = ("budget", "daily_budget", "target_roi", "days", "start", "end", "products_query",
             "campaign_ref")
CAMPAIGN_INTENTS = ("update", "pause", "resume", "report")
PRODUCT_INTENTS = ("create", "audience", "creative")

_lock = threading.Lock()
_models: dict[tuple[str, int], TextClassifier] = {}
_embedders: dict[str, Embedder] = {}


def _embedder(settings: Settings) -> Embedder:
    key = str(settings.resolved_embedding_dir())
    with _lock:
        if key not in _embedders:
            _embedders[key] = Embedder(settings)
        return _embedders[key]


def features(text: str, slots: GoalSlots, pending: bool = False) -> dict[str, float]:
    """The parsers' findings as numbers for the classifier."""
    return {"has_money": float(slots.budget_total is not None or slots.budget_daily is not None
                               or slots.budget_change is not None),
            "has_return": float(slots.target_roi is not None),
            "has_period": float(slots.start is not None or slots.days is not None),
            "has_all": float(bool(ALL.search(text))), "pending": float(pending)}


def _rows(paths: list[Path]) -> list[dict[str, Any]]:
    today = date(2026, 1, 5)  # fixed: features must not depend on the day of training
    return [{"text": r["text"], "label": r["label"],
             **features(r["text"], parse_goal(r["text"], today))} for r in read_jsonl(paths)]


def intent_model(settings: Settings, embedder: Embedder) -> TextClassifier:
    """The trained merchant intent classifier (built once from the repo's corpus, cached)."""
    key = (str(settings.model_cache_dir), id(embedder))
    with _lock:
        if key not in _models:
            _models[key] = trained_classifier(
                settings.model_cache_dir, MODEL_NAME, MODEL_VERSION, [CORPUS], embedder,
                ClassifierConfig(context_keys=CONTEXT_KEYS, seed=13, calibrate=False),
                rows=lambda paths: _rows(list(paths)))
        return _models[key]


def _rule(text: str, pending: bool) -> str | None:
    if pending and CONFIRM.search(text):
        return "confirm"
    if pending and CANCEL.search(text):
        return "cancel"
    return None


def _slot_dict(slots: GoalSlots, intent: str) -> dict[str, Any]:
    phrase = " and ".join(chunks(slots.residue)) or None
    return {"budget": slots.budget_total, "daily_budget": slots.budget_daily,
            "target_roi": slots.target_roi, "days": slots.days,
            "start": slots.start.isoformat() if slots.start else None,
            "end": slots.end.isoformat() if slots.end else None,
            "products_query": phrase if intent in PRODUCT_INTENTS else None,
            "campaign_ref": (slots.campaign_id or slots.quoted or phrase)
            if intent in CAMPAIGN_INTENTS else None}


def understand_merchant(text: str, *, today: date | None = None, pending: bool = False,
                        embedder: Embedder | None = None, settings: Settings | None = None
                        ) -> dict[str, Any]:
    """Intent, confidence, slots and source ("model" or "rule") of one merchant message.

    ``slots`` holds budget, daily_budget, target_roi (GMV / spend), days, start, end (ISO
    dates; a period with no start starts the day after ``today``), products_query and
    campaign_ref (the words naming them; the graph resolves them against the merchant's
    own catalogue and campaigns). ``pending``: a draft or list awaits confirmation.
    """
    settings = settings or Settings()
    slots = parse_goal(text, today or date.today())
    rule = _rule(text, pending)
    if rule:
        return {"intent": rule, "confidence": 1.0, "slots": _slot_dict(slots, rule),
                "source": "rule"}
    model = intent_model(settings, embedder or _embedder(settings))
    intent, confidence = model.predict(text, features(text, slots, pending))
    return {"intent": intent, "confidence": round(confidence, 4),
            "slots": _slot_dict(slots, intent), "source": "model"}
