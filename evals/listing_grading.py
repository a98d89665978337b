"""Independent grading of listing drafts: facts kept, words no source supports.

Written before the listing code and separately from ``tools/creatives``' claim checker, on
purpose with a different approach: the checker judges phrases; this grader judges single
words and numbers, with its own tokeniser, suffix stripping and glue list. ``GLUE`` is frozen
with the brief set (evals/data/creative/README.md): never widen it after reading failures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Function words and listing glue: words that assert no property of a product.
GLUE = frozenset("""
a an the and or but nor of to in on for with without from by at as into onto up out over per
each every all any both either this that these those it its they them their you your yours we
our us is are was were be been being has have had do does did can could will would should may
so than then there here when while where what which who whom how also just only more most not
no one two three four five six seven eight ten plus than via if about around inside
product products item items listing brand type kind model size sizes sized capacity weight
weighs weigh measure measures measuring dimension dimensions count counts pack packs set sets
piece pieces pcs pc unit units include includes included including comes come box feature
features featuring featured made make material materials detail details specification
specifications spec specs use uses used using get gets keep keeps hold holds fit fits fitting
work works working compatible compatibility rated rating ratings certified certification
certifications warranty covered cover covers backed runtime power performance last lasts
lasting time times design designed new available choose order buy shop what know need needs
everything ready key total fact facts main option options range ranges standard standards
number numbers description title bullet bullets name named per cent percent
""".split())
_WORD = re.compile(r"\d+(?:[.,/]\d+)*|[A-Za-z]+")


def normal(text: str) -> str:
    """Lowercase, ``×`` as ``x``, straight quotes, spaces and hyphens collapsed to one space."""
    text = text.lower().replace("\u00d7", "x").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u2013", " ").replace("\u2014", " ")
    return re.sub(r"[\s\-]+", " ", text).strip()


def fact_present(fact_text: str, shown: str) -> bool:
    """True when the fact's surface string occurs in ``shown`` (title + bullets), bounded."""
    needle = re.escape(normal(fact_text))
    return re.search(rf"(?<![a-z0-9.,]){needle}(?![a-z0-9])", normal(shown)) is not None


def stem(word: str) -> str:
    """The grader's own suffix stripping (plural, -ing, -ed, -ly), lowercase."""
    w = word.lower()
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"),
                         ("shes", "sh"), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""),
                         ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + keep
    return w


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("\u00d7", " x "))


def _is_number(token: str) -> bool:
    return token[:1].isdigit()


def _num(token: str) -> str:
    return token.replace(",", "")


@dataclass
class Source:
    """The words and numbers a draft may use: brief, product data, served knowledge."""

    numbers: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, *texts: str) -> Source:
        """Build the vocabulary from source texts."""
        src = cls()
        for text in texts:
            for tok in _tokens(text):
                if _is_number(tok):
                    src.numbers.add(_num(tok))
                else:
                    src.stems.add(stem(tok))
        return src


def unsupported_words(draft_text: str, source: Source) -> list[str]:
    """Numbers and words of the draft found in no source (glue and 1-letter words excepted)."""
    bad: list[str] = []
    for tok in _tokens(draft_text):
        if _is_number(tok):
            if _num(tok) not in source.numbers:
                bad.append(tok)
        elif len(tok) >= 2 and tok.lower() not in GLUE and stem(tok) not in source.stems:
            bad.append(tok)
    return list(dict.fromkeys(bad))


def draft_text(content: dict[str, Any]) -> str:
    """Every shopper-visible text of a listing draft, one per line."""
    return "\n".join([content.get("title", ""), *content.get("bullets", []),
                      content.get("description", ""), *content.get("keywords", [])])


def shown_text(content: dict[str, Any]) -> str:
    """Title and bullets: where the facts must appear."""
    return "\n".join([content.get("title", ""), *content.get("bullets", [])])


def grade(content: dict[str, Any], brief: dict[str, Any]) -> dict[str, Any]:
    """Grade one draft against one labelled brief: facts missing, unsupported words."""
    shown = shown_text(content)
    missing = [f["text"] for f in brief["facts"] if not fact_present(f["text"], shown)]
    type_in_title = fact_present(brief["product_type"], content.get("title", ""))
    words = unsupported_words(draft_text(content), Source.of(brief["brief"]))
    return {"id": brief["id"], "split": brief["split"], "facts": len(brief["facts"]),
            "missing": missing, "unsupported": words, "type_in_title": type_in_title}
