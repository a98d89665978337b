"""A line answers the situation the shopper names, read in context, not a broad head's habit."""

from pathlib import Path

import pytest

from knowledge.store import Store
from tests.knowledge.served_shop import card_lines, serve_rows

ROWS = [
    ("S1", "Women's Memory Foam Slippers with Non-Slip Rubber Sole", [
        "Non-slip rubber sole grips smooth floors", "Warm fleece lined to keep feet toasty"]),
    ("G1", "Polarized Sport Sunglasses for Men", [
        "Polarized lenses cut glare", "UV400 protection blocks 100% of UV rays"]),
    ("D1", "Women's Lightweight Maxi Dress", ["Lightweight chiffon, flowy and breathable"]),
    ("L1", "High Waist Leggings for Women", [
        "Moisture-wicking fabric keeps you dry", "Opaque, squat proof, not see through"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    """The rows above, served with the seed knowledge and no learned gate."""
    return serve_rows(store, tmp_path, ROWS)


def _starts(lines: list[str], label: str) -> bool:
    return any(line.startswith(label) for line in lines)


def test_a_word_inside_a_longer_phrase_is_read_as_that_phrase(shop: Store) -> None:
    # "cold tile" is about cold feet, not icy ground; "tile" alone still reads slippery floors
    cold = card_lines(shop, "slippers for a teen who walks on cold tile", ["S1"])["S1"]
    assert not _starts(cold, "Slip-resistant")
    tile = card_lines(shop, "slippers for my grandma who keeps slipping on the tiles", ["S1"])
    assert _starts(tile["S1"], "Slip-resistant")


def test_glare_is_not_read_as_driving(shop: Store) -> None:
    lines = card_lines(shop, "sunglasses for a fly fisherman who needs to see fish under the glare",
                       ["G1"])["G1"]
    assert _starts(lines, "Polarized")
    assert not any("road" in line for line in lines)
    driving = card_lines(shop, "sunglasses for driving into the sun", ["G1"])["G1"]
    assert any("road" in line for line in driving)


def test_light_sensitivity_is_not_answered_with_uv_protection(shop: Store) -> None:
    lines = card_lines(shop, "sunglasses for a migraine sufferer sensitive to light", ["G1"])["G1"]
    assert not _starts(lines, "UV")
    surgery = card_lines(shop, "sunglasses for someone who just had cataract surgery", ["G1"])
    assert _starts(surgery["G1"], "UV")


def test_a_party_dress_is_not_explained_as_lightweight_unless_it_is_hot(shop: Store) -> None:
    party = card_lines(shop, "dress for a murder mystery party", ["D1"])["D1"]
    assert not _starts(party, "Lightweight")
    summer = card_lines(shop, "dress for a summer wedding", ["D1"])["D1"]
    assert _starts(summer, "Lightweight")


def test_squats_ask_for_opaque_leggings_not_dry_ones(shop: Store) -> None:
    lines = card_lines(shop, "leggings that arent see through when i squat", ["L1"])["L1"]
    assert not _starts(lines, "Moisture")
    assert _starts(lines, "Squat-proof")
