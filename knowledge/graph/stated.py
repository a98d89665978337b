"""What the shopper stated that no need the graph serves answers.

An audience's usual needs speak for a product only when the query says nothing more than the
graph read (:func:`knowledge.graph.lines.speaks`). A number of people the product serves ("a
mum who cooks for 6 every night", "a family of 5") asks for size or capacity, and the cook's
usual non-stick does not answer it; digits are otherwise left out of the unread words (ages,
times, sizes), so the count is added back.

A requirement the shopper spells out in a "that ..." clause ("food storage containers for
leftovers that are easy to find lids for", "mat for a bathroom that doesnt get mouldy") is
the request itself: when the graph reads none of its words, a line for a need read elsewhere
("leftovers" -> microwave-safe, "bathroom" -> slip-resistant) answers the setting, not the
request (spent v22 census: 22 of 45 such lines wrong; pooled spent sets: 53 of 82 right, 0.65,
against 0.91 over the other lines of queries with such a clause).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from knowledge.graph.lines import FILLER, product_phrase
from knowledge.text import tokens

# a number after "for" / "of" counts people or servings unless a unit follows it
_COUNT = re.compile(r"\b(?:for|of)\s+(\d+)\b(?!\s*(?:[-']|\.\d))(?:\s+([a-z]+))?")
UNITS = frozenset("""year years yr yrs yo month months mo week weeks day days hour hours hr hrs
minute minutes min mins am pm ft foot feet inch inches in cm mm m km mile miles lb lbs pound
pounds kg oz ounce ounces degree degrees percent times x k""".split())


def counted_people(query: str) -> frozenset[str]:
    """Numbers the query gives as a count of people or servings ("for 6", "family of 5")."""
    found = set()
    for match in _COUNT.finditer(query.lower()):
        if match.group(2) not in UNITS:
            found.add(match.group(1))
    return frozenset(found)


_CLAUSE = re.compile(r"\b(?:that|which)\b(.*)$")


def unanswered_clause(query: str, unread: frozenset[str], tag: str, title: str) -> bool:
    """True when the query's "that ..." clause is unread and says nothing of ``tag``.

    Its content words (``unread`` holds the query's unread ones) must all be unread, none may
    name the attribute ("tote that is big and waterproof"), and the title must not say them
    all: "Screw And Seal Lid" says "lid" but not "easy to find lids" (spent v22).
    """
    found = _CLAUSE.search(query.lower())
    if found is None:
        return False
    said = [w for w in tokens(found.group(1)) if w not in FILLER and not w.isdigit()]
    stems = {w[:4] for w in tokens(tag.replace("-", " "))}
    named = set(tokens(title))
    return bool(said) and all(w in unread for w in said) and not any(
        w[:4] in stems for w in said) and not all(w in named for w in said)


def _likened(low: str, key: tuple[str, ...]) -> bool:
    """True when every place the query says ``key`` follows "like (a)": a likeness."""
    head = re.escape(key[0])
    said = len(re.findall(rf"\b{head}", low))
    return bool(said) and said == len(re.findall(rf"\blike (?:a |an |the )?{head}", low))


def weak_reads(query: str, matches: Iterable[tuple[str, ...]],
               entries: Callable[[tuple[str, ...]], Iterable[tuple[str, Any]]]) -> frozenset[str]:
    """Concepts read only from a phrase that lost its sense or from a likeness: no line.

    An alias of several words whose words reduce to one ("looking down" -> "down", "room to
    room" -> "room") is read from any query saying that word ("a baby monitor that works when
    the wifi goes down" read as neck pain); "doesnt smell like a beach" is no beach day (spent
    v22). ``entries(key)`` gives the (concept, alias assertion or None) pairs a phrase reads.
    """
    low = query.lower()
    weak: set[str] = set()
    strong: set[str] = set()
    for key in matches:
        for concept, alias in entries(key):
            collapsed = alias is not None and len(set(key)) == 1 and len(
                str(alias.head).split()) > 1
            (weak if collapsed or _likened(low, key) else strong).add(concept)
    return frozenset(weak - strong)


def idle_words(query: str, keys: Iterable[tuple[str, ...]],
               concepts_of: Callable[[tuple[str, ...]], Iterable[str]],
               asks: Callable[[str], bool]) -> frozenset[str]:
    """Words outside the product phrase read only by situations that ask nothing of its type.

    "tent for cold winter camping in the snow": "cold", "winter" and "snow" read cold weather,
    whose needs are stated for coats, boots and socks, not tents: the graph does not know what
    the situation asks of a tent, and the campers' usual waterproof does not answer it (spent
    v20/v22: winter-camping tents; "pet bowl for a dog at the beach": the pet owner's durable).
    For lines such words count as unread, as words no concept reads do; an audience read
    without needs for the type ("a kid") says who shops, not what is needed, and stays read.
    ``asks(concept)``: False for a situation with no need kept for the query's type.
    """
    keys = list(keys)
    said = set(tokens(query)) - product_phrase(query)
    answered = {w for key in keys if any(asks(c) for c in concepts_of(key)) for w in key}
    return frozenset(w for key in keys for w in key if w in said and w not in answered
                     and w not in FILLER and not w.isdigit())
