"""How shoppers name a product type: the query's head noun phrase and everyday names.

A request names what it wants first and its situation after ("headphones for the gym",
"speaker for beach days"): :func:`head_words` reads the words before the first preposition or
clause word, so a situation word never becomes the asked type. :func:`type_words` maps
British and other everyday names to the words catalogues usually title the type with
("trainers" -> sneaker, "pram" -> stroller, "moisturiser" -> moisturizer), on stemmed tokens.
The table holds general shop vocabulary (UK/US pairs, common informal names), never a test
phrase; it is tested word by word in ``tests/knowledge/test_asked_type.py``.
"""

from __future__ import annotations

import re

from knowledge.text import stem

# everyday or British word -> the word(s) a catalogue titles the type with (stemmed forms)
EVERYDAY: dict[str, tuple[str, ...]] = {
    "trainer": ("sneaker",), "plimsoll": ("sneaker",),
    "pram": ("stroller",), "pushchair": ("stroller",), "buggy": ("stroller",),
    "nappy": ("diaper",), "nappie": ("diaper",), "cot": ("crib",), "dummy": ("pacifier",),
    "pyjama": ("pajama",), "pj": ("pajama",), "pjs": ("pajama",), "jammy": ("pajama",),
    "jumper": ("sweater",), "trouser": ("pant",), "jogger": ("jogger", "sweatpant"),
    "tee": ("t-shirt", "shirt"), "tshirt": ("t-shirt", "shirt"),
    "anorak": ("jacket",), "cagoule": ("rain", "jacket"), "raincoat": ("rain", "jacket"),
    "waistcoat": ("vest",), "welly": ("rain", "boot"), "wellington": ("rain", "boot"),
    "torch": ("flashlight",), "headtorch": ("headlamp",),
    "suncream": ("sunscreen",), "sunblock": ("sunscreen",), "suntan": ("sunscreen",),
    "rucksack": ("backpack",), "daypack": ("backpack",), "holdall": ("duffel", "bag"),
    "kitbag": ("gym", "bag"), "coolbox": ("cooler",), "coolbag": ("cooler",),
    "skillet": ("frying", "pan"), "frypan": ("frying", "pan"),
    "hob": ("stove",), "cooker": ("stove",), "fridge": ("refrigerator",),
    "mobile": ("phone",), "cellphone": ("phone",), "earphone": ("headphone",),
    "earbud": ("earbud", "headphone"), "hoover": ("vacuum",), "duvet": ("comforter",),
    "settee": ("sofa", "couch"), "couch": ("couch", "sofa"), "lead": ("leash",),
    "flannel": ("washcloth",), "tap": ("tap", "faucet"), "jug": ("jug", "pitcher"),
    "bin": ("bin", "trash", "can"), "plaster": ("bandage",), "biro": ("pen",),
    "lunchbox": ("lunch", "box"), "tupperware": ("container",), "thermos": ("thermos", "flask"),
    "lotion": ("lotion", "cream"), "moisturiser": ("moisturizer",),
    "hoody": ("hoodie",), "highchair": ("high", "chair"), "chapstick": ("lip", "balm"),
    "casserole": ("dutch", "oven"), "cocotte": ("dutch", "oven"), "liquidizer": ("blender",),
    "cafetiere": ("coffee", "maker"), "riser": ("riser", "stand"),
    # targets of the two-word names below
    "facewash": ("face", "cleanser"), "yogamat": ("yoga", "mat"), "yogaball": ("yoga", "ball"),
    "coffeemaker": ("coffee", "maker"), "desklamp": ("desk", "lamp"), "cattree": ("cat", "tree"),
    "playmat": ("play", "mat"), "cuttingboard": ("cutting", "board"),
    "jumprope": ("jump", "rope"), "diaperbag": ("diaper", "bag"),
    "facecream": ("face", "moisturizer"), "fitnesstracker": ("fitness", "tracker"),
    "trekkingpole": ("trekking", "pole"), "officechair": ("office", "chair"),
    "campingchair": ("camping", "chair"), "campingstove": ("camping", "stove"),
    "sling": ("sling", "carrier"), "tub": ("tub", "container"), "sandle": ("sandal",),
    # who it is for, as catalogues title children's versions of a type ("kids sneakers")
    "son": ("son", "kid"), "daughter": ("daughter", "kid"), "child": ("child", "kid"),
    "children": ("children", "kid"), "toddler": ("toddler", "kid"), "boy": ("boy", "kid"),
    "girl": ("girl", "kid"), "grandson": ("grandson", "kid"),
    "granddaughter": ("granddaughter", "kid"), "nephew": ("nephew", "kid"),
    "niece": ("niece", "kid"), "kiddo": ("kid",), "youngster": ("kid",),
    "dog": ("dog", "pet"), "cat": ("cat", "pet"), "puppy": ("puppy", "dog", "pet"),
    "pup": ("pup", "dog", "pet"), "kitten": ("kitten", "cat", "pet"),
    "rabbit": ("rabbit", "pet"), "bunny": ("bunny", "rabbit", "pet"),
    "hamster": ("hamster", "pet"), "ferret": ("ferret", "pet"), "parrot": ("parrot", "pet"),
}
# two-word everyday names read as one ("head torch", "sun cream", "cool box")
COMPOUNDS: dict[tuple[str, str], str] = {
    ("head", "torch"): "headlamp", ("head", "lamp"): "headlamp", ("sun", "cream"): "suncream",
    ("sun", "lotion"): "suncream", ("sun", "screen"): "sunscreen", ("cool", "box"): "coolbox",
    ("cool", "bag"): "coolbag", ("kit", "bag"): "kitbag", ("lunch", "box"): "lunchbox",
    ("ear", "bud"): "earbud", ("ear", "phone"): "earphone", ("tee", "shirt"): "tshirt",
    ("fry", "pan"): "frypan", ("day", "pack"): "daypack", ("push", "chair"): "pushchair",
    ("house", "shoe"): "slipper", ("sport", "coat"): "blazer", ("suit", "jacket"): "blazer",
    ("face", "wash"): "facewash", ("flip", "flop"): "sandal", ("exercise", "mat"): "yogamat",
    ("exercise", "ball"): "yogaball", ("birthing", "ball"): "yogaball",
    ("birth", "ball"): "yogaball", ("swiss", "ball"): "yogaball", ("hand", "weight"): "dumbbell",
    ("coffee", "machine"): "coffeemaker", ("foot", "rest"): "footrest",
    ("lip", "salve"): "chapstick", ("sun", "block"): "sunblock", ("desk", "light"): "desklamp",
    ("teething", "ring"): "teether", ("teething", "toy"): "teether",
    ("scratching", "post"): "cattree", ("cat", "tower"): "cattree", ("cat", "condo"): "cattree",
    ("baby", "gym"): "playmat", ("chopping", "board"): "cuttingboard",
    ("skipping", "rope"): "jumprope", ("changing", "bag"): "diaperbag",
    ("face", "cream"): "facecream", ("fitness", "band"): "fitnesstracker",
    ("activity", "band"): "fitnesstracker", ("activity", "tracker"): "fitnesstracker",
    ("walking", "stick"): "trekkingpole", ("hiking", "stick"): "trekkingpole",
    ("desk", "chair"): "officechair", ("computer", "chair"): "officechair",
    ("camp", "chair"): "campingchair", ("camp", "stove"): "campingstove",
    ("scratching", "tower"): "cattree", ("cat", "scratcher"): "cattree",
}
_SPELLING = ((re.compile(r"(?<=[a-z]{3})is(er|ing|ed|e)$"), r"iz\1"),  # moisturiser, organiser
             (re.compile(r"(?<=[a-z]{3})our$"), "or"),  # colour
             (re.compile(r"(?<=[a-z]{3})tre$"), "ter"))  # centre
_NOT_RESPELLED = frozenset({"wise", "noise", "raise", "praise", "cruise", "premise", "promise",
                            "exercise", "advise", "surprise", "expertise", "franchise",
                            "merchandise", "paradise", "treatise", "chemise", "valise",
                            "poise", "guise", "tortoise", "hour", "flour", "four", "pour",
                            "tour", "sour", "your", "dour", "theatre", "spectre"})

_LEAD = re.compile(
    r"^(?:(?:hi|hello|hey)\b[,!]?\s*)?(?:(?:do|does|can) (?:you|the store|your store) "
    r"(?:have|sell|carry|stock|recommend|suggest)|(?:i(?:'m| am| would like| need| want)?|"
    r"we(?:'re| are)?)\s+(?:really\s+)?(?:need|want|looking for|searching for|after|"
    r"shopping for|would like)|looking for|show me|find me|find|get me|recommend|"
    r"(?:any|some) (?:recommendations|suggestions|ideas) for|where (?:are|is|can i (?:find|"
    r"get|buy))|can i (?:get|buy|find)|what(?:'s| is| are)? (?:a |the )?(?:good|best)|"
    r"(?:a )?(?:good|best))?\s*", re.I)
_CUT = re.compile(r"\s(?:for|with|that|which|who|whose|under|below|to|without|in|on|from|as|"
                  r"at|than|like|so|because|but|and|or|by|if|when|while|i|we|my|he|she|"
                  r"they|it|is|are|can|could|will|won't|wont|doesn't|does|do|don't|should|"
                  r"need|needs)\s|[,.?!;:(]|\s-\s")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def respell(word: str) -> str:
    """British spelling of a word as US catalogues write it (moisturiser -> moisturizer)."""
    if word in _NOT_RESPELLED:
        return word
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def head_words(query: str) -> list[str]:
    """The query's head noun phrase, lower-case words before its first cut ("for", ",", ...).

    "headphones for the gym" -> [headphones]; "Do you have waterproof hiking boots?" ->
    [waterproof, hiking, boots]. Possessives and hyphenated words stay whole.
    """
    text = " " + _LEAD.sub("", query.lower().strip()) + " "
    head = _CUT.split(text, maxsplit=1)[0]
    return [w.removesuffix("'s") for w in _WORD.findall(head)]


def type_words(words: list[str]) -> list[str]:
    """Stemmed words with everyday names mapped to catalogue words (order kept).

    Two-word names are joined first ("head torch" -> headlamp); a word that names the
    type in other words expands to all of them ("cagoule" -> rain, jacket).
    """
    joined: list[str] = []
    stems = [stem(part) for w in words for part in respell(w).split("-") if part]
    i = 0
    while i < len(stems):
        pair = (stems[i], stems[i + 1]) if i + 1 < len(stems) else None
        if pair in COMPOUNDS:
            joined.append(COMPOUNDS[pair])
            i += 2
            continue
        joined.append(stems[i])
        i += 1
    out: list[str] = []
    for word in joined:
        out.extend(EVERYDAY.get(word, (word,)))
    return out


def catalogue_names(phrase: str) -> list[str]:
    """Stemmed phrases a catalogue may title an everyday type name with, best first.

    "trainers" -> [sneaker]; "nappy bag" -> [diaper bag]; "couch" -> [couch sofa, couch,
    sofa] (each alternative of the head word alone too). Empty when nothing maps.
    """
    words = _WORD.findall(phrase.lower())
    if not words:
        return []
    names = [" ".join(type_words(words))]
    rest = type_words(words[:-1])
    names += [" ".join([*rest, w]) for w in EVERYDAY.get(stem(respell(words[-1])), ())]
    plain = " ".join(stem(w) for w in words)
    return [n for n in dict.fromkeys(names) if n != plain]
