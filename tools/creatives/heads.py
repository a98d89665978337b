"""The first clause of a brief: what the product is (the head), and the facts around it.

"Grainly rice cooker 6 cup" is a rice cooker with "6 cup"; "sprinkler covers up to 3600 sq
ft" is a sprinkler, and "covers up to 3600 sq ft" stays one fact; "USB 3.2 flash drive" is
one name with a number inside. The brief's clauses are cut at commas, semicolons and full
stops, except inside parentheses and where the merchant's comma splits a verb's list
("detects wood, metal & AC wire").
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import find_type
from tools.creatives.brief_text import abbreviation, spec_colon
from tools.creatives.compat_list import compat_lists, joined_runs
from tools.creatives.kept_spans import kept_spans
from tools.creatives.label_lines import label_spans
from tools.creatives.name_ends import verb_led
from tools.creatives.noun_lists import noun_list_end
from tools.creatives.status_lists import status_list_end
from tools.creatives.word_classes import is_property

SPLIT = re.compile(r",\s+|,(?=[A-Za-z])|(?<=[A-Za-z]),(?=\d)|;\s*|\.\s+|\.$|:\s+|\n+|"
                   r"\s[-\u2013\u2014\u2022\u00b7]\s|\s\|\s|\s--+(?:\s|$)")  # "a -- b"
CUT = re.compile(r"\s(?:with|w/|w(?=\s)|for|fits|that|which|featuring|keeps|holds|includes|"
                  r"including|comes|in|rated|supports|runs|charges|boils|packs|sets|works|cuts|"
                  r"shreds)\s", re.IGNORECASE)


# a word that makes one adjective with "in" ("plug-in night lights", "built-in timer"): the
# "in" after it is no cue that ends the product's name
_IN_COMPOUND = frozenset({"plug", "built", "walk", "drop", "slip", "tuck", "snap", "click",
                          "screw", "pop", "clip", "lean", "pull", "push", "stand", "fold",
                          "roll", "lock", "pin", "press", "slide", "zip", "set", "sew", "tie"})


def first_cut(piece: str) -> re.Match[str] | None:
    """The first cue word that ends the product's name ("tent with ...", "fits ...")."""
    for m in CUT.finditer(piece):
        before = piece[:m.start()].split()
        if m.group(0).strip().lower() == "in" and (before and before[-1].lower() in _IN_COMPOUND
                                                   or re.match(r"(?i)stock\b", piece[m.end():])):
            continue  # "plug-in", "back in stock": no cue that ends a name
        return m
    return None


def joined_in(text: str) -> str:
    """``text`` with an "X in" adjective hyphenated, same length ("plug-in night lights").

    The type finder reads "in" as a cue, so "plug in night lights" would be a "plug".
    """
    return re.sub(r"\b(\w+) (?=in\s)", lambda m: m.group(1) + ("-" if m.group(1).lower()
                  in _IN_COMPOUND else " "), text)


def glued(text: str, end: int) -> bool:
    """True when a quantity ending at ``end`` runs on into the next token ("3-in-1").

    "3-in" of "3-in-1 soil meter" is no size of 3 inches: the name goes on without a space.
    """
    return bool(re.match(r"-\d|[A-Za-z0-9]", text[end:end + 2]))


def _pieces(text: str) -> list[re.Match[str]]:
    """The brief's clauses (between commas, semicolons, full stops...), as matches."""
    out, pos = [], 0
    lines = label_spans(text) + kept_spans(text)  # "Cover: 100% cotton, removable" is one
    splits = [m for m in SPLIT.finditer(text)  # "(2 jumbo, 3 large, 3 medium)" is one
              if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
              and not spec_colon(text, m) and not abbreviation(text, m)
              and not _date_range(text, m)
              and not any(s < m.start() and m.end() <= e for s, e in lines)]
    for m in [*splits, None]:
        end = m.start() if m else len(text)
        chunk = re.search(r"\S(?:.*\S)?", text[pos:end], re.S)  # a bare label's lines
        piece = _DASH.sub("", chunk.group(0)) if chunk else ""  # "3.4 oz. - shea butter"
        if piece:
            out.append(re.compile(re.escape(piece)).search(text, pos))
        pos = m.end() if m else len(text)
    return [o for o in out if o is not None]


_DASH = re.compile(r"^(?:--+|[-\u2013\u2014])\s+")
_MONTHS = (r"(?:jan|january|feb|february|mar|march|apr|april|may|june?|july?|aug|august|sept?|"
           r"september|oct|october|nov|november|dec|december)\.?")
_DATE_END = re.compile(rf"(?i)(?:\b{_MONTHS}\s+\d{{1,2}}|\b\d{{1,2}}\s+{_MONTHS})\s*$")
_DATE_START = re.compile(rf"(?i)\s*(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}(?:\s+{_MONTHS})?)\b")


def _date_range(text: str, m: re.Match[str]) -> bool:
    """True when a dash split stands inside a range of dates ("closed Dec 24 - Jan 2")."""
    return m.group(0).strip() in ("-", "\u2013", "\u2014") and \
        _DATE_END.search(text[:m.start()]) is not None and \
        _DATE_START.match(text, m.end()) is not None


_LIST_LEAD = re.compile(r"^(?:for|with|includes|including|compatible with|made for|ideal for)\s",
                        re.IGNORECASE)
_COORDINATED = re.compile(r"(?:^|\s)(?:and|&|or|\+)(?:\s|$)", re.IGNORECASE)


def _verb_in(piece: str) -> bool:
    """True when the piece opens with, or goes on with, the product's verb."""
    cue = first_cut(piece)
    return (verb_led(piece) or cue is not None and verb_led(piece[cue.start() + 1:])
            or verb_after_type(piece) is not None)


Span = tuple[str, int, int]


def verb_after_type(text: str) -> tuple[Span, int] | None:
    """The product type that a verb follows ("mop removes dust"), and where the head ends."""
    for m in re.finditer(r"\s(?=[a-z]{3,}\s)", text):
        found = find_type(text[:m.start()])
        if found is None or found[2] != m.start() or not verb_led(text[m.end():]):
            continue
        end = m.end() + len(text[m.end():].split()[0])
        compound = find_type(text[:end])  # "car seat covers" names seat covers
        if compound is None or compound[2] != end or compound[1] >= m.end():
            return found, found[2]
    return None


def _lists(text: str, pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Rejoin a list the merchant's commas split: "detects wood, metal & AC wire".

    A piece with the product's verb ("detects wood", "wallet holds cards") and no number
    takes the short pieces after it up to one that closes the list with "and", "&" or "or",
    when only commas stand between them: "metal & AC wire" alone would read as the
    product's. "for large dogs, washable & waterproof cover" is no such list.
    """
    return joined_runs(text, pieces, lambda i: max(_verb_list_end(text, pieces, i),
                                                   _colon_list_end(text, pieces, i),
                                                   _elliptic_end(text, pieces, i),
                                                   _number_list_end(text, pieces, i),
                                                   noun_list_end(text, pieces, i),
                                                   status_list_end(text, pieces, i)))


_NUM = r"\d+(?:\.\d+)?"


def _number_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The piece closing a list of bare numbers: "sizes 32, 36, 38 & 40 gauge" is one list."""
    if not re.search(rf"(?:^|\s){_NUM}$", pieces[i][0]):
        return i
    for k in range(i + 1, min(i + 10, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]):
            return i
        if re.match(rf"{_NUM}\s*(?:&|and|or)\s*{_NUM}\b", nxt):
            return k  # "38 & 40 gauge": the list's close and its unit
        if not re.fullmatch(_NUM, nxt):
            return i
    return i


# a bare term that leaves its noun to the clause before: "3-yr warranty (tool), 1-yr (battery)"
_BARE_TERM = re.compile(r"(?i)^\d+[- ]?(?:yrs?|years?|mos?|months?|days?)\.?(?:\s+limited)?"
                        r"(?:\s*\([^)]*\))?$")


def _elliptic_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last bare term after a warranty that they all share ("1-yr (battery)" is one)."""
    end = i
    if re.search(r"(?i)\bwarrant", pieces[i][0]):
        for k in range(i + 1, min(i + 4, len(pieces))):
            prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
            if not (re.fullmatch(r",\s*", text[prev_end:pieces[k][1]])
                    and _BARE_TERM.match(pieces[k][0])):
                break
            end = k
    return end


# a measure alone, maybe with its other units: "1/8 in (3mm)", "12 mm", "2.5 oz."
_MEASURE_ONLY = re.compile(r"(?i)^[\d./-]+\s?(?:mm|cm|m|in|inch|inches|ft|\"|oz|ml|l|g|kg|lbs?|"
                           r"ga|gauge)\.?(?:\s*\([^)]*\))?$")


def _colon_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last measure of a list a part's colon opens inside a clause.

    "mesh w/ interchangeable screens: 1/8 in (3mm), 1/4 in (6mm), 1/2 in (12mm)": the sizes are
    the screens', cut from them they would read as the sieve's own.
    """
    if re.search(r"(?i)\d\s?(?:pcs?|pieces|pack|pk|ct|count|sets?)\.?$", pieces[i][0]):
        return i  # "Cake pans 5 pcs: 4 in., 6 in., ...": the product's count, then the sizes
    end, measures = i, 0
    for k in range(i + 1, min(i + 9, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        sep = r":[ \t]+" if k == i + 1 else r",\s*"
        members = re.split(r",\s*", nxt)  # "1 mm, 2 mm, 3 mm" may be one piece already
        if not re.fullmatch(sep, text[prev_end:at]) or not all(_MEASURE_ONLY.match(m)
                                                                for m in members):
            break
        end, measures = k, measures + len(members)
    return end if measures >= 2 else i  # two measures or more: a list


# a verb whose list names what the product works on, never what it is made of: "cuts wood,
# PVC, drywall", "cures gel polish, builder gel, poly gel" (verb forms only: "glue" is a noun)
OBJECT_VERBS = (r"cuts|cures|drills|sands|grinds|polishes|engraves|removes|cleans|trims|bores|"
                r"punches|sharpens|shreds|etches|carves|scrapes|works on|for use on")
_OBJECT_VERB = re.compile(rf"(?i)^(?:{OBJECT_VERBS})\s+(?!(?:on|in|with|through|up|down|along|"
                          r"the|a|an|to|into|at|fast|quickly|easily|cleanly|smoothly|evenly)\b)")


_OBJECT_INSIDE = re.compile(rf"(?i)(?:^|(?<=\s))(?:{OBJECT_VERBS})\s+(?!(?:on|in|with|through|up|"
                            r"down|along|the|a|an|to|into|at|fast|quickly|easily|cleanly|"
                            r"smoothly|evenly)\b)")


def _object_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of the comma list a working verb opens at ``i``, to its line's end."""
    end = i
    for k in range(i + 1, min(i + 8, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if (not re.fullmatch(r",\s*", text[prev_end:at]) or len(nxt.split()) > 6
                or nxt[:1].isdigit() or _verb_in(nxt) or _LIST_LEAD.match(nxt)
                or len(nxt.split()) == 1 and is_property(nxt)):
            break  # "rechargeable": the product's own property ends what it works on
        end = k
        if _COORDINATED.search(nxt):
            break  # "..., gas and induction": the list's close
    return end


# a list the product is NOT for: each member keeps the "not" ("Not for Mac, TV, car stereo or
# PS4": "car stereo or PS4" alone would read as what it connects to)
_NEGATED_LEAD = re.compile(r"(?i)^(?:not|never|do not use|don't use|no)\s+(?:for|with|on|in|"
                           r"compatible with|suitable for|recommended for|fits?|use on|use with)\s")


def _verb_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The piece that closes the verb's list opened at piece ``i`` (``i`` when none does)."""
    piece = pieces[i][0]
    if _NEGATED_LEAD.match(piece) and not _COORDINATED.search(piece):
        return _closing(text, pieces, i)
    verb = _OBJECT_INSIDE.search(piece) if i else None  # "overall 11 in. cuts drywall, PVC"
    if verb is not None and not re.search(r"\d", piece[verb.start():]) and \
            not _COORDINATED.search(piece[verb.start():]):
        return _object_list_end(text, pieces, i)  # "works on gas and electric": closed
    if re.search(r"\d", piece):
        return i
    if not _verb_in(piece):
        return i
    closed = _closing(text, pieces, i, numbers=False)
    return closed if closed > i or not _FIT_LEAD.match(piece) else _fit_list_end(text, pieces, i)


_FIT_LEAD = re.compile(r"(?i)^(?:fits|for|compatible with|works with)\s")


def _fit_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last of the bare names a fit's list runs on with to its line's end.

    "fits acoustic & electric guitar, bass, banjo – ...": "bass" and "banjo" are what it
    fits, not features. Not "fits 2 in. receivers, stainless steel, 2 keys incl.": a
    material, a number or a longer phrase ends the list, and so does a comma after it.
    """
    end = i
    for k in range(i + 1, min(i + 6, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]):
            break  # the line goes on past the list: it has ended
        if (len(nxt.split()) > 2 or re.search(r"[\d-]", nxt) or _verb_in(nxt)
                or find_terms(nxt, material_items()) or any(map(is_property, nxt.split()))):
            return i  # "washable", "self-charging", "steel": a fact of the product, no member
        end = k
    return end


def _closing(text: str, pieces: list[tuple[str, int]], i: int, numbers: bool = True) -> int:
    """The short comma-led piece after ``i`` that closes a list with "and", "&" or "or"."""
    for k in range(i + 1, min(i + 6 if numbers else i + 4, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if (not re.fullmatch(r",\s*", text[prev_end:at]) or len(nxt.split()) > 4
                or not numbers and re.search(r"\d", nxt) or _verb_in(nxt)
                or _LIST_LEAD.match(nxt)):
            return i
        if _COORDINATED.search(nxt):
            return k
    return i


def clauses(text: str) -> list[tuple[str, int]]:
    """The brief's clauses with where each starts, a verb's comma-split list rejoined."""
    return compat_lists(text, _lists(text, [(m.group(0), m.start()) for m in _pieces(text)]))
