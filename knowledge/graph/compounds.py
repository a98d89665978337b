"""Hyphenated words that are not their parts, for matching the knowledge's phrases.

Search's tokens keep a hyphenated word whole and add its parts ("slip-on" -> slip-on, slip),
which helps retrieval. A verb joined to a particle makes a new word, though: "slip-on shoes"
are easy to put on, not about slipping; "pull-up pants", "walk-in shower", "carry-on bag". A
knowledge phrase that needs such a part alone does not match it.
"""

from __future__ import annotations

import re

from knowledge.text import stem

# joined to one of these by a hyphen a verb makes a new word: "slip-on" is no slip
PARTICLES = frozenset("on off up in out over down away back".split())
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def bound_parts(query: str) -> dict[str, str]:
    """Words the query says only inside a hyphenated verb-particle word, with that word.

    "slip-on shoes for a nurse" says "slip" only as part of "slip-on": a phrase that reads
    "slip" alone (slipping) must not match there; "slip-on" itself still does.
    """
    text = query.lower()
    alone = {stem(w) for w in _COMPOUND.sub(" ", text).split()}
    bound: dict[str, str] = {}
    for word in _COMPOUND.findall(text):
        parts = word.split("-")
        if PARTICLES & set(parts[1:]):
            for part in parts:
                if part not in PARTICLES and stem(part) not in alone:
                    bound[stem(part)] = stem(word)
    return bound
