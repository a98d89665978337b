"""Which of the catalogue's product types a query asks for, and which products are of it.

Read from the query's head noun phrase (:func:`knowledge.type_names.head_words`), never from
its situation ("headphones for the gym" asks for headphones, not gym bags), against the
catalogue's own types (each product's ``type`` attribute):

1. a type all of whose words the head names ("waterproof hiking boots" -> hiking boots);
2. else the types whose head noun is the phrase's last word ("boots" -> hiking boots,
   "mat for yoga" -> yoga mat over play mat: a type's other words said anywhere in the query
   break the tie), or that name it with other words the query says ("light for my monitor");
3. else a category the last word names ("clothes" -> the clothing types);
4. else, when titles name the head noun, the products so titled ("sealant");
5. else the type nearest the head phrase by embedding, when it is close (a weaker reading).

Products titled with every word of the head lead the rest of the type ("gym bag" where the
catalogue's type is "bag").

Everyday and British names are mapped first ("trainers" -> sneakers, "pram" -> stroller).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge.text import STOPWORDS, stem
from knowledge.type_names import head_words, respell, type_words

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
NEAREST_MIN = 0.62  # cosine of head phrase and type name for the embedding reading
NEAREST_WEIGHT = 0.5  # how strongly that weaker reading is trusted
FILLER = frozenset("""something anything everything thing stuff item product gift present idea
one pair set kit pack option recommendation suggestion""".split())  # names no type
NARROWER = 0.8  # products of the type whose titles lack a word the head adds ("gym" bag)
CHILD_YEARS = 13  # "a 9 year old" is a child; "my 70 year old mum" is not
_AGE = re.compile(r"\b(\d{1,2})[\s-]*(years?|yrs?|months?|mos?)[\s-]*old\b")
CATEGORY_WORDS = {"clothing": ("clothes", "apparel"), "shoes": ("footwear",)}  # everyday names


@dataclass(frozen=True)
class AskedType:
    """The catalogue types a query asks for, each with how surely (1: named outright)."""

    types: dict[str, float]
    head: tuple[str, ...]
    how: str
    plain: tuple[str, ...] = ()  # the head's own stemmed words, no everyday names added

    def weight(self, kind: str) -> float:
        """How surely a product of type ``kind`` is of the asked type (0: not at all)."""
        return self.types.get(kind, 0.0)


@dataclass
class _Types:
    """The catalogue's types, read once per catalogue version."""

    names: list[str] = field(default_factory=list)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    category: dict[str, str] = field(default_factory=dict)
    positions: dict[str, np.ndarray] = field(default_factory=dict)
    titled: dict[str, set[int]] = field(default_factory=dict)  # title word -> products
    vectors: np.ndarray | None = None


class TypeReader:
    """Reads the asked type of a query against a search index's ``types`` column."""

    def __init__(self, embedder: Any = None) -> None:
        """``embedder`` (optional) breaks ties and reads names no catalogue word matches."""
        self.embedder = embedder
        self._types = _Types()
        self._seen: tuple[int, int, int] = (0, 0, -1)

    def _follow(self, index: Any) -> _Types:
        key = (id(index), len(index), int(getattr(index, "version", 0)))
        if key != self._seen:
            self._types = _catalogue_types(index)
            self._seen = key
        return self._types

    def read(self, query: str, index: Any) -> AskedType | None:
        """The asked type of ``query`` (None when its head names no type the catalogue has)."""
        known = self._follow(index)
        head = tuple(type_words(head_words(query)))
        if not head or not known.names:
            return None
        said = _said(query)
        plain = tuple(stem(respell(w)) for w in head_words(query))
        for how, found in (("named", _named(head, said, known)),
                           ("head", _kids_version(_headed(head, known), said, known)),
                           ("inner", _inner(head[-1], said, known))):
            if found:
                return AskedType(self._ties(query, found, known), head, how, plain)
        by_category = _by_category(head[-1], known)
        if by_category:
            return AskedType(dict.fromkeys(by_category, 1.0), head, "category")
        if head[-1] not in FILLER and known.titled.get(head[-1]):  # titles name it: "sealant"
            return AskedType({head[-1]: 1.0}, head, "titled")
        return self._nearest(head_words(query), head, known)

    def _ties(self, query: str, found: list[str], known: _Types) -> dict[str, float]:
        """Keep the types whose other words the query says most ("mat for yoga": yoga mat).

        Types the words leave tied stay asked alike; search's own order ranks among them.
        """
        said = _said(query)
        score = {t: len(set(known.words[t]) & said) for t in found}
        best = max(score.values())
        return {t: 1.0 for t in found if score[t] == best}

    def _similarities(self, text: str, known: _Types) -> np.ndarray | None:
        if self.embedder is None:
            return None
        if known.vectors is None:
            known.vectors = np.asarray(self.embedder.embed_cached(known.names), dtype=np.float32)
        return np.asarray(known.vectors @ self.embedder.embed_query(text))

    def _nearest(self, words: list[str], head: tuple[str, ...], known: _Types
                 ) -> AskedType | None:
        """The type nearest the head phrase in meaning, when it is near enough."""
        sims = self._similarities(" ".join(words), known)
        if sims is None or not len(sims):
            return None
        best = int(np.argmax(sims))
        if float(sims[best]) < NEAREST_MIN:
            return None
        return AskedType({known.names[best]: NEAREST_WEIGHT}, head, "nearest")

    def product_weights(self, asked: AskedType, index: Any) -> np.ndarray:
        """Per product of ``index``: how surely it is of the asked type (0: another type).

        A product is of a type when that is its own ``type`` or its title names every word of
        the type (an import's type reading can miss: "Running Leggings Pant" typed "pant").
        """
        known = self._follow(index)
        out = np.zeros(len(index))
        for kind, weight in asked.types.items():
            words = known.words.get(kind) or (kind,)
            titled = set.intersection(*(known.titled.get(w, set()) for w in words))
            mine = np.concatenate([known.positions.get(kind, np.zeros(0, dtype=int)),
                                   np.fromiter(titled, dtype=int, count=len(titled))])
            out[mine.astype(int)] = np.maximum(out[mine.astype(int)], weight)
        return self._narrowed(asked, known, out)

    @staticmethod
    def _narrowed(asked: AskedType, known: _Types, out: np.ndarray) -> np.ndarray:
        """Products titled with every word of the head lead the rest of the type.

        "gym bag" where the catalogue's type is "bag": gym bags before tote bags.
        """
        extra = set(asked.plain) - {w for t in asked.types for w in known.words.get(t, (t,))}
        extra -= STOPWORDS
        if not extra:
            return out
        titled = set.intersection(*(known.titled.get(w, set()) for w in extra))
        keep = np.fromiter(titled, dtype=int, count=len(titled))
        narrowed = out * NARROWER
        narrowed[keep] = out[keep]
        return narrowed


def _said(query: str) -> set[str]:
    """The query's content words as type words (stopwords such as "on" say no type).

    A child's age ("my 6 year old", "a 9-month-old") says "kid" as "my son" does.
    """
    words = [w.removesuffix("'s") for w in _WORD.findall(query.lower())]
    said = set(type_words(words)) - STOPWORDS
    if any(int(n) < CHILD_YEARS or unit.startswith("month") for n, unit in _AGE.findall(
            query.lower())):
        said.add("kid")
    return said


def _kids_version(found: list[str], said: set[str], known: _Types) -> list[str]:
    """The kids' types of the found types' category when the query speaks of a child.

    "shoes for a toddler" -> kids sneakers, where the catalogue types children's shoes so.
    """
    if "kid" not in said or not found or any("kid" in known.words[t] for t in found):
        return found
    categories = {known.category[t] for t in found}
    kids = [t for t in known.names if "kid" in known.words[t] and known.category[t] in categories]
    return kids or found


def _catalogue_types(index: Any) -> _Types:
    """The distinct product types of a search index, with their words and usual category."""
    found = _Types()
    types = np.asarray(index.types, dtype=object)
    counts: Counter[tuple[str, str]] = Counter(
        (str(t), str(c)) for t, c in zip(types, index.category, strict=True) if t)
    for (kind, category), _ in counts.most_common():
        if kind not in found.words:
            found.names.append(kind)
            found.words[kind] = tuple(type_words(kind.split()))
            found.category[kind] = category
            found.positions[kind] = np.flatnonzero(types == kind)
    for pos, title in enumerate(index.titles):
        for word in set(type_words(_WORD.findall(title))):
            found.titled.setdefault(word, set()).add(pos)
    return found


def _named(head: tuple[str, ...], said: set[str], known: _Types) -> list[str]:
    """Types all of whose words the head says, the most specific only.

    A named type narrowed by words the query says elsewhere is named too: "sneakers for my
    son" names kids sneakers where the catalogue has them.
    """
    have = set(head)
    full = [t for t in known.names if known.words[t] and set(known.words[t]) <= have]
    if not full:
        return []
    full += [t for t in known.names if t not in full and set(known.words[t]) <= have | said
             and any(set(known.words[f]) < set(known.words[t])
                     and known.words[f][-1] == known.words[t][-1] for f in full)]
    most = max(len(set(known.words[t])) for t in full)
    return [t for t in full if len(set(known.words[t])) == most]


def _headed(head: tuple[str, ...], known: _Types) -> list[str]:
    """Types whose head noun is the head phrase's last word."""
    return [t for t in known.names if known.words[t] and known.words[t][-1] == head[-1]]


def _inner(word: str, said: set[str], known: _Types) -> list[str]:
    """Types naming the word before their head, with another word the query says.

    "light for my monitor" -> monitor light bar.
    """
    return [t for t in known.names if word in known.words[t][:-1]
            and set(known.words[t]) - {word} & said]


def _by_category(word: str, known: _Types) -> list[str]:
    """Types of the category the word names ("clothes" -> clothing)."""
    from knowledge.text import stem

    for category in set(known.category.values()):
        names = {stem(w) for w in (category, *CATEGORY_WORDS.get(category, ()))}
        if word in names:
            return [t for t in known.names if known.category[t] == category]
    return []
