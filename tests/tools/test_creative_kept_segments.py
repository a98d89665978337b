"""A merchant's segment kept whole: pipes, abbreviations in lists, fit lists, use lists, run-ons.

Audit v16's unsupported drafts were of these kinds: "Max opening: 5.5 in." cut at a pipe
(the number shown alone), "3 in., 3.9 in. & 4.7 in. dia." cut at its abbreviations (the
title kept one size of three), the last maker of a fit list ("..., Ryobi T-shank jigsaws")
and a place of use ("..desk, car, nightstand") shown under "Features:". These briefs were
written for these tests, apart from any audit set.
"""

from __future__ import annotations

from knowledge.store import Store
from tools.creatives.facts import parse_facts

from .test_creative_run_on import _draft, _shown


def _texts(brief: str) -> list[str]:
    return [s.text for s in parse_facts(brief).segments]


def test_a_label_after_a_pipe_keeps_its_number(store: Store) -> None:
    texts = _texts("Pipe Clamp\nThroat depth: 3 in. | Max capacity: 12 in.\nSteel jaws")
    assert "Max capacity: 12 in" in texts
    assert "12 in" not in texts and not any(t.startswith("|") for t in texts)
    c = _draft(store, "Bar clamp 24 in. | Clamping force: 300 lbs | Throat: 3.5 in. | steel bar")
    shown = _shown(c)
    assert "Clamping force: 300 lbs" in shown and "Throat: 3.5 in" in shown
    assert "| " not in shown


def test_sizes_joined_by_an_ampersand_stay_one_fact(store: Store) -> None:
    texts = _texts("Cookie cutter set (4 pcs) - sizes: 2 in., 2.5 in. & 3 in. dia.\nTinplate")
    assert any("2 in., 2.5 in. & 3 in. dia" in t for t in texts)
    assert not any(t.startswith("&") for t in texts)
    c = _draft(store, "Ravioli stamp set (3 pcs) - sizes: 2 in., 2.4 in. & 3 in. dia. "
                      "Beech handles")
    title = str(c["title"])
    assert "( )" not in _shown(c)
    assert "& 3 in" not in title or "2 in., 2.4 in. & 3 in" in title  # all three or none


def test_a_measure_in_the_name_line_goes_on_with_the_name() -> None:
    texts = _texts("GripMax 6 in. Drill Press Vise\nJaw opening: 4 in.\nCast iron")
    assert "6 in. Drill Press Vise" in " ".join(texts) + " " + parse_facts(
        "GripMax 6 in. Drill Press Vise\nJaw opening: 4 in.\nCast iron").head
    assert "Drill Press Vise" not in texts


def test_the_last_maker_of_a_fit_list_stays_in_the_fit(store: Store) -> None:
    parsed = parse_facts("Reciprocating saw blades, 12 pcs. Fits Milwaukee, Makita, Bosch "
                         "and Ridgid saws. Bi-metal.")
    fits = [f.text for f in parsed.facts if f.type == "compatibility"]
    assert any("Ridgid saws" in t and "Milwaukee" in t for t in fits)
    c = _draft(store, "Router bit set, 15 pcs, carbide tipped. Fits Porter-Cable, Skil, "
                      "Craftsman routers. 1/4 in. shank.")
    assert not any(str(b).startswith("Features:") and "Craftsman" in str(b)
                   for b in c["bullets"])  # type: ignore[attr-defined]


def test_a_bare_list_of_places_is_never_a_feature(store: Store) -> None:
    parsed = parse_facts("magnetic hooks x6, holds 22 lbs each, neodymium..fridge, garage, "
                         "toolbox")
    uses = [s.text for s in parsed.segments if s.kind == "use"]
    assert uses == ["fridge, garage, toolbox"]
    c = _draft(store, "suction soap dish, silicone, drains fast..shower, bathtub, kitchen sink")
    for b in c["bullets"]:  # type: ignore[attr-defined]
        assert not (str(b).startswith("Features:") and ("shower" in b or "bathtub" in b))
    assert "..shower" not in _shown(c)


def test_doubled_commas_and_stops_cut_like_one() -> None:
    parsed = parse_facts("Canvas tote bag,,cotton canvas (natural),,15 x 16 in.,,inner pocket"
                         "..machine washable")
    assert parsed.head == "Canvas tote bag"
    texts = [s.text for s in parsed.segments]
    assert "15 x 16 in" in texts and "machine washable" in texts
    assert not any(",," in t or ".." in t for t in texts)


def test_a_double_dash_separates_facts_and_never_shows() -> None:
    parsed = parse_facts("Garden Kneeler Pad -- 18 x 11 in. -- memory foam -- sizes S, M, L "
                         "-- units: in / cm -- waterproof")
    texts = [s.text for s in parsed.segments]
    assert parsed.head == "Garden Kneeler Pad"
    assert "18 x 11 in" in texts and "memory foam" in texts and "units: in / cm" in texts
    assert not any("--" in t for t in [*texts, parsed.head])


def test_an_abbreviation_before_a_signed_or_quoted_number_ends_nothing() -> None:
    texts = _texts("Freezer thermometer, dial face. Temp. -20°F to 80°F. Hangs or stands")
    assert any(t.startswith("Temp. -20°F to 80°F") for t in texts)
    texts = _texts('Keychain, brass, "No. 1 Mom" stamped on the back')
    assert any('"No. 1 Mom" stamped' in t for t in texts)


def test_a_company_name_with_co_is_one_name() -> None:
    parsed = parse_facts("Birch & Co. Scented Candle - 8 oz, soy wax, 40 hr burn")
    assert "Scented Candle" in parsed.head
    assert "Scented Candle" not in [s.text for s in parsed.segments]


def test_a_measure_of_a_part_in_the_name_stays_with_the_part() -> None:
    parsed = parse_facts("3/8 in. Drive Ratchet Wrench\n72 teeth\nChrome vanadium steel")
    texts = [s.text for s in parsed.segments]
    assert "3/8 in. Drive" in texts
    assert "3/8 in" not in texts and "Drive" not in parsed.head.split()


def test_the_tail_of_a_list_never_enters_the_title() -> None:
    from tools.creatives.listing_builder import build_title
    parsed = parse_facts("Nail art kit: 24 glitters, 6 brushes, + dotting pen & tweezers. Vegan")
    assert any(s.text.startswith("+ ") for s in parsed.segments)
    assert "+ Dotting" not in build_title(parsed, None)


def test_a_list_of_measures_stays_whole() -> None:
    texts = _texts("Nesting planters set of 3, sizes 4 in., 6 in. & 8 in. dia, ceramic")
    assert "sizes 4 in., 6 in. & 8 in. dia" in texts
    texts = _texts("Dowel rods, 3 pcs, lengths approx. 12 in., 18 in. and 24 in.; birch")
    assert any("12 in., 18 in. and 24 in" in t for t in texts)
    assert not any(t.startswith("18 in") for t in texts)


def test_a_sentence_opening_on_for_keeps_its_whole_list(store: Store) -> None:
    texts = _texts("Seed starting trays, 6 pack. For tomatoes, basil, peppers & more. Reusable")
    assert "For tomatoes, basil, peppers & more" in texts
    assert "basil" not in texts
    texts = _texts("Paracord 100 ft, 7 strands\nfor camping, tents, keys & gear")
    assert "for camping, tents, keys & gear" in texts
    c = _draft(store, "Snack clips, 12 pack. For chips, cereal, frozen peas & more. BPA free")
    assert not any(str(b).strip(" .").lower() in {"cereal", "frozen peas & more"}
                   for b in c["bullets"])  # type: ignore[attr-defined]


def test_a_fit_or_use_never_stands_under_a_size_or_feature_heading(store: Store) -> None:
    c = _draft(store, "Trailer hitch pin lock for 2 in. receivers (not for 1.25 in.), "
                      "stainless steel, 2 keys incl.")
    for b in c["bullets"]:  # type: ignore[attr-defined]
        assert not (str(b).startswith(("Size and capacity:", "Features:", "Key specs:"))
                    and "receivers" in str(b))
    assert "for 2 in. receivers (not for 1.25 in.)" in _shown(c).replace("For 2", "for 2")


def test_unit_and_word_abbreviations_run_on_before_lower_case() -> None:
    texts = _texts("Bike grease 3 oz, lasts approx. 300 mi. per tube | fits std. grease guns")
    assert "lasts approx. 300 mi. per tube" in texts
    assert "fits std. grease guns" in " ".join(texts)
    texts = _texts("Seed starter mix 8 qt. bag, makes 2 gal. soil, 10 in. Dia. tray")
    assert any("makes 2 gal. soil" in t for t in texts)
    assert "soil" not in texts and "Dia" not in texts


def test_size_lists_and_named_ranges_stay_whole() -> None:
    texts = _texts("Cake pans 5 pcs: 4 in., 6 in., 8 in., 10 in., 12 in. | aluminum")
    assert "4 in., 6 in., 8 in., 10 in., 12 in" in texts
    texts = _texts("Hex bolt kit | Metric M4 - M10 | zinc plated | incl. nuts, washers, case")
    assert any("M4 - M10" in t for t in texts)
    assert not any(t.strip() in {"incl", "M10"} for t in texts)


def test_a_fit_list_ends_at_a_measure_or_a_run_on_stop() -> None:
    parsed = parse_facts("Toe spacers, gel, fits big, second, middle, fourth, approx. 1 in. wide")
    fits = [f.text for f in parsed.facts if f.type == "compatibility"]
    assert "fits big, second, middle, fourth" in fits
    parsed = parse_facts("Laptop stand, fits notebooks, tablets, readers.. NOT for 17 in. laptops")
    assert any("notebooks, tablets, readers" in s.text for s in parsed.segments)
