"""One part or property said to be a thing and not to be it: "MAGNETIC BASE" / "Base: non-magnetic".

:mod:`clash_polarity` leaves out every mention on a part's labelled line, since two parts
may differ ("Cover: non-stretch" beside "stretchy fabric"). This reader takes the cases
where the line's label names the same thing as the other mention, read structurally:

- the label names the part the other mention stands before: "Base: non-magnetic aluminium"
  beside "MAGNETIC BASE", "Backing: non-magnetic foam board" beside "Magnetic back";
- the label names the property itself, and its value denies it: "Insulation: none
  (uninsulated)" beside "Thermal-insulated reservoir", "Lining: none" beside "fleece-lined".

No list of properties: any word with a denied form ("non-X", "unX-ed", "not X", "X: none")
and an affirmed form of its stem ("X", "X-ed", "pre-X", "thermal-X") counts. A mention in a
clause that gives options, compares, or names what the product fits speaks of something else.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses, label_of

__all__ = ["OTHERWISE", "PARTS", "check_parts", "part_clash", "root", "sentence"]

# a denied adjective: "non-magnetic", "non magnetic", "unlined", "uninsulated", "not lined"
_DENIED = re.compile(r"(?i)(?<![\w-])(?:non[\s-]?(?P<a>[a-z]{4,})|un-?(?P<b>[a-z]{3,}(?:ed|able|"
                     r"ible))|not\s+(?P<c>[a-z]{4,}(?:ed|ic|ive|able|ible|ous)))\b")
# "Insulation: none", "Lining: no", "Magnet: N/A"
_NONE = re.compile(r"(?i)^\W*(?P<l>[a-z]{4,})\s*:\s*(?:none|no|nil|n/a|not\s+(?:any|included))"
                   r"\b(?!\s+[a-z])")
# clauses that give options, compare, or name another thing
_ELSEWHERE = re.compile(r"(?i)\b(?:or|either|available|options?|choose|unlike|than|vs|versus|"
                        r"instead|compared|like|other|others|if|when|fits?|for|compatible|"
                        r"works\s+with|except|unless|sold\s+separately|not\s+included|"
                        r"optional|upgrade|previous|older|regular|standard|traditional)\b")
# words that make a whole sentence about options or other products ("for reusable options,
# check out ...") or the affirmed mention one of two choices ("magnetic or adhesive")
OTHERWISE = re.compile(r"(?i)\b(?:options?|available|choose|unlike|than|vs|versus|instead|"
                        r"compared|others?|check\s+out|optional|sold\s+separately|upgrade)\b")
_CHOICE = re.compile(r"(?i)\b(?:or|and/or)\b|/")
_DENY_BEFORE = re.compile(r"(?i)\b(?:no|not|non|un|without|never|nor|anti|free\s+of)[\s-]*$")
_GENERIC = frozenset({"design", "style", "construction", "build", "material", "fabric",
                      "type", "feature", "features", "details", "specs", "spec", "note",
                      "notes", "description", "product", "item", "about", "info"})
# nouns of parts: a property before one of them is the part's, not the product's
PARTS = re.compile(r"(?i)^(?:covers?|cases?|lids?|straps?|liners?|inserts?|shells?|sleeves?|"
                    r"pouch(?:es)?|bags?|handles?|base|legs?|soles?|lining|pockets?|"
                    r"waistbands?|cuffs?|collars?|hoods?|trims?|panels?|buttons?|zippers?|"
                    r"cords?|cables?|remote|charger|battery|box|packaging|refills?|"
                    r"accessor(?:y|ies)|caps?|tops?|bottoms?|backs?|fronts?|seats?|frames?|"
                    r"doors?|drawers?|compartments?|walls?|sides?|edges?|gloves?|mitts?|"
                    r"blades?|heads?|tips?|nibs?|wheels?|shafts?|lens(?:es)?|screens?|bands?|"
                    r"laces?|faces?|wicks?|hinges?|knobs?|feet|linings?|pads?|spouts?|slots?)$")
_STOPS = frozenset({"and", "with", "in", "on", "at", "by", "for", "to", "of", "from", "that",
                    "which", "it", "is", "are", "so", "the", "a", "an", "but", "just"})


def root(word: str) -> str:
    """A word less its derivation: "insulation", "insulated" -> "insul"; "lining" -> "lin"."""
    word = word.lower()
    for suffix in ("ations", "ation", "ated", "ions", "ion", "isms", "ism", "ings", "ing", "ed",
                   "ic", "ity", "ive", "able", "ible", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word.rstrip("e")


def _same_part(a: str, b: str) -> bool:
    """True when two nouns name one part: equal roots, or one word starts the other."""
    a, b = a.lower(), b.lower()
    return len(a) >= 3 and len(b) >= 3 and (root(a) == root(b) or a.startswith(b)
                                            or b.startswith(a))


def _noun_after(text: str, end: int) -> str:
    """The first word after a mention, up to its clause's end or a stop word ("" if none)."""
    m = re.match(r"[ \t]*(?:-[ \t]*)?([a-z][a-z'-]*)", text[end:end + 30], re.IGNORECASE)
    if m is None or m.group(1).lower() in _STOPS or text[end:end + 2].startswith(" -"):
        return ""
    return m.group(1).lower()


def sentence(text: str, at: int) -> str:
    """The sentence or line holding offset ``at``."""
    start = max(text.rfind(sep, 0, at) for sep in (". ", "\n", "! ", "? ", "; "))
    ends = [e for e in (text.find(sep, at) for sep in (". ", "\n", "! ", "? ", "; ")) if e >= 0]
    return text[start + 1:min(ends, default=len(text))]


def _affirmed(text: str, stem: str) -> list[re.Match[str]]:
    """Mentions of a word of root ``stem`` that no denial opens: "magnetic", "thermal-insulated"."""
    found = []
    for m in re.finditer(rf"(?i)(?<![\w])(?:[a-z]{{2,}}-)?(?P<w>{re.escape(stem)}[a-z]*)\b", text):
        whole = m.group(0).lower()
        if whole.split("-")[0] in {"non", "un", "anti", "no", "not"} or \
                _DENY_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or \
                root(m.group("w")) != stem or m.group("w").lower().startswith(("un", "non")):
            continue
        found.append(m)
    return found


def _denials(text: str) -> list[tuple[str, str, int, str]]:
    """Every denial on a labelled line: (root, phrase, start, the label's part or "")."""
    found = []
    for clause, at in clauses(text):
        label = label_of(clause)
        if label is None or _ELSEWHERE.search(clause) or re.search(r"\d", clause):
            continue  # "Tool Roll: 26 x 13 in. (unrolled)": the state a measure is taken in
        name = label.group("label").strip().lower()
        none = _NONE.match(clause)
        if none is not None:  # "Insulation: none": the property itself denied
            found.append((root(none.group("l")), clause.strip(), at, ""))
            continue
        for m in _DENIED.finditer(clause, label.end()):
            word = m.group("a") or m.group("b") or m.group("c")
            owner = "" if root(word) == root(name.split()[-1]) else name
            if owner and owner.split()[-1] in _GENERIC:
                continue  # "Design: non-magnetic": clash_polarity's case
            found.append((root(word), m.group(0), at + m.start(), owner))
    return found


def part_clash(text: str) -> tuple[str, str] | None:
    """The first affirmed and denied mention of one stem said of one part or property."""
    pieces = clauses(text)
    for stem, phrase, at, owner in _denials(text):
        for m in _affirmed(text, stem):
            clause, c_at = next((c, s) for c, s in reversed(pieces) if s <= m.start())
            near = text[max(0, m.start() - 15):m.end() + 15]
            if c_at == at or OTHERWISE.search(sentence(text, m.start())) or \
                    _CHOICE.search(near) or label_of(clause) is not None \
                    and label_of(clause).end() + c_at <= m.start():  # type: ignore[union-attr]
                continue
            noun = _noun_after(text, m.end())
            if owner and not (noun and _same_part(noun, owner.split()[-1])):
                continue
            nouns = re.findall(r"[a-z]+", text[m.end():m.end() + 25].lower())[:2]
            if not owner and any(PARTS.match(n) for n in nouns):
                continue  # "Lining: none" beside "lined card slots": another thing's
            return m.group(0), phrase
    return _denied_in_prose(text, pieces)


def _denied_in_prose(text: str, pieces: list[tuple[str, int]]) -> tuple[str, str] | None:
    """A part's labelled value denied in the copy: "Base: magnetic steel" / "non-magnetic base"."""
    stated = {}
    for clause, _at in pieces:
        label = label_of(clause)
        value = re.match(r"\s*([A-Za-z]{4,})\b", clause[label.end():]) if label else None
        if label is not None and value is not None and not re.search(r"\d", clause) and \
                not _ELSEWHERE.search(clause) and not _DENIED.match(clause, label.end()):
            part = label.group("label").strip().lower().split()[-1]
            if part not in _GENERIC:
                stated[root(value.group(1))] = (part, clause.strip())
    lines = _labelled_lines(pieces)
    for clause, at in pieces if lines else ():
        if label_of(clause) is not None and not _notice(clause) or \
                OTHERWISE.search(sentence(text, at)):
            continue
        for m in _DENIED.finditer(clause):
            word = root(m.group("a") or m.group("b") or m.group("c"))
            heads = re.findall(r"[a-z]+", clause[m.end():m.end() + 30].lower())[:3]
            for part, line in lines:
                said = line.split(":", 1)[1]
                if any(_same_part(h, part) for h in heads) and (word in stated and stated[word][
                        0] == part or _affirms(said, word)):
                    return line, m.group(0)  # "Movement: ... audible tick-tock" / "non-ticking"
        for m in _NO_THING.finditer(clause):
            for part, line in lines:
                said = line.split(":", 1)[1]
                if (_same_part(m["t"], part) or _affirms(said, m["t"].lower())) and \
                        not _STATUS.match(clause, m.end()):
                    return line, m.group(0).strip()  # "Pattern: Morris print" / "no pattern"
    return None


_DENY_WORDS = frozenset({"no", "non", "not", "zero", "free", "without", "never"})
_NO_THING = re.compile(r"(?i)\b(?:no|without)\s+(?:[a-z]+\s+or\s+)?(?P<t>[a-z]{4,})\b"
                       r"(?=\s*(?:[,.;:!)\n]|$|\s+(?:anywhere|at\s+all|whatsoever)\b))")
_STATUS = re.compile(r"(?i)\s*(?:\(?\s*)?(?:needed|required|necessary|included|incl|added|"
                     r"more|longer|need|worries|hassle|mess)\b")


_NOTICE = frozenset({"note", "know", "important", "notice", "fyi", "attention", "tip", "caution",
                     "warning", "heads", "please"})


def _notice(clause: str) -> bool:
    """True when ``clause`` opens on a notice label ("Good to know:", "Please note:")."""
    label = label_of(clause)
    return label is not None and bool(set(label.group("label").lower().split()) & _NOTICE)


def _labelled_lines(pieces: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """(the part a line is labelled with, the line) for lines that say something of a part."""
    out = []
    for clause, _at in pieces:
        label = label_of(clause)
        if label is None or _notice(clause) or _ELSEWHERE.search(clause) or _NONE.match(clause) or \
                re.match(r"\s*(?:no|non|not|none|un)\b", clause[label.end():], re.I):
            continue
        words = label.group("label").strip().lower().split()
        if words[-1] not in _GENERIC and len(words) <= 2 and words[0] not in _DENY_WORDS:
            out.append((words[-1], clause.strip()))
    return out


def _affirms(value: str, stem: str) -> bool:
    """True when ``value`` says a word of root ``stem`` with no denial before it."""
    return any(not _DENY_BEFORE.search(value[:m.start()]) for m in
               re.finditer(rf"(?i)(?<![\w-]){re.escape(stem)}", value))


def check_parts(text: str) -> None:
    """Raise :class:`InvalidRequestError` when one part or property is affirmed and denied."""
    pair = part_clash(text)
    if pair is not None:
        raise InvalidRequestError(
            f"the brief contradicts itself: it says {pair[0]!r} and also {pair[1]!r}; "
            f"say which is true")
