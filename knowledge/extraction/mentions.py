"""More values offered to the calibrated filter alone: said materials and size conversions.

The material finders keep a material only where the text says the product is made of it
("made of", "Material:", "100% X", the title's modifier), since listings name materials of
parts, uses and other things too. Labellers also write materials said in passing ("rubber
sole", "stainless steel nib", "mesh lining"), so every other material word the text says is
offered here (``GUESS`` "mention"); the filter learns from where and how it is said, and from
the gold sets, which such mentions labellers count. A size the finders kept and its
conversion beside it ('39.4in (100cm)', '1-1/2 inch (3.8 cm)', '100cm/39.4"') is the same size
said twice; the conversion is offered too (``GUESS`` "conversion").

An offer's reliability tables are kept apart from the finders' values of the same field
(``table_key``), so a noisy mention of "metal" does not lower the trust in a stated one.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.extraction.gold import norm
from knowledge.extraction.head_type import GUESS
from knowledge.extraction.own_measures import MEASURE
from knowledge.extraction.sizes import normal_measure
from knowledge.extraction.vocab import MATERIALS, UNITS

# guesses whose reliability is learned apart from the finders' values of the same field
APART = frozenset({"mention", "conversion"})
READ = ("title", "bullets", "description")
_MATERIAL = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(m) for m in sorted(MATERIALS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS if u[0].isalpha() or u in ('"', "”")),
                        key=len, reverse=True))
_NUMBER = r"(\d+(?:\.\d+)?)"
# right after a kept size: "(100cm)", "( approx. 3.8 cm)", "/ 39.4in"
_AFTER = re.compile(rf"\s*[(/（]\s*(?:approx\.?\s*|about\s*|~\s*)?{_NUMBER}\s?({_UNIT})(?![\w])",
                    re.IGNORECASE)
# right before one: "100cm (", "1000ml/"
_BEFORE = re.compile(rf"(?<![\w.]){_NUMBER}\s?({_UNIT})\s*[(/（]\s*(?:approx\.?\s*)?$",
                     re.IGNORECASE)


def table_key(key: str, spans: list[dict[str, Any]]) -> str:
    """The field name a value's reliability tables are kept under ("materials~mention")."""
    guessed = spans[0].get(GUESS) if spans else None
    return f"{key}~{guessed}" if guessed in APART else key


def add_material_mentions(result: Any, texts: dict[str, str]) -> None:
    """Offer every material the text names that the finders did not keep (first mention)."""
    if any(s.get("source") == "given" for s in result.spans.get("materials", [])):
        return
    have = {norm(v) for v in result.attributes.get("materials") or []}
    for where in READ:
        text = texts.get(where, "")
        for m in _MATERIAL.finditer(text):
            value = MATERIALS[m.group(1).lower()]
            if norm(value) in have:
                continue
            have.add(norm(value))
            result.add("materials", value, where, m.start(), m.end(), m.group(0))
            result.spans["materials"][-1][GUESS] = "mention"


def _conversion(text: str, start: int, end: int) -> tuple[str, int, int, str] | None:
    """The measure written beside ``text[start:end]`` as its conversion, with its span."""
    after = _AFTER.match(text, end)
    if after:
        return (normal_measure(after.group(1), after.group(2)), after.start(1), after.end(2),
                text[after.start(1):after.end(2)])
    before = _BEFORE.search(text[max(0, start - 24):start])
    if before:
        offset = max(0, start - 24)
        return (normal_measure(before.group(1), before.group(2)), offset + before.start(1),
                offset + before.end(2), before.group(1) + before.group(2))
    return None


def add_conversions(result: Any, texts: dict[str, str]) -> None:
    """Offer the conversion written beside any mention of a size the finders kept."""
    spans = result.spans.get("sizes", [])
    if any(s.get("source") == "given" for s in spans):
        return
    kept = {norm(s["value"]) for s in spans if s.get("source") == "extracted"
            and not s.get(GUESS) and re.search(r"\d", str(s["value"]))}
    have = {norm(v) for v in result.attributes.get("sizes") or []}
    for where in READ:
        text = texts.get(where, "")
        for m in MEASURE.finditer(text):
            if norm(normal_measure(m.group(1), m.group(2))) not in kept:
                continue
            found = _conversion(text, m.start(), m.end())
            if found is None or norm(found[0]) in have:
                continue
            have.add(norm(found[0]))
            value, start, end, said = found
            result.add("sizes", value, where, start, end, said)
            result.spans["sizes"][-1][GUESS] = "conversion"

