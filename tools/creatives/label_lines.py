"""Spec lines kept whole: "Cover: 100% organic cotton, removable" speaks of the cover only.

A pasted spec sheet gives each part its own line ("Fill: polyester fiber", "Cover: 100%
organic cotton, removable, machine washable", "Attachments: flex shaft, cutting guide").
Cut at its commas, the values would lose their label: "100% organic cotton" would read as
the pillow's material and "removable" as the pillow's property. A labelled line after the
product's name, or after a comma ("cushion, cover: mesh, washable"), or a spec line
anywhere ("Sizes: S, M, L") stays one clause, label and all, up to the end of its line or
sentence, while it is short enough for one bullet; a bare label ("Package includes:") keeps
the short lines under it. A label that names the product ("Product: yoga mat", "Type: hand
mixer") is no spec line.
"""

from __future__ import annotations

import re

from tools.creatives.brief_text import NAME_KEY, abbreviation, heading, key_value, model_named

__all__ = ["label_spans", "labelled", "part_label"]

# a label of one to three words at the start of a line or a sentence, then its value
_LABEL = re.compile(r"(?m)(?:^|(?<=[.;!,]\s)|(?<=[.;!]\s\s)|(?<=\s[-\u2013\u2014]\s))[ \t]*"
                    r"(?P<label>[A-Za-z][A-Za-z/&'+-]*(?:[ ](?:[&/+]|[A-Za-z][A-Za-z/&'+-]*)){0,2})"
                    r"\.?[ \t]?:[ \t]*(?:\S|$)")  # "Incl.: 2 picks": an abbreviation's stop
_END = re.compile(r"\n|;|\.\s|\.$|\s--+(?:\s|$)")  # "-- units: in / cm -- waterproof"
_DASH = re.compile(r"\s[-\u2013\u2014]\s")
MAX_LINE = 100
# labels that say what the whole product is made of, not one part of it
_WHOLE = re.compile(r"(?i)^(?:materials?|fabric|fabrics|made of|construction|composition|"
                    r"body|main material|outer fabric)$")


def _line_end(text: str, at: int) -> int:
    """Where the line or sentence that starts at ``at`` ends (an abbreviation runs on)."""
    for m in _END.finditer(text, at):
        if m.group(0).startswith(".") and abbreviation(text, m):
            continue
        return m.start()
    return len(text)


def label_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the labelled lines whose commas and colon cut nothing."""
    spans = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        start = m.start("label")
        end = _line_end(text, start)
        if re.search(r"\s[-\u2013\u2014]\s[ \t]*$", text[:start]):  # " - button: IP55, ..."
            dash = _DASH.search(text, start, end)  # ends at the next dash, as it began
            end = dash.start() if dash else end
        if not text[m.end("label"):end].strip(" \t:"):  # "Package includes:" heads its lines
            end = _list_end(text, end)
        line = text[start:end]
        if NAME_KEY.match(label) or heading(label) or model_named(line) or end - start > MAX_LINE:
            continue
        if text[:start].strip() or key_value(line):  # a first line may name the product
            spans.append((start, end))
    return spans


def _list_end(text: str, end: int) -> int:
    """Where the short lines under a bare label end ("Includes:" / "1 x tamper" / "1 x mat").

    The list ends at a blank line, a line with its own label, or a long line; ``end`` (the
    label line's end) when no line follows.
    """
    last = end
    for m in re.finditer(r"\n[ \t]*([^\n]*)", text[end:]):
        line = m.group(1).strip()
        if not line or len(line) > 40 or re.match(r"[^:]{1,30}:", line):
            break
        last = end + m.end()
    return last


def part_label(text: str, at: int) -> str | None:
    """The label of the spec line holding position ``at``, when it names a part.

    "Fill: polyester fiber" -> "Fill"; "Fabric: 100% polyester" names the whole (None).
    """
    line_start = text.rfind("\n", 0, at) + 1
    m = re.match(r"[ \t]*(?P<label>[A-Za-z][A-Za-z/&'+-]*(?:[ ][A-Za-z/&'+-]+){0,2})[ \t]?:",
                 text[line_start:at + 1])
    if m is None or _WHOLE.match(m.group("label")) or NAME_KEY.match(m.group("label")):
        return None
    return m.group("label")


def labelled(segment: str) -> bool:
    """True for a segment that opens with its own label ("Case: hard plastic carry case")."""
    m = re.match(r"(?P<label>[A-Za-z][A-Za-z/&'+-]*(?:[ ][A-Za-z/&'+-]+){0,2})\.?[ \t]?:[ \t]*\S",
                 segment)
    return m is not None and not NAME_KEY.match(m.group("label"))
