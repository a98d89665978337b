"""The brand a brief names: "by Hydra", "Brand: Hydra", or a first word that is no word.

"Hydra stainless steel water bottle" opens on a brand (a capitalised word no shopper uses
as a word, before a known product type); "Bamboo cutting board" and "Snorkel set adult:
dry top snorkel" open on the product itself (a common word, or one the brief reuses in
lower case or that a "set"/"kit" follows).
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type
from tools.creatives.common_words import common_word
from tools.creatives.heads import CUT

__all__ = ["BRAND", "find_brand"]

BRAND = re.compile(r"\b(?i:brand)(?:[ \t]?name)?[ \t]?[:=-]?[ \t]?"  # never across a line
                   r"([A-Z][\w&'+-]*(?:[ \t](?:&[ \t]|\+[ \t]|and[ \t])?[A-Z][\w&'+-]*)?)\.?"
                   r"|\b(?:by|from)[ \t]([A-Z][\w&'+-]+(?:[ \t](?:[&+][ \t])?[A-Z][\w&'+-]+)?)"
                   r"(?=[\s,.]|$)")  # "by Hearth & Wick": a brand is never cut at its "&"


def find_brand(text: str) -> tuple[str | None, str]:
    """The brand named in the brief, and the brief with that mention blanked out."""
    m = next((b for b in BRAND.finditer(text) if b.group(1) or _maker(text, b)), None)
    if m:
        name = m.group(1) or m.group(2)
        return name, text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    first = re.match(r"([A-Z][a-z]+[A-Za-z]*)\s(?=[a-z0-9])", text)
    if first and not common_word(first.group(1)) and not _names_thing(first.group(1), text):
        rest = CUT.split(text[first.end():].split(",")[0])[0]  # "Snowshoes 25 inch for.."
        found = find_type(rest)
        if found is not None and re.match(r"\s+sizes?\b", rest[found[2]:]):
            found = None  # "Clipboards 6 pack letter size": a size's name is no product
        if found is not None and find_type(first.group(1)) is None:
            return first.group(1), " " * first.end() + text[first.end():]
    return None, text


# "ship by Dec. 5", "Powered by CR2032 battery", "backed by Lifetime": a date, a part code, or
# what a verb is done by, never the maker
_NO_MAKER = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|"
                       r"thu(?:rs?)?|fri|sat|sun)[a-z]*$|.*\d")
_DONE_BY = re.compile(r"(?i)(?:\b[a-z]+ed|\bships?|\barrives?|\border|\bdelivers?|\bruns?|"
                      r"\bgoes)\s+$")


# a clause telling the buyer what to do: "check fitment by VIN", "order by size", "pay by PayPal"
_INSTRUCTION = re.compile(r"(?i)^\W*(?:please\s+)?(?:check|verify|confirm|measure|search|sort|"
                          r"filter|pay|contact|message|email|call|text|order|choose|select|"
                          r"match|look\s+up|find|compare|identify)\b")


def _maker(text: str, m: re.Match[str]) -> bool:
    """True when "by X" / "from X" names who makes the product."""
    clause = re.split(r"[,;\n|\u2022]|\s[-\u2013\u2014]\s", text[:m.start()])[-1]
    origin = m.group(0).lower().startswith("from") and (
        re.match(r"[ \t]+[a-z]", text[m.end():]) or not clause.strip())  # ", from Rajasthan."
    return (not _NO_MAKER.match(m.group(2)) and not _DONE_BY.search(text[:m.start()] + " ")
            and not _INSTRUCTION.match(clause) and not _NEGATED.search(clause)
            and not origin)  # "from Pennsylvania black cherry": where the wood grew


# "not made by Brother", "never sold by X", "no affiliation with": a maker the brief denies
_NEGATED = re.compile(r"(?i)\b(?:not|no|never|non|nor)\b|n't\b")


_COLLECTIVE = re.compile(r"\s(?:set|kit|pack|pair|bundle|combo)\b", re.IGNORECASE)


def _names_thing(word: str, text: str) -> bool:
    """True when a capitalised first word names the product, not its maker.

    "Snorkel set adult: dry top snorkel + mask": a word the brief uses again in lower case,
    or one a "set"/"kit" follows, is what is sold.
    """
    later = text[len(word):]
    return bool(re.search(rf"\b{re.escape(word.lower())}s?\b", later)
                or _COLLECTIVE.match(later))
