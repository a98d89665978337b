"""A measure that a product has only one of, given twice with two values: "2700K" / "6000K".

Some units measure a property the whole product has once, whatever it is: a light's colour
temperature in kelvin; a game's number of players (a range: "2-5 players" beside "one player
only"). Two such values on lines that offer no choice (no "or", range,
"adjustable", modes or options; no third value) cannot both hold.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses

__all__ = ["check_units"]

# unit -> (its pattern after a number, what the refusal calls it)
_SINGLE = {"kelvin": (r"\s?K\b", "the colour temperature")}
_CHOICE = re.compile(r"(?i)\b(?:or|to|adjustable|tunable|dimmable\s+from|modes?|switch(?:es|able)?|"
                     r"select(?:able)?|options?|available|choose|cct|colou?r\s+temperatures|"
                     r"settings?|from|between|each|per|vs|than|like|compared)\b|[/~\u2013]|"
                     r"\d\s?K?\s?-\s?\d")


_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "single": 1}
_N = r"(\d{1,2}|one|two|three|four|five|six|single)"
_PLAYERS = re.compile(rf"(?i)(?<![\w.-]){_N}(?:\s?(?:-|\u2013|to)\s?{_N})?(\+)?[\s-]+players?\b")
_PLAYER_CHOICE = re.compile(r"(?i)\b(?:or|up\s+to|modes?|variants?|expansions?|teams?|partners|"
                            r"each|per|extra|additional|with\s+the|included|incl|sold|vs|"
                            r"versus|book)\b|/")


def _players(text: str) -> list[tuple[float, float, str]]:
    """(fewest, most, span) for each player count of a clause that offers no choice."""
    out = []
    for clause, _start in clauses(text):
        if _PLAYER_CHOICE.search(clause):
            continue
        for m in _PLAYERS.finditer(clause):
            lo = float(_WORDS.get(m.group(1).lower(), 0) or m.group(1))
            hi = float(_WORDS.get((m.group(2) or "").lower(), 0) or m.group(2) or lo)
            out.append((lo, 99.0 if m.group(3) else hi, m.group(0).strip()))
    return out


def check_units(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a one-value measure is given two values."""
    for unit, (pattern, name) in _SINGLE.items():
        found = []
        for clause, _start in clauses(text):
            if _CHOICE.search(clause):
                continue
            found += [(float(m.group(1)), m.group(0).strip()) for m in
                      re.finditer(rf"(?<![\w.,-])(\d{{4,5}}){pattern}", clause)]
        if len({v for v, _ in found}) > 2 or any(_CHOICE.search(line) for line in text.split("\n")
                                                  if re.search(rf"\d{{4,5}}{pattern}", line)):
            continue  # "3000K, 4000K, 6000K" or a line that offers a choice: options
        for value, said in found:
            other = next((s for v, s in found if abs(v - value) > 0.05 * value), None)
            if other is not None:
                raise InvalidRequestError(
                    f"the brief contradicts itself: it gives {name} ({unit}) as {said!r} and "
                    f"also as {other!r}; say which is true")
    found_players = _players(text)
    for lo, hi, said in found_players:
        for lo2, hi2, said2 in found_players:
            if hi < lo2 or hi2 < lo:  # "2-5 players" / "made for one player only"
                raise InvalidRequestError(
                    f"the brief contradicts itself: it gives the number of players as "
                    f"{said!r} and also as {said2!r}; say which is true")
