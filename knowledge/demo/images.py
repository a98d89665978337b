"""Product pictures drawn locally with Pillow: a glyph per category in the product's colour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

RGB = {"black": (40, 40, 44), "white": (236, 236, 236), "grey": (140, 140, 148),
       "navy": (30, 45, 95), "blue": (52, 110, 200), "red": (200, 50, 50),
       "green": (60, 150, 80), "pink": (235, 140, 170), "beige": (215, 195, 160),
       "brown": (120, 80, 50), "purple": (130, 70, 170), "yellow": (235, 200, 60)}
SIZE = 240


def _glyph(draw: ImageDraw.ImageDraw, category: str, fill: tuple[int, int, int]) -> None:
    outline = (60, 60, 60)
    shapes: dict[str, list[Callable[[], None]]] = {
        "shoes": [lambda: draw.polygon([(40, 150), (70, 100), (120, 110), (200, 150),
                                        (200, 170), (40, 170)], fill=fill, outline=outline)],
        "clothing": [lambda: draw.polygon([(80, 50), (160, 50), (200, 90), (175, 110),
                                           (165, 190), (75, 190), (65, 110), (40, 90)],
                                          fill=fill, outline=outline)],
        "baby": [lambda: draw.chord([50, 70, 190, 190], 0, 180, fill=fill, outline=outline)],
        "outdoor": [lambda: draw.polygon([(120, 45), (210, 185), (30, 185)], fill=fill,
                                         outline=outline)],
        "fitness": [lambda: draw.rounded_rectangle([40, 95, 200, 145], 20, fill=fill,
                                                   outline=outline)],
        "kitchen": [lambda: draw.ellipse([45, 80, 155, 170], fill=fill, outline=outline),
                    lambda: draw.rectangle([150, 118, 215, 132], fill=outline)],
        "electronics": [lambda: draw.rounded_rectangle([55, 60, 185, 170], 12, fill=fill,
                                                       outline=outline)],
        "home_office": [lambda: draw.rectangle([50, 90, 190, 110], fill=fill, outline=outline),
                        lambda: draw.rectangle([60, 110, 75, 190], fill=fill),
                        lambda: draw.rectangle([165, 110, 180, 190], fill=fill)],
        "beauty": [lambda: draw.rounded_rectangle([90, 80, 150, 190], 10, fill=fill,
                                                  outline=outline),
                   lambda: draw.rectangle([105, 55, 135, 80], fill=outline)],
        "pets": [lambda: draw.ellipse([70, 100, 170, 180], fill=fill, outline=outline),
                 *[lambda x=x: draw.ellipse([x, 55, x + 30, 90], fill=fill)
                   for x in (65, 105, 145)]],
    }
    for step in shapes.get(category, shapes["electronics"]):
        step()


def draw_product(product: dict[str, Any], path: Path) -> None:
    """Write one small PNG for ``product``."""
    image = Image.new("RGB", (SIZE, SIZE), (247, 245, 240))
    draw = ImageDraw.Draw(image)
    _glyph(draw, product["category"], RGB.get(product["product_color"], (120, 120, 120)))
    draw.text((12, 210), product["attributes"]["type"][:30], fill=(50, 50, 50))
    image.save(path, optimize=False)
