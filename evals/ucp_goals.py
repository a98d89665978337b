"""WebShop shopping goals for the UCP agent eval, and the independent check of its checkouts.

Written and committed before the agent or the eval ran (frozen before tuning). The check
never looks at how the agent searched; it reads only the goal text and the product in the
checkout session:

- **head noun**: the goal's product noun. Take the goal text, drop a leading request phrase
  ("i need", "i am looking for", ...), cut it at the first clause word (" with ", " that ",
  " which ", " for ", " in ", " and ", " under ", " of ", ",", " - ", "(" ...), and take the last
  word left, lower-cased, without a trailing "s"/"es" (plurals). Goals whose head noun is a
  stop word or shorter than 3 letters are not used.
- **price cap**: "price lower than N dollars", "less than N dollars", "under N dollars",
  "under $N", "below $N" -> N.
- A product is **right** for a goal when a word of its title (same plural folding) equals the
  head noun, its price is at most the cap (when the goal states one), and the checkout line
  holds **quantity 1** (WebShop buys one item of the chosen option; "pack of 2" is an option
  of the product, not a quantity).

Goals are split by ``sha1(goal) % 10``: 6-7 dev, 8-9 test (0-5 unused). The eval uses, per
split, the first 20 goals by ``sha1("ucp-eval:" + goal)`` among those the catalogue can
satisfy (at least one product passes the check), so every picked goal is achievable.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_ASKS = sorted(("need", "want", "would like", "looking for", "searching for", "search for",
                "wish to buy", "want to buy", "want to get", "need to buy", "need to get",
                "need to find", "want to find", "looking to buy", "looking to get",
                "looking to find", "would like to buy", "want to purchase", "am looking for",
                "looking to purchase",
                "am searching for"), key=len, reverse=True)
REQUEST = re.compile(
    r"^(?:(?:i\s*(?:'m|am)?\s*|im\s+)(?:" + "|".join(_ASKS) + r")"
    r"|find me|get me|show me|help me find|need me|looking for|search for|buy)\s+", re.I)
ARTICLES = re.compile(r"^(?:a pair of|a set of|pair of|set of|some|the|one|two|an|a)\s+",
                      re.I)
CUT = re.compile(r"\s(?:with|that|which|for|in|and|under|below|of|from|to|made|by|without|"
                 r"having|color|colour|less|lower|at|is|are|who|it|but|so|thats)\s|\ssize\s(?=\d|x)"
                 r"|,|\s-\s|\(|;|\.")
PRICE = re.compile(r"(?:lower|less)\s+than\s+\$?(\d+(?:\.\d+)?)\s*(?:dollars)?|"
                   r"(?:under|below)\s+\$(\d+(?:\.\d+)?)|(?:under|below)\s+(\d+(?:\.\d+)?)\s*dollars",
                   re.I)
STOP = {"one", "something", "thing", "item", "product", "pair", "pack", "set", "piece",
        "that", "this", "it", "me", "size", "color", "black", "white", "small", "large"}


def fold(word: str) -> str:
    """A lower-case word without a plural ending."""
    word = word.lower().strip("'\".,!?:;")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def head_noun(goal: str) -> str | None:
    """The goal's product noun, or None when none can be read."""
    text = REQUEST.sub("", " ".join(goal.lower().split()), count=1)
    text = ARTICLES.sub("", text, count=1)
    segment = CUT.split(" " + text + " ", maxsplit=1)[0].strip()
    words = re.findall(r"[a-z][a-z'-]*", segment)
    if not words:
        return None
    noun = fold(words[-1])
    return None if len(noun) < 3 or noun in STOP else noun


def price_cap(goal: str) -> float | None:
    """The goal's price cap in dollars, if it states one."""
    match = PRICE.search(goal)
    if match is None:
        return None
    return float(next(g for g in match.groups() if g))


def title_words(title: str) -> set[str]:
    """The folded words of a product title."""
    return {fold(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", title)}


def right(goal: str, title: str, price: float | None, quantity: int) -> bool:
    """Whether a checkout line (title, price, quantity) is right for ``goal``."""
    noun, cap = head_noun(goal), price_cap(goal)
    if noun is None or price is None or quantity != 1:
        return False
    return noun in title_words(title) and (cap is None or price <= cap + 1e-9)


def split_of(goal: str) -> str | None:
    """The split of a goal: dev (sha1 % 10 in 6-7), test (8-9), or None (unused)."""
    bucket = int(hashlib.sha1(goal.encode()).hexdigest(), 16) % 10
    return "dev" if bucket in (6, 7) else "test" if bucket in (8, 9) else None


@dataclass(frozen=True)
class Goal:
    """One picked goal with what the check expects."""

    text: str
    split: str
    noun: str
    cap: float | None


def load_goals(path: Path) -> list[str]:
    """The WebShop human goals (a JSON list of instruction strings)."""
    goals = json.loads(Path(path).read_text())
    return [g for g in goals if isinstance(g, str)]


def pick(goals: Iterable[str], catalogue: list[tuple[str, float | None]],
         per_split: int = 20) -> list[Goal]:
    """The first ``per_split`` satisfiable goals of dev and of test, in hashed order."""
    by_noun: dict[str, list[float]] = {}
    for title, price in catalogue:
        if price is None:
            continue
        for word in title_words(title):
            by_noun.setdefault(word, []).append(price)
    picked: dict[str, list[Goal]] = {"dev": [], "test": []}
    order = sorted(set(goals), key=lambda g: hashlib.sha1(f"ucp-eval:{g}".encode()).hexdigest())
    for text in order:
        split, noun, cap = split_of(text), head_noun(text), price_cap(text)
        if split is None or noun is None or len(picked[split]) >= per_split:
            continue
        prices = by_noun.get(noun, [])
        if any(cap is None or p <= cap for p in prices):
            picked[split].append(Goal(text, split, noun, cap))
    return picked["dev"] + picked["test"]
