"""Seventeenth session: an inseam or a diameter in the bullets is the product's size."""

from knowledge.extraction import extract
from knowledge.extraction.named_measures import named_measure


def _sizes(title: str, *bullets: str) -> list[str]:
    return list(extract(title, list(bullets)).attributes.get("sizes", []))


def test_an_inseam_in_a_bullet_is_the_garments_size() -> None:
    assert "28.5in" in _sizes("Hanes Sport Women's Performance Legging", '28.5" inseam')
    assert "27.5in" in _sizes("Spanx Jean-ish Ankle Legging", "Inseam: 27.5in / 70cm")


def test_a_diameter_said_of_the_product_is_its_size() -> None:
    assert "10mm" in _sizes("Kaweco Mechanical Pencil",
                            "Thanks to the pleasant diameter of 10 mm, it sits well in the hand")
    assert "14mm" in _sizes("Kaweco Clutch Pencil", "The barrel is 14 mm in diameter")


def test_a_limit_or_another_dimension_is_no_size() -> None:
    text = "Max. diameter 2 inches"
    assert not named_measure(text, text.index("2"), len(text))
    assert "5in" not in _sizes("Vessel Sink Drain", "Fits sinks up to 5 inches wide")
    assert "2lb" not in _sizes("DJ Gear Stand", "Weighs only 2 lbs")


def test_a_titles_count_of_like_items_is_its_pack() -> None:
    assert "pack of 16" in _sizes("SmartBones Calming Care Sticks 16 Count, Rawhide-Free Chews")
    assert "pack of 20" in _sizes("20-ct 13x13 Tropical Bird Napkins")
    assert "pack of 4" in _sizes("TRESemme Shampoo for Damaged Hair 20 oz 4 Count")


def test_a_thread_count_a_total_or_a_pill_count_is_no_pack() -> None:
    assert "pack of 156" not in _sizes("Screen Printing Frame with White 156 Count Mesh")
    wipes = _sizes("WaterWipes Baby Wipes, Sensitive Newborn Skin, 9 Packs (540 Count)")
    assert "pack of 9" in wipes and "pack of 540" not in wipes
    assert "pack of 60" not in _sizes("Vitamin D3 5000 IU Softgels, 60 Count")


def test_a_square_is_sized_by_its_side() -> None:
    assert "18in" in _sizes("Throw Pillow Covers 18x18 Set of 4, Decorative Linen")
    assert "60in" in _sizes("Boho Carved Wood Headboard Wall Art 60x60 Inches")
    assert "13in" in _sizes("20-ct 13x13 Tropical Bird Napkins")


def test_a_rectangle_a_drive_or_jeans_are_no_square() -> None:
    assert not {"16in", "25in"} & set(_sizes("Kitchen Dish Towels, 16 Inch x 25 Inch"))
    assert "4in" not in _sizes("1:10 Scale RC Cars 50+ kmh Remote Control Car 4x4 Off Road")
    assert "32in" not in _sizes("Carhartt Men's Relaxed Straight Leg Jean, Weathered Blue, 32 x 32")


def test_a_second_unit_counts_and_a_chart_of_inseams_does_not() -> None:
    ball = _sizes("Christmas Ornaments", 'Oversized ornaments are 100mm/3.93" in diameter.')
    assert {"100mm", "3.93in"} <= set(ball)
    chart = _sizes("Yoga Dress Pants", 'Petite - 29" inseam fits 5\'1 / Regular - 31" inseam fits')
    assert not {"29in", "31in"} & set(chart)
