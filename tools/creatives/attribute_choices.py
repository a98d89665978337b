"""The product's build choices as a brief states them: settings, tiers, charging port, place.

"5 speeds" / "Speeds: 3" -> speed settings 5 / 3; "3-tier" / "4 tiers" -> tiers 3 / 4;
"USB-C charging" / "Charging port: Micro-USB" -> charging port "usb-c" / "micro-usb";
"for indoor use only" / "indoor/outdoor use" -> where used "indoor only" / "outdoors too".
Read per clause as the other attributes are (:mod:`tools.creatives.attribute_values`): only
where the clause says it of the product, never a part's ("remote: 3 modes"), an option
("3 or 5 tiers") or a cable's two ends ("USB-C to Lightning charging cable").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.creatives.attribute_values import (
    GENERAL,
    NUMBER,
    OPTIONS,
    Stated,
    clauses,
    label_of,
    number,
    said_of_product,
)
from tools.creatives.heads import OBJECT_VERBS

__all__ = ["CHOICE_READERS", "works_on"]

_KINDS = r"speed|heat|temperature|brightness|power|suction|fan|timer|massage|vibration"
_SETTING = re.compile(rf"(?i)(?<![\w.-]){NUMBER}(?:\s(?P<s>speed)s\b|-(?P<h>speed)\b|"
                      rf"[\s-](?P<k>{_KINDS})[\s-](?:settings?|levels?|modes?)\b)")
_SETTING_LABEL = re.compile(r"(?i)^\s*(?P<k>speed|heat|temperature|brightness|power|suction|fan)"
                            r"\s*(?:settings?|levels?|modes?)?s?\s*:\s*(?P<n>\d+)\b(?!\s*(?:W|V|"
                            r"RPM|mph|°|%))")
_CHOICE_LEAD = GENERAL | {"with", "adjustable", "variable", "features", "has", "offers", "up",
                          "to", "selectable", "different"}


def _settings(clause: str, start: int) -> Iterator[Stated]:
    """How many settings of one kind the product has: "5 speeds", "Speeds: 3"."""
    if OPTIONS.search(clause) or re.search(r"(?i)\+|\bplus\b|\bturbo\b|\bboost\b", clause):
        return  # "5 speeds + turbo" is six or five, as one reads it
    label = _SETTING_LABEL.match(clause)
    if label is not None:
        yield Stated(f"{label.group('k').lower()} settings", float(label.group("n")),
                     clause.strip(), start)
        return
    for m in _SETTING.finditer(clause):
        if said_of_product(clause, m.start(), frozenset({"settings", "speeds", "modes"}),
                           _CHOICE_LEAD):
            kind = (m.group("s") or m.group("h") or m.group("k")).lower()
            yield Stated(f"{kind} settings", number(m.group("n")),
                         m.group(0), start + m.start())


_TIERS = re.compile(rf"(?i)(?<![\w.-]){NUMBER}[\s-]tiers?\b|\btiers?\s*:\s*(?P<t>\d+)\b")


def _tiers(clause: str, start: int) -> Iterator[Stated]:
    """How many tiers the product has: "3-tier", "Tiers: 4"."""
    if OPTIONS.search(clause):
        return
    m = _TIERS.search(clause)
    if m is not None and said_of_product(clause, m.start(), frozenset({"tiers", "tier"}),
                                         _CHOICE_LEAD | {"shelf", "rack", "stand", "cart"}):
        value = number(m.group("n")) if m.group("n") else float(m.group("t"))
        yield Stated("tiers", value, m.group(0), start + m.start())


_PORTS = {"usb-c": "usb-c", "usb c": "usb-c", "type-c": "usb-c", "type c": "usb-c",
          "micro-usb": "micro-usb", "micro usb": "micro-usb", "lightning": "lightning",
          "mini-usb": "mini-usb", "mini usb": "mini-usb"}
_PORT = r"(?P<p>USB[- ]C|Type[- ]C|Micro[- ]USB|Mini[- ]USB|Lightning)"
_CHARGING = (re.compile(rf"(?i)\b{_PORT}\s+(?:charging|rechargeable|charge port|charging port)\b"),
             re.compile(rf"(?i)\b(?:charging(?:\s+port)?|charges?\s+(?:via|with|through|by))"
                        rf"\s*:?\s*{_PORT}\b"))


def _charging_port(clause: str, start: int) -> Iterator[Stated]:
    """The port the product charges through: "USB-C charging", "Charging port: Micro-USB"."""
    if OPTIONS.search(clause) or re.search(r"(?i)\b(?:to|cable|cord|adapter|charger|case)\b",
                                           clause):
        return  # "USB-C to Lightning charging cable": the cable's ends
    for pattern in _CHARGING:
        m = pattern.search(clause)
        label = label_of(clause)
        if m is not None and (label is None or label.group("label").strip().lower()
                              in {"charging", "charging port", "port", "charge"}):
            port = _PORTS[re.sub(r"\s+", " ", m.group("p").lower())]
            yield Stated("charging port", port, m.group(0), start + m.start())
            return


_INDOOR_ONLY = re.compile(r"(?i)\b(?:(?:for\s+)?indoor\s+use\s+only|indoors?\s+only|"
                          r"not\s+for\s+outdoor\s+use|do\s+not\s+use\s+outdoors)\b")
_OUTDOORS = re.compile(r"(?i)\b(?:indoor\s*(?:/|&|and|or)\s*outdoor(?:\s+use)?|"
                       r"(?:suitable|safe|made|rated)\s+for\s+outdoor\s+use|outdoor[\s-]rated|"
                       r"use\s+(?:indoors\s+(?:and|or|&)\s+)?outdoors|"
                       r"leave\s+(?:it\s+)?outdoors|outdoors\s+(?:all\s+)?year[\s-]round)\b")


_WHERE_LABELS = frozenset({"use", "usage", "weatherproof", "placement", "location"})


def _where_used(clause: str, start: int) -> Iterator[Stated]:
    """Where the product may be used: "for indoor use only" beside "indoor/outdoor"."""
    for pattern, value in ((_INDOOR_ONLY, "indoor only"), (_OUTDOORS, "outdoors too")):
        m = pattern.search(clause)
        if m is not None and said_of_product(clause, m.start(), _WHERE_LABELS,
                                             GENERAL | {"for", "great", "ideal", "perfect"}):
            yield Stated("where used", value, m.group(0), start + m.start())


_FITS = re.compile(r"(?i)^(?:fits|compatible with|works with|for use with|designed for|for)\s+"
                   r"(?P<o>[^,;()]+?)\s*\.?$")
_FITS_NOT = re.compile(r"(?i)^(?:not\s+(?:compatible\s+with|for(?:\s+use\s+with)?|designed\s+for)|"
                       r"does\s+not\s+fit|doesn't\s+fit|won't\s+fit|will\s+not\s+fit|"
                       r"incompatible\s+with)\s+(?P<o>[^,;()]+?)\s*\.?$")
_ARTICLES = re.compile(r"(?i)\b(?:the|a|an|all|most|any|your)\s+")


def _fits(clause: str, start: int) -> Iterator[Stated]:
    """What the product fits, whole clause as its object: "fits iPhone 15" / "not for iPhone 15".

    Only the same whole object clashes: "for HP 63XL" and "not for HP 63 setup cartridges"
    name two things; "for kids" and "not for kids under 3" too.
    """
    text = clause.strip()
    for pattern, value in ((_FITS_NOT, "no"), (_FITS, "yes")):
        m = pattern.match(text)
        if m is not None:
            obj = _ARTICLES.sub("", m.group("o")).lower().strip()
            yield Stated(f"fits {obj}", value, text, start)
            return


_HEATED = re.compile(r"(?i)\b(?:(?:microwave|heat)\s+(?:it\s+)?(?:for\s+)?\d+(?:\s*-\s*\d+)?\s*"
                     r"(?:sec|secs|seconds|s|min|mins|minutes)\b|warm compress|"
                     r"microwave[\s-]safe|heats?\s+in\s+(?:the\s+)?microwave|hot\s*(?:or|&|and|/)"
                     r"\s*cold\s+(?:use|therapy|compress))")
_NOT_HEATED = re.compile(r"(?i)\b(?:(?:never|do\s+not|don't)\s+(?:heat|microwave|warm)|"
                         r"(?:for\s+)?cold\s+use\s+only|not\s+microwave[\s-]safe|"
                         r"not\s+for\s+(?:hot|heat|warm)\s+use)\b")
_SEE_THROUGH = re.compile(r"(?i)\b(?:crystal[\s-]clear|see[\s-]through|transparent)\b")
_OPAQUE = re.compile(r"(?i)\b(?:opaque|frosted|(?:can't|cannot|can\s+not)\s+see\s+through|"
                     r"not\s+see[\s-]through|blackout)\b")
_LOOK_LEAD = GENERAL | {"for", "use", "finish", "after", "when", "fully", "100%", "full",
                        "privacy", "you", "hot", "cold", "to", "warm"}


def _heat_and_look(clause: str, start: int) -> Iterator[Stated]:
    """Whether the product may be heated and whether one sees through it, said of it.

    "Hot: microwave 10-15 sec." beside "FOR COLD USE ONLY - never heat"; "crystal clear,
    see-through" beside "frosted opaque finish": one product, two answers.
    """
    label = label_of(clause)
    name = label.group("label").strip().lower() if label else ""
    for attribute, pairs in (("heated", ((_NOT_HEATED, "no"), (_HEATED, "yes"))),
                             ("see-through", ((_OPAQUE, "no"), (_SEE_THROUGH, "yes")))):
        for pattern, value in pairs:
            m = pattern.search(clause)
            if m is not None and (name in {"hot", "heat", "warm", "use", "finish", "look"}
                                  or said_of_product(clause, m.start(), frozenset(),
                                                     _LOOK_LEAD)):
                yield Stated(attribute, value, m.group(0), start + m.start())
                break


_HAND = re.compile(r"(?i)\b(?:hand\s*:\s*(?P<a>left|right)\b|(?P<b>left|right)[\s-]hand(?:ed)?\b|"
                   r"for\s+(?:the\s+)?(?P<c>left|right)\s+hand\b)")


def _hand(clause: str, start: int) -> Iterator[Stated]:
    """Which hand the product is for: "LEFT hand" beside "Hand: Right" (not "left or right")."""
    if OPTIONS.search(clause) or re.search(r"(?i)\bboth\b|\bambidextrous\b", clause):
        return
    m = _HAND.search(clause)
    if m is not None:
        side = (m.group("a") or m.group("b") or m.group("c")).lower()
        yield Stated("hand", side, m.group(0), start + m.start())


_ITEM = re.compile(r"(?i)(?P<item>[a-z][a-z-]+(?:\s(?!not\b)[a-z][a-z-]+)?)\s*\(?\s*(?P<s>included|"
                   r"incl\b|"
                   r"sold\s+separately|not\s+included|not\s+incl\b)")


def _item_status(clause: str, start: int) -> Iterator[Stated]:
    """Whether a named item comes with it, said of that item.

    "phone holder included" / "Phone holder sold separately" name one item twice; "tape
    (incl.) & hair dryer (not incl.)" name two items.
    """
    for m in _ITEM.finditer(clause):
        item = m.group("item").lower()
        if item.split()[-1] in {"not", "is", "are", "be", "also", "and", "&"}:
            continue
        value = "yes" if m.group("s").lower().startswith(("included", "incl")) else "no"
        yield Stated(f"comes with the {item}", value, m.group(0), start + m.start())


CHOICE_READERS = (_settings, _tiers, _charging_port, _where_used, _fits, _heat_and_look, _hand,
                  _item_status)


_NOT_FOR = re.compile(r"(?i)^\W*(?:not\s+for|do\s+not\s+use\s+on|never\s+use\s+on|won't\s+cut|"
                      r"will\s+not\s+cut|does\s+not\s+cut)\s+(?:use\s+on\s+)?"
                      r"(?P<x>[a-z][a-z -]{2,40}?)\s*(?:\(|$|\.)")
_WORKS = re.compile(rf"(?i)^\W*(?:{OBJECT_VERBS})\s")
_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "to", "up", "with", "incl",
                    "including", "mm", "in.", "use"})


def _words(text: str) -> set[str]:
    """The content words of ``text``, singular ("tiles" -> "tile")."""
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z]+", text.lower()) if w not in _SMALL}


def works_on(text: str) -> list[Stated]:
    """What the product works on, said both ways.

    "Cuts glass 3-12 mm incl. tempered" beside "Not for tempered glass": every word of the
    "not for" object stands in the clause of the product's working verb.
    """
    parts = clauses(text)
    lines = [(m.group(0), m.start()) for m in re.finditer(r"[^\n|\u2022;]+", text)]  # commas in
    found = []
    for neg, at in parts:
        m = _NOT_FOR.match(neg)
        if m is None:
            continue
        objects = _words(m.group("x"))
        for pos, pat in lines if objects else ():
            if _WORKS.match(pos) and not re.search(r"(?i)\bnot\b", pos) and \
                    objects <= _words(pos):
                attribute = "works on " + m.group("x").strip().lower()
                found += [Stated(attribute, "yes", pos.strip(), pat),
                          Stated(attribute, "no", neg.strip(), at)]
    return found
