"""Products that state the opposite of what a query asks, so search never ranks them first.

Two readings, both from the product's own words:

- the query refuses something ("shampoo without sulfates", "I hate cables",
  :func:`knowledge.nlp.negation.find_exclusions`): a product that mentions it un-negated
  ("contains sulfates"; "sulfate-free" does not count) states the opposite;
- the query needs an attribute (the knowledge expansion's needs) and the product's text says
  it only negated ("water resistant, not waterproof") while the product does not otherwise
  have it.

Search lowers these below the other products of the asked type; it does not drop them (the
shopper agent's filters decide what is excluded outright).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from knowledge.expansion import Expansion
from knowledge.nlp.negation import find_exclusions

Has = Callable[[str, Any, np.ndarray], np.ndarray]
_EVENT = re.compile(r"(?:ing|ed)$")  # a verb form names something that happens, not a thing


def refused_terms(query: str) -> list[str]:
    """What the query says it does not want ("without sulfates" -> sulfates).

    Things only: "without breaking it" refuses an event, and a listing saying "prevents
    breaking" answers the request rather than opposing it.
    """
    return [e.term for e in find_exclusions(query) if not _EVENT.search(e.term)]


def against(query: str, exp: Expansion | None, index: Any, positions: np.ndarray,
            has: Has | None = None) -> np.ndarray:
    """Per product of ``index`` (only ``positions`` read): True when it states the opposite.

    ``has(tag, index, positions)`` says which products have a needed attribute (the
    knowledge expander's ``attribute_mask``; else the index's tags).
    """
    out = np.zeros(len(index), dtype=bool)
    for term in refused_terms(query):
        out |= index.mention_mask(term)
    for tag in (exp.attributes if exp is not None else {}):
        denied = index.negated_mask(tag.replace("-", " "))
        if denied.any():
            owned = has(tag, index, positions) if has else index.tag_mask(tag)
            out |= denied & ~np.asarray(owned, dtype=bool)
    only = np.zeros(len(index), dtype=bool)
    only[np.asarray(positions, dtype=int)] = True
    return out & only
