"""The sources' clauses as token runs: what a model sentence may copy a span from.

A source text is cut into clauses at commas, semicolons, dashes and full stops (not inside
a number: "1.5", "8,000"); each clause is a run of lower-case tokens (hyphenated words
split). A span copied from one clause keeps the qualifiers and negations its number or
word stands with ("up to 10 hours", "no BPA"), and a quantity that sizes the noun after it
in the source ("15 in folding board") stays that noun's. Used by :mod:`binding`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tools.creatives.closed_world import Support, word_forms

_TOK = re.compile(r"\d+(?:[.,/]\d+)*|[A-Za-z\u00b0][A-Za-z'\u2019]*|[%+&,;:()]")
_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]\u2013\u2014|]|[.,](?!\d)|/(?!\d)|\s-\s")
ARTICLES = frozenset({"a", "an", "the"})
PRONOUNS = frozenset({"it", "its", "it's", "this", "these", "they", "their", "our"})
COORD = frozenset({"and", "or", "plus", ",", ";", ":", "&", "(", ")"})
INSERT = frozenset({"for", "of", "at", "to", "in", "on", "with", "from", "by", "into"})
NEGATION = frozenset({"no", "not", "non", "without", "never"})
NUMBER_BEFORE = frozenset({"up", "to", "about", "around", "approx", "approximately",
                           "nearly", "almost", "over", "under", "least", "most", "max",
                           "maximum", "min", "minimum", "only", "than"})
NUMBER_AFTER = frozenset({"each", "per", "max", "maximum", "min", "minimum"})


def tokens(text: str) -> list[str]:
    """Lowercase word, number and joining-punctuation tokens; hyphenated words split."""
    out: list[str] = []
    for tok in _TOK.findall(text.replace("\u2019", "'")):
        out += [p for p in tok.lower().split("-") if p]
    return out


@lru_cache(maxsize=4096)
def tok_forms(tok: str) -> frozenset[str]:
    """A token's word forms (a number or a sign is only itself)."""
    return frozenset({tok} if tok[0].isdigit() or not tok[0].isalpha() else word_forms(tok))


def same_word(a: str, b: str) -> bool:
    """True when two tokens are forms of one word ("keep", "keeps")."""
    return bool(tok_forms(a) & tok_forms(b))


def is_number(tok: str) -> bool:
    """True for a number token."""
    return tok[0].isdigit()


@dataclass
class Clauses:
    """The sources' clauses as token sequences, and the product's name words."""

    clauses: list[list[str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)

    def name(self, names: Iterable[str]) -> None:
        """The product's names: every word, and the head noun each one ends on."""
        for n in names:
            words = [t for t in tokens(n) if t[0].isalpha()]
            self.names |= {f for t in words for f in tok_forms(t)}
            if words:
                self.heads |= tok_forms(words[-1])

    @classmethod
    def from_support(cls, support: Support) -> Clauses:
        """The clauses of a closed-world support's texts, with its name words."""
        out = cls(clauses=[toks for text in support.texts
                           for toks in map(tokens, _CLAUSE_BREAK.split(text)) if toks])
        out.name(support.name_texts)
        if not out.heads and out.clauses:
            out.name([" ".join(out.clauses[0])])
        return out

    def spans(self, sent: list[str], i: int, fold_first: bool) -> list[tuple[int, int, int]]:
        """Every (clause, start, end) copied in order from one clause at ``sent[i:]``.

        Words are copied as written; only a span's first word may change its ending, and
        only where it is the product's verb ("they keep" for "keeps"): "a side pocket" is
        not "side pockets", "a size S-XXL" not "sizes S-XXL".
        """
        found = []
        for c, clause in enumerate(self.clauses):
            most = RUN_ON_SPAN if _run_on(clause) else len(clause)
            for s in range(len(clause)):
                k = 0
                while (k < most and i + k < len(sent) and s + k < len(clause)
                       and (sent[i + k] == clause[s + k]
                            or k == 0 and fold_first and same_word(sent[i], clause[s])
                            and not (i > 0 and sent[i - 1] in ARTICLES))):  # "a size XS"
                    k += 1
                    if self.whole(c, s, s + k):
                        found.append((c, s, s + k))
        return found

    def subject_is_product(self, c: int, s: int) -> bool:
        """True when nothing but the product's name stands before ``s`` in clause ``c``.

        "the tracker lasts 1 year" is no copy of "replaceable CR2032 battery lasts 1 year":
        the source's subject is the battery.
        """
        return all(t in ARTICLES or t in PRONOUNS or tok_forms(t) & self.names
                   for t in self.clauses[c][:s])

    def whole(self, c: int, s: int, e: int) -> bool:
        """False when the span leaves out a negation or a qualifier of its number."""
        clause = self.clauses[c]
        before = clause[s - 1] if s > 0 else ""
        after = clause[e] if e < len(clause) else ""
        if before in NEGATION or after == "free":
            return False
        if any(is_number(t) for t in clause[s:e]):
            return (before not in NUMBER_BEFORE and after not in NUMBER_AFTER
                    and not self._owned(clause[s:e], after))
        return True

    def owned_by_next(self, c: int, s: int, words: list[str]) -> bool:
        """True when a noun follows the span in its source clause ("100% cotton cover").

        The material is then that part's: "made of 100% cotton" would move it onto the
        product.
        """
        clause, e = self.clauses[c], s + len(words)
        after = clause[e] if e < len(clause) else ""
        return (after[:1].isalpha() and after not in ARTICLES | COORD | INSERT | NUMBER_AFTER
                and not tok_forms(after) & self.names)

    def _owned(self, span: list[str], after: str) -> bool:
        """True when the span's quantity belongs to the noun after it in the source.

        "15 in folding board" gives the board's size: "15 in" alone would move it onto
        whatever the sentence puts it on ("the chess set measures 15 in").
        """
        ends_on_quantity = is_number(span[-1]) or len(span) > 1 and is_number(span[-2])
        return (ends_on_quantity and after[:1].isalpha() and after not in ARTICLES | COORD
                | INSERT | NUMBER_AFTER | NEGATION and not tok_forms(after) & self.names)


RUN_ON_SPAN = 3


def _run_on(clause: list[str]) -> bool:
    """True for a list typed without commas or joining words ("20L waterproof 500D PVC").

    Which word goes with which is a guess there, so a sentence copies at most a few words
    of it ("a waterproof 500D PVC shoulder strap" would bind the bag's facts to the strap).
    """
    starts = [i for i, t in enumerate(clause) if is_number(t)  # "27 x 20" is one, and
              and (i == 0 or clause[i - 1] not in _SAME_QUANTITY  # "CR2032" a model code
                   and not (clause[i - 1].isalpha() and len(clause[i - 1]) <= 2))]
    return len(clause) >= 6 and len(starts) >= 2 and not set(clause) & (COORD | INSERT)


_SAME_QUANTITY = frozenset({"x", "by", "to", "and", "or", "/"})
