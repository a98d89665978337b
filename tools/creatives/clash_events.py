"""One event of the product given two times that cannot both hold: when it ships, its charge time.

"Ready to ship in 1 business day" beside "please allow 2-3 weeks before it ships" gives the
time to dispatch twice; "Charging time: 2 hrs" beside "charges fully in 5 hours" the time to
charge. Each statement is read as an interval of days ("2-3 weeks" 14-21, "within 48 hours"
0-2, "1 business day" 1-1.4); two statements of one event whose intervals do not meet are a
clash. A clause that qualifies its time (express, custom or personalised orders, other
colours, international, via a port, "or") speaks of one case, not of every order.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses

__all__ = ["check_events"]

# the words that name each event; a clause naming two events ("ships in 1 day, arrives in
# 3-5") is left out
_EVENTS = {
    "ships": re.compile(r"(?i)\b(?:ships?|shipped|shipping|dispatch(?:es|ed)?|processing\s+time|"
                        r"handling\s+time|leaves\s+our|sent\s+out|send\s+out)\b"),
    "charges": re.compile(r"(?i)\b(?:charging\s+time|charge\s+time|(?:fully\s+)?(?:re)?charges?"
                          r"(?:\s+fully)?\s+in|to\s+(?:fully\s+)?(?:re)?charge)\b"),
}
_OTHER_EVENT = re.compile(r"(?i)\b(?:arrives?|arrival|deliver(?:y|ed|s)?|transit|return(?:s|ed)?|"
                          r"refund|runs?|runtime|lasts?|play(?:back|time)?|standby|warranty|"
                          r"guarantee|exchange|used|use|works?|working|operat\w*|battery\s+life|"
                          r"hours?\s+of|times|receive[sd]?|get\s+it|prime|members?)\b")
_QUALIFIED = re.compile(r"(?i)\b(?:or|either|express|expedited|priority|rush|international|"
                        r"overseas|outside|abroad|custom(?:i[sz]ed)?\s+orders?|personali[sz]ed|"
                        r"engraved|monogrammed|other|some|bulk|wholesale|large|larger|if|when|"
                        r"after|before\s+\d|weekends?|holidays?|peak|during|via|with|using|"
                        r"fast|quick|quickly|rapid|turbo|usb|wireless|cable|adapter|"
                        r"up\s+to\s+\d+%|\d+\s?%|from\s+(?:empty|0)|depending|varies|vary|"
                        r"usually|typically|most|in[\s-]stock|pre-?order|backorder(?:ed)?|"
                        r"sold\s+out|sizes?|colou?rs?|plus|orders?\s+(?:placed|received))\b")
_UNIT_DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0,
              "week": 7.0, "wk": 7.0, "month": 30.4}
_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|ten)"
_SPAN = re.compile(rf"(?i)(?P<lead>\b(?:within|up\s+to|under|in\s+under|less\s+than)\s+)?"
                   rf"(?<![\w.-])(?P<a>{_NUM})(?:\s?(?:-|\u2013|to)\s?(?P<b>{_NUM}))?\s?"
                   r"(?P<biz>business\s+|working\s+)?(?P<u>minutes?|mins?|hours?|hrs?|days?|"
                   r"weeks?|wks?|months?)\b")
_WORD_DAYS = {"same day": (0.0, 1.0), "same-day": (0.0, 1.0), "next day": (1.0, 1.4),
              "next-day": (1.0, 1.4), "overnight": (0.0, 1.4)}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def _days(m: re.Match[str]) -> tuple[float, float]:
    """The interval of days a time span allows ("2-3 weeks" -> 14-21)."""
    unit = next(v for k, v in _UNIT_DAYS.items() if m.group("u").lower().startswith(k))
    lo = float(_WORDS.get(m.group("a").lower(), 0) or m.group("a")) * unit
    b = m.group("b")
    hi = float(_WORDS.get(b.lower(), 0) or b) * unit if b else lo
    if m.group("biz"):
        hi *= 1.4  # five working days to a week
    if m.group("lead"):
        lo = 0.0
    return lo, hi


# words that may stand just before the event and leave it the product's ("it ships", "Ready
# to ship", "Your order is dispatched"); any other noun there names a part ("case charges")
_OWN = frozenset({"it", "to", "is", "are", "be", "will", "and", "order", "orders", "item",
                  "items", "product", "this", "everything", "parcel", "package", "usually",
                  "normally", "always", "then", "we", "also", "fully", "quickly", "only"})


def _own_event(clause: str, at: int, name: set[str]) -> bool:
    """True when the word before the event at ``at`` leaves it the product's own."""
    before = re.findall(r"[a-z]+", clause[:at].lower())
    return not before or before[-1] in _OWN | name


def _times(text: str) -> list[tuple[str, float, float, str, int]]:
    """(event, low, high, span text, start) for every clause stating one event's time once."""
    found = []
    pieces = clauses(text)
    name = set(re.findall(r"[a-z]+", pieces[0][0].lower())) if pieces else set()
    for clause, start in pieces:
        events = [(n, m) for n, rx in _EVENTS.items() if (m := rx.search(clause)) is not None]
        if len(events) != 1 or _OTHER_EVENT.search(clause) or _QUALIFIED.search(clause) or \
                not _own_event(clause, events[0][1].start(), name):
            continue
        spans = list(_SPAN.finditer(clause))
        words = [w for w in _WORD_DAYS if w in clause.lower()]
        if len(spans) + len(words) != 1:
            continue
        lo, hi = _days(spans[0]) if spans else _WORD_DAYS[words[0]]
        found.append((events[0][0], lo, hi, clause.strip(), start))
    return found


def check_events(text: str) -> None:
    """Raise :class:`InvalidRequestError` when one event is given two times that do not meet."""
    found = _times(text)
    for i, (event, lo, hi, said, at) in enumerate(found):
        for other, lo2, hi2, said2, at2 in found[i + 1:]:
            if other == event and at2 != at and (hi * 1.15 < lo2 or hi2 * 1.15 < lo):
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {said!r} and also {said2!r}; "
                    f"say which time is true")
