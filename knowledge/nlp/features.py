"""Token features for the slot tagger: word, shape, affixes, neighbours, gazetteer hits."""

from __future__ import annotations

import re
from typing import Protocol


class Gazetteers(Protocol):
    """Anything giving per-token gazetteer features (a Gazetteer or a GazetteerStack)."""

    def token_features(self, words: list[str]) -> list[dict[str, float]]:
        """``gaz:<label>:B|I`` features per word."""


class Clusters(Protocol):
    """Word -> cluster id per granularity (see knowledge.nlp.wordvec.WordClusters)."""

    def of(self, word: str) -> dict[str, str]:
        """Cluster ids of ``word``."""

_FUNCTION = frozenset("for with without and or in of to on the a an by from no not size".split())
_NUMBER = re.compile(r"^\$?\d+(?:[.,/]\d+)*")


def shape(word: str) -> str:
    """Compressed character classes: "iphone14" -> "a0", "3t" -> "0a", "$30" -> "$0"."""
    out: list[str] = []
    for ch in word:
        kind = "0" if ch.isdigit() else "a" if ch.isalpha() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _word_features(word: str) -> dict[str, str | float]:
    return {
        "w": word, "p3": word[:3], "s2": word[-2:], "s3": word[-3:], "s4": word[-4:],
        "shape": shape(word), "len": str(min(len(word), 9)),
        "digit": float(any(c.isdigit() for c in word)),
        "num": float(bool(_NUMBER.match(word))),
        "func": float(word in _FUNCTION),
        "possessive": float(word.endswith(("'s", "s'", "’s"))),
    }


STAT_LABELS = ("product_type", "modifier", "brand", "content", "product_name", "size")
WordStats = dict[str, dict[str, float]]


def word_stats(rows: list[tuple[list[str], list[str]]]) -> WordStats:
    """Per word: how often it was labelled each of :data:`STAT_LABELS` (words seen twice+)."""
    counts: dict[str, dict[str, float]] = {}
    for words, labels in rows:
        for word, label in zip(words, labels, strict=True):
            row = counts.setdefault(word, {"_n": 0.0})
            row["_n"] += 1
            kind = label.split("-", 1)[-1]
            if kind in STAT_LABELS:
                row[kind] = row.get(kind, 0.0) + 1
    return {w: {k: v / row["_n"] for k, v in row.items() if k != "_n"} | {"_n": row["_n"]}
            for w, row in counts.items() if row["_n"] >= 2}


def _stat_features(word: str, stats: WordStats | None) -> dict[str, str | float]:
    row = (stats or {}).get(word)
    if row is None:
        return {"stat:unseen": 1.0}
    return {f"stat:{k}": str(min(4, int(row[k] * 5))) for k in STAT_LABELS if k in row}


def sentence_features(words: list[str], gazetteer: Gazetteers, stats: WordStats | None = None,
                      clusters: Clusters | None = None) -> list[dict[str, str | float]]:
    """One feature dict per (normalised) word: itself, neighbours, gazetteer hits, label stats."""
    n = len(words)
    gaz = gazetteer.token_features(words)
    word_stat = [_stat_features(w, stats) for w in words] if stats is not None else None
    feats: list[dict[str, str | float]] = []
    for i, word in enumerate(words):
        f: dict[str, str | float] = {"bias": 1.0, **_word_features(word)}
        f["from_end"] = str(min(n - 1 - i, 3))
        f["from_start"] = str(min(i, 3))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                other = words[j]
                f[f"{offset}:w"] = other
                f[f"{offset}:shape"] = shape(other)
                if abs(offset) == 1:
                    f[f"{offset}:s3"] = other[-3:]
                    for name in gaz[j]:
                        f[f"{offset}:{name}"] = 1.0
            else:
                f[f"{offset}:edge"] = 1.0
        if i > 0:
            f["-1|w"] = f"{words[i - 1]}|{word}"
        if i < n - 1:
            f["w|+1"] = f"{word}|{words[i + 1]}"
        f.update(gaz[i])
        if word_stat is not None:
            f.update(word_stat[i])
            for offset in (-1, 1):
                if 0 <= i + offset < n:
                    f.update({f"{offset}:{k}": v for k, v in word_stat[i + offset].items()})
        if clusters is not None:
            for offset in (-1, 0, 1):
                if 0 <= i + offset < n:
                    ids = clusters.of(words[i + offset])
                    f.update({f"{offset}:{k}": v for k, v in ids.items()})
        feats.append(f)
    return feats
