"""The independent check for implicit-need test sets: does a product have a needed attribute.

Written with the test sets, before any tuning, and never shared with the matcher that search
uses (``knowledge.graph.evidence``). A product *has* a needed attribute when one of the
attribute's variants listed in the test row occurs in its listing text (title, bullets,
description, given attribute values) as whole words and is not negated: no "not", "no",
"without", "non" or "free of" among the three words before it. It is *of the asked type*
when one of the row's ``type_terms`` occurs in its title or the last step of its category
path (plural -s/-es allowed).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
NEGATORS = frozenset({"not", "no", "without", "non", "never", "isn't", "isnt", "doesn't",
                      "doesnt", "nor"})


def split_of(query: str) -> str:
    """``dev`` or ``test`` by a fixed hash of the query (even: dev, odd: test)."""
    return "dev" if int(hashlib.sha1(query.encode()).hexdigest(), 16) % 2 == 0 else "test"


def load(name: str, split: str | None = None) -> list[dict[str, Any]]:
    """Rows of ``evals/data/<name>.jsonl`` (optionally one split), each with its split."""
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text().splitlines()
            if line.strip()]
    for row in rows:
        row["split"] = split_of(row["query"])
    return [r for r in rows if split is None or r["split"] == split]


@lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", term.lower().strip()) if p]
    body = r"[\s\-]*".join(parts)  # "non slip", "non-slip" and "nonslip" alike
    return re.compile(r"(?<![a-z0-9])" + body + r"(?:s|es)?(?![a-z0-9])")


def _negated(text: str, start: int) -> bool:
    before = re.findall(r"[a-z']+", text[max(0, start - 40):start])[-3:]
    if "free" in before and "of" in before:
        return True
    return any(w in NEGATORS for w in before)


def mentions(text: str, terms: Iterable[str]) -> str | None:
    """The first term that occurs in ``text`` un-negated (lower-cased text expected)."""
    for term in terms:
        for m in _pattern(term).finditer(text):
            if not _negated(text, m.start()):
                return term
    return None


def listing_text(product: dict[str, Any]) -> str:
    """Title, bullets, description and given attribute values, lower-cased."""
    attrs = product.get("attributes") or {}
    values = []
    for key, value in attrs.items():
        if key in ("category_path",):
            continue
        values += [str(v) for v in (value if isinstance(value, list) else [value])]
    bullets = product.get("bullets") or []
    parts = [product.get("title", ""), " ".join(bullets), product.get("description", ""),
             " ".join(values)]
    return " \n ".join(parts).lower()


def type_text(product: dict[str, Any]) -> str:
    """Title plus the last step of the category path, lower-cased."""
    path = (product.get("attributes") or {}).get("category_path") or []
    return (str(product.get("title", "")) + " " + (str(path[-1]) if path else "")).lower()


def has_needed(product: dict[str, Any], row: dict[str, Any]) -> list[str]:
    """The row's attributes this product has (by the row's own variants)."""
    text = listing_text(product)
    return [a for a, variants in row["attributes"].items() if mentions(text, [a, *variants])]


def of_type(product: dict[str, Any], row: dict[str, Any]) -> bool:
    """True when one of the row's asked types occurs in the title or category path.

    No negation rule here, as documented above: "Non Slip Yoga Mat" is a yoga mat.
    """
    text = type_text(product)
    return any(_pattern(term).search(text) for term in row["type_terms"])
