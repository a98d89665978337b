"""Closed-world claim checking: a sentence may say only what the product's sources say.

The sources are the brief, the product's data and the served knowledge about its type.
Each sentence is cut into content phrases (runs of words between punctuation and function
words). A phrase is supported when every word in it occurs in the sources, every number
with its unit matches a source quantity, and every two neighbouring words stand together
in one source clause (so "water filtration system" is not backed by "water fountain" plus
"triple filtration"); the product's own name may stand next to any backed word ("the
bottle keeps drinks cold", "non-slip yoga mat"), since every fact is about it. There is
no list of forbidden claims: anything the sources do not carry is unsupported, including
puffery ("protects your wallet") and comparisons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge.nlp.quantities import find_quantities, number_value
from tools.creatives.brief_text import sentence_ends

# Words that carry no claim about a product: articles, pronouns, prepositions, auxiliaries,
# and the few listing words the templates use to join facts.
FUNCTION = frozenset("""
a an the this that these those it its it's they them their you your we our us
and or but nor so yet as at by for from in into of on onto to up with without per each
is are was were be been being has have had do does can will
one also only just than then
product item listing brand size sizes capacity weight count set pack pieces
features feature details made includes include included comes come materials material
design designed use what box key specs backed shop order today now buy get
""".split())
_TOKEN = re.compile(r"\d[\d,./:]*[A-Za-z%\u00b0+]*(?:@\d+[A-Za-z]+)?|[A-Za-z][A-Za-z'\u2019-]*")
_BREAK = re.compile(r"[,;:.!?()\[\]\u2013\u2014|/&+]|\s-\s")


def word_forms(word: str) -> set[str]:
    """The word and its plain variants (plural, -ed, -ing, possessive), lowercase."""
    w = word.lower().replace("\u2019", "'").removesuffix("'s").removesuffix("'")
    forms = {w}
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"),
                         ("ed", ""), ("ed", "e"), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            forms.add(w[: len(w) - len(suffix)] + repl)
    return forms


def _words(text: str) -> list[str]:
    """Word tokens; hyphenated words count as their parts ("non-slip" -> "non", "slip")."""
    return [p for t in _TOKEN.findall(text) if not t[0].isdigit()
            for p in t.split("-") if p]


def _quantities(text: str) -> set[tuple[float, str | None]]:
    return {(q.value, q.unit) for q in find_quantities(text) if q.value is not None}


def _values(number: str) -> set[float]:
    """The values a number as written may be read as.

    "15/30/60" (a timer's settings) is 15, 30 and 60, and "15/30" or "30/60" where the
    quantity reader takes two of them as a fraction.
    """
    parts = number.split("/")
    runs = [number] if len(parts) < 3 else [*parts, *("/".join(p) for p in zip(
        parts, parts[1:], strict=False))]
    return {v for v in map(number_value, runs) if v is not None}


@dataclass
class Support:
    """What the sources say: words, numbers, quantities and the clauses they stand in."""

    words: set[str] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    quantities: set[tuple[float, str | None]] = field(default_factory=set)
    clauses: list[set[str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)
    name_texts: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, texts: Iterable[str], names: Iterable[str] = ()) -> Support:
        """Build the support from source texts; ``names`` (else the first clause) name it."""
        support = cls()
        for text in texts:
            support.add(text)
        support.name_texts = [n for n in names if n]
        support.names = {f for n in support.name_texts for w in _words(n) for f in word_forms(w)}
        if not support.names and support.clauses:
            support.names = set(support.clauses[0])
        return support

    def add(self, text: str) -> None:
        """Add one source text."""
        self.texts.append(text)
        for clause in _BREAK.split(text):
            words = _words(clause)
            forms = {f for w in words for f in word_forms(w)}
            if forms:
                self.clauses.append(forms)
                self.words |= forms
        for tok in _TOKEN.findall(text):
            if tok[0].isdigit():
                for part in re.findall(r"[\d,./]+", tok.split("@")[0]):  # "12:1" is 12 and 1
                    self.numbers |= _values(part.rstrip("./"))
        quantities = _quantities(text)
        self.quantities |= quantities
        self.numbers |= {value for value, _ in quantities}  # "1080p@60Hz": 60 is said too

    def knows(self, word: str) -> bool:
        """True when some form of ``word`` occurs in the sources."""
        return bool(word_forms(word) & self.words)

    def together(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` share a source clause, or one of them names the product.

        ("bottle" + "keeps drinks cold", "non-slip" + "yoga mat").
        """
        fa, fb = word_forms(a), word_forms(b)
        if fa & self.names or fb & self.names:
            return True
        return any(fa & c and fb & c for c in self.clauses)


@dataclass
class Finding:
    """One unsupported phrase in a sentence and why."""

    phrase: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def _phrases(sentence: str) -> list[list[str]]:
    """Runs of content tokens between punctuation and function words."""
    runs: list[list[str]] = []
    for part in _BREAK.split(sentence):
        run: list[str] = []
        for tok in _TOKEN.findall(part):
            if tok.lower().strip("'") in FUNCTION:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(tok)
        if run:
            runs.append(run)
    return runs


def check_sentence(sentence: str, support: Support) -> list[Finding]:
    """Every unsupported phrase of one sentence (empty when all of it is backed)."""
    findings: list[Finding] = []
    for q in find_quantities(sentence):
        if q.value is None:
            continue
        if q.unit is not None and (q.value, q.unit) not in support.quantities:
            findings.append(Finding(q.text, f"no fact gives {q.text!r}"))
        elif q.value not in support.numbers:
            findings.append(Finding(q.text, f"the number in {q.text!r} is in no fact"))
    for run in _phrases(sentence):
        words = [p for t in run if not t[0].isdigit() for p in t.split("-") if p]
        phrase = " ".join(run)
        missing = [w for w in words if len(w) > 1 and not support.knows(w)]
        if missing:
            findings.append(Finding(phrase, f"{', '.join(repr(m) for m in missing)} "
                                            "appears in no fact, product field or knowledge"))
            continue
        for a, b in zip(words, words[1:], strict=False):
            if len(a) > 1 and len(b) > 1 and not support.together(a, b):
                findings.append(Finding(phrase, f"no fact puts {a!r} together with {b!r}"))
                break
    return findings


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (keeps the closing punctuation; "Dr. Brown's" is one)."""
    text = text.strip()
    cuts = [0, *sentence_ends(text), len(text)]
    return [p.strip() for a, b in zip(cuts, cuts[1:], strict=False) if (p := text[a:b]).strip()]


@dataclass
class Checked:
    """Text after the closed-world check: what was kept and each dropped sentence with why."""

    text: str
    dropped: list[dict[str, Any]]


def check_prose(text: str, support: Support, *, where: str) -> Checked:
    """Keep the sentences of ``text`` that are fully supported; report the others."""
    kept, dropped = [], []
    for sentence in split_sentences(text):
        findings = check_sentence(sentence, support)
        if findings:
            dropped.append({"field": where, "sentence": sentence,
                            "unsupported": [f.as_dict() for f in findings]})
        else:
            kept.append(sentence)
    return Checked(" ".join(kept), dropped)
