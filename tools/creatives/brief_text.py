"""A merchant's brief as the parser reads it: list marks, emoji, HTML and shouting taken out.

Merchants paste briefs as lists ("- Cotton bath towels", "✅ juice groove", "1) 6 pack"),
shout them ("STAINLESS STEEL WATER BOTTLE 32 OZ"), cheer them on ("super soft!!!") or write
them as a spec sheet ("Qty: 4", "Size: 16 x 16 in"). The text is rewritten character for
character (same length, so every fact's span still points into the brief as written): a
list mark becomes a space, an emoji or "!" a clause break, an all-capitals brief lower case.
A spec line keeps its label with its value ("Size: 16 x 16 in" is one fact, never a
product named "Size"); a label that names the product ("Product: yoga mat") is dropped.
Marketing filler ("Best seller", "great gift") is never the product's name.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type

__all__ = ["MODEL_LABEL", "NAME_KEY", "abbreviation", "filler", "heading", "key_value",
           "model_named", "reading_text", "sentence_ends", "spec_colon"]

_LIST_MARK = re.compile(r"(?m)^[ \t]*(?:[-*\u2022\u00b7\u25aa\u25cf\u25ba\u27a4\u2192>]|"
                        r"\d{1,2}[.)])(?=[ \t])")
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
                    "[\ufe0f\u200d]*")
# a sign that says "no" ("Hand wash only 🚫 dishwasher"): it stays with the word it denies
_NO_SIGNS = frozenset("\U0001f6ab\u274c\u26d4\u2716\u2717\u2718\U0001f645\u2298")
# spec-sheet labels whose value is a fact of the product; the line stays one fact
SPEC_KEY = re.compile(r"(?i)^(?:qty|quantity|size|sizes|dimensions?|dims|measurements?|colou?rs?|"
                      r"materials?|fabric|weight|capacity|volume|count|pack(?:\s?size)?|"
                      r"contents|includes|included|in the box|features?|warranty|power|"
                      r"battery|compatibility|compatible with|fits|age|ages|for|style|"
                      r"finish|scent|flavou?r|pattern|shape|length|width|height|depth|"
                      r"model(?: no\.?| number| #)?|sku|mpn|upc|part(?: no\.?| number)|"
                      r"item(?: no\.?| number| model))"
                      r"\s?:\s*\S")
# labels that name the product: "Product: yoga mat" names a yoga mat
NAME_KEY = re.compile(r"(?i)^(?:product|item|name|title|type|product type|item name|bundle|"
                      r"product name|product title|item title|listing title|"
                      r"combo|"
                      r"what|hi|hello|hey|hi there|hello there|greetings)\s?:?$")  # and greetings
_FILLER = re.compile(r"(?i)^(?:(?:best|top|hot|#1|no\.? ?1)\s?(?:seller|selling|sale|rated|"
                     r"quality|pick|choice|deal)|bestseller|new arrivals?|brand new|new|sale|"
                     r"hot|wow|amazing|awesome|must have|limited (?:time )?(?:offer|stock|edition)|"
                     r"(?:best|great|perfect|ideal) gifts?(?: idea)?(?: for \w+)?|gift idea|"
                     r"(?:free|fast) shipping|(?:(?:so|super|very|really) )?(?:cute|pretty|"
                     r"adorable|gorgeous|beautiful|lovely|stunning|nice|cool)|"
                     r"ships (?:fast|free|today)|in stock|buy now|order now|don'?t miss(?: out)?|"
                     r"high quality|premium quality|100% satisfaction(?: guaranteed)?|"
                     r"satisfaction guaranteed|look|check it out|!+|"
                     # a greeting or call for attention names nothing ("Heads up!!")
                     r"heads up|attention|hey(?: there| all| everyone)?|hi(?: all| everyone)?|"
                     r"hello(?: all| everyone| friends)?|psa|fyi|listen up|quick update|"
                     r"(?:quick |friendly )?reminder|important|please note)$")


_SALES_LEAD = re.compile(r"(?i)^[\s;,.]*(?:(?:hi|hello|hey)(?: there)?[\s;,.]+)?(?:we(?:'re| are)? "
                         r"sell(?:ing)?|i(?:'m| am)? sell(?:ing)?|selling|this is|introducing|"
                         r"here is|here's|we have|listing for)\s+(?:(?:a|an|the|our|my|these|"
                         r"this|some)\s+)?(?=\w)")


# HTML pasted from a listing page: a line break or list item is a new line, other tags none
_HTML_BREAK = re.compile(r"(?i)<\s*(?:br|/?p|/?li|/?div|/?ul|/?ol|/?tr)\s*/?>")
_HTML_TAG = re.compile(r"(?i)</?\s*[a-z][a-z0-9]*(?:\s[^<>]{0,80})?/?>")
# a pipe between spaces separates the pasted spec lines of one line: each its own line, so a
# label after it ("| Max opening: 5.5 in.") keeps its number
_PIPE = re.compile(r"(?<=\s)\|(?=\s)")
# a doubled full stop or comma typed between two facts ("removal..desk", "rack,,metal")
_RUN_ON_STOP = re.compile(r"(?<=[A-Za-z)])\.\.(?=[A-Za-z(]|\s)")
_RUN_ON_COMMA = re.compile(r",,(?=\S)")


_SLASHES = re.compile(r"(?<=\s)//(?=\s)")  # a field separator, as a pipe is


def _pipe_lines(text: str) -> str:
    """Pipes between spec lines become line breaks; a label's pipe-split values stay one line.

    "Shades: Translucent | Light | Medium | Deep" lists one label's values: cut into lines,
    the first two would read as all the shades.
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        chunks = re.split(r"(?<=\s)\|(?=\s)", line)
        values = len(chunks) > 2 and re.fullmatch(r"\s*[A-Za-z][A-Za-z ]{0,20}:\s*[A-Za-z]+"
                                                  r"(?:\s[A-Za-z]+)?\s*", chunks[0])
        if values and all(re.fullmatch(r"\s*[A-Za-z]+(?:\s[A-Za-z]+)?\s*", c)
                          for c in chunks[1:]):
            continue  # one word or two between pipes after a label: that label's values
        lines[n] = _PIPE.sub("\n", line)
    return "\n".join(lines)


def reading_text(brief: str) -> str:
    """The brief rewritten for parsing, same length: list marks, emoji, "!" and capitals out."""
    text = _LIST_MARK.sub(lambda m: " " * len(m.group(0)), brief)
    text = _EMOJI.sub(lambda m: m.group(0) if m.group(0)[0] in _NO_SIGNS  # "🚫 dishwasher"
                      else ";" + " " * (len(m.group(0)) - 1), text)
    text = _HTML_BREAK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)  # "<br>"
    text = _HTML_TAG.sub(lambda m: " " * len(m.group(0)), text)  # "<b>", "</span>"
    text = text.replace("!", ";")
    text = _SLASHES.sub("\n ", text)  # "Brush: horsehair, 7 in. // Tray: steel": two lines
    text = _pipe_lines(text)  # "Jaw width: 5 in. | Max opening: 5.5 in.": two lines
    text = _RUN_ON_STOP.sub(". ", text)  # "residue-free removal..desk": two facts
    text = _RUN_ON_COMMA.sub(", ", text)  # "magazine rack,,metal wire": a comma
    text = re.sub(r"\u3010([A-Za-z][A-Za-z &/+'-]{0,29})\u3011", r" \1:", text)  # "【INCLUDES】"
    lead = _SALES_LEAD.match(text)  # "we sell a cold brew coffee maker": the maker
    if lead:
        text = " " * lead.end() + text[lead.end():]
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) >= 8 and upper >= 0.8 * len(letters) and len(text.lower()) == len(text):
        text = text.lower()  # "WATER BOTTLE 32 OZ": shouted, not acronyms
    return text


_ANY_KEY = re.compile(r"^[A-Za-z][A-Za-z/&]*(?: [A-Za-z/&]+)?\s?:\s*\S")


# a model label before the product's name: "Model: RT-200 rotary tool", "Model No. KX-5 mixer"
MODEL_LABEL = re.compile(r"(?i)^\s*(?:model|item|part)(?: no\.?| number| #)?\s?[:.]?\s+(?=\S)")


def model_named(piece: str) -> int:
    """Where the product's name starts after a model label ("Model: RT-200 rotary tool kit").

    0 when the piece has no model label, or its value names no product type ("Model: SD-2"
    is a spec line): the label is never the product's name.
    """
    label = MODEL_LABEL.match(piece)
    if label is None or find_type(piece[label.end():], fallback=False) is None:
        return 0
    return label.end()


def key_value(piece: str) -> bool:
    """True for a spec-sheet line ("Qty: 4", "Thickness: 6mm"): a fact, never a name.

    A label naming the product ("Product: yoga mat") is no spec: its value is the name.
    """
    text = piece.strip()
    if SPEC_KEY.match(text):
        return True
    key = text.split(":")[0].strip()  # "Dog toothbrush kit: 2 brushes" names a kit
    return (bool(_ANY_KEY.match(text)) and not NAME_KEY.match(key)
            and find_type(key, fallback=False) is None)


_HEADING = re.compile(r"(?i)^(?:specifications|specs|tech(?:nical)? specs|technical details|"
                      r"product details|details|key features|features|overview|highlights|"
                      r"description|product description|about this item|spec sheet)\s?:?$")


def heading(piece: str) -> bool:
    """True for a bare section heading of a pasted sheet ("Specifications:"): no fact."""
    return bool(_HEADING.match(piece.strip(" ;.")))


def filler(piece: str) -> bool:
    """True for a clause of marketing filler ("Best seller", "great gift") or a bare label."""
    words = re.sub(r"[\s;.,]+", " ", piece).strip()
    return bool(_FILLER.match(words) or NAME_KEY.match(words))


_ABBREVIATED = re.compile(r"(?i)(?:^|\s)(?:approx|appx|incl|excl|est|no|ea|pcs?|qty|oz|lbs?|ft|in|"
                          r"ga|yds?|"
                          r"mos?|wks?|req|reqd|avail|fl|yrs?|hrs?|mins?|max|sq|cu|dia|w|h|l|d|temp|vol|sz|nr|"
                          r"wt|dims?|pkg|assy|adj|std|mi|gal|qt|secs?|sat|sun|mon|tues?|wed|"
                          r"thu(?:rs?)?|fri)$")
# "No. 2 pencils", "Temp. 95-205°F", "Vol. 3": a known abbreviation before a number (or a
# lower-case word) ends no sentence, whatever runs after it
_BEFORE_NUMBER = re.compile(r"(?i)(?:^|[\s(/\"'])(?:no|nr|temp|vol|sz|qty|approx|appx|ca|o\.d|i\.d|"
                            r"dia|max|min|est|dr|st|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|"
                            r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$")


# a day or a time before the rest of its date: "Fri. Nov. 20", "10 a.m. EST"
_DATE_PART = re.compile(r"(?i)(?:^|[\s(])(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|[ap]\.m)$")
_DATE_NEXT = re.compile(r"\s*(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\b|"
                        r"(?:[A-Z]{1,2}[SD]?T|UTC|GMT)\b)")


# abbreviations that never end a sentence: titles and names ("Dr. Brown's", "St. Louis",
# "Mt. Fuji") and Latin ("e.g.", "vs."); a capital after them starts no new fact
_TITLE = re.compile(r"(?i)(?:^|[\s(/])(?:dr|mr|mrs|ms|mt|st|ste|jr|sr|prof|vs|e\.g|i\.e|cf|"
                    r"&?\s?co|inc|ltd|approx|appx|(?:model|item|part|style|catalog|ref)\s+nos?)$")
# "fits most bottles incl. Avent, Dr. Brown's": "incl." inside a list of what it fits
_FIT_INCL = re.compile(r"(?i)\b(?:fits|for|works with|compatible with)\b[^.;\n]*\sincl$")
# "12 in. W x 8 in. H": a dimension's letter after a unit's full stop
_DIMENSION_LETTER = re.compile(r"[WHDLwhdl](?![A-Za-z])")


def abbreviation(text: str, split: re.Match[str]) -> bool:
    """True for the full stop of an abbreviation that the clause runs on after ("approx. 12 in").

    Only before a lower-case word, a number, a bracket ("assembly req. (approx. 15 min)") or
    a list's "&"/"+" ("3 in., 3.9 in. & 4.7 in. dia."):
    "12 in. Great gift" ends a clause; a title
    or a name ("fits Dr. Brown's bottles", "St. Louis") runs on before any word on its line.
    """
    if not split.group(0).startswith(".") or "\n" in split.group(0):
        return False
    before, after = text[:split.start()], text[split.end():split.end() + 1]
    if (_TITLE.search(before) or _FIT_INCL.search(before)) and re.match(r"[A-Za-z0-9]", after):
        return True
    if _BEFORE_NUMBER.search(before) and re.match(r"\s*[-+]?[0-9]", text[split.end():]):
        return True  # "Kit No. 8", "Temp. 95°F": the number is the abbreviation's
    if _DATE_PART.search(before) and _DATE_NEXT.match(text, split.end()):
        return True  # "Fri. Nov. 20", "10 a.m. EST": one date or time
    if _ABBREVIATED.search(before) and _DIMENSION_LETTER.match(text, split.end()):
        return True
    if re.search(r"(?i)(?:^|[|\n;,]\s*)(?:incl|excl)$", before):
        return True  # "| incl. T-handle tap wrench, die stock": the list it opens is its own
    if _ABBREVIATED.search(before) and re.match(r"(?i)(?:dia|max|min|approx)\.", after_word(
            text, split.end())):
        return True  # "12 in. Dia.", "5 gal. Max.": one measure
    if _UNIT_AFTER_NUMBER.search(before) and _QUALIFIER.match(text, split.end()):
        return True  # "3/4 in. GHT", "6,000 lbs. GTW": the measure's standard or rating
    if _UNIT_AFTER_NUMBER.search(before) and re.match(r"/\s+(?:\d|[A-Z]{1,3}\s|[A-Z][a-z]+\s+\d)",
                                                      text[split.end():]):
        return True  # "S neck 8-12 in. / M 12-16 in.": the chart's next size follows
    if _UNIT_AFTER_NUMBER.search(before) and _ACRONYM_NOUN.match(text, split.end()):
        return True  # "0.96 in. IPS color screen": the screen's size, not the product's
    if _UNIT_AFTER_NUMBER.search(before) and _name_goes_on(before, text[split.end():]):
        return True  # "IronJaw 5 in. Bench Vise": the vise is 5 in., its name goes on
    return bool(_ABBREVIATED.search(before)) and bool(re.match(r"[a-z0-9(&+]", after))


# an acronym that qualifies the measure before it and ends the clause ("3/4 in. GHT")
_QUALIFIER = re.compile(r"[A-Z]{2,5}(?=\s*(?:[,;.|)\n]|$|\s[-\u2013\u2014]))")
# an acronym-led noun phrase that ends its clause: the thing a measure before it sizes
_ACRONYM_NOUN = re.compile(r"[A-Z]{2,5}(?:\s+[a-z]+){1,3}(?=\s*(?:[,;|)\n]|\.\s|\.?$))")
# a measure's unit abbreviation right after its number ("5 in.", "12 oz.")
_UNIT_AFTER_NUMBER = re.compile(r"\d\s?(?:in|ft|oz|lbs?|qt|gal|dia)$", re.IGNORECASE)


def after_word(text: str, at: int) -> str:
    """The word (with its full stop) that starts at ``at``."""
    m = re.match(r"\S*", text[at:])
    return m.group(0) if m else ""


def _name_goes_on(before: str, rest: str) -> bool:
    """True when the brief's first line goes on with a capitalised name ("... Bench Vise").

    "IronJaw 5 in. Bench Vise" names one vise of 5 in.; "12 in. Great gift" ends a clause.
    """
    line = re.split(r"\s[-|\u2013\u2014]\s", rest.split("\n", 1)[0])[0].strip()
    words = line.split()
    return ("\n" not in before and 0 < len(words) <= 4 and not re.search(r"[\d.,;:]", line)
            and all(w[:1].isupper() for w in words))


def sentence_ends(text: str) -> list[int]:
    """Where the sentences of ``text`` end (after ".", "!" or "?" and the spaces after).

    The full stop of a title or name ("Dr. Brown's", "St. Louis") ends none.
    """
    return [m.end() for m in re.finditer(r"(?<=[.!?])\s+", text)
            if not (text[m.start() - 1] == "." and _TITLE.search(text[:m.start() - 1])
                    and re.match(r"[A-Za-z0-9]", text[m.end():m.end() + 1]))
            and not (text[m.start() - 1] == "." and _BEFORE_NUMBER.search(text[:m.start() - 1])
                     and re.match(r"[-+]?[0-9]", text[m.end():m.end() + 2]))]


def spec_colon(text: str, split: re.Match[str]) -> bool:
    """True for the colon of a spec line ("Size: 16 x 16 in"): label and value stay one fact."""
    if not split.group(0).startswith(":") or "\n" in split.group(0):
        return False  # "Specifications:" ending its line heads the lines below
    line = re.search(r"[^,;\n.]*$", text[:split.start()])
    if line is None:
        return False
    key = re.split(r"(?:^|\s)(?:--+|[-\u2013\u2014])\s", line.group(0))[-1]  # "-- units: m / ft"
    return key_value(key + text[split.start():split.end() + 1])
