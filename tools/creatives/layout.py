"""Text fitting for banners: measure with real font metrics, wrap, shrink, never overflow.

Fonts are the DejaVu TTFs shipped in matplotlib's wheel, so sizes are real pixels and
``ImageDraw.textbbox`` measures what is drawn.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageDraw, ImageFont

Box = tuple[int, int, int, int]


def font_dir() -> Path:
    """Return the folder of matplotlib's bundled TTF fonts."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def font_path(bold: bool = False) -> str:
    """Path of DejaVu Sans (bold or regular)."""
    return str(font_dir() / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))


@lru_cache(maxsize=256)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Return a TrueType font at ``size`` pixels (cached)."""
    return ImageFont.truetype(path, size)


@dataclass
class TextBox:
    """Lines of text placed at ``xy`` lines apart; ``bbox`` is the measured ink box."""

    role: str
    lines: list[str]
    font: str
    size: int
    x: int
    y: int
    line_height: int
    bbox: Box

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (stored with the banner so tests and UIs can re-measure)."""
        return asdict(self)


def line_boxes(draw: ImageDraw.ImageDraw, box: TextBox) -> list[Box]:
    """Return the measured ink box of every line of ``box`` as drawn."""
    font = load_font(box.font, box.size)
    out = []
    for i, line in enumerate(box.lines):
        left, top, right, bottom = draw.textbbox((box.x, box.y + i * box.line_height), line,
                                                 font=font)
        out.append((int(left), int(top), int(right), int(bottom)))
    return out


def union(boxes: list[Box]) -> Box:
    """Return the smallest box holding all ``boxes``."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
         width: int) -> list[str]:
    """Greedy word wrap by measured width; a word wider than a line is split by characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while draw.textlength(current, font=font) > width and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and draw.textlength(current[:cut], font=font) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


def fit_text(draw: ImageDraw.ImageDraw, role: str, text: str, area: Box, *, bold: bool,
             max_size: int, min_size: int, max_lines: int) -> TextBox:
    """Place ``text`` inside ``area``: the largest size whose wrapped lines fit, else ellipsis."""
    x0, y0, x1, y1 = area
    width, height = x1 - x0, y1 - y0
    path = font_path(bold)
    size = max(min_size, max_size)
    while True:
        font = load_font(path, size)
        line_h = int(size * 1.2)
        lines = wrap(draw, text, font, width)
        fits = len(lines) <= max_lines and len(lines) * line_h <= height
        if fits or size <= min_size:
            break
        size = max(min_size, int(size * 0.92))
    keep = max(1, min(max_lines, height // line_h))
    if len(lines) > keep:
        lines = lines[:keep]
        lines[-1] = _ellipsis(draw, lines[-1], font, width)
    box = TextBox(role, lines, path, size, x0, y0, line_h, (0, 0, 0, 0))
    box.bbox = union(line_boxes(draw, box))
    return box


def _ellipsis(draw: ImageDraw.ImageDraw, line: str, font: ImageFont.FreeTypeFont,
              width: int) -> str:
    while line and draw.textlength(line + "…", font=font) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def overlaps(a: Box, b: Box) -> bool:
    """Return True when two boxes share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(inner: Box, outer: Box) -> bool:
    """Return True when ``inner`` lies wholly within ``outer``."""
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2]
            and inner[3] <= outer[3])
