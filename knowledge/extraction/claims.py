"""Feature tags whose word alone does not state the property of this product.

"Smart" is a connected device's tag, but listings say it of anything ("Smart Water Filter",
"Smart Desk to Dinner Pant", "SMART BALL RETURN SYSTEM"): it counts only when the listing
names a connection (Wi-Fi, an app, a voice assistant). "Odorless" says a fragrance-free
product has no scent, but said of a material ("odorless silicone", "the EVA material is
odorless") it says the material does not smell, which is no unscented product. A case or
cover names the device it holds ("Wireless Charging", "Fire HD 8", "Smart Cover"): those
tags are the device's, not the cover's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from knowledge.extraction.finders import _CLAUSE_END, find_terms, material_items

_CONNECTED = re.compile(r"\b(?:wi-?fi|alexa|google (?:assistant|home)|siri|homekit|smartthings|"
                        r"(?:smart ?phone |mobile )?app\b|voice control)", re.IGNORECASE)
_ODOURLESS = re.compile(r"odou?rless", re.IGNORECASE)


def drop_unstated(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]],
                  texts: dict[str, str]) -> None:
    """Drop "smart" from an unconnected listing and "unscented" read from an odourless material."""
    connected = any(_CONNECTED.search(t) for t in texts.values())
    _keep_features(attributes, spans, lambda s: not (
        (s["value"] == "smart" and not connected)
        or (s["value"] == "unscented" and _ODOURLESS.fullmatch(s["text"])
            and _of_material(texts.get(s["field"], ""), s["start"], s["end"]))))


# a case or cover is made to hold a device: "Wireless Charging", "Front LED Visible", "Fire HD 8",
# "Smart Cover" are that device's (what the cover passes through or fits), not its own
PROTECTIVE = frozenset({"case", "cover", "skin", "shell", "bumper", "sleeve", "protector"})
DEVICE_FEATURES = frozenset({"hd", "4k", "smart", "wireless", "bluetooth", "led", "touch-screen",
                             "noise-cancelling", "long-battery", "fast-charging", "usb-c",
                             "rechargeable", "rgb", "dimmable"})
_DEVICE_CASES = frozenset({"charging", "battery", "keyboard", "charger", "speaker", "light"})


def drop_device_features(attributes: dict[str, Any],
                         spans: dict[str, list[dict[str, Any]]]) -> None:
    """Drop a device's feature tags from a protective case or cover made for that device.

    A charging, battery or keyboard case is a device itself and keeps them.
    """
    words = str(attributes.get("type") or "").split()
    if words and words[-1] in PROTECTIVE and not _DEVICE_CASES & set(words):
        _keep_features(attributes, spans, lambda s: s["value"] not in DEVICE_FEATURES)


def _keep_features(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]],
                   keep: Callable[[dict[str, Any]], bool]) -> None:
    """Keep the feature values with a span that ``keep`` accepts (the key goes when none is)."""
    if not attributes.get("features"):
        return
    spans["features"] = [s for s in spans.get("features", []) if keep(s)]
    values = {s["value"] for s in spans["features"]}
    attributes["features"] = [v for v in attributes["features"] if v in values]
    if not attributes["features"]:
        del attributes["features"]


def _of_material(text: str, start: int, end: int) -> bool:
    """True when the clause around ``[start, end)`` names a material."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return bool(find_terms(text[left:right.start() if right else len(text)], material_items()))
