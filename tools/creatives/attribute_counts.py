"""How many of its own items the product holds, given twice: "Pack of 24" / "12 batteries".

A pack size names the items it counts: "Pack of 24 AA alkaline batteries" counts batteries,
"100 count heavy duty paper plates" plates, "Set of six stemless wine glasses" glasses,
"Kitchen towels 2-pack" towels. Another statement of how many of those same items the
product holds ("Quantity: 12 batteries", "What's in the box: 4 glasses", "PACK SIZE: 50
plates", "Includes 8 glasses") that gives another number is a clash, naming both spans.

Honest lookalikes stay apart: another noun is another item ("Set of 4 placemats plus 4
napkins", "24 count: 4 boxes of 6"); a count with a word the pack's items lack is a subset
or another item ("Set of 3 bins ... 2 large bins", "24 AA ... 4 AAA batteries"); a count
"each", "per" or of spares is no total; and an "N-pack" may count packs, so a multiple of it
("2-pack ... 6 towels": two packs of three) is no clash. Options, sizes and a clause about
other products (:func:`attribute_clash._said_elsewhere`) state no count of the product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from tools.creatives.attribute_slots import singular
from tools.creatives.attribute_values import OPTIONS, Stated, clauses, label_of

__all__ = ["NUMBER_WORDS", "item_counts", "number_of"]

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "sixteen": 16, "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30,
                "thirty-six": 36, "forty": 40, "forty-eight": 48, "fifty": 50, "sixty": 60,
                "hundred": 100, "a dozen": 12, "dozen": 12}
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_N = rf"(?P<n>\d+|{_WORDS})"
# a pack size and which side its items' noun is on: after it, or before it ("Towels 2-pack")
_PACKS = (
    (re.compile(rf"(?i)\b(?:pack|set|box|case|bag|carton|bundle|package)\s+of\s+{_N}\b"
                r"(?![.,]\d)"), "after"),
    (re.compile(rf"(?i)(?<![\w.,/$-]){_N}[\s-]?(?:count|ct)\b\.?"), "either"),
    (re.compile(rf"(?i)(?<![\w.,/$-]){_N}[\s-]?(?:pack|pk)\b(?!\s*(?:of|each|per))"), "before"),
)
# labels and verbs whose number is how many of the items the product holds
_COUNT_LABEL = re.compile(
    r"(?i)^(?:quantity|qty|count|pack\s+size|package\s+(?:includes|contents|quantity)|"
    r"(?:set|kit|box|pack)\s+includes|what'?s\s+in\s+the\s+box|in\s+the\s+box|"
    r"what'?s\s+included|what\s+you\s+get|you\s+get|contents|includes|number\s+of\s+pieces|"
    r"piece\s+count|item\s+count|unit\s+count)$")
_INCLUDES = re.compile(rf"(?i)^\W*(?:it\s+|this\s+(?:set|pack)\s+)?(?:includes|contains|comes\s+"
                       rf"with|you\s+get)\s+(?=(?:\d|{_WORDS})\b)")
# words that end an item's noun phrase
_STOP = frozenset({"with", "for", "in", "of", "and", "or", "plus", "to", "by", "from", "on", "at",
                   "that", "which", "per", "each", "made", "are", "is", "inch", "in.", "oz", "x",
                   "includes", "measures", "provides", "features", "contains", "comes", "makes",
                   "fits", "has", "offers", "keeps", "helps", "holds", "allows", "gives", "lets"})
# a count of these is no total of the items: spares, per-unit counts
_SPARE = re.compile(r"(?i)\b(?:spare|extra|bonus|replacement|free|refills?)\b")
_PER = re.compile(r"(?i)^\s*(?:\)?\s*(?:each|per|in\s+each|apiece|/|x\b))")


@dataclass(frozen=True)
class _Count:
    """One count of the product's items: the number, the noun phrase's words and head, the span."""

    n: int
    words: tuple[str, ...]
    head: str
    text: str
    start: int
    packs: bool = False  # an "N-pack": its number may count packs, not items


def number_of(word: str) -> int:
    """A count as written: digits or a word ("24", "six", "a dozen")."""
    low = word.lower()
    return NUMBER_WORDS[low] if low in NUMBER_WORDS else int(low)


def _phrase_after(text: str, at: int) -> list[str]:
    """The words of the noun phrase that starts at ``at`` ("AA alkaline batteries")."""
    run = re.match(r"[ \t]+([A-Za-z][A-Za-z'-]*(?:[ \t]+[A-Za-z][A-Za-z'-]*){0,4})", text[at:])
    out: list[str] = []
    for word in run.group(1).lower().split() if run else ():
        if word in _STOP:
            break
        out.append(word)
    return out


def _phrase_before(text: str, at: int) -> list[str]:
    """The words of the noun phrase that ends at ``at`` ("Kitchen towels" of "... 2-pack")."""
    lead = re.search(r"((?:[A-Za-z][A-Za-z'-]*[ \t]+){1,3})$", text[max(0, at - 60):at])
    words = lead.group(1).lower().split() if lead else []
    while words and words[0] in _STOP:
        words = words[1:]
    return [w for w in words if w not in _STOP][-3:] if not set(words) & {"of", "for"} else []


def _noun(words: list[str]) -> str:
    """The head noun of a phrase (its last word, singular), or "" when it is no plural noun."""
    if not words or not words[-1].endswith("s") or len(words[-1]) < 4 or "'" in words[-1]:
        return ""  # "24 AA", "a 2-pack": no items named
    return singular(words[-1])


def _packs(text: str) -> list[_Count]:
    """Every pack size of the brief with the items it counts."""
    found = []
    for pattern, side in _PACKS:
        for m in pattern.finditer(text):
            clause = _clause_at(text, m.start())
            if OPTIONS.search(clause) or _PER.match(text, m.end()):
                continue
            words = _phrase_after(text, m.end()) if side != "before" else []
            if side != "after" and not _noun(words):
                words = _phrase_before(text, m.start())
            if not _noun(words) and clause.strip(" .") == m.group(0).strip(" .") and \
                    "\n" not in text[:m.start()]:
                words = _name_words(text)  # "Napkins, pack of 50": the name's items
            if _noun(words):
                found.append(_Count(number_of(m.group("n")), tuple(words), _noun(words),
                                    m.group(0).strip(), m.start(), side == "before"))
    return found


def _name_words(text: str) -> list[str]:
    """The words of the brief's name when it is only a noun phrase ("Ceramic mugs")."""
    name = clauses(text)[0][0] if text.strip() else ""
    return name.lower().split()[-4:] if re.fullmatch(r"[A-Za-z' -]+", name) else []


def _clause_at(text: str, at: int) -> str:
    """The clause of :func:`clauses` that holds ``at``."""
    return next((c for c, s in clauses(text) if s <= at < s + len(c)), "")


def _stated_counts(text: str) -> list[_Count]:
    """Counts of items a labelled line or an "includes" gives: "Quantity: 12 batteries"."""
    found = []
    for clause, start in clauses(text):
        label = label_of(clause)
        if label is not None and _COUNT_LABEL.match(label.group("label").strip()):
            at = label.end()
        else:
            lead = _INCLUDES.match(clause)
            if lead is None:
                continue
            at = lead.end()
        m = re.match(rf"(?i){_N}(?=[ \t]+[A-Za-z])", clause[at:])
        if m is None or OPTIONS.search(clause) or _SPARE.search(clause):
            continue
        words = _phrase_after(clause, at + m.end())
        end = clause.lower().find(words[-1], at + m.end()) + len(words[-1]) if words else at
        if words and not _PER.match(clause, end):
            found.append(_Count(number_of(m.group("n")), tuple(words), _noun(words),
                                clause[at:end], start + at))
    return [c for c in found if c.head]


def _clash(a: _Count, b: _Count) -> bool:
    """True when two counts of one kind of item cannot both be how many the product holds."""
    if a.head != b.head or a.n == b.n:
        return False
    small, big = sorted((a, b), key=lambda c: c.n)
    if small.packs and big.n % small.n == 0:
        return False  # "2-pack" of threes: 6 towels
    pack, other = (a, b) if a.start < b.start else (b, a)
    extra = set(other.words[:-1]) - set(pack.words[:-1])
    return not extra  # "2 large bins" in a set of 3 bins: some of them


def item_counts(text: str) -> list[Stated]:
    """The first two counts of one kind of the product's items that cannot both hold, if any."""
    packs = _packs(text)
    if not packs:
        return []
    for a, b in combinations(sorted(packs + _stated_counts(text), key=lambda c: c.start), 2):
        if a.start != b.start and (a in packs or b in packs) and _clash(a, b):
            key = f"the number of {a.words[-1]}"
            return [Stated(key, str(a.n), a.text, a.start), Stated(key, str(b.n), b.text, b.start)]
    return []
