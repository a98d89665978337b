"""A listing built from a parsed brief: every fact placed, numbers exactly as written.

Title: brand + what it is + up to three key facts + count or size, within the limit.
Bullets (five where the brief has enough facts): facts grouped by kind (size, specs,
features, materials, details, in the box); a bullet leads with the merchant's own benefit
words when a segment says what the product does ("keeps drinks cold 24 hours"), else with
the group's name. Description: one sentence joining the strongest facts. Words are the
merchant's; the templates add only joining words the claim checker treats as neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.creatives.brief_text import key_value
from tools.creatives.bullet_heading import heading_fits
from tools.creatives.facts import ParsedBrief, Segment
from tools.creatives.label_lines import labelled
from tools.creatives.list_items import description_cut, in_list, list_runs
from tools.creatives.listing_keywords import build_keywords

TITLE_MAX = 150
BULLET_MAX = 200
N_BULLETS = 5
SMALL = {"a", "an", "and", "or", "of", "with", "for", "to", "in", "on", "the", "at", "by", "x"}
VERBS = re.compile(r"^(?:keeps?|holds?|fits?|charges?|runs?|boils?|sets? up|packs?|supports?|"
                   r"cuts?|shreds?|works?|replaces?|weighs?|lasts?|stays?|folds?|cleans?|"
                   r"blocks?|protects?|dries|heats?|cools?)\b", re.IGNORECASE)
GROUPS: list[tuple[str, frozenset[str]]] = [  # (bullet pattern, the fact kinds it carries)
    ("Size and capacity: {}.", frozenset({"dimension", "capacity", "weight", "count",
                                          "size_range"})),
    ("Key specs: {}.", frozenset({"duration", "temperature", "power", "rating"})),
    ("{}.", frozenset({"feature"})),  # whatever else it says: no heading is sure of it
    ("Made for {}.", frozenset({"audience"})),
    ("Materials: {}.", frozenset({"material"})),
    ("Details: {}.", frozenset({"compatibility", "certification"})),
    ("In the box: {}.", frozenset({"included"})),
    ("Backed by {}.", frozenset({"warranty"})),
    ("{}.", frozenset({"use"})),  # "Desk, car, nightstand.": as written, under no heading
    ("{}.", frozenset({"clause"})),  # a clause kept whole (clause_units): under no heading
]
GENERIC_NAME = "the product"
TITLE_KINDS = ("capacity", "dimension", "power", "material", "rating", "feature", "duration")
COUNT_KINDS = ("count", "size_range")


@dataclass
class Listing:
    """The parts of a listing."""

    title: str
    bullets: list[str]
    description: str
    keywords: list[str]


ACRONYMS = {"tpe", "pvc", "abs", "eva", "tpu", "tpr", "led", "usb", "rgb", "uv", "spf", "bpa",
            "hd", "aa", "aaa", "lcd", "gps", "diy", "ac", "dc", "rc", "xl", "xs", "xxl", "ss"}


def word_case(word: str, first: bool, after_number: bool = False) -> str:
    """Title-case one word, keeping acronyms, units and mixed case as written."""
    if word.lower() in ACRONYMS:
        return word.upper()
    if any(c.isupper() for c in word) or any(c.isdigit() for c in word) or after_number:
        return word
    if not first and word in SMALL:
        return word
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def title_case(text: str) -> str:
    """"women's merino wool socks" -> "Women's Merino Wool Socks"; "AA", "750ml", "6 ft" kept."""
    words, nxt = text.split(" "), [*text.split(" ")[1:], ""]
    return " ".join(w if w == "x" and _numeric(nxt[i]) else  # "Nail Brush x 2": a count
                    word_case(w, i == 0, i > 0 and _numeric(words[i - 1]))
                    for i, w in enumerate(words))


def _numeric(word: str) -> bool:
    """True for a number a unit may follow ("6 ft", "1/2 inch"); a model ("PW-4") is a name."""
    return (bool(re.match(r"[(~<>±]?[\d.,/+%x-]*\d", word))
            and not re.search(r"[A-Za-z]{2,}-?\d", word))


def sentence_case(text: str) -> str:
    """Capitalise the first letter only (the rest as written; "iPhone", "eBay" stay)."""
    first = text.split(" ", 1)[0]
    if text[:1].islower() and not any(c.isupper() for c in first) and not re.match(r"x \d", text):
        return text[:1].upper() + text[1:]
    return text


def fit(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut[:limit].rstrip(" ,;:\u2013-")


def build_title(parsed: ParsedBrief, brand: str | None) -> str:
    """Brand + head + up to three key facts + count/size, never cutting a fact in half.

    A fact enters the title with its whole segment ("holds phones up to 6.7 inch", "8 oz
    each", "stainless steel mixing ball"), never as a bare number or material that the
    title would bind to the product itself ("6.7 inch", "stainless steel").
    """
    head = parsed.head or (parsed.product_type or "")
    lead = " ".join(x for x in (brand, title_case(head)) if x)
    if not lead and parsed.segments and len(parsed.segments[0].text) <= 80:
        lead = title_case(shown(parsed.segments[0].text))  # no name: the first words lead,
        # never a later fact that would read as the name ("Nonstick Ceramic Coating, ...")
    low = lead.lower()
    items = in_list(parsed)  # one item of a list of sizes or levels is no product's
    picks: list[str] = []
    for kinds, most in ((TITLE_KINDS, 3), (COUNT_KINDS, 1)):
        chosen = 0
        for kind in kinds:
            for n, seg in enumerate(parsed.segments):
                text = seg.text
                if (chosen < most and seg.kind != "clause"  # kept whole: no title fact
                        and n not in items and len(text) <= 30
                        and any(f.type == kind for f in seg.facts)
                        and not _list_inside(text) and not _overlaps(text.lower(), low)
                        and not _LIST_TAIL.match(text)
                        and not _per_item_count(seg)):
                    picks.append(title_case(text))
                    low += " " + text.lower()
                    chosen += 1
    title = lead
    for pick in picks:
        if len(title) + 2 + len(pick) <= TITLE_MAX:
            title = f"{title}, {pick}" if title else pick  # no name: the facts alone
    if not title and parsed.segments:  # no name and no short fact: the first as written
        title = fit(title_case(parsed.segments[0].text), TITLE_MAX)
    return title


# a segment opening on a joining word is the tail of a list ("& 4.7 in. dia."): in the title
# it would read as the whole product's size or property
_LIST_TAIL = re.compile(r"(?i)^(?:&|\+|and|or|plus)\s")


def _per_item_count(seg: Segment) -> bool:
    """True for a count of one item ("1 pair per colour"), no count of the product."""
    return any(f.type == "count" and re.match(r"(?i)\s(?:per|each)\b", seg.text[
        f.end - seg.start:]) for f in seg.facts)


def shown(text: str) -> str:
    """A segment as a reader sees it: the lines under a bare label joined by commas."""
    return re.sub(r"\s*\n\s*", ", ", re.sub(r":[ \t]*\n\s*", ": ", text))


def _list_inside(text: str) -> bool:
    """True when a segment holds its own comma list ("Cover: cotton, removable").

    Among the title's or the description's commas its items would read as the product's.
    A comma inside parentheses or a number ("15,000") lists nothing of the product.
    """
    depth = 0
    if "\n" in text:
        return True
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if c == "," and depth <= 0 and text[i + 1:i + 2] == " ":
            return True
    return False


def _overlaps(text: str, taken: str) -> bool:
    """True when ``text`` repeats a word already in the title (beyond joining words)."""
    words = set(re.findall(r"[\w.%+/-]+", text)) - SMALL
    return bool(words & set(re.findall(r"[\w.%+/-]+", taken)))


def _groups(segments: list[Segment]) -> list[tuple[str, list[Segment]]]:
    out = []
    for name, kinds in GROUPS:
        members = [s for s in segments if s.kind in kinds]
        if members:
            out.append((name, members))
    return out


def _bullet(pattern: str, members: list[Segment]) -> str:
    """One bullet: the merchant's benefit words lead when a segment says what it does."""
    lead = shown(members[0].text) if VERBS.match(members[0].text) else None
    if lead is not None:
        body = [shown(s.text) for s in members[1:]]
        # "; " not ": ": what follows is another fact, not what the lead's verb acts on
        return sentence_case(lead) + ("; " + "; ".join(body) if body else "") + "."
    if (key_value(members[0].text) or labelled(members[0].text)  # "Size: 16 x 16 in"
            or _CAPS_LEAD.match(members[0].text)  # "DIE-CAST BODY - metal body": its own head
            or not all(heading_fits(pattern, s.text) for s in members)):
        pattern = "{}."
    texts = [re.sub(r"^for\s+", "", shown(s.text)) if pattern.startswith("Made for")
             else shown(s.text) for s in members]
    return sentence_case(pattern.format("; ".join(texts)))


_CAPS_LEAD = re.compile(r"[A-Z][A-Z0-9&/'+.-]*(?:\s[A-Z0-9&/'+.-]+){0,3}\s[-\u2013\u2014]\s")


def build_bullets(parsed: ParsedBrief) -> list[str]:
    """Up to five bullets that between them carry every segment of the brief, as written."""
    groups = _groups(_lists_whole(parsed))
    while len(groups) > N_BULLETS:  # merge the two smallest neighbours
        i = min(range(len(groups) - 1), key=lambda k: len(groups[k][1]) + len(groups[k + 1][1]))
        # two headings become none: "Materials:" would name the next group's facts too
        name = groups[i][0] if groups[i][0] == groups[i + 1][0] else "{}."
        groups[i:i + 2] = [(name, groups[i][1] + groups[i + 1][1])]
    while groups and len(groups) < N_BULLETS:  # split the largest group
        j = max(range(len(groups)), key=lambda k: len(groups[k][1]))
        if len(groups[j][1]) < 2:
            break
        name, members = groups[j]
        half = (len(members) + 1) // 2
        groups[j:j + 1] = [(name, members[:half]), ("{}.", members[half:])]
    bullets: list[str] = []
    for name, members in groups:
        chunk: list[Segment] = []
        for seg in members:
            if chunk and len(_bullet(name, [*chunk, seg])) > BULLET_MAX:
                bullets.append(_bullet(name, chunk))
                chunk = []
            chunk.append(seg)
        if chunk:
            bullets.append(_bullet(name, chunk))
    return bullets


def _lists_whole(parsed: ParsedBrief) -> list[Segment]:
    """The segments with each list of like items joined back into one, as written.

    "extra light, light, medium, heavy" cut over three bullets would leave "Medium; heavy."
    alone, read as the product's own level: a bullet carries the whole list or none of it.
    """
    segments = list(parsed.segments)
    for run in reversed(list_runs(parsed)):
        first, last = segments[run.start], segments[run.stop - 1]
        text = parsed.text[first.start:last.start + len(last.text)]
        if not text.startswith(first.text) or not text.endswith(last.text):
            continue  # a segment not as written: leave the run as it is
        facts = [f for seg in segments[run.start:run.stop] for f in seg.facts]
        segments[run.start:run.stop] = [Segment(text, first.start, facts)]
    return segments


def build_description(parsed: ParsedBrief, brand: str | None) -> str:
    """One sentence: what it is and its three most telling facts."""
    name = " ".join(x for x in (brand, parsed.head or parsed.product_type or "") if x)
    name = name or GENERIC_NAME  # a brief that names no product: never a guessed noun
    parts = [shown(s.text) for s in parsed.segments[:description_cut(parsed)]]
    if not parts:
        return f"{sentence_case(name)}." if name else ""
    comma = "; " if any(_list_inside(p) for p in parts) else ", "  # "Cover: cotton, washable"
    # after a label's own list ("Colours: blush, ivory, gold") an "and" would add to it
    last = "; " if len(parts) > 1 and re.search(r":\s[^:]*,", parts[-2]) else " and "
    joined = parts[0] if len(parts) == 1 else comma.join(parts[:-1]) + last + parts[-1]
    return f"{sentence_case(name)}: {joined}."


def build_listing(parsed: ParsedBrief, brand: str | None = None) -> Listing:
    """The whole listing from a parsed brief (``brand`` overrides the brief's)."""
    brand = brand or parsed.brand
    return Listing(build_title(parsed, brand), build_bullets(parsed),
                   build_description(parsed, brand), build_keywords(parsed, brand))
