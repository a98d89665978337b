"""The head of a brief's first clause: what the product is, its own quantities set apart.

"Hydra stainless steel water bottle 750ml" -> the head "stainless steel water bottle" and the
segment "750ml"; "King size", "1/2 in. Drive" keep the word that says what they measure; a
verb right after the type ("sprinkler covers up to 3600 sq ft") ends the head. Moved out of
:mod:`tools.creatives.heads` unchanged.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type, normal, type_lexicon
from knowledge.nlp.quantities import find_quantities
from tools.creatives.heads import Span, first_cut, glued, joined_in, verb_after_type
from tools.creatives.name_cut import compat_name_before, name_end, name_with_number
from tools.creatives.name_ends import VERBS, ends_name, named_size, type_before_material
from tools.creatives.run_on import grade_of_material
from tools.creatives.word_classes import plain_noun

__all__ = ["split_head"]


# a word after a measure that says what it measures: the measure is that part's
_MEASURED_PART = re.compile(r"(?i)\s+size\b|\.?\s+(?:drive|shank|arbor|bore|jaws?|throat|"
                            r"blades?|chuck|socket|thread|opening)\b")


def split_head(piece: str, start: int) -> tuple[str, str | None, list[tuple[str, int]]]:
    """Split the first clause into the head noun phrase and the segments around it.

    The head is what the product is, as written, without its quantities ("Hydra stainless
    steel water bottle 750ml" -> "stainless steel water bottle"); what follows a cue word
    ("with", "for", "keeps"...) or a number right after the product type is a segment.
    """
    cut = first_cut(piece)
    front = piece[:cut.start()] if cut else piece
    found, head_end = _type_before_number(joined_in(front))
    rest: list[tuple[str, int]] = []
    tail = piece[head_end:].strip(" ,")
    if tail:
        rest.append((tail, start + piece.index(tail, head_end)))
    words = piece[:head_end]
    for q in find_quantities(words):
        if (q.kind != "number" and words[q.start:q.end].strip() and not glued(words, q.end)
                and _own_quantity(words[:q.start], words[q.end:])
                and not grade_of_material(q, words[q.end:])):  # "14K gold plated hoops"
            size = _MEASURED_PART.match(words[q.end:])  # "King size", "1/2 in. Drive"
            end = q.end + (size.end() if size else 0)
            group = _bracket_around(words, q.start, end)  # "x3 (12-15 cm each)": each one's
            rest.insert(0, (words[group[0] + 1:group[1] - 1], start + group[0] + 1) if group
                        else (words[q.start:end], start + q.start))
            s, e = group or (q.start, end)
            if words[s - 1:s] == "(" and words[e:e + 1] == ")":  # "Press Set (3 pcs)": no "( )"
                s, e = s - 1, e + 1
            elif words[e:e + 1] == "." and words[e + 1:e + 2] == " ":  # "5 in. Bench Vise"
                e += 1
            words = words[:s] + " " * (e - s) + words[e:]
    head = re.sub(r"\s+", " ", words).strip(" ,")
    return head, piece[found[1]:found[2]] if found else None, rest


def _bracket_around(words: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the brackets that hold a quantity with more words ("(12-15 cm each)").

    The bracket's words qualify its measure; the whole bracket leaves the name as one fact.
    """
    opened, closed = words.rfind("(", 0, start), words.find(")", end)
    if opened < 0 or closed < 0 or ")" in words[opened:start] or "(" in words[end:closed]:
        return None
    inner = words[opened + 1:closed]
    return (opened, closed + 1) if inner.strip() != words[start:end].strip() else None


# words that tie what precedes them to the number after ("resistant to 600F", "up to 8 hours")
_JOINING_END = re.compile(r"(?:\s+(?:up|to|about|over|under|at|least|max|maximum|min|minimum|"
                          r"of|from|for|by|rated|approx\.?|nearly|around|after|before|"
                          r"within|until|in|on|per|every|than|below|above|between|down|"
                          r"a|an|the|as|x|\u00d7|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
                          r"january|february|march|april|june|july|august|september|october|"
                          r"november|december))+$",  # "nail brush x 2", "closed Aug 4-18"
                          re.IGNORECASE)
_PACK = re.compile(r"\d+\s*-?\s*(?:pack|pk|pcs|pieces?|count|ct|pairs?|sets?)\b|\d+\s*x\b",
                   re.IGNORECASE)
# things other products are sized to: "15.6 inch laptop sleeve" sizes the laptop
_HOSTS = frozenset({"laptop", "laptops", "tablet", "tablets", "phone", "phones", "tv", "tvs",
                    "monitor", "monitors", "mattress", "mattresses", "bike", "bikes", "tire",
                    "tires", "wheel", "wheels", "pan", "pans", "pot", "pots", "guitar", "car"})
# a word that names the number after it: an acronym ("UPF 50+", "IP 67") or a label word
_NUMBER_LABEL = re.compile(r"(?<=\s)(?:[A-Z]{2,5}|(?i:gen|series|model|grade|class|type|level|"
                           r"ages?|sizes?|no\.?))$")


def _type_before_number(front: str) -> tuple[Span | None, int]:
    """The product type of the first clause, and where the head (what it is) ends.

    The head is what the product is; whatever ties a number to it stays with the number:
    "rice cooker 6 cup" is a rice cooker; "stapler staples up to 100 sheets" and "sprinkler
    covers 3600 sq ft" end at the type, the verb and its qualifier stay with the number;
    "spatula heat resistant to 600F" keeps "heat resistant to" with "600F"; "jump starter
    2000A peak" keeps "peak" with "2000A" and "sun hat UPF 50+" keeps "UPF" with "50+";
    "HDMI 2.1 cable" and "iPhone 15 case" are one name with a number inside.
    """
    found, end = _type_and_end(front)
    early = type_before_material(front[:end])
    if early is not None and (found is None or early[2] <= found[1]):
        return early, early[2]  # "ankle boots faux suede block heel": boots, not a heel
    cut = name_end(front[:end])  # "WiFi extender dual band": the extender, not a band
    if cut is not None and re.match(r"\s*wood\s+[a-z]", front[cut[1]:end]):
        cut = None  # "natural coffee wood chew stick": a wood named by its tree, then the thing
    if cut is not None and cut[1] < end:
        return cut[0] or (found if found is not None and found[2] <= cut[1] else None), cut[1]
    return found, end


def _type_and_end(front: str) -> tuple[Span | None, int]:
    """The type finder's product type of the first clause, and where the head ends."""
    at = _first_number(front)
    if at is None:
        verb = verb_after_type(front)
        if verb is not None:  # "mop removes dust": the mop is the product
            return verb
        return find_type(front), len(front)
    lead = front[:at].rstrip()
    partner = _partner_end(lead)
    if partner is not None:  # "Hitch pin and clip 5/8 in.": both items name the product
        return partner
    named = name_with_number(front, at)
    if named is not None and (find_type(lead) is None or len(lead.split()) == 1):  # "USB 3.2"
        return named
    host = compat_name_before(lead, front[at:])
    if host is not None:  # "phone case iPhone 15 clear": the iPhone 15 is what it fits
        return host
    joined = _JOINING_END.search(lead)
    bare = lead[:joined.start()] if joined else lead
    found, ends = _noun_end(bare, front[at:], bool(joined))
    sized = named_size(lead, front[at:], found)  # "file folders letter size 100 pack"
    if sized is not None:
        return sized
    count = re.match(r"\d+\b(?![.,/]\d)(?=\s*$)", front[at:])  # not "x 10 colours"
    if count and _counted_noun(bare, joined, found):
        return found, at + count.end()  # "wooden button whirligig x 4": whirligigs counted
    if found is not None and (ends or joined):
        return found, found[2]
    label = _NUMBER_LABEL.search(lead)  # "UPF 50+", "Gen 2": the label goes with its number
    if label and re.search(r"(?:^|\s)[A-Z]{3,}\s+$", lead[:label.start()]):
        label = None  # "ROSE FACIAL MIST 100ml": a shouted name, no acronym before its number
    if label and found is not None and found[2] <= label.start():
        return found, label.start()
    if found is not None and ends_name(front[found[1]:found[2]], lead[found[2]:]):
        return found, found[2]
    return found, len(bare) if joined and found is None else len(lead)


def _counted_noun(bare: str, joined: re.Match[str] | None, found: Span | None) -> bool:
    """True when "x N" counts the noun that ends ``bare``: the type found or a plain noun past it.

    "Wooden button whirligig x 4" counts whirligigs: the count follows the product's noun,
    so the name ends there, count and all, not at the known type inside it ("button").
    """
    if joined is None or joined.group(0).strip().lower() not in ("x", "\u00d7"):
        return False
    tail = bare[found[2]:].split() if found is not None else bare.split()[-1:]
    return not tail or (len(tail) == 1 and tail[0].isalpha() and tail[0].islower()
                        and tail[0] not in VERBS and plain_noun(tail[0]))


_PARTNER = re.compile(r"\s(?:and|&)\s+[A-Za-z]+$")


def _partner_end(lead: str) -> tuple[Span, int] | None:
    """A type and one more item named with it before the first number ("pin and clip").

    The number after them is said of both, so neither leaves the name: "Hitch pin and clip
    5/8 in." is no clip of 5/8 in. beside a hitch pin.
    """
    m = _PARTNER.search(lead)
    if m is None:
        return None
    found = find_type(lead[:m.start()])
    if found is None or found[2] != m.start() or len(lead[:m.start()].split()) > 4:
        return None
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
    """Where the clause's first quantity starts ("sizes 8-13" from "sizes"), after a lead.

    A named size counts as one ("air mattress queen built in pump": the mattress is queen
    size, the pump is no part of its name).
    """
    quantities = find_quantities(front)
    named = [q.start for q in quantities if q.kind == "size_range" and front[:q.start].strip()
             and not q.text[:1].isdigit()]  # "queen", "A5", "sizes 8-13"
    m = re.search(r"\s\.?\d", front)  # ".095 in. x 200 ft" starts at ".095"
    if m is None or not front[:m.start()].strip():
        return min(named, default=None)
    digit = m.start() + 1
    starts = [q.start for q in quantities if q.start <= digit < q.end]
    at = min([min(starts, default=digit), *named])
    opened = front.rfind("(", 0, at)  # "Canister set (set of 4)", "x2 (so 2 kids can race)":
    at = opened if opened >= 0 and ")" not in front[opened:at] else at  # the bracket's
    return at if front[:at].strip() else None


def _noun_end(words: str, after: str, joined: bool) -> tuple[Span | None, bool]:
    """The product type in ``words``, and whether the head surely ends on it.

    It does when the type ends ``words``, or when only the product's verb follows it
    ("camping tent sleeps", "sprinkler covers" before a number): a verb is a word of
    ``VERBS``, or any "-s" word before "up to"/"about", unless it forms a known type
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
        agent = re.search(r"[A-Za-z]{3,}(?:er|or)$", before)  # "label maker prints"
        if (prior is None or prior[2] != len(before)) and agent and last is not None \
                and last.group(1).lower() in VERBS:
            prior = (agent.group(0).lower(), agent.start(), agent.end())
        if last is None or found[1] < last.start() or prior is None or prior[2] != len(before):
            return found, True  # a type of two words or more ("coffee maker") is a noun
        verb = last.group(1)
    is_verb = (" " not in verb and (verb.lower() in VERBS or joined and verb.endswith("s"))
               and not _PACK.match(after) and prior is not None
               and normal(f"{words[prior[1]:prior[2]]} {verb}") not in type_lexicon())
    if is_verb:
        return prior, True
    return found, found[2] == len(words)
