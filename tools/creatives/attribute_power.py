"""How the product is powered and what it shows, as a brief states them.

"EU plug" / "Plug: 230V EU plug" -> voltage 220-240 (a plug names its mains); "CORDLESS" /
"must be plugged in to operate" -> power source "battery" / "mains"; "Supports 4K@60Hz" /
"Max resolution: 1080p" -> resolution at least 2160 / 1080 (lines). Read per clause as the
other attributes are (:mod:`tools.creatives.attribute_values`): only where the clause says it
of the product, never a negated one ("not for US outlets"), an option ("cordless or corded"),
a part's ("charger plugs in") or a charging step ("plug in to charge").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.creatives.attribute_values import GENERAL, OPTIONS, Stated, said_of_product

__all__ = ["POWER_READERS", "power_differ"]

# the mains a plug type is made for, in volts
_PLUG_VOLTS = {"eu": (220.0, 240.0), "uk": (230.0, 240.0), "au": (230.0, 240.0),
               "us": (110.0, 127.0), "north american": (110.0, 127.0)}
_PLUG = re.compile(r"(?i)\b(?P<k>EU|UK|AU|US|North American)[\s-](?:plug|outlets?|standard plug)\b")
_PLUG_LEAD = GENERAL | {"plug", "voltage", "with", "comes", "fitted", "standard", "type"}


def _plugs(clause: str, start: int) -> Iterator[Stated]:
    """The mains a named plug type fits: "EU plug" 220-240 V, "(US plug)" 110-127 V."""
    for m in _PLUG.finditer(clause):
        if re.search(r"(?i)\b(?:not|no|non|adapter|converter)\b", clause):
            return  # "not for US outlets", "EU plug adapter incl."
        lead = re.sub(r"(?i)\(|\d+(?:\.\d+)?\s?V\b[^\s]*|/", " ", clause[:m.start()])
        if said_of_product(lead, len(lead), frozenset({"plug", "voltage", "power"}),
                           _PLUG_LEAD):
            yield Stated("voltage", _PLUG_VOLTS[m.group("k").lower()], m.group(0),
                         start + m.start())


_BATTERY = re.compile(r"(?i)\b(?:cordless|wire[\s-]?free|no wires|battery[\s-](?:powered|"
                      r"operated))\b")
_MAINS = re.compile(r"(?i)\b(?:must (?:be|stay|remain) plugged in(?!\s+to\s+(?:charge|recharge))|"
                    r"(?:only )?works? only when plugged in|(?:USB[\s-])?plug-in only|"
                    r"corded(?: only| design)?|"
                    r"(?:AC|mains)[\s-]powered(?: only)?|powered by (?:the )?mains|"
                    r"USB[\s-]powered only)\b(?![\s-]+(?:or|and|/)\b)")
# the sun charges a battery: "solar powered" stands beside "battery" but not beside the mains
_SOLAR = re.compile(r"(?i)\bsolar[\s-](?:powered|operated)\b(?![\s-]+(?:or|and|/|with)\b)")
_POWER_LEAD = GENERAL | {"design", "fully", "100%", "truly", "and"}


def _power_source(clause: str, start: int) -> Iterator[Stated]:
    """What runs the product: a battery ("CORDLESS", "no wires") or the mains only."""
    if OPTIONS.search(clause):
        return  # "cordless or corded", "battery / plug-in"
    for pattern, value in ((_BATTERY, "battery"), (_MAINS, "mains only"), (_SOLAR, "solar")):
        m = pattern.search(clause)
        if m is not None and said_of_product(clause, m.start(),
                                             frozenset({"power", "power source"}), _POWER_LEAD):
            yield Stated("power source", value, m.group(0), start + m.start())
            return


def power_differ(a: str, b: str) -> bool:
    """True when two power sources exclude each other: a battery the sun charges is both."""
    return a != b and {a, b} != {"battery", "solar"}


_LINES = {"8k": 4320.0, "4320p": 4320.0, "5k": 2880.0, "4k": 2160.0, "uhd": 2160.0,
          "2160p": 2160.0, "1440p": 1440.0, "2k": 1440.0, "qhd": 1440.0, "1080p": 1080.0,
          "1080i": 1080.0, "fhd": 1080.0, "full hd": 1080.0, "720p": 720.0, "hd": 720.0,
          "480p": 480.0}
_RES = r"(?P<r>8K|4320p|5K|4K|UHD|2160p|1440p|2K|QHD|1080[pi]|FHD|Full HD|720p|480p)"
_MAX_RES = re.compile(rf"(?i)\b(?:max(?:imum|\.)?\s+resolution\s*:?\s*|"
                      rf"(?:video\s+)?resolution\s*:\s*|(?:resolution\s+)?up\s+to\s+|"
                      rf"records?\s+(?:in\s+)?)(?:true\s+)?{_RES}\b")
_SUPPORTS = re.compile(rf"(?i)\b(?:supports?|compatible with)\s+(?:up\s+to\s+)?{_RES}\b")
_ALONE = re.compile(rf"(?i)^\W*(?:true\s+)?{_RES}(?:\s+(?:UHD|HD|resolution|display|screen))?\W*$")


def _resolution(clause: str, start: int) -> Iterator[Stated]:
    """The highest resolution the product carries, in lines.

    "Max resolution: 1080p" is 1080; "Supports 4K@60Hz" at least 2160 (it may carry more);
    a clause that is only a resolution ("Monitor, 27 in., 4K") the product's own.
    """
    if OPTIONS.search(clause):
        return
    for pattern, bound in ((_MAX_RES, "="), (_SUPPORTS, ">="), (_ALONE, "=")):
        m = pattern.search(clause)
        if m is not None and said_of_product(clause, m.start(), frozenset({"resolution"}),
                                             GENERAL | {"video", "output", "display"}):
            if "up to" in m.group(0).lower():
                bound = "="
            yield Stated("top resolution", _LINES[m.group("r").lower()], m.group(0),
                         start + m.start(), bound)
            return


POWER_READERS = (_plugs, _power_source, _resolution)
