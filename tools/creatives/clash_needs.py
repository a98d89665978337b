"""A thing said not needed and also used, and a heading that denies what the copy affirms.

Two structural readings, no list of things or properties:

- "no X needed" / "no X required" / "without a X" beside a use of the same X: "CURE: 60 s
  under a UV/LED lamp" / "no lamp needed, air-dries"; "requires a hex key" / "no hex key
  required";
- a line that opens on "NOT X" (a heading: "NOT EDIBLE - decoration only") beside X said
  elsewhere of the product ("printed on edible wafer paper, lay it on the cake and eat").

A use in a sentence about options or other products, a denial in a question or a hedge, and
an affirmed X before a part's noun ("dishwasher-safe lid") are left out.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_parts import OTHERWISE, PARTS, sentence

__all__ = ["check_needs", "need_clash"]

_NOT_NEEDED = re.compile(r"(?i)\bno\s+(?:(?:[a-z]+[/-])?[a-z]+\s+)?(?P<x>[a-z]{3,})\s+(?:is\s+)?"
                         r"(?:needed|required|necessary)\b")
_USES = (r"(?:under|requires?|needs?|using|uses?)\s+(?:a|an|the|your|any)?\s*(?!no\b|not\b)"
         r"(?:[a-z/-]+\s+)?")
_HEADING = re.compile(r"(?im)^[ \t\W]*not\s+(?P<x>[a-z]{4,}(?:[ -][a-z]{4,})?)[ \t]*(?=$|[-:\u2013"
                      r"\u2014.!,])")
_HEDGE = re.compile(r"(?i)\b(?:if|unless|when|or|options?|available|sold\s+separately|"
                    r"not\s+included|optional)\b")


def _needed(text: str) -> tuple[str, str] | None:
    """"no lamp needed" beside "under a UV/LED lamp": the thing said unneeded and used."""
    for m in _NOT_NEEDED.finditer(text):
        if _HEDGE.search(sentence(text, m.start())) or \
                re.match(r"(?i)\s+(?:for|on|with|in)\s", text[m.end():]):
            continue  # "No lamp needed for the base coat": one part's
        x = re.escape(m["x"])
        for use in re.finditer(rf"(?i)\b{_USES}{x}s?\b", text):
            if m.start() <= use.start() < m.end() or _HEDGE.search(sentence(text, use.start())) \
                    or OTHERWISE.search(sentence(text, use.start())) or \
                    re.search(r"(?i)(?:\b(?:no|not|without|never)\b|n['\u2019]t)[^.\n]{0,20}$",
                              text[max(0, use.start() - 25):use.start()]):
                continue
            return use.group(0).strip(), m.group(0)
    return None


def _heading(text: str) -> tuple[str, str] | None:
    """"NOT EDIBLE - decoration only" beside "edible wafer paper ... eat"."""
    for m in _HEADING.finditer(text):
        x = m["x"].lower()
        if _HEDGE.search(sentence(text, m.start())) or x in {"included", "sold", "for", "suitable"}:
            continue
        for a in re.finditer(rf"(?i)(?<![\w-]){re.escape(x)}(?![\w-])", text):
            if m.start() <= a.start() < m.end() + 1:
                continue
            before = text[max(0, a.start() - 15):a.start()]
            after = re.findall(r"[a-z]+", text[a.end():a.end() + 25].lower())[:2]
            if re.search(r"(?i)\b(?:no|not|non|never|isn't|aren't)[\s-]*$", before) or \
                    any(PARTS.match(w) for w in after) or \
                    OTHERWISE.search(sentence(text, a.start())) or \
                    _HEDGE.search(sentence(text, a.start())):
                continue
            return a.group(0), m.group(0).strip()
    return None


# "no app, no account, no Wi-Fi ever" beside "install the app, create an account, join Wi-Fi"
_NO_LIST = re.compile(r"(?i)\bno\s+(?P<x>[a-z][a-z-]{1,}(?:\s[a-z]{3,})?)(?=\s*(?:,|;|\.|$|\n|"
                      r"\s+ever\b|\s+at\s+all\b|\s+(?:needed|required)\b))")
_ACTS = (r"(?:install|create|join|connect\s+to|download|sign\s+up\s+for|log\s+in\s+to|"
         r"register|pair\s+with|requires?|needs?)\s+(?!no\b|not\b|zero\b)(?:a|an|the|your|any)?\s*"
         r"(?:[A-Za-z0-9.-]+\s+){0,2}?")


def _acted_on(text: str) -> tuple[str, str] | None:
    """"no account" beside "create an account": a thing said absent and then acted on."""
    for m in _NO_LIST.finditer(text):
        if _HEDGE.search(sentence(text, m.start())) or re.search(
                r"(?i)\bno\s+more\b", m.group(0)) or re.match(
                r"(?i)\s+(?:needed|required)?\s*(?:for|on|with|in|to)\s", text[m.end():]):
            continue  # "No app needed for basic setup": one use's
        x = re.escape(m["x"])
        for act in re.finditer(rf"(?i)\b{_ACTS}{x}s?\b", text):
            if m.start() <= act.start() < m.end() or \
                    OTHERWISE.search(sentence(text, act.start())) or \
                    _HEDGE.search(sentence(text, act.start())) or \
                    re.search(r"(?i)(?:\b(?:no|not|without|never)\b|n['\u2019]t)[^.\n]{0,20}$",
                              text[max(0, act.start() - 25):act.start()]):
                continue
            return act.group(0).strip(), m.group(0).strip()
    return None


def need_clash(text: str) -> tuple[str, str] | None:
    """The first pair of phrases that say a thing unneeded and used, or denied and affirmed."""
    return _needed(text) or _heading(text) or _acted_on(text)


def check_needs(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a thing is said unneeded and used, or denied."""
    pair = need_clash(text)
    if pair is not None:
        raise InvalidRequestError(
            f"the brief contradicts itself: it says {pair[0]!r} and also {pair[1]!r}; "
            f"say which is true")
