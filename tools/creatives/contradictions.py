"""Facts in a brief that cannot all be true: "cotton, 100% polyester", "waterproof" / "not it".

A brief that contradicts itself gets a clear error naming both phrases, before anything
is drafted or stored: the listing would otherwise have to pick one and state it as fact.
Each mechanism lives in its own module: material shares (:mod:`clash_shares`), a thing
both stated and denied (:mod:`clash_negation`), one attribute given two values
(:mod:`attribute_clash`).
"""

from __future__ import annotations

from tools.creatives.attribute_clash import check_attributes
from tools.creatives.clash_negation import check_denials
from tools.creatives.clash_shares import WEAVES, check_shares

__all__ = ["WEAVES", "check_contradictions"]


def check_contradictions(text: str) -> None:
    """Raise :class:`InvalidRequestError` when two facts of ``text`` exclude each other."""
    check_shares(text)
    check_denials(text)
    check_attributes(text)  # one rule: one attribute of the product, two values
