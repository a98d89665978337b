"""The pieces a listing shows: the parser's segments, or the merchant's whole clause.

The brief parser cuts a line at its commas, semicolons, colons and dashes into segments, and
each segment is placed under a heading ("Materials:", "Key specs:") or in the title. When a
cut is wrong, a fact lands on another thing: "cuts drywall, plywood, PVC" shows "Materials:
plywood; PVC"; "Fits radiators up to 105 cm wide, 78 cm high" shows the cabinet "78 cm
high"; "Compatible with iPhone 12, 13, 14, 15 series only" a bare "15 series only". Text the
merchant wrote, shown whole and in order, is never such a claim (clumsy is not unsupported).

So a cut at a weak separator (comma, semicolon, colon, dash) stands only when the reading is
certain: the piece before it opens nothing that could run on past the comma (no verb, no
relation word such as "for", "with", "compatible", no count leading a list, no number list)
and the piece after it depends on nothing before it (it opens on no joining, negating or
limiting word, and is no bare number). Otherwise the two pieces are one clause, shown as the
merchant wrote it and under no heading. A line break, a bullet mark, a pipe or a sentence's
end is a certain cut. A list runs on over separators of its own rank only ("fits guitar,
bass, banjo – ABS body": the dash ends the comma list); a short list of plain things
("Campfires, grills, wood stoves") is one clause; a warning keeps its reason; a token cut
in two ("PW-" | "3G") is never two pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extraction.finders import find_terms, material_items
from knowledge.nlp.quantities import find_quantities
from tools.creatives.facts import ParsedBrief, Segment
from tools.creatives.listing_builder import VERBS
from tools.creatives.name_ends import VERBS_ONLY
from tools.creatives.word_classes import POST_ADJECTIVES, is_property

__all__ = ["CLAUSE", "Clause", "bare", "span", "units"]
CLAUSE = "clause"

# a certain end: a line break, a pasted "<br>", a pipe, a bullet or emoji mark, or a sentence's
# end before a capital ("... 7.5 in.). Fits radiators"); " // " parts fields as a pipe does
_STRONG = re.compile(r"\n|(?i:<br\s*/?>)|\s\|\s|\s//\s|"
                     r"[\u2022\u25aa\u25cf\u25a0\u2023\u2043\u27a4\u25ba\u2605\u2713\u2714\u2705\u274c\u2611\U0001f300-\U0001faff]|"
                     r"[.!?]\s+(?=[A-Z\"'(])")
# words whose object may run on past a comma: "cuts drywall, plywood", "for cats, dogs",
# "compatible with iPhone 12, 13", "sizes 32, 36", "Generic, not made by ..."
_OPENERS = frozenset({
    "fits", "fit", "fitting", "cuts", "cut", "compatible", "works", "work", "for", "with", "w",
    "w/", "incl", "including", "includes", "include", "contains", "reads", "sizes", "size",
    "from", "between", "on", "to", "of", "in", "by", "like", "such", "e.g", "eg", "only",
    "except", "up", "over", "under", "than", "into", "onto", "at",
    "per", "each", "against", "use", "used", "suitable", "designed", "made", "ideal", "great",
    "perfect", "supports", "holds", "hold", "takes", "accepts", "covers", "stores", "store",
    "shows", "tests", "tracks", "records", "monitors", "has", "have"})  # "buckle has X, Y, Z"
# a number's unit written with a stop: the stop may end the unit, not the sentence
_UNIT_STOP = re.compile(r"(?i)\d\s?(?:in|oz|ft|lbs?|cm|mm|yds?|qt|gal|pt|sec|min|hrs?)$")
# a word's stop before a number ends its sentence, unless the word is cut short ("approx. 2")
_WORD_STOP = re.compile(r"[a-z]{3,}\)?$")
_ABBREVIATED = re.compile(r"(?i)\b(?:approx|apprx|avg|incl|excl|max|min|vol|qty|est|ca|nom|"
                          r"wt|dia|ht|pkg|pcs|sz|temp|ref|art|mod|ver|vs|fig|pg|pp|nos?)$")
# a thickness: a few millimetres, a gauge or mils, said of the material named right after it
_THIN = re.compile(r"(?i)(?:\d?\.\d+|\d)\s?mm|\d+\s?(?:ga|gauge|mil)\.?|\d+(?:\.\d+)?\s?(?:oz|gsm)")
# fabrics whose weight is given in ounces or grams per square metre ("7 oz cotton canvas")
_FABRIC = re.compile(r"(?i)\b(?:cotton|canvas|denim|wool|linen|polyester|fleece|nylon|twill|"
                     r"jersey|flannel|duck|poplin|terry|velvet|cordura|leather|hemp)\b")
# a measure of where the product goes, not of the product ("3-7 ft up", "2 in. apart")
_PLACED = re.compile(r"(?i)^\W*[\d./-]+\s*(?:ft|feet|in|inch|inches|m|cm|mm|\")\.?\s+(?:up|high|"
                     r"above|below|away|apart|deep|off|from|over|under|back)\b")
# a piece that opens on a negation or a warning: what follows in its clause is its reason
# ("do not wrap around canister stoves - heat build-up risk")
_NEGATION = re.compile(r"(?i)^\W*(?:do\s+not|don't|never|not|no|avoid|keep\s+away|caution|"
                       r"warning)\b")
# joining words the parser trims off a segment's edges
_GLUE = frozenset({"and", "with", "the", "a", "an", "plus", "in", "on", "of", "for", "or"})
# a piece that opens on one of these leans on the piece before it
_DEPENDENT = re.compile(r"(?i)^\W*(?:and|&|or|\+|not|no|nor|never|only|but|except|plus|each|"
                        r"per|incl\.?|including|excl\.?|then|up to|to|from|thru|through|"
                        r"also|both|either|neither|x\b|vs\.?|versus|sold|w/o|without)\b")


@dataclass
class Clause(Segment):
    """Pieces of one clause the parser cut uncertainly, kept whole as the merchant wrote it."""

    @property
    def kind(self) -> str:
        """A clause has no single kind: it goes under no heading."""
        return CLAUSE


def _words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in re.findall(r"[\w/&+.'-]+", text)]


# units a bare measure may carry ("2 hrs", "12 in.", "400 lm"); any other word says what it is
_UNITS = frozenset({
    "in", "inch", "inches", "ft", "feet", "foot", "yd", "m", "cm", "mm", "km", "oz", "fl", "lb",
    "lbs", "g", "kg", "mg", "ml", "l", "gal", "qt", "pt", "h", "hr", "hrs", "hour", "hours", "min",
    "mins", "minutes", "s", "sec", "secs", "seconds", "day", "days", "wk", "mo", "months", "yr",
    "yrs", "years", "w", "v", "a", "mah", "wh", "kw", "lm", "hz", "khz", "db", "c", "f", "x",
    "pc", "pcs", "pk", "ct", "k", "gb", "tb", "mb", "dpi", "rpm", "psi", "gsm", "tpi", "approx"})


def _bare(text: str) -> bool:
    """True when ``text`` is only numbers and units ("2 hrs", "100%", "13"), no thing named."""
    if not re.search(r"\d", text):
        return False
    return all(w.lower() in _UNITS for w in re.findall(r"[A-Za-z]+", text))


def _opens(before: str) -> bool:
    """True when the piece before a cut may go on past it (a verb, a relation, a count)."""
    found = find_quantities(before)  # a count before its things: "20 pcs jugs, crimps"
    rest = list(before)
    for q in found:  # "3 in. long": a unit, no "in"
        rest[q.start:q.end] = " " * (q.end - q.start)
    if any(w in _OPENERS or w in VERBS_ONLY for w in _words("".join(rest))):
        return True
    return (bool(found) and found[0].start == 0 and found[0].kind == "count"
            and bool(re.search(r"[A-Za-z]", before[found[0].end:])))


def _depends(after: str, before: str) -> bool:
    """True when the piece after a cut leans on the one before it."""
    if _DEPENDENT.match(after) or len(re.findall(r"[A-Za-z0-9]", after)) < 3:
        return True  # "Shows V, A, W": a letter or two stands for nothing alone
    if _bare(after) and not _bare(before):  # "USB-C charging, 2 hrs": the charge time
        return True
    if _PLACED.match(after):  # "Hang facing south-east, 3-7 ft up": where it hangs
        return True
    return bool(re.search(r"\d\W*$", before) and re.match(r"\W*\d", after))  # "12, 13, 14"


def certain_cut(text: str, a: Segment, b: Segment, last: Segment | None = None) -> bool:
    """True when the parser's cut between ``a`` and ``b`` (in ``text``) is sure to be right.

    ``last`` is the piece right before the cut when ``a`` is a run of pieces (default ``a``).
    """
    a_end, b_start = _span(text, last or a)[1], _span(text, b)[0]
    gap = text[a_end:b_start]
    if not gap and re.match(r"[\w-]\w", text[a_end - 1:a_end + 1]):
        return False  # one token cut in two ("PW-" | "3G"): never two facts
    if re.fullmatch(r"\.[ \t]+", gap) and _UNIT_STOP.search(text, 0, a_end):
        return False  # "16 oz. Millet, ...", "2 in. A2 blade": a unit's stop ends nothing
    if re.fullmatch(r"\.[ \t]+", gap) and re.match(r"\d", b.text) and \
            _WORD_STOP.search(text, 0, a_end) and not _ABBREVIATED.search(text, 0, a_end):
        return True  # "convex/concave. 0.6 mm spring steel": a word's stop ends its sentence
    thin = _THIN.fullmatch((last or a).text.strip())
    if re.fullmatch(r"[ \t]+", gap) and thin and len(b.text.split()) <= 3 and \
            find_terms(b.text, material_items()) and (
                not re.search(r"(?i)oz|gsm", thin.group(0)) or _FABRIC.search(b.text)):
        return False  # "0.6 mm spring steel": the thickness of the material after it
    if not gap.strip() or _STRONG.search(text, a_end, b_start + 1):
        return True  # no separator (the parser's own cut), or a line / sentence end
    words = set(re.findall(r"[a-z0-9]+", gap.lower()))
    if words - _GLUE:
        return True  # words between them (the name, the brand): not one clause's pieces
    if words:
        return False  # joining words the parser trimmed ("4-way lock: in only / out only")
    if gap.count("(") != gap.count(")"):
        return True  # "(1 pair), sizes": a clause never starts inside brackets
    if _DEPENDENT.match(b.text) or _NEGATION.match((last or a).text):
        return False  # "..., not made by X"; "do not wrap it - heat build-up risk"
    if _verb_led(b.text) or _own_property(b.text):
        return True  # a new statement: "16oz w/ lid, keeps coffee hot 6 hrs"
    tail = re.split(r"[.,;:]\s+", (last or a).text)[-1]  # "16 oz. Millet": "Millet"
    if _rank(gap) == 1 and _thing(tail) and _thing(b.text):
        return False  # a list of things ("Campfires, grills, wood stoves"): one clause
    return not (_opens(a.text) or _depends(b.text, a.text))


def _thing(text: str) -> bool:
    """True for a short plain name of a thing, no number ("grills", "wood stoves")."""
    words = text.split()
    return 0 < len(words) <= 3 and not re.search(r"\d", text) and all(
        re.fullmatch(r"[A-Za-z][A-Za-z'-]*|&", w) for w in words)  # "sunflower & safflower"


def _verb_led(text: str) -> bool:
    """True for a piece that opens on what the product does ("keeps coffee hot")."""
    first = text.split()[0].lower() if text.split() else ""
    return first in VERBS_ONLY or bool(VERBS.match(text))


def _own_property(text: str) -> bool:
    """True for a piece that says what the product is like, on its own ("leak-proof lid").

    No list item of a verb before it: it names no material ("soft wood" may be what a saw
    cuts) and no proper name ("Thomas Wooden Railway" what a track fits).
    """
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    if not words or re.search(r"\d", text) or find_terms(text, material_items()):
        return False
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return False
    return is_property(words[0]) or any(w.lower().split("-")[-1] in POST_ADJECTIVES
                                        for w in words)  # "leak proof lid", "BPA-free"


def _span(text: str, seg: Segment) -> tuple[int, int]:
    """Where the segment's words stand in ``text`` (its start may be before trimmed glue)."""
    at = text.find(seg.text, seg.start)
    at = seg.start if at < 0 else at
    return at, at + len(seg.text)


def _joined(text: str, run: list[Segment]) -> Segment:
    if len(run) == 1:
        return run[0]
    start, end = _span(text, run[0])[0], _span(text, run[-1])[1]
    return Clause(text[start:end], start, [f for s in run for f in s.facts])


def units(parsed: ParsedBrief, longest: int = 180) -> list[Segment]:
    """The brief's segments with every uncertain cut undone (a ``Clause`` of the pieces).

    A clause longer than ``longest`` characters keeps the parser's cuts: a bullet has a
    length limit, and a clause cut to fit it would lose its end.
    """
    text = parsed.text
    out: list[Segment] = []
    run: list[Segment] = []
    ranks: list[int] = []  # the separator's rank between run[i] and run[i + 1]
    for seg in parsed.segments:
        if run:
            rank = _rank(text[_span(text, run[-1])[1]:_span(text, seg)[0]])
            if not certain_cut(text, _list_before(text, run, ranks, rank), seg, last=run[-1]):
                run.append(seg)
                ranks.append(rank)
                continue
        out += _settle(text, run, longest)
        run, ranks = [seg], []
    return out + _settle(text, run, longest)


def _rank(gap: str) -> int:
    """How strongly a separator parts two pieces: comma or colon 1, semicolon 2, dash or stop 3."""
    if re.search(r"[–—]|\s-\s|--|\.", gap):
        return 3
    return 2 if ";" in gap else 1


def _list_before(text: str, run: list[Segment], ranks: list[int], rank: int) -> Segment:
    """The run's last piece with the pieces before it that this separator's list joined.

    "fits guitar, bass – ABS body": the dash ends a list its commas made, so only "bass"
    comes before it; "Reads 9-, 10- and 15-digit microchips, stores": the comma goes on it.
    """
    first = len(run) - 1
    while first > 0 and ranks[first - 1] == rank:
        first -= 1
    joined = _joined(text, run[first:])
    weaker = {1: None, 2: r"[,:]\s", 3: r"[,:;]\s"}[rank]
    tail = re.split(weaker, joined.text)[-1] if weaker else joined.text
    return Segment(tail, joined.start + len(joined.text) - len(tail), [])


def _settle(text: str, run: list[Segment], longest: int) -> list[Segment]:
    """The run as one clause; a run too long for a bullet in the fewest pieces that fit."""
    chunks: list[list[Segment]] = []
    for seg in run:
        if chunks and len(_joined(text, [*chunks[-1], seg]).text) <= longest:
            chunks[-1].append(seg)
        else:
            chunks.append([seg])
    return [_joined(text, chunk) for chunk in chunks]


bare = _bare  # for view_names: the name's repairs read pieces the same way
span = _span
