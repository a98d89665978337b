"""Facts in a brief that cannot all be true: "cotton, 100% polyester", "waterproof" / "not it".

A brief that contradicts itself gets a clear error naming both phrases, before anything
is drafted or stored: the listing would otherwise have to pick one and state it as fact.
Each mechanism lives in its own module: material shares (:mod:`clash_shares`), a thing
both stated and denied (:mod:`clash_negation`), any word's stem affirmed and denied
(:mod:`clash_polarity`), one event given two times (:mod:`clash_events`), a labelled slot
given another value (:mod:`clash_labels`), a one-value measure given twice
(:mod:`clash_units`), one attribute given two values (:mod:`attribute_clash`), a
substance said absent and measured (:mod:`clash_amounts`), a part or property affirmed
and denied on its own labelled line (:mod:`clash_parts`), a spec line's value and another
value of the same head in the copy (:mod:`clash_slots`), a thing said unneeded and used or a
'NOT X' heading beside X (:mod:`clash_needs`), two periods covered that share no month
(:mod:`clash_dates`), the title's own value and a labelled spec line's other value
(:mod:`clash_title_specs`).
"""

from __future__ import annotations

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_clash import check_attributes
from tools.creatives.clash_amounts import check_amounts
from tools.creatives.clash_context import off_scope
from tools.creatives.clash_dates import check_dates
from tools.creatives.clash_events import check_events
from tools.creatives.clash_labels import check_labels
from tools.creatives.clash_needs import check_needs
from tools.creatives.clash_negation import check_denials
from tools.creatives.clash_parts import check_parts
from tools.creatives.clash_polarity import check_polarity
from tools.creatives.clash_shares import WEAVES, check_shares
from tools.creatives.clash_slots import check_slots
from tools.creatives.clash_title_specs import check_title_specs
from tools.creatives.clash_units import check_units

__all__ = ["WEAVES", "check_contradictions"]


_CHECKS = (
    check_shares,
    check_denials,
    check_attributes,  # one rule: one attribute of the product, two values
    check_polarity,  # any word denied in one clause, affirmed in another
    check_parts,  # ... and where the denial sits on the same part's or property's line
    check_slots,  # a spec line's value ('Design: closed-back') and another in the copy
    check_needs,  # 'no lamp needed' beside 'under a UV lamp'; a 'NOT X' heading and X
    check_dates,  # two periods the product covers that share no month
    check_events,  # one event (shipping, charging) given two times
    check_labels,  # a labelled slot's value given otherwise elsewhere
    check_units,  # a measure the product has once (kelvin) given twice
    check_amounts,  # a substance said absent and given as an amount above a trace
    check_title_specs,  # the title's own value and a labelled spec line's other value
)


def check_contradictions(text: str) -> None:
    """Raise :class:`InvalidRequestError` when two facts of ``text`` exclude each other.

    A clash one of whose sides is said only in sentences about other products, options or
    a condition (:func:`clash_context.off_scope`) is no clash of the product.
    """
    for check in _CHECKS:
        try:
            check(text)
        except InvalidRequestError as err:
            if not off_scope(text, str(err)):
                raise
