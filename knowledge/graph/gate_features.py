"""What the served-line gate reads of one evidence line: the same facts at training and serving.

A line is judged from what a shopper sees beside it and what fired it: the query, the heads
(audiences, situations) whose need it answers, the attribute, the product's title and the line
itself. The labelled lines in ``evals/data/served_labels*.jsonl`` carry exactly these fields,
so the gate is trained on the features it computes when it serves.

The features ask, in general terms, whether the query asked for this need and whether the
head was read from what the shopper said: how close the query's words after its product
phrase are to the attribute's meaning, whether the head's phrases sit only inside the product
phrase ("oven" in "dutch oven") or a hyphenated word ("slip" in "slip-on"), how much of the
query no head reads ("who burns easily"), how broad the audience is, and where the listing
says it.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.graph.evidence import Lexicon
from knowledge.graph.lines import FILLER, product_phrase
from knowledge.text import tokens

SEED = Path(__file__).with_name("seed")
TITLE_CHARS = 150  # the labelled lines keep the title's first 150 characters
_QUOTE = re.compile(r"“([^”]*)”")
_BENEFIT = re.compile(r"(?:”\)|^[^“(]*): ")  # "Label (“quote”): benefit" or "Label: benefit"
Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> unit vectors (cached by the caller)

FEATURES = ("rest_attr_cos", "query_attr_cos", "head_rest_cos", "attr_named", "heads",
            "intent_share", "need_count_max", "need_count_min", "type_only", "in_hyphen",
            "unread_share", "unread_count", "body_quote", "has_benefit", "typed_need",
            "title_attr")


@dataclass(frozen=True)
class Line:
    """One served evidence line, as the shopper and the labeller see it."""

    query: str
    heads: tuple[str, ...]
    attribute: str
    title: str
    line: str


@dataclass
class HeadBook:
    """The seed's heads: the query phrases that read them, their kind and their needs."""

    aliases: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    kinds: dict[str, str] = field(default_factory=dict)
    needs: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    typed: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def from_seed(cls, folder: Path = SEED) -> HeadBook:
        """Read every seed file (the same files the graph is built from)."""
        book = cls()
        for path in sorted(folder.glob("*.jsonl")):
            for raw in path.read_text(encoding="utf-8").splitlines():
                if raw.strip():
                    book.add(json.loads(raw))
        return book

    def add(self, row: dict[str, object]) -> None:
        """Index one assertion row."""
        head, tail, relation = str(row["head"]), str(row["tail"]), row["relation"]
        if relation in ("X_IS_A", "X_WANT") and row.get("head_type") == "query":
            self.aliases[tail].append(tuple(tokens(head)))
        elif relation == "NEEDS":
            self.aliases[head].append(tuple(tokens(head)))
            self.kinds[head] = str(row.get("head_type") or "audience")
            self.needs[head] += 1
            evidence = row.get("evidence")
            if isinstance(evidence, dict) and evidence.get("for"):
                self.typed.add((head, tail))

    def read_keys(self, head: str, query_words: set[str]) -> list[tuple[str, ...]]:
        """The head's phrases found in the query (empty: read fuzzily or not from a phrase)."""
        return [k for k in self.aliases.get(head, []) if k and set(k) <= query_words]


def attribute_text(attribute: str, lexicon: Lexicon) -> str:
    """What an attribute means, in words an embedding can compare with a query."""
    entry = lexicon.entry(attribute)
    return f"{entry.label}: {entry.benefit}" if entry.benefit else entry.label


def rest_of_query(query: str) -> str:
    """The query's words after its opening product phrase (the whole query when none)."""
    words = query.lower().split()
    phrase = product_phrase(query)
    cut = 0
    for i, word in enumerate(words):
        if set(tokens(word)) & phrase:
            cut = i + 1
        else:
            break
    rest = " ".join(words[cut:])
    return rest if tokens(rest) else query.lower()


def _in_hyphen(query: str, keys: list[tuple[str, ...]]) -> float:
    """1 when every read phrase is made of hyphen-joined words of the query ("slip-on")."""
    if not keys:
        return 0.0
    joined = {p for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", query.lower())
              for p in tokens(w)}
    return float(all(set(k) <= joined for k in keys))


def numbers(item: Line, book: HeadBook, lexicon: Lexicon, embed: Embed) -> list[float]:
    """The feature vector of one line, in ``FEATURES`` order."""
    title = item.title[:TITLE_CHARS]
    qwords = set(tokens(item.query))
    phrase = product_phrase(item.query)
    rest = rest_of_query(item.query)
    heads = list(item.heads) or [""]
    vectors = embed([rest, item.query, attribute_text(item.attribute, lexicon), *heads])
    rest_v, query_v, attr_v, head_vs = vectors[0], vectors[1], vectors[2], vectors[3:]
    keys = [k for h in heads for k in book.read_keys(h, qwords)]
    covered = {w for k in keys for w in k}
    content = [w for w in tokens(rest) if w not in phrase and w not in FILLER
               and not w.isdigit()]
    unread = [w for w in content if w not in covered]
    stems = {w[:5] for w in tokens(item.attribute.replace("-", " "))} - {"free", "resis", "proof"}
    counts = [book.needs.get(h, 0) for h in heads]
    quote = _QUOTE.search(item.line)
    quoted = quote.group(1).rstrip("…").strip().lower() if quote else ""
    return [
        float(rest_v @ attr_v),
        float(query_v @ attr_v),
        float(max(head_vs @ rest_v)),
        float(bool(stems & {w[:5] for w in qwords})),
        float(len(item.heads)),
        sum(book.kinds.get(h) == "intent" for h in heads) / len(heads),
        math.log1p(max(counts)),
        math.log1p(min(counts)),
        float(bool(keys) and all(set(k) <= phrase for k in keys)),
        _in_hyphen(item.query, keys),
        len(unread) / max(1, len(content)),
        float(len(unread)),
        float(bool(quoted) and quoted not in title.lower()),
        float(bool(_BENEFIT.search(item.line))),
        float(any((h, item.attribute) in book.typed for h in heads)),
        float(bool(stems & {w[:5] for w in tokens(title)})),
    ]
