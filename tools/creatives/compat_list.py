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

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import COLORS
from knowledge.nlp.quantities import find_quantities

__all__ = ["compat_lists"]

# the cue and the first model name, at the end of the clause
_CUE = re.compile(r"(?i)(?:^|\s)(?:fits|fit|for|works with|work with|compatible with|"
                  r"compatibility|compatible|charges|replacement for|replaces|for use with|"
                  r"designed for|made for|supports)\s*:?\s+(?P<name>[^,;]+)$")
# lower-case words that belong inside a model's name ("13 mini", "12 Pro Max", "5D Mark IV")
_NAME_WORDS = frozenset({"pro", "max", "mini", "plus", "air", "ultra", "lite", "se", "series",
                         "gen", "generation", "edition", "mark", "note", "fold", "flip", "and",
                         "or", "&", "+", "/", "xl", "s", "x", "e"})
# the product's own ports and displays, never a device it fits ("for iPhone 15, USB-C")
_OWN_PARTS = re.compile(r"(?i)^(?:usb|type-?c|lightning|hdmi|bluetooth|wi-?fi|magsafe|led|lcd|"
                        r"aa|aaa|qi)\b")
_MAX_WORDS = 4
# kinds of device that close a list of models ("works with Switch, PS5, Xbox, cameras")
_DEVICES = re.compile(r"(?i)^(?:and |or |most |other |all )*(?:\w+ )?(?:cameras|camcorders|"
                      r"consoles|laptops|notebooks|tablets|phones|smartphones|pcs|computers|"
                      r"monitors|tvs|printers|models|devices|speakers|headphones|more)$")


def _name_like(piece: str) -> bool:
    """True for a short model name: each word capitalised, numbered or a naming word."""
    words = piece.split()
    if not words or len(words) > _MAX_WORDS or _OWN_PARTS.match(piece):
        return False
    if not any(re.search(r"[A-Z0-9]", w) for w in words):
        return False  # "black", "rubber feet": plain words name no model
    if any(q.kind != "number" for q in find_quantities(piece)):
        return False  # "65W", "6.6 ft": a measure of the product, not a model
    low = piece.lower()
    if low in COLORS or find_terms(low, material_items()):
        return False
    return all(re.search(r"[A-Z0-9]", w) or w.lower() in _NAME_WORDS for w in words)


def _starts_list(piece: str) -> bool:
    """True when the clause ends on a compatibility cue and a model name."""
    m = _CUE.search(piece)
    return m is not None and _name_like(m.group("name").strip())


def compat_lists(text: str, pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``pieces`` with each comma-cut list of compatible models joined back into one."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(pieces):
        piece, start = pieces[i]
        end = i
        if _starts_list(piece):
            for k in range(i + 1, len(pieces)):
                nxt, at = pieces[k]
                prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
                if not re.fullmatch(r",\s*", text[prev_end:at]):
                    break
                if not _name_like(nxt):
                    if _DEVICES.match(nxt) and _closes(text, at + len(nxt)):
                        end = k
                    break
                end = k
        if end > i:
            last, last_at = pieces[end]
            out.append((text[start:last_at + len(last)], start))
        else:
            out.append((piece, start))
        i = end + 1
    return out


def _closes(text: str, at: int) -> bool:
    """True when the sentence ends at ``at`` (a full stop, a new line or the brief's end)."""
    return re.match(r"\s*(?:[.;\n]|$)", text[at:]) is not None
