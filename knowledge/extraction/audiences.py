"""Audiences: who a listing says the product is for ("Women's", "for Kids", "Dog Bowl").

Any audience word in a title, only "for <audience>" in the bullets and description; never in
a warning or a gift line, a connector's gender, a shape ("Cat Eye") or another object's user
("Cleaner for Baby Bottles").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from knowledge.extraction.finders import Mention, negated
from knowledge.extraction.types import singular
from knowledge.extraction.vocab import AUDIENCE_STOP, AUDIENCES

_AUD_WORD = "|".join(sorted((re.escape(k) for k in AUDIENCES), key=len, reverse=True))
_AUD = re.compile(rf"(?<![\w-])({_AUD_WORD})(?:'s|’s|s'|'|’)?(?![\w-])", re.IGNORECASE)
# a possessive audience before another noun: "for women's small bags"
_OWNED = re.compile(r"[A-Za-z]+(?:'s|’s|s'|s’)\s+(?:[a-z]+\s+)?([a-z]+)\b")
_FOR_AUD = re.compile(rf"\bfor (?:both |the |your |all |little )?((?:(?:{_AUD_WORD})(?:'s|’s)?"
                      rf"(?:\s*(?:,|/|&|and|or)\s*)?)+)", re.IGNORECASE)


def _sentence(text: str, start: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    ends = [i for i in (text.find(c, start) for c in ".!?\n") if i >= 0]
    return text[left + 1:min(ends) if ends else len(text)].lower()


def _title_part(title: str, start: int) -> str:
    """The part of a title holding ``start`` (titles chain parts with commas, dashes, bars).

    A gift word in another part ("..., Birthday Gifts for Mom") says nothing of this one.
    """
    left = max((m.end() for m in _TITLE_SEP.finditer(title, 0, start)), default=0)
    right = _TITLE_SEP.search(title, start)
    return title[left:right.start() if right else len(title)].lower()


_TITLE_SEP = re.compile(r"\s[-–—|]\s|[,，(\[|:;【.!?]")


_CONNECTOR = re.compile(r"(?:(?:\s|-)+[A-Za-z]+)?(?:\s|-)*(?:adapters?|connectors?|plugs?|jacks?|"
                        r"threads?|threaded|"
                        r"n?pt|fpt|mpt|nptf|bsp|pipe|"
                        r"ends?|fittings?|pins?|headers?|sockets?|to)\b", re.IGNORECASE)


# the other gender of a fitting named right after ("Male/Female Socket Union")
_GENDER_PAIR = re.compile(r"\s*[/&]\s*(?:fe)?males?\b", re.IGNORECASE)
# a thread size right before the gender: '1/2" Female', '3/4-Inch Male', "1/4 NPT Male"
_THREAD_SIZE = re.compile(r"(?:\d\s*(?:[\"”″]|-?\s*inch(?:es)?|in\b|mm|n?pt)|\d/\d{1,2})\s*$",
                          re.IGNORECASE)


def _fitting_gender(text: str, start: int, end: int) -> bool:
    """True when "male"/"female" names a fitting's end, not who the product is for.

    A connector word follows ("Male Adapter"), possibly after the other gender ("Male/Female
    Socket Union"), or a thread size comes right before ('3/4" Male Brass Connector').
    """
    pair = _GENDER_PAIR.match(text, end)
    return bool(_CONNECTOR.match(text, pair.end() if pair else end)
                or _THREAD_SIZE.search(text[max(0, start - 12):start]))


# a size scale after the word: "Men's 4-8.5/Women's 5-9.5", "Sizing for women: Small (4-6)"
_SIZE_SCALE = re.compile(r"(?:'s|’s|s)?\s*(?:\(?\d+(?:\.5)?\s*(?:-\s*\d|/|to \d|\)|US\b|$)|"
                         r"\d+(?:\.5)?\s*(?=[A-Z]?\s*[,/]?\s*(?:wo)?men)|"
                         r":\s*(?:x?small|medium|x?large|\d))", re.IGNORECASE)
# a size number labelled by who it fits: "Size 5 - Youth", "(Sizes: 5 Youth, Size 6, Size 7)"
_SIZE_LABEL = re.compile(r"\bsizes?\b[^.;\n]{0,15}?\b\d{1,2}(?:\.5)?\s*[-–]?\s*$", re.IGNORECASE)
# people named before the animals they describe: "for Boy and Girl Dogs"
_ANIMALS_AFTER = re.compile(r"(?:\s+(?:and|or|&|/)\s+[A-Za-z]+)?\s+(?:dogs?|cats?|pets?|"
                            r"puppies|puppy|kittens?)\b", re.IGNORECASE)
_AGES = re.compile(r"\bage[sd]?\b|\d+\s*\+|\byears? old\b", re.IGNORECASE)
# what follows an audience word that makes it name a shape, an animal's age or another
# object: "Cat Eye" frames, "adult cats", "baby bottles" a brush cleans, "Baby Foods" a jar
# holds, a "Baby Shower" party
_NOT_WHO = re.compile(r"(?:'s|’s)?[\s-]+(eyes?|cats?|dogs?|kittens?|puppies|pets?|bottles?|"
                      r"wipes|foods?|showers?|birthdays|walking|parties|rooms?|bedrooms?|"
                      r"dorms?|nursery|urine)\b", re.IGNORECASE)
# an occasion or an activity named after who takes part: "Kids Birthdays", "for dog walking"
_OCCASIONS = frozenset({"birthday", "walking", "partie", "room", "bedroom", "dorm", "nursery",
                        "urine"})
# audience word -> the words after it that make it not an audience
# "Pet and Kid Friendly", "Baby Proofing", "Pet Dog Cat Resistant": safe around them, not for them
_WHO = "|".join(sorted((re.escape(w) for w in AUDIENCES), key=lambda w: (-len(w), w)))
_SAFE_AROUND = re.compile(rf"(?:\s*(?:and|&|/|or)?\s*(?:{_WHO})){{0,2}}[\s-]+(?:friendly|"
                          r"proof(?:ing|ed)?|resistant)\b", re.IGNORECASE)
# "Adult Dry Cat Food", "Indoor Adult Natural Cat Treats": an animal's life stage
_ANIMAL_STAGE = re.compile(r"[\s-]+(?:(?!for\b|and\b|or\b|with\b)[A-Za-z]+\s+){1,2}"
                           r"(?:cats?|dogs?|kittens?|puppies|pets?)\b", re.IGNORECASE)
_NOT_WHO_WORDS = {"cat": ("eye",), "adult": ("cat", "dog", "kitten", "puppie", "pet"),
                  "senior": ("cat", "dog", "pet"), "baby": ("bottle", "wipe", "food", "shower"),
                  "babie": ("bottle", "wipe", "food", "shower")}


def find_audiences(text: str, *, title: bool, own: Collection[str] = ()) -> list[Mention]:
    """Audiences: any audience word in a title, only "for <audience>" in other fields.

    ``own``: the product's own (singular) words; "Baby Bottles" names baby as the user of a
    bottle, but not of the brush that cleans them.
    """
    found: list[Mention] = []
    if title:
        matches = [(m.group(1), m.start(1), m.end(1)) for m in _AUD.finditer(text)]
    else:
        matches = [(m.group(1), m.start(1) + s, m.end(1) + s) for f in _FOR_AUD.finditer(text)
                   for s in [f.start(1)] for m in _AUD.finditer(f.group(1))]
    if not title:
        buyers = [f for f in _FOR_AUD.finditer(text) if len(_AUD.findall(f.group(1))) >= 4
                  or _list_modifies(text, f, own)]
        matches = [m for m in matches if not any(f.start(1) <= m[1] < f.end(1) for f in buyers)]
    for word, start, end in matches:
        if word.lower() in ("male", "female") and _fitting_gender(text, start, end):
            continue  # "MALE ADAPTER", "A-Male to Micro B": a connector's gender, no audience
        if word == "PET":
            continue  # "Translucent PET Film": the plastic, not pets
        human = AUDIENCES[word.lower()] not in ("dogs", "cats", "pets")
        if _SIZE_LABEL.search(text, max(0, start - 25), start):
            continue  # "Size 5 - Youth (27.5\")", "(7 Men's Official - 29.5\")": a size's label
        if _SIZE_SCALE.match(text, end) or (human and _ANIMALS_AFTER.match(text, end)) \
                or re.search(r"\bhot[\s-]*$", text[max(0, start - 5):start], re.IGNORECASE):
            continue  # "Men's 4-8.5", "for Boy and Girl Dogs", "Hot Dog Roasting Sticks"
        if not title and AUDIENCES[word.lower()] in ("boys", "girls") \
                and _AGES.search(_sentence(text, start)):
            continue  # "for boys and girls aged 8+": the age range of a toy, not who it is for
        after = _NOT_WHO.match(text, end)
        noun = after.group(1).lower().rstrip("s") if after else ""
        if (noun in _NOT_WHO_WORDS.get(word.lower().rstrip("s"), ()) or noun in _OCCASIONS) \
                and noun not in own:
            continue  # "Cat Eye Sunglasses", "for adult cats", "Cleaner for Baby Bottles"
        if _SAFE_AROUND.match(text, end) or (AUDIENCES[word.lower()] in ("adults", "seniors")
                                             and _ANIMAL_STAGE.match(text, end)):
            continue  # "Pet and Kid Friendly", "Adult Dry Cat Food"
        sentence = _title_part(text, start) if title else _sentence(text, start)
        if any(stop in sentence for stop in AUDIENCE_STOP) or negated(text, start):
            continue
        owner = None if title else _OWNED.match(text, start)
        if owner and singular(owner.group(1).lower()) not in own:
            continue  # "suitable for women's small bags": whose bags, not who it is for
        found.append((AUDIENCES[word.lower()], start, end))
    return found


# the word after an audience word that lets it still name who the product is for: a joined
# or a following phrase ("for kids and adults", "for men who", "for women ages 30+")
_NEXT = re.compile(r"[ \t]+([A-Za-z]+)\b")
_GOES_ON = frozenset({
    "and", "or", "to", "who", "that", "which", "of", "with", "in", "on", "at", "from", "by", "as",
    "ages", "aged", "age", "alike", "too", "also", "only", "over", "under", "up", "years", "year",
    "is", "are", "will", "can", "may", "like", "the", "a", "an", "this", "these", "it", "you",
    "all", "both", "while", "when", "because", "so", "but", "than", "into", "during", "for",
    "plus", "size", "big", "little", "small", "aren", "isn", "don", "weigh", "need", "want",
    "love", "enjoy", "use", "get", "make", "have", "do", "learn", "play", "grow"})


def _list_modifies(text: str, found: re.Match[str], own: Collection[str]) -> bool:
    """True when a "for <audiences>" list only modifies the noun after it.

    "for the cat litter", "for girls or boys bedroom", "for men, women and children
    guitarist's": whose litter, room or guitarist, not who the product is for.
    """
    last = list(_AUD.finditer(found.group(1)))[-1]
    return _modifies_next(text, found.start(1) + last.end(1), own)


def _modifies_next(text: str, end: int, own: Collection[str]) -> bool:
    """True when the audience word only modifies the noun after it ("kids room").

    An -ing/-ed/-ly/-s word ("kids playing", "adults alike", "for kids includes": a verb as
    often as a plural), an audience word or a function word goes on the phrase; the product's
    own noun ("for dog beds" of a dog bed) keeps it.
    """
    after = _NEXT.match(text, end)
    if not after:
        return False
    word = after.group(1).lower()
    if word in _GOES_ON or word in AUDIENCES or word.endswith(("ing", "ed", "ly", "s")):
        return False
    return singular(word) not in own


# a general audience and the specific ones that say it better: "pets" beside "dogs"; "kids" read
# only from "Youth" beside "Boys" ("Big Boy's Youth Slim Pant", "Boys Girls Youth Teen"), where
# youth names the size range of boys' or girls' clothes
_GENERAL = (("pets", frozenset({"dogs", "cats"}), None),
            ("kids", frozenset({"boys", "girls", "teens"}), re.compile(r"youth", re.IGNORECASE)))


def specific_wins(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]]) -> None:
    """Drop a general audience when a specific one is found beside it ("pets" with "dogs").

    "kids" goes only when every word it was read from is "youth".
    """
    audiences = attributes.get("audiences", [])
    for general, specific, words in _GENERAL:
        said = [s for s in spans.get("audiences", []) if s["value"] == general]
        if general not in audiences or not specific & set(audiences) or (
                words and not all(words.fullmatch(s["text"]) for s in said)):
            continue
        audiences.remove(general)
        spans["audiences"] = [s for s in spans["audiences"] if s["value"] != general]
