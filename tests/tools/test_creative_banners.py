"""Banners: right sizes, text measured inside the canvas and off the image, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlmodel import Session, select

from knowledge.creatives import Creative
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from knowledge.store import Store
from tools.creatives.banner_creatives import make_banners

from .creative_catalog import seed_catalog

Box = tuple[int, int, int, int]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _measured(draw: ImageDraw.ImageDraw, text: dict) -> list[Box]:
    """Re-measure every drawn line with the real font at the stored size and position."""
    font = ImageFont.truetype(text["font"], text["size"])
    return [tuple(int(v) for v in draw.textbbox(
        (text["x"], text["y"] + i * text["line_height"]), line, font=font))  # type: ignore[misc]
        for i, line in enumerate(text["lines"])]


def _file(store: Store, creative: Creative) -> Path:
    assert creative.image is not None and creative.image.startswith("/media/banners/")
    return store.settings.media_dir / creative.image.removeprefix("/media/")


def _with_image(store: Store) -> None:
    folder = store.settings.media_dir / "images"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (640, 480), "#e07b00").save(folder / "mat.png")
    with Session(store.engine) as session:
        mat = session.get(Product, "mat-tpe")
    assert mat is not None
    mat.image = "/media/images/mat.png"
    store.write_products([mat])


def test_three_standard_sizes_with_measured_text_off_the_image(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    _with_image(store)
    made = make_banners(store, merchant_id=merchant.id, product_id="mat-tpe",
                        headline="Extra-Thick Non-Slip Yoga Mat for calm, steady practice")
    assert sorted(c.content["size"] for c in made) == ["1080x1080", "1200x628", "800x800"]
    for creative in made:
        path = _file(store, creative)
        with Image.open(path) as img:
            width, height = img.size
            pixels = img.convert("RGB")
        assert f"{width}x{height}" == creative.content["size"]
        layout = creative.content["layout"]
        assert layout["placeholder"] is False
        image_box = tuple(layout["image_box"])
        draw = ImageDraw.Draw(Image.new("RGB", (width, height)))
        boxes = []
        for text in layout["texts"]:
            for box in _measured(draw, text):
                assert 0 <= box[0] and 0 <= box[1] and box[2] <= width and box[3] <= height
                assert not _overlap(box, image_box), (creative.content["size"], text["role"])
                boxes.append((text["role"], box))
        for i, (role, box) in enumerate(boxes):
            for other_role, other in boxes[i + 1:]:
                assert not _overlap(box, other), (role, other_role)
        roles = {t["role"] for t in layout["texts"]}
        assert roles == {"headline", "subline", "price", "cta"}
        assert "$39.00" in [line for t in layout["texts"] for line in t["lines"]]
        # the product image really is in its region: its orange shows at the region's centre
        cx, cy = (image_box[0] + image_box[2]) // 2, (image_box[1] + image_box[3]) // 2
        assert pixels.getpixel((cx, cy)) == (224, 123, 0)


def test_long_headline_shrinks_and_wraps_but_never_overflows(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    words = "Extraordinarily thick and comfortable mat for practice " * 4
    made = make_banners(store, merchant_id=merchant.id, product_id="mat-cork",
                        headline=words[:80], sizes=["800x800", "400x1000", "1600x600"])
    for creative in made:
        layout = creative.content["layout"]
        head = next(t for t in layout["texts"] if t["role"] == "headline")
        assert 1 <= len(head["lines"]) <= 3
        draw = ImageDraw.Draw(Image.new("RGB", (layout["width"], layout["height"])))
        for box in _measured(draw, head):
            assert box[2] <= layout["width"] and box[3] <= layout["height"]
            assert not _overlap(box, tuple(layout["image_box"]))


def test_missing_or_unreadable_image_gets_a_placeholder(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    broken = store.settings.media_dir / "images" / "broken.png"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"this is not a png")
    with Session(store.engine) as session:
        boots, bowls = session.get(Product, "boot-wp"), session.get(Product, "bowls")
    assert boots is not None and bowls is not None
    boots.image, bowls.image = "/media/images/broken.png", "/media/images/nowhere.png"
    store.write_products([boots, bowls])
    for pid in ("boot-wp", "bowls", "mat-pvc"):
        [banner] = make_banners(store, merchant_id=merchant.id, product_id=pid, sizes=["800x800"])
        assert banner.content["layout"]["placeholder"] is True
        with Image.open(_file(store, banner)) as img:
            assert img.size == (800, 800)


def test_claims_in_a_merchant_headline_are_checked(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    [banner] = make_banners(store, merchant_id=merchant.id, product_id="mat-pvc",
                            headline="Waterproof Lightweight Yoga Mat", sizes=["1200x628"])
    assert banner.content["headline"] == "Lightweight Yoga Mat"
    assert [f["term"] for f in banner.content["flagged"]] == ["waterproof"]


def test_absurd_sizes_and_foreign_products_write_nothing(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    for sizes in (["10x10"], ["99999x800"], ["1200x200"], ["big"], ["800x800"] * 7):
        with pytest.raises(InvalidRequestError):
            make_banners(store, merchant_id=merchant.id, product_id="mat-tpe", sizes=sizes)
    with pytest.raises(NotFoundError):
        make_banners(store, merchant_id=merchant.id, product_id="foreign")
    with pytest.raises(InvalidRequestError):
        make_banners(store, merchant_id=merchant.id, product_id="mat-tpe", cta="")
    with Session(store.engine) as session:
        assert list(session.exec(select(Creative))) == []
    assert not (store.settings.media_dir / "banners").exists() or not any(
        (store.settings.media_dir / "banners").iterdir())
