"""Facts cut or moved by the brief's punctuation (classes from audits v17/v18, generalised).

v18: "ship by Dec. 5" gave the brand "Dec" and a bare "5."; "Powered by CR2032 battery" the
brand "CR2032"; "Shelf life 6 mo. after opening" lost "after opening"; "7/8 in. Metal Tongue"
gave the tongue's size to the extender. v17: "18K gold plated" left a bare "18K"; the model
sentence "It has a manual." made "manual" (hand-operated) an included manual. The briefs
below were written for these tests, apart from any audit set.
"""

from __future__ import annotations

import pytest

from tools.creatives.facts import parse_facts
from tools.creatives.segment_binding import Segments, check_segments


def _segments(brief: str) -> list[str]:
    return [s.text for s in parse_facts(brief).segments]


@pytest.mark.parametrize(("brief", "segment"), [
    ("Advent calendar 24 doors, wooden. Ships by Nov. 15.", "Ships by Nov. 15"),
    ("Kitchen timer, magnetic, powered by LR44 battery (incl.)",
     "powered by LR44 battery (incl.)"),
    ("Desk lamp, ships from Ohio in 2 days", "ships from Ohio in 2 days"),
])
def test_a_date_a_part_code_or_a_verb_s_agent_is_no_brand(brief: str, segment: str) -> None:
    parsed = parse_facts(brief)
    assert parsed.brand is None
    assert segment in _segments(brief)


def test_by_a_maker_is_still_the_brand() -> None:
    assert parse_facts("Water bottle by Hydra, 750ml").brand == "Hydra"


@pytest.mark.parametrize(("brief", "segment"), [
    ("Sale: all planners 20% off, ends Sat. Dec. 3 @ 9 p.m. PST.",
     "ends Sat. Dec. 3 @ 9 p.m. PST"),
    ("Face serum 30 ml, vitamin C. Use within 12 mo. after opening.",
     "Use within 12 mo. after opening"),
    ("Wax strips 20 ct. Results last up to 4 wks. on most skin",
     "Results last up to 4 wks. on most skin"),
    ("Trailer Hitch Pin 5/8 in. Steel Clip - fits 2 in. receivers", "5/8 in. Steel Clip"),
    ("Hoop earrings, 14K gold plated, hypoallergenic", "14K gold plated"),
])
def test_an_abbreviation_a_part_s_measure_or_a_grade_stays_with_its_words(
        brief: str, segment: str) -> None:
    assert any(segment in s for s in _segments(brief))


@pytest.mark.parametrize(("brief", "sentence"), [
    ("Pepper grinder, manual - no batteries needed, ceramic burr", "It has a manual."),
    ("Coffee scale, digital, auto-off, 2 kg max", "It comes with a digital."),
])
def test_a_bare_word_of_the_brief_is_no_thing_the_product_has(brief: str, sentence: str) -> None:
    assert check_segments(sentence, Segments.of(parse_facts(brief)))


def test_a_part_named_in_the_brief_may_still_be_had() -> None:
    brief = "Pepper grinder, manual - no batteries needed, ceramic burr"
    assert not check_segments("It has a ceramic burr.", Segments.of(parse_facts(brief)))


# round 2, from audit v19's labels (classes, with briefs written for these tests)
@pytest.mark.parametrize(("brief", "head"), [
    ("garlic peeler silicone 2pk, dishwasher safe", "garlic peeler"),
    ("14K gold plated stud earrings, 6mm, hypoallergenic", "14K gold plated stud earrings"),
    ("LAVENDER PILLOW SPRAY 100ml / 3.4 fl. oz.\n• essential oils", "LAVENDER PILLOW SPRAY"),
    ("CR2032 battery incl. (1 pc)\ndigital kitchen timer, magnetic back", "digital kitchen timer"),
])
def test_the_name_keeps_its_noun_its_grade_and_skips_an_item_line(brief: str, head: str) -> None:
    assert parse_facts(brief).head == head


@pytest.mark.parametrize(("brief", "segment"), [
    ("string set – 3 gauges: .010 light, .011 medium, .012 heavy – nickel", ".010 light"),
    ("Suction hooks – 6 pk – for tiles, mirrors & glass doors – reusable",
     "for tiles, mirrors & glass doors"),
])
def test_a_leading_point_and_a_dashed_for_list_stay(brief: str, segment: str) -> None:
    assert segment in _segments(brief)


def test_an_item_line_is_in_the_box_not_a_size() -> None:
    kinds = {s.text: s.kind for s in parse_facts(
        "CR2032 battery incl. (1 pc)\ndigital kitchen timer, magnetic back").segments}
    assert kinds["CR2032 battery incl. (1 pc)"] == "included"


@pytest.mark.parametrize(("brief", "segment"), [
    ("Trailer hitch ball 2 in., rated 3,500 lbs. GTW, chrome plated", "rated 3,500 lbs. GTW"),
    ("Garden hose adapter 3/4 in. NPT, brass, 2 pack", "3/4 in. NPT"),
])
def test_an_acronym_after_a_measure_s_full_stop_stays_with_it(brief: str, segment: str) -> None:
    assert segment in _segments(brief)


def test_a_capitalised_sentence_after_a_measure_still_starts_a_fact() -> None:
    assert _segments("Picture frame 12 in. Great gift for dads") == ["12 in",
                                                                      "Great gift for dads"]


def test_a_pack_size_is_no_thing_the_product_has() -> None:
    brief = "garlic peeler silicone 2pk, dishwasher safe"
    assert check_segments("It has a silicone 2pk.", Segments.of(parse_facts(brief)))


def test_including_a_count_is_no_material() -> None:
    kinds = [s.kind for s in parse_facts(
        "Chalk markers 12 colors, incl. 4 metallic (gold, silver, copper, bronze), "
        "water based").segments if s.text.startswith("incl. 4 metallic")]
    assert kinds and "material" not in kinds
