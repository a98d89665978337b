"""A listing's own size variant, read where catalogue titles put it.

Marketplace titles end on the variant the listing is: "..., Black, 10.5 M US", "Skirt L Khaki",
"Sports Bra (6, Silky Serenity Blue)", "Slide Sandals Brown 9 M". The colour field names one
half of that tail; a size word or a shoe number standing right beside it (or closing the
title after a width letter, "7 M US") is this listing's size, not a word of its name.
"""

from __future__ import annotations

import re

Mention = tuple[str, int, int]

# letter sizes and their catalogue abbreviations ("SM 24", "Very Black MD")
_LETTERS = {"xxs": "xxs", "xs": "xs", "s": "s", "m": "m", "l": "l", "xl": "xl", "xxl": "xxl",
            "xxxl": "xxxl", "2xl": "2xl", "3xl": "3xl", "4xl": "4xl", "5xl": "5xl",
            "sm": "s", "md": "m", "lg": "l"}
_WORDS = {"x-small": "xs", "small": "small", "medium": "medium", "large": "large",
          "x-large": "xl", "xx-large": "xxl", "xxx-large": "xxxl", "2x-large": "2xl",
          "3x-large": "3xl", "4x-large": "4xl", "5x-large": "5xl", "extra large": "xl",
          "extra small": "xs"}
_FIT = r"(?:\s+(?:slim|husky|plus|petite|tall|regular|big kid|little kid|toddler))?"
_WIDTH = r"(?:\s*(?:M|W|B|D|C|E|EE|2E|4E|XW|wide|medium))?(?:\s*US)?"
_NUMBER = rf"\d{{1,3}}(?:\.5)?{_WIDTH}{_FIT}"
_WORD = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_LETTER = "|".join(sorted(_LETTERS, key=len, reverse=True))
_TOKEN = re.compile(rf"(?i:(?P<word>{_WORD}))|(?P<letter>{_LETTER.upper()})|"
                    rf"(?P<number>{_NUMBER})")
# "Sandals 7 M US", "Chelsea Boot, Dark Tan Suede, 110 M US", "Shoe, Black, 7 Big Kid US":
# a shoe number closing the title with its width letter or kid size
_SHOE_END = re.compile(r"(?<![\w./-])(\d{1,3}(?:\.5)?)\s+(?:(?:M|W|B|D)(?:\s+US)?|"
                       r"(?:Big|Little) Kid(?:\s+US)?|M US (?:Women|Men))\s*\)?\s*$")


_FOOTWEAR = re.compile(r"\b(?:shoes?|boots?|sandals?|slippers?|sneakers?|clogs?|loafers?|heels?|"
                       r"pumps?|flats?|mules?|slides?|flip[- ]?flops?|oxfords?|moccasins?|"
                       r"espadrilles?|wedges?|trainers?)\b", re.IGNORECASE)


# a number beside the colour is a size only on something worn (else a count or a version)
_GARMENT = re.compile(r"\b(?:shirts?|t-shirts?|tees?|tops?|dress(?:es)?|skirts?|pants?|jeans|"
                      r"shorts|trunks|leggings?|bras?|hoodies?|sweatshirts?|jackets?|coats?|sweaters?|"
                      r"socks?|swimsuits?|bikinis?|rompers?|jumpsuits?|vests?|suits?|pajamas?|"
                      r"underwear|briefs|boxers|tights|gloves?|uniforms?|outfits?|scrubs?|"
                      r"blouses?|cardigans?|joggers?|sweatpants|overalls)\b", re.IGNORECASE)


def _numeric(value: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", value))


def _value(match: re.Match[str]) -> str:
    if match.group("word"):
        return _WORDS[match.group("word").lower()]
    if match.group("letter"):
        return _LETTERS[match.group("letter").lower()]
    number = re.match(r"\d+(?:\.5)?", match.group("number"))
    return (number.group(0).lstrip("0") or "0") if number else ""


def _whole(text: str, start: int, end: int) -> Mention | None:
    """The size when ``text[start:end]`` (trimmed) is one size token and nothing else."""
    while start < end and text[start] in " ,-_/(":
        start += 1
    while end > start and text[end - 1] in " ,-_)":
        end -= 1
    found = _TOKEN.fullmatch(text, start, end)
    if not found or (found.group("number") and (not 1 <= float(_value(found)) <= 120
                                                or re.match(r"\d+W\b", found.group(0)))):
        return None  # "18W" is a plus size, read with the title's other sizes
    return _value(found), start, end


def variant_sizes(title: str, color: str | None) -> list[Mention]:
    """Sizes beside the colour variant in a title, and a shoe size ending it with its width."""
    found: list[Mention] = []
    title = title.replace("（", "(").replace("）", ")")  # same length: offsets hold
    shoe = _SHOE_END.search(title)
    if shoe and not re.search(r"\bUS\b|Kid", shoe.group(0)) and not _FOOTWEAR.search(title):
        shoe = None  # "USB Cable 2 M" is two metres: a bare width letter needs footwear
    if shoe:
        found.append((shoe.group(1).lstrip("0") or "0", shoe.start(1), shoe.end(1)))
    name = " ".join((color or "").split())
    at = title.lower().rfind(name.lower()) if len(name) > 1 else -1
    if at < 0:
        return found
    end = at + len(name)
    close = title.find(")", end)
    worn = bool(_FOOTWEAR.search(title) or _GARMENT.search(title))
    after = _whole(title, end, close if close >= 0 else len(title))  # "Pink S)", "Navy, 11"
    # on something not named as worn, only a shoe-like number ("Sea Aqua Synthetic 11"), not a
    # version or a count ("Bug Gun Reverse Yellow 2.5")
    if after and (worn or not _numeric(after[0]) or 4 <= float(after[0]) <= 15):
        found.append(after)
    elif not title[end:].strip(" )"):  # the colour closes the title: "Skirt L Khaki", "(6, Blue)"
        head = title[:at].rstrip(" ,_-")
        last = re.search(r"[\w.-]+$", head)
        before = _whole(title, last.start(), last.end()) if last else None
        # a number before the colour only in a variant bracket or list ("(6, Navy)", not the
        # count of "(1, Black)"); a size after another size lists those offered ("Small Large")
        listed = re.search(r"[\w.-]+\s*$", head[:before[1]]) if before else None
        if before and (not _numeric(before[0])
                       or (worn and re.search(r"[(,]\s*$", head[:before[1]]))) \
                and not (listed and _whole(title, listed.start(), listed.end())):
            found.append(before)
    return found


_BABY = re.compile(r"\b(?:bab(?:y|ies)|infants?|newborns?|toddlers?|months?)\b", re.IGNORECASE)


def no_metres(found: list[Mention], title: str) -> list[Mention]:
    """A shoe's "9M" is size 9 medium, not 9 metres; a baby's "3/6M" is 3-6 months."""
    sized = set() if _BABY.search(title) else \
        {s for v, s, _ in found if v.replace(".", "", 1).isdigit()}
    out = []
    for value, start, end in found:
        months = re.fullmatch(r"(\d{1,2})/(\d{1,2})m", value)
        if months and int(months.group(1)) < int(months.group(2)) and int(months.group(2)) % 3 == 0:
            value = f"{months.group(1)}-{months.group(2)}m"  # "Blue- 3/6M": months, not metres
        elif value.endswith("m") and value[:-1].replace(".", "", 1).isdigit() and start in sized:
            continue  # "Basketball Shoe - 9M": size 9 medium, not 9 metres
        out.append((value, start, end))
    return out
