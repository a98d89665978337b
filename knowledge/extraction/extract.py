"""Attribute extraction from a listing's text, every value kept with the span it came from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.extraction.audiences import find_audiences, specific_wins
from knowledge.extraction.claims import drop_device_features, drop_passing, drop_unstated
from knowledge.extraction.context import (
    BULB_TAGS,
    PART_CHECKED,
    about_other,
    acted_on,
    brand_spans,
    inside,
    measure_of_other,
    of_accessory,
    of_bulbs,
    of_part,
    within_name,
)
from knowledge.extraction.described import DESCRIBED, described_spans
from knowledge.extraction.finders import (
    Mention,
    feature_items,
    find_colors,
    find_terms,
    find_title_colors,
    free_of_terms,
    in_headline,
    suspended_terms,
)
from knowledge.extraction.fittings import QUALITIES, of_fitting, type_modifiers
from knowledge.extraction.maker import in_keyword_list, of_maker
from knowledge.extraction.materials import drop_families, find_materials, stated
from knowledge.extraction.packaging import packaged
from knowledge.extraction.plain_type import plain_type, whole_compound, with_set
from knowledge.extraction.run_on import first_named
from knowledge.extraction.senses import other_material_sense, other_sense
from knowledge.extraction.shades import not_shades
from knowledge.extraction.sizes import find_sizes, labellers_sizes
from knowledge.extraction.title_type import masked, type_outside_names
from knowledge.extraction.types import Tagger, find_type, own_words, singular
from knowledge.extraction.vocab import VAGUE

DESCRIPTION_CHARS = 600  # the labelling guideline reads this much of a description
# keys whose values the description may confirm but not introduce on its own (measured: on the
# fresh sixth set description-only features were 37 right for 25 wrong, though 160 for 38 on
# the five sets it was tuned on; materials 18 for 10, sizes 11 for 63). Seventeenth session:
# letting the description's features and materials in (6b452a1) raised recall 0.02-0.03 but
# cost precision on both fresh sets of a stricter labeller (v23/v24 test 0.886 either way,
# 0.891 with this back, recall 0.827 -> 0.805), and precision was the target missed
DESCRIPTION_CONFIRMS = ("features", "materials", "audiences", "sizes")
LIST_KEYS = ("features", "materials", "audiences", "sizes", "colors")
# keys whose mentions are dropped when the text says them of a compared or fitted item
CONTEXT_CHECKED = ("features", "materials", "sizes")
# keys whose mentions are dropped when they precede an accessory's name ("waterproof bag")
ACCESSORY_CHECKED = ("features", "materials", "colors")
# a colour field that names the colours one may receive, not this item's
_ASSORTED = re.compile(r"\b(?:may vary|assorted|random(?:ly)?|varies)\b", re.IGNORECASE)
SEED_DIR = Path(__file__).resolve().parent.parent / "graph" / "seed"


@dataclass
class Extraction:
    """Extracted attributes (the ``Product.attributes`` shape) and each value's spans."""

    attributes: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # where the brand name stands in each field (mentions there are skipped)
    brands: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    # where a colour name without a basic colour word stands ("Sea Glass": no material there)
    colour_names: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    # the words that name the product itself (its title's first phrase and its type)
    own: frozenset[str] = field(default_factory=frozenset, repr=False)
    # (key, value) pairs the description states outright ("Material: aluminum alloy")
    stated: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def add(self, key: str, value: str, where: str, start: int, end: int, text: str,
            source: str = "extracted") -> None:
        """Record one value with its span (a value already held gains only the span)."""
        if key == "type":
            self.attributes.setdefault("type", value)
        else:
            values = self.attributes.setdefault(key, [])
            if value not in values:
                values.append(value)
        self.spans.setdefault(key, []).append(
            {"value": value, "field": where, "start": start, "end": end, "text": text,
             "source": source})

    def count(self) -> int:
        """How many values were found."""
        return sum(len(v) if isinstance(v, list) else 1 for v in self.attributes.values())


@lru_cache(maxsize=1)
def knowledge_tails() -> tuple[str, ...]:
    """NEEDS tails of the seed knowledge graph: attribute tags shoppers need ("non-slip")."""
    tails: set[str] = set()
    for path in sorted(SEED_DIR.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("relation") == "NEEDS":
                tails.add(str(row["tail"]).lower())
    return tuple(sorted(tails))


def fields_of(title: str, bullets: Iterable[str], description: str) -> dict[str, str]:
    """The texts read, by field name (bullets joined by newlines, as spans index them)."""
    return {"title": title or "", "bullets": "\n".join(b for b in bullets if b),
            "description": (description or "")[:DESCRIPTION_CHARS]}


def extract(title: str, bullets: Iterable[str] = (), description: str = "", *,
            given: dict[str, Any] | None = None, color: str | None = None,
            extra_features: Iterable[str] = (), tagger: Tagger | None = None,
            brand: str | None = None) -> Extraction:
    """Extract type, features, materials, audiences, sizes and colours from listing text.

    ``given`` attributes win per key (kept with source "given"); extraction fills the rest.
    ``tagger`` (the QueryNER tagger's ``tag``) names the type when no known type heads the title.
    ``brand``: words inside the brand name ("Tandy Leather") are not attributes.
    """
    texts = fields_of(title, bullets, description)
    fancy = color if color and not find_colors(color) else None  # "Sea Glass", not "Black"
    out = Extraction(brands={w: brand_spans(t, brand) for w, t in texts.items()},
                     colour_names={w: brand_spans(t, fancy) for w, t in texts.items()})
    found_type = plain_type(first_named(type_outside_names(texts["title"], color, brand, tagger),
                                        texts["title"]))
    packed = packaged(texts["title"], *found_type[:2]) if found_type else None
    if found_type and packed is not None:  # "Gummi Bears, 5 Pound Bag": the bag is packaging
        found_type = type_outside_names(masked(texts["title"], [(packed, found_type[2])]),
                                        color, brand, tagger)
    found_type = with_set(whole_compound(found_type, texts["title"]), texts["title"])
    if found_type:
        value, start, end = found_type
        out.add("type", value, "title", start, end, texts["title"][start:end])
    out.own = own_words(texts["title"], found_type[0] if found_type else None)
    named = frozenset(found_type[0].split()[-1:]) if found_type else frozenset()  # its head
    features = feature_items((*knowledge_tails(), *extra_features))
    for where, text in texts.items():
        if not text:
            continue
        is_title = where == "title"
        found = find_terms(text, features) + suspended_terms(text, features) \
            + free_of_terms(text, features)
        found = [m for m in found if not other_sense(text, m)]
        if not is_title:
            found = [m for m in found if m[0] not in VAGUE or in_headline(text, m[1])]
        _add_all(out, "features", where, text, found)
        materials = [m for m in find_materials(text, title=is_title)
                     if not other_material_sense(text, m)]
        _add_all(out, "materials", where, text, not_shades(text, materials, color, is_title))
        if where == "description":
            out.stated.update(("materials", v) for v, s, e in materials if stated(text, s, e))
        _add_all(out, "audiences", where, text, find_audiences(text, title=is_title, own=named))
        _add_all(out, "sizes", where, text, find_sizes(
            text, title=is_title, own=out.own, color=color))
        if is_title:
            _add_all(out, "colors", where, text, find_title_colors(text, materials))
    if color and not _ASSORTED.search(color):  # "Colors May Vary (Pink, Grey, Green)"
        _add_all(out, "colors", "product_color", color, find_colors(color))
    kept = _title_count_wins(_confirmed(out))
    described = described_spans(out.spans.get("features", []), kept.attributes.get("features", []))
    drop_families(kept.attributes, kept.spans)
    drop_device_features(kept.attributes, kept.spans)
    drop_unstated(kept.attributes, kept.spans, texts)
    before = list(kept.spans.get("features", []))
    drop_passing(kept.attributes, kept.spans, texts)
    # a tag named in passing: search text too
    described += described_spans(before, kept.attributes.get("features", []), field=None)
    specific_wins(kept.attributes, kept.spans)
    labellers_sizes(kept.attributes, kept.spans)
    merged = merge_given(kept, given or {})
    if described:  # search text only: never an attribute (described.py)
        merged.spans[DESCRIBED] = described
    return merged


def _confirmed(out: Extraction) -> Extraction:
    """Drop values that only the description states.

    Marketing copy there names parts, uses and comparisons far more often than the title
    and bullets do; a material it states outright ("Material: aluminum alloy") stays.
    """
    kept = Extraction()
    for key, spans in out.spans.items():
        body = {s["value"] for s in spans if s["field"] != "description"}
        for span in spans:
            if key in DESCRIPTION_CONFIRMS and span["value"] not in body \
                    and (key, span["value"]) not in out.stated:
                continue
            kept.add(key, span["value"], span["field"], span["start"], span["end"], span["text"])
    return kept


def _title_count_wins(out: Extraction) -> Extraction:
    """Drop pack counts that only the bullets or description state when the title states one.

    The title names this listing's count ("Towels (15 Pack)"); a bullet's "Set of 15 pcs" is
    the same count reworded, and a differing one ("2 pack throw pillow inserts" under "Set
    of 4") describes another variant.
    """
    spans = out.spans.get("sizes", [])
    counts = [s for s in spans if s["value"].startswith(("pack of ", "set of "))]
    if not any(s["field"] == "title" for s in counts):
        return out
    titled = [s["value"] for s in counts if s["field"] == "title"]
    # one count said twice in the title ("100 Pack ... (100pcs)") keeps its first wording
    first = {v.split()[-1]: v for v in reversed(titled)}
    dropped = {s["value"] for s in counts} - {first[v.split()[-1]] for v in titled}
    out.spans["sizes"] = [s for s in spans if s["value"] not in dropped]
    out.attributes["sizes"] = [v for v in out.attributes["sizes"] if v not in dropped]
    return out


def _add_all(out: Extraction, key: str, where: str, text: str, mentions: list[Mention]) -> None:
    """Add the mentions said of this product (not inside the brand, not of another item)."""
    brand = out.brands.get(where, [])
    colour = out.colour_names.get(where, []) if key == "materials" else []
    for value, start, end in mentions:
        if inside(brand, start, end) or within_name(colour, start, end, value) or (
                key in CONTEXT_CHECKED and about_other(text, start)) or (
                key in ACCESSORY_CHECKED and out.own and value not in PART_TAGS
                and of_accessory(text, end, out.own, singular)) or (
                key == "features" and value in PART_CHECKED
                and of_part(text, start, out.own, singular, end)) or (
                key == "materials" and acted_on(text, start, where == "title", end,
                                                str(out.attributes.get("type", "")))) or (
                key == "sizes" and not value.startswith(("pack of", "set of"))
                and measure_of_other(text, start, end, out.own, singular)) or (
                key == "features" and value in BULB_TAGS and where != "title"
                and "bulb" not in out.own
                and of_bulbs(text, start, end)) or (
                key in MAKER_CHECKED and where != "title" and (of_maker(text, start, brand) or (
                    in_keyword_list(text, start) and (key != "audiences" or value not in
                                                      out.attributes.get(key, ()))))) or (
                key == "features" and value in QUALITIES and where != "title"
                and of_fitting(text, end, out.own - type_modifiers(out.attributes.get("type")),
                               singular)):
            continue
        out.add(key, value, where, start, end, text[start:end])


# keys whose mentions are dropped in a sentence about the maker ("Salomon makes ... for men")
MAKER_CHECKED = ("features", "materials", "audiences")
# tags that always name a part of the product ("removable tray"): no accessory of its own
PART_TAGS = frozenset({"removable"})


def merge_given(out: Extraction, given: dict[str, Any]) -> Extraction:
    """Given attributes replace extracted ones key by key; legacy singular keys are mirrored."""
    merged = Extraction(dict(out.attributes), {k: list(v) for k, v in out.spans.items()})
    aliases = {"material": "materials", "audience": "audiences", "color": "colors"}
    for key, value in given.items():
        plural = aliases.get(key, key)
        merged.attributes[key] = value
        if plural != key and plural not in given:
            merged.attributes[plural] = value if isinstance(value, list) else [value]
        for k in {key, plural}:
            if k in out.spans:
                merged.spans[k] = []
        values = value if isinstance(value, list) else [value]
        merged.spans[plural] = [{"value": str(v), "field": "attributes", "start": None,
                                 "end": None, "text": str(v), "source": "given"} for v in values]
    for single, plural in (("material", "materials"), ("audience", "audiences")):
        if single not in merged.attributes and merged.attributes.get(plural):
            merged.attributes[single] = merged.attributes[plural][0]
    return merged


def product_type(text: str, tagger: Tagger | None = None) -> str | None:
    """The product type a title or query names ("Women's Trail Running Shoes" -> "running shoe")."""
    found = find_type(text, tagger)
    return found[0] if found else None
