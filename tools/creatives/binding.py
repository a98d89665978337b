"""Fact binding: a model sentence may join the sources' facts, never re-bind them.

The word-level check (``closed_world``) accepts a sentence whose every word and number
occurs in the sources. It cannot see a number or feature moved onto another attribute
("runs up to 40 hours on USB-C charging" from "runs up to 40 hours on low" + "USB-C
charging"), a material invented from another fact's word ("finished with recycled
cardboard" from "finished size 27 x 20 inches"), or a qualifier left behind ("10 hours"
from "up to 10 hours"). This check reads a model sentence as a small grammar over the
sources:

- a **span** is a run of words copied, in order, from ONE source clause (plurals and
  hyphens aside); a span that leaves out a qualifier its number stands with in the source
  ("up to", "about", "each", "max"), or a negation ("no", "not", "-free"), is no span;
- spans are joined only by **coordinators** ("and", "or", commas); any other joining word
  between two spans ("on", "of", "with", "for", "so") must stand where the source clause
  has the two spans next to each other, so nothing is re-bound;
- the product itself (its name, "it", "this") may open the sentence, take a frame verb
  ("is", "has", "comes with") and a binding word whose kind is checked against what
  follows: "made of" takes a material (no bare quantity), "measures" a dimension, "holds"
  a capacity or weight, "weighs" a weight, "for" only what the source gives with "for",
  "made of" a span that ends on a material ("made of anti-skid rubber sole" moves the
  sole's rubber onto the product);
- words are copied as written ("side pockets" is not "a side pocket"), except a
  predicate's verb ending; a predicate span of the product must not drop its source
  subject ("the tracker lasts 1 year" from "CR2032 battery lasts 1 year").

Anything else (a causal or comparative link, an implied benefit, a fact moved onto another
attribute) leaves the sentence unparsed and it is dropped with the place it failed.
There is no list of bad phrases: the grammar admits only what the sources join.
"""

from __future__ import annotations

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.nlp.quantities import find_quantities
from tools.creatives.binding_clauses import (
    ARTICLES,
    COORD,
    INSERT,
    NUMBER_BEFORE,
    PRONOUNS,
    Clauses,
    is_number,
    same_word,
    tok_forms,
    tokens,
)
from tools.creatives.closed_world import Finding

__all__ = ["ARTICLES", "BIND", "BIND_VERBS", "FRAME", "PRONOUNS", "Clauses", "check_binding",
           "ends_on_material", "tokens"]

FRAME = frozenset({"is", "are", "has", "have", "comes", "come", "features", "offers",
                   "includes", "include", "also"})
# binding words after the product, with the kinds of quantity the next span may carry
BIND: dict[tuple[str, ...], frozenset[str] | None] = {
    ("made", "of"): frozenset({"rating"}), ("made", "from"): frozenset({"rating"}),
    ("made", "with"): frozenset({"rating"}), ("designed", "for"): frozenset(),
    ("with",): None, ("for",): frozenset(), ("that",): None, ("which",): None,
    ("measures",): frozenset({"dimension"}), ("measuring",): frozenset({"dimension"}),
    ("holds",): frozenset({"capacity", "weight"}), ("weighs",): frozenset({"weight"}),
}
NEED_KIND = frozenset({("measures",), ("measuring",), ("holds",), ("weighs",)})
FOR = frozenset({("for",), ("designed", "for")})
MADE = frozenset({("made", "of"), ("made", "from"), ("made", "with")})
BIND_VERBS = frozenset(w for (w, *_) in NEED_KIND)
GENERIC = frozenset({"feature", "function", "option"})  # "a voice recording feature"


def ends_on_material(words: list[str]) -> bool:
    """True when the span ends on a material ("recycled cardboard", not "rubber sole")."""
    text = " ".join(words)
    found = find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                       check_negation=True)
    return any(end == len(text) for _term, _start, end in found)


def _kinds(words: list[str]) -> set[str]:
    return {q.kind for q in find_quantities(" ".join(words)) if q.kind != "number"}


class _Parser:
    """Depth-first parse of one sentence; remembers how far it got for the reason."""

    def __init__(self, sent: list[str], src: Clauses) -> None:
        self.sent, self.src, self.best = sent, src, 0
        self.seen: set[tuple[int, tuple[object, ...]]] = set()

    def parse(self, i: int, prev: tuple[object, ...]) -> bool:
        """True when ``sent[i:]`` parses after a unit of kind ``prev``."""
        if (i, prev) in self.seen:
            return False
        self.seen.add((i, prev))
        self.best = max(self.best, i)
        sent, kind = self.sent, prev[0]
        if i == len(sent):
            return kind in ("span", "name", "generic")
        tok = sent[i]
        if tok in ARTICLES:
            if kind == "frame" and self.sent[i - 1] in ("is", "are"):
                return self.parse(i + 1, ("is_a",))  # "it is a ...": only the product
            return self.parse(i + 1, prev)
        if kind == "is_a":  # "a 1600 DPI wireless mouse", never "a night light"
            return self._name(i) or self._span(i, prev)
        if kind == "modifier":
            return self._premodifier(prev) and self._name(i)
        if (kind in ("begin", "coord", "frame")
                or kind in ("span", "modifier") and self._premodifier(prev)) and self._name(i):
            return True
        if kind in ("name", "frame", "coord") and tok in FRAME and self.parse(i + 1, ("frame",)):
            return True
        if kind in ("name", "frame") and self._bind(i):
            return True
        if (kind in ("span", "name") or kind == "coord" and tok in ("and", "or")) \
                and tok in COORD and self.parse(i + 1, ("coord",)):
            return True
        if kind == "span" and tok in GENERIC and self.parse(i + 1, ("generic",)):
            return True
        if kind == "generic" and tok in COORD and self.parse(i + 1, ("coord",)):
            return True
        if kind == "span" and tok in INSERT and self.parse(i + 1, ("insert", *prev[1:])):
            return True
        return self._span(i, prev)

    def _premodifier(self, prev: tuple[object, ...]) -> bool:
        """A span may stand before the product's name unless it ends on a joining word."""
        c, e = prev[1], prev[2]
        assert isinstance(c, int) and isinstance(e, int)
        return self.src.clauses[c][e - 1] not in INSERT | NUMBER_BEFORE | COORD

    def _name(self, i: int) -> bool:
        """The product itself: a pronoun, or name words ending on its head noun."""
        j, ends = i, []
        while j < len(self.sent) and (self.sent[j] in PRONOUNS
                                      or tok_forms(self.sent[j]) & self.src.names):
            if self.sent[j] in PRONOUNS or tok_forms(self.sent[j]) & self.src.heads:
                ends.append(j + 1)
            j += 1
        return any(self.parse(k, ("name",)) for k in reversed(ends))

    def _bind(self, i: int) -> bool:
        for words, kinds in BIND.items():
            if tuple(self.sent[i:i + len(words)]) == words and self.parse(
                    i + len(words), ("bind", words, kinds)):
                return True
        return False

    def _span(self, i: int, prev: tuple[object, ...]) -> bool:
        kind = prev[0]
        if kind == "is_a":
            return any(self.parse(i + e - s, ("modifier", c, e))
                       for c, s, e in self.src.spans(self.sent, i, fold_first=False))
        if kind not in ("begin", "coord", "name", "frame", "bind", "span", "insert"):
            return False
        predicate = kind in ("begin", "name", "coord")
        for c, s, e in self.src.spans(self.sent, i, fold_first=predicate):
            n = e - s
            if kind in ("span", "insert") and not self._continues(prev, c, s):
                continue
            if predicate and not self.src.subject_is_product(c, s):
                # not the product's predicate: only a modifier of its name ("750ml bottle")
                if self.parse(i + n, ("modifier", c, e)):
                    return True
                continue
            if kind == "bind" and not self._fits(prev, self.sent[i:i + n], c, s):
                continue
            if self.parse(i + n, ("span", c, e)):
                return True
        return False

    def _continues(self, prev: tuple[object, ...], c: int, s: int) -> bool:
        """A span after an inserted joining word continues its clause ("cold for 24 hours")."""
        pc, pe = prev[1], prev[2]
        if pc != c or not isinstance(pe, int):
            return False
        if prev[0] != "insert":  # one longer span covers it; a split would dodge _fits
            return False
        return s == pe or s == pe + 1 and self.src.clauses[c][pe] in INSERT | ARTICLES

    def _fits(self, prev: tuple[object, ...], words: list[str], c: int, s: int) -> bool:
        """The span after a binding word carries the kind of fact that word binds.

        A purpose or audience ("for large dogs") must be one the source gives with "for".
        """
        bind, kinds = prev[1], prev[2]
        if bind in FOR and (s == 0 or self.src.clauses[c][s - 1] != "for"):
            return False
        if kinds is None:
            return True
        assert isinstance(kinds, frozenset)
        if bind in MADE and (not ends_on_material(words) or self.src.owned_by_next(c, s, words)):
            return False
        found = _kinds(words)
        if bind in NEED_KIND:
            return bool(found & kinds)
        return not is_number(words[0]) or found <= kinds and bool(found)


def _repeated(sent: list[str], src: Clauses) -> str | None:
    """A content word the sentence says more often than all the sources together.

    "It has a tray and a slide-out tray" for one "slide out tray" reads as two trays.
    """
    counts: dict[str, int] = {}
    for tok in sent:
        if len(tok) > 2 and tok[0].isalpha() and tok not in FRAME | PRONOUNS | INSERT \
                and not tok_forms(tok) & src.names:
            counts[tok] = counts.get(tok, 0) + 1
    for tok, n in counts.items():
        if n > 1 and n > sum(1 for clause in src.clauses for t in clause if same_word(t, tok)):
            return tok
    return None


def check_binding(sentence: str, src: Clauses) -> list[Finding]:
    """One finding when ``sentence`` joins or moves facts in a way no source does."""
    sent = [t for t in tokens(sentence.rstrip(".!? "))]
    if not sent:
        return []
    twice = _repeated(sent, src)
    if twice is not None:
        return [Finding(twice, f"{twice!r} is said more often than the sources say it")]
    parser = _Parser(sent, src)
    if parser.parse(0, ("begin",)):
        return []
    at = min(parser.best, len(sent) - 1)
    where = " ".join(sent[max(0, at - 3):at + 3])
    return [Finding(where, f"near {sent[at]!r}: the sentence joins facts in a way no fact, "
                           "product field or knowledge line does")]
