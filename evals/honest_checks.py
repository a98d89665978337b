"""Independent checks for honest answers (written before the code they measure).

- :func:`catalogue_has_type`: is a requested product type carried? Exact membership in the
  catalogue's type list, where a carried type also counts when the request names its head
  ("headphones" is carried by "wireless headphones") or a narrower form of it ("trail running
  shoes" by "running shoes"). Plurals are folded.
- :func:`says_dont_carry`: the reply's first sentence says the store does not carry something.
- :func:`unshown_type_mentions`: product types a reply names that no card shows (a type named
  only to say it is not carried is allowed).

These never import the shopper guard: they are the yardstick it is measured with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_DONT_CARRY = re.compile(r"\b(?:don'?t|do not|doesn'?t|does not|no longer) (?:carry|sell|stock"
                         r"|have)\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+")


def singular(word: str) -> str:
    """Fold a simple English plural (boxes -> box, ponies -> pony, shoes -> shoe)."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def normal(phrase: str) -> str:
    """Lower case, hyphens as spaces, every word singular."""
    return " ".join(singular(w) for w in re.findall(r"[a-z0-9]+", phrase.lower()))


def catalogue_has_type(requested: str, types: Iterable[str]) -> bool:
    """True when ``requested`` equals a carried type, is its head, or narrows it."""
    want = normal(requested)
    for kind in types:
        have = normal(kind)
        if not have:
            continue
        if want == have or have.endswith(" " + want) or want.endswith(" " + have):
            return True
    return False


def first_sentence(reply: str) -> str:
    """The reply up to its first sentence end (``;`` counts)."""
    parts = _SENTENCES.split(reply.strip(), maxsplit=1)
    return parts[0] if parts else ""


def says_dont_carry(reply: str) -> bool:
    """The reply opens by saying the store does not carry something."""
    return bool(_DONT_CARRY.search(first_sentence(reply)))


def _mentions(text: str, lexicon: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) mentions, longest types first, plurals allowed."""
    found: list[tuple[int, int, str]] = []
    low = text.lower().replace("-", " ")
    for kind in sorted(set(lexicon), key=len, reverse=True):
        words = normal(kind).split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words[:-1])
        last = re.escape(words[-1])
        pattern = (body + r"\s+" if body else "") + rf"{last}(?:s|es)?"
        tail = words[-1][:-1] + r"ies" if words[-1].endswith("y") else None
        if tail:
            pattern = (body + r"\s+" if body else "") + rf"(?:{last}|{tail})"
        for m in re.finditer(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", low):
            if all(m.end() <= s or m.start() >= e for s, e, _ in found):
                found.append((m.start(), m.end(), kind))
    return found


def unshown_type_mentions(reply: str, cards: list[dict[str, Any]],
                          lexicon: Iterable[str]) -> list[str]:
    """Types from ``lexicon`` the reply names although no card's title or type shows them.

    A mention inside a "we don't carry ..." clause is an honest statement, not a claim.
    """
    shown = " | ".join(normal(f"{c.get('title', '')} {c.get('type') or ''}") for c in cards)
    bad: list[str] = []
    for sentence in _SENTENCES.split(reply):
        negated_until = -1
        dont = _DONT_CARRY.search(sentence)
        if dont:
            rest = sentence[dont.end():]
            stop = re.search(r"[;,.]|\bbut\b|\bthe closest\b", rest)
            negated_until = dont.end() + (stop.start() if stop else len(rest))
        for start, _end, kind in _mentions(sentence, lexicon):
            if dont and dont.end() <= start < negated_until:
                continue
            if not re.search(rf"(?<![a-z0-9]){re.escape(normal(kind))}(?![a-z0-9])", shown):
                bad.append(kind)
    return bad
