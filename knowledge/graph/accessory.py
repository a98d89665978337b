"""Whether the product is the type asked for, or another product that comes with one.

"Water Bottle with Straw & Protective Silicone Boot" names a boot, but the product is a bottle
and the boot its sleeve: a line on it would claim the bottle answers a request for boots (and
its "anti-slip" is the sleeve's). Census v20 class; read on the spent sets, titles that name
the asked type only after "with", behind another product type, were right in 9 of 16 labelled
lines against about 0.9 over all lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from knowledge.text import tokens

# a product name in a title ends at these; the first name is what the listing sells
_NAMES = re.compile(r"[,|;()\[\]【】]| - | – ")
_OWN_PART = re.compile(r"\b(?:with|w/|includes|including)\b|\+")


def _own(name: str) -> list[str]:
    """The tokens of a name before anything it comes with."""
    return tokens(_OWN_PART.split(name, maxsplit=1)[0])


def comes_with_asked_type(phrase: Sequence[str], title: str,
                          type_words: AbstractSet[str]) -> bool:
    """True when the title sells another type that comes *with* the asked one.

    ``phrase``: the tokens of the query's product phrase, the asked type last. The title's
    first name names another product type before "with", the asked type only after it, and
    no later name of the title calls its own product the asked type.
    """
    if not phrase:
        return False
    head = phrase[-1]
    names = _NAMES.split(title.lower())
    own, _, rest = names[0].partition(" with ")
    if not rest or head in _own(own) or head not in tokens(rest):
        return False
    if not set(tokens(own)) & (set(type_words) - {head}):
        return False
    return not any(head in _own(name) for name in names[1:])
