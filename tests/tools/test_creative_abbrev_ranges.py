"""Briefs with numbered names, abbreviations before numbers, "free" lists, ranges and fits.

Audit v15's failures were of these kinds: "No. 2 pencils" read as a sentence end (the grade
became a count of pencils), "100% BPA, lead & phthalate free" cut at its commas (the "free"
lost), "95°F - 205°F" shown as one end, "3/8 in. Drive" read as a length, a laptop size a
sleeve fits shown as a feature. These briefs were written for these tests, apart from any
audit set.
"""

from __future__ import annotations

from knowledge.store import Store
from tools.creatives.brief_text import sentence_ends
from tools.creatives.facts import parse_facts

from .test_creative_run_on import _draft, _shown


def _texts(brief: str) -> list[str]:
    return [s.text for s in parse_facts(brief).segments]


def test_a_numbered_grade_is_part_of_the_name_never_a_count() -> None:
    parsed = parse_facts("Erasable No. 2 pencils, 36 ct. Soft graphite, pink erasers")
    assert parsed.head == "Erasable No. 2 pencils"
    assert "2 pencils" not in _texts("Erasable No. 2 pencils, 36 ct. Soft graphite")
    parsed = parse_facts("Picture Hanging Set No. 6 – 40 pcs: 20 hooks + 20 nails")
    assert parsed.head.endswith("No. 6")


def test_an_abbreviation_before_a_number_ends_no_sentence() -> None:
    text = "Set the dial to approx. 3 turns. Use No. 8 screws. Temp. 40 to 90°F."
    cuts = sentence_ends(text)
    assert len(cuts) == 2  # after "turns." and after "screws."
    assert "Temp. 95°F" in " ".join(_texts("Water heater, Temp. 95°F, 1.5 L"))


def test_an_exclusion_keeps_what_it_excludes() -> None:
    # audit v16: "Excl. gift cards" became a bare "Gift cards." bullet, offering what the
    # merchant excluded
    texts = _texts("Save 15% on any 3 mugs -- ends Sun. Excl. gift cards. Mix and match.")
    assert "Excl. gift cards" in texts
    assert not any(t.strip(" .").lower() == "gift cards" for t in texts)
    assert "Excl. saucers" in _texts("Ceramic mug set, 4 pcs. Excl. saucers. Dishwasher safe.")


def test_a_numbered_grade_reads_as_written_in_the_draft(store: Store) -> None:
    c = _draft(store, "Erasable No. 2 pencils, 36 ct. Soft graphite, pink erasers.")
    shown = _shown(c)
    assert "No. 2" in shown
    assert "No.," not in shown and "No.:" not in shown
    assert "2 pencils" not in shown.replace("No. 2 pencils", "")


def test_a_list_closed_by_free_keeps_free_for_every_item(store: Store) -> None:
    texts = _texts("Sippy cup, 100% BPA, lead & phthalate free, 8 oz")
    assert "100% BPA, lead & phthalate free" in texts
    assert "100% BPA" not in texts  # alone it says the cup is made of BPA
    c = _draft(store, "Kids tumbler 12 oz, 100% BPA, PVC, and PFOA-free, dishwasher safe")
    shown = _shown(c)
    assert "100% BPA, PVC, and PFOA-free" in shown


def test_a_range_keeps_both_ends(store: Store) -> None:
    texts = _texts("Milk frother, Temp. 95°F - 160°F, 350 ml")
    assert any("95°F - 160°F" in t for t in texts)
    assert not any(t.strip() in {"95°F", "160°F"} for t in texts)
    c = _draft(store, "Milk frother, heats milk 95°F - 160°F, 350 ml jug, non-stick")
    shown = _shown(c)
    assert "95°F - 160°F" in shown
    assert "95°F," not in shown and "95°F." not in shown


def test_a_measure_stays_with_its_part_word() -> None:
    texts = _texts("Ratchet, 3/8 in. Drive, 72 teeth, chrome vanadium")
    assert "3/8 in. Drive" in texts
    assert "Drive" not in texts


def test_a_fit_clause_is_a_compatibility_never_a_feature(store: Store) -> None:
    parsed = parse_facts("Tablet case for 11 in. Tablets (2022), shockproof TPU, stand")
    fits = [f for f in parsed.facts if f.type == "compatibility"]
    assert [f.text for f in fits] == ["for 11 in. Tablets (2022)"]
    assert not any(f.type in {"dimension", "feature"} and "Tablets" in f.text
                   for f in parsed.facts)
    c = _draft(store, "Nursing pillow cover, fits Boppy and most nursing pillows, soft knit")
    assert not any(str(b).startswith("Features:") and "Boppy" in str(b)
                   for b in c["bullets"])  # type: ignore[attr-defined]
    assert "fits Boppy and most nursing pillows" in _shown(c).replace("Fits", "fits")


def test_a_day_or_month_before_a_date_ends_nothing() -> None:
    assert parse_facts("Sale ends Oct. 31, free shipping").head == "Sale ends Oct. 31"
    assert "ends Sun. 11:59 p.m. PST" in _texts("Weekend sale 30% off, ends Sun. 11:59 p.m. PST")
