"""A comma list of items that shares one status keeps it for every item (audit v48, spent).

"tufting cloth, frame and yarn NOT included" was cut at its comma, and the draft showed
"Tufting cloth." alone as a bullet, as if the cloth came with the gun. The briefs below were
written for these tests, apart from any audit set.
"""

from __future__ import annotations

import pytest

from tools.creatives.facts import parse_facts


def _texts(brief: str) -> list[str]:
    return [s.text for s in parse_facts(brief).segments]


@pytest.mark.parametrize(("brief", "listed"), [
    ("Rug hooking kit. punch needle, 3 sizes. canvas, hoop and yarn not included. gift box",
     "canvas, hoop and yarn not included"),
    ("Drone frame kit, carbon fibre. motors, props and battery sold separately",
     "motors, props and battery sold separately"),
])
def test_a_list_closed_by_a_status_stays_whole(brief: str, listed: str) -> None:
    texts = _texts(brief)
    assert listed in texts
    first_item = listed.split(",")[0]
    assert first_item not in texts  # never a bare item that reads as included


def test_a_status_of_one_bracketed_thing_does_not_pull_in_the_list() -> None:
    texts = _texts("Wading boots, felt sole, rubber toe cap, fits over waders (waders not "
                   "included)")
    assert not any("rubber toe cap" in t and "waders not included" in t for t in texts)
