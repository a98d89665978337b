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


# (product, query whose situation the head misreads or does not need, line it must not show,
#  query that does need it)
READINGS = [
    # "cold tile" is about cold feet, not icy ground; "tile" alone still reads slippery floors
    ("S1", "slippers for a teen who walks on cold tile", "Slip-resistant",
     "slippers for my grandma who keeps slipping on the tiles"),
    # UV blocking does not dim visible light; after cataract surgery it is the need
    ("G1", "sunglasses for a migraine sufferer sensitive to light", "UV",
     "sunglasses for someone who just had cataract surgery"),
    # a party or a wedding asks nothing light; a summer wedding does
    ("D1", "dress for a murder mystery party", "Lightweight", "dress for a summer wedding"),
    # squats ask for leggings that stay opaque, not for dry ones; a sweaty workout does
    ("L1", "leggings that arent see through when i squat", "Moisture",
     "leggings for sweaty workouts"),
]


@pytest.mark.parametrize(("pid", "misread", "label", "needed"), READINGS)
def test_a_line_answers_the_situation_the_query_names(shop: Store, pid: str, misread: str,
                                                      label: str, needed: str) -> None:
    assert not _starts(card_lines(shop, misread, [pid])[pid], label)
    assert _starts(card_lines(shop, needed, [pid])[pid], label)


def test_glare_is_not_read_as_driving(shop: Store) -> None:
    lines = card_lines(shop, "sunglasses for a fly fisherman who needs to see fish under the glare",
                       ["G1"])["G1"]
    assert _starts(lines, "Polarized")
    assert not any("road" in line for line in lines)
    driving = card_lines(shop, "sunglasses for driving into the sun", ["G1"])["G1"]
    assert any("road" in line for line in driving)


def test_squats_ask_for_squat_proof_leggings(shop: Store) -> None:
    lines = card_lines(shop, "leggings that arent see through when i squat", ["L1"])["L1"]
    assert _starts(lines, "Squat-proof")
