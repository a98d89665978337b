"""Segments that are items of one written list of like values ("small (7 cm), medium (9 cm)").

A list of sizes, levels or variants names the set's items, one each: any one of them in a
title or a cut description would read as the whole product's size or level ("Dumpling
Moulds, Small (7 cm), Set of 3" of a set of small, medium and large; "Resistance Bands
x5, Medium" of five levels). Items are neighbouring segments joined only by a comma (or a
closing "and"/"or") that say the same thing with another number or level: the same unit
and the same words but for level words ("3 x 8 in, 3 x 10 in"; "liner 7 mm, liner 11 mm";
"extra light, light, medium"). Different facts in one comma list ("1200W, 64 oz pitcher,
6 speeds") are no such list: each is the product's.
"""

from __future__ import annotations

import re

from knowledge.extraction.vocab import COLORS
from tools.creatives.facts import ParsedBrief

# words that grade one item against the others of a set: sizes and levels
LEVELS = frozenset({
    "xxs", "xs", "xl", "xxl", "xxxl", "x-small", "x-large", "xx-large",
    "extra", "small", "medium", "large", "mini", "regular", "jumbo", "light", "heavy",
    "soft", "firm", "hard", "fine", "coarse", "beginner", "intermediate", "advanced",
    "super", "ultra", "standard", "petite"})
# words of a measure's direction: a grade only beside a grade (".46mm thin, .71mm medium"),
# else another measure of the same product ("35 x 75 cm, 5 cm thick")
SCALES = frozenset({"thin", "thick", "long", "short", "wide", "narrow", "tall", "low", "high"})
_JOIN = re.compile(r"(?i)^\s*(?:,|,?\s*(?:and|or|&))\s*$")
# a unit's full stop ("20 x 1 in. hooks") ends no piece of an item
_PIECE = re.compile(r"(?:[,;]|(?<!\bin)(?<!\bft)(?<!\boz)(?<!\blb)(?<!\blbs)(?<!\bdia)\.)\s+|\n")


def _shape(text: str) -> tuple[tuple[str, ...], str, bool, frozenset[str]] | None:
    """(words but levels and unit, unit after the last number, graded?, direction words)."""
    text = re.sub(r"\([^()\d]*\)", " ", text.lower())  # "(colour-coded)": a note
    units = re.findall(r"\d(?:[\d.,/]*\d)?\s*([a-z\"']+)", text)
    unit = units[-1] if units else ""
    if re.fullmatch(r"\d+\s*[a-z -]+", text.strip()) and any(w in COLORS for w in re.findall(
            r"[a-z]+", text)):  # "3 red, 3 blue", "2 rose gold-tone": a count by colour
        return (), "", True, frozenset()
    words = re.findall(r"[a-z][a-z'-]*", text)
    rest = tuple(w for w in words if w not in LEVELS | SCALES and w not in (unit, "x"))
    graded = any(w in LEVELS for w in words)
    if not unit and not graded:
        return None  # neither a measure nor a level: nothing to grade
    return rest, unit, graded, frozenset(w for w in words if w in SCALES)


_ONE_OF = re.compile(r"(?i)^(?:one|two|three|four)\s+[a-z][a-z'-]*(?:\s[a-z][a-z'-]*){0,2}$")


def _alike(a: str, b: str) -> bool:
    """True when two list items give one attribute another number or level."""
    if _ONE_OF.match(a.strip()) and _ONE_OF.match(b.strip()):
        return True  # "one plain oat, one sheep print": the pack's items, one each
    sa, sb = _shape(a), _shape(b)
    if sa is None or sb is None or sa[:2] != sb[:2]:
        return False
    if sa[1]:  # one unit: alike unless one only says another direction ("5 cm thick")
        return sa[3] == sb[3] or sa[2] or sb[2]
    return not sa[0] and sa[2] and sb[2]  # levels alone


def _joined(parsed: ParsedBrief, i: int, in_run: bool = False) -> bool:
    """True when segment ``i`` follows segment ``i - 1`` after only a list comma.

    Inside a run of like items a next item of the same unit is one more of the set
    ("liner 7 mm, liner 11 mm, liner 20 mm, flat 6 mm").
    """
    prev, seg = parsed.segments[i - 1], parsed.segments[i]
    text = parsed.text
    if text[prev.start:prev.start + len(prev.text)] != prev.text:
        return False  # a segment not as written: its neighbours are unknown
    end = prev.start + len(prev.text)
    if seg.start < end or not _JOIN.match(text[end:seg.start]):
        return False
    a, b = _PIECE.split(prev.text)[-1], _PIECE.split(seg.text)[0]
    if in_run:
        sa, sb = _shape(a), _shape(b)
        if sa and sb and sa[1] and sa[1] == sb[1]:
            return True
    return _alike(a, b)  # "light, medium, heavy": levels alone go on as one list


def list_runs(parsed: ParsedBrief) -> list[range]:
    """Index ranges of the segments that are items of one list of like values."""
    runs: list[range] = []
    start = 0
    for i in range(1, len(parsed.segments) + 1):
        if i < len(parsed.segments) and _joined(parsed, i, i - start >= 2):
            continue
        if i - start >= 2:
            runs.append(range(start, i))
        start = i
    return runs


def in_list(parsed: ParsedBrief) -> set[int]:
    """Indexes of the segments that are one item of a list of like values."""
    return {i for run in list_runs(parsed) for i in run}


def description_cut(parsed: ParsedBrief, n: int = 3, limit: int = 200) -> int:
    """How many leading segments a one-sentence description takes: ``n``, but never a list cut.

    A cut inside a list moves to the list's end when the whole list is short enough,
    else to its start ("Set of 3, small (7 cm) and medium (9 cm)" drops the large one).
    """
    for run in list_runs(parsed):
        if run.start < n < run.stop:
            length = sum(len(parsed.segments[i].text) + 2 for i in range(run.stop))
            return run.stop if length <= limit else max(run.start, 1)
    return n
