"""A merchant's brief read into typed facts, each with the span it came from.

"Hydra stainless steel water bottle 750ml, keeps drinks cold 24 hours" becomes the brand
"Hydra", the head "stainless steel water bottle" (what the product is, as written) and the
segments "750ml" (capacity) and "keeps drinks cold 24 hours" (duration). Every segment
keeps the merchant's words exactly; a listing that shows every segment keeps every fact.
Facts are typed (dimension, capacity, weight, power, count, size_range, duration,
temperature, rating, warranty, compatibility, certification, material, audience, included,
feature) so the listing can place them; numbers stay as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import QUERYNER, find_type, normal, type_lexicon
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.nlp.quantities import find_quantities
from tools.creatives.contradictions import check_contradictions

MAX_BRIEF = 1000
_SPLIT = re.compile(r",\s+|;\s*|\.\s+|\.$|:\s+|\n+|\s[-\u2013\u2014]\s|\s\|\s")
_CUT = re.compile(r"\s(?:with|w/|for|fits|that|which|featuring|keeps|holds|includes|including|"
                  r"comes|in|rated|supports|runs|charges|boils|packs|sets|works|cuts|shreds)\s",
                  re.IGNORECASE)
_BRAND = re.compile(r"\b(?i:brand)(?:\s?name)?\s?[:=-]?\s?([A-Z][\w&'+-]*(?:\s[A-Z][\w&'+-]*)?)\.?"
                    r"|\b(?:by|from)\s([A-Z][\w&'+-]+(?:\s[A-Z][\w&'+-]+)?)(?=[\s,.]|$)")
_WARRANTY = re.compile(r"\b(?:lifetime|\d+[- ]?(?:years?|yrs?|months?|days?))\s(?:limited\s)?"
                       r"warranty\b", re.IGNORECASE)
_CERT = re.compile(r"\b(?:IPX?\d{1,2}|UL[- ]listed|ETL[- ]listed|CE(?:[- ]certified|[- ]marked)?|"
                   r"FCC|OEKO-TEX(?:\s?certified)?|CPSC(?:[- ]certified)?|FDA[- ]approved|"
                   r"(?:[A-Za-z][\w-]*\s){1,2}certified|vegan|cruelty[- ]free|USDA organic|"
                   r"BPA[- ]free|PFOA[- ]free|Energy Star)\b")
_COMPAT_TRIGGER = re.compile(r"\b(?:fits|works with|compatible with|supports(?: up to)?|charges|"
                             r"for)\s(?:an?\s|the\s)?((?:[\w.+-]*[A-Z][\w.+/-]*)"
                             r"(?:\s(?:[\w.+-]*[A-Z0-9][\w.+/-]*|and|&|Air|Pro|Max|Mini))*)")
_COMPAT_NAMES = re.compile(r"\b(?:USB-C(?: PD)?|USB-A|Lightning|MagSafe|Bluetooth(?: \d(?:\.\d)?)?|"
                           r"HDMI(?: \d\.\d)?|Wi-?Fi|Alexa|Google Home|Apple HomeKit|AAA?|"
                           r"induction|microSD|Windows|macOS|iOS|Android)\b")
_INCLUDED = re.compile(r"^(?P<a>.+?)\s(?:included|incl\.?)$|^(?:comes with|includes|including|"
                       r"incl\.?|with|in|plus)\s(?:an?\s|the\s)?(?P<b>.+)$", re.IGNORECASE)
_AUDIENCE = re.compile(r"\b(?:women's|womens|women|men's|mens|men|kids'?|children's|unisex|"
                       r"toddlers?|babies|baby|adults?|girls'?|boys'?|teens?|seniors?|"
                       r"(?:small|medium|large) (?:dogs|cats|breeds))\b", re.IGNORECASE)
# joining words trimmed off a segment's edges; qualifiers ("up to", "each") and "for" stay
# with the fact ("for 7-45 lbs" is the child's weight, "7-45 lbs" would be the carrier's)
_GLUE_EDGE = re.compile(r"^(?:and|with|the|a|an|plus|in(?!\s+\d)|on|of)\s+|"  # "in 3 min" stays
                        r"\s+(?:and|with|for|the|a|an)$", re.IGNORECASE)
PRIORITY = ("warranty", "compatibility", "certification", "included", "duration", "temperature",
            "power", "rating", "capacity", "dimension", "weight", "count", "size_range",
            "material", "audience", "feature")


@dataclass(frozen=True)
class Fact:
    """One typed fact: its type, surface text exactly as written, and its span in the brief."""

    type: str
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass
class Segment:
    """A stretch of the brief (as written) that carries one or more facts."""

    text: str
    start: int
    facts: list[Fact] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The segment's most telling fact type (warranty before feature)."""
        types = {f.type for f in self.facts}
        return next((t for t in PRIORITY if t in types), "feature")


@dataclass
class ParsedBrief:
    """A brief read: brand, head (what the product is), segments and every fact."""

    text: str
    brand: str | None
    head: str
    product_type: str | None
    segments: list[Segment]

    @property
    def facts(self) -> list[Fact]:
        """Every fact, in brief order."""
        return [f for s in self.segments for f in s.facts]


def validate_brief(brief: str | None) -> str:
    """Return the stripped brief, or raise naming what is wrong (empty, too long)."""
    text = (brief or "").strip()
    if not text:
        raise InvalidRequestError("the brief is empty: describe the product in a few words, "
                                  "e.g. 'bamboo cutting board 18 x 12 inches, juice groove'")
    if len(text) > MAX_BRIEF:
        raise InvalidRequestError(f"the brief is too long: {len(text)} characters, at most "
                                  f"{MAX_BRIEF}; keep it to the product's facts")
    return text


def parse_facts(brief: str) -> ParsedBrief:
    """Read a brief into brand, head and typed facts; contradictions raise a clear error."""
    text = validate_brief(brief)
    check_contradictions(text)
    brand, masked = _brand(text)
    pieces = _lists(masked, [(m.group(0), m.start()) for m in _pieces(masked)])
    head, product_type, segments = "", None, []
    for i, (piece, start) in enumerate(pieces):
        if not head:
            head, product_type, rest = _head(piece, start, i == len(pieces) - 1)
            segments += [_segment(t, s) for t, s in rest]
            if head:
                continue
        segments.append(_segment(piece, start))
    return ParsedBrief(text, brand, head, product_type, [s for s in segments if s.text])


def _brand(text: str) -> tuple[str | None, str]:
    """The brand named in the brief, and the brief with that mention blanked out."""
    m = _BRAND.search(text)
    if m:
        name = m.group(1) or m.group(2)
        return name, text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    first = re.match(r"([A-Z][a-z]+[A-Za-z]*)\s(?=[a-z0-9])", text)
    if first and not _common_word(first.group(1)):
        rest = _CUT.split(text[first.end():].split(",")[0])[0]  # "Snowshoes 25 inch for.."
        if find_type(rest) is not None and find_type(first.group(1)) is None:
            return first.group(1), " " * first.end() + text[first.end():]
    return None, text


_COMMON_STARTS = {"clear", "new", "the", "our", "this", "black", "white", "red", "blue", "green",
                  "small", "large", "big", "mini", "heavy", "light", "soft", "hard", "electric",
                  "wireless", "portable", "adjustable", "organic", "natural", "kids", "women",
                  "men", "baby", "solar", "smart", "folding", "automatic", "orthopedic"}


def _common_word(word: str) -> bool:
    """True when a capitalised first word is an ordinary word, not a brand.

    "Bamboo cutting board", "Stainless steel bottle", "Vintage style clock": shoppers'
    queries use these words as words (QueryNER), or they are materials; "Hydra" is unknown
    and "Nike" is used as a brand.
    """
    low = word.lower()
    if low in _COMMON_STARTS or find_terms(low, material_items()):
        return True
    as_brand, as_word = _query_word_uses().get(low, (0, 0))
    return as_word > as_brand


@lru_cache(maxsize=1)
def _query_word_uses() -> dict[str, tuple[int, int]]:
    """Each word of the real shopping queries: (times tagged a brand, times tagged otherwise)."""
    uses: dict[str, list[int]] = {}
    if QUERYNER.is_file():
        for line in QUERYNER.open(encoding="utf-8"):
            row = json.loads(line)
            for tok, label in zip(row["tokens"], row["labels"], strict=False):
                uses.setdefault(tok.lower(), [0, 0])[0 if label.endswith("creator") else 1] += 1
    return {w: (b, o) for w, (b, o) in uses.items()}


def _pieces(text: str) -> list[re.Match[str]]:
    """The brief's clauses (between commas, semicolons, full stops...), as matches."""
    out, pos = [], 0
    splits = [m for m in _SPLIT.finditer(text)  # "(2 jumbo, 3 large, 3 medium)" is one
              if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]
    for m in [*splits, None]:
        end = m.start() if m else len(text)
        chunk = re.search(r"\S(?:.*\S)?", text[pos:end])
        if chunk:
            out.append(re.compile(re.escape(chunk.group(0))).search(text, pos))
        pos = m.end() if m else len(text)
    return [o for o in out if o is not None]


_LIST_LEAD = re.compile(r"^(?:for|with|includes|including|compatible with|made for|ideal for)\s",
                        re.IGNORECASE)
_COORDINATED = re.compile(r"(?:^|\s)(?:and|&|or|\+)(?:\s|$)", re.IGNORECASE)


def verb_led(text: str) -> bool:
    """True when a segment opens with the product's verb ("detects wood", "holds keys")."""
    first = re.match(r"([a-z]{3,})\b", text)
    if first is None or len(text.split()) < 2:
        return False
    return first.group(1) in _VERBS  # no guess from an "-s" ending: "sports bra" is a noun


def _verb_in(piece: str) -> bool:
    """True when the piece opens with, or goes on with, the product's verb."""
    cue = _CUT.search(piece)
    return (verb_led(piece) or cue is not None and verb_led(piece[cue.start() + 1:])
            or _verb_after_type(piece) is not None)


def _verb_after_type(text: str) -> tuple[Span, int] | None:
    """The product type that a verb follows ("mop removes dust"), and where the head ends."""
    for m in re.finditer(r"\s(?=[a-z]{3,}\s)", text):
        found = find_type(text[:m.start()])
        if found is None or found[2] != m.start() or not verb_led(text[m.end():]):
            continue
        end = m.end() + len(text[m.end():].split()[0])
        compound = find_type(text[:end])  # "car seat covers" names seat covers
        if compound is None or compound[2] != end or compound[1] >= m.end():
            return found, found[2]
    return None


def _lists(text: str, pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Rejoin a list the merchant's commas split: "detects wood, metal & AC wire".

    A piece with the product's verb ("detects wood", "wallet holds cards") and no number
    takes the short pieces after it up to one that closes the list with "and", "&" or "or",
    when only commas stand between them: "metal & AC wire" alone would read as the
    product's. "for large dogs, washable & waterproof cover" is no such list.
    """
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(pieces):
        piece, start = pieces[i]
        end = i
        if _verb_in(piece) and not re.search(r"\d", piece):
            for k in range(i + 1, min(i + 4, len(pieces))):
                nxt, at = pieces[k]
                prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
                if (not re.fullmatch(r",\s*", text[prev_end:at]) or len(nxt.split()) > 4
                        or re.search(r"\d", nxt) or _verb_in(nxt) or _LIST_LEAD.match(nxt)):
                    break
                if _COORDINATED.search(nxt):
                    end = k
                    break
        if end > i:
            last, last_at = pieces[end]
            out.append((text[start:last_at + len(last)], start))
        else:
            out.append((piece, start))
        i = end + 1
    return out


def _head(piece: str, start: int, last: bool) -> tuple[str, str | None, list[tuple[str, int]]]:
    """Split the first clause into the head noun phrase and the segments around it.

    The head is what the product is, as written, without its quantities ("Hydra stainless
    steel water bottle 750ml" -> "stainless steel water bottle"); what follows a cue word
    ("with", "for", "keeps"...) or a number right after the product type is a segment.
    """
    cut = _CUT.search(piece)
    front = piece[:cut.start()] if cut else piece
    found, head_end = _type_before_number(front)
    rest: list[tuple[str, int]] = []
    tail = piece[head_end:].strip(" ,")
    if tail:
        rest.append((tail, start + piece.index(tail, head_end)))
    words = piece[:head_end]
    for q in find_quantities(words):
        if q.kind != "number" and _own_quantity(words[:q.start], words[q.end:]):
            size = re.match(r"\s+size\b", words[q.end:], re.IGNORECASE)  # "King size"
            end = q.end + (size.end() if size else 0)
            rest.insert(0, (words[q.start:end], start + q.start))
            words = words[:q.start] + " " * (end - q.start) + words[end:]
    head = re.sub(r"\s+", " ", words).strip(" ,")
    return head, piece[found[1]:found[2]] if found else None, rest


# words that tie what precedes them to the number after ("resistant to 600F", "up to 8 hours")
_JOINING_END = re.compile(r"(?:\s+(?:up|to|about|over|under|at|least|max|maximum|min|minimum|"
                          r"of|from|for|by|rated|approx\.?|nearly|around|after|before|"
                          r"within|until|in|on|per|every|than|below|above|between|down|"
                          r"a|an|the|as))+$",
                          re.IGNORECASE)
_PACK = re.compile(r"\d+\s*-?\s*(?:pack|pk|pcs|pieces?|count|ct|pairs?|sets?)\b|\d+\s*x\b",
                   re.IGNORECASE)
# verbs a merchant puts between the product and a number ("tent sleeps 4", "sprinkler covers
# 3600 sq ft"); a word in a known type with the noun before it ("seat covers") stays a noun
_VERBS = frozenset({"sleeps", "seats", "serves", "covers", "staples", "prints", "stores",
                    "lasts", "reaches", "extends", "lifts", "weighs", "measures", "makes",
                    "brews", "cooks", "feeds", "plays", "reads", "sprays", "pumps", "inflates",
                    "cleans", "heats", "cools", "lights", "dispenses", "waters", "carries",
                    "tows", "pulls", "accommodates", "shoots", "records", "streams", "mixes",
                    "blends", "grinds", "dries", "absorbs", "expands", "stretches", "spans",
                    "binds", "shreds", "cuts", "holds", "fits", "keeps", "runs", "charges",
                    "detects", "removes", "repels", "protects", "prevents", "reduces", "finds",
                    "tracks", "syncs", "connects", "mounts", "attaches", "sticks", "displays",
                    "shows", "kills", "traps", "catches", "filters", "purifies", "boils",
                    "sets", "works", "supports", "packs", "comes", "includes", "warms",
                    "freezes", "steams", "toasts", "bakes", "fries", "washes"})
# things other products are sized to: "15.6 inch laptop sleeve" sizes the laptop
_HOSTS = frozenset({"laptop", "laptops", "tablet", "tablets", "phone", "phones", "tv", "tvs",
                    "monitor", "monitors", "mattress", "mattresses", "bike", "bikes", "tire",
                    "tires", "wheel", "wheels", "pan", "pans", "pot", "pots", "guitar", "car"})
# a word that names the number after it: an acronym ("UPF 50+", "IP 67") or a label word
_NUMBER_LABEL = re.compile(r"(?<=\s)(?:[A-Z]{2,5}|(?i:gen|series|model|grade|class|type|level|"
                           r"ages?|sizes?|no\.?))$")
Span = tuple[str, int, int]


def _type_before_number(front: str) -> tuple[Span | None, int]:
    """The product type of the first clause, and where the head (what it is) ends.

    The head is what the product is; whatever ties a number to it stays with the number:
    "rice cooker 6 cup" is a rice cooker; "stapler staples up to 100 sheets" and "sprinkler
    covers 3600 sq ft" end at the type, the verb and its qualifier stay with the number;
    "spatula heat resistant to 600F" keeps "heat resistant to" with "600F"; "jump starter
    2000A peak" keeps "peak" with "2000A" and "sun hat UPF 50+" keeps "UPF" with "50+";
    "HDMI 2.1 cable" and "iPhone 15 case" are one name with a number inside.
    """
    at = _first_number(front)
    if at is None:
        verb = _verb_after_type(front)
        if verb is not None:  # "mop removes dust": the mop is the product
            return verb
        return find_type(front), len(front)
    lead = front[:at].rstrip()
    named = _name_with_number(front, at)
    if named is not None and (find_type(lead) is None or len(lead.split()) == 1):  # "USB 3.2"
        return named
    joined = _JOINING_END.search(lead)
    bare = lead[:joined.start()] if joined else lead
    found, ends = _noun_end(bare, front[at:], bool(joined))
    if found is not None and (ends or joined):
        return found, found[2]
    label = _NUMBER_LABEL.search(lead)  # "UPF 50+", "Gen 2": the label goes with its number
    if label and found is not None and found[2] <= label.start():
        return found, label.start()
    return found, len(lead)


def _own_quantity(before: str, after: str) -> bool:
    """True when a quantity inside the head is the product's own ("12 inch skillet").

    Not when a joining word ties it to what precedes ("resistant to 600F"), nor when it
    may size the first noun of a compound ("65 inch TV stand", "15.6 inch laptop bag").
    """
    if _JOINING_END.search(before.rstrip()):
        return False
    words = after.split()
    return len(words) < 2 or words[0].lower() not in _HOSTS


def _first_number(front: str) -> int | None:
    """Where the clause's first quantity starts ("sizes 8-13" from "sizes"), after a lead."""
    m = re.search(r"\s\d", front)
    if m is None or not front[:m.start()].strip():
        return None
    digit = m.start() + 1
    starts = [q.start for q in find_quantities(front) if q.start <= digit < q.end]
    at = min(starts, default=digit)
    return at if front[:at].strip() else None


def _name_with_number(front: str, at: int) -> tuple[Span, int] | None:
    """A name with a number inside ("HDMI 2.1 cable 6.6 ft"): the type right after it."""
    digit = at + re.search(r"\d", front[at:]).start()  # type: ignore[union-attr]
    nxt = re.search(r"\s\d", front[digit:])
    end = digit + nxt.start() if nxt else len(front)
    found = find_type(front[:end])
    if found is not None and found[2] == len(front[:end].rstrip()) and found[1] > at:
        return found, found[2]
    return None


def _noun_end(words: str, after: str, joined: bool) -> tuple[Span | None, bool]:
    """The product type in ``words``, and whether the head surely ends on it.

    It does when the type ends ``words``, or when only the product's verb follows it
    ("camping tent sleeps", "sprinkler covers" before a number): a verb is a word of
    ``_VERBS``, or any "-s" word before "up to"/"about", unless it forms a known type
    with the noun before it ("seat covers") or a pack count follows ("soap bars 6 pack").
    """
    found = find_type(words)
    if found is None:
        return None, False
    verb = words[found[2]:].strip() if found[2] < len(words) else ""
    prior: Span | None = found
    if not verb:  # the type ends the words: is its last word the verb?
        last = re.search(r"(\S+)$", words)
        before = words[:last.start()].rstrip() if last else ""
        prior = find_type(before) if before else None
        if last is None or found[1] < last.start() or prior is None or prior[2] != len(before):
            return found, True  # a type of two words or more ("coffee maker") is a noun
        verb = last.group(1)
    is_verb = (" " not in verb and (verb.lower() in _VERBS or joined and verb.endswith("s"))
               and not _PACK.match(after) and prior is not None
               and normal(f"{words[prior[1]:prior[2]]} {verb}") not in type_lexicon())
    if is_verb:
        return prior, True
    return found, found[2] == len(words)


def _segment(text: str, start: int) -> Segment:
    """Type every fact inside one segment of the brief."""
    original = text
    text = _GLUE_EDGE.sub("", text.strip(" ,.")).strip()
    offset = start + max(0, original.find(text))
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, s: int, e: int, value: float | None = None,
            unit: str | None = None) -> None:
        if any(s < te and ts < e for ts, te in taken) or e <= s:
            return
        facts.append(Fact(kind, text[s:e], offset + s, offset + e, value, unit))
        taken.append((s, e))

    for m in _WARRANTY.finditer(text):
        add("warranty", m.start(), m.end())
    for m in _CERT.finditer(text):
        add("certification", m.start(), m.end())
    for m in _COMPAT_TRIGGER.finditer(text):
        add("compatibility", m.start(1), m.end(1))
    for m in _COMPAT_NAMES.finditer(text):
        add("compatibility", m.start(), m.end())
    materials = [] if verb_led(text) else find_terms(  # "detects wood": no material of its own
        text, material_items(), not_before=MATERIAL_NOT_BEFORE, check_negation=True)
    for q in find_quantities(text):
        made_of = [m for m in materials if q.unit == "%" and 0 < m[1] - q.end <= 12
                   and not re.search(r"\d", text[q.end:m[1]])]
        if made_of:
            add("material", q.start, made_of[0][2])
        elif q.kind != "number":
            add(q.kind, q.start, q.end, q.value, q.unit)
    for _value, s, e in materials:
        add("material", s, e)
    for m in _AUDIENCE.finditer(text):
        add("audience", m.start(), m.end())
    inc = _INCLUDED.match(text)
    if inc:
        group = "a" if inc.group("a") else "b"
        add("included", inc.start(group), inc.end(group))
    if not facts or not _covered(text, taken):
        facts.append(Fact("feature", text, offset, offset + len(text)))
    return Segment(text, start, sorted(facts, key=lambda f: f.start))


def _covered(text: str, taken: list[tuple[int, int]]) -> bool:
    """True when the typed facts leave no content words of ``text`` untyped."""
    rest = list(text)
    for s, e in taken:
        rest[s:e] = " " * (e - s)
    words = re.findall(r"[A-Za-z]{3,}", "".join(rest))
    return all(w.lower() in _FILLER for w in words)


_FILLER = {"and", "with", "the", "for", "each", "pack", "set", "up", "to", "from", "of", "per",
           "about", "under", "over", "its", "own", "all", "one", "only", "both", "included",
           "includes", "comes", "incl"}


def facts_json(parsed: ParsedBrief) -> list[dict[str, Any]]:
    """Every fact of a parsed brief, JSON-ready (stored with the draft)."""
    return [f.as_dict() for f in parsed.facts]
