"""A brand of two names joined by '&' or 'and' is never cut inside its name."""

from __future__ import annotations

import pytest

from tools.creatives.brief_brand import find_brand


@pytest.mark.parametrize(("brief", "brand"), [
    ("Linen tea towels, set of 2, 50 x 70 cm\nBrand: Moss & Meadow", "Moss & Meadow"),
    ("Brand: Salt and Pine. Soy candle, 200 g, 40 h burn.", "Salt and Pine"),
    ("Brand: Acme. Steel mug 350 ml.", "Acme"),
])
def test_a_joined_brand_is_kept_whole(brief: str, brand: str) -> None:
    assert find_brand(brief)[0] == brand
