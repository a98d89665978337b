"""Banner images: product image, headline, price badge and call to action, in store colours.

Standard sizes are 1200x628 (landscape) and 1080x1080 / 800x800 (square). The product
image sits in its own region; all text lives in a panel beside or below it, fitted by
measured boxes so nothing overflows, clips or covers the image. A missing or unreadable
image becomes a generated placeholder. Files go to ``media_dir/banners`` (served at
``/media/banners/``); each banner creative stores its measured layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw

from knowledge.errors import InvalidRequestError
from tools.creatives.layout import Box, TextBox, fit_text, font_path, inside, load_font, overlaps

if TYPE_CHECKING:
    from knowledge.settings import Settings

STANDARD_SIZES: tuple[tuple[int, int], ...] = ((1200, 628), (1080, 1080), (800, 800))
MIN_SIDE, MAX_SIDE, MAX_ASPECT = 200, 4096, 3.0


@dataclass(frozen=True)
class Palette:
    """Store colours (the web front end's brand palette by default)."""

    brand: str = "#5b3cc4"
    brand_dark: str = "#432a99"
    ink: str = "#1f1d2b"
    muted: str = "#6d6a7c"
    background: str = "#f7f6fb"
    card: str = "#ffffff"
    badge: str = "#16794a"
    on_brand: str = "#ffffff"


@dataclass
class BannerLayout:
    """Where everything went: the image region and every measured text box."""

    width: int
    height: int
    image_box: Box
    texts: list[TextBox] = field(default_factory=list)
    shapes: dict[str, Box] = field(default_factory=dict)
    placeholder: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"width": self.width, "height": self.height, "image_box": list(self.image_box),
                "texts": [t.as_dict() for t in self.texts], "placeholder": self.placeholder,
                "shapes": {k: list(v) for k, v in self.shapes.items()}}


def parse_size(size: str | tuple[int, int] | list[int]) -> tuple[int, int]:
    """``"1200x628"`` or ``(1200, 628)`` as a checked (width, height)."""
    try:
        if isinstance(size, str):
            w_text, h_text = size.lower().split("x")
            width, height = int(w_text), int(h_text)
        else:
            width, height = int(size[0]), int(size[1])
    except (ValueError, TypeError, IndexError) as exc:
        raise InvalidRequestError(
            f"a banner size is WIDTHxHEIGHT like 1200x628, got {size!r}") from exc
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise InvalidRequestError(
            f"banner sides must be {MIN_SIDE} to {MAX_SIDE} pixels, got {width}x{height}")
    if max(width / height, height / width) > MAX_ASPECT:
        raise InvalidRequestError(f"banner aspect ratio may be at most {MAX_ASPECT}:1, "
                                  f"got {width}x{height}")
    return width, height


def resolve_image(settings: Settings, image: str | None) -> Path | None:
    """Return the local file of a product image under the media folder (URLs and others: None)."""
    if not image or "://" in image:
        return None
    relative = image.removeprefix("/media/").lstrip("/")
    media = settings.media_dir.resolve()
    path = (media / relative).resolve()
    return path if path.is_relative_to(media) and path.is_file() else None


def load_product_image(settings: Settings, image: str | None) -> Image.Image | None:
    """Return the product image as RGBA, or None when missing or unreadable."""
    path = resolve_image(settings, image)
    if path is None:
        return None
    try:
        with Image.open(path) as img:
            img.load()
            return img.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def placeholder(size: tuple[int, int], label: str, palette: Palette) -> Image.Image:
    """Return a generated stand-in image: a soft brand panel with the product type written on it."""
    img = Image.new("RGBA", size, palette.card)
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=max(4, min(w, h) // 20), fill="#ece8f8",
                           outline=palette.brand, width=max(2, w // 150))
    pad = max(4, w // 10)
    box = fit_text(draw, "placeholder", label.title() or "Product", (pad, pad, w - pad, h - pad),
                   bold=True, max_size=max(12, h // 8), min_size=8, max_lines=3)
    font = load_font(box.font, box.size)
    top = (h - len(box.lines) * box.line_height) // 2
    for i, line in enumerate(box.lines):
        x = (w - int(draw.textlength(line, font=font))) // 2
        draw.text((x, top + i * box.line_height), line, font=font, fill=palette.brand_dark)
    return img


def regions(width: int, height: int) -> tuple[Box, Box]:
    """(image region, text panel): side by side when landscape, stacked otherwise."""
    pad = max(12, min(width, height) // 24)
    if width / height >= 1.3:
        side = min(height - 2 * pad, int(width * 0.5))
        image = (pad, (height - side) // 2, pad + side, (height - side) // 2 + side)
        return image, (image[2] + pad, pad, width - pad, height - pad)
    split = int(height * 0.56)
    return (pad, pad, width - pad, split), (pad, split + pad, width - pad, height - pad)


def render_banner(path: Path, *, size: tuple[int, int], headline: str, subline: str,
                  price: str | None, cta: str, product_image: Image.Image | None,
                  placeholder_label: str, palette: Palette | None = None) -> BannerLayout:
    """Compose one banner PNG at ``path`` and return its measured layout."""
    palette = palette or Palette()
    width, height = size
    canvas = Image.new("RGB", size, palette.background)
    draw = ImageDraw.Draw(canvas)
    image_box, panel = regions(width, height)
    layout = BannerLayout(width, height, image_box, placeholder=product_image is None)
    _paste_image(canvas, draw, image_box, product_image, placeholder_label, palette)
    _draw_panel(draw, layout, panel, headline, subline, price, cta, palette)
    _verify(layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(path, format="PNG", optimize=True)
    return layout


def _paste_image(canvas: Image.Image, draw: ImageDraw.ImageDraw, box: Box,
                 image: Image.Image | None, label: str, palette: Palette) -> None:
    w, h = box[2] - box[0], box[3] - box[1]
    draw.rounded_rectangle(box, radius=max(6, min(w, h) // 25), fill=palette.card)
    inset = max(4, min(w, h) // 30)
    inner = (w - 2 * inset, h - 2 * inset)
    picture = image.copy() if image is not None else placeholder(inner, label, palette)
    picture.thumbnail(inner)
    x = box[0] + inset + (inner[0] - picture.width) // 2
    y = box[1] + inset + (inner[1] - picture.height) // 2
    canvas.paste(picture, (x, y), picture if picture.mode == "RGBA" else None)


def _draw_panel(draw: ImageDraw.ImageDraw, layout: BannerLayout, panel: Box, headline: str,
                subline: str, price: str | None, cta: str, palette: Palette) -> None:
    x0, y0, x1, y1 = panel
    h = y1 - y0
    unit = min(layout.width, layout.height)
    head_area = (x0, y0, x1, y0 + int(h * 0.46))
    head = fit_text(draw, "headline", headline, head_area, bold=True, max_size=unit // 9,
                    min_size=max(12, unit // 40), max_lines=3)
    sub_top = max(head.bbox[3], y0) + int(h * 0.05)
    sub_area = (x0, sub_top, x1, sub_top + int(h * 0.19))
    landscape = layout.width / layout.height >= 1.3
    row_top = y0 + int(h * 0.77) if landscape else sub_area[3] + int(h * 0.06)
    sub = fit_text(draw, "subline", subline, sub_area, bold=False, max_size=unit // 22,
                   min_size=max(10, unit // 60), max_lines=2)
    _draw_text(draw, head, palette.ink)
    _draw_text(draw, sub, palette.muted)
    layout.texts += [head, sub]
    row_h = min(y1 - row_top, unit // 7)
    half = (x1 - x0 - unit // 30) // 2
    if price:
        layout.texts.append(_button(draw, layout, "price", price, (x0, row_top, x0 + half,
                                    row_top + row_h), palette.badge, palette.on_brand))
    cta_left = x0 + half + unit // 30 if price else x0
    layout.texts.append(_button(draw, layout, "cta", cta, (cta_left, row_top, x1, row_top + row_h),
                                palette.brand, palette.on_brand))


def _button(draw: ImageDraw.ImageDraw, layout: BannerLayout, role: str, text: str, shape: Box,
            fill: str, ink: str) -> TextBox:
    draw.rounded_rectangle(shape, radius=(shape[3] - shape[1]) // 2, fill=fill)
    layout.shapes[role] = shape
    pad_x, pad_y = (shape[3] - shape[1]) // 2, (shape[3] - shape[1]) // 5
    area = (shape[0] + pad_x, shape[1] + pad_y, shape[2] - pad_x, shape[3] - pad_y)
    box = fit_text(draw, role, text, area, bold=True, max_size=area[3] - area[1],
                   min_size=8, max_lines=1)
    shift_x = ((area[2] - area[0]) - (box.bbox[2] - box.bbox[0])) // 2 - (box.bbox[0] - area[0])
    shift_y = ((area[3] - area[1]) - (box.bbox[3] - box.bbox[1])) // 2 - (box.bbox[1] - area[1])
    box.x, box.y = box.x + shift_x, box.y + shift_y
    box.bbox = (box.bbox[0] + shift_x, box.bbox[1] + shift_y, box.bbox[2] + shift_x,
                box.bbox[3] + shift_y)
    _draw_text(draw, box, ink)
    return box


def _draw_text(draw: ImageDraw.ImageDraw, box: TextBox, fill: str) -> None:
    font = load_font(box.font, box.size)
    for i, line in enumerate(box.lines):
        draw.text((box.x, box.y + i * box.line_height), line, font=font, fill=fill)


def _verify(layout: BannerLayout) -> None:
    """Refuse a layout whose text leaves the canvas, covers the image or overlaps other text."""
    canvas = (0, 0, layout.width, layout.height)
    for i, box in enumerate(layout.texts):
        if not inside(box.bbox, canvas) or overlaps(box.bbox, layout.image_box):
            raise InvalidRequestError(f"the {box.role} text does not fit a "
                                      f"{layout.width}x{layout.height} banner")
        for other in layout.texts[i + 1:]:
            if overlaps(box.bbox, other.bbox):
                raise InvalidRequestError(f"the {box.role} and {other.role} texts overlap")


__all__ = ["STANDARD_SIZES", "BannerLayout", "Palette", "font_path", "parse_size",
           "render_banner", "load_product_image", "placeholder", "regions"]
