"""The item a keyword-stuffed title names first.

Long run-on titles ("Mens Running Shoes Slip-on Tennis Sneakers Athletic Sports Walking Shoes
Lightweight Workout Gym Shoes") pile up search keywords after the item; the head of the run
then names a synonym, a use or an accessory ("gym shoe", "holder", "bag"). A known type of
two or three words among the first words names the item (in-sample on the labelled sets
v1-v25: 16 more types right, 11 on v1-v22 and 5 on v23-v25).
"""

from __future__ import annotations

from knowledge.extraction.types import _CUT, _head_words, _parts, singular, type_lexicon

RUN_ON = 9  # words before the first cut word that make a title part a keyword run
LEAD = 4  # the first named type must start among this many words


def first_named(found: tuple[str, int, int] | None, title: str
                ) -> tuple[str, int, int] | None:
    """In a long run-on first title part, the 2-3 word known type named first, else ``found``."""
    parts = _parts(title)
    if not found or not parts:
        return found
    offset, part = parts[0]
    if not offset <= found[1] < offset + len(part):
        return found
    cut = _CUT.search(part)
    words = _head_words(part[:cut.start()] if cut else part)
    if len(words) < RUN_ON:
        return found
    norm = [singular(w.lower().strip("'’")) for w, _, _ in words]
    lexicon = type_lexicon()
    for i in range(LEAD):
        for n in (3, 2):
            if i + n <= len(norm) and tuple(norm[i:i + n]) in lexicon:
                value = " ".join(norm[i:i + n])
                if value == found[0]:
                    return found
                return value, offset + words[i][1], offset + words[i + n - 1][2]
    return found
