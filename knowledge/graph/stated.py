"""What the shopper stated that no need the graph serves answers: a count of people.

An audience's usual needs speak for a product only when the query says nothing more than the
graph read (:func:`knowledge.graph.lines.speaks`). A number of people the product serves ("a
mum who cooks for 6 every night", "a family of 5") asks for size or capacity, and the cook's
usual non-stick does not answer it; digits are otherwise left out of the unread words (ages,
times, sizes), so the count is added back.
"""

from __future__ import annotations

import re

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
