"""The product's limits as a brief states them: runtime, top temperature, ages, load, water, speed.

"Battery life: 10 hrs" / "lasts up to 6 hours per charge" -> runtime 10 / 6 (hours); "oven
safe to 500°F" / "Max temp: 260°C" -> max temperature 500 / 500 (°F); "ages 3+" / "for ages 8
and up" / "Age: 18 months+" -> min age 36 / 96 / 18 (months). Read per clause as the other
attributes are (:mod:`tools.creatives.attribute_values`): only where the clause says it of
the product, never a part's ("lid oven safe to 350°F"), a mode's ("6 hrs on high"), a
case's ("30 hrs with case"), a standby or charging time, or a warning ("not for under 3").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from tools.creatives.attribute_values import GENERAL, OPTIONS, Stated, said_of_product

__all__ = ["LIMIT_READERS"]

_HOURS = {"h": 1.0, "hr": 1.0, "hrs": 1.0, "hour": 1.0, "hours": 1.0, "min": 1 / 60,
          "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60}
_TIME = r"(?P<n>\d+(?:\.\d+)?)[\s-]?(?P<u>hours?|hrs?|h|minutes?|mins?)\b\.?"
_RUNTIME = (re.compile(rf"(?i)\b(?:battery life|battery|run[\s-]?time|play[\s-]?time)\s*(?::|-|of)?"
                       rf"\s*(?:up to|approx\.?|about|~)?\s*{_TIME}"),
            re.compile(rf"(?i)\b(?:lasts?|runs?|plays?)\s+(?:up to\s+|approx\.?\s+|about\s+)?"
                       rf"{_TIME}\s*(?:per|on a|on one|on a single|on a full)\s+charge"),
            re.compile(rf"(?i)(?<![\w.-]){_TIME}\s*(?:per charge|(?:of\s+)?(?:battery life|"
                       rf"playtime|play time|run ?time|listening time|music time)(?:\s+per "
                       rf"charge)?(?![\s-]*(?:with|w/|in\s+total|total)\b))"))
_OTHER_TIME = re.compile(r"(?i)\b(?:standby|talk|charg(?:e|es|ed|ing)\s+(?:in|time)|charging|"
                         r"recharge|on (?:high|low|max|eco|turbo)|high mode|low mode|setting|"
                         r"with (?:the )?case|w/ case|total|including|incl|brightness)\b|\d+%")
_RUNTIME_LABELS = frozenset({"battery", "battery life", "runtime", "run time", "playtime"})
_LIMIT_LEAD = GENERAL | {"battery", "life", "run", "time", "runtime", "play", "playtime", "lasts",
                         "last", "runs", "long", "long-lasting", "rechargeable", "up", "to",
                         "approx", "approx.", "about", "oven", "safe", "heat", "resistant",
                         "withstands", "max", "max.", "maximum", "temp", "temp.", "temperature",
                         "for", "ages", "age", "suitable", "recommended", "kids", "children",
                         "and", "+"}


def _runtime(clause: str, start: int) -> Iterator[Stated]:
    """How long the product runs on a charge: "Battery life: 10 hrs", "6 hrs per charge"."""
    if _OTHER_TIME.search(clause) or OPTIONS.search(clause):
        return
    for pattern in _RUNTIME:
        for m in pattern.finditer(clause):
            if start == 0 or said_of_product(clause, m.start(), _RUNTIME_LABELS, _LIMIT_LEAD):
                hours = float(m.group("n")) * _HOURS[m.group("u").lower().rstrip(".")]
                yield Stated("runtime", hours, m.group(0).strip(), start + m.start())
                return


_DEGREES = r"(?P<n>-?\d+(?:\.\d+)?)\s?(?:°|º|degrees?\s?)?\s?(?P<u>[FC])\b"
_MAX_TEMP = (re.compile(rf"(?i)\b(?:(?:oven|heat)[\s-](?:safe|resistant|proof)|withstands|safe)"
                        rf"\s+(?:up\s+)?to\s+{_DEGREES}"),
             re.compile(rf"(?i)\bmax(?:imum|\.)?\s*temp(?:erature)?\.?\s*(?::|-|of)?\s*{_DEGREES}"))
_TEMP_LABELS = frozenset({"max temp", "max. temp", "max temperature", "maximum temperature",
                          "heat resistance", "oven safe", "temperature resistance", "max temp."})


def _max_temperature(clause: str, start: int) -> Iterator[Stated]:
    """The product's top temperature: "oven safe to 500°F", "Max temp: 260°C" (in °F)."""
    if OPTIONS.search(clause):
        return
    m = _MAX_TEMP[0].search(clause) or _MAX_TEMP[1].search(clause)
    if m is None or start and not said_of_product(clause, m.start(), _TEMP_LABELS, _LIMIT_LEAD):
        return  # the first clause is the product's name: "Skillet oven safe to 500°F"
    value = float(m.group("n"))
    fahrenheit = value * 9 / 5 + 32 if m.group("u").upper() == "C" else value
    yield Stated("max temperature", fahrenheit, m.group(0).strip(), start + m.start())


_AGE = re.compile(r"(?i)\b(?:ages?\s*:?\s*|for ages\s+)(?P<n>\d+)\s*"
                  r"(?P<u>months?|mos?|m|years?|yrs?|y)?\.?\s*"
                  r"(?:\+|and (?:up|older|over)|[-\u2013]\s?\d+)|"
                  r"(?<![\w.-])(?P<n2>\d+)\s*(?P<u2>months?|mos?|years?|yrs?)\.?\s*(?:\+|and (?:up|"
                  r"older|over))")
_WARNING = re.compile(r"(?i)\b(?:not|under|below|younger|choking|hazard|never|only with|"
                      r"supervision)\b")


def _min_age(clause: str, start: int) -> Iterator[Stated]:
    """The youngest age the product is for: "ages 3+", "for ages 8 and up" (in months)."""
    if _WARNING.search(clause) or re.search(r"(?i)\bor\b", clause):
        return
    m = _AGE.search(clause)  # an age is the product's whatever names it ("Kit for ages 8+")
    if m is None:
        return
    if re.search(r"[-\u2013]\s?\d", m.group(0)):
        return  # "for ages 3-7" is a range (attribute_ranges): "Ages 5 and up" overlaps it
    n, unit = (m.group("n"), m.group("u")) if m.group("n") else (m.group("n2"), m.group("u2"))
    months = float(n) * (1.0 if unit and unit.lower().startswith("m") else 12.0)
    yield Stated("min age", months, m.group(0).strip(), start + m.start())


_NOT_UNDER = re.compile(r"(?i)\bnot\s+(?:suitable\s+|recommended\s+|intended\s+|safe\s+)?for\s+"
                        r"(?:use\s+by\s+)?(?:children|kids|ages?)\s+(?:under|below|younger than)"
                        r"\s+(?:age\s+)?(?P<n>\d+)\s*(?P<u>months?|mos?|years?|yrs?|y)?\.?")


def _not_under(clause: str, start: int) -> Iterator[Stated]:
    """A youngest age a warning sets: "Not for children under 8 yrs." -> min age at least 96.

    "Ages 3+" beside it cannot both hold (the toy is for a 3-year-old and not for one);
    "Ages 10+" beside "not for children under 3" can.
    """
    m = _NOT_UNDER.search(clause)
    if m is not None:
        unit = m.group("u")
        months = float(m.group("n")) * (1.0 if unit and unit.lower().startswith("m") else 12.0)
        yield Stated("min age", months, m.group(0).strip(), start + m.start(), ">=")
        yield Stated("the ages it is for", (months, math.inf), m.group(0).strip(),
                     start + m.start())  # "ages 3-5" beside it share no age


_LOAD = re.compile(r"(?i)\b(?:(?:max(?:imum|\.)?\s+)?(?:load|weight)\s+(?:capacity|limit|rating)|"
                   r"max(?:imum|\.)?\s+(?:user\s+)?(?:load|weight|capacity)|supports?|holds?|"
                   r"rated\s+(?:for|to)|bears?)\s*(?::|-|of)?\s*"
                   r"(?:up\s+to\s+|approx\.?\s+)?(?P<n>\d+(?:\.\d+)?)\s?(?P<u>kg|lbs?|pounds?)\b\.?")
_LOAD_LABELS = frozenset({"max load", "max. load", "maximum load", "load capacity",
                          "weight capacity", "weight limit", "max weight", "max. weight",
                          "max user weight", "load rating", "user weight",
                          "capacity", "load", "supports"})
_KG = {"kg": 1.0, "lb": 0.4536, "lbs": 0.4536, "pound": 0.4536, "pounds": 0.4536}
_SHARED_LOAD = re.compile(r"(?i)\s*(?:\(|/)?\s*(?:each|per|apiece|combined|total|static|"
                          r"dynamic|when|if|with)\b")


def _load(clause: str, start: int) -> Iterator[Stated]:
    """The most the product bears: "Supports up to 66 lbs.", "Max load: 33 lbs." (in kg).

    Never one piece's or one shelf's ("holds 22 lbs. each", "each shelf holds"), a range of
    loads ("holds 4.4-17.6 lbs") or a combined, static or dynamic rating.
    """
    if OPTIONS.search(clause):
        return
    m = _LOAD.search(clause)
    if m is None or _SHARED_LOAD.match(clause, m.end()) or re.match(r"\s*(?:-|to)\s*\d",
                                                                     clause[m.end():]):
        return
    if said_of_product(clause, m.start(), _LOAD_LABELS, _LIMIT_LEAD) or start == 0 and \
            m.group(0).lower().startswith(("holds", "supports", "bears", "rated")):
        kg = float(m.group("n")) * _KG[m.group("u").lower()]  # "Hammock holds 400 lbs"
        yield Stated("max load", kg, m.group(0).strip(), start + m.start())


_IP = re.compile(r"\bIP(?P<dust>[X\d])(?P<water>\d)\b")
_IP_LEAD = GENERAL | {"waterproof", "water", "resistant", "rated", "rating", "dustproof", "and",
                      "fully", "submersible", "weatherproof", "ip", "protection"}


def _ip_rating(clause: str, start: int) -> Iterator[Stated]:
    """How well the product keeps water out: "IPX7 waterproof", "Rating: IP55" -> 7, 5.

    Only where the clause says it of the product, never a part's ("Button: IP55", "remote
    IPX4"); "IP67" and "IPX7" agree (the second digit is the water rating).
    """
    dry = re.search(r"(?i)\bnot\s+water[\s-]?resistant\b|\bno\s+water\s+resistance\b", clause)
    if dry is not None:  # "Not water resistant: keep dry": no water rating at all
        yield Stated("water rating", 0.0, dry.group(0), start + dry.start())
        return
    for m in _IP.finditer(clause):
        if said_of_product(clause, m.start(), frozenset({"waterproof", "water resistance",
                                                         "ip rating", "rating", "waterproof "
                                                         "rating"}), _IP_LEAD):
            yield Stated("water rating", float(m.group("water")), m.group(0), start + m.start())
            return


_KMH = {"mph": 1.609, "km/h": 1.0, "kph": 1.0, "kmh": 1.0}
_SPEED = re.compile(r"(?i)\b(?:(?:max(?:imum|\.)?|top)\s+speed\s*(?::|-|of)?\s*(?:up\s+to\s+)?|"
                    r"speeds?\s+(?:of\s+)?up\s+to\s+|goes\s+up\s+to\s+|reaches\s+)"
                    r"(?P<n>\d+(?:\.\d+)?)\s?(?P<u>mph|km/h|kph|kmh)\b")


def _top_speed(clause: str, start: int) -> Iterator[Stated]:
    """How fast the product goes at most: "Max speed: 15 mph", "top speed of 25 km/h"."""
    m = _SPEED.search(clause)
    if m is not None and not OPTIONS.search(clause) and said_of_product(
            clause, m.start(), frozenset({"max speed", "top speed", "speed"}), _LIMIT_LEAD):
        kmh = float(m.group("n")) * _KMH[m.group("u").lower()]
        yield Stated("top speed", kmh, m.group(0).strip(), start + m.start())


_CHARGE = (re.compile(rf"(?i)\b(?:fully\s+)?(?:charges|recharges)\s+(?:fully\s+)?in\s+"
                      rf"(?:about\s+|approx\.?\s+|just\s+)?{_TIME}"),
           re.compile(rf"(?i)\b(?:charg(?:e|ing)\s+time)\s*(?::|-|of)?\s*(?:about\s+|approx\.?\s+)?"
                      rf"{_TIME}"),
           re.compile(rf"(?i)\b(?:full|fully\s+charged)\s+in\s+(?:about\s+|approx\.?\s+|just\s+)?"
                      rf"{_TIME}"))  # "Quick charge: full in just 90 minutes"


def _charge_time(clause: str, start: int) -> Iterator[Stated]:
    """How long the product takes to charge: "charges in 2 hrs", "Charging time: 3 hours"."""
    if OPTIONS.search(clause) or re.search(r"(?i)\b(?:case|80%|50%|%)", clause) or \
            re.search(r"(?i)\b(?:fast|quick)", clause) and not re.search(r"(?i)\bfull\b", clause):
        return  # "charges in 1.5 hrs (case: 2 hrs)", "fast charge 10 min": another charge
    for pattern in _CHARGE:
        m = pattern.search(clause)
        if m is not None and said_of_product(clause, m.start(), frozenset(
                {"charging time", "charge time", "charging", "quick charge", "fast charge",
                 "charge"}), _LIMIT_LEAD | {"fully"}):
            hours = float(m.group("n")) * _HOURS[m.group("u").lower().rstrip(".")]
            yield Stated("charge time", hours, m.group(0).strip(), start + m.start())
            return


LIMIT_READERS = (_runtime, _max_temperature, _min_age, _not_under, _load, _ip_rating, _top_speed,
                 _charge_time)
