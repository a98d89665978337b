"""The calibrated filter: each extracted value's probability of being right, and the cut.

The finders (``extract.extract``) say what a listing may state; this module estimates, for
every value they extracted, P(the value is right) from what extraction knows about it: the
field, where and how early and how often it is said, negation nearby, its length, the
value's own reliability learned from the labelled gold sets (smoothed) and the reliability
of that field for this product type. Values under the learned threshold are not kept as
attributes; search text and the ranker still read them (``described.UNCONFIRMED``).

The model is a logistic regression stored as plain JSON weights (``calibration_train``
builds it, seeded, from files in the repo); applying it is pure Python.
"""

from __future__ import annotations

import math
import re
from typing import Any

from knowledge.extraction.described import UNCONFIRMED
from knowledge.extraction.gold import norm
from knowledge.extraction.head_type import GUESS, type_cues
from knowledge.extraction.vocab import VAGUE, WEAK_MATERIALS

LIST_KEYS = ("features", "materials", "audiences", "sizes", "colors")
FIELDS = ("title", "bullets", "description", "product_color")
SMOOTHING = 5.0  # pseudo-counts pulling a value's reliability toward its field's prior
# "not waterproof", "no BPA", "without latex", "isn't machine washable", "non-"
_NEGATION = re.compile(r"\b(?:not|no|non|without|never|isn'?t|aren'?t|doesn'?t|don'?t|"
                       r"free of|free from|avoid|instead of|unlike|except)\b[^.;:\n]{0,24}$")
_LETTER_SIZE = re.compile(r"(?:x{0,3}|\d?x)(?:s|m|l)|small|medium|large|one size")
_FREE_AFTER = re.compile(r"^\s*-?\s*free\b", re.IGNORECASE)


def value_spans(spans: list[dict[str, Any]], value: str) -> list[dict[str, Any]]:
    """The extracted spans of one value, in reading order (title, bullets, description)."""
    own = [s for s in spans if s.get("value") == value and s.get("source") == "extracted"]
    return sorted(own, key=lambda s: (FIELDS.index(s["field"]) if s["field"] in FIELDS else 9,
                                      s.get("start") or 0))


def _negated(text: str, start: int, end: int, value: str) -> bool:
    """Whether a negation stands just before the span or "free" just after it."""
    before = text[max(0, start - 32):start].lower()
    if _NEGATION.search(before):
        return True
    return "free" not in value and bool(_FREE_AFTER.match(text[end:end + 10]))


def _rate(table: dict[str, list[float]], name: str, prior: float) -> tuple[float, float]:
    """(smoothed logit of right / seen, log count seen) for one entry of a reliability table."""
    hits, seen = table.get(name, (0.0, 0.0))
    rate = (hits + SMOOTHING * prior) / (seen + SMOOTHING)
    rate = min(max(rate, 1e-3), 1 - 1e-3)
    return math.log(rate / (1 - rate)), math.log1p(seen)


def texts_of(title: str, bullets: list[str], description: str, color: str | None
             ) -> dict[str, str]:
    """The texts a listing's spans index, by field (the given colour included)."""
    from knowledge.extraction.extract import fields_of

    return {**fields_of(title, bullets, description), "product_color": color or ""}


def static_features(key: str, value: str, spans: list[dict[str, Any]], texts: dict[str, str],
                    attributes: dict[str, Any]) -> dict[str, float]:
    """Features of one extracted value that need no training data (``spans``: its own)."""
    out: dict[str, float] = {f"key={key}": 1.0}
    fields = {s["field"] for s in spans}
    for where in fields:
        out[f"{key}:in_{where}"] = 1.0
    if len(fields) == 1:
        out[f"{key}:only_{next(iter(fields))}"] = 1.0
    guessed = spans[0].get(GUESS)
    if guessed:  # no finder typed the title: the head-noun guess (``head_type``)
        out[f"{key}:guess_{guessed}"] = 1.0
    first = spans[0]
    text = texts.get(first["field"], "")
    start = int(first.get("start") or 0)
    negated = [_negated(texts.get(s["field"], ""), int(s.get("start") or 0),
                        int(s.get("end") or 0), value) for s in spans]
    numeric = {
        "n_spans": math.log1p(len(spans)),
        "mentions": math.log1p(max(_mentions(texts, s["text"]) for s in spans)),
        "title_pos": start / max(len(text), 1) if first["field"] == "title" else 1.0,
        "words": float(len(norm(value).split())),
        "chars": len(value) / 10.0,
        "negated": float(any(negated)),
        "all_negated": float(all(negated)),
        "exact": float(norm(first["text"]) == norm(value)),
        "caps": float(first["text"].isupper() and len(first["text"]) > 2),
        "digit": float(any(c.isdigit() for c in value)),
        "vague": float(value in VAGUE),
        "weak_material": float(value in WEAK_MATERIALS),
        "count": float(value.startswith(("pack of", "set of"))),
        "letter_size": float(bool(_LETTER_SIZE.fullmatch(value.lower()))),
        "n_values": math.log1p(len(attributes.get(key) or []) if key != "type" else 1),
    }
    if key == "type" and first["field"] == "title":
        numeric.update(type_cues(norm(value), start, int(first.get("end") or 0), texts))
    if first["field"] == "bullets":
        numeric["bullet_index"] = math.log1p(text.count("\n", 0, start))
        numeric["bullet_head"] = float(start - (text.rfind("\n", 0, start) + 1) < 30)
    for name, number in numeric.items():
        out[name] = number
        out[f"{key}:{name}"] = number
    return out


def learned_features(key: str, normed: str, head: str, where: str, tables: dict[str, Any]
                     ) -> dict[str, float]:
    """The value's smoothed reliabilities: overall, where first said, in this product type.

    ``where``: the field it is first said in; ``head``: the type's last word; ``normed``:
    the value as the guideline compares it (``gold.norm``).
    """
    prior = tables["prior"].get(key, 0.5)
    rel, seen = _rate(tables["value"].get(key, {}), normed, prior)
    own = 1.0 / (1.0 + math.exp(-rel))  # a value seen elsewhere anchors it said here
    placed = _rate(tables["placed"].get(key, {}), f"{normed}@{where}", own)[0]
    context = _rate(tables["context"].get(key, {}), head, prior)[0]
    numeric = {"reliability": rel, "seen": seen, "unseen": float(seen == 0.0),
               "placed": placed, "type_context": context}
    return {**numeric, **{f"{key}:{n}": v for n, v in numeric.items()}}


def type_head(attributes: dict[str, Any]) -> str:
    """The last word of the extracted type ("-" when none): the product-type context."""
    words = norm(str(attributes.get("type") or "")).split()
    return words[-1] if words else "-"


def value_features(key: str, value: str, spans: list[dict[str, Any]], texts: dict[str, str],
                   attributes: dict[str, Any], tables: dict[str, Any]) -> dict[str, float]:
    """Every feature of one extracted value (``spans``: its own spans, non-empty)."""
    from knowledge.extraction.mentions import table_key

    return {**static_features(key, value, spans, texts, attributes),
            **learned_features(table_key(key, spans), norm(value), type_head(attributes),
                               spans[0]["field"], tables)}


def _mentions(texts: dict[str, str], phrase: str) -> int:
    """How many times ``phrase`` is said in the title, bullets and description together."""
    if not phrase.strip():
        return 0
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)")
    return sum(len(pattern.findall(texts.get(w, "").lower()))
               for w in ("title", "bullets", "description"))


def candidates(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]]
               ) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(key, value, its extracted spans) for every extracted value the filter judges."""
    out = []
    if attributes.get("type"):
        own = value_spans(spans.get("type", []), attributes["type"])
        if own:
            out.append(("type", str(attributes["type"]), own))
    for key in LIST_KEYS:
        for value in attributes.get(key) or []:
            own = value_spans(spans.get(key, []), value)
            if own:
                out.append((key, str(value), own))
    return out


def probability(model: dict[str, Any], features: dict[str, float]) -> float:
    """P(right) of one value under a trained model (logistic, standardised features)."""
    score = float(model["intercept"])
    for name, weight, mean, scale in zip(model["features"], model["coef"], model["mean"],
                                         model["scale"], strict=True):
        score += weight * (features.get(name, 0.0) - mean) / scale
    return 1.0 / (1.0 + math.exp(-max(min(score, 40.0), -40.0)))


def threshold(model: dict[str, Any], key: str) -> float:
    """The cut for ``key``: values with a lower P(right) are not kept."""
    return float(model["thresholds"].get(key, model["thresholds"]["default"]))


def judged(space: frozenset[str], key: str, value: str) -> bool:
    """Whether the filter judges this value (features outside the label space it never saw)."""
    return key != "features" or norm(value) in space


def keep_likely(result: Any, texts: dict[str, str], model: dict[str, Any]) -> list[str]:
    """Drop from ``result`` (an ``Extraction``) the values the model finds unlikely; in place.

    Only extracted values are judged (given ones stay). A dropped value leaves the attributes
    and its spans; its spans move under ``unconfirmed`` (each with its ``key``), which search
    text and the ranker read (``described.with_unconfirmed``) and nothing else does. Returns
    "key=value" for each value dropped.
    """
    attributes, spans = result.attributes, result.spans
    tables, space = model["tables"], frozenset(model["label_space"])
    unlikely = [(key, value, own) for key, value, own in candidates(attributes, spans)
                if judged(space, key, value) and probability(model, value_features(
                    key, value, own, texts, attributes, tables)) < threshold(model, key)]
    dropped: list[str] = []
    for key, value, own in unlikely:  # judged first: the type is context for the rest
        dropped.append(f"{key}={value}")
        spans[key] = [s for s in spans.get(key, []) if s not in own]
        spans.setdefault(UNCONFIRMED, []).extend(  # an unlikely guess is not search text
            {**s, "source": UNCONFIRMED, "key": key} for s in own if not s.get(GUESS))
        if key == "type":
            attributes.pop("type", None)
            continue
        attributes[key] = [v for v in attributes[key] if v != value]
        if not attributes[key]:
            attributes.pop(key)
    for single, plural in (("material", "materials"), ("audience", "audiences")):
        mirrored = [s for s in spans.get(plural, []) if s.get("source") == "given"]
        if not mirrored:  # the singular key mirrors the first extracted value
            attributes.pop(single, None)
            if attributes.get(plural):
                attributes[single] = attributes[plural][0]
    for key in [k for k in ("type", *LIST_KEYS) if k in spans and not spans[k]]:
        spans.pop(key)
    return dropped
