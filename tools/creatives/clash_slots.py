"""A spec line and a modifier elsewhere that give one head two values: "Design: closed-back".

No list of attributes or values: a spec line whose label is one word and whose value is
short names one value of one slot, read in three shapes:

- "Design: closed-back": the value is a compound, its head ("back") the slot, its modifier
  ("closed") the value;
- "Base: oil (alkyd resin)": the label ("base") is the slot, the one-word value the value;
- "Sleeves: short cap sleeves": the value ends on the label's noun, its first word the value.

Elsewhere a hyphenated compound on the same head ("Open-back design", "Water-based
formula"), or for the last shape a plain modifier before it ("long sleeve"), gives the slot
another value. Two values of one slot on a spec line and in the copy exclude each other: a
merchant writes a spec line to say which one. Left out: heads that qualify rather than name
a slot ("-free", "-safe", "-proof", "-resistant", "-friendly", "-style"), negated or degree
modifiers ("non-", "high-"), a line that lists the other value too ("Ribbon: grosgrain
ribbon, organza ribbon"), and any sentence that gives options or compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses, label_of
from tools.creatives.clash_parts import OTHERWISE, PARTS, root, sentence

__all__ = ["check_slots", "slot_clash"]


@dataclass(frozen=True)
class _Value:
    """One value of a slot as written: the slot's root, the value word, the span, its shape."""

    slot: str
    value: str
    text: str
    start: int
    shape: str  # "compound", "value", "modified" (spec line); "hyphen", "plain" (elsewhere)


_FOR = re.compile(r"(?i)\b(?:for|fits?|with|compatible|like|unlike|than|over|on|into|under)\b")
_CHOICE = re.compile(r"(?i)\b(?:or|and/or)\b|/")
_END = r"(?=\s*(?:$|[,(;.\n]|\s[-\u2013\u2014]\s))"
_COMPOUND_VALUE = re.compile(rf"(?i)\s*(?:(?P<a>[a-z]{{2,}})-)?(?P<h>[a-z]{{2,}})\b{_END}")
_MODIFIED_VALUE = re.compile(rf"(?i)\s*(?P<a>[a-z]{{3,}})(?:\s+[a-z]{{2,}}){{0,2}}?\s+"
                             rf"(?P<h>[a-z]{{3,}})\b{_END}")
_HYPHEN = re.compile(r"(?i)(?<![\w-])(?P<a>[a-z]{2,})-(?P<h>[a-z]{3,})(?![\w-])")
_PLAIN = re.compile(r"(?i)(?<![\w-])(?=(?P<a>[a-z]{3,})\s+(?P<h>[a-z]{3,})(?![\w-]))")
# modifiers that deny, grade or count rather than name a value
_NOT_VALUES = frozenset({"non", "un", "anti", "no", "not", "pre", "re", "self", "co", "multi",
                         "all", "high", "low", "well", "easy", "hand", "the", "and", "with",
                         "for", "our", "its", "your", "this", "that", "one", "two", "any",
                         "each", "per", "from", "are", "has", "have", "set", "pack", "new",
                         "extra", "more", "most", "very", "super", "ultra"})
# heads that qualify the product rather than name one of its slots
_QUALIFIERS = frozenset({"free", "safe", "proof", "resist", "resistant", "friendly", "ready",
                         "like", "style", "shap", "tone", "look", "inspir", "grade", "quality",
                         "control", "wick", "print", "recommend", "approv", "certifi", "test",
                         "size"})


def _spec_values(text: str) -> list[_Value]:
    """The one value each short one-word-labelled spec line gives its slot."""
    out = []
    for clause, at in clauses(text):
        label = label_of(clause)
        if label is None or len(label.group("label").split()) != 1:
            continue
        name, body = label.group("label").strip().lower(), clause[label.end():]
        if _CHOICE.search(body[:40]) or OTHERWISE.search(sentence(text, at)):
            continue
        end = text.find("\n", at)
        line = text[at:end if end >= 0 else len(text)].strip()  # the whole spec line
        if len(re.findall(rf"(?i)\b{re.escape(root(name))}", line)) > 2:
            continue  # "Ribbon: grosgrain ribbon, organza ribbon": a list of values
        compound = _COMPOUND_VALUE.match(body)
        modified = _MODIFIED_VALUE.match(body)
        if compound is not None and compound.group("a"):  # "Design: closed-back"
            out.append(_Value(root(compound["h"]), compound["a"].lower(), line, at, "compound"))
        elif compound is not None and len(name) > 2:  # "Base: oil"
            out.append(_Value(root(name), compound["h"].lower(), line, at, "value"))
        elif modified is not None and root(modified["h"]) == root(name):  # "Sleeves: short ..."
            out.append(_Value(root(name), modified["a"].lower(), line, at, "modified"))
    return [v for v in out if v.value not in _NOT_VALUES]


def _copy_values(text: str, heads: set[str]) -> list[_Value]:
    """Hyphenated compounds anywhere, and plain "modifier noun" pairs on one of ``heads``."""
    out = []
    for clause, at in clauses(text):
        if OTHERWISE.search(sentence(text, at)):
            continue
        for rx, shape in ((_HYPHEN, "hyphen"), (_PLAIN, "plain")):
            for m in rx.finditer(clause):
                a, h = m["a"].lower(), m["h"].lower()
                slot = root(h)
                after = re.match(r"[ \t]+([a-z]+)", clause[m.end("h"):], re.IGNORECASE)
                if after is not None and PARTS.match(after.group(1)) or \
                        _FOR.search(clause[:m.start()]):
                    continue  # "carbon-steel blade": a part's; "not for oil-based primers"
                if a in _NOT_VALUES or slot in _QUALIFIERS or h in _QUALIFIERS or \
                        shape == "plain" and slot not in heads or \
                        _CHOICE.search(clause[max(0, m.start() - 12):m.end("h") + 12]):
                    continue
                out.append(_Value(slot, a, clause[m.start("a"):m.end("h")], at + m.start(),
                                  shape))
    return out


def slot_clash(text: str) -> tuple[str, str] | None:
    """The first value in the copy and the spec line that give one slot two values."""
    specs = _spec_values(text)
    heads = {s.slot for s in specs if s.shape == "modified"}
    for spec in specs:
        for copy in _copy_values(text, heads):
            if (copy.shape == "plain") != (spec.shape == "modified") or \
                    copy.slot != spec.slot or copy.value == spec.value:
                continue
            if spec.start <= copy.start < spec.start + len(spec.text) + 5 or \
                    re.search(rf"(?i)\b{re.escape(copy.value)}\b", spec.text):
                continue  # on the spec line itself, or a line listing both values
            return copy.text, spec.text
    return None


def check_slots(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a spec line and the copy give a slot two values."""
    pair = slot_clash(text)
    if pair is not None:
        raise InvalidRequestError(
            f"the brief contradicts itself: it says {pair[0]!r} and also {pair[1]!r}; "
            f"say which is true")
