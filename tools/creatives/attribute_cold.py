"""The coldest a product (a plant, a tent, a sleeping bag) takes, as a brief bounds it both ways.

"Hardy down to -30°F", "survives to -10 C", "comfort rating -5°C" say the coldest it takes is
at most that ("<="); "dies if the temperature drops below 20°F", "protect from temperatures
under 5°C", "frost-tender" (frost is 0°C) say it is at least that (">="). Statements of
:mod:`tools.creatives.attribute_clash`'s one rule: bounds that no one temperature satisfies
("hardy to -30°F" beside "dies below 20°F") cannot both hold. A bound in a sentence about
options, other products or a part is left out by that rule's scope guard.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import Stated

__all__ = ["cold_limits"]

_ATTRIBUTE = "the coldest it takes"
_TEMP = r"(?P<n>[-\u2212]?\d+(?:\.\d+)?)\s*\u00b0?\s*(?P<u>[FC])\b"
_TAKES = re.compile(rf"(?i)\b(?:cold[- ]hardy|frost[- ]hardy|hardy|survives?|withstands?|"
                    rf"tolerates?|rated|comfort\s+rating)\s*(?::\s*)?(?:down\s+)?(?:to\s+)?"
                    rf"(?:temperatures?\s+(?:as\s+low\s+as|of|down\s+to)\s+)?{_TEMP}")
_DIES = re.compile(rf"(?i)\b(?:dies?|damaged?|killed|(?:won't|will\s+not|cannot|can't)\s+survive|"
                   rf"protect\s+(?:it\s+)?from|bring\s+(?:it\s+)?(?:indoors|inside))\b[^.\n;]{{0,40}}?"
                   rf"\b(?:below|under|colder\s+than|lower\s+than)\s+{_TEMP}")
_FROST_TENDER = re.compile(r"(?i)\b(?:frost[- ]tender|frost[- ]sensitive|not\s+frost[- ]hardy|"
                           r"tender\s+(?:perennial|plant))\b")


def _celsius(m: re.Match[str]) -> float:
    """The temperature of a match in degrees Celsius."""
    value = float(m["n"].replace("\u2212", "-"))
    return (value - 32) * 5 / 9 if m["u"].upper() == "F" else value


# a bound said of one stage of the product's life: "once established", "young plants"
_STAGE = re.compile(r"(?i)\b(?:(?:once|until|when)\s+(?:established|mature)|first\s+(?:winter|year|"
                    r"season)|young|new(?:ly)?\s+planted|seedlings?)\b")


def _line(text: str, at: int) -> str:
    """The line holding offset ``at``."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def cold_limits(text: str) -> list[Stated]:
    """Every bound the brief puts on the coldest the product takes (in degrees Celsius)."""
    found = [Stated(_ATTRIBUTE, _celsius(m), m.group(0).strip(), m.start(), "<=")
             for m in _TAKES.finditer(text)]
    if not found:
        return []
    found += [Stated(_ATTRIBUTE, _celsius(m), m.group(0).strip(), m.start(), ">=")
              for m in _DIES.finditer(text)]
    found += [Stated(_ATTRIBUTE, 0.0, m.group(0), m.start(), ">=")
              for m in _FROST_TENDER.finditer(text)]
    return [s for s in found if not _STAGE.search(_line(text, s.start))]
