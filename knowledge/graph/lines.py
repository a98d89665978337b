"""Which needs earn an evidence line on a product card (ranking still uses every need).

A line is a claim that this need is *why* the product fits the request, so it goes only to
the query's most specific, strongest needs, and never to an audience's generic needs when the
query says something more the graph did not read ("a cat who gets carsick": the pet-owner
needs durable and non-toxic do not answer "carsick"), nor to a concept read only from the
product type the query asks for ("fitness" in "fitness tracker for ... their heart").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from knowledge.expansion import Expansion
from knowledge.graph.evidence import Span
from knowledge.text import tokens

SHOW_MIN = 0.3  # a need weaker than this ranks but gets no evidence line (generic, off-type)
SHOW_TOP = 0.95  # lines go only to needs scoring this close to the query's best need
GENERIC_NEEDS = 7  # a head with this many needs or more is an audience, not a situation
FILLER = frozenset("""who whose whom which when where while can could just keep keeps kept
someone somebody person people guy man woman lady day days night long all every really very
too also still will won't don't doesn't isn't can't not one new old year years hour hours
lot lots much many thing things stuff use used using go goes going make makes
his her hers him them their theirs my our your me mum mom dad mother father parent grandma
grandpa granny grandmother grandfather husband wife son daughter brother sister aunt uncle
friend boyfriend girlfriend partner niece nephew grandson granddaughter""".split())

# words that end a query's opening product phrase ("yoga mat | for someone with ...")
PHRASE_END = frozenset("""for that with to who whose which in on under without when so because
i my from after before during near at while if""".split())

NeedCount = Callable[[str], int]
NeedTypes = Callable[[str, str], tuple[tuple[str, ...], ...]]  # (head, tag) -> type phrases
NeedKind = Callable[[str], str]  # head -> "audience" or "intent"


def _needs_of(exp: Expansion, tag: str) -> list[str]:
    return [ev.head for ev in exp.evidence if ev.relation == "NEEDS" and ev.tail == tag]


def shown_needs(exp: Expansion, count: NeedCount) -> set[str]:
    """The needs that earn a line: the most specific, strongest ones.

    A need scores its weight over the square root of how many needs its head has (a head
    that needs everything, "pet owners", says little about "a dog with arthritis"); only
    needs within ``SHOW_TOP`` of the best score get a line.
    """
    scores: dict[str, float] = {}
    for ev in exp.evidence:
        weight = exp.attributes.get(ev.tail, 0.0)
        if ev.relation != "NEEDS" or weight < SHOW_MIN:
            continue
        spread = max(1, count(ev.head))
        scores[ev.tail] = max(scores.get(ev.tail, 0.0), weight / spread ** 0.5)
    best = max(scores.values(), default=0.0)
    return {tag for tag, score in scores.items() if score >= SHOW_TOP * best}


def unread_words(query: str, read: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """Content words of ``query`` that no recognised concept phrase covers."""
    covered = {word for key in read for word in key}
    return frozenset(w for w in tokens(query)
                     if w not in covered and w not in FILLER and not w.isdigit())


def _phrase_split(query: str) -> tuple[list[str], list[str]]:
    """The query's raw words: its opening product phrase, and what follows it."""
    words = query.lower().split()
    end = next((i for i, w in enumerate(words) if w in PHRASE_END), len(words))
    return words[:end], words[end:]


def _phrase_tokens(query: str) -> list[str]:
    """The tokens of the query's opening product phrase, in order."""
    return tokens(" ".join(_phrase_split(query)[0]))


def product_phrase(query: str) -> frozenset[str]:
    """The words of the query's opening product phrase.

    "fitness tracker" in "fitness tracker for someone whose doctor ..."; the whole query when
    nothing follows the product.
    """
    return frozenset(_phrase_tokens(query))


def read_from_type_only(query: str, keys: Iterable[tuple[str, ...]],
                        concepts_of: Callable[[tuple[str, ...]], Iterable[str]]) -> frozenset[str]:
    """Concepts recognised only from words of the product phrase itself.

    "yoga mat for someone with a latex allergy" reads "yoga practitioners" from "yoga mat":
    the type asked for, not a need the shopper stated, so its needs earn no line. A phrase
    read only partly outside the product phrase borrows the product's word ("stove to oven"
    read from "dutch oven for an induction stove"): it is read from the product too; the
    shopper stated it only when all its words stand outside the product phrase (a phrase
    matched by meaning, not by the query's words, counts as stated).
    """
    phrase = product_phrase(query)
    rest = frozenset(tokens(" ".join(_phrase_split(query)[1])))
    inside: set[str] = set()
    outside: set[str] = set()
    for key in keys:
        borrowed = set(key) & phrase and not set(key) <= rest
        (inside if borrowed and set(key) <= phrase | rest else outside).update(concepts_of(key))
    return frozenset(inside - outside)


def _states_for_title(phrases: tuple[tuple[str, ...], ...], title: str) -> bool:
    """True when a need stated for ``phrases`` (none: any type) is stated for this title."""
    if not phrases:
        return True
    words = set(tokens(title))
    return any(set(phrase) <= words for phrase in phrases)


def generic_only(exp: Expansion, tag: str, count: NeedCount) -> bool:
    """True when every head asking for ``tag`` is a broad audience (``GENERIC_NEEDS``+)."""
    heads = _needs_of(exp, tag)
    return bool(heads) and all(count(h) >= GENERIC_NEEDS for h in heads)


def stated_for(exp: Expansion, tag: str, types: NeedTypes, title: str) -> bool:
    """False when every head states ``tag`` only for product types the title does not name.

    "(diabetic feet, NEEDS, diabetic-friendly) for socks" says nothing about a sweetener.
    """
    heads = _needs_of(exp, tag)
    return not heads or any(_states_for_title(types(head, tag), title) for head in heads)


def of_asked_type(exp: Expansion, title: str, type_words: AbstractSet[str] = frozenset()) -> bool:
    """False when the query names product types and the title is not one of them.

    The asked type is the head (last word) of the query's product phrase when that phrase
    names a type ("bag" in "laptop bag for a commuter who walks in the rain", not "rain";
    "flop" in "flip flops for a pool deck", not "flip"), else any type word the query names.
    A title that calls its product another compound of the head ("insulated cooler bag" for
    a laptop bag) without the query's own modifier is not the type either. Search may still
    rank a rain jacket there; a line on it would claim the jacket answers a bag request.
    """
    if not exp.product_types:
        return True
    phrase = _phrase_tokens(exp.query)
    in_phrase = set(phrase) & set(exp.product_types)
    asked = {phrase[-1]} if in_phrase else set(exp.product_types)
    words = tokens(title)
    if not asked & set(words):
        return False
    return not (in_phrase and _other_compound(phrase, words, type_words))


def _other_compound(phrase: list[str], title: list[str], type_words: AbstractSet[str]) -> bool:
    """True when the title names the head only as another type's compound ("cooler bag").

    "laptop bag" asked: a title without "laptop" whose every "bag" follows another type word
    ("cooler bag", "lunch tote bag") is a different product.
    """
    head, modifiers = phrase[-1], set(phrase[:-1])
    if not modifiers or modifiers & set(title):
        return False
    before = [title[i - 1] if i else "" for i, w in enumerate(title) if w == head]
    return bool(before) and all(w in type_words and w != head for w in before)


# a pet's product is never a person's, nor the other way round ("teething" on a puppy chew toy)
PET_WORDS = frozenset("""dog dogs puppy puppies pup pups cat cats kitten kittens pet pets canine
feline""".split())
PERSON_WORDS = frozenset("""baby babies infant infants toddler toddlers kid kids child children
boy boys girl girls man men woman women mom dad mother father parent parents grandma grandpa
grandmother grandfather elderly senior seniors adult adults teen teens groom bride husband wife
son daughter nurse teacher student students""".split())
_RAW_WORDS = re.compile(r"[a-z']+")
_FOR_PET = re.compile(r"\bfor (?:a |an |my |our |the )?(?:[a-z]+ )?(?:"
                      + "|".join(sorted(PET_WORDS)) + r")\b")


def pet_person_conflict(query: str, title: str) -> bool:
    """True when one of query and title is for a pet and the other for a person.

    "Puppy Teething Chew Toys" for "a baby who is teething", "Dog Bowls & Mat Set" for "a bath
    mat for an elderly parent": the need the line would answer is the person's, and the
    listing's words are about the animal (or the other way round). The query is for a pet
    only when the pet is what the product is for ("shampoo for a dog", "dog bed"), not a
    situation ("jacket for walking a dog"). A title naming both conflicts with neither.
    """
    low = query.lower()
    asked = set(_RAW_WORDS.findall(low))
    named = set(_RAW_WORDS.findall(title.lower()))
    for_pet = bool(_FOR_PET.search(low) or set(_RAW_WORDS.findall(
        " ".join(_phrase_split(query)[0]))) & PET_WORDS)
    if asked & PERSON_WORDS and not asked & PET_WORDS:
        return bool(named & PET_WORDS) and not named & PERSON_WORDS
    if for_pet and not asked & PERSON_WORDS:
        return bool(named & PERSON_WORDS) and not named & PET_WORDS
    return False


def audience_only(exp: Expansion, tag: str, kind: NeedKind) -> bool:
    """True when every head asking for ``tag`` is an audience (who), not a situation (what).

    "a cook" says who shops; "a cook with a glass top stove" says more, and the cook's usual
    need (non-stick) does not answer the stove.
    """
    heads = _needs_of(exp, tag)
    return bool(heads) and all(kind(h) == "audience" for h in heads)


# parts whose property is the product's ("waterproof shell" on a jacket), though some are types
OWN_PARTS = frozenset("""shell lining liner sole outsole insole fabric material coating cover
body frame base exterior interior design construction layer upper finish surface lid seat
back""".split())
_PHRASE_BREAK = re.compile(r"[,;:.!?()\[\]&|+]| - | and | with | for ")


def _words_after(span: Span, n: int) -> list[str] | None:
    """The first ``n`` word tokens after the listing's words for the attribute.

    They run up to the next break (comma, "and", "with"...); None when the span does not
    quote the listing's words.
    """
    low, said = span.quote.lower(), span.said.lower()
    at = low.find(said) if said else -1
    if at < 0:
        return None
    return tokens(_PHRASE_BREAK.split(low[at + len(said):], maxsplit=1)[0])[:n]


def about_another_item(span: Span, product_type: str, type_words: AbstractSet[str]) -> bool:
    """True when the listing's words qualify another item, not the product itself.

    "Waterproof Changing Pad" on a diaper backpack, "insulated bottle/wine cooler" on a picnic
    bag: the one or two words after the attribute name a product type, and the next three do
    not reach this product's own type. Without a known type nothing is judged.
    """
    own = set(tokens(product_type))
    after = _words_after(span, 3)
    if not own or after is None:
        return False
    if own & set(after):  # "waterproof diaper bag backpack": the compound ends in the product
        return False
    return any(w in type_words and w not in OWN_PARTS for w in after[:2])


# small parts whose property is not the product's ("reflective logo at left cuff")
DETAIL_PARTS = frozenset(tokens("""logo logos accent accents trim piping detail details
stitching print prints tab tabs pull pulls patch patches emblem badge label""".replace("\n", " ")))


def only_on_a_detail(span: Span) -> bool:
    """True when the listing gives the attribute to a small detail of the product.

    "reflective logo at left cuff" does not make a jacket reflective for a dark evening.
    """
    after = _words_after(span, 2)
    return after is not None and any(w in DETAIL_PARTS for w in after)


def speaks(exp: Expansion, tag: str, count: NeedCount, types: NeedTypes,
           unread: frozenset[str], title: str, kind: NeedKind) -> bool:
    """Whether a shown need may speak for a product.

    It must be stated for the product's type (when stated for types at all); a need asked
    only by audiences (or by broad ones) speaks only when every content word of the query is
    read by a concept, named in the product's title, or names the need itself ("slipping" for
    slip-resistant).
    """
    if not stated_for(exp, tag, types, title):
        return False
    if not generic_only(exp, tag, count) and not audience_only(exp, tag, kind):
        return True
    stems = {w[:4] for w in tokens(tag.replace("-", " "))}
    return not {w for w in unread - set(tokens(title)) if w[:4] not in stems}
