"""Closed-world claim checking: claims nobody listed in advance are caught."""

from __future__ import annotations

from tools.creatives.closed_world import Support, check_prose, check_sentence

BOTTLE = Support.of(["Hydra stainless steel water bottle 750ml, double wall insulated, "
                     "keeps drinks cold 24 hours and hot 12 hours, leak-proof lid"])
BOARD = Support.of(["bamboo cutting board 18 x 12 inches with juice groove, 3-year warranty"])


def test_sentences_saying_only_what_the_brief_says_are_kept() -> None:
    text = ("The Hydra water bottle keeps drinks cold 24 hours. "
            "It is made of stainless steel with a leak-proof lid.")
    assert check_prose(text, BOTTLE, where="description").text == text


def test_invented_features_and_puffery_are_dropped_with_the_reason() -> None:
    text = ("The bottle has a built-in water filtration system. "
            "It protects your wallet from water damage. Keeps drinks hot 12 hours.")
    checked = check_prose(text, BOTTLE, where="description")
    assert checked.text == "Keeps drinks hot 12 hours."
    assert [d["sentence"] for d in checked.dropped] == [
        "The bottle has a built-in water filtration system.",
        "It protects your wallet from water damage."]
    reasons = " ".join(f["reason"] for d in checked.dropped for f in d["unsupported"])
    assert "'filtration'" in reasons and "'wallet'" in reasons


def test_the_bamboo_board_cannot_become_compostable_or_save_forests() -> None:
    for invented in ("Biodegradable and compostable, it reduces deforestation.",
                     "Even works as a utensil.", "The best cutting board you will ever own."):
        assert check_sentence(invented, BOARD), invented


def test_numbers_must_match_a_fact_with_its_unit() -> None:
    assert check_sentence("Keeps drinks cold 48 hours.", BOTTLE)
    assert check_sentence("Holds 750 oz.", BOTTLE)
    assert not check_sentence("A 750ml bottle.", BOTTLE)


def test_known_words_in_a_new_combination_are_not_backed() -> None:
    fountain = Support.of(["pet water fountain 2.5L, triple filtration, ultra quiet pump"])
    assert not check_sentence("Triple filtration and an ultra quiet pump.", fountain)
    [finding] = check_sentence("A water filtration bowl.", fountain)
    assert finding.reason.startswith("'bowl'")
    [pair] = check_sentence("Quiet filtration.", fountain)
    assert "together" in pair.reason
