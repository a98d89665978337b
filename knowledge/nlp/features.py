"""Token features for the slot tagger: word, shape, affixes, neighbours, gazetteer hits."""

from __future__ import annotations

import re

from knowledge.nlp.gazetteer import Gazetteer

_FUNCTION = frozenset("for with without and or in of to on the a an by from no not size".split())
_NUMBER = re.compile(r"^\$?\d+(?:[.,/]\d+)*")


def shape(word: str) -> str:
    """Compressed character classes: "iphone14" -> "a0", "3t" -> "0a", "$30" -> "$0"."""
    out = []
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


def sentence_features(words: list[str], gazetteer: Gazetteer) -> list[dict[str, str | float]]:
    """One feature dict per (normalised) word, including its neighbours and gazetteer hits."""
    n = len(words)
    gaz = gazetteer.token_features(words)
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
        feats.append(f)
    return feats
