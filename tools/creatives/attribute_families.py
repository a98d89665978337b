"""Single-valued properties and the words for each of their values, for the clash reader.

Each family is one property of the product (or of a part, as the reader keys it) whose
values exclude each other: how it is made, how often it is used, whether a measure of it
adjusts, how it reads, connects, works, feels; its leather, cut, sizes, finish, gauge,
musical key, condition, bed size; whether it needs assembly. A pattern may capture "k",
which keys the property ("how it is knit", "whether its height adjusts").
"""

from __future__ import annotations

import re

__all__ = ["FAMILIES"]

_MADE = (r"knit|knitted|made|sewn|stitched|woven|embroidered|painted|carved|blown|thrown|"
         r"crafted|tufted|loomed|spun|dyed|printed|poured|forged|built|assembled|finished|"
         r"crocheted|quilted|hooked|cast|turned|engraved|etched|glazed|lettered|tied")
_ADJUSTS = r"height|length|width|depth|angle|tension|strap|size|temperature|speed|brightness"
# (property, ((value, pattern), ...)): each pattern may capture "k", which keys the property
FAMILIES: tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...] = (
    ("how it is {k}", (
        ("by hand", re.compile(rf"(?i)\bhand[\s-]?(?P<k>{_MADE})\b|\bhandmade\b")),
        ("by machine", re.compile(rf"(?i)\b(?:machine|factory|mass)[\s-]?(?P<k>{_MADE}|"
                                  r"produced)\b")))),
    ("how many times it is used", (
        ("once", re.compile(r"(?i)\bsingle[\s-]use\b|\bdisposable\b|\bone[\s-]time\s+use\b|"
                            r"\bthrow\s+(?:it\s+|them\s+)?away\s+after\b")),
        ("again", re.compile(r"(?i)\b(?:re-?usable|multi[\s-]use)\b")))),
    ("whether its {k} adjusts", (
        ("fixed", re.compile(rf"(?i)\bfixed[\s-](?P<k>{_ADJUSTS})\b|\bnon[\s-]adjustable\s+"
                             rf"(?P<k2>{_ADJUSTS})\b|\b(?P<k3>{_ADJUSTS})\s+(?:is\s+)?(?:fixed|"
                             r"not\s+adjustable|non[\s-]adjustable|does\s+not\s+adjust)\b")),
        ("adjusts", re.compile(rf"(?i)\b(?P<k>{_ADJUSTS})[\s-](?:adjustable|adjusts)\b|"
                               rf"\badjustable\s+(?P<k2>{_ADJUSTS})\b")))),
    ("how it reads", (
        ("digital", re.compile(r"(?i)\bdigital\b")),
        ("analog", re.compile(r"(?i)\banalog(?:ue)?\b")))),
    ("how it connects", (
        ("wired", re.compile(r"(?i)(?<![\w-])wired\b")),
        ("wireless", re.compile(r"(?i)\bwireless\b(?![\s-]+charg)")))),
    ("whether it has a cord", (
        ("corded", re.compile(r"(?i)\bcorded\b")),
        ("cordless", re.compile(r"(?i)\bcordless\b")))),
    ("how it works", (
        ("manual", re.compile(r"(?i)(?<!user\s)(?<!owner's\s)(?<!instruction\s)\bmanual(?:ly)?\b"
                              r"(?!\s+(?:included|incl|instructions?|in\b|and\b|&|with|"
                              r"enclosed|provided))")),
        ("automatic", re.compile(r"(?i)\b(?:automatic(?:ally)?|auto[\s-](?:open|close|"
                                 r"shut[\s-]?off|stop))\b")))),
    ("what its leather is", (
        ("faux", re.compile(r"(?i)\b(?:vegan|faux|imitation|synthetic|pu|vegetable-free)\s+"
                            r"leather\b|\bleatherette\b|\bpleather\b")),
        ("genuine", re.compile(r"(?i)\b(?:genuine|real|full[\s-]grain|top[\s-]grain|cowhide|"
                               r"calfskin|lambskin|goatskin)(?:\s+leather)?\b")))),
    ("who it is cut for", (
        ("everyone", re.compile(r"(?i)\bunisex\b")),
        ("women", re.compile(r"(?i)\b(?:for\s+)?women'?s?\s+(?:fit\s+|sizing\s+|cut\s+)?only\b")),
        ("men", re.compile(r"(?i)(?<!wo)\b(?:for\s+)?men'?s?\s+(?:fit\s+|sizing\s+|cut\s+)?"
                           r"only\b")))),
    ("whether it comes in sizes", (
        ("one size", re.compile(r"(?i)\bone[\s-]size(?:\s+fits\s+(?:most|all))?\b|\bOSFA\b")),
        ("sized", re.compile(r"(?i)^\W*(?:available\s+in\s+)?sizes?\s*:?\s*(?:XXS|XS|S|M|L|XL|"
                             r"small|medium|large)\b")))),
    ("its finish", (
        ("matte", re.compile(r"(?i)\bmatte?\b(?![\s-]+(?:and|&|or)\b)")),
        ("gloss", re.compile(r"(?i)\b(?:high[\s-])?gloss(?:y)?\b(?![\s-]+(?:and|&|or)\b)")))),
    ("which hand it is for", (
        ("either", re.compile(r"(?i)\bambidextrous\b|\b(?:either|both)\s+hands?\b|"
                              r"\bleft[\s-]or[\s-]right[\s-]hand")),
        ("right only", re.compile(r"(?i)\bright[\s-]hand(?:ed)?\s+(?:\w+\s+)?only\b")),
        ("left only", re.compile(r"(?i)\bleft[\s-]hand(?:ed)?\s+(?:\w+\s+)?only\b")))),
    ("its key", tuple(
        (key, re.compile(rf"(?i)\b(?:key\s+of|key\s*:|tuned\s+(?:in|to))\s*{key}"
                         rf"(?![\w#\u266f\u266d])|\bplays\s+the\s+{key}\s+major\b|"
                         rf"\b{key}[\s-]key\b"))
        for key in ("A", "B", "C", "D", "E", "F", "G"))),
    ("its condition", (
        ("new", re.compile(r"(?i)\bbrand[\s-]new\b|\bnew\s+in\s+(?:the\s+|original\s+)?box\b|"
                           r"\bfactory[\s-]sealed\b|\bcondition\s*:\s*new\b")),
        ("used", re.compile(r"(?i)\bpre-?owned\b|\bsecond[\s-]hand\b|\brefurbished\b|"
                            r"\bgently\s+used\b|\bcondition\s*:\s*used\b|"
                            r"\bused\s+condition\b")))),
    ("how firm it feels", (
        ("soft", re.compile(r"(?i)\b(?:plush|soft)(?:\s+(?:and|&)\s+(?:plush|soft))?\s+"
                            r"(?:feel|touch|support|firmness)\b|\b(?:feel|firmness|support)\s*:"
                            r"\s*(?:ultra[\s-]|extra[\s-]|very\s+)?(?:soft|plush)\b")),
        ("firm", re.compile(r"(?i)\b(?:extra[\s-]|very\s+)?(?:firm|hard|stiff)\s+(?:feel|touch|"
                            r"support|firmness)\b|\b(?:feel|firmness|support)\s*:\s*(?:extra"
                            r"[\s-]|very\s+)?(?:firm|hard|stiff)\b")))),
    ("its gauge", (
        ("light", re.compile(r"(?i)\b(?:extra[\s-])?light[\s-]gauge\b|"
                             r"\bgauge\s*:\s*(?:extra[\s-])?light\b")),
        ("medium", re.compile(r"(?i)\bmedium[\s-]gauge\b|\bgauge\s*:\s*medium\b")),
        ("heavy", re.compile(r"(?i)\b(?:extra[\s-])?heavy[\s-]gauge\b|\bgauge\s*:\s*(?:extra[\s-])?"
                             r"heavy\b")))),
    ("whether it has caffeine", (
        ("none", re.compile(r"(?i)\bdecaf(?:feinated)?\b|\bcaffeine[\s-]free\b")),
        ("some", re.compile(r"(?i)(?<!de)\bcaffeinated\b|\bcaffeine\W+(?:approx\.?\s+|about\s+|"
                            r"~\s*)?[1-9]\d*\s*mg\b|\b[1-9]\d*\s*mg\s+(?:of\s+)?caffeine\b")))),
    ("the bed size it is", tuple(
        (size, re.compile(rf"(?i)\b{pattern}[\s-](?:size|bed|sheets?|mattress|duvet|comforter|"
                          r"quilt|bedding)\b"))
        for size, pattern in (("twin", r"twin(?![\s-]xl)"), ("twin xl", r"twin[\s-]xl"),
                              ("full", r"full"), ("queen", r"queen"),
                              ("king", r"(?<!cal\s)(?<!california\s)king"),
                              ("california king", r"(?:cal|california)[\s-]king")))),
    ("whether it needs assembly", (
        ("assembled", re.compile(r"(?i)\b(?:fully|comes|arrives|ships|pre)[\s-]+assembled\b|"
                                 r"\bno\s+assembly(?:\s+(?:required|needed))?\b|"
                                 r"\bassembly\s*:\s*none\b")),
        ("needs assembly", re.compile(r"(?i)\b(?:assembly\s+(?:is\s+)?(?:required|needed)|"
                                      r"requires\s+assembly|some\s+assembly|assembly\s+in\s+"
                                      r"\d+)\b")))),
    # value vocabularies of kinds the sixteenth session's fresh briefs contradicted
    ("what lights it", (
        ("halogen", re.compile(r"(?i)\bhalogen\b")),
        ("led", re.compile(r"(?i)\ball[\s-]LED\b|\bLED\s+(?:bulbs?|lamps?|headlights?|light\s+"
                           r"source|design)\b|\bbulb\s+type\s*:\s*LED\b")))),
    ("how it winds", (
        ("by hand", re.compile(r"(?i)\b(?:manual|hand)[\s-]?(?:wind|winding|wound)\b")),
        ("itself", re.compile(r"(?i)\b(?:automatic|self)[\s-]?(?:wind|winding)\b|"
                              r"\bautomatic\s+movement\b|\bwinds\s+itself\b")))),
    ("how many sides it shows", (
        ("one", re.compile(r"(?i)\b(?:single|one)[\s-]sided\b|\b(?:print|design|pattern)\s+is\s+"
                           r"on\s+the\s+front\s+only\b")),
        ("two", re.compile(r"(?i)\breversible\b|\b(?:double|two)[\s-]sided\b")))),
    ("how much sun it wants", (
        ("full sun", re.compile(r"(?i)\bfull[\s-]sun\b(?![\s-]+(?:to|or|/)\b)")),
        ("shade", re.compile(r"(?i)\bshade[\s-]plant\b|\b(?:full|deep)[\s-]shade\b|"
                             r"\bkeep\s+out\s+of\s+(?:direct\s+)?sun(?:light)?\b")))),
    ("whether it folds", (
        ("folds", re.compile(r"(?i)\bfolds?\s+flat\b|\bfoldable\b|\bcollapsible\b")),
        ("rigid", re.compile(r"(?i)\bfixed\s+in\s+shape\b|\bnon[\s-]folding\b|"
                             r"(?:^|[,:;])\s*(?:it\s+)?(?:does\s+not|doesn't|won't|will\s+not)\s+"
                             r"fold\b")))),  # "The canopy does not fold": a part's
    ("whether it is hollow", (
        ("hollow", re.compile(r"(?i)(?<!not\s)\bhollow\s+(?:tube|core|construction|body|"
                              r"design)\b")),
        ("solid", re.compile(r"(?i)\bnot\s+hollow\b|\bconstruction\s*:\s*solid\b|"
                             r"\bsolid[\s-]core\b")))),
    ("its sleeve length", (
        ("short", re.compile(r"(?i)\bshort[\s-]sleeved?\b|\bcap[\s-]sleeved?\b|"
                             r"\bsleeve\s+length\s*:\s*short\b")),
        ("three-quarter", re.compile(r"(?i)\b(?:3/4|three[\s-]quarter)[\s-]sleeved?\b")),
        ("long", re.compile(r"(?i)\blong[\s-]sleeved?\b|\bsleeve\s+length\s*:\s*long\b")),
        ("none", re.compile(r"(?i)\bsleeveless\b")))),
    ("its seed type", (
        ("open-pollinated", re.compile(r"(?i)\bopen[\s-]pollinated\b")),
        ("hybrid", re.compile(r"(?i)\bF1\s+hybrid\b|\bseed\s+type\s*:\s*hybrid\b")))),
    ("which sizes it comes in", (
        ("inch", re.compile(r"(?i)(?<!no\s)(?<!not\s)\bSAE\b(?!\s+(?:and|&|or|/))")),
        ("metric", re.compile(r"(?i)\bmetric\s+only\b|\bmetric\s+sizes\s+only\b")))),
    ("how it is worn on the ear", (
        ("clip-on", re.compile(r"(?i)\bno\s+piercing\s+(?:needed|required)\b|"
                               r"\bfor\s+(?:non|un)[\s-]?pierced\s+ears\b")),
        ("pierced", re.compile(r"(?i)\bfor\s+pierced\s+ears\s+only\b")))),
    ("its motor", (
        ("brushless", re.compile(r"(?i)\bbrushless\b")),
        ("brushed", re.compile(r"(?i)\bbrushed\s+(?:DC\s+)?motor\b|\bmotor\s*:\s*brushed\b|"
                               r"\bcarbon\s+brushes\b")))),
    ("how many play", (
        ("one", re.compile(r"(?i)\b(?:one|1|single)[\s-]player\s+only\b")),
        ("several", re.compile(r"(?i)\b\d\s?[-\u2013]\s?\d\s+players\b")))),
)

# a property said with its stem and with that stem denied: "velvet-lined" / "unlined",
# "pre-lit" / "unlit", "insulated" / "uninsulated" (one attribute, two exclusive values)
_UN_STEMS = ("lined", "lit", "insulated", "heated", "padded", "sweetened", "salted", "scented",
             "waxed", "glazed", "sealed", "framed", "upholstered", "pasteurized", "varnished")


def _un_family(stem: str) -> tuple[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The family "whether it is <stem>": the stem (after a word and hyphen) vs un-/non-stem."""
    return (f"whether it is {stem}", (
        (stem, re.compile(rf"(?i)(?<![\w-])(?:(?!un-|non-)[a-z]+-)?{stem}\b")),
        (f"not {stem}", re.compile(rf"(?i)(?<![\w-])(?:un|non)-?{stem}\b"))))


FAMILIES = FAMILIES + tuple(_un_family(stem) for stem in _UN_STEMS)


# a model's scale, one ratio however written ("1:24 scale" / "Scale: 1/43"); only a ratio
# said as the scale, never a bare fraction ("1/4 in")
_SCALES = ("6", "8", "10", "12", "16", "18", "24", "32", "35", "43", "48", "64", "72", "87",
           "100", "144", "160", "200", "350", "700")


def _scale_value(n: str) -> tuple[str, re.Pattern[str]]:
    """The scale 1:n said as a clause of its own ("1:24 scale", "Scale: 1/43").

    In a longer clause it may be another thing's ("Figures sold separately in 1:72 scale").
    """
    ratio = rf"1\s?[:/]\s?{n}(?!\d)"
    return (f"1:{n}", re.compile(rf"(?i)^\W*{ratio}(?=[\s-]+scale\W*$)|"
                                 rf"^\W*scale\s*[:=]?\s*{ratio}\W*$"))


FAMILIES = FAMILIES + (("its scale", tuple(_scale_value(n) for n in _SCALES)),)
