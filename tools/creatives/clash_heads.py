"""A content head asserted in one statement and negated in another, in any form of its word.

"GLOWS IN THE DARK" / "does not glow"; "STACKABLE" / "cannot be stacked"; "RETRACTABLE" /
"does not extend or retract"; "AUTO SHUT-OFF" / "no automatic shut-off"; "self-adhesive back"
/ "no adhesive of its own"; "pre-drilled drainage hole" / "no hole at all"; "keep
refrigerated" / "no need to refrigerate". No list of properties: every word is cut to its
stem (inflections and derivations such as -s, -ed, -ing, -able, -ation; "auto" and
"automatic" are one word; "self-", "pre-", "factory-" are prefixes of the same head), and
the scope of each negation is read from its form:

- a verb or predicate after "does not", "cannot be", "will never", "is not" (with "X or Y"
  both denied), after "no need to";
- the noun phrase after "no" or "without" ("no automatic shut-off", "no single-coils");
- the rest of an "un-" or "non-" word ("unseasoned", "non-pasted").

A negation is no property of the product where it says whether a thing is included, needed
or for something ("not included", "no tools needed", "not for kids"), where its subject is
another thing ("food does not stick", "your dog will not pull"), or where it is an
instruction, a question or a condition. A mention affirms the head only where nothing denies,
guards ("glow-resistant", "stack-free"), avoids or offers it as an option in its own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses, label_of

__all__ = ["check_heads", "stem"]

# inflections and derivations cut from a word, longest first; 3 letters at least must remain
_SUFFIXES = ("abilities", "ability", "ibility", "ations", "ation", "ables", "able", "ibles",
             "ible", "ings", "ing", "ions", "ion", "ied", "ies", "ed", "es", "s")
_ONE_WORD = {"automatic": "auto", "automatically": "auto", "automated": "auto"}
# a stem's own prefixes: "self-adhesive" states adhesive, "pre-seasoned" seasoned
_PREFIXES = frozenset({"self", "pre", "factory", "fully", "auto"})


def stem(word: str) -> str:
    """``word`` cut to a stem shared by its forms: glows/glowing -> glow, stackable -> stack."""
    word = word.lower()
    if word in _ONE_WORD:
        return _ONE_WORD[word]
    verb = re.match(r"(?P<rest>[a-z]{5,})at(?:e|es|ed|ing|ion|ions)$", word)
    if verb is not None:
        return verb.group("rest")  # refrigerate, refrigerated, refrigeration -> refriger
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[:-len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopped" -> "stop"
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


# words that carry no property of their own: a negation of them says nothing to match
_EMPTY = frozenset({
    "a", "an", "the", "be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
    "do", "does", "did", "get", "got", "go", "goes", "come", "comes", "make", "makes", "take",
    "use", "used", "need", "needs", "include", "includes", "included", "contain", "contains",
    "require", "requires", "required", "fit", "fits", "work", "works", "let", "allow", "seem",
    "look", "feel", "mean", "matter", "only", "just", "all", "any", "more", "less", "much",
    "very", "so", "too", "even", "also", "ever", "longer", "one", "other", "extra", "added",
    "additional", "problem", "problems", "worry", "worries", "fuss", "hassle", "mess", "time",
    "way", "doubt", "questions", "question", "to", "for", "of", "in", "on", "at", "by",
    "with", "from", "into", "it", "its", "this", "that", "these", "those", "you", "your", "we",
    "our", "they", "their", "and", "or", "nor", "but", "as", "if", "than", "what", "which",
    "same", "exactly", "quite", "really", "always", "sure", "available", "sold", "shipped",
    "supplied", "provided", "suitable", "intended", "designed", "recommended", "compatible",
    "necessary", "needed", "listed", "shown", "pictured", "affiliated", "responsible", "liable",
    "guaranteed", "refundable", "returnable", "exceed", "over", "under", "harm", "hurt",
    "damage", "break", "fade", "stop", "last", "leave", "leaves", "stay", "stays",
    "change", "want", "like", "know", "see", "apply", "cover", "covered", "cause", "affect",
    "interfere", "happen", "expire", "bother", "disappoint", "regret", "miss", "lose", "wait",
    "second", "third", "first", "big", "small", "bad", "good", "easy", "hard", "long", "short",
    "new", "old", "least", "most", "nothing", "anything", "something", "everything",
    "set", "put", "give", "keep", "hold", "find", "show", "turn", "run", "bring", "try",
    "return", "returned", "refund", "refunded", "exchange", "exchanged", "cancel", "cancelled",
    "canceled", "ship", "ships", "deliver", "delivered", "accept", "accepted",
})
# what a negation's scope runs through before its head: "cannot be stacked", "never ever fade"
_SKIP = r"(?:\s+(?:be|been|get|ever|fully|really|actually|truly|easily|even|need\s+to|have\s+to|" \
        r"need\s+to\s+be|have\s+to\s+be|be\s+able\s+to|come|so))*"
_WORD = r"([a-z][a-z'-]*[a-z])"
_VERB_NEG = re.compile(r"\b(?:(?:does|do|did|will|would|can|could|should|shall|is|are|was|were|"
                       rf"has|have)\s*(?:\s+not\b|n't\b)|cannot\b|won't\b|never\b){_SKIP}\s+"
                       rf"{_WORD}(?:\s*(?:,|or|nor|and)\s+{_WORD})?")
_NEED_NEG = re.compile(rf"\bno\s+need\s+to{_SKIP}\s+{_WORD}")
_NOUN_NEG = re.compile(r"\bno\s+((?:[a-z][a-z'-]*[a-z]\s+){0,2}[a-z][a-z'-]*[a-z])")
_PREFIX_NEG = re.compile(r"(?<![\w-])(?:non[\s-]?|un-?)([a-z]{3,}(?:ed|able|ible))\b")
# words that end a noun phrase: what comes after no longer names the denied thing
_NP_END = frozenset({"at", "of", "on", "in", "to", "for", "with", "from", "or", "and", "nor",
                     "but", "so", "is", "are", "was", "were", "will", "can", "needed", "required",
                     "necessary", "included", "inside", "here", "this", "that", "ever", "any",
                     "by", "whatsoever", "as", "when", "if", "while", "because", "added"})
# words after a denied thing that say it is needed, included or elsewhere: no property
_STATUS = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:or|and|&)\s+[a-z-]+\s+)?(?:is\s+|are\s+)?"
                     r"(?:needed|required|necessary|included|incl|supplied|provided|"
                     r"in\s+the\s+box|added)\b")
# a negation's clause that says no property: a condition, a question, a comparison, an option
_NOT_PROPERTY = re.compile(r"\b(?:if|unless|when|whether|until|once|after|before|unlike|than|"
                           r"not\s+for|since|because|"
                           r"compared|vs|versus|(?<!each\s)other|others|like|such\s+as|or\s+your|"
                           r"some|many|most|cheap|usual|typical|regular|traditional|"
                           r"otherwise|make\s+sure|ensure|in\s+case|because\s+of|available|"
                           r"options?|choose|sold\s+separately)\b|\?")
# a mention's clause that offers, avoids or compares the head: it affirms nothing
_NOT_AFFIRMED = re.compile(r"\b(?:no|not|non|without|never|nor|cannot|can't|won't|don't|"
                           r"doesn't|isn't|aren't|zero|free\s+(?:of|from)|avoids?|prevents?|"
                           r"reduces?|eliminates?|minimi[sz]es?|resists?|protects?|guards?|"
                           r"stops?|blocks?|or|either|optional|options?|available|choose|"
                           r"unlike|than|vs|versus|compared|like|if|unless|when|whether|"
                           r"instead|replaces?|other|sold\s+separately|not\s+included|"
                           r"compatible|fits?|for|anti|less|too\s+much|works?\s+with|use\s+with|"
                           r"pairs?\s+with|needs?|requires?|only\s+on|sizes?|colou?rs?|"
                           r"models?|versions?|some|check|buy|purchas\w*|prepare|your|"
                           r"included|includes|in\s+the\s+box|comes\s+with|who|whom|whose)\b|\?")
# words right after a mention that guard against it or make it another thing's
_GUARD_AFTER = re.compile(r"[\s-]*(?:resistant|resistance|resists?|proof|free|protection|"
                          r"protector|guard|control|less|repellent|prevention|remover|"
                          r"cleaner|stopper|blocker|reducer|killer|test|tester|rating|"
                          r"level|mark|marks)\b")
# subjects other than the product: "your dog will not pull", "food does not stick"
_OTHER_SUBJECT = re.compile(r"\b(?:you|your|we|our|they|them|he|she|him|her|his|i|me|my|kids|"
                            r"children|people|anyone|nobody|"
                            r"food|dirt|dust|water|liquid|hair|pets?|dogs?|cats?|baby|babies|"
                            r"skin|stains?|bugs?|insects?|ink|paint|glue|colou?rs?|it\s+alone)\b"
                            r"[\w\s'-]{0,20}$")
_INSTRUCTION = re.compile(r"^\W*(?:[a-z][a-z ]{0,24}:\s*)?(?:please\s+)?(?:do\s+not|don't|never)\b")


@dataclass(frozen=True)
class _Denied:
    """A negated head: its stems (the head last), where it was said and as what."""

    stems: tuple[str, ...]
    start: int
    end: int
    clause: int
    needs: tuple[str, ...] = ()  # a verb's object: "does not filter lead" needs "lead"
    thing: bool = False  # "no X" denies a thing: a name's word or "the X" does not state it
    subject: frozenset[str] = frozenset()  # a part it is said of ("The canopy does not fold")
    form: str = ""  # the word class a mention must share: "unfolded" is a state, "no wire" a
    # thing; "Foldable" does not state the one, "wired between" not the other


def _phrase_stems(words: list[str]) -> tuple[str, ...]:
    """The stems of a phrase's content words, hyphen parts apart, its own prefixes dropped."""
    out = []
    for word in words:
        parts = [p for p in re.split(r"[-']", word) if p]
        out += [stem(p) for p in parts if p not in _PREFIXES and p not in ("s", "t")]
    return tuple(s for s in out if s)


def _denials(low: str, pieces: list[tuple[str, int]], name: set[str]) -> list[_Denied]:
    """Every negated head of the brief with its clause."""
    found: list[_Denied] = []
    for index, (clause, at) in enumerate(pieces):
        if index == 0 or _NOT_PROPERTY.search(clause) or _INSTRUCTION.match(clause) or \
                len(re.findall(r"[a-z]+", clause)) > _LONGEST:
            continue  # a denial told in a long sentence is a story, not a fact stated
        for m in _VERB_NEG.finditer(clause):
            if _OTHER_SUBJECT.search(clause[:m.start()]):
                continue
            for group in (1, 2):
                word = m.group(group)
                if word and word not in _EMPTY and len(word) >= 4 and \
                        not _STATUS.match(clause, m.end(group)) and \
                        not re.match(r"\s+(?:for|to|around|near)\b", clause[m.end(group):]):
                    # "not safe for the little ones": a relation to another thing
                    found.append(_Denied(_phrase_stems([word]), at + m.start(), at + m.end(),
                                         index, _object(clause, m.end()),
                                         subject=_subject_before(clause, m.start()) - name))
        for m in _NEED_NEG.finditer(clause):
            if m.group(1) not in _EMPTY:
                found.append(_Denied(_phrase_stems([m.group(1)]), at + m.start(), at + m.end(),
                                     index, _object(clause, m.end())))
        for m in _NOUN_NEG.finditer(clause):
            if _OTHER_SUBJECT.search(clause[:m.start()]):
                continue  # "He had no lawyer": a person's lack, not the product's
            words = []
            for word in m.group(1).split():
                if word in _NP_END:
                    break
                words.append(word)
            after = m.start(1) + len(" ".join(words))
            if not words or words[0] in _EMPTY or words[-1] in _EMPTY or \
                    len(words[-1]) < 4 or _STATUS.match(clause, after) or \
                    re.match(r"\s*(?:\(|:|-\s*[a-z])", clause[after:]) or \
                    len(words) == 3 and re.match(r"\s+[a-z]", clause[after:]) and \
                    clause[after:].split()[0] not in _NP_END:
                continue  # "NO CHICKEN (OR POULTRY) BY-PRODUCT", "No Odor: ...": not the thing
            stems = _phrase_stems(words)
            if stems and stems[-1] not in name:  # "no walls" in a "Wireless wall switch"
                end = m.start(1) + len(" ".join(words))
                found.append(_Denied(stems, at + m.start(), at + end, index,
                                     form=_form(words[-1]), thing=True))
        for m in _PREFIX_NEG.finditer(clause):
            word = m.group(1)
            noun = _object(clause, m.end())
            if word not in _EMPTY and (not noun or set(noun) & name) and \
                    not re.search(r"\b(?:no|not|without|never)\b", clause[:m.start()]) and \
                    not _PART_LABEL.match(clause):  # "Pocket: uninsulated": a part's line
                found.append(_Denied(_phrase_stems([word]), at + m.start(), at + m.end(), index,
                                     form=_form(word)))  # "2 unglazed weights": not the product
    return found


# words after a verb or a modifier that are no object or noun of it
_NO_OBJECT = frozenset({"in", "on", "at", "up", "down", "out", "off", "over", "under", "through",
                        "with", "from", "into", "onto", "when", "if", "after", "before", "during",
                        "even", "all", "again", "anymore", "easily", "much", "well", "properly",
                        "either", "too", "ever", "or", "and", "nor", "so", "because", "since",
                        "unless", "until", "while", "to", "by", "for", "as", "like", "quickly",
                        "fully", "completely", "any", "longer", "more", "itself",
                        "themselves", "each", "other", "is", "are", "be", "it", "its", "this",
                        "that", "once", "here", "there", "yet"})
_DETERMINERS = frozenset({"your", "the", "a", "an", "my", "their", "our", "his", "her", "any"})


def _object(clause: str, end: int) -> tuple[str, ...]:
    """The stem of the object or noun right after a denied verb or modifier, if any."""
    words = re.findall(r"[a-z][a-z'-]*", re.split(r"[,;:.!?()\n|]", clause[end:])[0])
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words or words[0] in _NO_OBJECT:
        return ()
    return _phrase_stems(words[:1])


# how long a denial's clause may be, and how far into its clause a mention may stand
_LONGEST = 16
_HEAD_WORDS = 3


def _form(word: str) -> str:
    """A word's class by its ending: a state ("-ed"), an act ("-ing"), a capability, a thing."""
    word = word.lower()
    for form in ("ed", "ing", "able", "ible"):
        if word.endswith(form) and len(word) > len(form) + 2:
            return "able" if form == "ible" else form
    return "thing"


def _label_words(clause: str) -> list[str]:
    """The words of ``clause``'s label ("PEEL AND STICK:"), as its tokens count them."""
    label = label_of(clause)
    return re.findall(r"[a-z]+", clause[:label.end()]) if label else []


def _tokens(clause: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each word of ``clause``, hyphen parts apart, own prefixes dropped."""
    out = []
    for m in re.finditer(r"[a-z]+", clause):
        if m.group(0) not in _PREFIXES or re.match(r"\s+[a-z]", clause[m.end():]):
            out.append((stem(m.group(0)), m.start(), m.end()))
    return out


def _affirmed(clause: str, denied: _Denied) -> tuple[int, int] | None:
    """Where ``clause`` states the phrase of ``stems`` (its head within 3 words of the rest)."""
    tokens = _tokens(clause)
    stems = denied.stems
    if not set(denied.needs) <= {t for t, _, _ in tokens}:
        return None
    for i, (word, start, end) in enumerate(tokens):
        if word != stems[-1] or denied.form and _form(clause[start:end]) != denied.form:
            continue
        window = [t for t, _, _ in tokens[max(0, i - len(stems) - 2):i]]
        if not all(s in window for s in stems[:-1]):
            continue
        first = next((t for t in tokens[max(0, i - len(stems) - 2):i + 1] if t[0] == stems[0]),
                     tokens[i])
        if tokens.index(first) > _HEAD_WORDS + (len(_label_words(clause)) if label_of(clause)
                                                else 0):
            continue  # a mention deep in a sentence tells a story: a fact opens its clause
        before = clause[:first[1]]
        if re.search(r"(?:\bun|\bnon|\banti|\bde|\bdis)-?$", before) or \
                _GUARD_AFTER.match(clause, end) or re.search(r"[a-z]$", before) or \
                re.match(r"[a-z]", clause[end:]):
            continue  # "non-stretch", "stack-resistant", a stem inside another word
        return first[1], end
    return None


_COPULA = re.compile(r"\b(?:is|are|has|have|comes?|stays?|remains?)\b")
_OWN_SUBJECT = frozenset({"it", "this", "these", "that", "they", "product", "item", "unit", "one",
                          "whole", "all", "everything", "each", "set", "kit", "piece", "s", "and",
                          "the", "a", "an", "our", "real", "true"})


def _subject(clause: str, at: int) -> frozenset[str]:
    """The stems of a subject before a copula ahead of ``at``, less the product's own words.

    "pad is NOT washable" -> {"pad"}; "it is stackable" -> {}.
    """
    label = re.match(r"\s*[a-z][a-z &/'-]{0,30}:\s*", clause)
    lead = clause[label.end() if label else 0:at]
    copulas = list(_COPULA.finditer(lead))
    if not copulas:
        return frozenset()
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", lead[:copulas[-1].start()])[-3:]
                     if w not in _OWN_SUBJECT)


# a line labelled with a part of the product speaks of that part
_PART_LABEL = re.compile(r"\W*(?:[a-z]+\s+)?(?:covers?|cases?|lids?|straps?|liners?|inserts?|"
                         r"shells?|sleeves?|pouch(?:es)?|bags?|handles?|base|legs?|soles?|"
                         r"lining|pockets?|waistbands?|cuffs?|collars?|hoods?|trims?|panels?|"
                         r"buttons?|zippers?|cords?|cables?|remote|charger|box|packaging|"
                         r"refills?|accessor(?:y|ies)|frame|seat|back|canopy|wheels?)\s*:")


def _subject_before(clause: str, at: int) -> frozenset[str]:
    """The subject of a verb denied at ``at``, less the product's own words.

    A copula's ("pad is NOT washable") or the words right before the auxiliary ("The canopy
    does not fold").
    """
    found = _subject(clause, at)
    label = re.match(r"\s*[a-z][a-z &/'-]{0,30}:\s*", clause)
    words = re.findall(r"[a-z]+", clause[label.end() if label else 0:at])
    if found or not words or words[-1] in ("and", "but", "so", "or", "then", "also"):
        return found
    return frozenset(stem(w) for w in words[-2:] if w not in _OWN_SUBJECT)


def _same_subject(denial: tuple[str, int], start: int, clause: str, at: int,
                  name: set[str]) -> bool:
    """False when the statement has a subject of its own that the denial does not share.

    "Flannel cover is machine washable" is said of a part. A denial said of a part ("the base
    is sealed with no hole") still denies the thing of the whole.
    """
    one = _subject(denial[0], start - denial[1]) - name
    two = _subject(clause, at) - name
    return not two or bool(one & two)


# a clause that opens on a link word continues another statement; a mention followed by a
# modal speaks of what the thing can do ("the inserts can be removed"), not that it is there
_OPENS_ON_LINK = re.compile(r"\W*(?:by|with|and|or|but|which|that|to|from|in|into|so|as|while|"
                            r"whereas|because|since|through|via|plus)\b")
_MODAL_AFTER = re.compile(r"\s+(?:can|could|may|might|should|must|will|would)\b")


_FUNCTION_AFTER = frozenset({"and", "or", "in", "on", "at", "for", "with", "to", "of", "from",
                             "after", "before", "that", "which", "is", "are", "each", "per",
                             "only", "all", "by", "inside", "under", "included", "too", "also"})


def _modifier(clause: str, spot: tuple[int, int]) -> bool:
    """True when a plain word stands before another noun it qualifies: "wall switch".

    A thing said absent ("no walls") is not stated by a word that only names what another
    thing is for; hyphen compounds ("self-adhesive back", "USB-C male") and a label's words
    ("Bulb type:") are left to speak for themselves.
    """
    start, end = spot
    nxt = re.match(r" ([a-z]+)\b(?!\s*:)", clause[end:])
    return nxt is not None and nxt.group(1) not in _FUNCTION_AFTER and \
        "-" not in clause[max(0, start - 1):end]


def _after_denied_item(low: str, pieces: list[tuple[str, int]], index: int) -> bool:
    """True when the clause before ``index`` is a short denied item that a list goes on from.

    "without wiring, tearing walls": the second item is denied too.
    """
    if index == 0:
        return False
    clause, at = pieces[index - 1]
    before = clause.split()
    return re.fullmatch(r",\s*", low[at + len(clause):pieces[index][1]]) is not None and \
        2 <= len(before) <= 3 and before[0] in ("no", "without", "zero", "never") and \
        not _STATUS.match(" " + " ".join(before[2:]))


def _in_denied_list(low: str, at: int, clause: str) -> bool:
    """True when a short clause is an item of a list that a negation or other products govern.

    "No maltodextrin, erythritol, binders, fillers"; "an alternative to store bought cookies
    with gluten, grain, and fillers".
    """
    sentence = re.split(r"[.!?\n]\s", low[max(0, at - 200):at])[-1]
    return len(clause.split()) <= 4 and re.search(r",\s*$", sentence) is not None and (
        _NOT_AFFIRMED.search(sentence) is not None or _OTHERS.search(sentence) is not None)


_OTHERS = re.compile(r"\b(?:alternatives?|store[\s-]bought|regular|traditional|ordinary|"
                     r"conventional|typical|usual|most|many)\b")


def check_heads(text: str) -> None:
    """Raise :class:`InvalidRequestError` when one statement negates a head another affirms."""
    low = text.lower()
    pieces = [(c.lower(), at) for c, at in clauses(text)]
    if len(pieces) < 2:
        return
    name = {stem(w) for w in re.findall(r"[a-z]+", pieces[0][0])}
    for denied in _denials(low, pieces, name):
        for index, (clause, at) in enumerate(pieces):
            if index == denied.clause or at <= denied.start < at + len(clause):
                continue
            spot = _affirmed(clause, denied)
            if spot is not None and denied.thing and (index == 0 or re.search(
                    r"\b(?:the|your|this|that|these|those|their|its)\s+$", clause[:spot[0]])):
                continue  # "Wireless wall switch" beside "no walls"; "Fold the pillow core"
            if spot is not None and denied.thing and _modifier(clause, spot):
                continue
            if spot is None or len(re.findall(r"[a-z]+", clause)) > _LONGEST or \
                    _after_denied_item(low, pieces, index) or \
                    not denied.subject <= {t for t, _, _ in _tokens(clause)} or \
                    _NOT_AFFIRMED.search(clause) or \
                    _OPENS_ON_LINK.match(clause) or _MODAL_AFTER.match(clause, spot[1]) or \
                    _in_denied_list(low, at, clause) or \
                    not _same_subject(pieces[denied.clause], denied.start, clause, spot[0], name):
                continue
            said = text[at:at + len(clause)].strip(" .;:,")
            raise InvalidRequestError(
                f"the brief contradicts itself: it says {said!r} and also "
                f"{text[denied.start:denied.end].strip()!r}; say which is true")
