"""BIO-labelled queries: QueryNER rows, their entity spans, and the terms they teach.

The slot tagger's label names (QueryNER's, renamed: ``core_product_type`` ->
``product_type``...), token spans from BIO tags, the merge of the product-type model's
spans into the CRF's labels, and the gazetteers made of labelled terms and the base word
lists (:mod:`knowledge.nlp.tagger` tags with them; :mod:`knowledge.nlp.tagger_train` learns
from them).
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.nlp.gazetteer import Gazetteer, norm_token
from knowledge.nlp.lexicon import BASE_AUDIENCES, BASE_COLORS, BASE_MATERIALS

LABELS = {"core_product_type": "product_type", "creator": "brand", "department": "audience",
          "UoM": "size"}
GAZ_LABELS = ("brand", "color", "material", "product_type", "audience")
TYPE_LABEL = "product_type"
_ARTICLES = frozenset({"a", "an", "the", "my", "your", "some", "our"})


def read_queryner(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, BIO labels with our label names) for each row of a QueryNER file."""
    rows = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append((row["tokens"], [_rename(tag) for tag in row["labels"]]))
    return rows


def _rename(tag: str) -> str:
    if tag == "O":
        return tag
    prefix, _, kind = tag.partition("-")
    return f"{prefix}-{LABELS.get(kind, kind)}"


def entities(tokens: list[str], labels: list[str]) -> list[tuple[str, str]]:
    """(label, lower-case text) of every BIO entity in one labelled query."""
    out: list[tuple[str, str]] = []
    for start, end, label in bio_spans(labels):
        out.append((label, " ".join(norm_token(t) for t in tokens[start:end])))
    return out


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from BIO tags; a stray I- opens a new span."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(labels):
        if tag == "O":
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == kind:
            spans[-1] = (spans[-1][0], i + 1, kind)
        else:
            spans.append((i, i + 1, kind))
    return spans


def base_gazetteer() -> Gazetteer:
    """The store-independent word lists (colours, materials, audiences)."""
    return Gazetteer.from_terms(color=BASE_COLORS, material=BASE_MATERIALS,
                                audience=list(BASE_AUDIENCES))


def gazetteer_from(rows: list[tuple[list[str], list[str]]], min_count: int = 1) -> Gazetteer:
    """Terms labelled at least ``min_count`` times in ``rows`` (for the gazetteer labels)."""
    counts: dict[tuple[str, str], int] = {}
    for tokens, labels in rows:
        for label, text in entities(tokens, labels):
            if label in GAZ_LABELS:
                counts[(label, text)] = counts.get((label, text), 0) + 1
    gaz = Gazetteer()
    for (label, text), n in sorted(counts.items()):
        if n >= min_count:
            gaz.add(label, text)
    return gaz


def with_types(labels: list[str], typed: list[str], words: list[str] | None = None) -> list[str]:
    """``labels`` with their product-type spans replaced by those of ``typed``.

    A span from ``typed`` is placed only where ``labels`` hold no other slot, without a
    leading article ("a toaster": 1 type in 6,681 of QueryNER train starts with one). When
    ``typed`` names no product type at all, the CRF's own stay.
    """
    spans = [(s, e) for s, e, kind in bio_spans(typed) if kind == TYPE_LABEL]
    if not spans:
        return list(labels)
    out = ["O" if tag.endswith("-" + TYPE_LABEL) else tag for tag in labels]
    for start, end in spans:
        while words and start < end - 1 and words[start] in _ARTICLES:
            start += 1
        if all(out[t] == "O" for t in range(start, end)):
            out[start:end] = [f"B-{TYPE_LABEL}"] + [f"I-{TYPE_LABEL}"] * (end - start - 1)
    return out
