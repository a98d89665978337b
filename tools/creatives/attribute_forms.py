"""The product's form said two ways: shape, stand, style, filling, life, a part's weight.

Its shape, how it stands, its style, whether it comes filled, how long it lasts, and a part
heavier than the whole.

"Round stoneware crock" beside "Shape: square"; "Wall-mounted only" beside "Freestanding on
4 legs"; "Hammock style" beside "not a hammock"; "Arrives filled" beside "Sold as an
unfilled cover only"; "Lasts 8-10 weeks" beside "Lasts up to 6 months"; "Total weight: 1.3
lbs" beside "Head weight: 2 lbs". Each reader keeps to statements of the product itself:
the name's own clause or a labelled line for the shape, a clause that is only "lasts N"
for how long it lasts (no mode, no per-use), an option ("or") never a clash.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import OPTIONS, Stated, clauses

__all__ = ["form_statements"]

_SHAPES = {"round": "round", "circular": "round", "square": "square", "oval": "oval",
           "rectangular": "rectangular", "rectangle": "rectangular", "triangular": "triangular",
           "hexagonal": "hexagonal", "octagonal": "octagonal"}
_SHAPE = "|".join(_SHAPES)
_SHAPE_LABEL = re.compile(rf"(?i)^\W*shape\s*:\s*(?P<s>{_SHAPE})\b")
_SHAPE_NAME = re.compile(rf"(?i)^\W*(?P<s>{_SHAPE})\s+[a-z]")


def _shape(clause: str, start: int) -> list[Stated]:
    """"Shape: square", or the name's clause opening on a shape ("Round stoneware crock")."""
    m = _SHAPE_LABEL.match(clause) or (_SHAPE_NAME.match(clause) if start == 0 else None)
    if m is None or OPTIONS.search(clause):
        return []
    return [Stated("shape", _SHAPES[m.group("s").lower()], clause.strip(), start)]


_WALL_ONLY = re.compile(r"(?i)\bwall[\s-]?mount(?:ed|ing)?\s+only\b|\bmust\s+be\s+wall[\s-]"
                        r"mounted\b")
_FREE = re.compile(r"(?i)\bfree[\s-]?standing\b|\bno\s+wall\s+(?:fixing|mounting|drilling)\b")


def _mounting(clause: str, start: int) -> list[Stated]:
    """How it stands: "Wall-mounted only" beside "Freestanding" (never "wall or floor")."""
    if OPTIONS.search(clause) or re.search(r"(?i)\bor\b", clause):
        return []
    for pattern, value in ((_WALL_ONLY, "wall only"), (_FREE, "freestanding")):
        m = pattern.search(clause)
        if m is not None:
            return [Stated("how it stands", value, m.group(0), start + m.start())]
    return []


_NOT_A = re.compile(r"(?i)\bnot\s+an?\s+(?P<n>[a-z]{3,})\s*(?:[.,;)!]|$)")
_STYLE = re.compile(r"(?i)^\W*(?:style\s*:\s*)?(?P<n>[a-z]{3,})[\s-](?:style|design)\b")


def _style(clause: str, start: int) -> list[Stated]:
    """Its style: "Hammock style" beside "not a hammock"."""
    out = [Stated(f"style {m.group('n').lower()}", "no", m.group(0), start + m.start())
           for m in _NOT_A.finditer(clause)]
    m = _STYLE.match(clause)
    if m is not None and not out:
        out.append(Stated(f"style {m.group('n').lower()}", "yes", m.group(0), start))
    return out


_FILLED = re.compile(r"(?i)\b(?:arrives|comes|ships|shipped|delivered)\s+(?:pre-?)?filled\b|"
                     r"\bpre-?filled\b")
_UNFILLED = re.compile(r"(?i)\bunfilled\b|\bcover\s+only\b|\b(?:insert|filling|stuffing)\s+"
                       r"(?:is\s+)?not\s+incl")


def _filled(clause: str, start: int) -> list[Stated]:
    """Whether it comes filled: "Arrives filled" beside "unfilled cover only"."""
    for pattern, value in ((_UNFILLED, "no"), (_FILLED, "yes")):
        m = pattern.search(clause)
        if m is not None:
            return [Stated("whether it comes filled", value, m.group(0), start + m.start())]
    return []


_DAYS = {"day": 1.0, "days": 1.0, "week": 7.0, "weeks": 7.0, "wks": 7.0, "month": 30.4,
         "months": 30.4, "mo": 30.4, "year": 365.0, "years": 365.0, "yrs": 365.0}
_LASTS = re.compile(r"(?i)^\W*lasts\s+(?:up\s+to\s+|about\s+|approx\.?\s+)?(?:\d+\s*[-\u2013]\s*)?"
                    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>days?|weeks?|wks|months?|mo|years?|yrs)"
                    r"\W*$")


def _lasts(clause: str, start: int) -> list[Stated]:
    """How long it lasts, a clause of only that: "Lasts 8-10 weeks" -> 70 days at most."""
    m = _LASTS.match(clause)
    if m is None:
        return []
    days = float(m.group("n")) * _DAYS[m.group("u").lower()]
    return [Stated("how long it lasts", days, clause.strip(), start)]


_G = {"lb": 453.6, "lbs": 453.6, "oz": 28.35, "g": 1.0, "kg": 1000.0}
_MASS = (r"(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>lbs?|oz|kg|g)\.?(?:\s+(?P<b>\d+(?:\.\d+)?)\s*"
         r"(?P<ub>oz)\.?)?")
_WEIGHT = re.compile(rf"(?i)^\W*(?P<who>[a-z]+\s+)?weight\s*:?\s*{_MASS}")
_WHOLE = frozenset({"total", "overall", "item", "product", "net", ""})
_NOT_PART = frozenset({"shipping", "package", "max", "user", "load", "carrying", "gross",
                       "capacity", "paper", "fabric", "line", "recommended", "body"})


def _grams(m: re.Match[str]) -> float:
    grams = float(m.group("a")) * _G[m.group("ua").lower()]
    return grams + (float(m.group("b")) * _G["oz"] if m.group("b") else 0.0)


def _part_heavier(text: str) -> list[Stated]:
    """A part's labelled weight above the whole's ("Head weight: 2 lbs" > "Total: 1.3 lbs")."""
    wholes, parts = [], []
    for clause, start in clauses(text):
        m = _WEIGHT.match(clause)
        if m is None:
            continue
        who = (m.group("who") or "").strip().lower()
        if who in _WHOLE:
            wholes.append((_grams(m), clause.strip(), start))
        elif who not in _NOT_PART:
            parts.append((_grams(m), clause.strip(), start))
    return [s for whole, w_text, w_at in wholes for part, p_text, p_at in parts
            if part > whole * 1.12
            for s in (Stated("a part's weight against the whole's", "whole", w_text, w_at),
                      Stated("a part's weight against the whole's", "part", p_text, p_at))]


def form_statements(text: str) -> list[Stated]:
    """Every statement of the product's form in ``text``, for the same-attribute rule."""
    found = _part_heavier(text)
    for clause, start in clauses(text):
        for read in (_shape, _mounting, _style, _filled, _lasts):
            found += read(clause, start)
    return found
