"""A list of compatible devices kept whole: "fits iPhone 12, 12 Pro, 13 mini" is one fact.

Merchants list the models a product fits with plain commas ("for Canon EOS R5, R6, 5D Mark
IV, 90D", "also charges MacBook Air, iPhone 15, Switch"). The brief's clauses are cut at
commas, so without this each model would stand alone, and a bare "R6" or "Switch" under
"Features" reads as a part or a property of the product. A clause that ends on a
compatibility cue and a model name ("fits", "for", "works with", "compatible with",
"charges", "replacement for" + a capitalised or numbered name) takes the short pieces
after it that are model names too, while only a comma stands between them; the list ends
at the first piece that is not a name ("LED indicator", "65W", "black").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import COLORS
from knowledge.nlp.quantities import find_quantities
from tools.creatives.item_runs import (
    clause_closes,
    closes,
    colours,
    comma_items,
    plain_item,
    run,
    verb_list,
)
from tools.creatives.name_ends import verb_led
from tools.creatives.use_list import use_list_end

__all__ = ["compat_lead", "compat_lists"]

# the cue and the first model name, at the end of the clause
_CUE = re.compile(r"(?i)(?:^|\s)(?:fits|fit|for|works with|work with|works w/|compatible with|"
                  r"compatible w/|compatibility|compatible|charges|replacement for|replaces|"
                  r"for use with|designed for|made for|supports|incl\.?|including|such as)"
                  r"\s*:?\s+(?P<name>[^,;]+)$")
# lower-case words that belong inside a model's name ("13 mini", "12 Pro Max", "5D Mark IV")
_NAME_WORDS = frozenset({"pro", "max", "mini", "plus", "air", "ultra", "lite", "se", "series",
                         "gen", "generation", "edition", "mark", "note", "fold", "flip", "and",
                         "or", "&", "+", "/", "xl", "s", "x", "e", "all", "most", "select",
                         "later", "newer", "above", "up", "older", "models"})
# cues whose list is of things: "for dogs, cats, rabbits"
_FOR_CUE = re.compile(r"(?i)(?:^|\s)(?:fits|fit|for)(?: most| all)?\s+(?P<name>[^,;]*[a-z]s)$")
_PLURAL = re.compile(r"(?i)(?:[a-z]s|mice|geese|children|people|feet|teeth|men|women)$")
# cues whose list may be of plain words ("works on gas, electric, induction, campfire")
_PLAIN_CUE = re.compile(r"(?i)(?:^|\s)(?:works on|works with|work with|compatible with|"
                        r"use on|use with|use in|suitable for|safe for|safe on|great for|"
                        r"ideal for|perfect for|good for)\s+(?P<name>[^,;]+)$")
# the product's own ports and displays, never a device it fits ("for iPhone 15, USB-C")
_OWN_PARTS = re.compile(r"(?i)^(?:usb|type-?c|lightning|hdmi|bluetooth|wi-?fi|magsafe|led|lcd|"
                        r"aa|aaa|qi)\b")
_MAX_WORDS = 5
# kinds of device that close a list of models ("works with Switch, PS5, Xbox, cameras")
_DEVICES = re.compile(r"(?i)^(?:and |or |most |other |all )*(?:\w+ )?(?:cameras|camcorders|"
                      r"consoles|laptops|notebooks|tablets|phones|smartphones|pcs|computers|"
                      r"monitors|tvs|printers|models|devices|speakers|headphones|more)$")


def _name_like(piece: str) -> bool:
    """True for a short model name: each word capitalised, numbered or a naming word.

    A year range in parentheses ("4K UHD TVs (2016-2023)") is part of the name.
    """
    piece = re.sub(r"\s*\([^)]*\)", "", piece).strip()
    words = piece.split()
    if not words or len(words) > _MAX_WORDS or _OWN_PARTS.match(piece):
        return False
    if not any(re.search(r"[A-Z0-9]", w) for w in words):
        return False  # "black", "rubber feet": plain words name no model
    vehicle = re.match(r"(?:19|20)\d\d(?:\s?-\s?(?:19|20)?\d\d)?\s+[A-Z]", piece)  # "2010 CR-V"
    if not vehicle and any(q.kind != "number" and not re.fullmatch(r"\d+K", q.text)
                           for q in find_quantities(piece)):
        return False  # "65W", "6.6 ft": a measure of the product, not a model ("4K UHD TVs")
    low = piece.lower()
    if low in COLORS or find_terms(low, material_items()):
        return False
    return all(re.search(r"[A-Z0-9]", w) or w.lower() in _NAME_WORDS for w in words)


def _named_kind(piece: str) -> bool:
    """True for a last item naming models and their kind: "Ryobi T-shank jigsaws".

    "Fits Bosch, DeWalt, Makita, Ryobi T-shank jigsaws": the kind ("jigsaws", "pumps")
    closes the list of makers; it is what the product fits, never a feature of it.
    """
    bare = re.sub(r"\s*\([^)]*\)", "", piece).strip()
    m = re.fullmatch(r"(?P<names>.+?)\s+(?P<kind>[a-z][a-z-]*(?:\s[a-z][a-z-]*)?)", bare)
    return (m is not None and _PLURAL.search(m.group("kind")) is not None
            and _name_like(m.group("names")) and not find_terms(m.group("kind"),
                                                                material_items()))


_LEAD = re.compile(r"(?i)^(?:compatible with|compatible w/|works with|works w/|for use with|"
                   r"fits|designed for)\s|^(?i:for)\s+(?:[a-z]+[A-Z]\w*|[A-Z]{2,}\w*|\w*\d\w*)")


def compat_lead(piece: str) -> bool:
    """True for a clause that opens on what the product fits ("Compatible with Keurig ...").

    Such a clause names the other product, never this one.
    """
    return _LEAD.match(piece.strip()) is not None


def _starts_list(piece: str) -> bool:
    """True when the clause ends on a compatibility cue and a model name."""
    m = _CUE.search(piece)
    return m is not None and _name_like(m.group("name").strip())




def _colon_list(text: str, pieces: list[tuple[str, int]], i: int) -> bool:
    """True for "compatible with Keurig K-Cup brewers: K-Classic, K-Mini": a colon opens it."""
    if i + 1 >= len(pieces) or _CUE.search(pieces[i][0]) is None:
        return False
    gap = text[pieces[i][1] + len(pieces[i][0]):pieces[i + 1][1]]
    return re.fullmatch(r":\s*", gap) is not None and _name_like(pieces[i + 1][0])


# "fits index, middle, ring, pinky": a fit list of plain words after "fits" and one word
_FITS_ONE = re.compile(r"(?i)(?:^|\s)fits\s+(?P<name>[a-z]+)$")
# "For wound care, nail art, electronics handling": a sentence that opens on "for"
_FOR_OPEN = re.compile(r"(?i)^(?:for|for use on|for use in|for use with)\s+(?P<name>[^,;]+)$")


def _opening_for(text: str, piece: tuple[str, int]) -> re.Match[str] | None:
    """The "for" cue of a piece that opens its sentence, line or dashed/piped clause, else None."""
    if re.search(r"(?:^|[.;:\n|]|\s[-\u2013\u2014]+)\s*$", text[:piece[1]]) is None:
        return None
    return _FOR_OPEN.match(piece[0])


def _plain_list(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of a plain-word list that a "works on" cue opens at piece ``i``.

    Only a list that runs to its sentence's end, every item short and plain, is one.
    """
    first = pieces[i][0]
    m = _PLAIN_CUE.search(first) or _opening_for(text, pieces[i]) or _FITS_ONE.search(first)
    plural = m is None  # "fits most car seats, office chairs, wheelchairs": things, plural
    m = m or _FOR_CUE.search(first)
    if m is None and verb_led(first.lower()) and not re.search(r"\d", first):
        return verb_list(text, pieces, i)  # "holds pens, phone, sticky notes, etc."
    if m is None or len(m.group("name").split()) > (3 if plural else 2):
        return i
    end = i
    for k, nxt, _ in comma_items(text, pieces, i):
        item = re.sub(r"^(?:and|or|&)\s+|\s*\([^)]*\)", "", nxt)  # "dragons (juvenile)"
        if not plain_item(item, pair=True) or plural and not any(
                _PLURAL.search(w) for w in re.split(r"\s*(?:&|\band\b|\bor\b)\s*", item)):
            # "fits index, middle, ring, pinky, approx. 2.3 in.": a measure ends the list
            return end if end - i >= 2 and not plural and re.search(r"\d", nxt) else i
        end = k
    return end if end > i and clause_closes(text, pieces[end][1] + len(pieces[end][0])) else i


def joined_runs(text: str, pieces: list[tuple[str, int]],
                run_end: Callable[[int], int]) -> list[tuple[str, int]]:
    """``pieces`` with each run from piece ``i`` to ``run_end(i)`` joined back into one piece."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(pieces):
        piece, start = pieces[i]
        end = run_end(i)
        if end > i:
            last, last_at = pieces[end]
            out.append((text[start:last_at + len(last)], start))
        else:
            out.append((piece, start))
        i = end + 1
    return out


def compat_lists(text: str, pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``pieces`` with each comma-cut list of compatible models joined back into one."""
    return joined_runs(text, pieces, lambda i: _list_end(text, pieces, i))


def _list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of the list of models, plain words, composition or colours at ``i``."""
    piece = pieces[i][0]
    end = i
    if _starts_list(piece) or _colon_list(text, pieces, i):
        for k in range(i + 1, len(pieces)):
            nxt, at = pieces[k]
            prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
            colon = k == i + 1 and re.fullmatch(r":\s*", text[prev_end:at])  # "brewers: K-Mini"
            if not re.fullmatch(r",\s*", text[prev_end:at]) and not colon:
                break
            if not _name_like(nxt):
                if ((_DEVICES.match(nxt) or _named_kind(nxt))
                        and closes(text, at + len(nxt))):
                    end = k  # "..., cameras"; "..., Ryobi T-shank jigsaws"
                break
            end = k
    if end == i:
        end = _plain_list(text, pieces, i)
    if end == i:
        end = run(text, pieces, i)
    if end == i:
        end = colours(text, pieces, i)
    if end == i:
        end = use_list_end(text, pieces, i)  # "..desk, car, nightstand": where it is used
    return end
