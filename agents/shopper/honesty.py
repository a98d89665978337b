"""Honest answers: which product type the shopper asked for, and whether the store carries it.

The requested type comes from the slot parser (catalogue vocabulary), else the learned slot
tagger (QueryNER-trained, knows types the store has never seen), else a plain noun-phrase
reading of the message. Whether it is carried is decided from the catalogue: its type list
(a carried type named by its head: "headphones" -> "wireless headphones", or by an everyday
or British name: "trainers" -> "sneakers"), its categories, and its product titles. The
nearest carried types are the catalogue types closest to the request in the embedding space.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from agents.understanding.vocabulary import Vocabulary
from knowledge.store import Store
from knowledge.text import stem, tokens
from knowledge.type_names import catalogue_names

log = logging.getLogger("shopmage.shopper")
NEAREST = 2
_LEAD = re.compile(
    r"^(?:(?:hi|hello|hey)\b[,!]?\s*)?(?:(?:do|does) (?:you|the store|your store) (?:have|sell|"
    r"carry|stock)|(?:i(?:'m| am)?|we(?:'re| are)?)\s+(?:really\s+)?(?:need|want|looking for|"
    r"searching for|after|shopping for)|looking for|show me|find me|find|get me|any|"
    r"where (?:are|is|can i (?:find|get|buy))|can i (?:get|buy|find))?\s*", re.I)
_CUT = re.compile(r"\s(?:for|with|that|which|who|under|below|to|without|in|on|from|as|at|"
                  r"than|like|so|because|but|and|or|by)\s|[,.?!;:]")
_DROP = frozenset("""a an the some any my our your his her their good nice great best cheap
cheaper new big small large little sturdy cozy warm sharp lightweight light heavy slim compact
long short simple basic cute pretty comfortable comfy quality decent one pair set
please really very""".split())


@dataclass
class TypeCheck:
    """The type a message asks for and what the catalogue says about it."""

    requested: str | None = None
    carried: bool = True
    matches: list[str] = field(default_factory=list)
    nearest: list[str] = field(default_factory=list)
    source: str = ""


def normal(phrase: str) -> str:
    """Stemmed, space-joined tokens of a phrase (keeps stopwords out)."""
    return " ".join(tokens(phrase))


def plural(phrase: str) -> str:
    """A type name as a plural noun phrase ("phone case" -> "phone cases")."""
    p = phrase.strip()
    if not p or p.endswith("s"):
        return p
    if p.endswith(("x", "ch", "sh", "z")):
        return p + "es"
    if p.endswith("y") and len(p) > 2 and p[-2] not in "aeiou":
        return p[:-1] + "ies"
    return p + "s"


def fallback_type(text: str, vocabulary: Vocabulary) -> str | None:
    """The noun phrase a message asks for, read plainly ("an umbrella for rain" -> umbrella)."""
    low = " " + _LEAD.sub("", text.lower().strip()) + " "
    head = _CUT.split(low, maxsplit=1)[0]
    skip = set(_DROP) | set(vocabulary.colors) | set(vocabulary.materials)
    words = [w for w in re.findall(r"[a-z][a-z'-]*", head) if w not in skip]
    words = [w for w in words if w not in vocabulary.audiences and w not in vocabulary.features]
    return " ".join(words[-2:]) or None


def tagged_type(text: str, vocabulary: Vocabulary, settings: Any) -> str | None:
    """The first product-type span of the learned slot tagger (None when it finds none)."""
    from knowledge.nlp.gazetteer import Gazetteer
    from knowledge.nlp.tagger import tag

    gazetteer = Gazetteer.from_terms(product_type=list(vocabulary.types))
    spans = [s for s in tag(text, gazetteer, settings) if s.label == "product_type"]
    return spans[0].text.lower().strip() if spans else None


def requested_type(text: str, slots: dict[str, Any], vocabulary: Vocabulary,
                   settings: Any) -> tuple[str | None, str]:
    """(type, where it came from): slots, the tagger, or the plain reading."""
    if slots.get("product_type"):
        return str(slots["product_type"]), "slots"
    try:
        found = tagged_type(text, vocabulary, settings)
    except Exception:  # the tagger is optional here: a plain reading still works
        log.exception("slot tagger unavailable; reading the product type plainly")
        found = None
    if found:
        return found, "tagger"
    if slots.get("category"):
        return None, "category"
    return fallback_type(text, vocabulary), "plain"


def matching_types(requested: str, types: Iterable[str]) -> list[str]:
    """Catalogue types equal to the request, named by it as their head, or that it narrows."""
    want = normal(requested)
    out = []
    for kind in types:
        have = normal(kind)
        if have and (have == want or have.endswith(" " + want) or want.endswith(" " + have)):
            out.append(kind)
    return out


def _in_categories(requested: str, vocabulary: Vocabulary) -> bool:
    want = normal(requested)
    return any(normal(c) == want for c in vocabulary.categories)


def _in_titles(store: Store, requested: str) -> bool:
    """A title names the request, on a product whose own type (if it has one) is the request.

    "Laptop Stand" names "laptop" only as a modifier: its type "laptop stand" does not match.
    """
    want = tokens(requested)
    if not want:
        return False
    hits = store.search.search(requested, k=20, mode="bm25", use_knowledge=False)
    for hit in hits:
        kind = (hit.product.attributes or {}).get("type")
        if set(want) <= set(tokens(hit.product.title)) and (
                not isinstance(kind, str) or matching_types(requested, [kind])):
            return True
    return False


def nearest_types(store: Store, requested: str, types: list[str], n: int = NEAREST) -> list[str]:
    """The ``n`` catalogue types closest to ``requested`` by embedding cosine."""
    if not types:
        return []
    vectors = store.embedder.embed_cached([requested, *types])
    sims = vectors[1:] @ vectors[0]
    order = np.argsort(-sims, kind="stable")[:n]
    return [types[int(i)] for i in order]


def check_type(store: Store, vocabulary: Vocabulary, text: str,
               slots: dict[str, Any]) -> TypeCheck:
    """Does the store carry what this message asks for? Decided from the catalogue."""
    requested, source = requested_type(text, slots, vocabulary, store.settings)
    if not requested or not tokens(requested):
        return TypeCheck(source=source)
    types = sorted(set(vocabulary.types.values()))
    matches = matching_types(requested, types)
    for name in [] if matches else catalogue_names(requested):  # "trainers" -> sneakers
        matches = matches or matching_types(name, types)
    carried = bool(matches) or _in_categories(requested, vocabulary) or _in_titles(
        store, requested)
    nearest = [] if carried else nearest_types(store, requested, types)
    return TypeCheck(requested, carried, matches, nearest, source)


def dont_carry_sentence(check: TypeCheck) -> str:
    """"We don't carry X; the closest we have are Y and Z." (the reply's first sentence)."""
    what = plural(check.requested or "that")
    if not check.nearest:
        return f"We don't carry {what}."
    offer = " and ".join(plural(t) for t in check.nearest)
    return f"We don't carry {what}; the closest we have are {offer}."


def card_type(card: dict[str, Any]) -> str:
    """A card's product type (its ``type``, else its category), for wording."""
    return str(card.get("type") or (card.get("category") or "product").replace("_", " "))


def results_summary(cards: list[dict[str, Any]]) -> str:
    """The real types of the shown results: "3 gym bags, 2 water bottles"."""
    counts = Counter(card_type(c) for c in cards)
    return ", ".join(f"{n} {plural(t) if n > 1 else t}" for t, n in counts.most_common())


@lru_cache(maxsize=1)
def type_lexicon() -> frozenset[str]:
    """Product types people name in real queries (QueryNER train, seen at least 3 times)."""
    from knowledge.nlp.tagger import DATA, entities, read_queryner

    counts: Counter[str] = Counter()
    for words, labels in read_queryner(DATA):
        counts.update(text for label, text in entities(words, labels)
                      if label == "product_type")
    return frozenset(t for t, n in counts.items() if n >= 3 and len(t) > 2
                     and not any(ch.isdigit() for ch in t) and stem(t) not in _NOT_TYPES)


_NOT_TYPES = frozenset({"gym", "kid", "women", "men", "baby", "home", "office", "kitchen",
                        "outdoor", "car", "water", "gift", "set", "kit", "pack", "product",
                        "item", "thing", "stuff", "accessorie", "accessory", "supply",
                        "supplie", "travel", "work", "school", "beach", "summer", "winter"})


def grounding_extras(store: Store, vocabulary: Vocabulary,
                     plan: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(type terms the guard watches for, attribute tags of the shown products)."""
    from tools.catalog import products_by_ids

    terms = set(type_lexicon()) | set(vocabulary.types.values())
    requested = (plan.get("type_check") or {}).get("requested")
    if requested:
        terms.add(str(requested))
    ids = [c["id"] for c in plan.get("cards", [])]
    tags = {t for p in products_by_ids(store, ids) for t in p.tags()} if ids else set()
    return terms, tags
